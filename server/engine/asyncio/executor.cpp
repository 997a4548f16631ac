// The default executor's worker threads, modelled: loop.run_in_executor(None, func, *args) and
// asyncio.to_thread (the library's threads.py) run func in a worker of a ThreadPoolExecutor that asyncio
// makes on first use (thread_name_prefix='asyncio', min(32, os.cpu_count() + 4) workers). A worker is
// a context of its own, run by the run's one scheduler, never by an OS thread:
//   - submit (concurrent/futures/thread.py): the item goes on the queue; an idle worker (a permit of
//     _idle_semaphore) takes it when the loop thread next waits; else, below the limit, a new thread
//     starts and runs it at once until it blocks (Thread.start() waits for the new thread, which
//     holds the GIL until its first blocking call); else it waits for a worker to finish.
//   - time.sleep in a worker blocks that worker only, until program time reaches now + delay; of
//     workers and timers due at once, the workers run first (the loop waits for them before it looks
//     at its clock again), earliest first, then in the order they fell asleep.
//   - the result (or the exception, with `self.fn(*self.args, **self.kwargs)`'s frame outside the
//     function's) reaches the loop through call_soon_threadsafe(_set_state, ...), unless the asyncio
//     future was cancelled meanwhile; an item whose future was cancelled before it started is skipped.
//   - shutdown_default_executor (asyncio.run's end) waits until every worker has finished its items.
#include "runtime.hpp"

#include <algorithm>
#include <limits>
#include <thread>

namespace loopscope::engine {

std::string callback_label(const value& fn, const std::vector<value>& args);  // loop_callbacks.cpp

namespace {

constexpr const char* thread_py = "/usr/lib/python3.11/concurrent/futures/thread.py";
constexpr const char* base_events_py = "/usr/lib/python3.11/asyncio/base_events.py";

traceback_entry work_item_frame()
{
    return library_frame("run", 58, thread_py, "result = self.fn(*self.args, **self.kwargs)", "self.fn(*self.args, **self.kwargs)");
}

} // namespace

std::size_t executor_worker_limit(const run_config& config)
{
    if (config.executor_workers) return std::min<std::size_t>(32, config.executor_workers);
    const unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
    return std::min<std::size_t>(32, cpus + 4);
}

bool runtime::executor_busy() const
{
    if (!work_queue_.empty()) return true;
    return std::any_of(workers_.begin(), workers_.end(), [](const auto& w) { return w->state != worker_thread::state_kind::idle; });
}

value runtime::run_in_executor(const ref<loop_object>& loop, std::vector<value>& args,
                               std::vector<std::pair<std::string, value>> keywords)
{
    if (args.size() < 2) {
        raise_error("TypeError", args.empty() ? "BaseEventLoop.run_in_executor() missing 2 required positional arguments: 'executor' and 'func'"
                                              : "BaseEventLoop.run_in_executor() missing 1 required positional argument: 'func'");
    }
    if (worker_running_) raise_unsupported("loop.run_in_executor() called from a worker thread");
    if (loop->closed)
        raise_from_library("RuntimeError", "Event loop is closed",
                           {library_frame("_check_closed", 519, base_events_py, "raise RuntimeError('Event loop is closed')"),
                            library_frame("run_in_executor", 816, base_events_py, "self._check_closed()")});
    if (!args[0].is(value_kind::none))
        raise_unsupported("loop.run_in_executor() with an executor of the program's (the default one, None, is modelled)");
    if (loop->executor_shutdown_called)
        raise_from_library("RuntimeError", "Executor shutdown has been called",
                           {library_frame("_check_default_executor", 523, base_events_py, "raise RuntimeError('Executor shutdown has been called')"),
                            library_frame("run_in_executor", 822, base_events_py, "self._check_default_executor()")});
    if (executor_loop_.lock() != loop) {
        if (!executor_loop_.expired() && executor_busy())
            raise_unsupported("a second event loop's default executor while the first one's threads still run");
        workers_.clear();
        work_queue_.clear();
        idle_permits_ = 0;
        executor_loop_ = loop;
    }
    work_item item;
    item.function = std::move(args[1]);
    item.arguments.assign(std::make_move_iterator(args.begin() + 2), std::make_move_iterator(args.end()));
    item.keywords = std::move(keywords);
    charge_work(item.arguments.size() + item.keywords.size());
    // A partial (to_thread's) is named by its function and its arguments
    if (item.function.is(value_kind::partial) && item.arguments.empty() && item.keywords.empty()) {
        const auto& p = item.function.as<partial_object>();
        item.label = callback_label(p.function, p.args);
    } else {
        item.label = callback_label(item.function, item.arguments);
    }
    item.future = new_future(loop);
    add_done_callback(item.future, callback{callback_kind::check_cancel, nullptr, nullptr});
    value result = value::of(value_kind::future, item.future);
    work_queue_.push_back(std::move(item));
    // ThreadPoolExecutor._adjust_thread_count
    if (idle_permits_ > 0) {
        --idle_permits_;
        return result;
    }
    if (workers_.size() < executor_worker_limit(config_)) {
        auto w = std::make_unique<worker_thread>();
        w->name = "asyncio_" + std::to_string(workers_.size());
        event e = make_event(event_kind::thread_started);
        e.thread = w->name;
        emit(e);
        workers_.push_back(std::move(w));
        // It runs before the submitting code goes on: at the scheduler's next turn, which the current
        // call reaches at once (call_blocks)
        worker_pending_.push_back(workers_.back().get());
        worker_preempts_ = true;
    }
    return result;
}

void runtime::enter_worker(worker_thread& w)
{
    worker_saved_ = {running_, std::move(current_task_), std::move(running_loop_), in_callback_};
    current_task_.reset();
    running_loop_.reset();  // no event loop runs in this thread: get_running_loop() raises
    in_callback_ = false;
    running_ = &w.context;
    worker_running_ = &w;
}

void runtime::leave_worker()
{
    running_ = worker_saved_.running;
    current_task_ = std::move(worker_saved_.task);
    running_loop_ = std::move(worker_saved_.loop);
    in_callback_ = worker_saved_.in_callback;
    worker_saved_ = {};
    worker_running_ = nullptr;
}

bool runtime::start_worker_item(worker_thread& w)
{
    while (!work_queue_.empty()) {
        work_item item = std::move(work_queue_.front());
        work_queue_.pop_front();
        // _WorkItem.run: set_running_or_notify_cancel() is false for a future cancelled meanwhile (the
        // asyncio future's cancel reached it through _call_check_cancel); the worker's loop then
        // releases _idle_semaphore as after any item
        if (item.future->state == future_state::cancelled) {
            ++idle_permits_;
            continue;
        }
        w.state = worker_thread::state_kind::running;
        {
            event e = make_event(event_kind::thread_run_begin);
            e.callback = item.label;
            emit(e);
        }
        const value function = item.function;
        std::vector<value> arguments = item.arguments;
        w.item = std::move(item);
        bool pushed = false;
        value result;
        try {
            result = call_value(w.context, function, std::move(arguments), w.item->keywords, pushed);
        } catch (python_error& e) {
            w.context.frames.clear();
            worker_item_done(w, true, std::move(e.exc));
            return true;
        }
        if (pushed) return true;
        if (worker_blocked_) {
            // time.sleep itself is the function: it returns None when the worker wakes
            worker_blocked_ = false;
            leave_worker();
            return true;
        }
        worker_item_done(w, false, std::move(result));
        return true;
    }
    w.state = worker_thread::state_kind::idle;
    return false;
}

void runtime::run_worker_slice()
{
    worker_thread& w = *worker_running_;
    if (w.context.frames.empty()) {
        worker_item_done(w, false, value::none());
        return;
    }
    const outcome r = execute(w.context);
    switch (r) {
    case outcome::budget: return;
    case outcome::blocked:
        if (worker_blocked_) {
            worker_blocked_ = false;
            leave_worker();
            return;
        }
        raise_unsupported("a worker thread that waits for an event loop");
    case outcome::returned: worker_item_done(w, false, std::move(last_result_)); return;
    case outcome::raised: worker_item_done(w, true, std::move(last_exception_)); return;
    default: raise_unsupported("a worker thread's function that yields");
    }
}

void runtime::worker_item_done(worker_thread& w, bool raised, value result)
{
    last_result_ = value{};
    last_exception_ = value{};
    w.context.frames.clear();
    work_item item = std::move(*w.item);
    w.item.reset();
    // futures._copy_future_state's set_exception refuses a StopIteration with a TypeError that the
    // loop logs, and the future stays pending: not modelled
    if (raised && is_instance_of(result, "StopIteration")) raise_unsupported("StopIteration raised in a worker thread");
    if (raised && result.is(value_kind::exception)) result.as<exception_object>().traceback.push_back(work_item_frame());
    {
        event e = make_event(event_kind::thread_run_end);
        e.callback = item.label;
        error_info error_text;
        std::string result_text;
        if (raised) {
            e.status = "error";
            error_text = error_info{type_name(result), event_text([&] { return str(result); }, [] { return std::string("…"); }), 0};
            e.error = &error_text;
        } else {
            e.status = "ok";
            result_text = event_repr(result);
            e.result = result_text;
        }
        emit(e);
    }
    // concurrent.futures.Future.set_result/set_exception runs _chain_future's _call_set_state, which
    // posts _set_state to the loop unless the loop is closed
    auto loop = item.future->loop.lock();
    if (loop && !loop->closed) {
        auto h = call_soon(*loop, callback_kind::thread_result, nullptr, item.future, nullptr, std::move(result));
        h->raised = raised;
    }
    // _worker: the item is done, a permit of _idle_semaphore is released, the next item taken at once
    ++idle_permits_;
    if (!start_worker_item(w)) {
        leave_worker();
        // shutdown_default_executor's thread: executor.shutdown(wait=True) returns once no worker has
        // anything left, then call_soon_threadsafe(future.set_result, None)
        if (executor_idle_future_ && !executor_busy()) {
            auto fut = std::move(executor_idle_future_);
            if (auto l = fut->loop.lock(); l && !l->closed) call_soon(*l, callback_kind::thread_result, nullptr, fut, nullptr, value::none());
        }
    }
}

bool runtime::worker_sleep(double secs)
{
    if (!worker_running_) return false;
    worker_thread& w = *worker_running_;
    event e = make_event(event_kind::blocking_sleep);
    e.delay = secs;
    emit(e);
    w.state = worker_thread::state_kind::sleeping;
    w.wake_at = now_ + secs;
    w.slept_order = ++worker_sleep_order_;
    worker_blocked_ = true;
    return true;
}

bool runtime::start_waiting_worker(std::optional<double> deadline, double& wake)
{
    wake = std::numeric_limits<double>::infinity();
    if (worker_running_) return true;
    if (!worker_pending_.empty()) {
        worker_thread& w = *worker_pending_.front();
        worker_pending_.pop_front();
        enter_worker(w);
        if (!start_worker_item(w)) leave_worker();
        return true;
    }
    // A queued item an idle worker waits for: it runs as soon as the loop thread waits
    if (!work_queue_.empty()) {
        for (auto& w : workers_) {
            if (w->state != worker_thread::state_kind::idle) continue;
            enter_worker(*w);
            if (!start_worker_item(*w)) leave_worker();
            return true;
        }
    }
    worker_thread* next = nullptr;
    for (auto& w : workers_) {
        if (w->state != worker_thread::state_kind::sleeping) continue;
        if (!next || w->wake_at < next->wake_at || (w->wake_at == next->wake_at && w->slept_order < next->slept_order)) next = w.get();
    }
    if (!next || (deadline && next->wake_at > *deadline)) return false;
    if (next->wake_at > now_) {
        if (next->wake_at > config_.max_program_seconds)
            throw limit_exceeded{"program time would pass " + float_repr(config_.max_program_seconds) + " seconds"};
        wake = next->wake_at;
        return false;
    }
    next->state = worker_thread::state_kind::running;
    enter_worker(*next);
    return true;
}

value runtime::shutdown_default_executor(const ref<loop_object>& loop)
{
    loop->executor_shutdown_called = true;
    if (executor_loop_.lock() != loop) return no_op_coroutine("shutdown_default_executor");
    auto fut = new_future(loop);
    if (executor_busy()) {
        executor_idle_future_ = fut;
    } else {
        call_soon(*loop, callback_kind::thread_result, nullptr, fut, nullptr, value::none());
    }
    auto coro = make_ref<coroutine_object>();
    coro->native = coroutine_object::native_kind::await_future;
    coro->name = "shutdown_default_executor";
    coro->awaited = value::of(value_kind::future, fut);
    coro->owner = this;
    coro->owner_alive = alive_;
    return value::of(value_kind::coroutine, coro);
}

} // namespace loopscope::engine
