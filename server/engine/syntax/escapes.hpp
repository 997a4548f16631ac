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
    // A codec error ("truncated \\xXX escape"): how many characters, from the backslash on, the
    // escape took up to where it failed. CPython names them as positions within the literal.
    std::size_t span = 0;
};

// The message CPython gives for `e`, whose backslash is at `backslash` of `literal` (the body of the
// string, or of one literal part of an f-string): "(unicode error) 'unicodeescape' codec can't decode
// bytes in position 2-4: truncated \\xXX escape".
std::string escape_error_message(const escape_error& e, std::string_view literal, std::size_t backslash);

std::string encode_utf8(std::uint32_t code_point);

// How repr() and ascii() write a code point they escape: \x.., \u.... or \U........, lower-case hex
// (written by hand: printf per character made a repr of a million of them take a quarter second).
inline void append_code_escape(std::string& out, std::uint32_t code)
{
    const char kind = code < 0x100 ? 'x' : code < 0x10000 ? 'u' : 'U';
    const int digits = code < 0x100 ? 2 : code < 0x10000 ? 4 : 8;
    out += '\\';
    out += kind;
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += "0123456789abcdef"[(code >> shift) & 0xFu];
}

// `text[i]` is the character after a backslash. Returns what the escape stands for and moves `i`
// past it; an unknown escape stands for itself, backslash included (CPython warns, and keeps it).
// A line continuation (backslash, newline) is the caller's: it counts lines.
std::string decode_escape(std::string_view text, std::size_t& i);

} // namespace loopscope::engine
