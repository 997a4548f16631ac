#pragma once

#include "loopscope/net/server_config.hpp"
#include "loopscope/protocol/requests.hpp"
#include "metrics.hpp"
#include "room_registry.hpp"
#include "session_registry.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace loopscope::net {

// What every session of one server shares. Held by shared_ptr so that sessions the io_context
// destroys after the server object is gone still find it.
struct server_state {
    server_config config; // with the derived bounds (0 = derive) filled in
    std::filesystem::path canonical_web_root;
    session_registry sessions;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    protocol::request_limits request_limits;
    std::shared_ptr<const std::string> hello; // the first message of every /ws connection, encoded once
    struct metrics stats;
    std::unique_ptr<room_registry> rooms; // made once config is final
    bool shutting_down = false;
};

} // namespace loopscope::net
