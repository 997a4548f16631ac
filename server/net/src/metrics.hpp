#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace loopscope::net {

// The server's counters, exposed at /metrics in Prometheus' text format. Single-threaded, like
// everything on the io_context: plain integers, no atomics.
struct metrics {
    std::uint64_t connections_total = 0;
    std::uint64_t connections_rejected = 0; // websocket upgrades refused for the connection bound
    std::uint64_t websockets_current = 0;
    std::uint64_t runs_started = 0;
    std::map<std::string, std::uint64_t, std::less<>> runs_finished; // by final status
    std::uint64_t events_sent = 0;
    std::uint64_t batches_sent = 0;
    std::uint64_t bytes_sent = 0;
    std::map<std::string, std::uint64_t, std::less<>> protocol_errors; // by code
    std::uint64_t slow_consumer_disconnects = 0;
    std::uint64_t send_queue_bytes = 0; // queued for all clients together, not yet written
    std::uint64_t rooms_current = 0;        // rooms recording, open or waiting for their presenter
    std::uint64_t room_viewers_current = 0; // viewers following a room, all rooms together
    std::uint64_t room_positions_direct = 0; // positions written straight into a viewer's socket
    std::uint64_t room_positions_split = 0;  // ... of which the socket took only part at first

    // How late the io_context runs a timer: the server's responsiveness under load.
    static constexpr std::array<double, 12> lag_buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    std::array<std::uint64_t, lag_buckets.size()> lag_counts{};
    std::uint64_t lag_count = 0;
    double lag_sum = 0;

    void observe_lag(std::chrono::steady_clock::duration lag);
    void count(std::map<std::string, std::uint64_t, std::less<>>& by_label, std::string_view label);

    // The text exposition format, with the gauges the caller knows.
    std::string render(std::uint64_t connections_current) const;
};

} // namespace loopscope::net
