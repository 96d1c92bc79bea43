// Errors as values at library boundaries (see ../shared STYLE: "errors are values").
// Front-ends map an Error to a one-line message and an exit status.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace corpus {

enum class ErrorCode {
    usage,           // bad option or argument
    query_syntax,    // the query cannot be parsed
    no_database,     // nothing at the index path
    bad_database,    // something there, but not a usable index
    index_mismatch,  // built by another schema version or analysis chain
    io,              // a file could not be read or written
    not_found,       // no such article
    busy,            // another run holds the index
    internal,        // an unexpected library failure, translated once
};

struct Error {
    ErrorCode code;
    std::string message;  // one line, what went wrong
    std::string hint;     // optional, what the user can do about it
};

// A value or an Error. Small on purpose: C++20 has no std::expected.
template <typename T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message, std::string hint = {}) {
    return Error{code, std::move(message), std::move(hint)};
}

}  // namespace corpus
