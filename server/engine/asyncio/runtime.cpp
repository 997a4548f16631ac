#include "runtime.hpp"
#include "this_engine_names.hpp"

#include <limits>
#include <utility>
#include "library.hpp"
#include "integers.hpp"
#include "itertools_module.hpp"
#include "sets.hpp"
#include "deques.hpp"

#include "code_cache.hpp"
#include "compiler.hpp"
#include "name_check.hpp"
#include "parser.hpp"

#include <algorithm>
#include <unordered_map>
#include <cstdio>

namespace loopscope::engine {

namespace {

// What dataclasses' and functools' functions made once for the run (Field, MISSING, CacheInfo, the Field
// objects of each dataclass), let go through the teardown queue; false when nothing was left
bool release_module_state(release_queue& teardown, std::initializer_list<value*> made_once, std::vector<std::pair<value, value>>& fields_made)
{
    bool any = !fields_made.empty();
    for (value* v : made_once) {
        if (!v->obj) continue;
        any = true;
        teardown.push(std::move(*v));
        *v = value{};
    }
    for (auto& [cls, made] : fields_made) {
        teardown.push(std::move(made));
        teardown.push(std::move(cls));
    }
    fields_made.clear();
    return any;
}
// Where CPython's warnings point when no Python frame of the program is running: the loop's
// Handle._run line (a coroutine dropped at the end of a task step) or interpreter shutdown.
constexpr const char* events_py = "/usr/lib/python3.11/asyncio/events.py";
constexpr std::int32_t events_py_line = 80;
} // namespace

runtime::runtime(std::string_view source, const run_config& config, event_sink& sink)
    : memory_(config.max_memory_bytes), config_(config), sink_(sink), alive_(std::make_shared<bool>(true))
{
    meter_.specials = this;
    random_seed_ = config.random_seed ? *config.random_seed : fresh_random_seed();
    run_scope scope(memory_.account, &meter_);
    try {
        start(source);
    } catch (const limit_exceeded& e) {
        finish_with_limit(e.message);
    } catch (const unsupported_feature& e) {
        finish_with_limit(e.message, "UnsupportedError");
    }
    finish_now();
}

runtime::~runtime()
{
    // Objects dying with the run must not report into a sink that may be gone.
    *alive_ = false;
    break_cycles(false);
}

// The reference cycles asyncio objects form (task <-> callbacks) and the containers a program may have
// made into cycles, broken before the members go. Sliced (the teardown after the run), it stops when
// the slice is spent and the next call goes on from there: a run that ended with 500,000 futures
// holding themselves took 80 ms to break them in one go. Whatever it lets go waits in teardown_.
bool runtime::break_cycles(bool sliced)
{
    std::size_t batch = 0;
    const auto pause = [&] { return sliced && ++batch % 64 == 0 && !meter_.teardown_continues(); };
    for (; cycle_cursor_ < all_tasks_.size(); ++cycle_cursor_) {
        if (pause()) return false;
        if (auto t = all_tasks_[cycle_cursor_].lock()) {
            t->callbacks.clear();
            t->fut_waiter.reset();
            t->context.frames.clear();
            t->result = value::none();  // a task whose result holds it (return current_task())
            t->exception = value::none();
            t->cancelled_exc = value::none();
        }
    }
    for (std::size_t k; (k = cycle_cursor_ - all_tasks_.size()) < gathers_.size(); ++cycle_cursor_) {
        if (pause()) return false;
        if (auto g = gathers_[k].lock()) {
            g->callbacks.clear();
            g->children.clear();
            g->result = value::none();
            g->exception = value::none();
        }
    }
    for (std::size_t k; (k = cycle_cursor_ - all_tasks_.size() - gathers_.size()) < nested_containers_.size(); ++cycle_cursor_) {
        if (pause()) return false;
        auto c = nested_containers_[k].lock();
        if (!c) continue;
        if (auto* sequence = dynamic_cast<sequence_object*>(c.get())) {
            sequence->items.clear();
            if (auto* nt = dynamic_cast<named_tuple_object*>(sequence)) nt->attributes.reset();  // a subclass's __dict__
        }
        else if (auto* d = dynamic_cast<dict_object*>(c.get())) {
            d->is_instance_dict = false;
            d->clear();
            d->default_factory.reset();
        }
        else if (auto* so = dynamic_cast<set_object*>(c.get())) so->clear();
        else if (auto* dq = dynamic_cast<deque_object*>(c.get())) dq->items.clear();
        else if (auto* iter = dynamic_cast<itertools_object*>(c.get())) iter->drop_references();
        else if (auto* cell = dynamic_cast<cell_object*>(c.get())) cell->content = value::none();
        else if (auto* inst = dynamic_cast<instance_object*>(c.get())) inst->attributes.clear();
        else if (auto* exc = dynamic_cast<exception_object*>(c.get())) {
            exc->attributes.clear();
            exc->rare.reset();
        }
        else if (auto* cls = dynamic_cast<class_object*>(c.get())) {
            cls->attributes.clear();
            cls->enumeration.reset();  // its members are its instances
            cls->named_tuple.reset();  // its defaults
            cls->doc = value::none();
        }
        else if (auto* fn = dynamic_cast<function_object*>(c.get())) fn->ns.reset();
        else if (auto* g = dynamic_cast<generator_object*>(c.get())) {
            g->context.frames.clear();
            g->return_value = value::none();
        }
        else if (auto* ag = dynamic_cast<async_generator_object*>(c.get())) {
            ag->suspended.reset();
            ag->cm_thrown = value::none();
        }
        else if (auto* cm = dynamic_cast<context_manager_object*>(c.get())) {
            cm->gen = cm->func = cm->args = cm->kwds = cm->held = value::none();
        }
        else if (auto* fut = dynamic_cast<future_object*>(c.get())) {
            fut->callbacks.clear();
            fut->result = value::none();
            fut->exception = value::none();
        }
        else if (auto* h = dynamic_cast<handle*>(c.get())) {
            h->function = value::none();
            h->arguments.clear();
        }
        else if (auto* lru = dynamic_cast<lru_cache_object*>(c.get())) {
            lru->attributes.clear();
            lru->cache = value::none();
            lru->function = value::none();
        }
    }
    for (auto* loop : {current_loop_.get(), running_loop_.get()}) {
        if (!loop) continue;
        // In the order clear() would let them go (what a handle alone held may warn as it goes)
        while (!loop->ready.empty()) {
            if (pause()) return false;
            loop->ready.pop_front();
        }
        for (; timer_cursor_ < loop->timers.size(); ++timer_cursor_) {
            if (pause()) return false;
            loop->timers[timer_cursor_].reset();
        }
        loop->timers.clear();
        timer_cursor_ = 0;
    }
    return true;
}

bool runtime::release_some(std::uint64_t budget)
{
    if (!finished_) return true;
    run_scope scope(memory_.account, &meter_);
    meter_.start_slice(budget);
    if (!roots_released_) {
        // Whatever the objects below held alone waits in the queue instead of going now.
        release_queue::opening open(teardown_);
        if (!break_cycles(true)) return false;
        main_.frames.clear();
        for (auto& g : globals_) teardown_.push(std::move(g.second));
        globals_.clear();
        global_index_.clear();
        builtin_values_.clear();
        globals_epoch_ = next_globals_epoch();
        for (auto* v : {&runner_result_, &runner_exception_, &last_result_, &last_exception_}) teardown_.push(std::move(*v));
        release_module_state(teardown_, {&dataclass_field_class_, &dataclass_missing_, &lru_cache_info_class_}, dataclass_fields_made_);
        runner_cancelled_.clear();
        runner_main_task_.reset();
        runner_future_.reset();
        current_task_.reset();
        current_loop_.reset();
        running_loop_.reset();
        roots_released_ = true;
    }
    return teardown_.release_some([this] { return meter_.teardown_continues(); });
}

void runtime::start(std::string_view source)
{
    {
        event e = make_event(event_kind::run_started);
        emit(e);
    }
    if (source.size() > config_.max_source_bytes) {
        finish_with_limit("the program is " + std::to_string(source.size()) + " bytes; the limit is " +
                          std::to_string(config_.max_source_bytes) + " bytes");
        return;
    }
    for (std::size_t i = 0, line = 1, column = 1; i < source.size();) {
        std::size_t n = utf8_sequence_length(source, i);
        if (n == 0) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: invalid start byte",
                          static_cast<unsigned char>(source[i]), i);
            finish_with_syntax_error(syntax_error{"SyntaxError", buf, static_cast<std::int32_t>(line), static_cast<std::int32_t>(column)});
            return;
        }
        if (source[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += n;
    }
    std::size_t begin = 0;
    while (begin <= source.size()) {
        auto end = source.find('\n', begin);
        if (end == std::string_view::npos) end = source.size();
        source_lines_.emplace_back(source.substr(begin, end - begin));
        begin = end + 1;
    }
    try {
        module_code_ = cached_code(source, config_.max_nesting_depth);
        if (!module_code_) {
            const bool keep = source.size() <= config_.code_cache_source_bytes && config_.code_cache_entries > 0;
            // A kept program belongs to no run: compiled outside this run's account.
            std::optional<memory_scope> process_wide;
            if (keep) process_wide.emplace(nullptr);
            const auto& names = engine_names_of_this_engine();
            auto module = parse_module(source, config_.max_nesting_depth, names);
            module_code_ = compile_module(module, names);
            check_names_up_front(*module_code_, source_lines_, names);
            if (keep) cache_code(source, config_.max_nesting_depth, module_code_, config_.code_cache_entries);
        }
    } catch (const syntax_error& e) {
        finish_with_syntax_error(e);
        return;
    }
    auto f = std::make_unique<frame>();
    f->code = module_code_;
    f->locals.resize(module_code_->local_names.size());
    f->line = 1;
    main_.frames.push_back(std::move(f));
    running_ = &main_;
}

// ---- events and output ----

std::optional<std::string_view> runtime::current_task_name() const
{
    if (current_task_) return current_task_->name;
    return std::nullopt;
}

// The event's strings are views of what the run holds (task and coroutine names) or of locals of the
// code that emits it: no copy per event.
event runtime::make_event(event_kind kind)
{
    event e;
    e.t = now_;
    e.kind = kind;
    // Every way a run ends reports its seed, so that any run can be replayed
    if (kind == event_kind::run_finished) e.random_seed = random_seed_;
    e.task = current_task_name();
    if (worker_running_) e.thread = worker_running_->name;
    // The program's innermost frame: asyncio's library code (a Lock's acquire) is not the program's
    // line, as CPython's own frames are not
    if (const frame* f = program_frame(running_)) {
        if (f->code->is_async) e.coro = f->code->name;
        e.line = f->line;
    }
    return e;
}

const frame* runtime::program_frame(const exec_context* ctx)
{
    if (!ctx) return nullptr;
    for (auto it = ctx->frames.rbegin(); it != ctx->frames.rend(); ++it)
        if (!(*it)->code->library && !(*it)->code->dataclass_generated) return it->get();
    return nullptr;
}

void runtime::emit(event& e)
{
    // What asyncio's library awaits inside (a Lock's future) is its own business: the program's await
    // of the library's coroutine (`async with lock`) is the one the events show
    if (running_ && !running_->frames.empty() && running_->frames.back()->code->library && (e.kind == event_kind::await_begin || e.kind == event_kind::await_end)) return;
    // Nor are the awaits of a coroutine the program drives by hand (coro.send()): the task does not
    // wait there, its send() call returns
    if (driving_coroutines_ > 0 && (e.kind == event_kind::await_begin || e.kind == event_kind::await_end)) return;
    e.seq = seq_++;
    sink_.on_event(e);
}

void runtime::emit_stderr(const std::string& text)
{
    event e = make_event(event_kind::stderr_text);
    e.text = text;
    emit(e);
}

value runtime::std_stream(bool is_stderr)
{
    value& stream = std_streams_[is_stderr ? 1 : 0];
    if (!stream.obj) {
        auto s = make_ref<text_stream_object>();
        s->is_stderr = is_stderr;
        stream = value::of(value_kind::text_stream, s);
    }
    return stream;
}

void runtime::write_text(const std::string& text, bool to_stderr, std::int32_t line)
{
    if (!to_stderr) return print_text(text, line);
    if (text.empty()) return;
    output_lines_ += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (output_lines_ > config_.max_output_lines)
        throw limit_exceeded{"the program printed more than " + std::to_string(config_.max_output_lines) + " lines"};
    emit_stderr(text);
}

void runtime::print_text(const std::string& text, std::int32_t line)
{
    output_lines_ += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (output_lines_ > config_.max_output_lines)
        throw limit_exceeded{"the program printed more than " + std::to_string(config_.max_output_lines) + " lines"};
    event e = make_event(event_kind::print);
    e.line = line;
    e.text = text;
    emit(e);
}

std::string runtime::source_line(std::int32_t line) const
{
    if (line < 1 || static_cast<std::size_t>(line) > source_lines_.size()) return "";
    std::string s = source_lines_[static_cast<std::size_t>(line - 1)];
    auto first = s.find_first_not_of(" \t\f");
    if (first == std::string::npos) return "";
    s = s.substr(first);
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
}

void runtime::warn(const std::string& category, const std::string& message, std::int32_t user_line)
{
    // The location is the Python frame running when CPython's refcount drops to zero.
    std::string file;
    std::int32_t line = 0;
    std::string shown;
    if (const frame* f = program_frame(running_)) {
        file = config_.file_name;
        line = f->line;
        shown = source_line(line);
    } else if (in_callback_) {
        file = events_py;
        line = events_py_line;
        shown = "self._context.run(self._callback, *self._args)";
    } else {
        file = "sys";
        line = 1;
    }
    // The "default" warnings action: once per (text, category, location).
    std::string key = file + ":" + std::to_string(line) + ":" + category + ":" + message;
    if (!warned_.insert(key).second) return;
    std::string text = file + ":" + std::to_string(line) + ": " + category + ": " + message + "\n";
    if (!shown.empty()) text += "  " + shown + "\n";
    if (file != "sys") text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    event e = make_event(event_kind::warning);
    e.category = category;
    e.message = message;
    e.line = file == config_.file_name ? line : user_line;
    emit(e);
    emit_stderr(text);
}

void runtime::on_coroutine_dropped(const coroutine_object& coro)
{
    if (finished_ || quiet_teardown_) return;
    warn("RuntimeWarning", "coroutine '" + coro.name + "' was never awaited", coro.created_line);
}

task_object::~task_object()
{
    if (!(log_traceback && exception.is(value_kind::exception) && owner && owner_alive && *owner_alive)) return;
    // A destructor must not throw; a report that cannot be formatted (a bound hit) is dropped.
    try {
        owner->on_task_dropped(*this);
    } catch (...) {
    }
}

future_object::~future_object()
{
    // Only a gather's or the program's own (a task says it in its own destructor; here is_task() no longer tells)
    if (!(is_gather || made_by_program) || !(log_traceback && exception.is(value_kind::exception) && owner && owner_alive && *owner_alive)) return;
    try {
        owner->on_future_dropped(*this);
    } catch (...) {
    }
}

// Future.__del__ of a gather's future: its exception nobody retrieved is logged when it goes away.
void runtime::on_future_dropped(const future_object& fut)
{
    if (finished_ || quiet_teardown_) return;
    log_asyncio_error(std::string(fut.is_gather ? "_GatheringFuture" : "Future") + " exception was never retrieved\nfuture: " + fut.repr_text(), fut.exception, true);
}

// Task.__del__: an exception nobody retrieved is logged when the task goes away.
void runtime::on_task_dropped(const task_object& task)
{
    if (finished_ || quiet_teardown_) return;
    log_asyncio_error("Task exception was never retrieved\nfuture: " + task.repr_text(), task.exception, true);
}

generator_object::~generator_object()
{
    if (stopped_in_cleanup_block && !finished && owner && owner_alive && *owner_alive) owner->park_dropped_generator(*this);
}

// async_gen_init_hooks, at the first __anext__/asend/athrow/aclose awaited: with a loop running, its
// finalizer hook is kept and its firstiter hook adds it to the loop's _asyncgens (those gone are
// dropped whenever the list would grow)
void runtime::agen_init_hooks(async_generator_object& agen)
{
    if (agen.hooks_inited) return;
    agen.hooks_inited = true;
    if (!running_loop_) return;
    agen.finalizer_loop = running_loop_;
    auto& gens = running_loop_->asyncgens;
    if (gens.size() == gens.capacity()) std::erase_if(gens, [](const weak_ref<object>& w) { return w.expired(); });
    gens.emplace_back(ref<object>(&agen));
}

// An asynchronous generator let go unfinished after its first iteration: _PyGen_Finalize calls the
// loop's _asyncgen_finalizer_hook, which schedules a task of its aclose(). Its frame moves to a new
// object, which that aclose() closes.
void runtime::park_dropped_async_generator(async_generator_object& dying)
{
    auto loop = dying.finalizer_loop.lock();
    if (!dying.suspended) {
        // No frame to close: it was entered and never came back (a RecursionError on entering it),
        // which CPython's generator ends with
        if (dying.stopped_in_cleanup_block) agen_leaves_cleanup_block(dying);
        return;
    }
    if (finished_ || quiet_teardown_ || !loop) {
        if (dying.stopped_in_cleanup_block) on_generator_dropped(true);
        return;
    }
    auto parked = make_ref<async_generator_object>();
    parked->suspended = std::move(dying.suspended);
    parked->qualname = std::move(dying.qualname);
    parked->started = dying.started;
    parked->stopped_in_cleanup_block = dying.stopped_in_cleanup_block;  // still counted
    parked->owner = this;
    parked->owner_alive = dying.owner_alive;
    parked->identity = dying.identity;
    parked->hooks_inited = true;
    parked->finalizer_loop = dying.finalizer_loop;
    dying.stopped_in_cleanup_block = false;
    dropped_async_generators_.push_back(std::move(parked));
    generator_dropped_in_cleanup_block_ = true;
}

// _asyncgen_finalizer_hook: self._asyncgens.discard(agen); if not self.is_closed():
// self.call_soon_threadsafe(self.create_task, agen.aclose()). A closed loop's is let go as it is.
void runtime::finalize_dropped_async_generator(ref<async_generator_object> agen)
{
    auto loop_object_ref = agen->finalizer_loop.lock();
    if (loop_object_ref) {
        auto& loop = static_cast<loop_object&>(*loop_object_ref);
        if (!loop.closed) {
            auto closing = make_ref<coroutine_object>();
            closing->native = coroutine_object::native_kind::aclose;
            closing->agen = agen;
            call_soon(loop, callback_kind::create_task, nullptr, nullptr, nullptr, value::of(value_kind::coroutine, closing));
            return;
        }
    }
    if (agen->stopped_in_cleanup_block) agen_leaves_cleanup_block(*agen);
    agen->finished = true;
    agen->suspended.reset();
}

// A generator let go at a yield inside try/finally or with: CPython closes it there and then
// (_PyGen_Finalize), running that cleanup. A destructor cannot run Python code, so its frames move to
// a generator object of its own that the interpreter closes before its next instruction, before
// anything the program could observe (close_dropped_generators).
void runtime::park_dropped_generator(generator_object& dying)
{
    if (finished_ || quiet_teardown_) {
        --generators_in_cleanup_blocks_;
        return;
    }
    auto parked = make_ref<generator_object>();
    parked->context = std::move(dying.context);
    parked->qualname = std::move(dying.qualname);
    parked->started = true;
    parked->stopped_in_cleanup_block = true;  // still counted in generators_in_cleanup_blocks_
    parked->owner = this;
    parked->owner_alive = dying.owner_alive;
    parked->identity = dying.identity;
    dying.stopped_in_cleanup_block = false;
    dropped_generators_.push_back(std::move(parked));
    generator_dropped_in_cleanup_block_ = true;
}

// A generator let go at a yield inside try/finally or with: CPython closes it there, running that
// cleanup (a @contextmanager's `finally`), which the engine does not model: the run ends at its next
// instruction, before anything CPython would do after the cleanup.
void runtime::on_generator_dropped(bool is_async)
{
    --generators_in_cleanup_blocks_;
    if (is_async) --async_generators_in_cleanup_blocks_;
    if (finished_ || quiet_teardown_) return;
    generator_dropped_in_cleanup_block_ = true;
    dropped_generator_was_async_ = is_async;
}

// A coroutine driven by hand (send) let go while stopped inside a try or with block: CPython closes it
// there (GeneratorExit at its await), running what that block does, which the engine does not model
void runtime::on_driven_coroutine_dropped()
{
    --coroutines_in_cleanup_blocks_;
    if (finished_ || quiet_teardown_) return;
    generator_dropped_in_cleanup_block_ = true;
    dropped_was_coroutine_ = true;
}

void runtime::refuse_dropped_generator()
{
    generator_dropped_in_cleanup_block_ = false;
    if (dropped_was_coroutine_)
        raise_unsupported("a coroutine driven by send() let go while stopped at an 'await' inside 'try' or 'with' (CPython closes it and runs "
                          "that block's cleanup)");
    if (!dropped_generator_was_async_ && dropped_generators_.size() + dropped_async_generators_.size() > 1)
        raise_unsupported("generators let go together while stopped at a 'yield' inside 'try'/'finally' or 'with' (CPython closes them in the "
                          "order their holder frees them)");
    raise_unsupported(std::string(dropped_generator_was_async_ ? "an asynchronous generator" : "a generator") +
                      " let go while stopped at a 'yield' inside 'try'/'finally' or 'with' (CPython closes it and runs that cleanup)");
}

// The program's end: CPython closes what generators are still stopped inside try/finally or with as
// it exits, running their cleanup after everything else; the engine refuses that.
void runtime::check_generators_at_exit()
{
    if (generator_dropped_in_cleanup_block_) refuse_dropped_generator();
    if (generators_in_cleanup_blocks_ > 0)
        raise_unsupported("a generator still stopped at a 'yield' inside 'try'/'finally' or 'with' when the program ends (CPython closes it and runs that cleanup)");
    if (coroutines_in_cleanup_blocks_ > 0)
        raise_unsupported("a coroutine driven by send() still stopped at an 'await' inside 'try' or 'with' when the program ends (CPython closes "
                          "it and runs that block's cleanup)");
}

coroutine_object::~coroutine_object()
{
    if (driven_in_cleanup_block && owner && owner_alive && *owner_alive) {
        owner->on_driven_coroutine_dropped();
        return;
    }
    if (!(state == state_kind::created && owner && owner_alive && *owner_alive)) return;
    try {
        owner->on_coroutine_dropped(*this);
    } catch (...) {
    }
}

void runtime::finish(const std::string& status, const value& exc)
{
    if (finished_ || finishing_) return;
    event e = make_event(event_kind::run_finished);
    e.task.reset();
    e.coro.reset();
    e.line = 0;
    e.status = status;
    error_info error;
    if (exc.is(value_kind::exception)) {
        const auto& x = exc.as<exception_object>();
        error = error_info_of(x);
        e.error = &error;
    }
    exit_status_ = status == "ok" ? 0 : 1;
    // Globals go after the traceback, as at CPython's shutdown (with "sys:1" warnings).
    begin_finishing(e);
}

// An exception the program did not catch: CPython prints its traceback and exits 1 — or for a
// SystemExit (Python/pythonrun.c, _Py_HandleSystemExit) exits with its code and no traceback: None
// 0, an int that number (-1 when it does not fit a C long; the process keeps its low byte), anything
// else printed to stderr and 1. What generators are left are closed as it exits.
void runtime::finish_uncaught(value exc, bool close_generators)
{
    if (!is_instance_of(exc, "SystemExit")) {
        emit_stderr(format_traceback(exc));
        if (close_generators) check_generators_at_exit();
        finish("error", exc);
        keyboard_interrupt_ = is_instance_of(exc, "KeyboardInterrupt");
        if (keyboard_interrupt_) exit_status_ = 128 + 2;  // what a shell reports of a death by SIGINT
        return;
    }
    const auto& args = exc.as<exception_object>().args;
    const value code = args.empty() ? value::none() : args.size() == 1 ? args[0] : value::tuple(args);
    std::int64_t status = 0;
    if (is_int(code)) {
        const auto fits = small_int(code);
        status = fits ? *fits : -1;
    } else if (!code.is(value_kind::none)) {
        // Its str(), or nothing when that raises (the error is cleared)
        std::string text;
        try {
            text = str(code);
        } catch (const python_error&) {
        }
        emit_stderr(text + "\n");
        status = 1;
    }
    if (close_generators) check_generators_at_exit();
    finish(status == 0 ? "ok" : "error", status == 0 ? value{} : exc);
    exit_status_ = static_cast<int>(static_cast<std::uint64_t>(status) & 0xff);
}

void runtime::begin_finishing(const event& finished_event)
{
    finish_event_.emplace(finished_event);
    finishing_ = true;
    running_ = nullptr;
    current_task_.reset();
    in_callback_ = false;
    next_global_ = 0;
    release_queue::opening open(teardown_);
    main_.frames.clear();
    // CPython's shutdown clears sys.last_value before the modules' globals: what the uncaught
    // exception alone kept (a coroutine passed to the call that raised it) goes first, and asyncio's
    // runner with its main task went when asyncio.run returned.
    for (auto* v : {&runner_exception_, &last_exception_}) teardown_.push(std::move(*v));
    runner_main_task_.reset();
    runner_future_.reset();
}

bool runtime::finish_some()
{
    // One global at a time, each with all it alone held, in the order CPython clears them.
    while (true) {
        if (!teardown_.release_some([this] { return meter_.teardown_continues(); })) return false;
        if (next_global_ == globals_.size()) {
            // Then what the modules' functions made once for the run (Field, MISSING, CacheInfo ...)
            if (!release_module_state(teardown_, {&dataclass_field_class_, &dataclass_missing_, &lru_cache_info_class_}, dataclass_fields_made_)) break;
            continue;
        }
        teardown_.push(std::move(globals_[next_global_++].second));
    }
    globals_.clear();
    global_index_.clear();
    builtin_values_.clear();
    globals_epoch_ = next_globals_epoch();
    send_held_finish();
    return true;
}

void runtime::send_held_finish()
{
    finishing_ = false;
    finished_ = true;
    const event_record held = std::move(*finish_event_);
    finish_event_.reset();
    event e = held.view();
    emit(e);
}

// A run that ends before its first slice (a bound hit while compiling) finishes at once.
void runtime::finish_now()
{
    while (finishing_) {
        meter_.start_slice(config_.max_operation_steps);
        finish_some();
    }
}

namespace {

// The caret line under a SyntaxError's source line, as Python/pythonrun.c 3.11 draws one of a
// program file: offsets in bytes of the line (a file's are not made characters); from the error's
// offset to its end_offset (one caret when there is none, or it is not past the offset), to the
// line's end when the error spans lines; none when the offset falls in the line's indentation (an
// unexpected indent).
std::string syntax_error_carets(std::string_view raw, const syntax_error& e, bool has_newline)
{
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const std::int64_t offset = e.column;
    // The text as CPython holds it: with its newline
    const auto line_size = static_cast<std::int64_t>(raw.size() + (has_newline ? 1 : 0));
    std::int64_t end_offset = e.end_column;
    if (e.end_line > e.line) end_offset = line_size;
    if (end_offset > line_size + 1) end_offset = line_size + 1;
    const bool indentation = e.type == "IndentationError" || e.type == "TabError";
    const std::int64_t repetitions = !indentation && end_offset - offset > 0 ? end_offset - offset : 1;
    std::int64_t at = offset - 1;
    std::size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t' || raw[lead] == '\f')) ++lead, --at;
    at = std::min<std::int64_t>(at, static_cast<std::int64_t>(raw.size() - lead));
    if (at < 0) return "";
    return "    " + std::string(static_cast<std::size_t>(at), ' ') + std::string(static_cast<std::size_t>(repetitions), '^') + "\n";
}

} // namespace

void runtime::finish_with_syntax_error(const syntax_error& e)
{
    std::string text = "  File \"" + config_.file_name + "\", line " + std::to_string(e.line) + "\n";
    if (e.line >= 1 && static_cast<std::size_t>(e.line) <= source_lines_.size()) {
        std::string raw = source_lines_[static_cast<std::size_t>(e.line - 1)];
        auto first = raw.find_first_not_of(" \t\f");
        if (first != std::string::npos) {
            std::string shown = source_line(e.line);
            text += "    " + shown + "\n" + syntax_error_carets(raw, e, static_cast<std::size_t>(e.line) < source_lines_.size());
        }
    }
    text += e.type + ": " + e.message + "\n";
    emit_stderr(text);
    event f = make_event(event_kind::run_finished);
    f.status = "error";
    const error_info error{e.type, e.message, e.line, e.column};
    f.error = &error;
    finished_ = true;
    exit_status_ = 1;
    running_ = nullptr;
    emit(f);
}

void runtime::finish_with_limit(const std::string& message, const char* type)
{
    if (finished_ || finishing_) return;
    emit_stderr("loopscope: run stopped: " + std::string(type) + ": " + message + "\n");
    event f = make_event(event_kind::run_finished);
    f.status = "error";
    const error_info error{type, message, f.line};
    f.error = &error;
    exit_status_ = 1;
    // The program did not end as CPython's would: no shutdown warnings after loopscope's message.
    quiet_teardown_ = true;
    begin_finishing(f);
}

void runtime::cancel(const std::string& reason)
{
    if (finished_) return;
    if (advancing_) {
        // Called back from inside advance() (an event made the client go away): the instruction or
        // callback under way must end first, so the slice ends at once and advance() cancels.
        pending_cancel_ = reason;
        meter_.end_slice();
        return;
    }
    run_scope scope(memory_.account, &meter_);
    quiet_teardown_ = true;
    if (finishing_) {
        // The program had ended; only its teardown is cut short, without the warnings still to come.
        send_held_finish();
        return;
    }
    event f = make_event(event_kind::run_finished);
    f.status = "cancelled";
    const error_info error{"Cancelled", reason, 0};
    f.error = &error;
    finished_ = true;
    exit_status_ = 1;
    running_ = nullptr;
    current_task_.reset();
    emit(f);
}

void runtime::set_time(double t)
{
    if (t > now_) now_ = t;
}

// ---- the scheduler ----

advance_result runtime::advance(std::uint64_t budget)
{
    advance_result result;
    {
        run_scope scope(memory_.account, &meter_);
        advancing_ = true;
        const char stack_here = 0;
        native_stack_top_ = reinterpret_cast<std::uintptr_t>(&stack_here);
        try {
            result = advance_slice(budget);
        } catch (...) {
            advancing_ = false;
            throw;
        }
        advancing_ = false;
    }
    if (pending_cancel_ && !finished_) {
        cancel(*pending_cancel_);
        return {advance_result::status::finished, now_};
    }
    return result;
}

advance_result runtime::advance_slice(std::uint64_t budget)
{
    advance_result result;
    meter_.start_slice(budget);
    set_repr_limit(config_.max_sequence_length);
    try {
        while (true) {
            // asyncio's records of tasks and futures let go during the last instruction, one at a time
            if (!pending_asyncio_records_.empty() && !finishing_ && !finished_) {
                if (meter_.slice_spent()) return {advance_result::status::more_work, now_};
                write_next_asyncio_record();
                continue;
            }
            if (finishing_) {
                if (!finish_some()) return {advance_result::status::more_work, now_};
                continue;
            }
            if (finished_) return {advance_result::status::finished, now_};
            // A worker thread runs until it blocks or its items end: one that has just started (before
            // the code that submitted to it goes on), or one started at a point where the loop waits
            if (!worker_pending_.empty() && !worker_running_) {
                worker_preempts_ = false;
                double unused = 0.0;
                start_waiting_worker(std::nullopt, unused);
                continue;
            }
            if (worker_running_) {
                if (meter_.slice_spent()) return {advance_result::status::more_work, now_};
                run_worker_slice();
                continue;
            }
            if (blocked_until_ >= 0.0) {
                // time.sleep in the loop's thread: the workers go on meanwhile
                double wake = 0.0;
                if (start_waiting_worker(blocked_until_, wake)) continue;
                if (wake < blocked_until_) return {advance_result::status::waiting, wake};
                if (now_ < blocked_until_) return {advance_result::status::waiting, blocked_until_};
                blocked_until_ = -1.0;
            }
            if (meter_.slice_spent()) return {advance_result::status::more_work, now_};
            if (running_ == &main_) {
                const outcome r = deferred_main_outcome_ ? *std::exchange(deferred_main_outcome_, std::nullopt) : execute(main_);
                // What the program's last instruction let go logs before the program ends
                if ((r == outcome::returned || r == outcome::raised) && !pending_asyncio_records_.empty()) {
                    deferred_main_outcome_ = r;
                    continue;
                }
                switch (r) {
                case outcome::budget: break;
                case outcome::returned:
                    // Interpreter exit joins the executor's threads first (threading._shutdown)
                    if (executor_busy()) {
                        exit_waits_for_workers_ = true;
                        running_ = nullptr;
                        break;
                    }
                    check_generators_at_exit();
                    finish("ok", {});
                    break;
                case outcome::raised:
                    if (executor_busy()) raise_unsupported("an uncaught exception while a worker thread still runs (CPython prints it, then waits for the thread)");
                    finish_uncaught(last_exception_);
                    break;
                case outcome::blocked:
                    if (!worker_pending_.empty()) break;  // a worker thread started: it runs first
                    if (blocked_until_ < 0.0) running_ = nullptr;  // waiting on an event loop
                    break;
                default: break;
                }
                continue;
            }
            if (running_) {
                auto r = execute(*running_);
                if (r == outcome::budget) continue;
                if (r == outcome::blocked) continue;  // time.sleep inside a task: the whole loop waits
                if (running_ == &callback_context_) end_user_callback(r);
                else end_task_step(r);
                continue;
            }
            if (running_loop_) {
                if (!step_loop(result)) return result;
                continue;
            }
            if (exit_waits_for_workers_) {
                double wake = 0.0;
                if (start_waiting_worker(std::nullopt, wake)) continue;
                if (wake < std::numeric_limits<double>::infinity()) return {advance_result::status::waiting, wake};
                exit_waits_for_workers_ = false;
                check_generators_at_exit();
                finish("ok", {});
                continue;
            }
            running_ = &main_;
        }
    } catch (const limit_exceeded& e) {
        finish_with_limit(e.message);
    } catch (const unsupported_feature& e) {
        finish_with_limit(e.message, "UnsupportedError");
    } catch (const python_error& e) {
        // A Python exception outside any frame (loop machinery): the run ends as with an uncaught one.
        // Printing it runs the program's code (__str__): what that raises ends the run here.
        try {
            finish_uncaught(e.exc, false);
        } catch (const limit_exceeded& l) {
            finish_with_limit(l.message);
        } catch (const unsupported_feature& u) {
            finish_with_limit(u.message, "UnsupportedError");
        } catch (const python_error&) {
            finish_with_limit("an exception raised while printing an uncaught exception is not supported by loopscope", "UnsupportedError");
        }
    }
    if (finishing_ && !finish_some()) return {advance_result::status::more_work, now_};
    return {advance_result::status::finished, now_};
}

bool runtime::step_loop(advance_result& wait)
{
    loop_object& loop = *running_loop_;
    if (loop.ntodo == 0) {
        if (loop.iteration_started && loop.stopping) {
            loop_stopped();
            return true;
        }
        // The start of _run_once: wait for the earliest timer if nothing is ready.
        loop.drop_cancelled_timers();
        if (loop.ready.empty() && !loop.stopping) {
            const handle* next = loop.next_timer();
            // The loop's thread waits: a worker with an item to start runs now, a sleeping one due
            // before the loop's deadline wakes first
            double wake = 0.0;
            if (start_waiting_worker(next ? std::optional<double>(next->when) : std::nullopt, wake)) return true;
            if (wake < std::numeric_limits<double>::infinity() && (!next || wake < next->when)) {
                event e = make_event(event_kind::loop_wait);
                if (next) e.when = next->when;
                e.loop = loop.id;
                emit(e);
                wait = {advance_result::status::waiting, wake};
                return false;
            }
            if (!next) {
                // CPython would block in select() forever; a run must end.
                throw python_error{make_error("RuntimeError", "deadlock: the event loop has nothing ready and no timer to wait for")};
            }
            if (next->when > now_) {
                if (next->when > config_.max_program_seconds)
                    throw limit_exceeded{"program time would pass " + float_repr(config_.max_program_seconds) + " seconds"};
                event e = make_event(event_kind::loop_wait);
                e.when = next->when;
                e.loop = loop.id;
                emit(e);
                wait = {advance_result::status::waiting, next->when};
                return false;
            }
        }
        // _run_once's end_time: a timer due within the clock's resolution of now (time.monotonic's,
        // 1e-09 s on Linux) is due now (0.1 + 0.2 fires with 0.3)
        constexpr double clock_resolution = 1e-09;
        while (const handle* next = loop.next_timer()) {
            if (next->when >= now_ + clock_resolution) break;
            auto h = loop.pop_timer();
            if (h->cancelled) continue;
            event e = make_event(event_kind::timer_fired);
            e.handle = h->id;
            e.callback = describe(*h);
            e.when = h->when;
            emit(e);
            loop.push_ready(std::move(h));
        }
        loop.ntodo = loop.ready.size();
        loop.iteration_started = true;
        return true;
    }
    auto h = std::move(loop.ready.front());
    loop.ready.pop_front();
    --loop.ntodo;
    h->queued = false;
    meter_.step();
    if (h->cancelled) return true;
    run_handle(h);
    return true;
}

std::string_view runtime::describe(const handle& h)
{
    // A task's label is written into one buffer the run keeps: no allocation once it has grown
    auto task_label = [this](std::string_view method, const std::string& task) -> std::string_view {
        callback_text_.assign(method);
        callback_text_ += '(';
        callback_text_ += task;
        callback_text_ += ')';
        return callback_text_;
    };
    switch (h.kind) {
    case callback_kind::task_step: return task_label("Task.__step", h.task->name);
    case callback_kind::task_wakeup: return task_label("Task.__wakeup", h.task->name);
    case callback_kind::gather_child: return "gather._done_callback";
    case callback_kind::stop_loop: return "_run_until_complete_cb";
    case callback_kind::sleep_timer: return "sleep._set_result_unless_cancelled";
    case callback_kind::user: return h.label;
    case callback_kind::thread_result: return "_chain_future.<locals>._set_state";
    case callback_kind::check_cancel: return "_chain_future.<locals>._call_check_cancel";
    case callback_kind::create_task: return "BaseEventLoop.create_task";
    }
    return "";
}

void runtime::run_handle(const ref<handle>& h)
{
    {
        event e = make_event(event_kind::handle_run);
        e.handle = h->id;
        e.callback = describe(*h);
        if (h->task) e.task = h->task->name;
        emit(e);
    }
    switch (h->kind) {
    case callback_kind::task_step: begin_task_step(h->task, h->arg); break;
    case callback_kind::task_wakeup: {
        // Task.__wakeup: future.result() decides between send(None) and throw(exc).
        auto& fut = h->future;
        value exc;
        if (fut->state == future_state::cancelled) exc = make_cancelled_error(*fut);
        else if (fut->exception.is(value_kind::exception)) {
            fut->log_traceback = false;
            exc = fut->exception;
            // result() raising it: the traceback it had when set, the first time only
            exc.as<exception_object>().traceback = std::move(fut->exception_tb);
            fut->exception_tb.clear();
        }
        begin_task_step(h->task, exc);
        break;
    }
    case callback_kind::gather_child: gather_child_done(h->target, h->future); break;
    case callback_kind::stop_loop:
        if (running_loop_) running_loop_->stopping = true;
        break;
    case callback_kind::sleep_timer:
        if (h->future->state == future_state::pending) future_set_result(h->future, h->arg);
        break;
    case callback_kind::user: run_user_callback(h); break;
    case callback_kind::thread_result:
        // futures._copy_future_state: nothing for a future cancelled meanwhile; one the program has
        // completed itself fails its `assert not dest.done()`, which the loop logs (not modelled)
        if (h->future->state == future_state::cancelled) break;
        if (h->future->done()) raise_unsupported("a run_in_executor() future that the program completed itself before its thread did");
        if (h->raised) future_set_exception(h->future, h->arg);
        else future_set_result(h->future, h->arg);
        break;
    case callback_kind::check_cancel: break;  // a cancelled future's item is skipped when a worker reaches it
    case callback_kind::create_task:
        if (running_loop_) create_task(running_loop_, static_ref_cast<coroutine_object>(h->arg.obj), "", 0);
        break;
    }
}

void runtime::begin_task_step(const ref<task_object>& task, value exc)
{
    if (task->done()) return;
    if (task->must_cancel) {
        if (!is_instance_of(exc, "CancelledError")) exc = make_cancelled_error(*task);
        task->must_cancel = false;
    }
    task->fut_waiter.reset();
    current_task_ = task;
    in_callback_ = true;
    if (!task->started) {
        task->started = true;
        auto& coro = *task->coro;
        if (task->coro_reused || coro.state == coroutine_object::state_kind::closed) {
            // Task.__step's coro.send(None) (or throw) on a coroutine already awaited or closed raises
            // at once, outside any of the program's frames: the task ends with that error.
            event e = make_event(event_kind::step_begin);
            e.coro = task->coro_name;
            emit(e);
            task->must_cancel = false;
            exit_line_ = 0;
            last_exception_ = make_error("RuntimeError", "cannot reuse already awaited coroutine");
            end_task_step(outcome::raised);
            return;
        }
        auto f = std::make_unique<frame>();
        if (coro.function) {
            f->code = coro.function->code;
            f->locals = std::move(coro.arguments);
            f->locals.resize(f->code->local_names.size(), value::unbound());
            f->free = coro.function->closure;
            f->line = f->code->first_line;
            f->defining_class = coro.function->defining_class;
        } else {
            // A native coroutine (asyncio.sleep, the runner's shutdown steps) as a tiny frame.
            static const auto native_code = [] {
                memory_scope process_wide(nullptr);  // built once, not charged to the run that asks first
                auto c = std::make_shared<code_object>();
                c->name = "<native>";
                c->is_async = true;
                c->constants.push_back(value::none());
                c->instructions = {{opcode::load_const, 0, 0}, {opcode::set_return, 0, 0}, {opcode::return_value, 0, 0}};
                return c;
            }();
            auto code = std::make_shared<code_object>(*native_code);
            code->name = coro.name;
            code->qualname = coro.name;
            // The task's frame awaits `inner` and returns what it gives, as `return await inner` would
            // (get_awaitable's argument: 4 for _wrap_awaitable's `return (yield from awaitable.__await__())`)
            auto await_in_frame = [&code](value inner, std::int32_t how = 0) {
                code->constants = {std::move(inner)};
                code->instructions = {{opcode::load_const, 0, 0}, {opcode::get_awaitable, how, 0}, {opcode::await_, 0, 0},
                                      {opcode::set_return, 0, 0}, {opcode::return_value, 0, 0}};
            };
            if (coro.native == coroutine_object::native_kind::wrap_awaitable) await_in_frame(coro.awaited, 4);
            if (coro.native == coroutine_object::native_kind::await_future) await_in_frame(coro.awaited);
            using native = coroutine_object::native_kind;
            if (coro.native == native::anext || coro.native == native::anext_default || coro.native == native::athrow ||
                coro.native == native::aclose || coro.native == native::agen_cm_enter || coro.native == native::agen_cm_exit) {
                // An asynchronous generator's awaitable (anext(), asend(), athrow(), aclose(), an
                // @asynccontextmanager's __aenter__/__aexit__) made a task's own coroutine: the task's
                // frame awaits a twin of it, as `await` in a coroutine of the program would, so that the
                // generator runs in the task and its result or exception becomes the task's.
                auto inner = make_ref<coroutine_object>();
                inner->native = coro.native;
                inner->awaited = coro.awaited;
                inner->agen = coro.agen;
                inner->name = coro.name;
                inner->arguments = coro.arguments;
                inner->sleep_result = coro.sleep_result;
                inner->sent = coro.sent;
                inner->created_line = coro.created_line;
                // Thrown into before its first step (a cancellation): Task.__step throws it into the
                // aclose() awaitable, which passes it to the generator at its yield (an athrow of it)
                if (coro.native == native::aclose && exc.is(value_kind::exception)) {
                    inner->native = native::athrow;
                    inner->arguments = {std::exchange(exc, value::none())};
                }
                await_in_frame(value::of(value_kind::coroutine, inner));
            }
            if (coro.native == native::no_op) code->constants = {coro.sleep_result};  // nullcontext(x).__aenter__(): x
            if (coro.native == native::shutdown_asyncgens) {
                // results = await tasks.gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
                std::vector<value> closers;
                for (const auto& agen : coro.arguments) {
                    auto closing = make_ref<coroutine_object>();
                    closing->native = native::aclose;
                    closing->agen = static_ref_cast<async_generator_object>(agen.obj);
                    closers.push_back(value::of(value_kind::coroutine, closing));
                }
                closing_asyncgens_items_ = std::move(coro.arguments);
                closing_asyncgens_ = gather(closers, true, 0);
                await_in_frame(value::of(value_kind::future, closing_asyncgens_));
            }
            if (coro.native == coroutine_object::native_kind::sleep) {
                // The task's frame awaits an inner sleep, the way sleep()'s own body awaits its future.
                auto inner = make_ref<coroutine_object>();
                inner->native = coroutine_object::native_kind::sleep;
                inner->name = "sleep";
                inner->sleep_delay = coro.sleep_delay;
                inner->arguments = coro.arguments;
                inner->sleep_result = coro.sleep_result;
                await_in_frame(value::of(value_kind::coroutine, inner));
            }
            f->code = std::move(code);
            f->sleep_result = coro.sleep_result;
        }
        f->coro = task->coro;
        coro.state = coroutine_object::state_kind::running;
        coro.entered = true;
        task->context.frames.push_back(std::move(f));
    }
    running_ = &task->context;
    if (!exc.is(value_kind::none)) task->context.pending_throw = exc;
    task->context.resuming = true;
    event e = make_event(event_kind::step_begin);
    e.coro = task->coro_name;
    emit(e);
}

namespace {

// Did the future come out of a FutureIter (`yield from fut`) at the end of the iterator's chain of
// yield froms (its _asyncio_future_blocking)?
bool yielded_by_future_iter(const value& iter, const future_object& fut)
{
    value cur = iter;
    while (true) {
        if (cur.is(value_kind::iterator)) {
            const auto& it = cur.as<iterator_object>();
            return it.source.is(value_kind::future) && it.source.obj.get() == &fut && it.index == 1;
        }
        if (!cur.is(value_kind::generator)) return false;
        const auto& g = cur.as<generator_object>();
        if (g.context.frames.empty()) return false;
        const frame& top = *g.context.frames.back();
        const auto& code = top.code->instructions;
        if (top.pc < 2 || code[static_cast<std::size_t>(top.pc - 1)].op != opcode::yield_value ||
            code[static_cast<std::size_t>(top.pc - 2)].op != opcode::send || top.stack.empty())
            return false;
        cur = top.stack.back();
    }
}

} // namespace

void runtime::end_task_step(outcome r)
{
    auto task = current_task_;
    event e = make_event(event_kind::step_end);
    e.coro = task->coro_name;
    if (r == outcome::returned || r == outcome::raised) e.line = exit_line_;
    // Task.__step's blocking branch: the task waits on `fut`, woken by its done callback; a cancel
    // asked for meanwhile goes to the future
    auto wait_on = [&](const ref<future_object>& fut) {
        e.status = "await";
        emit(e);
        add_done_callback(fut, {callback_kind::task_wakeup, task, nullptr});
        task->fut_waiter = fut;
        if (task->must_cancel && cancel_any(fut, task->cancel_message)) task->must_cancel = false;
    };
    switch (r) {
    case outcome::yielded_future:
        wait_on(task->context.frames.back()->wait_future);
        break;
    case outcome::yielded_none: {
        e.status = "yield";
        // An __await__'s iterator yielded: Task.__step sends None back; what is not None (nor a
        // future, refused) is its RuntimeError, thrown in at the next step
        frame& top = *task->context.frames.back();
        value yielded = top.waiting == wait_state::custom ? std::exchange(top.sleep_result, value::none()) : value::none();
        if (yielded.is(value_kind::instance) && yielded.as<instance_object>().cls->lookup("__repr__"))
            raise_unsupported("an __await__ that yields to its task an object with its own __repr__");
        value thrown;
        if (yielded.is(value_kind::future)) {
            // task_step_impl's checks: its loop, then _asyncio_future_blocking, which only
            // Future.__iter__ sets (`yield from fut`: a FutureIter at the end of the chain of yield froms)
            auto fut = static_ref_cast<future_object>(yielded.obj);
            if (fut->loop.lock().get() != task->loop.lock().get()) {
                thrown = make_error("RuntimeError", "Task " + task->repr_text() + " got Future " + fut->repr_text() + " attached to a different loop");
            } else if (!yielded_by_future_iter(top.wait_iter, *fut)) {
                thrown = make_error("RuntimeError", "yield was used instead of yield from in task " + task->repr_text() + " with " + fut->repr_text());
            } else if (fut.get() == task.get()) {
                thrown = make_error("RuntimeError", "Task cannot await on itself: " + task->repr_text());
            } else {
                wait_on(fut);
                break;
            }
        } else if (!yielded.is(value_kind::none)) {
            thrown = make_error("RuntimeError", "Task got bad yield: " + repr(yielded));
        } else {
            thrown = value::none();
        }
        emit(e);
        call_soon(*task->loop.lock(), callback_kind::task_step, task, nullptr, nullptr, std::move(thrown));
        break;
    }
    case outcome::returned:
        e.status = "return";
        emit(e);
        if (task->must_cancel) {
            task->must_cancel = false;
            future_cancel(task, task->cancel_message);
        } else {
            future_set_result(task, last_result_);
        }
        break;
    case outcome::raised:
        if (is_instance_of(last_exception_, "SystemExit") || is_instance_of(last_exception_, "KeyboardInterrupt")) {
            // Task.__step re-raises these out of the event loop at once: what else is ready runs only
            // after asyncio.run has cancelled it. Exactly what loopscope does when the main task
            // raises one with nothing else ready or due; refused otherwise.
            const auto& loop = *task->loop.lock();
            bool due = false;
            for (const auto& h : loop.timers) due = due || (!h->cancelled && h->when <= now_);
            if (task != runner_main_task_ || !loop.ready.empty() || due)
                raise_unsupported(type_name(last_exception_) + " leaving a task other than asyncio.run's main one, or while other callbacks are ready "
                                                                "(asyncio stops its event loop at once)");
        }
        e.status = "raise";
        emit(e);
        if (is_instance_of(last_exception_, "CancelledError")) {
            // Future.cancel(self) with no message; the exception is kept for whoever asks first
            task->cancelled_exc = last_exception_;
            future_cancel(task, "");
        } else {
            future_set_exception(task, last_exception_);
        }
        break;
    default: break;
    }
    last_result_ = value{};
    last_exception_ = value{};
    running_ = nullptr;
    current_task_.reset();
    in_callback_ = false;
}

// ---- futures and tasks ----

ref<handle> runtime::call_soon(loop_object& loop, callback_kind kind, ref<task_object> task,
                                           ref<future_object> future, ref<future_object> target,
                                           value arg)
{
    auto h = make_ref<handle>();
    h->id = next_handle_id_++;
    h->kind = kind;
    h->task = std::move(task);
    h->future = std::move(future);
    h->target = std::move(target);
    h->arg = std::move(arg);
    event e = make_event(event_kind::handle_queued);
    e.handle = h->id;
    e.callback = describe(*h);
    e.loop = loop.id;
    emit(e);
    loop.push_ready(h);
    return h;
}

ref<handle> runtime::call_later(loop_object& loop, double delay, ref<future_object> future)
{
    auto h = make_ref<handle>();
    h->id = next_handle_id_++;
    h->kind = callback_kind::sleep_timer;
    h->future = std::move(future);
    h->when = now_ + delay;
    h->order = h->id;
    event e = make_event(event_kind::timer_scheduled);
    e.handle = h->id;
    e.callback = describe(*h);
    e.when = h->when;
    e.delay = delay;
    e.loop = loop.id;
    emit(e);
    loop.push_timer(h);
    return h;
}

void runtime::cancel_timer(const ref<handle>& h)
{
    if (!h || h->cancelled) return;
    h->cancelled = true;
    // A timer that already ran is gone from the heap; only a pending one is worth an event.
    if (h->future && h->future->state == future_state::cancelled) {
        event e = make_event(event_kind::timer_cancelled);
        e.handle = h->id;
        emit(e);
    }
}

void runtime::add_done_callback(const ref<future_object>& fut, callback cb)
{
    if (fut->done()) {
        auto loop = fut->loop.lock();
        if (!loop) loop = running_loop_;
        if (!loop) raise_loop_closed();  // a future outliving its loop (kept after asyncio.run)
        schedule_done_callback(*loop, fut, std::move(cb));
        return;
    }
    fut->callbacks.push_back(std::move(cb));
}

void runtime::schedule_callbacks(const ref<future_object>& fut)
{
    auto callbacks = std::move(fut->callbacks);
    fut->callbacks.clear();
    auto loop = fut->loop.lock();
    if (!loop) loop = running_loop_;
    if (!loop) {
        // The loop is gone: the program's own callbacks cannot be scheduled (call_soon's RuntimeError)
        for (const auto& cb : callbacks)
            if (cb.kind == callback_kind::user) raise_loop_closed();
        return;
    }
    for (auto& cb : callbacks) schedule_done_callback(*loop, fut, std::move(cb));
}

// One of a finished future's callbacks, called with it: the program's through call_soon's checks
void runtime::schedule_done_callback(loop_object& loop, const ref<future_object>& fut, callback cb)
{
    if (cb.kind == callback_kind::user) schedule_user_callback(loop, std::move(cb.function), {value::of(value_kind::future, fut)}, std::nullopt);
    else call_soon(loop, cb.kind, cb.task, fut, cb.target);
}

void runtime::task_done_event(const task_object& task)
{
    event e = make_event(event_kind::task_done);
    e.task = task.name;
    e.coro = task.coro_name;
    if (e.line == 0 && current_task_.get() == &task) e.line = exit_line_;
    error_info error;
    std::string result;
    if (task.state == future_state::cancelled) {
        e.status = "cancelled";
    } else if (task.exception.is(value_kind::exception)) {
        e.status = "exception";
        error = error_info_of(task.exception.as<exception_object>());
        e.error = &error;
    } else {
        e.status = "result";
        result = event_repr(task.result);
        e.result = result;
    }
    emit(e);
    --live_tasks_;
}

void runtime::future_set_result(const ref<future_object>& fut, value v)
{
    fut->result = std::move(v);
    fut->state = future_state::finished;
    if (fut->is_task()) task_done_event(static_cast<task_object&>(*fut));
    schedule_callbacks(fut);
}

void runtime::future_set_exception(const ref<future_object>& fut, value exc)
{
    if (exc.is(value_kind::exception)) {
        auto& x = exc.as<exception_object>();
        fut->exception_tb = x.traceback;
        // A task failing on its own attribute (current_task().typo) would hold itself
        // (its suggestion found now, while it is there: the task may be gone when it is printed)
        if (x.rare && x.rare->lookup && x.rare->lookup->in.obj.get() == fut.get()) {
            x.rare->lookup->found = did_you_mean(x);
            x.rare->lookup->hold_weakly();
        }
    }
    fut->exception = std::move(exc);
    fut->state = future_state::finished;
    fut->log_traceback = true;
    if (fut->is_task()) task_done_event(static_cast<task_object&>(*fut));
    schedule_callbacks(fut);
}

bool runtime::future_cancel(const ref<future_object>& fut, const std::string& msg)
{
    fut->log_traceback = false;
    if (fut->state != future_state::pending) return false;
    fut->state = future_state::cancelled;
    fut->cancel_message = msg;
    if (fut->is_task()) task_done_event(static_cast<task_object&>(*fut));
    schedule_callbacks(fut);
    return true;
}

bool runtime::task_cancel(const ref<task_object>& task, const std::string& msg)
{
    task->log_traceback = false;
    if (task->done()) return false;
    ++task->num_cancels_requested;
    {
        event e = make_event(event_kind::task_cancel_requested);
        e.target = task->name;
        if (!msg.empty()) e.message = msg;
        if (!cancel_cause_.cause.empty()) e.cause = cancel_cause_.cause;
        if (cancel_cause_.primitive) e.primitive = cancel_cause_.primitive;
        emit(e);
    }
    if (task->fut_waiter && cancel_any(task->fut_waiter, msg)) return true;
    task->must_cancel = true;
    task->cancel_message = msg;
    return true;
}

bool runtime::cancel_any(const ref<future_object>& fut, const std::string& msg)
{
    // Tasks awaiting each other cancel each other without end: CPython's C Task.cancel calls the
    // waited future's cancel() until its recursion limit
    struct nested {
        std::size_t& depth;
        explicit nested(std::size_t& d) : depth(++d) {}
        ~nested() { --depth; }
        nested(const nested&) = delete;
        nested& operator=(const nested&) = delete;
    } level{cancel_depth_};
    if (cancel_depth_ > config_.max_call_depth) raise_error("RecursionError", "maximum recursion depth exceeded while calling a Python object");
    check_native_stack();
    if (fut->is_task()) return task_cancel(static_ref_cast<task_object>(fut), msg);
    if (fut->is_gather) {
        if (fut->done()) return false;
        bool any = false;
        const cause_scope gather_cause(cancel_cause_, "gather", 0);
        for (const auto& child : fut->children)
            if (cancel_any(child, msg)) any = true;
        if (any) fut->cancel_requested = true;
        return any;
    }
    return future_cancel(fut, msg);
}

// CPython's create_cancelled_error: the exception the task's coroutine raised, handed over once
value runtime::make_cancelled_error(future_object& fut)
{
    if (fut.cancelled_exc.is(value_kind::exception)) return std::exchange(fut.cancelled_exc, value::none());
    return make_error("CancelledError", fut.cancel_message);
}

// asyncio's _ensure_future of what is neither a future nor a coroutine, called from `callers`
// (innermost first): CPython wraps an awaitable (an object with __await__) in a coroutine, which the
// engine does not model; anything else is its TypeError.
value runtime::ensure_future_refuses(const value& v, std::initializer_list<traceback_entry> callers)
{
    if (v.is(value_kind::instance) && v.as<instance_object>().cls->lookup("__await__")) {
        // _wrap_awaitable(v): a generator-based coroutine whose body is `return (yield from v.__await__())`
        auto coro = make_ref<coroutine_object>();
        coro->native = coroutine_object::native_kind::wrap_awaitable;
        coro->name = "_wrap_awaitable";
        coro->awaited = v;
        coro->owner = this;
        coro->owner_alive = alive_;
        return value::of(value_kind::coroutine, coro);
    }
    value e = make_error("TypeError", "An asyncio.Future, a coroutine or an awaitable is required");
    auto& traceback = e.as<exception_object>().traceback;
    traceback.push_back(library_frame("_ensure_future", 664, "/usr/lib/python3.11/asyncio/tasks.py", "raise TypeError('An asyncio.Future, a coroutine or an awaitable '"));
    traceback.insert(traceback.end(), callers);
    throw python_error{std::move(e)};
}

value runtime::future_result(const ref<future_object>& fut)
{
    if (fut->state == future_state::cancelled) throw python_error{make_cancelled_error(*fut)};
    if (fut->state == future_state::pending) raise_error("InvalidStateError", "Result is not set.");
    fut->log_traceback = false;
    if (fut->exception.is(value_kind::exception)) {
        fut->exception.as<exception_object>().traceback = std::move(fut->exception_tb);
        fut->exception_tb.clear();
        throw python_error{fut->exception};
    }
    return fut->result;
}

ref<loop_object> runtime::new_loop()
{
    auto loop = make_ref<loop_object>();
    loop->id = next_loop_id_++;
    set_loop_state(*loop, "created");
    log_selector_in_use();  // BaseSelectorEventLoop.__init__'s record, at DEBUG
    return loop;
}

void runtime::set_loop_state(loop_object& loop, const char* state)
{
    event e = make_event(event_kind::loop);
    e.state = state;
    e.loop = loop.id;
    emit(e);
}

ref<task_object> runtime::create_task(const ref<loop_object>& loop, ref<coroutine_object> coro,
                                                  std::string name, std::int32_t line)
{
    if (live_tasks_ >= config_.max_tasks)
        throw limit_exceeded{"the program created more than " + std::to_string(config_.max_tasks) + " unfinished tasks"};
    if (coro->driven && !coro->driven->frames.empty())
        raise_unsupported("a task of a coroutine stopped in an await by send() (CPython's task goes on from there)");
    auto task = make_ref<task_object>();
    ++task_counter_;
    ++live_tasks_;
    task->name = name.empty() ? "Task-" + std::to_string(task_counter_) : std::move(name);
    task->coro_name = coro->name;
    task->coro = std::move(coro);
    // Owned by a task, the coroutine counts as awaited (CPython throws into it even if cancelled first).
    task->coro_reused = task->coro->state != coroutine_object::state_kind::created;
    task->coro->state = coroutine_object::state_kind::running;
    task->loop = loop;
    task->created_line = line;
    task->file_name = config_.file_name;
    task->def_line = task->coro->function ? task->coro->function->code->first_line : 0;
    if (task->coro->native == coroutine_object::native_kind::wrap_awaitable) {
        task->file_name = "/usr/lib/python3.11/asyncio/tasks.py";
        task->def_line = 677;
    }
    // asyncio.sleep (C++ here, Python in CPython): tasks.py's sleep
    if (task->coro->native == coroutine_object::native_kind::sleep) {
        task->file_name = "/usr/lib/python3.11/asyncio/tasks.py";
        task->def_line = 627;
    }
    // A coroutine of asyncio's library: CPython's file and the line of its def, where marked
    if (task->coro->function && task->coro->function->code->library)
        std::tie(task->file_name, task->def_line) = cpython_place(*task->coro->function->code->library, task->def_line);
    task->owner = this;
    task->owner_alive = alive_;
    all_tasks_.push_back(task);
    event e = make_event(event_kind::task_created);
    e.target = task->name;
    e.coro = task->coro_name;
    e.line = line;
    emit(e);
    call_soon(*loop, callback_kind::task_step, task, nullptr);
    return task;
}

ref<future_object> runtime::gather(const std::vector<value>& items, bool return_exceptions, std::int32_t line)
{
    auto loop = running_loop_ ? running_loop_ : current_loop_;
    if (!loop) raise_error("RuntimeError", "no running event loop");
    auto outer = make_ref<future_object>();
    outer->is_gather = true;
    outer->owner = this;
    outer->owner_alive = alive_;
    gathers_.push_back(outer);
    outer->loop = loop;
    outer->return_exceptions = return_exceptions;
    // arg_to_fut: an argument given twice is one child (a dict in CPython; here by identity too)
    std::unordered_map<const object*, ref<future_object>> seen;
    seen.reserve(items.size());
    for (const auto& item : items) {
        ref<future_object> fut;
        // `if arg not in arg_to_fut:` hashes it first (gather([a, b]) is a learner's slip)
        bool unhashable = item.is(value_kind::list) || item.is(value_kind::dict) || item.is(value_kind::set) || item.is(value_kind::deque) ||
                          item.is(value_kind::slice) || item.is(value_kind::dict_view);
        if (item.is(value_kind::instance)) {
            const auto& cls = *item.as<instance_object>().cls;
            const value* hash = cls.lookup("__hash__");
            unhashable = hash ? hash->is(value_kind::none) : cls.lookup("__eq__") != nullptr;
            if (hash && !unhashable) raise_unsupported("gather() of an object with its own __hash__");
        }
        if (unhashable)
            raise_from_library("TypeError", "unhashable type: '" + type_name(item) + "'",
                               {library_frame("gather", 816, "/usr/lib/python3.11/asyncio/tasks.py", "if arg not in arg_to_fut:", "arg not in arg_to_fut")});
        if (auto found = seen.find(item.obj.get()); found != seen.end()) fut = found->second;
        if (!fut) {
            if (item.is(value_kind::coroutine)) {
                // One already awaited makes a task that fails at its first step, as in CPython
                fut = create_task(loop, static_ref_cast<coroutine_object>(item.obj), "", line);
            } else if (item.is(value_kind::future)) {
                fut = static_ref_cast<future_object>(item.obj);
            } else {
                value wrapped = ensure_future_refuses(item, {library_frame("gather", 817, "/usr/lib/python3.11/asyncio/tasks.py", "fut = _ensure_future(arg, loop=loop)", "_ensure_future(arg, loop=loop)")});
                fut = create_task(loop, static_ref_cast<coroutine_object>(wrapped.obj), "", line);
            }
            seen.emplace(item.obj.get(), fut);
            ++outer->distinct_children;
            add_done_callback(fut, {callback_kind::gather_child, nullptr, outer});
        }
        outer->children.push_back(fut);
    }
    if (items.empty()) future_set_result(outer, value::list({}));
    return outer;
}

void runtime::gather_child_done(const ref<future_object>& outer, const ref<future_object>& child)
{
    ++outer->finished_children;
    if (outer->done()) {
        if (child->state != future_state::cancelled) child->log_traceback = false;
        return;
    }
    if (!outer->return_exceptions) {
        if (child->state == future_state::cancelled) {
            future_set_exception(outer, make_cancelled_error(*child));
            return;
        }
        if (child->exception.is(value_kind::exception)) {
            child->log_traceback = false;
            future_set_exception(outer, child->exception);
            return;
        }
    }
    if (outer->finished_children == outer->distinct_children) {
        std::vector<value> results;
        for (const auto& c : outer->children) {
            if (c->state == future_state::cancelled) {
                // A new CancelledError of the child's message, '' when it has none (its kept one stays)
                value cancelled = make_error("CancelledError", "");
                cancelled.as<exception_object>().args.push_back(value::string(c->cancel_message));
                results.push_back(std::move(cancelled));
            }
            else if (c->exception.is(value_kind::exception)) {
                c->log_traceback = false;  // fut.exception() marks it retrieved
                results.push_back(c->exception);
            }
            else results.push_back(c->result);
        }
        if (outer->cancel_requested) future_set_exception(outer, make_cancelled_error(*child));
        else future_set_result(outer, value::list(std::move(results)));
    }
}

// ---- the runner ----

void runtime::start_run_until_complete(const ref<loop_object>& loop, const ref<future_object>& fut,
                                       runner_phase phase)
{
    phase_ = phase;
    runner_future_ = fut;
    // run_forever has no future; a stop() asked before the loop runs ends it after one iteration
    if (fut) add_done_callback(fut, {callback_kind::stop_loop, nullptr, nullptr});
    loop->running = true;
    loop->iteration_started = false;
    loop->ntodo = 0;
    running_loop_ = loop;
    main_waiting_on_loop_ = true;
    set_loop_state(*loop, "running");
}

void runtime::start_asyncio_run(ref<coroutine_object> coro, std::int32_t line)
{
    auto loop = new_loop();
    current_loop_ = loop;
    runner_main_task_ = create_task(loop, std::move(coro), "", line);
    runner_result_ = value{};
    runner_exception_ = value{};
    start_run_until_complete(loop, runner_main_task_, runner_phase::main_task);
}

// loop.shutdown_asyncgens() closes the asynchronous generators still alive, running their cleanup: one
// stopped inside a cleanup block is refused
void runtime::check_async_generators_at_shutdown(const std::string& when)
{
    if (generator_dropped_in_cleanup_block_) refuse_dropped_generator();
    if (async_generators_in_cleanup_blocks_ > 0)
        raise_unsupported("an asynchronous generator still stopped at a 'yield' inside 'try'/'finally' or 'with' " + when +
                          " (CPython closes it and runs that cleanup)");
}

// asyncio.run's loop.shutdown_asyncgens(): with generators in the loop's _asyncgens, a coroutine whose
// first step gathers their aclose() (return_exceptions=True), each a task, as base_events.py's does.
// The WeakSet's order is its addresses': two or more, one of them with cleanup to run, are refused.
value runtime::shutdown_asyncgens_coroutine(loop_object& loop)
{
    if (generator_dropped_in_cleanup_block_) refuse_dropped_generator();
    std::vector<value> alive;
    int in_cleanup = 0;
    for (const auto& w : loop.asyncgens)
        if (auto o = w.lock()) {
            in_cleanup += static_cast<int>(static_cast<async_generator_object&>(*o).stopped_in_cleanup_block);
            alive.push_back(value::of(value_kind::async_generator, std::move(o)));
        }
    loop.asyncgens.clear();
    // One stopped in its cleanup block that this loop's hooks did not see (first iterated elsewhere)
    if (async_generators_in_cleanup_blocks_ > in_cleanup) check_async_generators_at_shutdown("when asyncio.run() ends");
    if (alive.empty()) return no_op_coroutine("shutdown_asyncgens");
    if (alive.size() > 1 && in_cleanup > 0)
        raise_unsupported("asynchronous generators still alive when asyncio.run() ends, one of them stopped in its cleanup block (CPython closes "
                          "them in the order of their addresses)");
    auto coro = make_ref<coroutine_object>();
    coro->native = coroutine_object::native_kind::shutdown_asyncgens;
    coro->name = "shutdown_asyncgens";
    coro->arguments = std::move(alive);
    coro->owner = this;
    coro->owner_alive = alive_;
    return value::of(value_kind::coroutine, coro);
}

// After shutdown_asyncgens' gather: each exception an aclose() raised, as call_exception_handler logs it
void runtime::log_asyncgen_close_errors()
{
    auto gathered = std::move(closing_asyncgens_);
    auto closed = std::move(closing_asyncgens_items_);
    closing_asyncgens_ = nullptr;
    closing_asyncgens_items_.clear();
    if (!gathered || gathered->state != future_state::finished || !gathered->result.is(value_kind::list)) return;
    const auto& results = gathered->result.as<sequence_object>().items;
    for (std::size_t i = 0; i < results.size() && i < closed.size(); ++i) {
        if (!results[i].is(value_kind::exception) || !is_instance_of(results[i], "Exception")) continue;
        const std::string agen = closed[i].obj->repr_text();
        log_asyncio_error("an error occurred during closing of asynchronous generator " + agen + "\nasyncgen: " + agen, results[i], false);
    }
}

// A coroutine with nothing to do (the loop's shutdown_asyncgens and shutdown_default_executor here)
value runtime::no_op_coroutine(const std::string& name)
{
    auto coro = make_ref<coroutine_object>();
    coro->native = coroutine_object::native_kind::no_op;
    coro->name = name;
    coro->owner = this;
    coro->owner_alive = alive_;
    return value::of(value_kind::coroutine, coro);
}

// The loop's tasks not yet done, in the order they were made (CPython's all_tasks() is a set in its
// addresses' order)
std::vector<ref<task_object>> runtime::pending_tasks(const ref<loop_object>& loop) const
{
    std::vector<ref<task_object>> tasks;
    for (const auto& weak : all_tasks_)
        if (auto t = weak.lock(); t && !t->done() && t->loop.lock() == loop) tasks.push_back(std::move(t));
    return tasks;
}

void runtime::loop_stopped()
{
    auto loop = running_loop_;
    loop->running = false;
    loop->stopping = false;
    loop->iteration_started = false;
    running_loop_.reset();
    set_loop_state(*loop, "stopped");
    auto fut = runner_future_;
    runner_future_.reset();
    if (fut) {
        auto& cbs = fut->callbacks;
        cbs.erase(std::remove_if(cbs.begin(), cbs.end(), [](const callback& c) { return c.kind == callback_kind::stop_loop; }), cbs.end());
    }

    auto shutdown_step = [&](const char* name, runner_phase next) {
        const value coro = next == runner_phase::shutdown_executor ? shutdown_default_executor(loop)
                           : next == runner_phase::shutdown_asyncgens ? shutdown_asyncgens_coroutine(*loop)
                                                                      : no_op_coroutine(name);
        auto task = create_task(loop, static_ref_cast<coroutine_object>(coro.obj), "", 0);
        start_run_until_complete(loop, task, next);
    };

    switch (phase_) {
    case runner_phase::forever:
        phase_ = runner_phase::none;
        resume_main(value::none(), {});
        return;
    case runner_phase::until_complete: {
        phase_ = runner_phase::none;
        if (!fut->done()) {
            resume_main({}, make_error("RuntimeError", "Event loop stopped before Future completed."));
            return;
        }
        try {
            resume_main(future_result(fut), {});
        } catch (const python_error& e) {
            add_library_frames(e.exc, false);
            resume_main({}, e.exc);
        }
        return;
    }
    case runner_phase::main_task: {
        if (!fut->done()) {
            runner_exception_ = make_error("RuntimeError", "Event loop stopped before Future completed.");
        } else {
            try {
                runner_result_ = future_result(fut);
            } catch (const python_error& e) {
                runner_exception_ = e.exc;
            }
        }
        // asyncio.runners._cancel_all_tasks
        runner_cancelled_ = pending_tasks(loop);
        if (runner_cancelled_.empty()) {
            shutdown_step("shutdown_asyncgens", runner_phase::shutdown_asyncgens);
            return;
        }
        {
            event e = make_event(event_kind::runner_cancel_all);
            for (const auto& t : runner_cancelled_) e.children.push_back(t->name);
            emit(e);
        }
        {
            const cause_scope runner_cause(cancel_cause_, "asyncio.run", 0);
            for (const auto& t : runner_cancelled_) task_cancel(t, "");
        }
        std::vector<value> items;
        for (const auto& t : runner_cancelled_) items.push_back(value::of(value_kind::future, t));
        running_loop_ = loop;  // gather() looks for the loop
        auto g = gather(items, true, 0);
        running_loop_.reset();
        start_run_until_complete(loop, g, runner_phase::cancel_all);
        return;
    }
    case runner_phase::cancel_all:
        for (const auto& t : runner_cancelled_) {
            if (t->state == future_state::cancelled) continue;
            if (t->exception.is(value_kind::exception)) {
                log_asyncio_error("unhandled exception during asyncio.run() shutdown\ntask: " + t->repr_text(), t->exception, false);
            }
        }
        runner_cancelled_.clear();
        shutdown_step("shutdown_asyncgens", runner_phase::shutdown_asyncgens);
        return;
    case runner_phase::shutdown_asyncgens:
        log_asyncgen_close_errors();
        shutdown_step("shutdown_default_executor", runner_phase::shutdown_executor);
        return;
    case runner_phase::shutdown_executor: {
        phase_ = runner_phase::none;
        current_loop_.reset();
        loop->closed = true;
        loop->ready.clear();
        loop->timers.clear();
        set_loop_state(*loop, "closed");
        runner_main_task_.reset();
        value result = std::move(runner_result_);
        value exc = std::move(runner_exception_);
        if (exc.is(value_kind::exception)) add_library_frames(exc, true);
        runner_result_ = value{};
        runner_exception_ = value{};
        resume_main(std::move(result), std::move(exc));
        return;
    }
    case runner_phase::none: break;
    }
}

// The asyncio frames CPython's traceback shows between the program's call and the task's frames.
void runtime::add_library_frames(const value& exc, bool asyncio_run)
{
    auto& tb = exc.as<exception_object>().traceback;
    constexpr const char* base_events = "/usr/lib/python3.11/asyncio/base_events.py";
    constexpr const char* runners = "/usr/lib/python3.11/asyncio/runners.py";
    if (is_instance_of(exc, "KeyboardInterrupt") || is_instance_of(exc, "SystemExit")) {
        // Task.__step re-raised it out of the loop, through the handle that ran the step
        tb.push_back(library_frame("_run", 80, "/usr/lib/python3.11/asyncio/events.py", "self._context.run(self._callback, *self._args)"));
        tb.push_back(library_frame("_run_once", 1922, base_events, "handle._run()"));
        tb.push_back(library_frame("run_forever", 607, base_events, "self._run_once()"));
        tb.push_back(library_frame("run_until_complete", 640, base_events, "self.run_forever()"));
    } else {
        tb.push_back(library_frame("run_until_complete", 653, base_events, "return future.result()", "future.result()"));
    }
    if (asyncio_run) {
        tb.push_back(library_frame("run", 118, runners, "return self._loop.run_until_complete(task)", "self._loop.run_until_complete(task)"));
        tb.push_back(library_frame("run", 190, runners, "return runner.run(main)", "runner.run(main)"));
    }
}

void runtime::resume_main(value result, value exc)
{
    main_waiting_on_loop_ = false;
    if (exc.is(value_kind::exception)) {
        main_.pending_throw = std::move(exc);
    } else {
        main_.frames.back()->stack.push_back(std::move(result));
    }
    main_.resuming = true;
    running_ = &main_;
}

} // namespace loopscope::engine
