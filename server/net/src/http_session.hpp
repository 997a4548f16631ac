#pragma once

#include "net_common.hpp"
#include "server_state.hpp"

#include <boost/beast/core/tcp_stream.hpp>

#include <cstdint>
#include <memory>

namespace loopscope::net {

// One HTTP connection: requests in a keep-alive loop, each answered with a static file, /healthz, or
// an upgrade to a websocket session on /ws.
class http_session : public stoppable {
public:
    http_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id);
    ~http_session();

    asio::awaitable<void> run();

    // Shutdown: drop the connection (an idle keep-alive or a request in progress). Once upgraded, the
    // connection belongs to its websocket session, which is registered in this one's place.
    void stop() override;

private:
    // Reads and discards what a refused client still sends, so that it can read the refusal.
    asio::awaitable<void> linger();

    beast::tcp_stream stream_;
    std::shared_ptr<server_state> state_;
    std::uint64_t id_;
    session_registry::ticket ticket_;
    bool upgraded_ = false;
};

} // namespace loopscope::net
