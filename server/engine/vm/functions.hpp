#pragma once

#include "frame.hpp"
#include "value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::engine {

class runtime;

// A coroutine object: a call of an `async def` (or asyncio.sleep) that has not run yet, or runs
// inside a task. Dropping one that never started is CPython's "never awaited" warning.
struct coroutine_object : object {
    enum class state_kind : std::uint8_t { created, running, closed };
    state_kind state = state_kind::created;
    bool entered = false;  // its frame was made (a task's first step, or an await ran it)
    ref<function_object> function;  // null for the native ones below
    // anext: what __anext__() of an asynchronous generator returns; awaiting it runs the generator
    // to its next item (CPython's async_generator_asend)
    // no_op: done at once, its value sleep_result (a nullcontext's __aenter__). agen_cm_enter and
    // agen_cm_exit: an @asynccontextmanager's __aenter__() and __aexit__() (contextlib_module.cpp),
    // which run the generator as anext and athrow do; arguments holds __aexit__'s type and value.
    // anext_default: anext(agen, default), whose StopAsyncIteration gives the default (in sleep_result).
    // await_future: awaits `awaited` (shutdown_default_executor's future)
    // athrow, aclose: an asynchronous generator's athrow(...) and aclose() (CPython's
    // async_generator_athrow), athrow's arguments in `arguments`; anext made by asend(v) has v in `sent`.
    enum class native_kind : std::uint8_t { none, sleep, no_op, anext, anext_default, agen_cm_enter, agen_cm_exit, await_future, athrow, aclose, wrap_awaitable, shutdown_asyncgens } native = native_kind::none;
    value awaited;
    ref<async_generator_object> agen;  // anext, agen_cm_*: the generator
    std::string name;
    std::vector<value> arguments;  // the frame's initial locals
    double sleep_delay = 0.0;  // sleep: its delay when `arguments` is empty; else arguments[0] is it (sleep_delay_of)
    value sleep_result;
    runtime* owner = nullptr;
    std::shared_ptr<bool> owner_alive;
    std::int32_t created_line = 0;  // where the coroutine object was made (for the warning event)
    value sent;  // asend(v): v, what the yield the generator stopped at evaluates to
    // Driven by hand (send/throw/close, runtime::drive_coroutine): its frames, run inside that call up
    // to where a task's step would end. Its own frame does not point back to it (frame::coro), so that
    // the two do not keep each other alive.
    std::unique_ptr<exec_context> driven;
    bool driving = false;  // cr_running: its frames run (a send() under way)
    // Driven by hand and stopped inside a try or with block: let go there, CPython would close it and
    // run that cleanup, which the engine does not; the run's runtime is told.
    bool driven_in_cleanup_block = false;

    ~coroutine_object() override;
    std::string repr_text() const override;
};

// A builtin function or a method bound to its object (`loop.close`, `task.done`, `lst.append`).
struct builtin_object : object {
    int id = 0;
    std::string name;
    value self;
    // A function CPython writes in Python (functools.wraps): its repr and type are a function's
    bool python_function = false;
    // A builtin type's method taken from the type (str.upper): its type is method_descriptor
    bool is_method_descriptor = false;
    std::string repr_text() const override;
};

// builtins.cpp: the same builtin, as CPython compares them: `len is len`, `int == type(1)`, and with
// `identity` false a method of the same object (`x.append == x.append`).
bool same_builtin(const builtin_object& a, const builtin_object& b, bool identity);
// Is it a class in CPython (int, str, list …), not a function?
bool is_type_builtin(const builtin_object& b);

} // namespace loopscope::engine
