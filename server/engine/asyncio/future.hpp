#pragma once

#include "frame.hpp"
#include "value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

class runtime;
struct task_object;
struct future_object;
struct loop_object;

// What a handle on the ready queue (or a timer) will do when the loop runs it: the callbacks
// asyncio itself schedules.
enum class callback_kind : std::uint8_t {
    task_step,        // Task.__step (first step, after sleep(0), with a pending cancel)
    task_wakeup,      // Task.__wakeup: the awaited future is done
    gather_child,     // gather's _done_callback for one child
    stop_loop,        // run_until_complete's _run_until_complete_cb
    sleep_timer,      // futures._set_result_unless_cancelled for asyncio.sleep
    user,             // a callable the program gave: loop.call_soon/call_later/call_at, add_done_callback
    thread_result,    // call_soon_threadsafe(_set_state, ...): a worker thread's result for its asyncio future
    check_cancel,     // _chain_future's _call_check_cancel, a done callback of run_in_executor's future
};

struct callback {
    callback_kind kind;
    ref<task_object> task;
    ref<future_object> target;  // gather_child: the gathering future
    value function = {};                    // user: the callable, called with the future
    const std::string* file = nullptr;      // user: the program's file name (where its functions are defined)
};

// A handle on the ready queue or the timer heap (events.Handle, events.TimerHandle). The ones the
// program schedules itself are values it holds (`h = loop.call_later(...)`, `h.cancel()`).
struct handle : object {
    std::uint64_t id = 0;
    callback_kind kind = callback_kind::task_step;
    ref<task_object> task;
    ref<future_object> future;  // the future that completed / the sleep future
    ref<future_object> target;
    value arg;  // task_step: the exception to throw in; sleep_timer: sleep's result
    bool cancelled = false;
    bool is_timer = false;  // a TimerHandle (call_later, call_at)
    bool queued = false;    // on the ready queue or the timer heap (a user handle; its cancel is an event)
    bool raised = false;    // thread_result: arg is the exception the worker's function raised
    double when = 0.0;
    value when_value;  // user timers: `when` as the program gave it (call_at(5) shows when=5)
    std::uint64_t order = 0;  // scheduling order: breaks ties between equal deadlines
    // user: the callable and its arguments (dropped by cancel(), as Handle.cancel drops them), the
    // program's file name, and the label events show (its name and its arguments' short forms)
    value function;
    std::vector<value> arguments;
    const std::string* file = nullptr;
    std::string label;
    std::string repr_text() const override;  // as events.Handle.__repr__, the arguments' reprs as they are now
};

enum class future_state : std::uint8_t { pending, cancelled, finished };

struct future_object : object {
    future_state state = future_state::pending;
    // loop.create_future() inside a task: that task (a primitive's waiter, as the events name it)
    weak_ref<task_object> made_in_task;
    value result;
    value exception;
    // The exception's traceback when it was set: the first result() (or await) raises it with this
    // traceback again, later ones with none (CPython's fut_exception_tb, taken by the first)
    std::vector<traceback_entry> exception_tb;
    std::vector<callback> callbacks;
    std::string cancel_message;
    // A task's coroutine let this CancelledError out: the first result(), exception() or wakeup
    // raises this very exception (its message and traceback), later ones a new CancelledError
    value cancelled_exc;
    bool log_traceback = false;
    weak_ref<loop_object> loop;

    // A future the program made (loop.create_future(), asyncio.Future()): what it holds may hold it
    bool made_by_program = false;

    // _GatheringFuture
    bool is_gather = false;
    std::vector<ref<future_object>> children;
    std::size_t finished_children = 0;
    std::size_t distinct_children = 0;
    bool return_exceptions = false;
    bool cancel_requested = false;

    // The run that made it (a task, a gather): told when one goes with an exception nobody retrieved
    runtime* owner = nullptr;
    std::shared_ptr<bool> owner_alive;

    ~future_object() override;
    bool done() const { return state != future_state::pending; }
    std::string repr_text() const override;
    virtual bool is_task() const { return false; }
};

// format_helpers._format_callback_source: the callable's qualname (a partial's function, its arguments
// first), the arguments' reprlib reprs, and where a Python function is defined (loop_callbacks.cpp)
std::string callback_source(const value& fn, const std::vector<value>& args, const std::string& file);

// The RuntimeError of loop.call_soon, call_at or call_later (`method`) on a closed event loop, with its
// base_events.py frames
[[noreturn]] void raise_loop_closed(std::string_view method = "call_soon");

// type(f).__name__
inline const char* type_name_of_future(const future_object& f) { return f.is_task() ? "Task" : f.is_gather ? "_GatheringFuture" : "Future"; }

struct coroutine_object;

struct task_object : future_object {
    std::string name;
    ref<coroutine_object> coro;
    std::string coro_name;
    exec_context context;
    ref<future_object> fut_waiter;
    bool must_cancel = false;
    int num_cancels_requested = 0;
    bool started = false;
    bool coro_reused = false;  // its coroutine was awaited or closed before: the first step fails
    std::int32_t created_line = 0;

    std::string file_name;  // for repr: "defined at FILE:LINE"
    std::int32_t def_line = 0;

    ~task_object() override;
    bool is_task() const override { return true; }
    std::string repr_text() const override;
};

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
    enum class native_kind : std::uint8_t { none, sleep, no_op, anext, anext_default, agen_cm_enter, agen_cm_exit, await_future, athrow, aclose, wrap_awaitable } native = native_kind::none;
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
    std::string repr_text() const override;
};

// builtins.cpp: the same builtin, as CPython compares them: `len is len`, `int == type(1)`, and with
// `identity` false a method of the same object (`x.append == x.append`).
bool same_builtin(const builtin_object& a, const builtin_object& b, bool identity);
// Is it a class in CPython (int, str, list …), not a function?
bool is_type_builtin(const builtin_object& b);

} // namespace loopscope::engine
