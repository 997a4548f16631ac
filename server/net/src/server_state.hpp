#pragma once

#include "loopscope/net/server_config.hpp"
#include "session_registry.hpp"

#include <chrono>
#include <cstdint>

namespace loopscope::net {

// What every session of one server shares. Held by shared_ptr so that sessions the io_context
// destroys after the server object is gone still find it.
struct server_state {
    server_config config;
    std::filesystem::path canonical_web_root;
    session_registry sessions;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::uint64_t connections_total = 0;
    bool shutting_down = false;
};

} // namespace loopscope::net
