#pragma once

#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::load {

// The server's own event-loop lag (loopscope_event_loop_lag_seconds at /metrics: how late its
// io_context runs a timer set every ~100 ms), as Prometheus exposes a histogram: cumulative counts
// per upper bound. Beside the client's lateness it says how much of the tail the server caused.
struct lag_histogram {
    std::vector<double> bounds_seconds;    // ascending; the last is +infinity
    std::vector<std::uint64_t> cumulative; // samples at or under each bound
    std::uint64_t count = 0;
    double sum_seconds = 0;

    // The upper bound of the bucket quantile q (0..1] lands in, which is all a histogram can say of
    // it: q = 1 gives the bucket the largest sample reached. Infinity past the last finite bound.
    double bound_at(double q) const;
};

// The family from /metrics text; nullopt when it is not there or not a consistent histogram.
std::optional<lag_histogram> parse_lag_histogram(std::string_view prometheus_text);

// What the server measured between two snapshots; nullopt when they do not line up (other buckets, or
// counts that went down: the server restarted in between).
std::optional<lag_histogram> lag_between(const lag_histogram& before, const lag_histogram& after);

// GET /metrics from `target`, the whole exchange bounded by `timeout`. The body on 200; nullopt on
// anything else (no answer, a 404 from a server that is not loopscope, a proxy's error page).
std::optional<std::string> fetch_metrics(const boost::asio::ip::tcp::endpoint& target, const std::string& host,
                                         std::chrono::milliseconds timeout);

} // namespace loopscope::load
