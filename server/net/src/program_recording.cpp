#include "program_recording.hpp"

#include "loopscope/protocol/event_json.hpp"
#include "loopscope/protocol/messages.hpp"

#include <boost/asio/post.hpp>

namespace loopscope::net {

program_recording::program_recording(std::string_view room, std::size_t program, std::size_t max_bytes)
    : max_bytes_(max_bytes)
{
    protocol::begin_room_events(events_, room, program);
}

void program_recording::start(boost::asio::any_io_executor executor, std::string_view source,
                              const engine::run_config& config, std::uint64_t steps_per_slice,
                              std::function<void()> on_finished)
{
    executor_ = executor;
    // Parsing happens here; a syntax error's events are recorded like any others
    run_ = std::make_shared<engine::run>(source, config, *this);
    engine::drive_options options;
    options.clock = engine::clock_kind::virtual_;
    options.steps_per_slice = steps_per_slice;
    driver_ = engine::run_driver::start(executor, run_, options,
                                        [self = shared_from_this(), on_finished = std::move(on_finished)] {
                                            self->driver_.reset();
                                            protocol::end_events(self->events_);
                                            self->message_ = std::make_shared<const std::string>(std::move(self->events_));
                                            self->events_.clear();
                                            self->run_.reset();
                                            on_finished();
                                        });
}

void program_recording::cancel()
{
    // As live_run does: the engine is not re-entered from its own slice; the cancel follows it
    if (run_) run_->end_slice();
    boost::asio::post(executor_, [self = shared_from_this()] {
        if (self->driver_) self->driver_->cancel("the room was given up");
    });
}

void program_recording::on_event(const engine::event& e)
{
    if (overflowed_) return;
    if (count_ > 0) events_.push_back(',');
    protocol::append_event_json(events_, e);
    ++count_;
    if (events_.size() > max_bytes_) {
        overflowed_ = true;
        cancel();
    }
}

} // namespace loopscope::net
