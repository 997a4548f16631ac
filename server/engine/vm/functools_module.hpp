#pragma once

// functools as the engine models it (functools_module.cpp): partial and reduce.

#include "value.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::engine {

// Is `name` a functools name the engine models?
bool functools_has(std::string_view name);
// The builtin id of a functools function that has no module attribute (builtins.cpp): "decorating_function",
// "cache_parameters"
int functools_builtin_id(std::string_view name);
// The parameters of a function the standard library defines in Python: a call binds them as that
// function's would (the same TypeErrors, named after it).
ref<function_object> python_signature(const char* name, std::vector<std::string> params, std::vector<value> defaults);
// functools.WRAPPER_ASSIGNMENTS or WRAPPER_UPDATES, a new tuple
value functools_constant(const std::string& name);
// A partial's keywords updated by more (a call's, or a partial's of a partial): a key of both keeps its
// place and takes the new value; the others are appended in order.
void merge_keywords(std::vector<std::pair<std::string, value>>& into, std::vector<std::pair<std::string, value>>& given);

} // namespace loopscope::engine
