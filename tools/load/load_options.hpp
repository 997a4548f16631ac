#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace loopscope::load {

enum class workload : std::uint8_t {
    runs, // /ws: run a program back to back and verify every run
    echo, // /echo: send a message, wait for it to come back
    idle, // /ws: open, read hello, hold the connection
    room, // /ws: one presenter steps through a room, every connection follows it as a viewer
};

// Everything the command line says, with its defaults. Every loop of the tool is bounded by these.
struct load_options {
    // Target
    std::string url = "ws://127.0.0.1:8080/ws";
    std::string host;      // from url
    std::string port;      // from url
    std::string path;      // from url

    // Connections
    std::size_t connections = 10;
    double ramp_per_second = 1000;     // new connections a second
    std::size_t source_addresses = 0;  // 0: as many loopback addresses as the ports need
    std::chrono::milliseconds connect_timeout{10'000};

    // What each connection does
    workload kind = workload::runs;
    std::string scenario = "gather";
    std::string source_file;           // instead of scenario
    std::string source;                // its text
    double speed = 1.0;
    bool virtual_clock = false;
    std::string expect = "engine";     // engine | first-run | FILE (events JSON lines, as `loopscope run --events` writes)
    std::size_t echo_bytes = 512;
    double step_rate = 20;             // --room: the presenter's steps a second
    std::size_t rooms = 1;             // --room: presenters, each with its room; the viewers are dealt out among them

    // How long: runs (or echo round trips) per connection, or seconds once every connection is opened
    std::optional<std::uint64_t> runs_per_connection;
    std::optional<double> duration_seconds;
    // Hard bound on the whole load: past it every connection is dropped and what was live fails
    std::optional<double> timeout_seconds;

    // Reporting and thresholds
    std::string json_file;
    std::optional<double> max_p99_lateness_ms;
    std::uint64_t max_errors = 0;
    int server_pid = 0;                // read its CPU and RSS from /proc (same machine only)
    double window_seconds = 10;        // lateness is also kept per window of this length
    bool server_metrics = true;        // read the server's event-loop lag from /metrics, at the start and the end
    bool progress = true;              // a live line, when stderr is a terminal
};

// Parses argv; prints help or a clear error and returns nullopt (with `exit_status` set) when there is
// nothing to run.
std::optional<load_options> parse_options(int argc, char** argv, int& exit_status);

} // namespace loopscope::load
