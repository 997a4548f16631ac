#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace loopscope::load {

// What this process may open: the descriptor limit (soft raised to hard first) and the local port range.
struct descriptor_budget {
    std::uint64_t limit = 0;          // RLIMIT_NOFILE after raising
    std::uint64_t reserved = 32;      // stdio, the resolver, the json file, the io_context's own
    std::uint64_t connections() const { return limit > reserved ? limit - reserved : 0; }
};
descriptor_budget raise_descriptor_limit();

// Ephemeral ports one source address has towards one server port.
std::uint64_t ephemeral_port_count();

// CPU time and memory of a process, from /proc/PID/stat and /proc/PID/status.
struct process_sample {
    double cpu_seconds = 0;           // user + system
    std::uint64_t rss_kib = 0;
};
std::optional<process_sample> sample_process(int pid);
// This process's CPU time so far.
double own_cpu_seconds();

} // namespace loopscope::load
