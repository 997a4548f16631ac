#pragma once

#include "latency_histogram.hpp"
#include "lateness_windows.hpp"
#include "load_options.hpp"
#include "server_metrics.hpp"
#include "system_probe.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::load {

using load_clock = std::chrono::steady_clock;

// Every figure the tool measures. One thread writes it (the load's io_context).
struct load_stats {
    // Connections
    std::uint64_t connections_attempted = 0;
    std::uint64_t connections_up = 0;
    std::uint64_t connections_failed = 0;        // refused, timed out, handshake failed
    std::uint64_t connections_dropped = 0;       // closed by the server or the network before the end
    std::uint64_t connections_open = 0;
    std::uint64_t connections_open_peak = 0;
    std::map<std::string, std::uint64_t> connection_failures; // reason -> count

    // Runs (or echo round trips)
    std::uint64_t runs_completed = 0;            // finished and verified
    std::uint64_t runs_failed = 0;               // any check failed, or never finished
    std::map<std::string, std::uint64_t> run_failures;        // kind -> count
    std::vector<std::string> failure_examples;   // the first few, in words
    std::uint64_t server_errors = 0;             // `error` messages received

    // Traffic
    std::uint64_t messages = 0;
    std::uint64_t events = 0;
    std::uint64_t bytes_received = 0;
    std::uint64_t bytes_sent = 0;
    latency_histogram batch_events;              // events per events message
    latency_histogram lateness_us;               // scaled clock: arrival - (run start + t / speed)
    lateness_windows lateness_by_window;         // the same per --window of the load, to tell bursts from a trend
    latency_histogram run_wall_us;               // run message sent to run_finished received
    latency_histogram echo_rtt_us;

    // Phases
    load_clock::time_point started;
    std::optional<load_clock::time_point> all_opened; // the ramp has tried every connection
    load_clock::time_point finished;
    bool hit_timeout = false;

    // The server, when --server-pid is given
    std::optional<process_sample> server_before;
    std::optional<process_sample> server_after;
    std::uint64_t server_peak_rss_kib = 0;
    std::uint64_t connections_at_peak_rss = 0;
    // The server's event-loop lag over the load, from its /metrics (unless --no-server-metrics)
    std::optional<lag_histogram> server_lag;

    std::string expectation_origin;
    double own_cpu_seconds = 0; // this tool's CPU over the load: near one core, it measures itself


    void fail_connection(const std::string& reason);
    void fail_run(const std::string& kind, const std::string& detail);
    std::uint64_t errors() const { return connections_failed + connections_dropped + runs_failed + server_errors; }
    double seconds() const;
};

// A one-line progress report (no newline) for the terminal.
std::string progress_line(const load_stats& stats, const load_options& options);
// The summary table, and the verdict on each threshold; returns false when one is crossed.
bool report(const load_stats& stats, const load_options& options, std::ostream& out);
// Every figure as one JSON object.
void write_json(const load_stats& stats, const load_options& options, bool passed, const std::string& path);

} // namespace loopscope::load
