#pragma once

#include "net_common.hpp"
#include "server_state.hpp"

#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace loopscope::net {

// Accepts connections until the acceptor is closed, each served by its own http_session coroutine.
asio::awaitable<void> listen(asio::ip::tcp::acceptor& acceptor, std::shared_ptr<server_state> state);

} // namespace loopscope::net
