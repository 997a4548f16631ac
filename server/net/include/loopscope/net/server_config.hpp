#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace loopscope::net {

// Every number that comes from the network has a bound, and every bound is a named field here.
struct server_config {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080; // 0 picks a free port
    std::filesystem::path web_root;

    // HTTP
    std::size_t max_request_header_bytes = 8 * 1024;
    std::size_t max_request_body_bytes = 16 * 1024;
    std::chrono::milliseconds http_idle_timeout = std::chrono::seconds{30};

    // Connections: past this many, websocket upgrades get 503. 0 = fit the file-descriptor limit
    // (RLIMIT_NOFILE less `reserved_descriptors` for files, the listener and logs).
    std::size_t max_connections = 0;
    std::size_t reserved_descriptors = 64;

    // Websocket
    std::size_t max_message_bytes = 128 * 1024;
    std::size_t max_send_queue_messages = 256;

    // Shutdown: how long clients get to answer the close handshake before the process exits anyway.
    std::chrono::milliseconds shutdown_grace = std::chrono::seconds{3};

    // How often the event-loop lag probe (the /metrics histogram) samples the io_context.
    std::chrono::milliseconds lag_probe_interval = std::chrono::milliseconds{100};

    // After accept fails for lack of file descriptors, wait this long before accepting again.
    std::chrono::milliseconds accept_backoff = std::chrono::milliseconds{100};
};

} // namespace loopscope::net
