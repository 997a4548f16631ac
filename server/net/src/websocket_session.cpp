#include "websocket_session.hpp"

#include "loopscope/protocol/messages.hpp"
#include "loopscope/version.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <spdlog/spdlog.h>

namespace loopscope::net {

websocket_session::websocket_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id)
    : ws_(std::move(stream)), state_(std::move(state)), id_(id), writer_signal_(ws_.get_executor())
{
    ticket_ = state_->sessions.add(*this);
}

websocket_session::~websocket_session()
{
    spdlog::debug("conn {}: websocket closed", id_);
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
    send(protocol::encode(protocol::hello{server_name}));
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
        if (ws_.got_text())
            handle_text(std::string_view(static_cast<const char*>(buffer.data().data()), size));
        else
            send(protocol::encode(protocol::error{protocol::error_code::binary_frame,
                "binary frames are not part of the protocol; send JSON text frames"}));
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
            auto [ec, size] = co_await ws_.async_write(asio::buffer(send_queue_.front()), use_tuple);
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

void websocket_session::handle_text(std::string_view text)
{
    auto kind = protocol::classify(text);
    if (!kind.error_reply.empty()) {
        send(std::move(kind.error_reply));
        return;
    }
    std::string why = "unknown message type \"" + kind.type + "\"";
    send(protocol::encode(protocol::error{protocol::error_code::unknown_type, why}));
}

void websocket_session::send(std::string message)
{
    if (close_reason_) return;
    if (send_queue_.size() >= state_->config.max_send_queue_messages) {
        // A reader this far behind is not reading: drop it rather than buffer without bound
        spdlog::warn("conn {}: send queue full ({} messages); closing", id_, send_queue_.size());
        close({websocket::close_code::policy_error, "send queue full: the client is not reading"}, true);
        return;
    }
    send_queue_.push_back(std::move(message));
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
