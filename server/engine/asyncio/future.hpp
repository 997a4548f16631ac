#pragma once

#include "frame.hpp"
#include "functions.hpp"
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
    create_task,      // _asyncgen_finalizer_hook's call_soon_threadsafe(self.create_task, agen.aclose()): arg is that aclose()
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
    const char* type_name_text() const override { return is_timer ? "TimerHandle" : "Handle"; }
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
    const char* type_name_text() const override;
};

// format_helpers._format_callback_source: the callable's qualname (a partial's function, its arguments
// first), the arguments' reprlib reprs, and where a Python function is defined (loop_callbacks.cpp)
std::string callback_source(const value& fn, const std::vector<value>& args, const std::string& file);

// The RuntimeError of loop.call_soon, call_at or call_later (`method`) on a closed event loop, with its
// base_events.py frames
[[noreturn]] void raise_loop_closed(std::string_view method = "call_soon");

// type(f).__name__
inline const char* type_name_of_future(const future_object& f) { return f.is_task() ? "Task" : f.is_gather ? "_GatheringFuture" : "Future"; }
inline const char* future_object::type_name_text() const { return type_name_of_future(*this); }

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

} // namespace loopscope::engine
