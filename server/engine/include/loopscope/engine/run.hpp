#pragma once

#include <loopscope/engine/config.hpp>
#include <loopscope/engine/event.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope::engine {

class runtime;

// What a run needs next from whoever drives it.
struct advance_result {
    enum class status : std::uint8_t {
        more_work,  // call advance() again (after giving other work a turn)
        waiting,    // nothing to do before program time `until`: advance the clock, then advance()
        finished,   // the run is over; run_finished was the last event
    };
    status state = status::more_work;
    double until = 0.0;
};

// One execution of one program, as a synchronous, deterministic state machine. Parsing happens
// in the constructor (a syntax error finishes the run at once, with its events). Events go to
// `sink` during the calls below, never later.
class run {
public:
    run(std::string_view source, const run_config& config, event_sink& sink);
    ~run();
    run(const run&) = delete;
    run& operator=(const run&) = delete;

    // Runs at most `step_budget` interpreter instructions / loop callbacks.
    advance_result advance(std::uint64_t step_budget);
    // Makes the advance() in progress return (more_work) once the instruction or loop callback being
    // run is over, whatever is left of its budget. For the event sink, whose reader cannot take more
    // for now; outside advance() it has no effect.
    void end_slice();
    // Program time, in seconds. set_time moves it forward (never back) once a wait is over.
    double now() const;
    void set_time(double t);
    // Ends the run from outside (the client went away, the server stops): a run_finished event
    // with status "cancelled" follows at once (or, if the program had already ended and its globals
    // were being let go, the run_finished it ended with, without the shutdown warnings still to come).
    void cancel(const std::string& reason);
    bool finished() const;
    // Once finished: destroys what the run still holds (a chain of 300,000 coroutines, 64 MiB of
    // lists), as much as a slice of `step_budget` steps and max_slice_time allows. True once what is
    // left goes with the run in no time; the driver calls it until then, so that a run's teardown
    // never holds the thread longer than one of its slices. Destroying the run without it is correct,
    // only not sliced.
    bool release_some(std::uint64_t step_budget);
    // What python3 would exit with: 0, or 1 after an uncaught exception or a syntax error, or a
    // SystemExit's code (130 after a KeyboardInterrupt, which python3 ends by SIGINT)
    int exit_status() const;
    // An uncaught KeyboardInterrupt: CPython prints its traceback, then ends by SIGINT (a shell's 130)
    bool ended_by_keyboard_interrupt() const;
    std::uint64_t steps() const;
    // Bytes the run holds now (values, frames, tasks, events not yet sent) and the most it held.
    std::size_t memory_bytes() const;
    std::size_t peak_memory_bytes() const;

private:
    std::unique_ptr<runtime> runtime_;
};

} // namespace loopscope::engine
