#include "live_run.hpp"

#include "loopscope/protocol/event_json.hpp"
#include "loopscope/engine/memory.hpp"
#include "loopscope/protocol/messages.hpp"
#include "websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace loopscope::net {

live_run::live_run(std::shared_ptr<websocket_session> session, std::string id, std::size_t max_batch_bytes,
                   std::size_t trim_after_bytes, bool waits_for_client)
    : session_(std::move(session)), id_(std::move(id)), max_batch_bytes_(max_batch_bytes), trim_after_bytes_(trim_after_bytes),
      waits_for_client_(waits_for_client)
{
}

void live_run::start(std::string_view source, const engine::run_config& config, const engine::drive_options& options)
{
    // Parsing happens here; a syntax error's events (and run_finished) arrive during the constructor
    run_ = std::make_shared<engine::run>(source, config, *this);
    driver_ = engine::run_driver::start(session_->executor(), run_, options,
                                        [self = shared_from_this()] { self->finished(); });
}

void live_run::cancel(const std::string& reason)
{
    // The engine is not re-entered from inside its own slice, and during the first slice there is no
    // driver yet: the slice is ended after the instruction in progress, and the cancel applied just
    // after it, once the driver exists. (The driver's next slice is posted behind this.)
    if (cancelling_) return;
    cancelling_ = true;
    if (run_) run_->end_slice();
    boost::asio::post(session_->executor(), [self = shared_from_this(), reason] {
        if (self->driver_) self->driver_->cancel(reason);
    });
}

void live_run::resume()
{
    if (driver_) driver_->resume();
}

void live_run::on_event(const engine::event& e)
{
    if (batch_.empty()) {
        protocol::begin_events(batch_, id_);
        // Everything the run emits before the io_context gets back to us joins this batch
        if (!flush_posted_) {
            flush_posted_ = true;
            boost::asio::post(session_->executor(), [self = shared_from_this()] {
                self->flush_posted_ = false;
                self->flush();
            });
        }
    } else {
        batch_.push_back(',');
    }
    protocol::append_event_json(batch_, e);
    ++batch_events_;

    if (e.kind == engine::event_kind::run_finished) {
        status_ = e.status.value_or("ok");
        elapsed_ = e.t;
        random_seed_ = e.random_seed;
        if (status_ == "cancelled" && e.error) reason_ = e.error->message;
        else if (e.error) error_ = *e.error;
    }
    if (batch_.size() >= max_batch_bytes_) {
        flush();
        // One slice may print far more than a client's queue should hold: a run that waits for its
        // client stops as soon as the client is behind, not at the end of the slice
        if (waits_for_client_ && run_ && !session_->client_keeps_up()) run_->end_slice();
    }
}

void live_run::flush()
{
    if (batch_events_ == 0) return;
    protocol::end_events(batch_);
    session_->send_events(std::move(batch_), batch_events_, waits_for_client_);
    batch_.clear();
    batch_events_ = 0;
}

namespace {

// Errors that mean the program was refused before it ran.
bool is_syntax_error(std::string_view type)
{
    return type == "SyntaxError" || type == "IndentationError" || type == "TabError" || type == "UnsupportedError";
}

} // namespace

void live_run::finished()
{
    // The driver is done with us: let it go (it holds this object through its finish callback)
    driver_.reset();
    flush();
    protocol::run_error error;
    if (error_) {
        error.type = error_->type;
        error.message = error_->message;
        error.line = error_->line;
        error.column = error_->column;
    }
    if (error_ && is_syntax_error(error_->type)) {
        std::string where = "line " + std::to_string(error.line);
        if (error.column > 0) where += ", column " + std::to_string(error.column);
        session_->send_error(protocol::error_code::syntax_error, where + ": " + error_->type + ": " + error_->message, id_,
                             error.line, error.column);
    }
    session_->finish_run(id_, protocol::encode(protocol::run_finished{
                                  .run = id_,
                                  .status = status_,
                                  .elapsed = elapsed_,
                                  .exit_status = run_->exit_status(),
                                  .error = error_ ? &error : nullptr,
                                  .reason = reason_,
                                  .random_seed = random_seed_,
                              }), status_);
    if (run_->peak_memory_bytes() >= trim_after_bytes_) {
        // Once this run's values are gone (this object goes when the driver lets go of it), give
        // their pages back: glibc keeps freed memory for reuse, and one large run would leave the
        // process that large.
        spdlog::debug("run {} held {} bytes at its peak; returning freed memory", id_, run_->peak_memory_bytes());
        boost::asio::post(session_->executor(), [] { engine::return_free_memory(); });
    }
}

} // namespace loopscope::net
