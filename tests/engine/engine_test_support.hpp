#pragma once

#include <loopscope/engine/config.hpp>
#include <loopscope/engine/event.hpp>
#include <loopscope/engine/run.hpp>

#include <string>
#include <vector>

namespace loopscope::engine::testing {

// Collects every event of a run.
class recording_sink final : public event_sink {
public:
    void on_event(const event& e) override { events.push_back(e); }
    std::vector<event_record> events;
};

struct run_output {
    std::string stdout_text;
    std::string stderr_text;
    std::vector<event_record> events;
    int exit_status = 0;
    double end_time = 0.0;
    // "t=<time> <text>" per print, to check order and program time together.
    std::vector<std::string> timed_prints() const;
    const event_record* last(const std::string& kind) const;
};

// Runs a program to the end on the virtual clock, synchronously (no executor).
run_output run_virtual(const std::string& source, run_config config = {});

// run_virtual for a program that must end cleanly: it fails the calling test unless the exit status is 0
// and nothing was written to stderr, since right output alone does not show an error raised after it.
run_output run_clean(const std::string& source, run_config config = {});

// The message of the ResourceLimitError the run ended with, or "" if it did not end with one.
inline std::string limit_message(const run_output& out)
{
    const auto* end = out.last("run_finished");
    if (!end || !end->error || end->error->type != "ResourceLimitError") return "";
    return end->error->message;
}

// A program that must end at the memory bound (2 MiB here): the new kinds of object are counted by it
void expect_memory_bound(const std::string& program);

// The run printed `before` (a line put in front of `program`) and ended with UnsupportedError naming
// `what` where it reached the construct: refused there, not up front and not run differently
void expect_refused_where_reached(const std::string& program, const std::string& what);

// Under AddressSanitizer a level of native recursion (the interpreter called back from a builtin: a
// __repr__ from repr(), a defaultdict's factory, a sort key) takes about ten times the stack, so
// max_native_stack_bytes ends a runaway recursion through native code before CPython's recursion limit
// can: true when the run ended that way in such a build (never in the others).
inline bool ended_by_sanitized_stack(const run_output& out)
{
#if defined(__SANITIZE_ADDRESS__)
    return limit_message(out).find("max_native_stack_bytes") != std::string::npos;
#else
    (void)out;
    return false;
#endif
}

} // namespace loopscope::engine::testing
