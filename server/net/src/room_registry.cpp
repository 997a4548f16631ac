#include "room_registry.hpp"

#include "loopscope/catalog/catalog.hpp"
#include "loopscope/engine/memory.hpp"
#include "loopscope/protocol/messages.hpp"
#include "metrics.hpp"
#include "websocket_session.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>
#include <system_error>

#include <cerrno>
#include <sys/random.h>

namespace loopscope::net {

std::string random_bytes(std::size_t bytes)
{
    std::string out(bytes, '\0');
    std::size_t filled = 0;
    while (filled < bytes) {
        ssize_t got = getrandom(out.data() + filled, bytes - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "getrandom");
        }
        filled += static_cast<std::size_t>(got);
    }
    return out;
}

room_registry::room_registry(const server_config& config, metrics& stats) : config_(config), stats_(stats)
{
    if (config_.room_code_alphabet.size() < 2 || config_.room_code_alphabet.size() > 256 || config_.room_code_length == 0)
        throw std::invalid_argument("room codes need an alphabet of 2 to 256 characters and a length of at least 1");
    const std::string& prefix = config_.room_code_prefix;
    if (prefix.size() > server_config::max_room_code_prefix_length ||
        prefix.find_first_not_of(config_.room_code_alphabet) != std::string::npos)
        throw std::invalid_argument("room code prefix \"" + prefix + "\": at most " +
                                    std::to_string(server_config::max_room_code_prefix_length) +
                                    " characters of the room code alphabet " + config_.room_code_alphabet);
}

std::string room_registry::new_code() const
{
    // Rejection sampling: every character of the alphabet equally likely, whatever its size
    const std::string& alphabet = config_.room_code_alphabet;
    const unsigned usable = 256 - 256 % static_cast<unsigned>(alphabet.size());
    for (;;) {
        std::string code = config_.room_code_prefix;
        const std::size_t length = code.size() + config_.room_code_length;
        while (code.size() < length)
            for (unsigned char byte : random_bytes(config_.room_code_length))
                if (byte < usable && code.size() < length) code.push_back(alphabet[byte % alphabet.size()]);
        if (!rooms_.contains(code)) return code;
    }
}

void room_registry::handle(const std::shared_ptr<websocket_session>& session, const protocol::room_create_request& request)
{
    if (shutting_down_) return;
    if (session->rooms.presenting) {
        session->send_room_error(protocol::error_code::too_many_rooms,
                                 "this connection presents room " + session->rooms.presenting->code() +
                                     " already; close it first (room_close)",
                                 session->rooms.presenting->code());
        return;
    }
    if (rooms_.size() >= config_.max_rooms) {
        spdlog::warn("conn {}: room refused: the server has {} rooms (max_rooms)", session->id(), rooms_.size());
        session->send_room_error(protocol::error_code::too_many_rooms,
                                 "the server has " + std::to_string(rooms_.size()) +
                                     " rooms, the most it may have (max_rooms); try again when one has ended");
        return;
    }
    if (engine::total_run_memory_bytes() + request.programs.size() * config_.run.max_memory_bytes >
        config_.max_total_run_memory_bytes) {
        session->send_room_error(protocol::error_code::server_memory_full,
                                 "the server's runs hold too much memory to record a room now "
                                 "(max_total_run_memory_bytes); try again when some have finished");
        return;
    }
    std::vector<room::program> programs;
    for (const protocol::room_program& wanted : request.programs) {
        room::program one;
        if (wanted.scenario) {
            const catalog::scenario* scenario = catalog::find(*wanted.scenario);
            if (scenario == nullptr) {
                session->send_room_error(protocol::error_code::unknown_scenario,
                                         "there is no scenario \"" + *wanted.scenario + "\"; hello lists them");
                return;
            }
            one.scenario = *wanted.scenario;
            one.source = scenario->source;
        } else {
            one.source = *wanted.source;
        }
        programs.push_back(std::move(one));
    }

    // 128 bits: the presenter's key, never sent to anyone else
    std::string secret;
    for (unsigned char byte : random_bytes(16)) {
        constexpr char hex[] = "0123456789abcdef";
        secret.push_back(hex[byte >> 4]);
        secret.push_back(hex[byte & 15]);
    }
    const std::string code = new_code();
    const std::size_t max_bytes_each = config_.max_room_event_bytes / programs.size();
    for (std::size_t i = 0; i < programs.size(); ++i)
        programs[i].recording = std::make_shared<program_recording>(code, i, max_bytes_each);
    auto created = std::make_shared<room>(code, std::move(secret), session, std::move(programs), request.position,
                                          session->executor(), stats_, fan_outs_);
    rooms_.emplace(code, created);
    session->rooms.presenting = created;
    ++stats_.rooms_current;

    // The room opens once every program has been recorded (virtual clock: as fast as the thread goes)
    auto pending = std::make_shared<std::size_t>(created->programs().size());
    std::weak_ptr<room> weak = created;
    for (room::program& one : created->programs()) {
        one.recording->start(session->executor(), one.source, config_.run, config_.steps_per_slice, [this, weak, pending] {
            if (--*pending > 0) return;
            auto recorded = weak.lock();
            if (!recorded || recorded->state() != room::phase::recording) return; // its presenter went meanwhile
            for (room::program& program : recorded->programs()) {
                if (!program.recording->overflowed()) continue;
                spdlog::warn("room {}: refused: its events passed {} bytes (max_room_event_bytes)", recorded->code(),
                             config_.max_room_event_bytes);
                auto presenter = recorded->presenter();
                recorded->end("closed");
                presenter->send_room_error(protocol::error_code::room_too_large,
                                           "the room's events passed " + std::to_string(config_.max_room_event_bytes) +
                                               " bytes (max_room_event_bytes); present a shorter run");
                remove(recorded->code());
                return;
            }
            recorded->open();
            spdlog::info("room {}: open, {} program(s), {} events; {} room(s) on the server", recorded->code(),
                         recorded->programs().size(), recorded->event_total(), rooms_.size());
        });
    }
}

void room_registry::handle(const std::shared_ptr<websocket_session>& session, const protocol::room_join_request& request)
{
    auto found = rooms_.find(request.room);
    if (found == rooms_.end() || found->second->state() == room::phase::recording) {
        spdlog::debug("conn {}: join of unknown room {}", session->id(), request.room);
        session->send_room_error(protocol::error_code::unknown_room,
                                 "there is no room \"" + request.room + "\"; check the code", request.room);
        return;
    }
    room& wanted = *found->second;
    if (wanted.state() == room::phase::ended) {
        session->send_room_error(protocol::error_code::presenter_gone,
                                 "the presenter of room " + request.room + " has left", request.room);
        return;
    }
    if (session->rooms.viewing.get() == &wanted) return; // following it already

    if (wanted.viewer_count() >= config_.max_viewers_per_room) {
        spdlog::warn("room {}: viewer refused: {} follow it (max_viewers_per_room)", request.room, wanted.viewer_count());
        session->send_room_error(protocol::error_code::room_full,
                                 "room " + request.room + " has " + std::to_string(wanted.viewer_count()) +
                                     " viewers, the most it may have (max_viewers_per_room)",
                                 request.room);
        return;
    }
    // One room at a time: following another leaves the first
    if (session->rooms.viewing) session->rooms.viewing->leave(*session);
    wanted.join(session);
    spdlog::debug("conn {}: follows room {} ({} viewers)", session->id(), request.room, wanted.viewer_count());
}

void room_registry::handle(websocket_session& session, const protocol::room_leave_request& request)
{
    if (!session.rooms.viewing || session.rooms.viewing->code() != request.room) {
        session.send_room_error(protocol::error_code::unknown_room,
                                "this connection does not follow a room \"" + request.room + "\"", request.room);
        return;
    }
    session.rooms.viewing->leave(session);
}

room* room_registry::driven_room(websocket_session& session, const std::string& code, const std::string& secret)
{
    auto found = rooms_.find(code);
    if (found == rooms_.end()) {
        session.send_room_error(protocol::error_code::unknown_room, "there is no room \"" + code + "\"; check the code", code);
        return nullptr;
    }
    room& wanted = *found->second;
    // Only the connection that created (or reclaimed) the room, holding its secret, drives it
    const bool unpresented = wanted.state() == room::phase::away || wanted.state() == room::phase::ended;
    if (!wanted.secret_matches(secret) || (!unpresented && !wanted.is_presenter(session))) {
        spdlog::debug("conn {}: refused driving room {}: not its presenter", session.id(), code); // per message: debug, not a flood at info
        session.send_room_error(protocol::error_code::not_presenter,
                                "only the presenter of room " + code + " may drive it", code);
        return nullptr;
    }
    if (unpresented) {
        session.send_room_error(protocol::error_code::presenter_gone,
                                "room " + code + " has no presenter: its presenter's connection left; "
                                "send room_reclaim with the secret (within room_linger) to drive it again",
                                code);
        return nullptr;
    }
    if (wanted.state() == room::phase::recording) {
        session.send_room_error(protocol::error_code::unknown_room,
                                "room " + code + " is not open yet: wait for room_created", code);
        return nullptr;
    }
    return &wanted;
}

void room_registry::handle(websocket_session& session, const protocol::room_position_request& request)
{
    room* driven = driven_room(session, request.room, request.secret);
    if (driven == nullptr) return;
    if (request.position.step >= driven->event_total()) {
        session.send_room_error(protocol::error_code::invalid_value,
                                "the field \"step\" is " + std::to_string(request.position.step) + "; room " + request.room +
                                    " has " + std::to_string(driven->event_total()) + " events",
                                request.room);
        return;
    }
    driven->move_to(request.position);
}

void room_registry::handle(websocket_session& session, const protocol::room_poll_request& request)
{
    if (room* driven = driven_room(session, request.room, request.secret)) driven->poll(request);
}

void room_registry::handle(websocket_session& session, const protocol::room_answer_request& request)
{
    if (!session.rooms.viewing || session.rooms.viewing->code() != request.room) {
        session.send_room_error(protocol::error_code::unknown_room,
                                "this connection does not follow a room \"" + request.room + "\"; join it first", request.room);
        return;
    }
    std::string refusal = session.rooms.viewing->answer(session, request.order);
    if (!refusal.empty()) session.send_room_error(protocol::error_code::bad_poll_answer, refusal, request.room);
}

void room_registry::handle(websocket_session& session, const protocol::room_close_request& request)
{
    room* driven = driven_room(session, request.room, request.secret);
    if (driven == nullptr) return;
    driven->end("closed");
    remove(request.room);
}

void room_registry::handle(const std::shared_ptr<websocket_session>& session, const protocol::room_reclaim_request& request)
{
    auto found = rooms_.find(request.room);
    if (found == rooms_.end()) {
        session->send_room_error(protocol::error_code::unknown_room,
                                 "there is no room \"" + request.room + "\" (it ends room_linger after its presenter's connection left)",
                                 request.room);
        return;
    }
    auto wanted = found->second;
    if (!wanted->secret_matches(request.secret)) {
        spdlog::debug("conn {}: refused reclaiming room {}: wrong secret", session->id(), request.room);
        session->send_room_error(protocol::error_code::not_presenter,
                                 "only the presenter of room " + request.room + " may reclaim it", request.room);
        return;
    }
    if (wanted->state() == room::phase::recording) {
        session->send_room_error(protocol::error_code::unknown_room,
                                 "room " + request.room + " is not open yet: wait for room_created", request.room);
        return;
    }
    if (session->rooms.presenting && session->rooms.presenting != wanted) {
        session->send_room_error(protocol::error_code::too_many_rooms,
                                 "this connection presents room " + session->rooms.presenting->code() +
                                     " already; close it first (room_close)",
                                 session->rooms.presenting->code());
        return;
    }
    // The room's own viewers do not include its presenter
    if (session->rooms.viewing == wanted) wanted->leave(*session);
    wanted->reclaim(session);
}

void room_registry::connection_gone(websocket_session& session)
{
    if (session.rooms.viewing) session.rooms.viewing->leave(session);
    auto presented = session.rooms.presenting;
    if (!presented) return;
    if (presented->state() != room::phase::open || shutting_down_) {
        presented->end("presenter_left");
        remove(presented->code());
        return;
    }
    // The viewers keep following, and the presenter may come back (a reload, a dropped network) with
    // the secret; the room ends only if it does not within room_linger
    presented->presenter_away(config_.room_linger, [this, code = presented->code()] {
        auto found = rooms_.find(code);
        if (found == rooms_.end()) return;
        spdlog::info("room {}: its presenter did not come back within room_linger; ended", code);
        found->second->end("presenter_left");
        remove(code);
    });
}

void room_registry::remove(const std::string& code)
{
    auto found = rooms_.find(code);
    if (found == rooms_.end()) return;
    found->second->stop_lingering();
    rooms_.erase(found);
    --stats_.rooms_current;
}

void room_registry::shutdown()
{
    shutting_down_ = true;
    std::vector<std::string> away;
    for (const auto& [code, one] : rooms_)
        if (one->state() == room::phase::away) away.push_back(code);
    for (const std::string& code : away) {
        rooms_.at(code)->end("presenter_left");
        remove(code);
    }
}

} // namespace loopscope::net
