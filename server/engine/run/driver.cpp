#include <loopscope/engine/driver.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <stdexcept>

namespace loopscope::engine {

namespace asio = boost::asio;

struct run_driver::state {
    asio::any_io_executor executor;
    asio::steady_timer timer;
    asio::steady_timer flow;  // waited on while options.may_continue says no
    drive_options options;
    std::function<void()> on_finished;
    bool cancelled = false;

    state(asio::any_io_executor ex, drive_options opts, std::function<void()> done)
        : executor(ex), timer(ex), flow(ex), options(std::move(opts)), on_finished(std::move(done))
    {
    }
};

run_driver::run_driver(asio::any_io_executor executor, std::shared_ptr<run> program, drive_options options,
                       std::function<void()> on_finished)
    : run_(std::move(program)), state_(std::make_unique<state>(executor, options, std::move(on_finished)))
{
}

run_driver::~run_driver() = default;

std::shared_ptr<run_driver> run_driver::start(asio::any_io_executor executor, std::shared_ptr<run> program,
                                              drive_options options, std::function<void()> on_finished)
{
    if (options.clock == clock_kind::scaled && !(options.speed >= min_speed && options.speed <= max_speed))
        throw std::invalid_argument("speed must be between 0.01 and 10000");
    if (options.steps_per_slice == 0) options.steps_per_slice = 1;
    std::shared_ptr<run_driver> d(new run_driver(executor, std::move(program), options, std::move(on_finished)));
    d->spawn();
    return d;
}

void run_driver::cancel(const std::string& reason)
{
    if (state_->cancelled) return;
    state_->cancelled = true;
    run_->cancel(reason);
    state_->timer.cancel();
    state_->flow.cancel();
}

void run_driver::resume()
{
    state_->flow.cancel();
}

void run_driver::spawn()
{
    auto self = shared_from_this();
    auto body = [self]() -> asio::awaitable<void> {
        auto& st = *self->state_;
        auto& program = *self->run_;
        while (!program.finished()) {
            // Wait while whoever takes the events cannot take more
            while (st.options.may_continue && !st.cancelled && !st.options.may_continue()) {
                st.flow.expires_at(asio::steady_timer::time_point::max());
                co_await st.flow.async_wait(asio::as_tuple(asio::use_awaitable));
            }
            if (program.finished()) break;
            auto r = program.advance(st.options.steps_per_slice);
            if (r.state == advance_result::status::finished) break;
            if (r.state == advance_result::status::more_work) {
                // Give the other connections and runs a turn before the next slice.
                co_await asio::post(st.executor, asio::use_awaitable);
                continue;
            }
            if (st.options.clock == clock_kind::scaled) {
                double real_seconds = (r.until - program.now()) / st.options.speed;
                if (real_seconds > 0) {
                    st.timer.expires_after(std::chrono::duration_cast<asio::steady_timer::duration>(
                        std::chrono::duration<double>(real_seconds)));
                    co_await st.timer.async_wait(asio::as_tuple(asio::use_awaitable));
                    if (st.cancelled) break;
                }
            } else {
                co_await asio::post(st.executor, asio::use_awaitable);
            }
            program.set_time(r.until);
        }
        // Let go of what the run built a slice at a time, the other connections getting turns between.
        while (!program.release_some(st.options.steps_per_slice)) co_await asio::post(st.executor, asio::use_awaitable);
    };
    asio::co_spawn(state_->executor, std::move(body), [self](std::exception_ptr e) {
        if (e) {
            // The engine reports program errors as events; anything else is a bug worth surfacing.
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                self->run_->cancel(std::string("internal error: ") + ex.what());
            }
        }
        if (self->state_->on_finished) self->state_->on_finished();
    });
}

} // namespace loopscope::engine
