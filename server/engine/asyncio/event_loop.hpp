#pragma once

#include "future.hpp"

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace loopscope::engine {

// One asyncio event loop's scheduling state, as base_events.BaseEventLoop keeps it: a FIFO ready
// queue and a heap of timers ordered by deadline, then by the order they were scheduled. The
// runtime drives it one handle at a time so that a run can pause anywhere.
struct loop_object : object {
    std::uint64_t id = 0;
    bool running = false;
    bool stopping = false;
    bool closed = false;
    bool executor_shutdown_called = false;  // shutdown_default_executor() ran: run_in_executor(None, ...) refuses
    std::deque<ref<handle>> ready;
    std::vector<ref<handle>> timers;  // a binary heap (earliest first)
    // Handles left to run in the current _run_once iteration; 0 between iterations.
    std::size_t ntodo = 0;
    bool iteration_started = false;
    // _asyncgens: the asynchronous generators first iterated while this loop ran (a WeakSet), which
    // asyncio.run's shutdown_asyncgens closes
    std::vector<weak_ref<object>> asyncgens;

    void push_ready(ref<handle> h) { ready.push_back(std::move(h)); }
    void push_timer(ref<handle> h);
    ref<handle> pop_timer();
    const handle* next_timer() const { return timers.empty() ? nullptr : timers.front().get(); }
    // Drops cancelled timers at the head of the heap, as _run_once does before choosing a timeout.
    void drop_cancelled_timers();
    std::string repr_text() const override;
};

} // namespace loopscope::engine
