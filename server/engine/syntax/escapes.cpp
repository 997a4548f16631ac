#include "escapes.hpp"

#include <cctype>

namespace loopscope::engine {

std::string encode_utf8(std::uint32_t cp)
{
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

namespace {

// \xXX, \uXXXX, \UXXXXXXXX: exactly `digits` hex digits.
std::string hex_escape(std::string_view text, std::size_t& i, std::size_t digits, const char* shape)
{
    std::uint32_t cp = 0;
    for (std::size_t k = 0; k < digits; ++k) {
        if (i + k >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + k])))
            throw escape_error{std::string("truncated ") + shape + " escape", "SyntaxError", k + 2};
        const char h = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + k])));
        cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : h - 'a' + 10);
    }
    i += digits;
    if (cp > 0x10FFFF) throw escape_error{"illegal Unicode character", "SyntaxError", digits + 2};
    if (cp >= 0xD800 && cp <= 0xDFFF) throw escape_error{"a lone surrogate (\\ud800-\\udfff) is not supported by loopscope", "UnsupportedError"};
    return encode_utf8(cp);
}

} // namespace

std::string escape_error_message(const escape_error& e, std::string_view literal, std::size_t backslash)
{
    if (e.span == 0) return e.message;
    // CPython hands the codec the literal with every character beyond ASCII spelled \UXXXXXXXX, so
    // each of those counts ten positions.
    std::size_t position = 0;
    for (std::size_t k = 0; k < backslash && k < literal.size(); ++k) {
        const auto c = static_cast<unsigned char>(literal[k]);
        if (c < 0x80) ++position;
        else if ((c & 0xC0) != 0x80) position += 10;
    }
    return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(position) + "-" +
           std::to_string(position + e.span - 1) + ": " + e.message;
}

std::string decode_escape(std::string_view text, std::size_t& i)
{
    const char n = text[i++];
    switch (n) {
    case 'n': return "\n";
    case 't': return "\t";
    case 'r': return "\r";
    case 'a': return "\a";
    case 'b': return "\b";
    case 'f': return "\f";
    case 'v': return "\v";
    case '\\': return "\\";
    case '\'': return "'";
    case '"': return "\"";
    case 'x': return hex_escape(text, i, 2, "\\xXX");
    case 'u': return hex_escape(text, i, 4, "\\uXXXX");
    case 'U': return hex_escape(text, i, 8, "\\UXXXXXXXX");
    case 'N': throw escape_error{"the \\N{...} escape is not supported by loopscope", "UnsupportedError"};
    default: break;
    }
    if (n >= '0' && n <= '7') {
        // Up to three octal digits.
        std::uint32_t cp = static_cast<std::uint32_t>(n - '0');
        for (int k = 0; k < 2 && i < text.size() && text[i] >= '0' && text[i] <= '7'; ++k) cp = cp * 8 + static_cast<std::uint32_t>(text[i++] - '0');
        return encode_utf8(cp);
    }
    return std::string("\\") + n;
}

} // namespace loopscope::engine
