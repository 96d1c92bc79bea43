#include "schema/article.h"

#include <zstd.h>

#include <cstdint>
#include <memory>

namespace corpus::schema {
namespace {

constexpr char format_version = 1;
// zstd's default level: about zlib's ratio on a page, decompressed several times faster.
constexpr int compression_level = 3;
enum Flags : unsigned char { outlet_inferred_flag = 1, date_inferred_flag = 2, title_inferred_flag = 4 };

void put_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

bool get_varint(std::string_view& in, std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (byte < 0x80) return true;
    }
    return false;
}

void put_field(std::string& out, std::string_view field) {
    put_varint(out, field.size());
    out += field;
}

bool get_field(std::string_view& in, std::string& field) {
    std::uint64_t size = 0;
    if (!get_varint(in, size) || size > in.size()) return false;
    field.assign(in.substr(0, size));
    in.remove_prefix(size);
    return true;
}

// One compression context per thread: the indexer analyses on every core.
std::string compress(std::string_view fields) {
    struct Free {
        void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
    };
    thread_local std::unique_ptr<ZSTD_CCtx, Free> context(ZSTD_createCCtx());
    std::string frame(ZSTD_compressBound(fields.size()), '\0');
    const std::size_t size =
        ZSTD_compressCCtx(context.get(), frame.data(), frame.size(), fields.data(), fields.size(), compression_level);
    // Only a too-small buffer fails, and compressBound rules that out.
    frame.resize(ZSTD_isError(size) ? 0 : size);
    return frame;
}

bool decompress(std::string_view frame, std::string& fields) {
    struct Free {
        void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
    };
    thread_local std::unique_ptr<ZSTD_DCtx, Free> context(ZSTD_createDCtx());
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    // Pages are capped far below this when read; anything larger is damage.
    constexpr unsigned long long max_fields_bytes = 1ull << 31;
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > max_fields_bytes) return false;
    fields.resize(size);
    const std::size_t got = ZSTD_decompressDCtx(context.get(), fields.data(), fields.size(), frame.data(), frame.size());
    return !ZSTD_isError(got) && got == size;
}

Error damaged() {
    return Error{ErrorCode::bad_database, "a document's stored data is damaged or of another format",
                 "rebuild the index with: corpus-index --rebuild"};
}

// Splits the data into its two frames.
bool frames(std::string_view data, std::string_view& summary, std::string_view& rest) {
    if (data.empty() || data.front() != format_version) return false;
    data.remove_prefix(1);
    std::uint64_t size = 0;
    if (!get_varint(data, size) || size > data.size()) return false;
    summary = data.substr(0, size);
    rest = data.substr(size);
    return true;
}

bool read_summary(std::string_view frame, StoredArticle& article) {
    std::string fields;
    if (!decompress(frame, fields)) return false;
    std::string_view in = fields;
    std::string flags;
    if (!get_field(in, article.id) || !get_field(in, article.title) || !get_field(in, article.outlet) ||
        !get_field(in, article.date) || !get_field(in, flags) || flags.size() != 1 || !get_field(in, article.body) ||
        !get_field(in, article.url) || !get_field(in, article.author)) {
        return false;
    }
    article.outlet_inferred = (flags[0] & outlet_inferred_flag) != 0;
    article.date_inferred = (flags[0] & date_inferred_flag) != 0;
    article.title_inferred = (flags[0] & title_inferred_flag) != 0;
    return in.empty();
}

}  // namespace

std::string encode_document_data(const StoredArticle& article) {
    std::string summary;
    summary.reserve(article.title.size() + article.body.size() + article.url.size() + article.author.size() + 64);
    put_field(summary, article.id);
    put_field(summary, article.title);
    put_field(summary, article.outlet);
    put_field(summary, article.date);
    const char flags = static_cast<char>((article.outlet_inferred ? outlet_inferred_flag : 0) |
                                         (article.date_inferred ? date_inferred_flag : 0) |
                                         (article.title_inferred ? title_inferred_flag : 0));
    put_field(summary, std::string_view(&flags, 1));
    put_field(summary, article.body);
    put_field(summary, article.url);
    put_field(summary, article.author);
    std::string rest;
    rest.reserve(article.chrome.size() + 256);
    for (const std::string* field : {&article.outlet_evidence, &article.date_evidence, &article.chrome,
                                     &article.source, &article.content_hash}) {
        put_field(rest, *field);
    }
    const std::string summary_frame = compress(summary);
    std::string data(1, format_version);
    put_varint(data, summary_frame.size());
    data += summary_frame;
    data += compress(rest);
    return data;
}

Result<StoredArticle> decode_document_summary(std::string_view data) {
    std::string_view summary, rest;
    StoredArticle article;
    if (!frames(data, summary, rest) || !read_summary(summary, article)) return damaged();
    return article;
}

Result<StoredArticle> decode_document_data(std::string_view data) {
    std::string_view summary, rest;
    StoredArticle article;
    if (!frames(data, summary, rest) || !read_summary(summary, article)) return damaged();
    std::string fields;
    if (!decompress(rest, fields)) return damaged();
    std::string_view in = fields;
    for (std::string* field : {&article.outlet_evidence, &article.date_evidence, &article.chrome, &article.source,
                               &article.content_hash}) {
        if (!get_field(in, *field)) return damaged();
    }
    if (!in.empty()) return damaged();
    return article;
}

}  // namespace corpus::schema
