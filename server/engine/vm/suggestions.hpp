#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

// CPython 3.11's "Did you mean" (Python/suggestions.c, which the interpreter's printer of an uncaught
// exception uses; 3.11's traceback module has none): the candidate nearest `name` by its Levenshtein
// distance over UTF-8 bytes (a move costs 2, a change of ASCII case 1), no more than a third of the
// bytes changed, the first of equals; "" if none is near, or for a list of 750 names or more.
std::string nearest_name(std::string_view name, const std::vector<std::string_view>& candidates);

} // namespace loopscope::engine
