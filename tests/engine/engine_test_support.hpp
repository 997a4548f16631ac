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
    std::vector<event> events;
};

struct run_output {
    std::string stdout_text;
    std::string stderr_text;
    std::vector<event> events;
    int exit_status = 0;
    double end_time = 0.0;
    // "t=<time> <text>" per print, to check order and program time together.
    std::vector<std::string> timed_prints() const;
    const event* last(const std::string& kind) const;
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

} // namespace loopscope::engine::testing
