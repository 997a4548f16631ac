#pragma once

// heapq (heapq_module.cpp): CPython's C functions of the module
#include <string_view>

namespace loopscope::engine {

// heappush, heappop, heapify, heapreplace, heappushpop
bool heapq_has(std::string_view name);

} // namespace loopscope::engine
