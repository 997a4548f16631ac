#pragma once

#include <cstdint>
#include <string>

namespace loopscope::engine {

// A program rejected before it runs: a SyntaxError/IndentationError/TabError as CPython words it,
// or a construct outside the supported subset (type "UnsupportedError").
struct syntax_error {
    std::string type = "SyntaxError";
    std::string message;
    std::int32_t line = 0;
    std::int32_t column = 0;  // 1-based, in bytes of the line
    // Where what it points at ends (CPython's end_lineno, end_offset): the line, and the byte column
    // just past it; 0: a single caret
    std::int32_t end_line = 0;
    std::int32_t end_column = 0;
};

} // namespace loopscope::engine
