#pragma once

// The backslash escapes of Python's string literals, shared by the tokenizer (plain strings) and the
// parser (the literal parts of f-strings).
#include <cstdint>
#include <string>
#include <string_view>

namespace loopscope::engine {

struct escape_error {
    std::string message;
    std::string type;  // SyntaxError, or UnsupportedError for what the engine does not model
};

std::string encode_utf8(std::uint32_t code_point);

// `text[i]` is the character after a backslash. Returns what the escape stands for and moves `i`
// past it; an unknown escape stands for itself, backslash included (CPython warns, and keeps it).
// A line continuation (backslash, newline) is the caller's: it counts lines.
std::string decode_escape(std::string_view text, std::size_t& i);

} // namespace loopscope::engine
