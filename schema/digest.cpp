#include "schema/digest.h"

#include <xxhash.h>

#include <cstdint>
#include <memory>

namespace corpus::schema {

std::string hex_digest(std::initializer_list<std::string_view> parts) {
    const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    XXH3_64bits_reset(state.get());
    bool first = true;
    for (std::string_view part : parts) {
        // Unit separator: parts that move text from one to the next digest apart.
        if (!first) XXH3_64bits_update(state.get(), "\x1f", 1);
        first = false;
        XXH3_64bits_update(state.get(), part.data(), part.size());
    }
    std::uint64_t hash = XXH3_64bits_digest(state.get());
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 0xF];
    return hex;
}

}  // namespace corpus::schema
