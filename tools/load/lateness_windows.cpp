#include "lateness_windows.hpp"

#include <algorithm>
#include <cmath>

namespace loopscope::load {

void lateness_windows::start(clock::time_point origin, std::chrono::duration<double> width, std::chrono::duration<double> bound)
{
    origin_ = origin;
    width_ = std::max<clock::duration>(std::chrono::duration_cast<clock::duration>(width), clock::duration(1));
    // One more than the bound needs: the load stops a little after its bound, never long after
    const double needed = std::ceil(bound / width) + 1;
    const auto count = needed >= static_cast<double>(max_windows) ? max_windows : static_cast<std::size_t>(std::max(needed, 1.0));
    windows_.assign(count, latency_histogram{});
}

std::size_t lateness_windows::covered(clock::time_point finished) const
{
    if (windows_.empty()) return 0;
    const auto since = finished > origin_ ? finished - origin_ : clock::duration::zero();
    // The window `finished` falls in is the last one any event can have counted in
    return std::min(static_cast<std::size_t>(since / width_) + 1, windows_.size());
}

std::optional<lateness_windows::p99_summary> lateness_windows::summarize(std::size_t covered_windows) const
{
    std::vector<std::uint64_t> p99s;
    p99_summary summary;
    for (std::size_t i = 0; i < std::min(covered_windows, windows_.size()); ++i) {
        if (windows_[i].count() == 0) continue; // the ramp's first moments, an idle tail: nothing measured
        const std::uint64_t p99 = windows_[i].percentile(0.99);
        p99s.push_back(p99);
        if (p99s.size() == 1 || p99 > summary.worst_us) {
            summary.worst_us = p99;
            summary.worst_start_seconds = start_seconds(i);
        }
    }
    if (p99s.empty()) return std::nullopt;
    std::sort(p99s.begin(), p99s.end());
    const std::size_t middle = p99s.size() / 2;
    summary.windows = p99s.size();
    summary.median_us = p99s.size() % 2 == 1 ? static_cast<double>(p99s[middle])
                                             : (static_cast<double>(p99s[middle - 1]) + static_cast<double>(p99s[middle])) / 2;
    return summary;
}

} // namespace loopscope::load
