#pragma once

#include "loopscope/net/server_config.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>

namespace loopscope::net {

struct server_state;

// loopscope's HTTP and websocket server on one io_context (which the caller runs, on one thread).
class server {
public:
    server(boost::asio::io_context& io, server_config config);
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    // Binds, listens and starts accepting. Returns the bound endpoint: the real port when the
    // configured one is 0. Throws std::system_error when the address cannot be bound.
    boost::asio::ip::tcp::endpoint start();

    // Stops accepting and asks every connection to finish (websockets close with 1001). `finished`
    // runs once they all have; after `shutdown_grace` the io_context is stopped regardless.
    void shutdown(std::function<void()> finished = {});

    // Live connections (HTTP and websocket).
    std::size_t connection_count() const;

private:
    void probe_lag();

    boost::asio::io_context& io_;
    std::shared_ptr<server_state> state_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer grace_timer_;
    boost::asio::steady_timer lag_timer_;
};

} // namespace loopscope::net
