#pragma once

#include <string_view>

namespace loopscope::engine {

// What the engine has, as the syntax layer's up-front checks ask it: the parser refuses a module the
// engine lacks, and a module's name that CPython has and the engine lacks; the compiler lets a class
// derive from a module's class written in Python; the names check (name_check.cpp) refuses a builtin
// or an attribute CPython has and the engine lacks. Syntax only asks; the layers above answer
// (`engine_names_of_this_engine()`, asyncio/this_engine_names.cpp), so that syntax depends on nothing above it.
class engine_names {
public:
    virtual bool has_module(std::string_view module) const = 0;
    virtual bool has_module_member(std::string_view module, std::string_view name) const = 0;
    // A module's class written in Python (asyncio.Lock, asyncio.Queue ...): a program's class may
    // derive from it as from one of its own
    virtual bool has_python_class(std::string_view module, std::string_view name) const = 0;
    virtual bool has_builtin(std::string_view name) const = 0;
    // An attribute of any object or module the engine makes
    virtual bool has_attribute(std::string_view name) const = 0;

protected:
    ~engine_names() = default;
};

} // namespace loopscope::engine
