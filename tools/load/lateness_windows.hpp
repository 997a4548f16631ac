#pragma once

#include "latency_histogram.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace loopscope::load {

// Event lateness per fixed window of the load's wall time, beside the whole-run histogram. On a shared
// machine a neighbour's CPU burst shows as a few bad windows, while a slow server raises them all: the
// median window's p99 separates the two where the whole-run p99 cannot.
class lateness_windows {
public:
    using clock = std::chrono::steady_clock;

    // A latency_histogram is about 30 KiB, so the count is bounded: 1,000 windows is 30 MiB at most.
    static constexpr std::size_t max_windows = 1000;

    // Sizes every window once, before the first event, so that recording never allocates. `bound` is
    // the load's hard bound: no event arrives after it. Past max_windows (a long load, or a short
    // --window), the last window also holds everything after its start.
    void start(clock::time_point origin, std::chrono::duration<double> width, std::chrono::duration<double> bound);

    // The window an event arriving at `arrival` counts in; null before start().
    latency_histogram* at(clock::time_point arrival)
    {
        if (windows_.empty()) return nullptr;
        const auto since = arrival > origin_ ? arrival - origin_ : clock::duration::zero();
        const auto index = static_cast<std::size_t>(since / width_);
        return &windows_[std::min(index, windows_.size() - 1)];
    }

    double width_seconds() const { return std::chrono::duration<double>(width_).count(); }
    double start_seconds(std::size_t index) const { return width_seconds() * static_cast<double>(index); }
    const latency_histogram& window(std::size_t index) const { return windows_[index]; }
    // How many windows a load that ended at `finished` covered, empty ones included (0 before start()).
    std::size_t covered(clock::time_point finished) const;

    // The windows' p99s, among windows that saw an event: their median (the middle two averaged) and
    // the worst, with where it starts.
    struct p99_summary {
        std::size_t windows = 0; // with at least one event
        double median_us = 0;
        std::uint64_t worst_us = 0;
        double worst_start_seconds = 0;
    };
    std::optional<p99_summary> summarize(std::size_t covered_windows) const;

private:
    clock::time_point origin_;
    clock::duration width_{std::chrono::seconds(10)};
    std::vector<latency_histogram> windows_;
};

} // namespace loopscope::load
