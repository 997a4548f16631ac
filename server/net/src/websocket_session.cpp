#include "websocket_session.hpp"

#include "loopscope/catalog/catalog.hpp"
#include "loopscope/engine/memory.hpp"
#include "loopscope/protocol/messages.hpp"
#include "loopscope/version.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <spdlog/spdlog.h>

namespace loopscope::net {

websocket_session::websocket_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id,
                                     mode kind)
    : ws_(std::move(stream)), state_(std::move(state)), id_(id), mode_(kind), slow_consumer_timer_(ws_.get_executor())
{
    ticket_ = state_->sessions.add(*this);
    ++state_->stats.websockets_current;
}

websocket_session::~websocket_session()
{
    spdlog::debug("conn {}: websocket closed", id_);
    --state_->stats.websockets_current;
    state_->stats.send_queue_bytes -= queued_bytes_;
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
    // Each message leaves as one frame: Beast would otherwise cut a 64 KiB events batch into 4 KiB
    // frames, each with its own header and write.
    ws_.auto_fragment(false);

    // Complete the upgrade; the request is freed then, not kept for the connection's life
    {
        auto upgrade = std::move(request);
        auto [ec] = co_await ws_.async_accept(upgrade, use_tuple);
        if (ec) {
            spdlog::debug("conn {}: websocket handshake failed: {}", id_, ec.message());
            co_return;
        }
    }
    accepted_ = true;
    spdlog::debug("conn {}: websocket open ({})", id_, mode_ == mode::protocol ? "/ws" : "/echo");
    if (mode_ == mode::echo) {
        co_await echo_loop();
        co_return;
    }

    // Greet, then read until the connection ends; the writer sends everything queued meanwhile
    send_shared(state_->hello);
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
            if (const auto& rejected = ws_.next_layer().next_layer().rejected())
                spdlog::info("conn {}: the client's close frame had code {}{}: answered {}", id_, rejected->code,
                             rejected->reason_is_utf8 ? "" : " and a reason that is not UTF-8", rejected->answer);
            else if (ec == websocket::error::closed || is_disconnect(ec))
                spdlog::debug("conn {}: websocket ended: {}", id_, ec.message());
            else
                spdlog::info("conn {}: websocket dropped: {}", id_, ec.message());
            break;
        }
        std::string_view message(static_cast<const char*>(buffer.data().data()), size);
        if (ws_.got_text())
            handle_message(message);
        else
            send_error(protocol::error_code::binary_frame, "binary frames are not part of the protocol; send JSON text frames");
        buffer.consume(size);
    }

    // Nobody is listening any more: stop the runs, let the writer go
    reading_done_ = true;
    cancel_runs("the client went away");
    state_->rooms->connection_gone(*this);
    slow_consumer_timer_.cancel();
    wake_writer();
}

asio::awaitable<void> websocket_session::echo_loop()
{
    // Each message goes straight back from the read buffer: no copy, no queue, no writer to wake. A
    // client that does not read stalls this loop, and TCP holds the rest back.
    beast::flat_buffer buffer;
    for (;;) {
        auto [read_failed, size] = co_await ws_.async_read(buffer, use_tuple);
        if (read_failed) {
            spdlog::debug("conn {}: echo ended: {}", id_, read_failed.message());
            co_return;
        }
        ws_.binary(ws_.got_binary());
        echo_writing_ = true;
        auto [write_failed, sent] = co_await ws_.async_write(buffer.data(), use_tuple);
        echo_writing_ = false;
        buffer.consume(size);
        if (write_failed) {
            spdlog::debug("conn {}: echo write failed: {}", id_, write_failed.message());
            beast::get_lowest_layer(ws_).close();
            co_return;
        }
        state_->stats.bytes_sent += sent;
        // A close asked for while writing is ours to send; the read then ends with `closed`
        if (close_reason_) send_close();
    }
}

void websocket_session::send_close()
{
    asio::co_spawn(ws_.get_executor(), ws_.async_close(*close_reason_, use_tuple),
                   [self = shared_from_this()](std::exception_ptr, std::tuple<beast::error_code> result) {
                       if (auto [ec] = result; ec) spdlog::debug("conn {}: close failed: {}", self->id_, ec.message());
                   });
}

// The writer is a chain of completion handlers, not a coroutine: a room's fan-out wakes the writer of
// every viewer for every step, and a coroutine's frame and its start (a post) per viewer per step was
// a large part of that fan-out's cost (docs/performance.md). Only this chain writes, so one write is in
// flight at most; each completion comes on a later turn of the thread (asio never completes inline).
void websocket_session::write_next()
{
    if (send_queue_.empty() && latest_) release_latest();
    if (!send_queue_.empty()) {
        // Send the oldest message; the deque keeps it in place while it is written
        const outgoing& next = send_queue_.front();
        ws_.binary(next.binary);
        ws_.async_write(asio::buffer(next.view()),
                        [self = shared_from_this()](const beast::error_code& ec, std::size_t size) { self->written(ec, size); });
        return;
    }
    if (close_reason_ && !reading_done_) {
        writer_finished_ = true;
        ws_.async_close(*close_reason_, [self = shared_from_this()](const beast::error_code& ec) {
            if (ec) spdlog::debug("conn {}: websocket close failed: {}", self->id_, ec.message());
        });
        return;
    }
    // Nothing left to send: the writer stops, and wake_writer starts it again when there is
    writer_running_ = false;
}

void websocket_session::written(const beast::error_code& ec, std::size_t size)
{
    if (ec) {
        spdlog::debug("conn {}: websocket write failed: {}", id_, ec.message());
        writer_finished_ = true;
        beast::get_lowest_layer(ws_).close();
        return;
    }
    state_->stats.bytes_sent += size;
    unqueue(send_queue_.front());
    send_queue_.pop_front();
    // Below the high-water mark again: the client keeps up, and waiting runs may go on
    if (slow_consumer_armed_ && client_keeps_up() && !close_reason_) {
        slow_consumer_armed_ = false;
        slow_consumer_timer_.cancel();
        for (auto& [id, run] : runs_) run->resume();
    }
    write_next();
}

void websocket_session::handle_message(std::string_view text)
{
    auto message = protocol::decode_client_message(text, state_->request_limits);
    if (auto* error = std::get_if<protocol::request_error>(&message)) {
        send_error(error->code, error->message, error->run);
        return;
    }
    if (auto* request = std::get_if<protocol::run_request>(&message)) {
        start_run(std::move(*request));
        return;
    }
    if (std::holds_alternative<protocol::cancel_request>(message)) {
        const auto& cancel = std::get<protocol::cancel_request>(message);
        auto found = runs_.find(cancel.run);
        if (found == runs_.end()) {
            send_error(protocol::error_code::unknown_run, "no live run has the id \"" + cancel.run + "\"", cancel.run);
            return;
        }
        found->second->cancel("cancelled by the client");
        return;
    }
    if (close_reason_) return;
    std::visit(
        [this](auto& request) {
            using request_type = std::decay_t<decltype(request)>;
            if constexpr (std::is_same_v<request_type, protocol::room_create_request> ||
                          std::is_same_v<request_type, protocol::room_join_request> ||
                          std::is_same_v<request_type, protocol::room_reclaim_request>)
                state_->rooms->handle(shared_from_this(), request);
            else if constexpr (!std::is_same_v<request_type, protocol::run_request> &&
                               !std::is_same_v<request_type, protocol::cancel_request> &&
                               !std::is_same_v<request_type, protocol::request_error>)
                state_->rooms->handle(*this, request);
        },
        message);
}

void websocket_session::start_run(protocol::run_request request)
{
    const server_config& config = state_->config;
    if (close_reason_) return;
    if (runs_.contains(request.run)) {
        send_error(protocol::error_code::duplicate_run, "a run with the id \"" + request.run + "\" is still live", request.run);
        return;
    }
    if (runs_.size() >= config.max_runs_per_connection) {
        send_error(protocol::error_code::too_many_runs,
                   std::to_string(runs_.size()) + " runs are live on this connection, the most it may have; cancel one or wait",
                   request.run);
        return;
    }
    if (engine::total_run_memory_bytes() + config.run.max_memory_bytes > config.max_total_run_memory_bytes) {
        spdlog::warn("conn {}: run {} refused: runs hold {} bytes, the server's bound is {}", id_, request.run,
                     engine::total_run_memory_bytes(), config.max_total_run_memory_bytes);
        send_error(protocol::error_code::server_memory_full,
                   "the server's runs hold " + std::to_string(engine::total_run_memory_bytes() >> 20) +
                       " MiB, too close to its bound of " + std::to_string(config.max_total_run_memory_bytes >> 20) +
                       " MiB (max_total_run_memory_bytes); try again when some have finished",
                   request.run);
        return;
    }
    std::string_view source;
    if (request.scenario) {
        const catalog::scenario* scenario = catalog::find(*request.scenario);
        if (scenario == nullptr) {
            send_error(protocol::error_code::unknown_scenario,
                       "there is no scenario \"" + *request.scenario + "\"; hello lists them", request.run);
            return;
        }
        source = scenario->source;
    } else {
        source = *request.source;
    }

    engine::drive_options options;
    options.clock = request.clock == protocol::clock_kind::virtual_ ? engine::clock_kind::virtual_ : engine::clock_kind::scaled;
    options.speed = request.speed;
    options.steps_per_slice = config.steps_per_slice;
    if (options.clock == engine::clock_kind::virtual_) {
        // A virtual-clock run can go as fast as the CPU: it waits whenever its client falls behind
        // (before each slice here, and within one through live_run)
        options.may_continue = [weak = weak_from_this()] {
            auto self = weak.lock();
            return self && self->client_keeps_up();
        };
    }

    ++state_->stats.runs_started;
    spdlog::debug("conn {}: run {} starts ({})", id_, request.run, request.scenario.value_or("source"));
    auto run = std::make_shared<live_run>(shared_from_this(), request.run, config.max_batch_bytes,
                                          config.trim_after_run_bytes, options.clock == engine::clock_kind::virtual_);
    runs_.emplace(request.run, run);
    engine::run_config run_config = config.run;
    run_config.random_seed = request.random_seed;
    run->start(source, run_config, options);
}

void websocket_session::cancel_runs(const std::string& reason)
{
    // Cancelling finishes a run, which removes it from runs_: iterate over a copy
    std::vector<std::shared_ptr<live_run>> live;
    for (auto& [id, run] : runs_) live.push_back(run);
    for (auto& run : live) run->cancel(reason);
}

void websocket_session::send_events(std::string message, std::size_t count, bool from_waiting_run)
{
    state_->stats.events_sent += count;
    ++state_->stats.batches_sent;
    enqueue({std::move(message), nullptr, false, from_waiting_run});
}

bool websocket_session::client_keeps_up() const
{
    return queued_bytes_ <= state_->config.send_queue_high_water_bytes;
}

void websocket_session::finish_run(std::string run, std::string run_finished, std::string_view status)
{
    state_->stats.count(state_->stats.runs_finished, status);
    spdlog::debug("conn {}: run {} finished: {}", id_, run, status);
    send(std::move(run_finished));
    runs_.erase(run);
    if (runs_.empty() && close_after_runs_) close(*close_after_runs_, false);
}

void websocket_session::send_error(std::string_view code, std::string_view message, std::string_view run, int line,
                                   int column)
{
    state_->stats.count(state_->stats.protocol_errors, code);
    send(protocol::encode(protocol::error{code, message, run, line, column}));
}

void websocket_session::send_room_error(std::string_view code, std::string_view message, std::string_view room)
{
    state_->stats.count(state_->stats.protocol_errors, code);
    send(protocol::encode(protocol::error{.code = code, .message = message, .room = room}));
}

void websocket_session::send_latest(std::shared_ptr<const std::string> message)
{
    if (close_reason_ || reading_done_) return;
    // Replace, not enqueue: the bytes waiting for this client stay one message's worth
    if (latest_) {
        queued_bytes_ -= latest_->size();
        state_->stats.send_queue_bytes -= latest_->size();
    }
    queued_bytes_ += message->size();
    state_->stats.send_queue_bytes += message->size();
    latest_ = std::move(message);
    wake_writer();
}

void websocket_session::send_latest(std::shared_ptr<const std::string> message, std::string_view frame)
{
    // In order only if nothing is queued or being written: then this frame is the next thing the
    // client gets either way
    if (!close_reason_ && !reading_done_ && accepted_ && !writer_running_ && !writer_finished_ && send_queue_.empty() &&
        !latest_) {
        const auto written = ws_.next_layer().try_write(frame, shared_from_this());
        if (written != shared_frame_writer::written::refused) {
            state_->stats.bytes_sent += message->size();
            ++state_->stats.room_positions_direct;
            if (written == shared_frame_writer::written::split) ++state_->stats.room_positions_split;
            return;
        }
    }
    send_latest(std::move(message));
}

void websocket_session::release_latest()
{
    // Its bytes are counted already; the writer's unqueue takes them off once it is written
    send_queue_.push_back({{}, std::move(latest_), false});
    latest_.reset();
}

void websocket_session::send(std::string message, bool binary)
{
    enqueue({std::move(message), nullptr, binary});
}

void websocket_session::send_shared(std::shared_ptr<const std::string> message)
{
    enqueue({{}, std::move(message), false});
}

void websocket_session::enqueue(outgoing message)
{
    // Nothing more goes out once the connection is closing or its reader is gone
    if (close_reason_ || reading_done_) return;
    // Order is kept: a conflated message waiting goes out before this one
    if (latest_) release_latest();
    queued_bytes_ += message.size();
    if (message.from_waiting_run) queued_by_waiting_runs_ += message.size();
    state_->stats.send_queue_bytes += message.size();
    send_queue_.push_back(std::move(message));
    // The hard limit is for what nothing holds back: runs on the virtual clock have paused themselves
    // at the high-water mark, however large the print that took them past it
    if (queued_bytes_ - queued_by_waiting_runs_ > state_->config.max_send_queue_bytes)
        drop_slow_consumer("its send queue passed " + std::to_string(state_->config.max_send_queue_bytes) + " bytes");
    else if (!client_keeps_up())
        watch_slow_consumer();
    wake_writer();
}

void websocket_session::unqueue(const outgoing& message)
{
    queued_bytes_ -= message.size();
    if (message.from_waiting_run) queued_by_waiting_runs_ -= message.size();
    state_->stats.send_queue_bytes -= message.size();
}

void websocket_session::watch_slow_consumer()
{
    if (slow_consumer_armed_) return;
    slow_consumer_armed_ = true;
    slow_consumer_timer_.expires_after(state_->config.slow_consumer_timeout);
    slow_consumer_timer_.async_wait([self = shared_from_this()](const beast::error_code& ec) {
        if (ec || !self->slow_consumer_armed_) return;
        self->drop_slow_consumer("it stayed behind for " + std::to_string(self->state_->config.slow_consumer_timeout.count()) + " ms");
    });
}

void websocket_session::drop_slow_consumer(std::string_view why)
{
    if (close_reason_) return;
    spdlog::warn("conn {}: closing a client that does not read: {}", id_, why);
    ++state_->stats.slow_consumer_disconnects;
    cancel_runs("the client did not keep up");
    close({websocket::close_code::policy_error, "slow consumer: the client did not read what was sent"}, true);

    // A client that reads nothing will not read the close frame either: drop it after close_timeout
    slow_consumer_armed_ = true;
    slow_consumer_timer_.expires_after(state_->config.close_timeout);
    slow_consumer_timer_.async_wait([self = shared_from_this()](const beast::error_code& ec) {
        if (!ec) beast::get_lowest_layer(self->ws_).close();
    });
}

void websocket_session::stop()
{
    if (!accepted_) {
        beast::get_lowest_layer(ws_).close();
        return;
    }
    if (mode_ == mode::echo) {
        // No writer here: the echo loop sends the close after a write in flight, or it goes now
        close_reason_ = websocket::close_reason{websocket::close_code::going_away, "server shutting down"};
        if (!echo_writing_) send_close();
        return;
    }
    // Each live run finishes as cancelled; the close frame follows the last run_finished
    close_after_runs_ = websocket::close_reason{websocket::close_code::going_away, "server shutting down"};
    if (runs_.empty()) close(*close_after_runs_, false);
    else cancel_runs("the server is shutting down");
}

void websocket_session::close(websocket::close_reason reason, bool drop_queued)
{
    if (close_reason_) return;
    close_reason_ = std::move(reason);
    // Keep the message being written (the writer still owns its buffer), drop the rest if asked
    if (drop_queued && latest_) {
        queued_bytes_ -= latest_->size();
        state_->stats.send_queue_bytes -= latest_->size();
        latest_.reset();
    }
    if (drop_queued && send_queue_.size() > 1) {
        for (auto it = send_queue_.begin() + 1; it != send_queue_.end(); ++it) unqueue(*it);
        send_queue_.erase(send_queue_.begin() + 1, send_queue_.end());
    }
    wake_writer();
}

void websocket_session::wake_writer()
{
    // The writer runs only while there is something to send, so an idle connection keeps no coroutine
    // and no pending wait for it
    if (writer_running_ || writer_finished_ || !accepted_) return;
    if (send_queue_.empty() && !latest_ && (!close_reason_ || reading_done_)) return;
    writer_running_ = true;
    // The write starts here (the socket is tried at once), not on a later turn
    write_next();
}

} // namespace loopscope::net
