#pragma once

#include "value.hpp"

#include <string>
#include <string_view>

namespace loopscope::engine {

// What the vm has: its builtins, the attributes of its objects and modules (vm/builtins.cpp's member
// tables and each module's), and the modules written in C++ with their names (vm/modules.cpp).
// asyncio/engine_names.cpp adds asyncio's and answers the syntax layer's up-front checks with them.
bool engine_has_builtin(std::string_view name);
bool engine_has_attribute(std::string_view name);
// A function of a module written in C++ whose calls builtins.cpp dispatches (its member tables:
// time, random, math, dataclasses and asyncio's own functions)
bool native_module_has(std::string_view module, std::string_view name);
bool vm_has_module(std::string_view module);
bool vm_module_has(std::string_view module, std::string_view name);
// The names of modules made one by one (runtime::module_attributes, vm/builtins.cpp): `module.name`
// listed there, or any module's `name`
bool module_attribute_listed(std::string_view module, std::string_view name);
bool module_attribute_named(std::string_view name);
// math.pi, math.e, math.tau, math.inf, math.nan (math_module.cpp): false for any other name
bool math_constant(const std::string& name, value& out);
// strftime(format) of `seconds` since the epoch in UTC (a run's calendar: time.strftime, logging's
// asctime), in the C locale
std::string calendar_text(const std::string& format, double seconds);
// A fixed epoch so that time.time() is deterministic: this many seconds since 1970, plus program time
constexpr double epoch_base = 1'700'000'000.0;

} // namespace loopscope::engine
