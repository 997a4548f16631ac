#pragma once

#include "loopscope/engine/config.hpp"
#include "loopscope/engine/driver.hpp"
#include "loopscope/engine/run.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope::net {

// One program of a room, run once on the virtual clock and kept as one room_events message: what
// every viewer who joins is sent (the same buffer for all of them). The server keeps no events of a
// client's own runs once they are sent, and a client could not send them back within one message, so
// the room records its own: the engine is deterministic, and program time is the same on either clock.
class program_recording : public engine::event_sink, public std::enable_shared_from_this<program_recording> {
public:
    // `max_bytes`: past it the recording stops and overflowed() says so.
    program_recording(std::string_view room, std::size_t program, std::size_t max_bytes);

    // Runs `source` to its end (or to the bound) on `executor`; `on_finished` runs on it afterwards.
    void start(boost::asio::any_io_executor executor, std::string_view source, const engine::run_config& config,
               std::uint64_t steps_per_slice, std::function<void()> on_finished);
    // Stops the run (its presenter went away); `on_finished` still follows.
    void cancel();

    bool overflowed() const { return overflowed_; }
    std::size_t event_count() const { return count_; }
    // The finished room_events message (after on_finished).
    std::shared_ptr<const std::string> message() const { return message_; }

    void on_event(const engine::event& e) override;

private:
    boost::asio::any_io_executor executor_;
    std::size_t max_bytes_;
    std::string events_; // the room_events message being built in place
    std::size_t count_ = 0;
    bool overflowed_ = false;
    std::shared_ptr<engine::run> run_;
    std::shared_ptr<engine::run_driver> driver_;
    std::shared_ptr<const std::string> message_;
};

} // namespace loopscope::net
