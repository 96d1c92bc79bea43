// Reading the line-oriented files corpus-search is given (--batch, --config) without
// letting them hang the process or fill its memory. Front-end code, like option_layers.
#pragma once

#include "schema/result.h"

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

namespace corpus::searcher {

// A query line is at most a query's length (query_parser.h); a config line is short.
inline constexpr std::size_t max_input_line_bytes = 65536;

class InputLines {
public:
    // Opens `path` ("-": standard input) if it is a regular file, a pipe, a socket or a
    // terminal; a folder or a device such as /dev/zero is refused, naming `what`.
    static Result<InputLines> open(const std::string& path, const std::string& what);

    enum class Read { line, too_long, end };
    // The next line, without its "\n" (and "\r"). A line longer than max_input_line_bytes
    // is read to its end and dropped: Read::too_long, `line` holding its start.
    Read next(std::string& line);
    // Whether reading stopped on an error rather than at the end.
    bool failed() const { return std::ferror(file_.get()) != 0; }

private:
    struct Closer {
        bool close;
        void operator()(std::FILE* file) const {
            if (close) std::fclose(file);
        }
    };
    explicit InputLines(std::FILE* file, bool close) : file_(file, Closer{close}) {}
    std::unique_ptr<std::FILE, Closer> file_;
};

}  // namespace corpus::searcher
