#include "listener.hpp"

#include "http_session.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <spdlog/spdlog.h>

namespace loopscope::net {

asio::awaitable<void> listen(asio::ip::tcp::acceptor& acceptor, std::shared_ptr<server_state> state)
{
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer backoff{executor};
    for (;;) {
        // Accept a connection
        auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
        if (!acceptor.is_open() || ec == asio::error::operation_aborted) co_return;
        if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space || ec == asio::error::no_memory) {
            // Out of descriptors: wait for connections to close instead of spinning on accept
            spdlog::warn("accept failed: {}; pausing accepts for {} ms", ec.message(), state->config.accept_backoff.count());
            backoff.expires_after(state->config.accept_backoff);
            co_await backoff.async_wait(use_tuple);
            continue;
        }
        if (ec) {
            spdlog::debug("accept failed: {}", ec.message());
            continue;
        }

        // Serve it on its own coroutine
        beast::error_code ignored;
        socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        const auto id = ++state->stats.connections_total;
        spdlog::debug("conn {}: accepted from {}", id, socket.remote_endpoint(ignored).address().to_string());
        auto session = std::make_shared<http_session>(beast::tcp_stream(std::move(socket)), state, id);
        asio::co_spawn(executor, session->run(), [session, id](std::exception_ptr failure) {
            if (!failure) return;
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& e) {
                spdlog::error("conn {}: session failed: {}", id, e.what());
            }
        });
    }
}

} // namespace loopscope::net
