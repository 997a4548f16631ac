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
    std::int32_t column;  // 1-based, in bytes
    bool is_fstring = false;
    bool is_raw = false;  // r'...': an f-string's body keeps each backslash doubled (one extra byte an escape)
    // Where the token ends: the line, and the byte column just past its last character (1-based),
    // as CPython's end_lineno/end_col_offset (+1) give them
    std::int32_t end_line = 0;
    std::int32_t end_column = 0;
    std::int32_t body_column = 0;  // a string: the column where its body starts, after prefix and quotes
};

// Python's tokenizer for the subset: INDENT/DEDENT from tabs or spaces, implicit joining inside
// brackets, backslash continuation, comments, string prefixes r/f. Throws syntax_error.
std::vector<token> tokenize(std::string_view source, std::size_t max_nesting);

} // namespace loopscope::engine
