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
    std::int32_t column = 0;  // 1-based, as CPython's caret counts
};

} // namespace loopscope::engine
