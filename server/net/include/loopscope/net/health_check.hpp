#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace loopscope::net {

struct health_result {
    bool healthy = false;
    std::string detail; // "200 OK" or why not
};

// Asks GET /healthz of the server at address:port (a wildcard address asks loopback) and says whether
// it answered 200 within `timeout`. For Docker's HEALTHCHECK: needs nothing but the binary.
health_result check_health(const std::string& address, std::uint16_t port, std::chrono::milliseconds timeout);

} // namespace loopscope::net
