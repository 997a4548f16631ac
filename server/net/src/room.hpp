#pragma once

#include "loopscope/protocol/requests.hpp"
#include "net_common.hpp"
#include "program_recording.hpp"

#include <boost/asio/steady_timer.hpp>

#include <cstddef>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::net {

class websocket_session;
class fan_out_queue;
struct metrics;

// One classroom: a presenter who drives, the viewers who follow, and what they all see (the programs,
// their recorded events, the presenter's position, the poll). Lives on the server's one thread, like
// everything else. Every message for the viewers is serialized once and the same buffer handed to each.
class room : public std::enable_shared_from_this<room> {
public:
    enum class phase {
        recording, // the programs run to make the events viewers will get; nobody may join yet
        open,      // the presenter drives, viewers follow
        away,      // the presenter's connection dropped: viewers keep following, and for room_linger the
                   // presenter may reclaim the room with its secret on a new connection
        ended,     // closed, or the presenter did not come back: viewers were told and let go
    };

    struct program {
        std::string scenario; // empty: the presenter's own text
        std::string source;
        std::shared_ptr<program_recording> recording;
    };

    room(std::string code, std::string secret, std::shared_ptr<websocket_session> presenter,
         std::vector<program> programs, protocol::room_position position, asio::any_io_executor executor,
         metrics& stats, fan_out_queue& fan_outs);

    const std::string& code() const { return code_; }
    phase state() const { return phase_; }
    std::size_t viewer_count() const { return viewers_.size(); }
    bool is_presenter(const websocket_session& session) const { return presenter_.get() == &session; }
    std::shared_ptr<websocket_session> presenter() const { return presenter_; }
    // Compares in constant time: how long a wrong guess takes says nothing of the secret.
    bool secret_matches(std::string_view secret) const;

    // Recording is over (each program's recording finished): the room opens and the presenter is told.
    void open();
    std::vector<program>& programs() { return programs_; }

    // Viewers. join sends the snapshot (room_joined, then one room_events per program, shared buffers).
    void join(const std::shared_ptr<websocket_session>& viewer);
    void leave(websocket_session& viewer);

    // The presenter's messages (already checked to come from the presenter).
    void move_to(const protocol::room_position& position);
    // The fan-out queue's turn: the pass over the viewers goes on for at most `budget` of them (taken off
    // it); true when every viewer has the newest position (the room leaves the queue).
    bool fan_out(std::size_t& budget);
    void poll(const protocol::room_poll_request& request);
    // A viewer's answer: "" when counted, else why not (no open poll, not an order of its lines).
    std::string answer(websocket_session& viewer, const std::vector<std::size_t>& order);
    std::uint64_t event_total() const;

    // The presenter's connection dropped: the viewers are told and keep following; after `linger`
    // without a reclaim, `expired` runs (the registry ends the room then).
    void presenter_away(std::chrono::milliseconds linger, std::function<void()> expired);
    // A connection holding the secret takes the room (back): it gets the room's snapshot as a viewer
    // does (room_reclaimed, room_events) and its status; the viewers are told the presenter is back. A
    // presenter's connection still open loses the room (room_ended "reclaimed").
    void reclaim(const std::shared_ptr<websocket_session>& presenter);
    // The presenter closed the room, or did not come back: every viewer is told, and let go.
    void end(std::string_view reason);
    void stop_lingering();

private:
    void status_changed();
    void send_status();
    void send_snapshot(websocket_session& to, bool reclaimed);
    void tell_viewers(std::shared_ptr<const std::string> message);
    std::string_view poll_state() const;

    std::string code_;
    std::string secret_;
    std::shared_ptr<websocket_session> presenter_;
    std::vector<program> programs_;
    protocol::room_position position_;
    std::shared_ptr<const std::string> position_message_; // the latest room_position
    std::string position_frame_; // ... as a websocket frame: the bytes each viewer's socket gets
    // The fan-out of a position goes through the viewers in the server's fan-out queue, a share of a
    // turn of the thread at a time, so that a room of ten thousand never holds the thread for long; a
    // position that arrives meanwhile is what the rest of them get (the older one is never sent to
    // them): positions are conflated for the room as a whole, not only per viewer, when the presenter
    // steps faster than the fan-out goes.
    std::uint64_t position_version_ = 0;
    std::size_t fan_out_next_ = 0; // the next viewer of the pass in progress
    bool fan_out_queued_ = false;  // waiting in the fan-out queue, or being served
    bool fan_out_again_ = false;   // a viewer before the cursor lacks the newest position: another pass
    fan_out_queue& fan_outs_;
    phase phase_ = phase::recording;
    metrics& stats_;
    asio::steady_timer linger_timer_;
    // Viewers in joining order; each session knows its index, so leaving is a swap with the last
    std::vector<std::shared_ptr<websocket_session>> viewers_;
    bool status_posted_ = false; // a room_status for the presenter is due once the current burst is over

    // The predict-the-order poll
    enum class poll_phase { none, open, closed, revealed };
    poll_phase poll_ = poll_phase::none;
    std::size_t poll_lines_ = 0;
    std::vector<std::size_t> places_; // places_[line * poll_lines_ + place]
    std::size_t all_right_ = 0;
    struct answer_of {
        std::uint64_t viewer; // session id: an answer counts once, the latest one
        std::vector<std::size_t> order;
    };
    std::vector<answer_of> answers_;
};

} // namespace loopscope::net
