#pragma once

#include "shared_frame_writer.hpp"
#include "live_run.hpp"
#include "loopscope/protocol/requests.hpp"
#include "net_common.hpp"
#include "room.hpp"
#include "server_state.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace loopscope::net {

namespace http = beast::http;
namespace websocket = beast::websocket;

// One websocket connection: a read loop, and one writer (a chain of write handlers, running while there
// is something to send) that alone touches the write side.
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

    // Queues a frame for the writer; a shared one (hello) is sent without a copy per connection.
    void send(std::string message, bool binary = false);
    void send_shared(std::shared_ptr<const std::string> message);

    // For the session's runs: an events message of `count` events, and a run's last message. The
    // events of a run that waits for its client are not held to the hard limit of the send queue: that
    // run has stopped at the high-water mark, so what it queues past it is one instruction's output.
    void send_events(std::string message, std::size_t count, bool from_waiting_run);
    // The client reads what it is sent: at most the high-water mark waits for it.
    bool client_keeps_up() const;
    void finish_run(std::string run, std::string run_finished, std::string_view status);
    void send_error(std::string_view code, std::string_view message, std::string_view run = {}, int line = 0,
                    int column = 0);
    void send_room_error(std::string_view code, std::string_view message, std::string_view room = {});
    // Conflation, for a room's position (viewers) and status (presenter): the message replaces whatever
    // such message still waits to be written, so a client that reads slowly gets the newest when it
    // can take one, never a backlog. Sent after everything queued before it; a message queued after it
    // (send, send_shared) goes behind it.
    void send_latest(std::shared_ptr<const std::string> message);
    // send_latest for a room's fan-out, with the message's frame built once for every viewer: when
    // nothing waits to be written to this client, the frame goes into its socket at once (no write
    // operation, no handler, no turn of the thread: shared_frame_writer); otherwise as send_latest.
    void send_latest(std::shared_ptr<const std::string> message, std::string_view frame);

    // The rooms of this connection: the one it presents, the one it follows (and its place among that
    // room's viewers). Kept by the room registry.
    struct room_seats {
        std::shared_ptr<room> presenting;
        std::shared_ptr<room> viewing;
        std::size_t viewer_index = 0;
        std::uint64_t position_version = 0; // the room's position this viewer was last handed
    };
    room_seats rooms;
    // Bytes waiting to be written to this client (the conflated message included).
    std::size_t queued_bytes() const { return queued_bytes_; }

    asio::any_io_executor executor() { return ws_.get_executor(); }
    std::uint64_t id() const { return id_; }

private:
    asio::awaitable<void> read_loop();
    void write_next();
    void written(const beast::error_code& ec, std::size_t size);
    asio::awaitable<void> echo_loop();
    void send_close();
    void handle_message(std::string_view text);
    void release_latest(); // moves the conflated message to the back of the queue
    void start_run(protocol::run_request request);
    void cancel_runs(const std::string& reason);
    void close(websocket::close_reason reason, bool drop_queued);
    void watch_slow_consumer();
    void drop_slow_consumer(std::string_view why);
    void wake_writer();

    websocket::stream<shared_frame_writer> ws_;
    std::shared_ptr<server_state> state_;
    std::uint64_t id_;
    mode mode_;
    session_registry::ticket ticket_;
    struct outgoing {
        std::string payload;
        std::shared_ptr<const std::string> shared; // instead of payload, for a message every client gets
        bool binary = false;
        bool from_waiting_run = false; // bounded by its run's pause rather than by the hard limit

        std::string_view view() const { return shared ? std::string_view(*shared) : std::string_view(payload); }
        std::size_t size() const { return view().size(); }
    };
    void enqueue(outgoing message);
    void unqueue(const outgoing& message); // its bytes leave the queue's counts

    std::deque<outgoing> send_queue_;
    std::shared_ptr<const std::string> latest_; // the conflated message (send_latest), sent once the queue is empty
    std::size_t queued_bytes_ = 0;
    std::size_t queued_by_waiting_runs_ = 0; // the part of queued_bytes_ from runs that wait for the client
    std::map<std::string, std::shared_ptr<live_run>, std::less<>> runs_;
    asio::steady_timer slow_consumer_timer_; // armed while the queue is above its high-water mark
    bool slow_consumer_armed_ = false;
    std::optional<websocket::close_reason> close_reason_;
    std::optional<websocket::close_reason> close_after_runs_; // shutdown: close once every run has finished
    bool accepted_ = false;
    bool writer_running_ = false;  // the writer (write_next, written) is sending the queue
    bool writer_finished_ = false; // the connection is closing or broken: no writer again
    bool echo_writing_ = false;
    bool reading_done_ = false;
};

} // namespace loopscope::net
