#pragma once

#include "frame.hpp"
#include "value.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::engine {

// dir()'s names, sorted, each once (dir_builtin.cpp), viewing `object`'s, the scope's, the names
// table's and literals: valid until the program runs again: of `object`, or with none of the scope `caller` runs in (the
// program's innermost frame; null or module code: `globals`). UnsupportedError for what the engine
// cannot list as CPython lists it.
std::vector<std::string_view> dir_names(const value* object, const frame* caller, const std::vector<std::pair<std::string, value>>& globals);

} // namespace loopscope::engine
