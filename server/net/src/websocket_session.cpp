#include "websocket_session.hpp"

#include "loopscope/protocol/messages.hpp"
#include "loopscope/protocol/requests.hpp"
#include "loopscope/version.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <spdlog/spdlog.h>

namespace loopscope::net {

websocket_session::websocket_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id,
                                     mode kind)
    : ws_(std::move(stream)), state_(std::move(state)), id_(id), mode_(kind), writer_signal_(ws_.get_executor())
{
    ticket_ = state_->sessions.add(*this);
    ++state_->stats.websockets_current;
}

websocket_session::~websocket_session()
{
    spdlog::debug("conn {}: websocket closed", id_);
    --state_->stats.websockets_current;
    state_->sessions.remove(ticket_);
}

asio::awaitable<void> websocket_session::run(http::request<http::string_body> request)
{
    // The websocket keeps its own time: Beast's suggested server timeouts (handshake, idle, pings).
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, server_name); }));
    ws_.read_message_max(state_->config.max_message_bytes);

    // Complete the upgrade
    auto [ec] = co_await ws_.async_accept(request, use_tuple);
    if (ec) {
        spdlog::debug("conn {}: websocket handshake failed: {}", id_, ec.message());
        co_return;
    }
    accepted_ = true;
    spdlog::debug("conn {}: websocket open", id_);

    // Greet, then read until the connection ends; the writer sends everything queued meanwhile
    if (mode_ == mode::protocol) send(protocol::encode(protocol::hello{server_name}));
    asio::co_spawn(ws_.get_executor(), write_loop(), [self = shared_from_this()](std::exception_ptr failure) {
        if (failure) {
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& e) {
                spdlog::error("conn {}: websocket writer failed: {}", self->id_, e.what());
            }
        }
    });
    if (state_->shutting_down) stop();
    co_await read_loop();
}

asio::awaitable<void> websocket_session::read_loop()
{
    beast::flat_buffer buffer;
    for (;;) {
        // Read a message
        auto [ec, size] = co_await ws_.async_read(buffer, use_tuple);
        if (ec) {
            if (ec == websocket::error::closed || is_disconnect(ec))
                spdlog::debug("conn {}: websocket ended: {}", id_, ec.message());
            else
                spdlog::info("conn {}: websocket dropped: {}", id_, ec.message());
            break;
        }
        std::string_view message(static_cast<const char*>(buffer.data().data()), size);
        if (mode_ == mode::echo)
            send(std::string(message), !ws_.got_text());
        else if (ws_.got_text())
            handle_message(message);
        else
            send_error(protocol::error_code::binary_frame, "binary frames are not part of the protocol; send JSON text frames");
        buffer.consume(size);
    }
    reading_done_ = true;
    wake_writer();
}

asio::awaitable<void> websocket_session::write_loop()
{
    for (;;) {
        if (!send_queue_.empty()) {
            // Send the oldest message; only this loop writes, so one write is in flight at most
            const outgoing& next = send_queue_.front();
            ws_.binary(next.binary);
            auto [ec, size] = co_await ws_.async_write(asio::buffer(next.payload), use_tuple);
            state_->stats.bytes_sent += size;
            if (ec) {
                spdlog::debug("conn {}: websocket write failed: {}", id_, ec.message());
                beast::get_lowest_layer(ws_).close();
                co_return;
            }
            send_queue_.pop_front();
            continue;
        }
        if (reading_done_) co_return;
        if (close_reason_) {
            auto [ec] = co_await ws_.async_close(*close_reason_, use_tuple);
            if (ec) spdlog::debug("conn {}: websocket close failed: {}", id_, ec.message());
            co_return;
        }
        // Sleep until there is something to send
        writer_signal_.expires_at(asio::steady_timer::time_point::max());
        co_await writer_signal_.async_wait(use_tuple);
    }
}

void websocket_session::handle_message(std::string_view text)
{
    auto message = protocol::decode_client_message(text, state_->request_limits);
    if (auto* error = std::get_if<protocol::request_error>(&message)) {
        send_error(error->code, error->message, error->run);
        return;
    }
    // Runs arrive with the engine's session work; until then a run is refused in words
    send_error(protocol::error_code::unknown_type, "this server cannot run programs yet");
}

void websocket_session::send_error(std::string_view code, std::string_view message, std::string_view run)
{
    state_->stats.count(state_->stats.protocol_errors, code);
    send(protocol::encode(protocol::error{code, message, run}));
}

void websocket_session::send(std::string message, bool binary)
{
    if (close_reason_) return;
    if (send_queue_.size() >= state_->config.max_send_queue_messages) {
        // A reader this far behind is not reading: drop it rather than buffer without bound
        spdlog::warn("conn {}: send queue full ({} messages); closing", id_, send_queue_.size());
        ++state_->stats.slow_consumer_disconnects;
        close({websocket::close_code::policy_error, "send queue full: the client is not reading"}, true);
        return;
    }
    send_queue_.push_back({std::move(message), binary});
    wake_writer();
}

void websocket_session::stop()
{
    if (!accepted_) {
        beast::get_lowest_layer(ws_).close();
        return;
    }
    close({websocket::close_code::going_away, "server shutting down"}, false);
}

void websocket_session::close(websocket::close_reason reason, bool drop_queued)
{
    if (close_reason_) return;
    close_reason_ = std::move(reason);
    // Keep the message being written (the writer still owns its buffer), drop the rest if asked
    if (drop_queued && send_queue_.size() > 1) send_queue_.erase(send_queue_.begin() + 1, send_queue_.end());
    wake_writer();
}

void websocket_session::wake_writer()
{
    writer_signal_.cancel();
}

} // namespace loopscope::net
