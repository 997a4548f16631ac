#include "room.hpp"

#include "loopscope/protocol/messages.hpp"
#include "fan_out_queue.hpp"
#include "metrics.hpp"
#include "websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace loopscope::net {

namespace {

protocol::position_info info_of(const protocol::room_position& position)
{
    return {.step = position.step, .playing = position.playing, .speed = position.speed, .mode = protocol::name_of(position.mode)};
}

} // namespace

room::room(std::string code, std::string secret, std::shared_ptr<websocket_session> presenter,
           std::vector<program> programs, protocol::room_position position, asio::any_io_executor executor,
           metrics& stats, fan_out_queue& fan_outs)
    : code_(std::move(code)), secret_(std::move(secret)), presenter_(std::move(presenter)), programs_(std::move(programs)),
      position_(position), fan_outs_(fan_outs), stats_(stats), linger_timer_(executor)
{
}

bool room::secret_matches(std::string_view secret) const
{
    if (secret.size() != secret_.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < secret.size(); ++i)
        difference |= static_cast<unsigned char>(secret[i] ^ secret_[i]);
    return difference == 0;
}

std::uint64_t room::event_total() const
{
    std::uint64_t total = 0;
    for (const program& one : programs_) total += one.recording->event_count();
    return total;
}

void room::open()
{
    phase_ = phase::open;
    position_message_ = std::make_shared<const std::string>(protocol::encode_room_position(code_, info_of(position_)));
    position_frame_ = text_frame(*position_message_);
    std::vector<std::size_t> counts;
    for (const program& one : programs_) counts.push_back(one.recording->event_count());
    presenter_->send(protocol::encode(protocol::room_created{code_, secret_, counts}));
    status_changed();
}

void room::send_snapshot(websocket_session& to, bool reclaimed)
{
    std::vector<protocol::program_info> programs;
    std::vector<std::size_t> counts;
    for (const program& one : programs_) {
        programs.push_back({one.scenario, one.source});
        counts.push_back(one.recording->event_count());
    }
    const protocol::poll_info poll{poll_state(), poll_lines_};
    const protocol::room_joined snapshot{code_, programs, counts, info_of(position_), poll_ == poll_phase::none ? nullptr : &poll};
    to.send(reclaimed ? protocol::encode_room_reclaimed(snapshot) : protocol::encode(snapshot));
    // The events were serialized once, when the room was recorded: every viewer gets the same buffers
    for (const program& one : programs_) to.send_shared(one.recording->message());
}

void room::tell_viewers(std::shared_ptr<const std::string> message)
{
    for (const auto& viewer : viewers_) viewer->send_shared(message);
}

void room::join(const std::shared_ptr<websocket_session>& viewer)
{
    send_snapshot(*viewer, false);
    // A viewer who joins while the presenter is away is told so, as those who were following were
    if (phase_ == phase::away) viewer->send(protocol::encode_room_presenter(code_, "away"));

    viewer->rooms.viewing = shared_from_this();
    viewer->rooms.viewer_index = viewers_.size();
    viewer->rooms.position_version = position_version_; // room_joined carried it
    viewers_.push_back(viewer);
    ++stats_.room_viewers_current;
    status_changed();
}

void room::leave(websocket_session& viewer)
{
    if (viewer.rooms.viewing.get() != this) return;
    const std::size_t index = viewer.rooms.viewer_index;
    // Keep this object alive until we are done with it: the viewer may hold its last reference
    auto self = shared_from_this();
    viewer.rooms.viewing.reset();
    if (index < viewers_.size() && viewers_[index].get() == &viewer) {
        if (index + 1 != viewers_.size()) {
            viewers_[index] = std::move(viewers_.back());
            viewers_[index]->rooms.viewer_index = index;
        }
        viewers_.pop_back();
        --stats_.room_viewers_current;
        // The viewer moved into this place may not have been handed the newest position yet
        if (fan_out_queued_) fan_out_again_ = true;
    }
    status_changed();
}

void room::move_to(const protocol::room_position& position)
{
    position_ = position;
    // Serialized once; each viewer's writer is handed the same buffer, and a viewer that is still
    // writing an older position only ever keeps the newest (websocket_session::send_latest)
    position_message_ = std::make_shared<const std::string>(protocol::encode_room_position(code_, info_of(position_)));
    position_frame_ = text_frame(*position_message_);
    ++position_version_;
    if (fan_out_queued_) {
        // A pass under way goes on with this position; the viewers it has passed need another
        if (fan_out_next_ > 0) fan_out_again_ = true;
        return;
    }
    fan_out_queued_ = true;
    fan_out_next_ = 0;
    fan_out_again_ = false;
    fan_outs_.want(shared_from_this(), linger_timer_.get_executor());
}

bool room::fan_out(std::size_t& budget)
{
    // A pass goes on while the presenter is away: every viewer ends on the presenter's last step
    if (phase_ != phase::open && phase_ != phase::away) {
        fan_out_queued_ = false;
        return true;
    }
    while (budget > 0) {
        if (fan_out_next_ >= viewers_.size()) {
            if (!fan_out_again_) break;
            fan_out_again_ = false;
            fan_out_next_ = 0;
            continue;
        }
        websocket_session& viewer = *viewers_[fan_out_next_++];
        --budget;
        if (viewer.rooms.position_version == position_version_) continue;
        viewer.rooms.position_version = position_version_;
        viewer.send_latest(position_message_, position_frame_);
    }
    const bool done = fan_out_next_ >= viewers_.size() && !fan_out_again_;
    if (done) fan_out_queued_ = false;
    return done;
}

void room::poll(const protocol::room_poll_request& request)
{
    switch (request.action) {
    case protocol::poll_action::open:
        poll_ = poll_phase::open;
        poll_lines_ = request.lines;
        places_.assign(poll_lines_ * poll_lines_, 0);
        all_right_ = 0;
        answers_.clear();
        break;
    case protocol::poll_action::close: poll_ = poll_phase::closed; break;
    case protocol::poll_action::reveal: poll_ = poll_phase::revealed; break;
    }
    spdlog::info("room {}: poll {} ({} lines, {} answers)", code_, poll_state(), poll_lines_, answers_.size());
    tell_viewers(std::make_shared<const std::string>(protocol::encode_room_poll(code_, {poll_state(), poll_lines_})));
    status_changed();
}

std::string room::answer(websocket_session& viewer, const std::vector<std::size_t>& order)
{
    if (poll_ != poll_phase::open) return "no poll is open in room " + code_;
    if (order.size() != poll_lines_)
        return "the poll orders " + std::to_string(poll_lines_) + " lines; the answer lists " + std::to_string(order.size());
    std::vector<bool> seen(poll_lines_, false);
    for (std::size_t line : order) {
        if (line >= poll_lines_ || seen[line])
            return "the answer must list each of the lines 0 to " + std::to_string(poll_lines_ - 1) + " once";
        seen[line] = true;
    }

    // A viewer may change its mind: its earlier answer stops counting
    auto count = [&](const std::vector<std::size_t>& one, int sign) {
        bool right = true;
        for (std::size_t place = 0; place < one.size(); ++place) {
            places_[one[place] * poll_lines_ + place] += static_cast<std::size_t>(sign);
            right = right && one[place] == place;
        }
        if (right) all_right_ += static_cast<std::size_t>(sign);
    };
    auto earlier = std::find_if(answers_.begin(), answers_.end(), [&](const answer_of& a) { return a.viewer == viewer.id(); });
    if (earlier != answers_.end()) {
        count(earlier->order, -1);
        earlier->order = order;
    } else {
        answers_.push_back({viewer.id(), order});
    }
    count(order, +1);
    status_changed();
    return {};
}

void room::presenter_away(std::chrono::milliseconds linger, std::function<void()> expired)
{
    phase_ = phase::away;
    spdlog::info("room {}: presenter's connection left; {} viewer(s) wait {} ms for it (room_linger)", code_,
                 viewers_.size(), linger.count());
    if (presenter_) presenter_->rooms.presenting.reset();
    presenter_.reset();
    tell_viewers(std::make_shared<const std::string>(protocol::encode_room_presenter(code_, "away")));
    linger_timer_.expires_after(linger);
    linger_timer_.async_wait([self = shared_from_this(), expired = std::move(expired)](const beast::error_code& ec) {
        // A reclaim cancels the wait; a wait that completed as the reclaim came finds the room open
        if (!ec && self->phase_ == phase::away) expired();
    });
}

void room::reclaim(const std::shared_ptr<websocket_session>& presenter)
{
    if (presenter_ && presenter_ != presenter) {
        // The presenter's other connection (a page left open elsewhere) stops driving
        presenter_->send(protocol::encode_room_ended(code_, "reclaimed"));
        presenter_->rooms.presenting.reset();
    }
    const bool was_away = phase_ == phase::away;
    linger_timer_.cancel();
    phase_ = phase::open;
    presenter_ = presenter;
    presenter->rooms.presenting = shared_from_this();
    spdlog::info("room {}: reclaimed by conn {}; {} viewer(s)", code_, presenter->id(), viewers_.size());
    send_snapshot(*presenter, true);
    if (was_away) tell_viewers(std::make_shared<const std::string>(protocol::encode_room_presenter(code_, "back")));
    status_changed();
}

void room::end(std::string_view reason)
{
    phase_ = phase::ended;
    spdlog::info("room {}: ended ({}); {} viewer(s) told", code_, reason, viewers_.size());
    auto message = std::make_shared<const std::string>(protocol::encode_room_ended(code_, reason));
    auto self = shared_from_this();
    for (const auto& viewer : viewers_) {
        viewer->send_shared(message);
        viewer->rooms.viewing.reset();
    }
    stats_.room_viewers_current -= viewers_.size();
    viewers_.clear();
    if (presenter_) presenter_->rooms.presenting.reset();
    presenter_.reset();
    for (program& one : programs_)
        if (one.recording && !one.recording->message()) one.recording->cancel();
}

void room::stop_lingering()
{
    linger_timer_.cancel();
}

std::string_view room::poll_state() const
{
    switch (poll_) {
    case poll_phase::open: return "open";
    case poll_phase::closed: return "closed";
    case poll_phase::revealed: return "revealed";
    case poll_phase::none: break;
    }
    return "none";
}

void room::status_changed()
{
    // A burst (a class joining at once, answers pouring in) makes one room_status, not one each
    if (status_posted_ || !presenter_ || phase_ != phase::open) return;
    status_posted_ = true;
    asio::post(linger_timer_.get_executor(), [self = shared_from_this()] {
        self->status_posted_ = false;
        self->send_status();
    });
}

void room::send_status()
{
    if (!presenter_ || phase_ != phase::open) return;
    const protocol::poll_tally tally{.state = poll_state(), .lines = poll_lines_, .answers = answers_.size(),
                                     .all_right = all_right_, .places = places_};
    presenter_->send_latest(std::make_shared<const std::string>(
        protocol::encode(protocol::room_status{code_, viewers_.size(), poll_ == poll_phase::none ? nullptr : &tally})));
}

} // namespace loopscope::net
