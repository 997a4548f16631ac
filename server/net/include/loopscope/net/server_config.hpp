#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "loopscope/engine/config.hpp"

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
    // After refusing a request that is still arriving (431, 413), how long to read and discard the
    // rest before closing, so that the client gets to read the refusal.
    std::chrono::milliseconds lingering_close_timeout = std::chrono::seconds{2};

    // Connections: past this many, websocket upgrades get 503. 0 = fit the file-descriptor limit
    // (RLIMIT_NOFILE less `reserved_descriptors` for files, the listener and logs).
    std::size_t max_connections = 0;
    std::size_t reserved_descriptors = 64;

    // Websocket. A message from a client may be as large as the largest program, escaped, plus its
    // envelope: 0 derives it from run.max_source_bytes (twice that plus 4 KiB: 132 KiB by default).
    std::size_t max_message_bytes = 0;
    // Outgoing bytes queued for one client. Above the high-water mark virtual-clock runs wait for the
    // client to read, from the event that took the queue past it (what they queue is not held to the
    // hard limit: it is the mark plus one instruction's output); a client that stays above the mark
    // for `slow_consumer_timeout`, or passes the hard limit with messages nothing holds back (scaled-
    // clock runs, replies), is closed with 1008 (and dropped `close_timeout` later if it does not read
    // even that).
    std::size_t send_queue_high_water_bytes = 1024 * 1024;
    std::size_t max_send_queue_bytes = 8 * 1024 * 1024;
    std::chrono::milliseconds slow_consumer_timeout = std::chrono::seconds{10};
    std::chrono::milliseconds close_timeout = std::chrono::seconds{5};

    // Runs
    engine::run_config run;                 // the engine's bounds for each program
    std::size_t max_runs_per_connection = 4; // live at once; the browser compares two side by side
    std::size_t max_run_id_bytes = 64;       // the client's name for a run
    std::size_t max_batch_bytes = 64 * 1024; // an events message is sent once it is this large
    std::uint64_t steps_per_slice = 5'000;   // interpreter steps before a run lets others have the thread
    // Bytes held by all runs together (run.max_memory_bytes bounds each). A new run is refused with
    // `server_memory_full` unless what the live runs hold plus one run's bound fits under this: 2 GiB
    // is thirty-odd runs at their bound, or tens of thousands of ordinary ones (tens of KiB each).
    std::size_t max_total_run_memory_bytes = std::size_t{2} << 30;
    // A run that held this much gives the freed pages back to the system when it ends.
    std::size_t trim_after_run_bytes = 16 * 1024 * 1024;

    // Rooms: a presenter drives, viewers follow (protocol/README.md, "Rooms"). At most `max_rooms` on
    // the server (recording, open, or waiting for its presenter) and `max_viewers_per_room` in each; a
    // room whose presenter's connection goes waits `room_linger` for a connection with its secret to
    // reclaim it (its viewers keep following), and is then ended and gone. A room's events, recorded once and shared by its viewers, may
    // take `max_room_event_bytes` (which stays under max_send_queue_bytes, since a viewer is sent them
    // at once). Codes are `room_code_length` characters of `room_code_alphabet` from the CSPRNG:
    // 31^6 is about 887 million codes, so even at max_rooms a guess finds a room once in 8.8 million.
    std::size_t max_rooms = 100;
    std::size_t max_viewers_per_room = 10'000;
    std::chrono::milliseconds room_linger = std::chrono::seconds{60};
    std::size_t max_room_event_bytes = 4 * 1024 * 1024;
    std::size_t room_code_length = 6;
    std::string room_code_alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L: read out in a classroom
    // Put before every code this server makes (it adds to room_code_length's random characters, so
    // guessing is no easier): a replica's mark, from which the proxy in front of several replicas
    // sends each room's viewers to the replica that holds it (docker/nginx/loopscope.conf.template).
    // At most max_room_code_prefix_length characters of room_code_alphabet; empty on a lone server.
    std::string room_code_prefix;
    static constexpr std::size_t max_room_code_prefix_length = 8;
    std::size_t max_poll_lines = 64; // the lines a predict-the-order poll may order

    // Shutdown: how long clients get to answer the close handshake before the process exits anyway.
    std::chrono::milliseconds shutdown_grace = std::chrono::seconds{3};

    // How often the event-loop lag probe (the /metrics histogram) samples the io_context.
    std::chrono::milliseconds lag_probe_interval = std::chrono::milliseconds{100};

    // After accept fails for lack of file descriptors, wait this long before accepting again.
    std::chrono::milliseconds accept_backoff = std::chrono::milliseconds{100};
};

} // namespace loopscope::net
