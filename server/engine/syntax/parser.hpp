#pragma once

#include "ast.hpp"
#include "engine_names.hpp"
#include "syntax_error.hpp"

#include <string_view>

namespace loopscope::engine {

// Source to AST for the supported subset. Throws syntax_error naming line and column for
// malformed programs and for constructs outside the subset (never parses them into something else);
// an import of a module, or a module's name, that `names` says the engine lacks is refused (UnsupportedError).
module_ast parse_module(std::string_view source, std::size_t max_nesting, const engine_names& names);

// keyword.iskeyword(): Python's hard keywords (not the soft ones, match and case)
bool is_python_keyword(std::string_view word);

} // namespace loopscope::engine
