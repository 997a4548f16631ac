#pragma once

// bisect (bisect_module.cpp): CPython's C functions of the module
#include <string_view>

namespace loopscope::engine {

// bisect, bisect_left, bisect_right, insort, insort_left, insort_right
bool bisect_has(std::string_view name);

} // namespace loopscope::engine
