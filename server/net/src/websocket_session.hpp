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
    websocket_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id);
    ~websocket_session();

    // Completes the upgrade asked for by `request`, then serves the connection until it closes.
    asio::awaitable<void> run(http::request<http::string_body> request);

    // Shutdown: close with 1001 (going away) once the queued messages are sent.
    void stop() override;

    // Queues a text frame for the writer.
    void send(std::string message);

private:
    asio::awaitable<void> read_loop();
    asio::awaitable<void> write_loop();
    void handle_text(std::string_view text);
    void close(websocket::close_reason reason, bool drop_queued);
    void wake_writer();

    websocket::stream<beast::tcp_stream> ws_;
    std::shared_ptr<server_state> state_;
    std::uint64_t id_;
    session_registry::ticket ticket_;
    std::deque<std::string> send_queue_;
    asio::steady_timer writer_signal_;
    std::optional<websocket::close_reason> close_reason_;
    bool accepted_ = false;
    bool reading_done_ = false;
};

} // namespace loopscope::net
