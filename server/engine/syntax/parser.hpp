#pragma once

#include "ast.hpp"
#include "syntax_error.hpp"

#include <string_view>

namespace loopscope::engine {

// Source to AST for the supported subset. Throws syntax_error naming line and column for
// malformed programs and for constructs outside the subset (never parses them into something else).
module_ast parse_module(std::string_view source, std::size_t max_nesting);

// keyword.iskeyword(): Python's hard keywords (not the soft ones, match and case)
bool is_python_keyword(std::string_view word);

} // namespace loopscope::engine
