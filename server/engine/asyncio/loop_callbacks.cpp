// The program's own callbacks and futures: loop.call_soon/call_later/call_at and their handles,
// loop.create_future()/asyncio.Future() with set_result/set_exception, add_done_callback and
// remove_done_callback, and a callback running on the loop as events.Handle._run runs it (its
// exception logged, the loop carrying on). Futures and tasks are C in CPython (_asynciomodule.c),
// the handles and call_* Python (events.py, base_events.py): their frames appear in tracebacks.
#include "integers.hpp"
#include "library.hpp"
#include "runtime.hpp"

#include <cmath>

namespace loopscope::engine {

namespace {

constexpr const char* base_events_py = "/usr/lib/python3.11/asyncio/base_events.py";
constexpr const char* events_py = "/usr/lib/python3.11/asyncio/events.py";
constexpr std::int32_t handle_run_line = 80;  // Handle._run: self._context.run(self._callback, *self._args)

// The text after the last dot: the builtins' names are their module's ("collections.defaultdict")
std::string last_part(const std::string& name) { return name.substr(name.rfind('.') + 1); }

// func.__qualname__ as format_helpers._format_callback reads it; nothing when the callable has none
// (an instance with __call__: its repr is shown instead)
std::optional<std::string> callable_qualname(const value& fn, int depth = 0)
{
    switch (fn.kind) {
    case value_kind::function: return fn.as<function_object>().qualname();
    case value_kind::method: {
        const auto& m = fn.as<method_object>();
        if (m.function.is(value_kind::function)) return m.function.as<function_object>().qualname();
        return std::nullopt;
    }
    case value_kind::class_type: return fn.as<class_object>().qualname;
    case value_kind::exception_type: return fn.as<exception_type_object>().name;
    case value_kind::lru_cache:
        // functools.wraps copied the function's
        if (depth < 8) return callable_qualname(fn.as<lru_cache_object>().function, depth + 1);
        return std::nullopt;
    case value_kind::builtin: {
        const auto& b = fn.as<builtin_object>();
        if (!b.self.obj) return last_part(b.name);
        // A method's type: the one CPython finds it on
        if (b.self.is(value_kind::future)) return std::string(type_name_of_future(b.self.as<future_object>())) + "." + b.name;
        if (b.self.is(value_kind::loop)) return std::string(b.name == "close" ? "_UnixSelectorEventLoop." : "BaseEventLoop.") + b.name;
        if (b.self.is(value_kind::handle))
            return std::string(b.self.as<handle>().is_timer && b.name != "cancelled" ? "TimerHandle." : "Handle.") + b.name;
        return last_part(type_name(b.self)) + "." + b.name;  // deque.append, not collections.deque.append
    }
    default: return std::nullopt;
    }
}

// format_helpers._get_function_source: where a Python function (unwrapped, or a partial's) is defined
std::optional<std::pair<std::string, std::int32_t>> function_source(const value& fn, const std::string& file, int depth = 0)
{
    if (depth > 8) return std::nullopt;
    if (fn.is(value_kind::function)) {
        const auto& code = *fn.as<function_object>().code;
        // asyncio's own function (the library's): CPython's file and line of its def, where marked
        if (code.library) return cpython_place(*code.library, code.first_line);
        return std::pair{file, code.first_line};
    }
    if (fn.is(value_kind::lru_cache)) return function_source(fn.as<lru_cache_object>().function, file, depth + 1);
    if (fn.is(value_kind::partial)) return function_source(fn.as<partial_object>().function, file, depth + 1);
    return std::nullopt;
}

// format_helpers._format_args_and_kwargs: each argument's reprlib.repr
std::string arguments_text(const std::vector<value>& args, const std::vector<std::pair<std::string, value>>& kwargs)
{
    std::string out = "(";
    bool first = true;
    for (const auto& a : args) {
        if (!first) out += ", ";
        first = false;
        out += short_repr(a);
    }
    for (const auto& [k, v] : kwargs) {
        if (!first) out += ", ";
        first = false;
        out += k + "=" + short_repr(v);
    }
    return out + ")";
}

bool int_fits_float(const value& v)
{
    try {
        (void)int_to_float(v);
        return true;
    } catch (const python_error&) {
        return false;
    }
}

// A deadline as the heap compares it: an int too large for a float (call_at(10**400)) is beyond
// every float, as Python compares an int with a float
double deadline_of(const value& when)
{
    if (when.is(value_kind::floating)) return when.f;
    if (when.is(value_kind::boolean)) return when.b ? 1.0 : 0.0;
    if (int_fits_float(when)) return int_to_float(when);
    return int_is_negative(when) ? -HUGE_VAL : HUGE_VAL;
}

std::string handle_text(const handle& h, const std::string& source)
{
    std::string s = h.is_timer ? "<TimerHandle" : "<Handle";
    if (h.cancelled) s += " cancelled";
    if (h.is_timer) s += " when=" + repr(h.when_value);
    // Handle.cancel() lets go of the callback: a cancelled handle no longer names it
    if (!h.cancelled && !source.empty()) s += " " + source;
    return s + ">";
}

} // namespace

std::string handle::repr_text() const
{
    if (cancelled || !file) return handle_text(*this, "");
    // The reprs may run the program's __repr__, which may cancel this very handle: copies
    const value callee = function;
    const std::vector<value> args = arguments;
    return handle_text(*this, callback_source(callee, args, *file));
}

// A value as events show it: None, booleans, numbers that fit 64 bits, floats and strings of at most 40
// characters by their repr, anything else by its type (`<list>`)
std::string event_value_label(const value& a)
{
    const bool plain = a.is(value_kind::none) || a.is(value_kind::boolean) || a.is(value_kind::floating) ||
                       (a.is(value_kind::integer) && !a.obj) || (a.is(value_kind::string) && a.as<string_object>().s.size() <= 40);
    return plain ? event_text([&] { return repr(a); }, [] { return std::string("…"); }) : "<" + type_name(a) + ">";
}

// What events call a program's callback: its name and its arguments' short forms, made without
// running the program's code or converting a big number (CPython makes no such text)
std::string callback_label(const value& fn, const std::vector<value>& args)
{
    const value* callee = &fn;
    for (int depth = 0; callee->is(value_kind::partial) && depth < 8; ++depth) callee = &callee->as<partial_object>().function;
    std::optional<std::string> name = callable_qualname(*callee);
    std::string text = name && !name->empty() ? *name : "<" + type_name(*callee) + " object>";
    text += "(";
    const std::size_t shown = std::min<std::size_t>(args.size(), 8);
    for (std::size_t k = 0; k < shown; ++k) {
        if (k) text += ", ";
        text += event_value_label(args[k]);
    }
    if (args.size() > shown) text += ", …";
    return text + ")";
}

std::string callback_source(const value& fn, const std::vector<value>& args, const std::string& file)
{
    std::string suffix = arguments_text(args, {});
    const value* callee = &fn;
    for (int depth = 0; callee->is(value_kind::partial) && depth < 8; ++depth) {
        const auto& p = callee->as<partial_object>();
        suffix = arguments_text(p.args, p.keywords) + suffix;
        callee = &p.function;
    }
    std::optional<std::string> name = callable_qualname(*callee);
    std::string text = (name && !name->empty() ? *name : repr(*callee)) + suffix;
    if (auto source = function_source(fn, file)) text += " at " + source->first + ":" + std::to_string(source->second);
    return text;
}

void raise_loop_closed(std::string_view method)
{
    const auto checked = library_frame("_check_closed", 519, base_events_py, "raise RuntimeError('Event loop is closed')");
    if (method == "call_soon_threadsafe")
        raise_from_library("RuntimeError", "Event loop is closed", {checked, library_frame("call_soon_threadsafe", 806, base_events_py, "self._check_closed()")});
    if (method == "call_soon")
        raise_from_library("RuntimeError", "Event loop is closed", {checked, library_frame("call_soon", 761, base_events_py, "self._check_closed()")});
    const auto call_at = library_frame("call_at", 740, base_events_py, "self._check_closed()");
    if (method == "call_at") raise_from_library("RuntimeError", "Event loop is closed", {checked, call_at});
    // call_later goes through call_at
    raise_from_library("RuntimeError", "Event loop is closed",
                       {checked, call_at,
                        library_frame("call_later", 727, base_events_py, "timer = self.call_at(self.time() + delay, callback, *args,",
                                      "self.call_at(self.time() + delay, callback, *args,")});
}

ref<future_object> runtime::new_future(const ref<loop_object>& loop)
{
    auto fut = make_ref<future_object>();
    fut->loop = loop;
    fut->made_by_program = true;
    fut->owner = this;
    fut->owner_alive = alive_;
    remember_container(fut);  // its result or callbacks may hold it: the run's end clears them
    if (current_task_) fut->made_in_task = current_task_;
    return fut;
}

ref<handle> runtime::schedule_user_callback(loop_object& loop, value function, std::vector<value> args,
                                                        std::optional<value> when)
{
    // BaseEventLoop.call_soon's _check_closed (a future's callbacks are scheduled through it too)
    if (loop.closed) raise_loop_closed(when ? "call_at" : "call_soon");
    auto h = make_ref<handle>();
    h->id = next_handle_id_++;
    h->kind = callback_kind::user;
    h->function = std::move(function);
    h->arguments = std::move(args);
    h->file = &config_.file_name;
    h->label = callback_label(h->function, h->arguments);
    h->queued = true;
    remember_container(h);  // its arguments may hold it
    if (!when) {
        event e = make_event(event_kind::handle_queued);
        e.handle = h->id;
        e.callback = h->label;
        e.loop = loop.id;
        emit(e);
        loop.push_ready(h);
        return h;
    }
    h->is_timer = true;
    h->when_value = *when;
    h->when = deadline_of(*when);
    h->order = h->id;
    event e = make_event(event_kind::timer_scheduled);
    e.handle = h->id;
    e.callback = h->label;
    e.when = h->when;
    e.delay = h->when - now_;
    e.loop = loop.id;
    emit(e);
    loop.push_timer(h);
    return h;
}

// Handle._run: the callback runs in a context of its own (no task is current); a Python function's
// frame runs there slice by slice, as a task's step does, and end_user_callback follows it.
void runtime::run_user_callback(const ref<handle>& h)
{
    callback_handle_ = h;
    in_callback_ = true;
    bool pushed = false;
    try {
        call_value(callback_context_, h->function, h->arguments, {}, pushed);
    } catch (python_error& e) {
        callback_context_.frames.clear();
        last_exception_ = std::move(e.exc);
        end_user_callback(outcome::raised);
        return;
    }
    if (pushed) {
        running_ = &callback_context_;
        return;
    }
    end_user_callback(outcome::returned);
}

void runtime::end_user_callback(outcome r)
{
    auto h = std::move(callback_handle_);
    value exc = std::move(last_exception_);
    last_result_ = value{};
    last_exception_ = value{};
    running_ = nullptr;
    in_callback_ = false;
    if (r != outcome::raised || !exc.is(value_kind::exception)) return;
    if (is_instance_of(exc, "SystemExit") || is_instance_of(exc, "KeyboardInterrupt"))
        raise_unsupported(type_name(exc) + " leaving a loop callback (asyncio stops its event loop at once)");
    // BaseEventLoop.default_exception_handler's log record: the message, the handle, the traceback
    exc.as<exception_object>().traceback.push_back(
        library_frame("_run", handle_run_line, events_py, "self._context.run(self._callback, *self._args)"));
    std::string source, shown_handle;
    try {
        // The reprs may run the program's __repr__, which may cancel the handle (copies), and the
        // handle's repr is made after the message's, as CPython makes them
        const value callee = h->function;
        const std::vector<value> args = h->arguments;
        source = callback_source(callee, args, config_.file_name);
        shown_handle = h->repr_text();
    } catch (const python_error&) {
        raise_unsupported("a repr() that raises while asyncio logs an exception in a callback");
    }
    log_asyncio_error("Exception in callback " + source + "\nhandle: " + shown_handle, exc, false);
}

// BaseEventLoop.default_exception_handler: the context's message, its other keys sorted with their
// reprs, and the exception's traceback, logged as one record
void runtime::log_exception_context(const value& context)
{
    if (!context.is(value_kind::dict) || context.as<dict_object>().default_factory || context.as<dict_object>().is_counter ||
        context.as<dict_object>().is_ordered)
        raise_unsupported("loop.call_exception_handler() of what is not a plain dict");
    const auto& d = context.as<dict_object>();
    std::string message;
    value exception = value::none();
    std::vector<std::pair<std::string, value>> others;
    for (const auto& e : d.entries) {
        if (e.key.is_unbound()) continue;
        if (!e.key.is(value_kind::string)) raise_unsupported("loop.call_exception_handler() of a context with a key that is not a string");
        const std::string key = str(e.key);
        if (key == "message") {
            if (truthy(e.item) && !e.item.is(value_kind::string)) raise_unsupported("loop.call_exception_handler() with a 'message' that is not a string");
            message = truthy(e.item) ? str(e.item) : "";
        }
        else if (key == "exception") exception = e.item;
        else if (key == "source_traceback" || key == "handle_traceback") raise_unsupported("loop.call_exception_handler() with '" + key + "'");
        else others.emplace_back(key, e.item);
    }
    if (!exception.is(value_kind::none) && !exception.is(value_kind::exception))
        raise_unsupported("loop.call_exception_handler() of an 'exception' that is not an exception instance");
    if (message.empty()) message = "Unhandled exception in event loop";
    std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string text = message;
    try {
        for (const auto& [key, item] : others) text += "\n" + key + ": " + repr(item);
    } catch (const python_error&) {
        raise_unsupported("a repr() that raises while asyncio logs an exception context");
    }
    log_asyncio_error(text, exception, false);
}

void runtime::cancel_user_handle(handle& h)
{
    if (h.cancelled) return;
    h.cancelled = true;
    h.function = value::none();
    h.arguments.clear();
    if (!h.queued) return;
    event e = make_event(h.is_timer ? event_kind::timer_cancelled : event_kind::handle_cancelled);
    e.handle = h.id;
    emit(e);
}

value runtime::call_callback_api(const builtin_object& b, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    const std::string& name = b.name;
    auto take_kw = [&kwargs](const char* key) { return take_keyword(kwargs, key); };
    // A method written in C: METH_NOARGS / METH_O wording
    // (`owner` and the method's name make its qualified name, written only into an error)
    auto c_arguments = [&](std::string_view owner, std::size_t n) {
        if (kwargs.empty() && args.size() == n) return;
        const std::string qualname = std::string(owner) + "." + name;
        if (!kwargs.empty()) raise_error("TypeError", qualname + "() takes no keyword arguments");
        if (n == 0) raise_error("TypeError", qualname + "() takes no arguments (" + std::to_string(args.size()) + " given)");
        raise_error("TypeError", qualname + "() takes exactly one argument (" + std::to_string(args.size()) + " given)");
    };
    // A method written in Python (self first)
    auto python_arguments = [&](std::string_view owner, std::size_t n) {
        if (kwargs.empty() && args.size() == n) return;
        const std::string qualname = std::string(owner) + "." + name;
        if (!kwargs.empty()) raise_error("TypeError", qualname + "() got an unexpected keyword argument '" + kwargs.front().first + "'");
        if (args.size() != n)
            raise_error("TypeError", qualname + "() takes " + std::to_string(n + 1) + " positional argument" + (n ? "s" : "") + " but " +
                                         std::to_string(args.size() + 1) + " were given");
    };

    // ---- asyncio.Future(*, loop=None) ----
    if (!b.self.obj) {
        std::optional<value> loop = take_kw("loop");
        if (!kwargs.empty()) raise_error("TypeError", "'" + kwargs.front().first + "' is an invalid keyword argument for Future()");
        if (!args.empty()) raise_error("TypeError", "Future() takes no positional arguments");
        if (loop && loop->is(value_kind::loop)) return value::of(value_kind::future, new_future(static_ref_cast<loop_object>(loop->obj)));
        if (loop && !loop->is(value_kind::none)) raise_unsupported("asyncio.Future(loop=...) with what is not an event loop");
        // events._get_event_loop(): outside a running loop it is get_event_loop()'s policy, not modelled
        if (!running_loop_) raise_unsupported("asyncio.Future() outside a running event loop");
        return value::of(value_kind::future, new_future(running_loop_));
    }

    // ---- the loop's call_soon, call_later, call_at, create_future ----
    if (b.self.is(value_kind::loop)) {
        auto loop = static_ref_cast<loop_object>(b.self.obj);
        constexpr std::string_view owner = "BaseEventLoop";
        auto qualname = [&] { return std::string(owner) + "." + name; };
        if (name == "create_future") {
            python_arguments(owner, 0);
            return value::of(value_kind::future, new_future(loop));
        }
        if (name == "get_debug") {
            python_arguments(owner, 0);
            return value::boolean(false);
        }
        if (name == "set_debug") {
            // Debug mode stays off: set_debug(False) (Runner(debug=False)) is what the loop has already
            python_arguments(owner, 1);
            if (truthy(args[0])) raise_unsupported("asyncio's debug mode (loop.set_debug(True), Runner(debug=True))");
            return value::none();
        }
        if (name == "run_in_executor") {
            if (!kwargs.empty()) raise_error("TypeError", qualname() + "() got an unexpected keyword argument '" + kwargs.front().first + "'");
            return run_in_executor(loop, args);
        }
        if (name == "shutdown_default_executor") {
            python_arguments(owner, 0);
            return shutdown_default_executor(loop);
        }
        if (name == "shutdown_asyncgens") {
            // A coroutine with nothing to do here (an asynchronous generator left inside a cleanup
            // block is refused as asyncio.run's end refuses it)
            python_arguments(owner, 0);
            if (name == "shutdown_asyncgens") check_async_generators_at_shutdown("when its loop's shutdown_asyncgens() runs");
            return no_op_coroutine(name);
        }
        if (name == "call_exception_handler") {
            python_arguments(owner, 1);
            log_exception_context(args[0]);
            return value::none();
        }
        std::optional<value> context = take_kw("context");
        if (!kwargs.empty()) raise_error("TypeError", qualname() + "() got an unexpected keyword argument '" + kwargs.front().first + "'");
        // call_soon_threadsafe: call_soon, and a byte to the self-pipe that wakes the loop (from a
        // worker thread: the handle is there when the loop looks again)
        const bool soon = name == "call_soon" || name == "call_soon_threadsafe";
        const std::size_t lead = soon ? 1 : 2;
        if (args.size() < lead) {
            const char* first = name == "call_later" ? "'delay'" : "'when'";
            if (args.size() + 1 == lead) raise_error("TypeError", qualname() + "() missing 1 required positional argument: 'callback'");
            raise_error("TypeError", qualname() + "() missing 2 required positional arguments: " + first + " and 'callback'");
        }
        if (context && !context->is(value_kind::none)) raise_unsupported("loop." + name + "(context=...)");
        std::optional<value> when;
        if (name == "call_later") {
            const value& delay = args[0];
            if (delay.is(value_kind::none))
                raise_from_library("TypeError", "delay must not be None", {library_frame("call_later", 726, base_events_py, "raise TypeError('delay must not be None')")});
            if (!delay.is(value_kind::integer) && !delay.is(value_kind::floating) && !delay.is(value_kind::boolean)) {
                if (delay.is(value_kind::instance)) raise_unsupported("loop.call_later() with a delay that is an instance");
                raise_from_library("TypeError", "unsupported operand type(s) for +: 'float' and '" + type_name(delay) + "'",
                                   {library_frame("call_later", 727, base_events_py, "timer = self.call_at(self.time() + delay, callback, *args,",
                                                  "self.time() + delay")});
            }
            // self.time() + delay: a float, or the OverflowError of an int too large for one
            if (delay.is(value_kind::integer) && !int_fits_float(delay))
                raise_from_library("OverflowError", "int too large to convert to float",
                                   {library_frame("call_later", 727, base_events_py, "timer = self.call_at(self.time() + delay, callback, *args,",
                                                  "self.time() + delay")});
            when = value::floating(now_ + deadline_of(delay));
        } else if (name == "call_at") {
            if (args[0].is(value_kind::none))
                raise_from_library("TypeError", "when cannot be None", {library_frame("call_at", 739, base_events_py, "raise TypeError(\"when cannot be None\")")});
            if (!args[0].is(value_kind::integer) && !args[0].is(value_kind::floating) && !args[0].is(value_kind::boolean))
                raise_unsupported("loop.call_at() with a time that is not a number");
            when = args[0];
        }
        // heapq orders a NaN deadline by where it lands, not by value
        if (when && when->is(value_kind::floating) && std::isnan(when->f)) raise_unsupported("a timer due at NaN");
        if (loop->closed) raise_loop_closed(name);
        value function = args[lead - 1];
        std::vector<value> rest(std::make_move_iterator(args.begin() + static_cast<std::ptrdiff_t>(lead)), std::make_move_iterator(args.end()));
        charge_work(rest.size());
        return value::of(value_kind::handle, schedule_user_callback(*loop, std::move(function), std::move(rest), when));
    }

    // ---- a handle's cancel, cancelled, when ----
    if (b.self.is(value_kind::handle)) {
        auto& h = b.self.as<handle>();
        python_arguments(h.is_timer && name != "cancelled" ? "TimerHandle" : "Handle", 0);
        if (name == "cancel") {
            cancel_user_handle(h);
            return value::none();
        }
        if (name == "cancelled") return value::boolean(h.cancelled);
        return h.when_value;  // when
    }

    // ---- a future's (and a task's) ----
    auto fut = static_ref_cast<future_object>(b.self.obj);
    const std::string_view type = type_name_of_future(*fut);
    if (name == "__await__" || name == "__iter__") {
        // Future.__await__(): its FutureIter, for `yield from` (yield_from_step)
        if (!kwargs.empty()) raise_error("TypeError", "wrapper " + name + "() takes no keyword arguments");
        if (!args.empty()) raise_error("TypeError", "expected 0 arguments, got " + std::to_string(args.size()));
        auto it = make_ref<iterator_object>();
        it->source = value::of(value_kind::future, fut);
        return value::of(value_kind::iterator, it);
    }
    if (name == "set_result" || name == "set_exception") {
        c_arguments(type, 1);
        if (fut->is_task()) raise_error("RuntimeError", "Task does not support " + name + " operation");
        if (fut->done()) raise_error("InvalidStateError", "invalid state");
        if (name == "set_result") {
            future_set_result(fut, args[0]);
            return value::none();
        }
        value exc = args[0];
        if (exc.is(value_kind::exception_type)) {
            // An exception class: its instance, made by calling it (the program's __init__ runs)
            exc = call_sync(exc, {});
            if (fut->done()) raise_error("InvalidStateError", "invalid state");
        } else if (exc.is(value_kind::class_type)) {
            raise_error("TypeError", "invalid exception object");
        }
        if (!exc.is(value_kind::exception)) raise_error("TypeError", "invalid exception object");
        if (exc.as<exception_object>().type->name == "StopIteration" && !exc.as<exception_object>().type->in_main)
            raise_error("TypeError", "StopIteration interacts badly with generators and cannot be raised into a Future");
        future_set_exception(fut, std::move(exc));
        return value::none();
    }
    if (name == "add_done_callback") {
        std::optional<value> context = take_kw("context");
        if (!kwargs.empty()) raise_error("TypeError", "'" + kwargs.front().first + "' is an invalid keyword argument for add_done_callback()");
        if (args.size() != 1)
            raise_error("TypeError", "add_done_callback() takes exactly 1 positional argument (" + std::to_string(args.size()) + " given)");
        if (context && !context->is(value_kind::none)) raise_unsupported("add_done_callback(context=...)");
        add_done_callback(fut, callback{callback_kind::user, nullptr, nullptr, args[0], &config_.file_name});
        return value::none();
    }
    if (name == "remove_done_callback") {
        c_arguments(type, 1);
        // Compared with == (a bound method equals another of the same function and object), on a copy:
        // the program's __eq__ may add callbacks, remove them or finish the future meanwhile
        const std::vector<callback> before = fut->callbacks;
        charge_work(before.size());
        std::int64_t removed = 0;
        std::vector<callback> kept;
        for (const auto& cb : before) {
            if (cb.kind == callback_kind::user && (cb.function.obj == args[0].obj || equals(cb.function, args[0]))) ++removed;
            else kept.push_back(cb);
        }
        if (fut->done()) return value::integer(removed);  // its callbacks are scheduled already
        // Those added while comparing stay, after the ones kept
        auto& now = fut->callbacks;
        if (now.size() > before.size()) kept.insert(kept.end(), now.begin() + static_cast<std::ptrdiff_t>(before.size()), now.end());
        now = std::move(kept);
        return value::integer(removed);
    }
    if (name == "get_loop") {
        c_arguments(type, 0);
        auto loop = fut->loop.lock();
        if (!loop) raise_unsupported("the loop of a future whose loop is gone");
        return value::of(value_kind::loop, loop);
    }
    // Task.cancelling(), Task.uncancel()
    c_arguments(type, 0);
    auto& task = static_cast<task_object&>(*fut);
    if (name == "uncancel" && task.num_cancels_requested > 0) --task.num_cancels_requested;
    return value::integer(task.num_cancels_requested);
}

} // namespace loopscope::engine
