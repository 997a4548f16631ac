#pragma once

// A loopscope server on its own thread and io_context, on a free loopback port, for tests that talk to
// it over real sockets.
#include "loopscope/net/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <future>
#include <memory>
#include <thread>

namespace loopscope::testing {

class test_server {
public:
    explicit test_server(net::server_config config)
    {
        config.address = "127.0.0.1";
        config.port = 0;
        server_ = std::make_unique<net::server>(io_, std::move(config));
        port_ = server_->start().port();
        thread_ = std::thread([this] { io_.run(); });
    }

    ~test_server()
    {
        if (thread_.joinable()) {
            shutdown();
            thread_.join();
        }
    }

    std::uint16_t port() const { return port_; }

    // Graceful shutdown, as on SIGTERM; returns once it has begun.
    void shutdown()
    {
        std::promise<void> begun;
        boost::asio::post(io_, [&] {
            server_->shutdown();
            begun.set_value();
        });
        begun.get_future().wait();
    }

    // Waits for the io_context to run out of work (every connection gone).
    void join() { thread_.join(); }

    std::size_t connection_count()
    {
        std::promise<std::size_t> count;
        boost::asio::post(io_, [&] { count.set_value(server_->connection_count()); });
        return count.get_future().get();
    }

private:
    boost::asio::io_context io_{1};
    std::unique_ptr<net::server> server_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

} // namespace loopscope::testing
