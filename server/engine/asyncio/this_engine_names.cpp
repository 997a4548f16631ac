#include "this_engine_names.hpp"
#include "library.hpp"
#include "modules.hpp"


namespace loopscope::engine {

namespace {

class this_engine final : public engine_names {
public:
    bool has_module(std::string_view module) const override { return module == "asyncio" || vm_has_module(module) || library_has_module(module); }

    bool has_module_member(std::string_view module, std::string_view name) const override
    {
        if (library_has_module(module)) return library_module_exports(module, name);  // logging, written in Python
        if (module != "asyncio") return vm_module_has(module, name);
        // The asyncio module's functions and classes the engine has in C++ (runtime.cpp, loop_callbacks.cpp) ...
        if (native_module_has("asyncio", name) || module_attribute_listed("asyncio", name)) return true;
        // ... and its library in Python (whose own imports are of the names above: it is parsed with them too)
        return library_exports(name);
    }

    bool has_python_class(std::string_view module, std::string_view name) const override
    {
        return (module == "asyncio" && library_exports(name)) || library_module_exports(module, name);
    }

    bool has_builtin(std::string_view name) const override { return engine_has_builtin(name); }
    bool has_attribute(std::string_view name) const override
    {
        return engine_has_attribute(name) || library_exports(name) || library_modules_export(name) || library_defines_attribute(name);
    }
};

} // namespace

const engine_names& engine_names_of_this_engine()
{
    static const this_engine names;
    return names;
}

} // namespace loopscope::engine
