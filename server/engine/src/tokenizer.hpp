#pragma once

#include "syntax_error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

enum class token_kind : std::uint8_t { name, number, string, op, newline, indent, dedent, end };

struct token {
    token_kind kind;
    std::string text;     // for strings: the decoded value (f-strings: the raw body)
    std::int32_t line;
    std::int32_t column;  // 1-based
    bool is_fstring = false;
};

// Python's tokenizer for the subset: INDENT/DEDENT from tabs or spaces, implicit joining inside
// brackets, backslash continuation, comments, string prefixes r/f. Throws syntax_error.
std::vector<token> tokenize(std::string_view source, std::size_t max_nesting);

} // namespace loopscope::engine
