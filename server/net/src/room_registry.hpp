#pragma once

#include "loopscope/net/server_config.hpp"
#include "loopscope/protocol/requests.hpp"
#include "net_common.hpp"
#include "fan_out_queue.hpp"
#include "room.hpp"

#include <map>
#include <memory>
#include <string>

namespace loopscope::net {

class websocket_session;
struct metrics;

// Every room of the server, by code, and the bounds on them (server_config's max_rooms,
// max_viewers_per_room, room_linger, room_code_length, room_code_alphabet and room_code_prefix,
// max_room_event_bytes).
// Codes and secrets come from the operating system's CSPRNG. Single-threaded, like the io_context.
class room_registry {
public:
    room_registry(const server_config& config, metrics& stats);

    // A room message from `session`; refusals are answered on the session with their error code.
    void handle(const std::shared_ptr<websocket_session>& session, const protocol::room_create_request& request);
    void handle(const std::shared_ptr<websocket_session>& session, const protocol::room_join_request& request);
    void handle(const std::shared_ptr<websocket_session>& session, const protocol::room_reclaim_request& request);
    void handle(websocket_session& session, const protocol::room_leave_request& request);
    void handle(websocket_session& session, const protocol::room_position_request& request);
    void handle(websocket_session& session, const protocol::room_poll_request& request);
    void handle(websocket_session& session, const protocol::room_answer_request& request);
    void handle(websocket_session& session, const protocol::room_close_request& request);

    // The session's connection has ended: it stops following, and a room it presents waits room_linger
    // for a reclaim (its viewers still following) before it ends.
    void connection_gone(websocket_session& session);

    // Shutdown: rooms waiting for their presenter end at once, so that no timer keeps the io_context running.
    void shutdown();

    std::size_t size() const { return rooms_.size(); }

private:
    // The room a presenter's message names, when it may drive it; otherwise the refusal is sent.
    room* driven_room(websocket_session& session, const std::string& code, const std::string& secret);
    std::string new_code() const;
    void remove(const std::string& code);

    const server_config& config_;
    metrics& stats_;
    bool shutting_down_ = false;
    std::map<std::string, std::shared_ptr<room>, std::less<>> rooms_;
    fan_out_queue fan_outs_; // every room's fan-out, a turn's budget shared
};

// `bytes` bytes from the operating system's CSPRNG (getrandom): what room codes and secrets are made of.
std::string random_bytes(std::size_t bytes);

} // namespace loopscope::net
