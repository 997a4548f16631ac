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
    return one_of(m, {"time", "dataclasses", "random", "typing", "sys", "enum", "math", "collections", "itertools", "functools", "contextlib"});
}

bool vm_module_has(std::string_view module, std::string_view name)
{
    if (module == "time") return one_of(name, {"sleep", "time", "monotonic", "perf_counter", "strftime", "ctime"});
    if (module == "dataclasses")
        return one_of(name, {"dataclass", "field", "FrozenInstanceError", "asdict", "astuple", "fields", "replace", "is_dataclass", "Field", "MISSING"});
    if (module == "sys") return one_of(name, {"stdout", "stderr", "exit"});
    if (module == "enum") return one_of(name, {"Enum", "auto"});
    if (module == "typing") return typing_has(name) || name == "NamedTuple";  // named_tuples.cpp
    if (module == "collections") return one_of(name, {"deque", "defaultdict", "Counter", "OrderedDict", "namedtuple"});  // collections_*.cpp, named_tuples.cpp
    if (module == "functools") return functools_has(name);    // functools_module.cpp
    if (module == "contextlib") return contextlib_has(name);  // contextlib_module.cpp
    if (module == "itertools") return name != "chain.from_iterable" && itertools_has(name);
    if (module == "math")
        return one_of(name, {"sqrt", "floor", "ceil", "trunc", "fabs", "exp", "log", "log2", "log10", "sin", "cos", "tan", "atan", "atan2",
                             "degrees", "radians", "isfinite", "isinf", "isnan", "copysign", "pi", "e", "tau", "inf", "nan", "factorial", "gcd",
                             "lcm", "isqrt", "comb", "perm", "isclose", "fsum", "prod", "hypot", "dist", "modf", "frexp", "ldexp", "fmod",
                             "remainder", "pow", "nextafter", "ulp", "asin", "acos", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "expm1",
                             "log1p", "exp2", "cbrt"});
    if (module == "random")
        return one_of(name, {"seed", "random", "getrandbits", "uniform", "randint", "randrange", "choice", "choices", "shuffle", "sample", "gauss",
                             "normalvariate", "expovariate"});
    return false;
}

} // namespace loopscope::engine
