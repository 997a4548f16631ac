#pragma once

#include "frame.hpp"
#include "value.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace loopscope::engine {

// dir()'s names, sorted (dir_builtin.cpp): of `object`, or with none of the scope `caller` runs in (the
// program's innermost frame; null or module code: `globals`). UnsupportedError for what the engine
// cannot list as CPython lists it.
std::set<std::string> dir_names(const value* object, const frame* caller, const std::vector<std::pair<std::string, value>>& globals);

} // namespace loopscope::engine
