#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::engine {

struct error_info {
    std::string type;     // "ZeroDivisionError", "asyncio.exceptions.CancelledError", ...
    std::string message;  // str(exception)
    std::int32_t line = 0;
    std::int32_t column = 0; // syntax errors: 1-based column; 0 otherwise
};

// One scheduling event. Only the fields a kind uses are set; protocol/README.md lists them per kind and the
// JSON encoder writes exactly the set ones.
struct event {
    std::uint64_t seq = 0;
    double t = 0.0;
    std::string kind;
    std::optional<std::string> task;   // unset: not inside a task
    std::optional<std::string> thread; // set: in a worker thread of the default executor (asyncio_0 ...)
    std::optional<std::string> coro;
    std::int32_t line = 0;             // 0: no source line applies

    std::optional<std::string> text;      // print, stderr
    std::optional<std::string> category;  // warning
    std::optional<std::string> message;   // warning
    std::optional<std::string> state;     // loop
    std::optional<std::string> status;    // task_done, run_finished
    std::optional<std::string> result;    // task_done, await_end: repr of the value
    std::optional<error_info> error;      // task_done, await_end, run_finished
    std::optional<std::string> on;        // await_begin: sleep | task | gather | coroutine | future
    std::optional<std::string> target;    // await_begin: task or coroutine name
    std::optional<std::string> callback;  // handle_queued, handle_run, timer_*: what will run
    std::optional<double> delay;          // await_begin on sleep, blocking_sleep
    std::optional<double> when;           // timer_scheduled, loop_wait
    std::optional<std::uint64_t> handle;  // handle / timer id
    std::optional<std::uint64_t> loop;    // loop id
    std::optional<std::uint64_t> random_seed;  // run_finished: the seed the random module started from
    std::vector<std::string> children;    // await_begin on gather, shutdown's tasks
    std::optional<std::uint64_t> primitive;  // primitive_created, primitive_state, task_cancel_requested: a primitive's id
    std::optional<std::string> snapshot;     // primitive_created, primitive_state: its state, a JSON object (written as is)
    std::optional<std::string> cause;        // task_cancel_requested: timeout | taskgroup | wait_for | gather | asyncio.run
};

// The caller decides where events go (a file, a websocket batch, a test's vector).
class event_sink {
public:
    virtual ~event_sink() = default;
    virtual void on_event(const event& e) = 0;
};

} // namespace loopscope::engine
