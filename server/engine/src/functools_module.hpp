#pragma once

// functools as the engine models it (functools_module.cpp): partial and reduce.

#include <string_view>

namespace loopscope::engine {

// Is `name` a functools name the engine models?
bool functools_has(std::string_view name);

} // namespace loopscope::engine
