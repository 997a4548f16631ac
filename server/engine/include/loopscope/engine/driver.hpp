#pragma once

#include <loopscope/engine/run.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace loopscope::engine {

enum class clock_kind : std::uint8_t {
    scaled,   // program time passes `speed` times faster than real time, on real timers
    virtual_  // no waiting: time jumps to the next timer
};

struct drive_options {
    clock_kind clock = clock_kind::scaled;
    double speed = 1.0;                     // 0.01 .. 10000 (scaled clock only)
    std::uint64_t steps_per_slice = 5'000;  // interpreter steps before giving the executor back
    // Flow control: asked before each slice; while it says false the run waits for resume(). The
    // websocket layer uses it so that a virtual-clock run never outruns its client. Empty: never waits.
    std::function<bool()> may_continue;
};

// Bounds of drive_options.speed; start() rejects anything outside with std::invalid_argument.
inline constexpr double min_speed = 0.01;
inline constexpr double max_speed = 10000.0;

// Drives one run to its end on an executor: a coroutine that runs a slice of steps, posts itself
// back (so a `while True: pass` never holds the thread), and sleeps on a steady_timer while the
// program waits (scaled clock). Many drivers share one io_context.
class run_driver : public std::enable_shared_from_this<run_driver> {
public:
    // `on_finished` runs on the executor once the run has ended (its run_finished event is out).
    static std::shared_ptr<run_driver> start(boost::asio::any_io_executor executor, std::shared_ptr<run> program,
                                             drive_options options, std::function<void()> on_finished);
    ~run_driver();
    run_driver(const run_driver&) = delete;
    run_driver& operator=(const run_driver&) = delete;

    // Ends the run from outside (client gone, server stopping); safe to call more than once.
    // Must be called on the driver's executor.
    void cancel(const std::string& reason);
    // Wakes a run that is waiting on may_continue (it asks again). Must be called on the executor.
    void resume();
    const std::shared_ptr<run>& program() const { return run_; }

private:
    struct state;
    run_driver(boost::asio::any_io_executor executor, std::shared_ptr<run> program, drive_options options,
               std::function<void()> on_finished);
    void spawn();

    std::shared_ptr<run> run_;
    std::unique_ptr<state> state_;
};

} // namespace loopscope::engine
