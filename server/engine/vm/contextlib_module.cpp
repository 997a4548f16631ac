// The contextlib module, as much of it as the engine models: @contextmanager (its helper, and the
// _GeneratorContextManager that drives a generator through a `with`), suppress, nullcontext and
// closing, as CPython 3.11's Lib/contextlib.py writes them: the same checks, the same exceptions, and
// in a traceback the same frames of contextlib.py (Debian 12's python3.11, as the asyncio frames are).
// The rest (asynccontextmanager, ExitStack, redirect_stdout …) is refused by name before a run.
#include "contextlib_module.hpp"

#include "classes.hpp"
#include "code.hpp"
#include "dicts.hpp"
#include "functools_module.hpp"
#include "runtime.hpp"

namespace loopscope::engine {

bool contextlib_has(std::string_view name)
{
    return name == "contextmanager" || name == "asynccontextmanager" || name == "suppress" || name == "nullcontext" || name == "closing" ||
           name == "_GeneratorContextManager" || name == "_AsyncGeneratorContextManager";
}

const char* context_manager_type_name(context_manager_object::kind what)
{
    switch (what) {
    case context_manager_object::kind::generator: return "_GeneratorContextManager";
    case context_manager_object::kind::async_generator: return "_AsyncGeneratorContextManager";
    case context_manager_object::kind::suppress: return "suppress";
    case context_manager_object::kind::nullcontext: return "nullcontext";
    case context_manager_object::kind::closing: return "closing";
    }
    return "";
}

std::string context_manager_object::repr_text() const
{
    return std::string("<contextlib.") + context_manager_type_name(what) + " object at " + object_address(this) + ">";
}

namespace {

using kind = context_manager_object::kind;
using keywords = std::vector<std::pair<std::string, value>>;

// A frame of contextlib.py in an exception's traceback (innermost first: pushed as it leaves the frame)
// standing at `expression` of its line (the whole line when not given)
void add_frame(const value& exc, const char* function, int line, const char* source, const char* expression = nullptr)
{
    exc.as<exception_object>().traceback.push_back(library_frame(function, line, "/usr/lib/python3.11/contextlib.py", source, expression ? expression : ""));
}

[[noreturn]] void raise_runtime_error(const char* message, const char* function, int line, const char* source)
{
    value exc = make_error("RuntimeError", message);
    add_frame(exc, function, line, source);
    throw python_error{std::move(exc)};
}

bool same_object(const value& a, const value& b) { return a.obj && a.obj == b.obj; }

// The first __enter__ (__aenter__): del self.args, self.kwds, self.func; a second one finds them gone
void forget_arguments(context_manager_object& cm, const char* function, int line)
{
    if (cm.entered) {
        value error = make_error("AttributeError", std::string("'") + context_manager_type_name(cm.what) + "' object has no attribute 'args'");
        add_frame(error, function, line, "del self.args, self.kwds, self.func", "self.args");
        throw python_error{std::move(error)};
    }
    cm.entered = true;
    cm.func = cm.args = cm.kwds = value::none();
}

// gen.throw(typ, value, traceback) (athrow) checks its third argument first
void check_traceback_argument(const value& traceback, const char* function, int line, const char* source)
{
    if (traceback.is(value_kind::none) || traceback.is(value_kind::traceback)) return;
    value error = make_error("TypeError", "throw() third argument must be a traceback object");
    add_frame(error, function, line, source);
    throw python_error{std::move(error)};
}

} // namespace

value runtime::new_context_manager(kind what, std::vector<value>& args, keywords& kwargs)
{
    auto cm = make_ref<context_manager_object>();
    cm->what = what;
    value result = value::of(value_kind::context_manager, cm);
    remember_container(cm);  // what it holds may hold it
    switch (what) {
    case kind::suppress:
        // __init__(self, *exceptions)
        if (!kwargs.empty()) raise_error("TypeError", "suppress.__init__() got an unexpected keyword argument '" + kwargs.front().first + "'");
        cm->held = value::tuple(std::move(args));
        break;
    case kind::nullcontext: cm->held = bind_method_call({"nullcontext.__init__", {"self", "enter_result"}, {value::none()}}, result, args, kwargs)[1]; break;
    case kind::closing: cm->held = bind_method_call({"closing.__init__", {"self", "thing"}, {}}, result, args, kwargs)[1]; break;
    case kind::generator:
    case kind::async_generator: {
        std::vector<value> bound = bind_method_call({"_GeneratorContextManagerBase.__init__", {"self", "func", "args", "kwds"}, {}}, result, args, kwargs);
        cm->func = bound[1];
        cm->args = bound[2];
        cm->kwds = bound[3];
        // self.gen = func(*args, **kwds)
        if (!cm->args.is(value_kind::tuple) || !cm->kwds.is(value_kind::dict)) raise_unsupported("_GeneratorContextManager() with arguments that are not a tuple and a dict");
        keywords named;
        for (const auto& e : cm->kwds.as<dict_object>().entries) {
            if (e.key.is_unbound()) continue;
            if (!e.key.is(value_kind::string)) raise_error("TypeError", "keywords must be strings");
            named.emplace_back(e.key.as<string_object>().s, e.item);
        }
        try {
            cm->gen = call_sync(cm->func, cm->args.as<sequence_object>().items, std::move(named));
        } catch (const python_error& e) {
            add_frame(e.exc, "__init__", 105, "self.gen = func(*args, **kwds)", "func(*args, **kwds)");
            throw;
        }
        break;
    }
    }
    return result;
}

value runtime::call_contextlib(contextlib_role role, const builtin_object& b, std::vector<value>& args, keywords& kwargs)
{
    switch (role) {
    case contextlib_role::type: {
        const std::string& name = b.name;
        const kind what = name == "contextlib.suppress"                        ? kind::suppress
                          : name == "contextlib.nullcontext"                   ? kind::nullcontext
                          : name == "contextlib.closing"                       ? kind::closing
                          : name == "contextlib._AsyncGeneratorContextManager" ? kind::async_generator
                                                                               : kind::generator;
        return new_context_manager(what, args, kwargs);
    }
    case contextlib_role::contextmanager:
    case contextlib_role::asynccontextmanager: {
        // def contextmanager(func): @wraps(func) def helper(*args, **kwds): ...; return helper
        const bool is_async = role == contextlib_role::asynccontextmanager;
        const char* const decorator = is_async ? "asynccontextmanager" : "contextmanager";
        const value func = bind_arguments(*python_signature(decorator, {"func"}, {}), std::move(args), kwargs).at(0);
        std::string qualname = std::string(decorator) + ".<locals>.helper";
        try {
            value q = load_attribute(func, "__qualname__");
            if (q.is(value_kind::string)) qualname = q.as<string_object>().s;
        } catch (const python_error&) {
            // wraps() leaves what the wrapped lacks as the helper's own
        }
        value helper = make_builtin(contextlib_builtin_id(is_async ? contextlib_role::async_helper : contextlib_role::helper), qualname, func);
        helper.as<builtin_object>().python_function = true;
        return helper;
    }
    case contextlib_role::helper:
    case contextlib_role::async_helper: {
        // helper(*args, **kwds): return _GeneratorContextManager(func, args, kwds)
        const bool is_async = role == contextlib_role::async_helper;
        value dict = make_dict();
        for (auto& [key, v] : kwargs) store_subscript(dict, value::string(key), std::move(v));
        kwargs.clear();
        std::vector<value> init{b.self, value::tuple(std::move(args)), std::move(dict)};
        try {
            return new_context_manager(is_async ? kind::async_generator : kind::generator, init, kwargs);
        } catch (const python_error& e) {
            if (!e.exc.as<exception_object>().traceback.empty() && e.exc.as<exception_object>().traceback.back().function == "__init__") {
                if (is_async) add_frame(e.exc, "helper", 334, "return _AsyncGeneratorContextManager(func, args, kwds)", "_AsyncGeneratorContextManager(func, args, kwds)");
                else add_frame(e.exc, "helper", 289, "return _GeneratorContextManager(func, args, kwds)", "_GeneratorContextManager(func, args, kwds)");
            }
            throw;
        }
    }
    case contextlib_role::method: break;
    }
    auto& cm = b.self.as<context_manager_object>();
    if (b.name == "__aenter__" || b.name == "__aexit__") return async_cm_method(b, args, kwargs);
    const bool enter = b.name == "__enter__";
    const std::string qualname = std::string(context_manager_type_name(cm.what)) + "." + b.name;
    switch (cm.what) {
    case kind::async_generator: break;  // only __aenter__ and __aexit__
    case kind::generator:
        if (enter) {
            bind_method_call({qualname.c_str(), {"self"}, {}}, b.self, args, kwargs);
            return generator_cm_enter(b.self);
        } else {
            std::vector<value> bound = bind_method_call({qualname.c_str(), {"self", "typ", "value", "traceback"}, {}}, b.self, args, kwargs);
            return generator_cm_exit(b.self, bound[1], bound[2], bound[3]);
        }
    case kind::suppress:
        if (enter) {
            bind_method_call({qualname.c_str(), {"self"}, {}}, b.self, args, kwargs);
            return value::none();
        } else {
            // return exctype is not None and issubclass(exctype, self._exceptions)
            std::vector<value> bound = bind_method_call({qualname.c_str(), {"self", "exctype", "excinst", "exctb"}, {}}, b.self, args, kwargs);
            if (bound[1].is(value_kind::none)) return value::boolean(false);
            const value issubclass = builtin_function("issubclass");
            try {
                return call_sync(issubclass, {bound[1], cm.held});
            } catch (const python_error& e) {
                add_frame(e.exc, "__exit__", 444, "return exctype is not None and issubclass(exctype, self._exceptions)", "issubclass(exctype, self._exceptions)");
                throw;
            }
        }
    case kind::nullcontext:
    case kind::closing:
        if (enter) {
            bind_method_call({qualname.c_str(), {"self"}, {}}, b.self, args, kwargs);
            return cm.held;
        }
        // __exit__(self, *excinfo)
        if (!kwargs.empty()) raise_error("TypeError", qualname + "() got an unexpected keyword argument '" + kwargs.front().first + "'");
        if (cm.what == kind::closing) {
            try {
                const value close = load_attribute(cm.held, "close");
                call_sync(close, {});
            } catch (const python_error& e) {
                add_frame(e.exc, "__exit__", 348, "self.thing.close()");
                throw;
            }
        }
        return value::none();
    }
    return value::none();
}

// _GeneratorContextManager.__enter__: del self.args, self.kwds, self.func; return next(self.gen), a
// generator that does not yield being a RuntimeError.
value runtime::generator_cm_enter(const value& self)
{
    auto& cm = self.as<context_manager_object>();
    forget_arguments(cm, "__enter__", 135);
    value stop;
    try {
        bool exhausted = false;
        value item = next_of(cm.gen, exhausted);
        if (!exhausted) return item;
        stop = make_error("StopIteration", "");
    } catch (const python_error& e) {
        if (!is_instance_of(e.exc, "StopIteration")) {
            add_frame(e.exc, "__enter__", 137, "return next(self.gen)", "next(self.gen)");
            throw;
        }
        stop = e.exc;
    }
    // raise RuntimeError("generator didn't yield") from None, while the StopIteration is handled
    value error = make_error("RuntimeError", "generator didn't yield");
    auto& exc = error.as<exception_object>();
    exc.context = stop;
    exc.rare_for_writing().suppress_context = true;
    add_frame(error, "__enter__", 139, "raise RuntimeError(\"generator didn't yield\") from None");
    throw python_error{std::move(error)};
}

// _GeneratorContextManager.__exit__: the generator finishes (no exception in the block) or is thrown
// the block's exception, which it may handle (the with statement goes on), let out (the same exception:
// its traceback as it came in), or turn into another.
value runtime::generator_cm_exit(const value& self, const value& type, value exc, const value& traceback)
{
    const value gen = self.as<context_manager_object>().gen;
    if (type.is(value_kind::none)) {
        bool exhausted = false;
        try {
            value copy = gen;
            next_of(copy, exhausted);
        } catch (const python_error& e) {
            if (is_instance_of(e.exc, "StopIteration")) return value::boolean(false);
            add_frame(e.exc, "__exit__", 144, "next(self.gen)");
            throw;
        }
        if (exhausted) return value::boolean(false);
        raise_runtime_error("generator didn't stop", "__exit__", 148, "raise RuntimeError(\"generator didn't stop\")");
    }
    if (exc.is(value_kind::none)) exc = call_sync(type, {});
    check_traceback_argument(traceback, "__exit__", 155, "self.gen.throw(typ, value, traceback)");
    // What throw() adds to the exception's traceback is taken off again when the same exception comes out
    const std::size_t depth = exc.is(value_kind::exception) ? exc.as<exception_object>().traceback.size() : 0;
    auto as_it_came = [depth](const value& e) {
        auto& tb = e.as<exception_object>().traceback;
        if (tb.size() > depth) tb.resize(depth);
        return value::boolean(false);
    };
    try {
        // self.gen.throw(typ, value, traceback)
        bool exhausted = false;
        if (gen.is(value_kind::generator)) {
            auto& g = gen.as<generator_object>();
            if (exc.is(value_kind::exception) && type.is(value_kind::exception_type) &&
                exc.as<exception_object>().type->is_subclass_of(type.as<exception_type_object>())) {
                resume_generator(g, exhausted, value::none(), exc);
            } else {
                std::vector<value> thrown{type, exc};
                generator_throw(g, thrown, exhausted);
            }
        } else {
            call_sync(load_attribute(gen, "throw"), {type, exc, value::none()});
        }
        // A generator that returned raised a StopIteration of its own: not the exception, so suppressed
        if (exhausted) return value::boolean(true);
    } catch (const python_error& e) {
        const bool same = same_object(e.exc, exc);
        if (is_instance_of(e.exc, "StopIteration")) return value::boolean(!same);
        if (same) return as_it_came(e.exc);
        // A StopIteration thrown in and turned into a RuntimeError by the generator (PEP 479)
        if (is_instance_of(e.exc, "RuntimeError") && is_instance_of(exc, "StopIteration") && same_object(e.exc.as<exception_object>().cause(), exc))
            return as_it_came(exc);
        add_frame(e.exc, "__exit__", 155, "self.gen.throw(typ, value, traceback)");
        throw;
    }
    raise_runtime_error("generator didn't stop after throw()", "__exit__", 190, "raise RuntimeError(\"generator didn't stop after throw()\")");
}

// An attribute of a context manager: its methods bound, and the instance attributes CPython's __init__ sets.
value runtime::context_manager_attribute(const value& obj, const std::string& name, bool& found)
{
    found = true;
    const auto& cm = obj.as<context_manager_object>();
    if (std::optional<value> method = context_manager_special(obj, name.c_str())) return *method;
    switch (cm.what) {
    case kind::generator:
    case kind::async_generator:
        if (name == "gen") return cm.gen;
        if (name == "func" || name == "args" || name == "kwds") {
            if (cm.entered) raise_error("AttributeError", std::string("'") + context_manager_type_name(cm.what) + "' object has no attribute '" + name + "'");
            return name == "func" ? cm.func : name == "args" ? cm.args : cm.kwds;
        }
        break;
    case kind::suppress:
        if (name == "_exceptions") return cm.held;
        break;
    case kind::nullcontext:
        if (name == "enter_result") return cm.held;
        break;
    case kind::closing:
        if (name == "thing") return cm.held;
        break;
    }
    found = false;
    return {};
}

// `with` and `async with` look __enter__/__exit__ up on the type: a nullcontext has __aenter__ and
// __aexit__ too (coroutines), which the engine does not make.
std::optional<value> runtime::context_manager_special(const value& obj, const char* name)
{
    const std::string_view n = name;
    const kind what = obj.as<context_manager_object>().what;
    const bool is_async = n == "__aenter__" || n == "__aexit__";
    if (!is_async && n != "__enter__" && n != "__exit__") return std::nullopt;
    // nullcontext is both; an @asynccontextmanager's manager only asynchronous, the others only not
    if (what != kind::nullcontext && is_async != (what == kind::async_generator)) return std::nullopt;
    return make_builtin(contextlib_builtin_id(contextlib_role::method), name, obj);
}

// __aenter__() and __aexit__(): coroutines, done when awaited. nullcontext's are done at once; an
// @asynccontextmanager's run its generator (resume_async_generator_cm).
value runtime::async_cm_method(const builtin_object& b, std::vector<value>& args, keywords& kwargs)
{
    auto& cm = b.self.as<context_manager_object>();
    const bool enter = b.name == "__aenter__";
    const std::string qualname = std::string(context_manager_type_name(cm.what)) + "." + b.name;
    auto coro = make_ref<coroutine_object>();
    coro->name = qualname;
    coro->owner = this;
    coro->owner_alive = alive_;
    coro->created_line = running_ && !running_->frames.empty() ? running_->frames.back()->line : 0;
    if (cm.what == kind::nullcontext) {
        if (enter) bind_method_call({qualname.c_str(), {"self"}, {}}, b.self, args, kwargs);
        else if (!kwargs.empty()) raise_error("TypeError", qualname + "() got an unexpected keyword argument '" + kwargs.front().first + "'");
        coro->native = coroutine_object::native_kind::no_op;
        if (enter) coro->sleep_result = cm.held;
        return value::of(value_kind::coroutine, coro);
    }
    // What the coroutine does is done when it is awaited (resume_async_generator_cm), as CPython's body
    if (enter) {
        bind_method_call({qualname.c_str(), {"self"}, {}}, b.self, args, kwargs);
        coro->native = coroutine_object::native_kind::agen_cm_enter;
        coro->arguments = {b.self};
    } else {
        std::vector<value> bound = bind_method_call({qualname.c_str(), {"self", "typ", "value", "traceback"}, {}}, b.self, args, kwargs);
        coro->native = coroutine_object::native_kind::agen_cm_exit;
        coro->arguments = {b.self, bound[1], bound[2], bound[3]};
    }
    return value::of(value_kind::coroutine, coro);
}

namespace {

using step_kind = async_generator_object::cm_step_kind;

// raise RuntimeError(message) from None, while `stop` (StopAsyncIteration) is handled
[[noreturn]] void raise_from_none(const char* message, value stop, const char* function, int line, const char* source)
{
    value error = make_error("RuntimeError", message);
    auto& exc = error.as<exception_object>();
    exc.context = std::move(stop);
    exc.rare_for_writing().suppress_context = true;
    add_frame(error, function, line, source);
    throw python_error{std::move(error)};
}

} // namespace

// Awaiting an @asynccontextmanager's __aenter__() or __aexit__(): the generator's frame joins the
// awaiting context, as for anext(), with what its yield evaluates to (None) or the exception thrown in
// at it (athrow); how it stops is taken in agen_cm_yielded_in_exit, agen_cm_returned, agen_cm_raised.
runtime::await_step runtime::resume_async_generator_cm(exec_context& ctx, frame& f, coroutine_object& awaitable)
{
    awaitable.state = coroutine_object::state_kind::closed;
    const bool enter = awaitable.native == coroutine_object::native_kind::agen_cm_enter;
    const value self = std::move(awaitable.arguments[0]);
    auto& cm = self.as<context_manager_object>();
    value type, exc, traceback;
    if (!enter) {
        type = std::move(awaitable.arguments[1]);
        exc = std::move(awaitable.arguments[2]);
        traceback = std::move(awaitable.arguments[3]);
    }
    awaitable.arguments.clear();
    if (enter) forget_arguments(cm, "__aenter__", 202);
    // anext(self.gen) and self.gen.athrow(...) of an asynchronous generator
    if (!cm.gen.is(value_kind::async_generator))
        raise_unsupported("an @asynccontextmanager whose function does not return an asynchronous generator");
    auto agen = static_ref_cast<async_generator_object>(cm.gen.obj);
    agen_init_hooks(*agen);
    const bool throwing = !enter && !type.is(value_kind::none);
    if (throwing) {
        if (exc.is(value_kind::none)) exc = call_sync(type, {});
        if (!exc.is(value_kind::exception)) raise_unsupported("__aexit__() of an @asynccontextmanager given something that is not an exception");
        check_traceback_argument(traceback, "__aexit__", 222, "await self.gen.athrow(typ, value, traceback)");
    }
    if (agen->running)
        raise_error("RuntimeError", std::string(throwing ? "athrow()" : "anext()") + ": asynchronous generator is already running");
    if (agen->finished) {
        if (throwing) raise_unsupported("__aexit__() of an @asynccontextmanager whose generator has finished");
        if (enter)
            raise_from_none("generator didn't yield", make_error("StopAsyncIteration", ""), "__aenter__", 206,
                            "raise RuntimeError(\"generator didn't yield\") from None");
        f.stack.push_back(value::boolean(false));  // anext() raised StopAsyncIteration: return False
        return await_step::value_ready;
    }
    event e = make_event(event_kind::await_begin);
    e.on = "coroutine";
    e.target = agen->qualname;
    emit(e);
    agen_leaves_cleanup_block(*agen);
    agen->cm_step = enter ? step_kind::enter : throwing ? step_kind::exit_throw : step_kind::exit_next;
    auto callee = std::move(agen->suspended);
    if (agen->started && !throwing) callee->stack.push_back(value::none());
    callee->agen = agen;
    agen->started = true;
    agen->running = true;
    push_frame(ctx, std::move(callee));
    if (throwing) {
        // Raised at the yield it stopped at, in its frame (the innermost now)
        agen->cm_thrown = exc;
        agen->cm_depth = exc.as<exception_object>().traceback.size();
        throw python_error{std::move(exc)};
    }
    return await_step::pushed_frame;
}

// The generator yielded again inside __aexit__
void runtime::agen_cm_yielded_in_exit(async_generator_object& agen)
{
    if (agen.cm_step == step_kind::aclose) {
        agen.cm_step = step_kind::none;
        value error = make_error("RuntimeError", "async generator ignored GeneratorExit");
        event e = make_event(event_kind::await_end);
        const error_info error_text = error_info_of(error.as<exception_object>());
        e.error = &error_text;
        emit(e);
        throw python_error{std::move(error)};
    }
    const bool thrown = agen.cm_step == step_kind::exit_throw;
    agen.cm_step = step_kind::none;
    agen.cm_thrown = value::none();
    value error = make_error("RuntimeError", thrown ? "generator didn't stop after athrow()" : "generator didn't stop");
    if (thrown) add_frame(error, "__aexit__", 257, "raise RuntimeError(\"generator didn't stop after athrow()\")");
    else add_frame(error, "__aexit__", 215, "raise RuntimeError(\"generator didn't stop\")");
    event e = make_event(event_kind::await_end);
    const error_info error_text = error_info_of(error.as<exception_object>());
    e.error = &error_text;
    emit(e);
    throw python_error{std::move(error)};
}

// The generator returned (anext() or athrow() raised StopAsyncIteration)
void runtime::agen_cm_returned(exec_context& ctx, async_generator_object::cm_step_kind step, value given)
{
    if (step == step_kind::aclose) given = value::none();  // aclose(): done
    if (step == step_kind::anext_default || step == step_kind::aclose) {
        event e = make_event(event_kind::await_end);
        const std::string result_text = event_repr(given);
        e.result = result_text;
        emit(e);
        ctx.frames.back()->stack.push_back(std::move(given));
        return;
    }
    if (step == step_kind::enter) {
        value stop = make_error("StopAsyncIteration", "");
        event e = make_event(event_kind::await_end);
        const error_info error_text = error_info{"RuntimeError", "generator didn't yield", ctx.frames.back()->line};
        e.error = &error_text;
        emit(e);
        raise_from_none("generator didn't yield", std::move(stop), "__aenter__", 206, "raise RuntimeError(\"generator didn't yield\") from None");
    }
    // __aexit__: False after anext(); after athrow() the StopAsyncIteration is not the exception: True
    const value result = value::boolean(step == step_kind::exit_throw);
    event e = make_event(event_kind::await_end);
    const std::string result_text = event_repr(result);
    e.result = result_text;
    emit(e);
    ctx.frames.back()->stack.push_back(result);
}

// An exception came out of the generator: true when __aexit__ returns False with it (the exception
// it threw in, its traceback as it came), false when it goes on into the awaiting frame
bool runtime::agen_cm_raised(exec_context& ctx, async_generator_object::cm_step_kind step, const value& exc, const value& thrown, std::size_t depth)
{
    if (step == step_kind::anext_default) return false;  // anext()'s default is for its end only
    if (step == step_kind::aclose) {
        // aclose() is done when GeneratorExit (or StopAsyncIteration) comes out; another error is raised
        if (!is_instance_of(exc, "GeneratorExit") && !is_instance_of(exc, "StopAsyncIteration")) return false;
        event e = make_event(event_kind::await_end);
        const std::string result_text = event_repr(value::none());
        e.result = result_text;
        emit(e);
        ctx.frames.back()->stack.push_back(value::none());
        return true;
    }
    if (step == step_kind::enter) {
        add_frame(exc, "__aenter__", 204, "return await anext(self.gen)", "await anext(self.gen)");
        return false;
    }
    if (step == step_kind::exit_next) {
        add_frame(exc, "__aexit__", 211, "await anext(self.gen)");
        return false;
    }
    const value* restore = nullptr;
    if (same_object(exc, thrown)) restore = &exc;
    else if (is_instance_of(exc, "RuntimeError") && (is_instance_of(thrown, "StopIteration") || is_instance_of(thrown, "StopAsyncIteration")) &&
             same_object(exc.as<exception_object>().cause(), thrown))
        restore = &thrown;
    if (!restore) {
        add_frame(exc, "__aexit__", 222, "await self.gen.athrow(typ, value, traceback)");
        return false;
    }
    auto& tb = restore->as<exception_object>().traceback;
    if (tb.size() > depth) tb.resize(depth);
    event e = make_event(event_kind::await_end);
    const std::string result_text = event_repr(value::boolean(false));
    e.result = result_text;
    emit(e);
    ctx.frames.back()->stack.push_back(value::boolean(false));
    return true;
}

async_generator_object::~async_generator_object()
{
    if (!(!finished && owner && owner_alive && *owner_alive)) return;
    if (hooks_inited && !closed_by_aclose) owner->park_dropped_async_generator(*this);
    else if (stopped_in_cleanup_block) owner->on_generator_dropped(true);
}

} // namespace loopscope::engine
