#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::protocol {

// What an event reports; its name on the wire is event_kind_name(kind). README.md's Events section
// lists the fields of each.
enum class event_kind : std::uint8_t {
    run_started,
    run_finished,
    print,
    stderr_text, // "stderr"
    warning,
    loop,
    loop_wait,
    task_created,
    task_done,
    task_cancel_requested,
    step_begin,
    step_end,
    await_begin,
    await_end,
    handle_queued,
    handle_run,
    handle_cancelled,
    timer_scheduled,
    timer_fired,
    timer_cancelled,
    blocking_sleep,
    runner_cancel_all,
    primitive_created,
    primitive_state,
    thread_started,
    thread_run_begin,
    thread_run_end,
};

inline constexpr std::string_view event_kind_names[] = {
    "run_started",     "run_finished",      "print",           "stderr",          "warning",
    "loop",            "loop_wait",         "task_created",    "task_done",       "task_cancel_requested",
    "step_begin",      "step_end",          "await_begin",     "await_end",       "handle_queued",
    "handle_run",      "handle_cancelled",  "timer_scheduled", "timer_fired",     "timer_cancelled",
    "blocking_sleep",  "runner_cancel_all", "primitive_created", "primitive_state", "thread_started",
    "thread_run_begin", "thread_run_end",
};
static_assert(std::size(event_kind_names) == static_cast<std::size_t>(event_kind::thread_run_end) + 1);

constexpr std::string_view event_kind_name(event_kind k) { return event_kind_names[static_cast<std::size_t>(k)]; }

// The kind a wire name names, or nothing for a name no event has.
constexpr std::optional<event_kind> event_kind_from_name(std::string_view name)
{
    for (std::size_t k = 0; k < std::size(event_kind_names); ++k)
        if (event_kind_names[k] == name) return static_cast<event_kind>(k);
    return std::nullopt;
}

// `e.kind == "print"`: a kind compares with its wire name (tests and tools read better so), and prints as it
constexpr bool operator==(event_kind k, std::string_view name) { return event_kind_name(k) == name; }
std::ostream& operator<<(std::ostream& out, event_kind k);

struct error_info {
    std::string type;     // "ZeroDivisionError", "asyncio.exceptions.CancelledError", ...
    std::string message;  // str(exception)
    std::int32_t line = 0;
    std::int32_t column = 0; // syntax errors: 1-based column; 0 otherwise

    bool operator==(const error_info&) const = default;
};

// A string an event borrows: set from a string that outlives the event's delivery (a literal, a name
// the run holds, a local kept until the event is emitted), never from a temporary std::string, which
// would be gone before the sink reads it (that assignment does not compile).
struct borrowed_string : std::optional<std::string_view> {
    using std::optional<std::string_view>::optional;
    using std::optional<std::string_view>::operator=;
    borrowed_string(std::string&&) = delete;
    borrowed_string& operator=(std::string&&) = delete;
};

// One scheduling event, as the wire carries it. Only the fields a kind uses are set; README.md lists
// them per kind and the JSON writer (event_json.hpp) writes exactly the set ones.
//
// The strings are views: of what the run holds already (a task's name, a coroutine's name) or of text
// made for this event. They are valid only while the event is being delivered (an event_sink's
// on_event): whatever keeps an event past that copies it, into an event_record.
struct event {
    std::uint64_t seq = 0;
    double t = 0.0;
    event_kind kind = event_kind::run_started;
    borrowed_string task; // unset: not inside a task
    borrowed_string thread; // set: in a worker thread of the default executor (asyncio_0 ...)
    borrowed_string coro;
    std::int32_t line = 0; // 0: no source line applies

    borrowed_string text; // print, stderr
    borrowed_string category; // warning
    borrowed_string message; // warning, task_cancel_requested
    borrowed_string state; // loop
    borrowed_string status; // task_done, step_end, run_finished
    borrowed_string result; // task_done, await_end: repr of the value
    const error_info* error = nullptr; // task_done, await_end, run_finished
    borrowed_string on; // await_begin: sleep | task | gather | coroutine | future
    borrowed_string target; // await_begin: task or coroutine name
    borrowed_string callback; // handle_queued, handle_run, timer_*: what will run
    std::optional<double> delay; // await_begin on sleep, blocking_sleep
    std::optional<double> when; // timer_scheduled, loop_wait
    std::optional<std::uint64_t> handle; // handle / timer id
    std::optional<std::uint64_t> loop; // loop id
    std::optional<std::uint64_t> random_seed; // run_finished: the seed the random module started from
    std::vector<std::string_view> children; // await_begin on gather, shutdown's tasks
    std::optional<std::uint64_t> primitive; // primitive_created, primitive_state, task_cancel_requested: a primitive's id
    borrowed_string snapshot; // primitive_created, primitive_state: its state, a JSON object (written as is)
    borrowed_string cause; // task_cancel_requested: timeout | taskgroup | wait_for | gather | asyncio.run
};

// An event that owns its strings: what a test's list of events or a run kept for later holds.
// view() is an event of it, valid while the record is alive and unchanged.
struct event_record {
    std::uint64_t seq = 0;
    double t = 0.0;
    event_kind kind = event_kind::run_started;
    std::optional<std::string> task;
    std::optional<std::string> thread;
    std::optional<std::string> coro;
    std::int32_t line = 0;

    std::optional<std::string> text;
    std::optional<std::string> category;
    std::optional<std::string> message;
    std::optional<std::string> state;
    std::optional<std::string> status;
    std::optional<std::string> result;
    std::optional<error_info> error;
    std::optional<std::string> on;
    std::optional<std::string> target;
    std::optional<std::string> callback;
    std::optional<double> delay;
    std::optional<double> when;
    std::optional<std::uint64_t> handle;
    std::optional<std::uint64_t> loop;
    std::optional<std::uint64_t> random_seed;
    std::vector<std::string> children;
    std::optional<std::uint64_t> primitive;
    std::optional<std::string> snapshot;
    std::optional<std::string> cause;

    event_record() = default;
    event_record(const event& e); // NOLINT(google-explicit-constructor): a sink's push_back(e) copies
    event view() const;
};

} // namespace loopscope::protocol
