#pragma once

// contextlib as the engine models it (contextlib_module.cpp): @contextmanager, @asynccontextmanager,
// suppress, nullcontext and closing, each an object of one kind whose __enter__/__exit__ do what CPython 3.11's
// Lib/contextlib.py does, down to the frames its tracebacks show.

#include "value.hpp"

#include <string>
#include <string_view>

namespace loopscope::engine {

struct context_manager_object : object {
    enum class kind : std::uint8_t { generator, async_generator, suppress, nullcontext, closing };
    kind what = kind::generator;
    value gen;                  // generator: what func(*args, **kwds) returned
    value func, args, kwds;     // generator: kept until __enter__ (CPython deletes them there)
    bool entered = false;       // generator: __enter__ has run (func, args and kwds are gone)
    value held;                 // suppress: the tuple of exception classes; nullcontext: enter_result; closing: thing
    std::string repr_text() const override;
};

// What a builtin of contextlib is (builtins.cpp gives each its id): a class (suppress …), the
// contextmanager function, the helper it returns, a manager's bound __enter__/__exit__.
enum class contextlib_role : std::uint8_t { type, contextmanager, asynccontextmanager, helper, async_helper, method };
int contextlib_builtin_id(contextlib_role role);

// Is `name` a contextlib name the engine models?
bool contextlib_has(std::string_view name);
// The class's name as CPython's tp_name gives it ("suppress", "_GeneratorContextManager").
const char* context_manager_type_name(context_manager_object::kind what);

} // namespace loopscope::engine
