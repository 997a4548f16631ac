#pragma once

#include "loopscope/engine/driver.hpp"
#include "loopscope/engine/event.hpp"
#include "loopscope/engine/run.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::net {

class websocket_session;

// One program running for one websocket client: the engine's run and its driver, and the event sink
// that batches the run's events into `events` messages on the session's send queue. Events produced
// together (one slice of the driver) leave in one message.
class live_run : public engine::event_sink, public std::enable_shared_from_this<live_run> {
public:
    // A run that held `trim_after_bytes` or more hands the freed memory back to the system when it ends.
    // `waits_for_client`: the run pauses whenever its client is behind (the virtual clock), mid-slice
    // if need be, instead of being held to the send queue's hard limit.
    live_run(std::shared_ptr<websocket_session> session, std::string id, std::size_t max_batch_bytes,
             std::size_t trim_after_bytes, bool waits_for_client);

    // Parses `source` and starts driving it; a syntax error finishes the run at once.
    void start(std::string_view source, const engine::run_config& config, const engine::drive_options& options);

    // Ends the run; its run_finished (status "cancelled") follows. May be called from inside one of
    // the run's own slices (its events overfilled the client's queue), even its first, which runs
    // before start() returns: the cancel then takes effect as soon as that slice is over.
    void cancel(const std::string& reason);

    // Lets a run that waits for its client go on (after the send queue has drained).
    void resume();

    const std::string& id() const { return id_; }

    void on_event(const engine::event& e) override;

private:
    void flush();
    void finished();

    std::shared_ptr<websocket_session> session_;
    std::string id_;
    std::size_t max_batch_bytes_;
    std::size_t trim_after_bytes_;
    bool waits_for_client_;
    bool cancelling_ = false;
    std::string batch_; // the events message being built
    std::size_t batch_events_ = 0;
    bool flush_posted_ = false;
    std::shared_ptr<engine::run> run_;
    std::shared_ptr<engine::run_driver> driver_;

    // From the run's last event
    std::string status_ = "ok";
    std::optional<engine::error_info> error_;
    std::string reason_;
    double elapsed_ = 0;
    std::optional<std::uint64_t> random_seed_;
};

} // namespace loopscope::net
