// The modules a program may import beside asyncio, and the names the engine has of each: an import
// of any other module, or of a name CPython's module has and this table lacks, is refused up front
// (syntax/parser.cpp asks through engine_names).
#include "modules.hpp"
#include "typing_forms.hpp"
#include "itertools_module.hpp"
#include "functools_module.hpp"
#include "contextlib_module.hpp"

#include <initializer_list>

namespace loopscope::engine {

namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names)
{
    for (auto n : names)
        if (name == n) return true;
    return false;
}

} // namespace

bool vm_has_module(std::string_view m)
{
    return one_of(m, {"time", "dataclasses", "random", "typing", "sys", "enum", "math", "collections", "itertools", "functools", "contextlib", "json", "heapq", "string", "bisect"});
}

bool vm_module_has(std::string_view module, std::string_view name)
{
    if (native_module_has(module, name)) return true;  // time, random, math, dataclasses: their functions
    if (module_attribute_listed(module, name)) return true;  // classes, streams, constants
    if (module == "math") {
        value constant;
        return math_constant(std::string(name), constant);  // pi, e, tau, inf, nan
    }
    if (module == "typing") return typing_has(name);
    if (module == "functools") return functools_has(name);    // functools_module.cpp
    if (module == "contextlib") return contextlib_has(name);  // contextlib_module.cpp
    if (module == "itertools") return name != "chain.from_iterable" && itertools_has(name);
    return false;
}

} // namespace loopscope::engine
