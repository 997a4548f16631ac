#pragma once

#include "net_common.hpp"
#include "server_state.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace loopscope::net {

namespace http = beast::http;
namespace websocket = beast::websocket;

// One websocket connection: a read loop, and one writer that alone touches the write side.
class websocket_session : public std::enable_shared_from_this<websocket_session>, public stoppable {
public:
    enum class mode {
        protocol, // /ws: the loopscope protocol (protocol/README.md)
        echo,     // /echo: every message straight back, for conformance tools and load baselines
    };

    websocket_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id, mode kind);
    ~websocket_session();

    // Completes the upgrade asked for by `request`, then serves the connection until it closes.
    asio::awaitable<void> run(http::request<http::string_body> request);

    // Shutdown: close with 1001 (going away) once the queued messages are sent.
    void stop() override;

    // Queues a frame for the writer.
    void send(std::string message, bool binary = false);

private:
    asio::awaitable<void> read_loop();
    asio::awaitable<void> write_loop();
    void handle_message(std::string_view text);
    void send_error(std::string_view code, std::string_view message, std::string_view run = {});
    void close(websocket::close_reason reason, bool drop_queued);
    void wake_writer();

    websocket::stream<beast::tcp_stream> ws_;
    std::shared_ptr<server_state> state_;
    std::uint64_t id_;
    mode mode_;
    session_registry::ticket ticket_;
    struct outgoing {
        std::string payload;
        bool binary = false;
    };

    std::deque<outgoing> send_queue_;
    asio::steady_timer writer_signal_;
    std::optional<websocket::close_reason> close_reason_;
    bool accepted_ = false;
    bool reading_done_ = false;
};

} // namespace loopscope::net
