// The bytecode interpreter: runs one execution context (the module, or a task's chain of
// coroutines) until it finishes, yields to the event loop, blocks, or spends its step budget.
#include "runtime.hpp"
#include "library.hpp"
#include "functools_module.hpp"
#include "classes.hpp"
#include "json_module.hpp"
#include "sets.hpp"

#include <sys/resource.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include "integers.hpp"

namespace loopscope::engine {

namespace {

// OSError(errno, strerror[, filename[, winerror[, filename2]]]) as CPython builds it: OSError itself
// becomes the subclass its errno names (OSError(2, 'x') is a FileNotFoundError), and the filenames
// leave args for the exception's own fields, which its str() shows.
void shape_os_error(exception_object& e, std::vector<value>& args)
{
    thread_local const auto os_error = builtin_exception_type("OSError");
    if (args.size() < 2 || args.size() > 5 || !e.type->is_subclass_of(*os_error)) return;
    if (e.type == os_error && ((args[0].is(value_kind::integer) && !args[0].obj) || args[0].is(value_kind::boolean))) {
        const char* subclass = nullptr;
        switch (args[0].is(value_kind::boolean) ? std::int64_t{args[0].b} : args[0].i) {
        case EPERM: case EACCES: subclass = "PermissionError"; break;
        case ENOENT: subclass = "FileNotFoundError"; break;
        case ESRCH: subclass = "ProcessLookupError"; break;
        case EINTR: subclass = "InterruptedError"; break;
        case ECHILD: subclass = "ChildProcessError"; break;
        case EAGAIN: case EALREADY: case EINPROGRESS: subclass = "BlockingIOError"; break;
        case EEXIST: subclass = "FileExistsError"; break;
        case ENOTDIR: subclass = "NotADirectoryError"; break;
        case EISDIR: subclass = "IsADirectoryError"; break;
        case EPIPE: case ESHUTDOWN: subclass = "BrokenPipeError"; break;
        case ECONNABORTED: subclass = "ConnectionAbortedError"; break;
        case ECONNRESET: subclass = "ConnectionResetError"; break;
        case ETIMEDOUT: subclass = "TimeoutError"; break;
        case ECONNREFUSED: subclass = "ConnectionRefusedError"; break;
        default: break;
        }
        if (subclass) e.type = builtin_exception_type(subclass);
    }
    // A filename of None is no filename: args stay whole, and filename2 counts only after a filename.
    if (args.size() < 3 || args[2].is(value_kind::none)) return;
    // BlockingIOError's third argument, a number, is characters_written, not a filename.
    thread_local const auto blocking = builtin_exception_type("BlockingIOError");
    if (e.type == blocking && (args[2].is(value_kind::integer) || args[2].is(value_kind::boolean))) return;
    if (e.type == blocking && args[2].is(value_kind::floating)) raise_error("TypeError", "'float' object cannot be interpreted as an integer");
    e.rare_for_writing().filename = args[2];
    if (args.size() == 5 && !args[4].is(value_kind::none)) e.rare_for_writing().filename2 = args[4];
    args.resize(2);
}


value pop(frame& f)
{
    value v = std::move(f.stack.back());
    f.stack.pop_back();
    return v;
}

std::vector<value> pop_n(frame& f, std::size_t n)
{
    std::vector<value> out(std::make_move_iterator(f.stack.end() - static_cast<std::ptrdiff_t>(n)),
                           std::make_move_iterator(f.stack.end()));
    f.stack.resize(f.stack.size() - n);
    return out;
}

void clear_frame(frame& f)
{
    // CPython clears a finished frame's locals in slot order; never-awaited warnings follow it.
    for (auto& l : f.locals) l = value{};
    f.stack.clear();
    f.blocks.clear();
    f.return_value = value{};
}

// What a cleared frame still holds, let go in the order its destructor would (members last declared
// first), so that a frame kept for the next call leaves nothing alive that destroying it would not.
void empty_frame(frame& f)
{
    f.wait_iter = value{};
    f.sleep_result = value{};
    f.wait_timer.reset();
    f.wait_future.reset();
    f.waiting = wait_state::none;
    f.constructing = value{};
    f.cache_key = value{};
    f.caching.reset();
    f.through_c_call = false;
    f.defining_class.reset();
    f.building_class.reset();
    f.pc = 0;
    f.line = 0;
    f.free.clear();
    f.locals.clear();
    f.coro.reset();
    f.code.reset();
}

} // namespace

std::unique_ptr<frame> runtime::new_frame()
{
    if (spare_frames_.empty()) {
        auto f = std::make_unique<frame>();
        f->stack.reserve(8);  // room for most functions' expressions: the stack seldom grows again
        return f;
    }
    auto f = std::move(spare_frames_.back());
    spare_frames_.pop_back();
    return f;
}

std::size_t runtime::call_depth(const exec_context& ctx) const
{
    // A task's coroutine runs under CPython's own frames (asyncio.run, Runner.run, run_until_complete,
    // run_forever, _run_once, Handle._run and the C calls of a task's step) and the module's: 9 levels
    // that plain recursion inside a task reaches the limit sooner by.
    constexpr std::size_t task_base_depth = 9;
    // A loop callback's function runs one level higher: Handle._run calls it through Context.run
    constexpr std::size_t callback_base_depth = 8;
    const std::size_t base = &ctx == running_ && running_ != &main_ ? (running_ == &callback_context_ ? callback_base_depth : task_base_depth) : 0;
    return frames_below_ + ctx.frames.size() + ctx.c_calls + base;
}

void runtime::push_frame(exec_context& ctx, std::unique_ptr<frame> f)
{
    if (call_depth(ctx) >= config_.max_call_depth) raise_error("RecursionError", "maximum recursion depth exceeded");
    ctx.frames.push_back(std::move(f));
}

namespace {

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'", as CPython lists missing arguments.
std::string name_list(const std::vector<std::string>& names)
{
    std::string list;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (k) list += names.size() == 2 ? " and " : (k + 1 == names.size() ? ", and " : ", ");
        list += "'" + names[k] + "'";
    }
    return list;
}

// As CPython's _PyObject_FunctionStr names a function in call errors: "__main__.f", its __module__ and __qualname__
std::string function_str(const function_object& f)
{
    if (!f.ns) return "__main__." + f.qualname();
    const value& module = f.ns->module;
    if (module.is(value_kind::string) && module.as<string_object>().s != "builtins") return module.as<string_object>().s + "." + f.qualname();
    return f.qualname();
}

} // namespace

// Arguments to a function's locals as CPython's ceval binds them, with its errors.
std::vector<value> runtime::bind_method_call(method_signature signature, const value& self, std::vector<value>& args,
                                            std::vector<std::pair<std::string, value>>& kwargs)
{
    const std::size_t count = signature.params.size();
    auto fn = python_signature(signature.qualname, std::move(signature.params), std::move(signature.defaults));
    if (signature.var_keyword) fn->code->param_count = count - 1;
    fn->code->positional_only = signature.positional_only;
    fn->code->var_keyword = signature.var_keyword;
    std::vector<value> given{self};
    given.insert(given.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
    args.clear();
    auto bound = bind_arguments(*fn, std::move(given), kwargs);
    kwargs.clear();
    return bound;
}

std::vector<value> runtime::bind_arguments(const function_object& fn, std::vector<value> args,
                                           const std::vector<std::pair<std::string, value>>& kwargs)
{
    const code_object& code = *fn.code;
    const std::string& who = fn.qualname().empty() ? fn.name() : fn.qualname();
    const std::size_t npos = code.param_count, nkwonly = code.keyword_only;
    if (kwargs.empty() && args.size() == npos && !code.var_positional && !code.var_keyword && nkwonly == 0) {
        // Every parameter given by position, nothing else to bind: the arguments are the first locals
        args.resize(code.local_names.size(), value::unbound());
        return args;
    }
    std::vector<value> locals(code.local_names.size(), value::unbound());
    const std::size_t var_positional_slot = npos + nkwonly;
    const std::size_t var_keyword_slot = var_positional_slot + (code.var_positional ? 1 : 0);
    // Positional arguments, the extra ones to *args.
    for (std::size_t k = 0; k < std::min(args.size(), npos); ++k) locals[k] = std::move(args[k]);
    if (code.var_positional) {
        std::vector<value> rest;
        if (args.size() > npos) rest.assign(std::make_move_iterator(args.begin() + static_cast<std::ptrdiff_t>(npos)), std::make_move_iterator(args.end()));
        locals[var_positional_slot] = value::tuple(std::move(rest));
    }
    // Keyword arguments, the unknown ones to **kwargs.
    value extra = code.var_keyword ? make_dict() : value{};
    std::vector<std::string> positional_only_by_keyword;
    for (const auto& [name, v] : kwargs) {
        std::size_t k = code.positional_only;
        while (k < npos + nkwonly && code.local_names[k] != name) ++k;
        if (k < npos + nkwonly) {
            if (!locals[k].is_unbound()) raise_error("TypeError", who + "() got multiple values for argument '" + name + "'");
            locals[k] = v;
            continue;
        }
        if (code.var_keyword) {
            store_subscript(extra, value::string(name), v);
            continue;
        }
        bool positional_only = false;
        for (std::size_t j = 0; j < code.positional_only; ++j) positional_only = positional_only || code.local_names[j] == name;
        if (positional_only) {
            positional_only_by_keyword.push_back(name);
            continue;
        }
        raise_error("TypeError", who + "() got an unexpected keyword argument '" + name + "'");
    }
    if (!positional_only_by_keyword.empty()) {
        std::string list;
        for (const auto& n : positional_only_by_keyword) list += (list.empty() ? "" : ", ") + n;
        raise_error("TypeError", who + "() got some positional-only arguments passed as keyword arguments: '" + list + "'");
    }
    // Too many positional arguments: found after the keywords, as CPython finds it (a keyword given
    // twice is named first).
    if (!code.var_positional && args.size() > npos) {
        std::size_t kwonly_given = 0;
        for (const auto& kw : kwargs)
            for (std::size_t k = npos; k < npos + nkwonly; ++k)
                if (code.local_names[k] == kw.first) ++kwonly_given;
        const std::size_t required = npos - fn.defaults.size();
        std::string takes = fn.defaults.empty() ? std::to_string(npos) : "from " + std::to_string(required) + " to " + std::to_string(npos);
        std::string given = std::to_string(args.size());
        if (kwonly_given)
            given += std::string(" positional argument") + (args.size() == 1 ? "" : "s") + " (and " + std::to_string(kwonly_given) +
                     " keyword-only argument" + (kwonly_given == 1 ? "" : "s") + ")";
        raise_error("TypeError", who + "() takes " + takes + " positional argument" + (npos == 1 && fn.defaults.empty() ? "" : "s") + " but " +
                                     given + (args.size() == 1 && !kwonly_given ? " was" : " were") + " given");
    }
    if (code.var_keyword) locals[var_keyword_slot] = std::move(extra);
    // Defaults, then what is still missing.
    const std::size_t first_default = npos - fn.defaults.size();
    std::vector<std::string> missing;
    for (std::size_t k = 0; k < npos; ++k) {
        if (!locals[k].is_unbound()) continue;
        if (k >= first_default) locals[k] = fn.defaults[k - first_default];
        else missing.push_back(code.local_names[k]);
    }
    if (!missing.empty())
        raise_error("TypeError", who + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                     (missing.size() == 1 ? "" : "s") + ": " + name_list(missing));
    for (std::size_t k = 0; k < nkwonly; ++k) {
        value& slot = locals[npos + k];
        if (!slot.is_unbound()) continue;
        if (k < fn.kw_defaults.size() && !fn.kw_defaults[k].is_unbound()) slot = fn.kw_defaults[k];
        else missing.push_back(code.local_names[npos + k]);
    }
    if (!missing.empty())
        raise_error("TypeError", who + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                                     (missing.size() == 1 ? "" : "s") + ": " + name_list(missing));
    return locals;
}

std::unique_ptr<frame> runtime::make_function_frame(const ref<function_object>& fn, std::vector<value> args,
                                                    const std::vector<std::pair<std::string, value>>& kwargs)
{
    auto f = new_frame();
    f->code = fn->code;
    f->locals = bind_arguments(*fn, std::move(args), kwargs);
    f->free = fn->closure;
    f->line = fn->code->first_line;
    f->defining_class = fn->defining_class;
    return f;
}

value runtime::call_value(exec_context& ctx, const value& callee, std::vector<value> args,
                          std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame)
{
    pushed_frame = false;
    switch (callee.kind) {
    case value_kind::function: {
        auto fn = static_ref_cast<function_object>(callee.obj);
        if (fn->code->is_async && fn->code->is_generator) {
            auto g = make_ref<async_generator_object>();
            g->qualname = fn->qualname();
            g->suspended = make_function_frame(fn, std::move(args), kwargs);
            g->owner = this;
            g->owner_alive = alive_;
            remember_container(g);  // its frame may hold it: the run's end clears it
            return value::of(value_kind::async_generator, g);
        }
        if (fn->code->is_async) {
            auto coro = make_ref<coroutine_object>();
            coro->arguments = bind_arguments(*fn, std::move(args), kwargs);
            coro->function = fn;
            coro->name = fn->qualname();
            coro->owner = this;
            coro->owner_alive = alive_;
            const frame* creator = program_frame(&ctx);
            coro->created_line = creator ? creator->line : 0;
            return value::of(value_kind::coroutine, coro);
        }
        if (fn->code->is_generator) {
            auto g = make_ref<generator_object>();
            g->qualname = fn->qualname();
            g->owner = this;
            g->owner_alive = alive_;
            remember_container(g);  // its frame may hold it (a global naming it): the run's end clears it
            g->context.frames.push_back(make_function_frame(fn, std::move(args), kwargs));
            return value::of(value_kind::generator, g);
        }
        push_frame(ctx, make_function_frame(fn, std::move(args), kwargs));
        pushed_frame = true;
        return {};
    }
    case value_kind::builtin:
        try {
            return call_builtin(callee.as<builtin_object>(), args, kwargs);
        } catch (python_error& e) {
            auto& retained = e.exc.as<exception_object>().retained;
            // Not the exception itself (generator.throw(exc) raising exc): it would hold itself alive
            for (auto& a : args)
                if (a.obj != e.exc.obj) retained.push_back(std::move(a));
            for (auto& kw : kwargs)
                if (kw.second.obj != e.exc.obj) retained.push_back(std::move(kw.second));
            throw;
        }
    case value_kind::exception_type: {
        thread_local const auto exception_group_type = builtin_exception_type("BaseExceptionGroup");
        if (callee.obj.get() == json_decode_error_type().get()) return new_json_decode_error(args, kwargs);  // its own __init__
        if (const value* init = exception_method(callee.as<exception_type_object>(), "__init__")) {
            // A program's exception class with an __init__: args are what the call passed (as
            // BaseException.__new__ keeps them), then its __init__ runs on the new exception.
            auto e = make_ref<exception_object>();
            e->type = static_ref_cast<exception_type_object>(callee.obj);
            if (e->type->is_subclass_of(*exception_group_type)) shape_exception_group(*e, args);  // its __new__ first
            e->args = args;
            return run_init(ctx, value::of(value_kind::exception, e), *init, std::move(args), std::move(kwargs), pushed_frame);
        }
        auto e = make_ref<exception_object>();
        e->type = static_ref_cast<exception_type_object>(callee.obj);
        // BaseExceptionGroup.__new__ checks its arguments (and may pick ExceptionGroup) before __init__ refuses keywords
        if (e->type->is_subclass_of(*exception_group_type)) shape_exception_group(*e, args);
        if (!kwargs.empty()) raise_error("TypeError", e->type->name + "() takes no keyword arguments");
        // SyntaxError(msg, (filename, lineno, offset, text)) unpacks its details; not modelled.
        thread_local const auto syntax_error_type = builtin_exception_type("SyntaxError");
        if (e->type->is_subclass_of(*syntax_error_type)) raise_unsupported("constructing " + e->type->name);
        shape_os_error(*e, args);
        e->args = std::move(args);
        return value::of(value_kind::exception, e);
    }
    case value_kind::instance: {
        const value* call = callee.as<instance_object>().cls->lookup("__call__");
        if (!call) raise_error("TypeError", "'" + type_name(callee) + "' object is not callable");
        if (!call->is(value_kind::function)) raise_unsupported("a __call__ that is not a function");
        args.insert(args.begin(), callee);
        const value function = *call;
        return call_value(ctx, function, std::move(args), std::move(kwargs), pushed_frame);
    }
    case value_kind::class_type: return construct(ctx, static_ref_cast<class_object>(callee.obj), std::move(args), std::move(kwargs), pushed_frame);
    case value_kind::method: {
        const auto& m = callee.as<method_object>();
        if (m.function.is(value_kind::none) && m.self.is(value_kind::exception)) {
            // BaseException.__init__: the arguments become args
            if (!kwargs.empty()) raise_error("TypeError", m.self.as<exception_object>().type->name + "() takes no keyword arguments");
            m.self.as<exception_object>().args = std::move(args);
            return value::none();
        }
        if (m.function.is(value_kind::none)) {
            // object.__init__ (super().__init__() where no base defines one)
            if (!args.empty() || !kwargs.empty())
                raise_error("TypeError", "object.__init__() takes exactly one argument (the instance to initialize)");
            return value::none();
        }
        args.insert(args.begin(), m.self);
        const value function = m.function;
        return call_value(ctx, function, std::move(args), std::move(kwargs), pushed_frame);
    }
    case value_kind::partial: {
        // partial_call: its arguments first; its keywords, updated by the call's (a key of both keeps
        // its place and takes the call's value)
        const auto& p = callee.as<partial_object>();
        charge_work(p.args.size() + p.keywords.size());
        if (!p.args.empty()) args.insert(args.begin(), p.args.begin(), p.args.end());
        if (!p.keywords.empty()) {
            std::vector<std::pair<std::string, value>> merged = p.keywords;
            merge_keywords(merged, kwargs);
            kwargs = std::move(merged);
        }
        const value function = p.function;
        return call_value(ctx, function, std::move(args), std::move(kwargs), pushed_frame);
    }
    case value_kind::lru_cache: {
        auto cache = static_ref_cast<lru_cache_object>(callee.obj);
        const value function = cache->function;
        // The wrapper is a C function: entering it is a level of recursion (Py_EnterRecursiveCall)
        if (call_depth(ctx) >= config_.max_call_depth)
            raise_error("RecursionError", "maximum recursion depth exceeded while calling a Python object");
        // The level lasts as long as the function's frame, if the call pushed one
        struct c_level {
            exec_context& ctx;
            bool& pushed;
            explicit c_level(exec_context& c, bool& p) : ctx(c), pushed(p) { ++ctx.c_calls; }
            ~c_level()
            {
                if (pushed) ctx.frames.back()->through_c_call = true;
                else --ctx.c_calls;
            }
        };
        if (cache->maxsize == 0) {
            ++cache->misses;
            c_level level(ctx, pushed_frame);
            return call_value(ctx, function, std::move(args), std::move(kwargs), pushed_frame);
        }
        value key = lru_key(*cache, args, kwargs);
        if (std::optional<value> hit = lru_lookup(*cache, key)) return std::move(*hit);
        value result;
        {
            c_level level(ctx, pushed_frame);
            result = call_value(ctx, function, std::move(args), std::move(kwargs), pushed_frame);
        }
        if (pushed_frame) {
            // A function's frame: its return stores the result (return_from_frame)
            ctx.frames.back()->caching = std::move(cache);
            ctx.frames.back()->cache_key = std::move(key);
            return {};
        }
        lru_store(*cache, key, result);
        return result;
    }
    case value_kind::typing_form: raise_unsupported("calling " + repr(callee));
    case value_kind::context_manager:
        // ContextDecorator.__call__: the manager decorating a function
        if (is_callable(callee)) raise_unsupported("a @contextmanager's or @asynccontextmanager's manager used as a decorator");
        raise_error("TypeError", "'" + type_name(callee) + "' object is not callable");
    default: raise_error("TypeError", "'" + type_name(callee) + "' object is not callable");
    }
}

struct runtime::nested_context_scope {
    runtime& r;
    exec_context* const saved_context;
    const std::size_t saved_below;
    nested_context_scope(runtime& owner, exec_context& nested, std::size_t c_levels)
        : r(owner), saved_context(owner.sync_context_), saved_below(owner.frames_below_)
    {
        const exec_context* caller = r.sync_context_ ? r.sync_context_ : r.running_;
        r.frames_below_ += (caller ? r.call_depth(*caller) - r.frames_below_ : 0) + c_levels;
        r.sync_context_ = &nested;
    }
    ~nested_context_scope()
    {
        r.sync_context_ = saved_context;
        r.frames_below_ = saved_below;
    }
    nested_context_scope(const nested_context_scope&) = delete;
    nested_context_scope& operator=(const nested_context_scope&) = delete;
};

namespace {

// The stack a thread may grow to, less 2 MiB for what runs below the engine and a signal's handler
std::size_t usable_stack_bytes()
{
    static const std::size_t usable = [] {
        rlimit limit{};
        if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::numeric_limits<std::size_t>::max();
        const auto bytes = static_cast<std::size_t>(limit.rlim_cur);
        return bytes > (std::size_t{4} << 20) ? bytes - (std::size_t{2} << 20) : bytes / 2;
    }();
    return usable;
}

} // namespace

void runtime::check_native_stack() const
{
    const char here = 0;
    const auto now = reinterpret_cast<std::uintptr_t>(&here);
    const std::size_t bound = std::min(config_.max_native_stack_bytes, usable_stack_bytes());
    if (native_stack_top_ && native_stack_top_ > now && native_stack_top_ - now > bound)
        throw limit_exceeded{"calls from the engine's own code back into Python (a __repr__, __eq__, sort key or generator run by a "
                             "builtin) nested past " + std::to_string(bound) + " bytes of stack (max_native_stack_bytes)"};
}

void* runtime::enter_c_level(const char* where)
{
    exec_context* ctx = sync_context_ ? sync_context_ : running_;
    // Outside any context (no Python frame runs): the levels alone are counted
    exec_context& counted = ctx ? *ctx : main_;
    if ((ctx ? call_depth(*ctx) : counted.c_calls) >= config_.max_call_depth)
        raise_error("RecursionError", std::string("maximum recursion depth exceeded") + where);
    check_native_stack();
    ++counted.c_calls;
    return &counted;
}

void runtime::leave_c_level(void* token) { --static_cast<exec_context*>(token)->c_calls; }

value runtime::call_sync(const value& callee, std::vector<value> args, std::vector<std::pair<std::string, value>> kwargs, std::size_t c_levels)
{
    // Each nested call is C++ recursion (a key function that sorts with a key function ...): CPython's
    // recursion limit counts its frames (frames_below_), the thread's stack bounds the C++ it takes
    check_native_stack();
    // A native loop calling back once per item (sorted's keys, map, filter, min/max with key=) makes
    // no instruction steps of its own between the calls: each call is charged as the six steps or so
    // its setting up costs (a builtin's, as len or str.lower, is all of it), before it is made, so
    // that a loop over a million items meets max_operation_steps instead of holding the thread.
    meter_.charge(call_sync_work);
    exec_context nested;
    // The caller's frames (and those below it) stay on CPython's one stack: a key function that
    // recurses has less room when sorted() was called deep down. The C function calling back (sorted's
    // list.sort, PyObject_Repr, a comparison) is a level of its own, as Py_EnterRecursiveCall counts.
    const nested_context_scope on_entry{*this, nested, c_levels};
    bool pushed = false;
    value result = call_value(nested, callee, std::move(args), std::move(kwargs), pushed);
    if (!pushed) return result;
    meter_.begin_nested_call();
    struct leave {
        runtime& r;
        ~leave()
        {
            r.meter_.end_nested_call();
        }
    } on_exit{*this};
    switch (execute(nested)) {
    case outcome::returned: return std::move(last_result_);
    case outcome::raised: throw python_error{std::move(last_exception_)};
    default:
        // A plain function cannot await; what blocks is time.sleep(), which a key function should not call.
        raise_unsupported("a function called by a builtin (a key function) that blocks or waits");
    }
}

// The generator's next item: its frame runs to the next yield inside the caller's operation.
value runtime::resume_generator(generator_object& g, bool& exhausted) { return resume_generator(g, exhausted, value::none(), value{}); }

namespace {

// StopIteration's value (its first argument, or None)
value stop_iteration_value(const value& stop)
{
    const auto& args = stop.as<exception_object>().args;
    return args.empty() ? value::none() : args[0];
}

} // namespace

// One step of `yield from`'s loop (CPython's SEND): `sent` passed on to the iterator (next() for None,
// its send() otherwise); what it yields, or (`returned`) the value it returned with
value runtime::yield_from_step(const value& iter, value sent, bool& returned)
{
    returned = false;
    if (iter.is(value_kind::iterator) && iter.as<iterator_object>().source.is(value_kind::future)) {
        // FutureIter (what was sent does not matter): the future itself while it is pending, then
        // its result (or its exception) as the value it returns
        auto& it = iter.as<iterator_object>();
        auto fut = static_ref_cast<future_object>(it.source.obj);
        if (it.index == 0 && !fut->done()) {
            it.index = 1;
            return it.source;
        }
        if (!fut->done()) raise_error("RuntimeError", "await wasn't used with future");
        it.index = 2;
        value result = future_result(fut);
        returned = true;
        return result;
    }
    if (iter.is(value_kind::generator)) {
        auto& sub = iter.as<generator_object>();
        bool exhausted = false;
        value got = resume_generator(sub, exhausted, std::move(sent), value{});
        if (!exhausted) return got;
        returned = true;
        value result = std::move(sub.return_value);
        sub.return_value = value::none();
        return result.is_unbound() ? value::none() : result;
    }
    try {
        if (sent.is(value_kind::none) && !iter.is(value_kind::instance)) {
            bool exhausted = false;
            value iterator = iter;
            value got = draw_next(iterator, exhausted);
            returned = exhausted;
            return exhausted ? value::none() : got;
        }
        value method = load_attribute(iter, sent.is(value_kind::none) ? "__next__" : "send");
        return call_sync(method, sent.is(value_kind::none) ? std::vector<value>{} : std::vector<value>{std::move(sent)});
    } catch (python_error& e) {
        if (!is_instance_of(e.exc, "StopIteration")) throw;
        returned = true;
        return stop_iteration_value(e.exc);
    }
}

// gen_throw's delegation: an exception thrown into a generator stopped in `yield from` goes to the
// iterator it delegates to (GeneratorExit closes that iterator first, then is raised in the generator).
// True when that answered the throw: `result` is what the generator yields next (`yielded`), or the
// generator's frame was moved past its yield from with the iterator's return value. False: the
// (possibly new) exception in `thrown` is to be raised at the generator's yield.
bool runtime::delegate_throw(generator_object& g, value& thrown, value& result, bool& yielded)
{
    yielded = false;
    if (!g.started || g.context.frames.empty()) return false;
    frame& top = *g.context.frames.back();
    const auto& code = top.code->instructions;
    if (top.pc < 2 || code[static_cast<std::size_t>(top.pc - 1)].op != opcode::yield_value ||
        code[static_cast<std::size_t>(top.pc - 2)].op != opcode::send || top.stack.empty())
        return false;
    const value iter = top.stack.back();
    const std::int32_t after = code[static_cast<std::size_t>(top.pc - 2)].arg;
    // The generator is executing while the iterator it delegates to runs (re-entering it is
    // "generator already executing", as gen_throw's FRAME_EXECUTING makes it)
    g.running = true;
    struct not_running {
        generator_object& g;
        ~not_running() { g.running = false; }
    } on_exit{g};
    if (is_instance_of(thrown, "GeneratorExit")) {
        // gen_close_iter: close the iterator; an error closing it is raised in the generator instead
        try {
            if (iter.is(value_kind::generator)) {
                generator_close(iter.as<generator_object>());
            } else if (!iter.is(value_kind::iterator)) {
                raise_unsupported("closing a generator delegating to a " + type_name(iter));
            }
        } catch (python_error& e) {
            thrown = std::move(e.exc);
        }
        return false;
    }
    value got;
    try {
        if (iter.is(value_kind::generator)) {
            bool exhausted = false;
            got = resume_generator(iter.as<generator_object>(), exhausted, value::none(), thrown);
            if (!exhausted) {
                yielded = true;
                result = std::move(got);
                return true;
            }
            auto& sub = iter.as<generator_object>();
            got = std::move(sub.return_value);
            sub.return_value = value::none();
            if (got.is_unbound()) got = value::none();
        } else if (iter.is(value_kind::iterator)) {
            return false;  // builtin iterators have no throw(): raised at the yield
        } else {
            raise_unsupported("throwing into a generator delegating to a " + type_name(iter));
        }
    } catch (python_error& e) {
        if (!is_instance_of(e.exc, "StopIteration") || iter.is(value_kind::generator)) {
            thrown = std::move(e.exc);
            return false;
        }
        got = stop_iteration_value(e.exc);
    }
    // The iterator returned: the generator goes on after its yield from with that value (its frame
    // is where it was: nothing could run it meanwhile)
    frame& still = *g.context.frames.back();
    still.stack.pop_back();
    still.pc = after;
    result = std::move(got);
    return true;
}

// gen_send_ex: `sent` becomes the value of the yield the generator stopped at, or `thrown` is raised
// there (at its first line when it has not started: CPython's traceback names the def line).
value runtime::resume_generator(generator_object& g, bool& exhausted, value sent, value thrown, bool delegate)
{
    exhausted = false;
    if (g.running) raise_error("ValueError", "generator already executing");
    if (g.finished) {
        if (thrown.is(value_kind::exception)) throw python_error{std::move(thrown)};
        exhausted = true;
        return {};
    }
    check_native_stack();
    // Its frames are on CPython's one stack above whatever resumed it (next(), a for loop's C
    // iteration, another generator's yield from): gen_send_ex enters them from C. Past the recursion
    // limit the error is raised on entering its frame, before anything in it runs, and leaves it: the
    // generator is done, as CPython's is.
    const nested_context_scope on_entry{*this, g.context, 0};
    if (call_depth(g.context) > config_.max_call_depth) {
        generators_in_cleanup_blocks_ -= static_cast<int>(g.stopped_in_cleanup_block);
        g.stopped_in_cleanup_block = false;
        g.finished = true;
        raise_error("RecursionError", "maximum recursion depth exceeded");
    }
    bool delegated = false;
    if (delegate && thrown.is(value_kind::exception)) {
        value result;
        bool yielded = false;
        delegated = delegate_throw(g, thrown, result, yielded);
        if (delegated && yielded) return result;  // still stopped at its yield from
        if (delegated) g.context.frames.back()->stack.push_back(std::move(result));  // the yield from's value
    }
    if (delegated) {
        // goes on after its yield from
    } else if (thrown.is(value_kind::exception)) {
        g.context.pending_throw = std::move(thrown);
        g.context.resuming = true;
    } else if (g.started) {
        g.context.frames.back()->stack.push_back(std::move(sent));  // what the yield evaluates to
    } else if (!sent.is(value_kind::none)) {
        raise_error("TypeError", "can't send non-None value to a just-started generator");
    }
    g.started = true;
    g.running = true;
    meter_.begin_nested_call();
    struct leave {
        runtime& r;
        generator_object& g;
        ~leave()
        {
            g.running = false;
            r.meter_.end_nested_call();
        }
    } on_exit{*this, g};
    const bool was_in_cleanup_block = g.stopped_in_cleanup_block;
    switch (execute(g.context)) {
    case outcome::yielded_value: {
        // Which yield: one inside try/finally or with (yield_value's arg 1) has cleanup to run
        const frame& at = *g.context.frames.back();
        g.stopped_in_cleanup_block = at.code->instructions[static_cast<std::size_t>(at.pc - 1)].arg == 1;
        generators_in_cleanup_blocks_ += static_cast<int>(g.stopped_in_cleanup_block) - static_cast<int>(was_in_cleanup_block);
        return std::move(last_result_);
    }
    case outcome::returned:
        generators_in_cleanup_blocks_ -= static_cast<int>(was_in_cleanup_block);
        g.stopped_in_cleanup_block = false;
        g.finished = true;
        exhausted = true;
        g.return_value = std::move(last_result_);
        last_result_ = value{};
        return {};
    case outcome::raised: {
        generators_in_cleanup_blocks_ -= static_cast<int>(was_in_cleanup_block);
        g.stopped_in_cleanup_block = false;
        g.finished = true;
        value exc = std::move(last_exception_);
        throw python_error{stop_leaving(std::move(exc), "generator")};
    }
    default: raise_unsupported("a generator that blocks or waits");
    }
}

// generator.throw(type[, value[, traceback]]) or throw(exception), normalised as CPython 3.11's
// _gen_throw does, then raised at the yield the generator stopped at.
// Stopped in a `yield from` of a generator, _gen_throw passes the arguments on to it first: what is
// wrong with them (a TypeError) is raised at the yield from, that generator left as it is.
value runtime::generator_throw(generator_object& g, std::vector<value>& args, bool& exhausted)
{
    if (args.empty()) raise_error("TypeError", "throw expected at least 1 argument, got 0");
    if (args.size() > 3) raise_error("TypeError", "throw expected at most 3 arguments, got " + std::to_string(args.size()));
    value exc;
    try {
        exc = normalize_thrown(args, "generator.throw");
    } catch (python_error& e) {
        bool to_generator = false;
        if (g.started && !g.finished && !g.running && !g.context.frames.empty()) {
            const frame& top = *g.context.frames.back();
            const auto& code = top.code->instructions;
            to_generator = top.pc >= 2 && code[static_cast<std::size_t>(top.pc - 1)].op == opcode::yield_value &&
                           code[static_cast<std::size_t>(top.pc - 2)].op == opcode::send && !top.stack.empty() &&
                           top.stack.back().is(value_kind::generator);
        }
        if (!to_generator) throw;
        auto& sub = g.context.frames.back()->stack.back().as<generator_object>();
        if (sub.started && !sub.finished && !sub.context.frames.empty()) {
            const frame& below = *sub.context.frames.back();
            if (below.pc >= 2 && below.code->instructions[static_cast<std::size_t>(below.pc - 2)].op == opcode::send)
                raise_unsupported("generator.throw() of what is not an exception through two 'yield from's");
        }
        return resume_generator(g, exhausted, value::none(), std::move(e.exc), false);
    }
    return resume_generator(g, exhausted, value::none(), std::move(exc));
}

// generator.close(): GeneratorExit raised at the yield; the generator may let it (or a StopIteration)
// out, not yield again.
void runtime::generator_close(generator_object& g)
{
    if (g.running) raise_error("ValueError", "generator already executing");
    if (!g.started || g.finished) {
        g.finished = true;
        g.context.frames.clear();
        return;
    }
    bool exhausted = false;
    try {
        resume_generator(g, exhausted, value::none(), make_error("GeneratorExit", ""));
    } catch (const python_error& e) {
        if (is_instance_of(e.exc, "GeneratorExit") || is_instance_of(e.exc, "StopIteration")) return;
        throw;
    }
    if (!exhausted) raise_error("RuntimeError", "generator ignored GeneratorExit");
    g.return_value = value::none();
}

// The exception throw()/athrow() raise, from their (type[, value[, traceback]]) or (exception), as
// CPython 3.11's _gen_throw normalises them
value runtime::normalize_thrown(std::vector<value>& args, const char* method)
{
    if (args.empty()) raise_error("TypeError", "throw expected at least 1 argument, got 0");
    if (args.size() > 3) raise_error("TypeError", "throw expected at most 3 arguments, got " + std::to_string(args.size()));
    if (args.size() == 3 && !args[2].is(value_kind::none)) {
        if (!args[2].is(value_kind::traceback)) raise_error("TypeError", "throw() third argument must be a traceback object");
        raise_unsupported(std::string(method) + "() with a traceback");
    }
    const value& type = args[0];
    const value given = args.size() >= 2 ? args[1] : value::none();
    value exc;
    if (type.is(value_kind::exception)) {
        if (!given.is(value_kind::none)) raise_error("TypeError", "instance exception may not have a separate value");
        exc = type;
    } else if (type.is(value_kind::exception_type)) {
        // PyErr_NormalizeException: an instance of the class is used as it is, a tuple is the arguments
        if (given.is(value_kind::exception) && given.as<exception_object>().type->is_subclass_of(type.as<exception_type_object>())) exc = given;
        else if (given.is(value_kind::none)) exc = call_sync(type, {});
        else if (given.is(value_kind::tuple)) exc = call_sync(type, given.as<sequence_object>().items);
        else exc = call_sync(type, {given});
        if (!exc.is(value_kind::exception))
            raise_error("TypeError", "calling " + repr(type) + " should have returned an instance of BaseException, not " + type_name(exc));
    } else {
        // type(type).__name__: a class of the program or a builtin type is of type 'type'
        const bool is_class = type.is(value_kind::class_type) || type.is(value_kind::type_name) ||
                              (type.is(value_kind::builtin) && is_type_builtin(type.as<builtin_object>()));
        raise_error("TypeError", "exceptions must be classes or instances deriving from BaseException, not " + (is_class ? std::string("type") : type_name(type)));
    }
    return exc;
}

namespace {

// Does any frame of the context stand inside a try or with block (or an except handler)?
bool inside_blocks(const exec_context& ctx)
{
    for (const auto& f : ctx.frames)
        if (!f->blocks.empty()) return true;
    return false;
}

} // namespace

// coroutine.send(v) and throw(exc) (gen_send_ex for a coroutine): its frames, in a context of their
// own, run inside this call as a generator's do, up to where a task's step would end: an await of
// asyncio.sleep(0) gives None, of a future (asyncio.sleep(d)'s, a task's) that future, as CPython's
// awaits yield them to whoever sends. `returned`: it returned that value (send() raises StopIteration).
value runtime::drive_coroutine(coroutine_object& c, value sent, value thrown, bool& returned)
{
    using state = coroutine_object::state_kind;
    returned = false;
    if (c.native != coroutine_object::native_kind::none) raise_unsupported("send() or throw() of " + c.repr_text());
    // Its frame is executing (it sends to itself, or a task runs it and it is the one calling): gen_send_ex's error
    if (coroutine_running(c)) raise_error("ValueError", "coroutine already executing");
    const bool throwing = thrown.is(value_kind::exception);
    if (!c.driven) {
        if (c.state == state::running) raise_unsupported("send() or throw() of a coroutine that a task or an await is running");
        if (c.state == state::closed) {
            // gen_send_ex of a coroutine whose frame is done
            raise_error("RuntimeError", "cannot reuse already awaited coroutine");
        }
        if (!throwing && !sent.is(value_kind::none)) raise_error("TypeError", "can't send non-None value to a just-started coroutine");
        c.driven = std::make_unique<exec_context>();
        c.driven->frames.push_back(first_frame_of(c));  // state: running, no "never awaited" warning
    } else if (c.driven->frames.empty()) {
        raise_error("RuntimeError", "cannot reuse already awaited coroutine");
    } else {
        frame& top = *c.driven->frames.back();
        if (!throwing && top.waiting == wait_state::future && !top.wait_future->done())
            raise_unsupported("sending into a coroutine before the future it yielded is done (CPython: \"await wasn't used with future\")");
        // Sent into the await it stopped at: asyncio's own awaits (sleep's __sleep0, a future's
        // __await__) take no value, so what was sent is dropped; an __await__'s iterator is sent it
        if (top.waiting == wait_state::custom) top.sleep_result = throwing ? value::none() : std::move(sent);
    }
    exec_context& ctx = *c.driven;
    if (throwing) ctx.pending_throw = std::move(thrown);
    ctx.resuming = true;
    check_native_stack();
    const nested_context_scope on_entry{*this, ctx, 0};
    if (call_depth(ctx) > config_.max_call_depth) {
        ctx.frames.clear();
        c.state = state::closed;
        raise_error("RecursionError", "maximum recursion depth exceeded");
    }
    if (c.driven_in_cleanup_block) --coroutines_in_cleanup_blocks_;
    c.driven_in_cleanup_block = false;
    c.driving = true;
    ++driving_coroutines_;
    meter_.begin_nested_call();
    struct leave {
        runtime& r;
        coroutine_object& c;
        ~leave()
        {
            c.driving = false;
            --r.driving_coroutines_;
            r.meter_.end_nested_call();
        }
    } on_exit{*this, c};
    switch (execute(ctx)) {
    case outcome::yielded_none:
    case outcome::yielded_future: {
        const frame& top = *ctx.frames.back();
        if (inside_blocks(ctx)) {
            c.driven_in_cleanup_block = true;
            ++coroutines_in_cleanup_blocks_;
        }
        if (top.waiting == wait_state::sleep_zero) return value::none();
        if (top.waiting == wait_state::custom) return std::exchange(ctx.frames.back()->sleep_result, value::none());
        return value::of(value_kind::future, top.wait_future);
    }
    case outcome::returned: {
        c.state = state::closed;
        returned = true;
        value result = std::move(last_result_);
        last_result_ = value{};
        return result;
    }
    case outcome::raised: {
        c.state = state::closed;
        ctx.frames.clear();
        value exc = std::move(last_exception_);
        throw python_error{stop_leaving(std::move(exc), "coroutine")};
    }
    default:
        ctx.frames.clear();
        c.state = state::closed;
        raise_unsupported("a coroutine driven by send() that blocks (time.sleep) or waits");
    }
}

// cr_running: its frames run (driven by send(), or awaited in the chain of the context that runs)
bool runtime::coroutine_running(const coroutine_object& c) const
{
    if (c.driving) return true;
    for (const exec_context* ctx : {static_cast<const exec_context*>(running_), static_cast<const exec_context*>(sync_context_)})
        if (ctx)
            for (const auto& f : ctx->frames)
                if (f->coro.get() == &c) return true;
    return false;
}

// coroutine.throw(): stopped in an await, _gen_throw passes its arguments on to what it awaits, down to
// asyncio.sleep's generator, which makes the exception of them: what is wrong with them (a TypeError)
// is raised there, in the coroutine's frames, as the exception would have been.
value runtime::coroutine_throw(coroutine_object& c, std::vector<value>& args, bool& returned)
{
    if (args.empty()) raise_error("TypeError", "throw expected at least 1 argument, got 0");
    if (args.size() > 3) raise_error("TypeError", "throw expected at most 3 arguments, got " + std::to_string(args.size()));
    if (c.native != coroutine_object::native_kind::none) raise_unsupported("throw() of " + c.repr_text());
    const bool delegates = c.driven && !c.driven->frames.empty() && !c.driving;
    value exc;
    try {
        exc = normalize_thrown(args, "coroutine.throw");
    } catch (python_error& e) {
        if (!delegates) throw;
        // A future's __await__ words its TypeErrors otherwise
        if (c.driven->frames.back()->waiting == wait_state::custom) raise_unsupported("coroutine.throw() of what is not an exception into an await of an object with __await__");
        if (c.driven->frames.back()->waiting == wait_state::future) raise_unsupported("coroutine.throw() of what is not an exception into an await of a future");
        exc = std::move(e.exc);
    }
    return drive_coroutine(c, value::none(), std::move(exc), returned);
}

// coroutine.close(): GeneratorExit raised at the await it stopped at; it may let that (or a
// StopIteration) out, or return, not await again
void runtime::coroutine_close(coroutine_object& c)
{
    using state = coroutine_object::state_kind;
    if (coroutine_running(c)) raise_error("ValueError", "coroutine already executing");
    if (!c.driven || c.driven->frames.empty()) {
        // One that never ran is closed without its "never awaited" warning (a task given it fails at
        // its first step); one that runs in a task would get GeneratorExit at its await, which the
        // engine does not model.
        if (c.state == state::running && c.entered && !c.driven) raise_unsupported("closing a coroutine that a task is running");
        c.state = state::closed;
        return;
    }
    bool returned = false;
    try {
        drive_coroutine(c, value::none(), make_error("GeneratorExit", ""), returned);
    } catch (const python_error& e) {
        if (is_instance_of(e.exc, "GeneratorExit") || is_instance_of(e.exc, "StopIteration")) return;
        throw;
    }
    if (!returned) raise_error("RuntimeError", "coroutine ignored GeneratorExit");
}

// Awaiting an asynchronous generator's __anext__(): its frame joins the awaiting context, as an
// awaited coroutine's does, with None as the value of the yield it stopped at.
runtime::await_step runtime::resume_async_generator(exec_context& ctx, coroutine_object& awaitable)
{
    awaitable.state = coroutine_object::state_kind::closed;
    auto agen = awaitable.agen;
    if (agen->running) raise_error("RuntimeError", "anext(): asynchronous generator is already running");
    if (agen->finished) raise_error("StopAsyncIteration", "");
    // asend(v): v is what the yield it stopped at evaluates to (None for __anext__())
    value sent = std::move(awaitable.sent);
    if (!agen->started && !sent.is(value_kind::none)) raise_error("TypeError", "can't send non-None value to a just-started async generator");
    const bool started = agen->started;
    auto callee = enter_async_generator(agen);
    if (started) callee->stack.push_back(std::move(sent));
    push_frame(ctx, std::move(callee));
    return await_step::pushed_frame;
}

// Awaiting an asynchronous generator's athrow(...) or aclose() (async_gen_athrow_send): the exception
// (GeneratorExit for aclose) raised at the yield it stopped at, its frame joined to the awaiting
// context as for anext(); what it yields then is the await's value (athrow), what it returns or raises
// is taken as athrow and aclose take it (aclose: agen_cm_returned, agen_cm_raised).
runtime::await_step runtime::start_athrow(exec_context& ctx, coroutine_object& awaitable)
{
    awaitable.state = coroutine_object::state_kind::closed;
    const bool closing = awaitable.native == coroutine_object::native_kind::aclose;
    auto agen = awaitable.agen;
    std::vector<value> args = std::move(awaitable.arguments);
    frame& f = *ctx.frames.back();
    if (agen->finished) {
        // StopIteration at once: the await's value is None
        f.stack.push_back(value::none());
        return await_step::value_ready;
    }
    if (agen->running) raise_error("RuntimeError", closing ? "aclose(): asynchronous generator is already running" : "athrow(): asynchronous generator is already running");
    if (closing) agen->closed_by_aclose = true;
    value exc;
    if (closing) {
        if (!agen->started) {
            // GeneratorExit raised before its first line: it is done, nothing of it ran
            agen->finished = true;
            agen->suspended.reset();
            f.stack.push_back(value::none());
            return await_step::value_ready;
        }
        exc = make_error("GeneratorExit", "");
    } else {
        // CPython 3.11 unpacks athrow's arguments after marking the generator running and does not
        // unmark it when they are too few or too many: it stays "already running" for good
        if (args.empty() || args.size() > 3) raise_unsupported("awaiting athrow() with " + std::to_string(args.size()) + " arguments (CPython 3.11 then leaves the generator running for good)");
        exc = normalize_thrown(args, "athrow");
    }
    auto callee = enter_async_generator(agen);
    if (closing) {
        agen->cm_step = async_generator_object::cm_step_kind::aclose;
        agen->cm_thrown = value::none();
    }
    push_frame(ctx, std::move(callee));
    // Raised at the yield it stopped at (its def line when it has not started), in its frame
    throw python_error{std::move(exc)};
}

// The awaiting task goes into the asynchronous generator's frame (anext, asend, athrow, aclose): the
// await as an event, the generator running from here on, its suspended frame handed out to be pushed
std::unique_ptr<frame> runtime::enter_async_generator(const ref<async_generator_object>& agen)
{
    event e = make_event(event_kind::await_begin);
    e.on = "coroutine";
    e.target = agen->qualname;
    emit(e);
    agen_leaves_cleanup_block(*agen);
    auto callee = std::move(agen->suspended);
    callee->agen = agen;
    agen->started = true;
    agen->running = true;
    return callee;
}

void runtime::agen_leaves_cleanup_block(async_generator_object& agen)
{
    if (!agen.stopped_in_cleanup_block) return;
    agen.stopped_in_cleanup_block = false;
    --generators_in_cleanup_blocks_;
    --async_generators_in_cleanup_blocks_;
}

// StopIteration or StopAsyncIteration leaving an asynchronous generator's body would look like its
// end: CPython replaces it with a RuntimeError caused by it.
// PEP 479: a StopIteration (and out of an asynchronous generator a StopAsyncIteration) leaving a
// generator, a coroutine or an asynchronous generator is a RuntimeError raised from it
// (_PyErr_FormatFromCause: its cause and its context), whose traceback starts anew
value runtime::stop_leaving(value exc, const char* what)
{
    thread_local const auto stop_iteration = builtin_exception_type("StopIteration");
    thread_local const auto stop_async_iteration = builtin_exception_type("StopAsyncIteration");
    const auto& type = *exc.as<exception_object>().type;
    const bool async_generator = std::string_view(what) == "async generator";
    const char* which = type.is_subclass_of(*stop_iteration)                             ? "StopIteration"
                        : async_generator && type.is_subclass_of(*stop_async_iteration) ? "StopAsyncIteration"
                                                                                         : nullptr;
    if (!which) return exc;
    value error = make_error("RuntimeError", std::string(what) + " raised " + which);
    auto& e = error.as<exception_object>();
    e.context = exc;
    e.rare_for_writing().cause = exc;
    e.rare_for_writing().suppress_context = true;
    return error;
}

// A yield in an asynchronous generator's frame: the frame goes back into the generator, and the
// item is the value of the awaiting frame's await.
void runtime::suspend_async_generator(exec_context& ctx)
{
    value item = pop(*ctx.frames.back());
    auto self = std::move(ctx.frames.back());
    ctx.frames.pop_back();
    auto agen = std::move(self->agen);
    agen->running = false;
    // A yield inside try/finally or with (yield_value's arg 1): cleanup that closing it would run
    if (self->code->instructions[static_cast<std::size_t>(self->pc - 1)].arg == 1) {
        agen->stopped_in_cleanup_block = true;
        ++generators_in_cleanup_blocks_;
        ++async_generators_in_cleanup_blocks_;
    }
    agen->suspended = std::move(self);
    if (agen->cm_step == async_generator_object::cm_step_kind::exit_next || agen->cm_step == async_generator_object::cm_step_kind::exit_throw ||
        agen->cm_step == async_generator_object::cm_step_kind::aclose)
        agen_cm_yielded_in_exit(*agen);  // raises into the awaiting frame
    agen->cm_step = async_generator_object::cm_step_kind::none;
    agen->cm_thrown = value::none();
    event e = make_event(event_kind::await_end);
    const std::string result_text = event_repr(item);
    e.result = result_text;
    emit(e);
    ctx.frames.back()->stack.push_back(std::move(item));
}

// A coroutine's frame as its first step finds it: its arguments as its locals, at its def line
std::unique_ptr<frame> runtime::first_frame_of(coroutine_object& coro)
{
    coro.state = coroutine_object::state_kind::running;
    coro.entered = true;
    auto callee = new_frame();
    callee->code = coro.function->code;
    callee->locals = std::move(coro.arguments);
    callee->locals.resize(callee->code->local_names.size(), value::unbound());
    callee->free = coro.function->closure;
    callee->line = callee->code->first_line;
    callee->defining_class = coro.function->defining_class;
    return callee;
}

runtime::await_step runtime::start_await(exec_context& ctx, frame& f, value awaitable)
{
    if (awaitable.is(value_kind::coroutine)) {
        auto coro = static_ref_cast<coroutine_object>(awaitable.obj);
        if (coro->state != coroutine_object::state_kind::created) {
            // Awaiting itself (directly or through what it awaits): SEND finds its frame executing
            if (coroutine_running(*coro)) raise_error("ValueError", "coroutine already executing");
            // GET_AWAITABLE: one stopped in an await (driven by send()) is awaited there already
            if (coro->driven && !coro->driven->frames.empty()) raise_error("RuntimeError", "coroutine is being awaited already");
            if (coro->native == coroutine_object::native_kind::anext)
                raise_error("RuntimeError", "cannot reuse already awaited __anext__()/asend()");
            if (coro->native == coroutine_object::native_kind::athrow || coro->native == coroutine_object::native_kind::aclose)
                raise_error("RuntimeError", "cannot reuse already awaited aclose()/athrow()");
            raise_error("RuntimeError", "cannot reuse already awaited coroutine");
        }
        if (coro->native == coroutine_object::native_kind::sleep) {
            coro->state = coroutine_object::state_kind::closed;
            // A NaN is not <= 0: a timer, which CPython's loop finds due at once
            const double asked = sleep_delay_of(*coro);
            const bool nan = std::isnan(asked);
            const double delay = nan ? 0.0 : asked;
            event e = make_event(event_kind::await_begin);
            e.on = "sleep";
            e.delay = delay;
            emit(e);
            f.sleep_result = coro->sleep_result;
            if (!nan && delay <= 0.0) {
                f.waiting = wait_state::sleep_zero;
                return await_step::suspend_none;
            }
            if (!running_loop_) {
                // Driven by send() outside asyncio.run(): sleep() asks for the running loop first
                value error = make_error("RuntimeError", "no running event loop");
                error.as<exception_object>().traceback.push_back(library_frame(
                    "sleep", 633, "/usr/lib/python3.11/asyncio/tasks.py", "loop = events.get_running_loop()", "events.get_running_loop()"));
                throw python_error{std::move(error)};
            }
            auto loop = running_loop_;
            auto fut = make_ref<future_object>();
            fut->loop = loop;
            auto h = call_later(*loop, delay, fut);
            h->arg = coro->sleep_result;
            f.waiting = wait_state::sleep;
            f.wait_future = std::move(fut);
            f.wait_timer = std::move(h);
            return await_step::suspend_future;
        }
        if (coro->agen) agen_init_hooks(*coro->agen);
        if (coro->native == coroutine_object::native_kind::anext) return resume_async_generator(ctx, *coro);
        if (coro->native == coroutine_object::native_kind::athrow || coro->native == coroutine_object::native_kind::aclose)
            return start_athrow(ctx, *coro);
        if (coro->native == coroutine_object::native_kind::anext_default) {
            coro->state = coroutine_object::state_kind::closed;
            if (coro->agen->finished && !coro->agen->running) {
                f.stack.push_back(std::move(coro->sleep_result));  // its StopAsyncIteration is the default
                return await_step::value_ready;
            }
            const await_step step = resume_async_generator(ctx, *coro);
            coro->agen->cm_step = async_generator_object::cm_step_kind::anext_default;
            coro->agen->cm_thrown = std::move(coro->sleep_result);
            return step;
        }
        if (coro->native == coroutine_object::native_kind::agen_cm_enter || coro->native == coroutine_object::native_kind::agen_cm_exit)
            return resume_async_generator_cm(ctx, f, *coro);
        if (coro->native == coroutine_object::native_kind::await_future) {
            // shutdown_default_executor(): its body awaits the future its thread sets
            coro->state = coroutine_object::state_kind::closed;
            return start_await(ctx, f, coro->awaited);
        }
        if (coro->native == coroutine_object::native_kind::no_op) {
            coro->state = coroutine_object::state_kind::closed;
            f.stack.push_back(std::move(coro->sleep_result));
            return await_step::value_ready;
        }
        auto callee = first_frame_of(*coro);
        callee->coro = coro;
        event e = make_event(event_kind::await_begin);
        e.on = "coroutine";
        e.target = coro->name;
        emit(e);
        push_frame(ctx, std::move(callee));
        return await_step::pushed_frame;
    }
    if (awaitable.is(value_kind::future)) {
        auto fut = static_ref_cast<future_object>(awaitable.obj);
        event e = make_event(event_kind::await_begin);
        if (fut->is_task()) {
            e.on = "task";
            e.target = static_cast<task_object&>(*fut).name;
        } else if (fut->is_gather) {
            e.on = "gather";
            for (const auto& c : fut->children)
                e.children.push_back(c->is_task() ? std::string_view(static_cast<task_object&>(*c).name) : std::string_view("<future>"));
        } else {
            e.on = "future";
        }
        emit(e);
        // An await that raises at once ends as it began: with its await_end, the error in it
        auto ended_by = [this](const python_error& err) {
            event end = make_event(event_kind::await_end);
            error_info error;
            if (err.exc.is(value_kind::exception)) {
                error = error_info_of(err.exc.as<exception_object>());
                end.error = &error;
            }
            emit(end);
        };
        if (fut->done()) {
            // Awaiting a finished future does not yield: the result comes back at once.
            value v;
            try {
                v = future_result(fut);
            } catch (const python_error& err) {
                ended_by(err);
                throw;
            }
            event end = make_event(event_kind::await_end);
            const std::string result_text = event_repr(v);
            end.result = result_text;
            emit(end);
            f.stack.push_back(std::move(v));
            return await_step::value_ready;
        }
        if (fut.get() == current_task_.get()) {
            const python_error err{make_error("RuntimeError", "Task cannot await on itself: " + fut->repr_text())};
            ended_by(err);
            throw err;
        }
        f.waiting = wait_state::future;
        f.wait_future = std::move(fut);
        return await_step::suspend_future;
    }
    raise_error("TypeError", "object " + type_name(awaitable) + " can't be used in 'await' expression");
}

// _PyCoro_GetAwaitableIter for an object whose class has __await__: its result, which must be an
// iterator and not a coroutine (GET_AWAITABLE)
value runtime::call_await_method(const value& awaitable)
{
    std::optional<value> method = bound_special(awaitable, "__await__");
    value it = call_sync(*method, {});
    if (it.is(value_kind::coroutine)) raise_error("TypeError", "__await__() returned a coroutine");
    const bool iterator = it.is(value_kind::iterator) || it.is(value_kind::generator) ||
                          (it.is(value_kind::instance) && it.as<instance_object>().cls->lookup("__next__"));
    if (!iterator) {
        // CPython names its C types by their module
        raise_error("TypeError", "__await__() returned non-iterator of type '" + full_type_name(it) + "'");
    }
    return it;
}

// `await x` of an object with __await__: the awaiting frame steps the iterator __await__() returned,
// as CPython's SEND loop does, inside the task's step; what it yields is what the coroutine yields to
// its task (None: run again soon) or to whoever drives it with send().
runtime::await_step runtime::start_custom_await(frame& f, value iterator)
{
    event e = make_event(event_kind::await_begin);
    e.on = "coroutine";
    const std::string target = iterator.is(value_kind::generator) ? iterator.as<generator_object>().qualname : type_name(iterator);
    e.target = target;
    emit(e);
    f.waiting = wait_state::custom;
    f.wait_iter = std::move(iterator);
    return step_custom_await(f, value::none(), value{});
}

// One step of a custom await: `sent` passed on to the iterator, or `thrown` thrown into it as
// _gen_throw does (a generator: into it, GeneratorExit closing it first; another iterator without a
// throw method: raised at the await). Raises what the iterator raises, the frame's await still set
// for raise_in to end.
runtime::await_step runtime::step_custom_await(frame& f, value sent, value thrown)
{
    value iter = f.wait_iter;
    bool returned = false;
    value got;
    if (thrown.is(value_kind::exception)) {
        const bool closing = is_instance_of(thrown, "GeneratorExit");
        if (iter.is(value_kind::generator)) {
            auto& g = iter.as<generator_object>();
            if (closing) {
                generator_close(g);
                throw python_error{std::move(thrown)};
            }
            bool exhausted = false;
            got = resume_generator(g, exhausted, value::none(), std::move(thrown));
            if (exhausted) {
                returned = true;
                got = std::move(g.return_value);
                g.return_value = value::none();
                if (got.is_unbound()) got = value::none();
            }
        } else {
            if (iter.is(value_kind::instance) && iter.as<instance_object>().cls->lookup(closing ? "close" : "throw"))
                raise_unsupported("throwing into an await of an iterator with its own throw() or close()");
            throw python_error{std::move(thrown)};
        }
    } else {
        got = yield_from_step(iter, std::move(sent), returned);
    }
    if (!returned) {
        f.sleep_result = std::move(got);
        return await_step::suspend_none;
    }
    f.waiting = wait_state::none;
    f.wait_iter = value{};
    f.sleep_result = value{};
    event e = make_event(event_kind::await_end);
    const std::string result_text = event_repr(got);
    e.result = result_text;
    emit(e);
    f.stack.push_back(std::move(got));
    return await_step::value_ready;
}

namespace {

// What CPython's traceback shows of asyncio.sleep when an exception (a cancellation) comes in while a
// frame sleeps there: sleep's frame at `await future`, or for sleep(0) at `await __sleep0()` and
// __sleep0's at its `yield` (Lib/asyncio/tasks.py, 3.11.2's lines). Innermost first.
void push_sleep_frames(std::vector<traceback_entry>& traceback, wait_state state)
{
    static constexpr const char* tasks_py = "/usr/lib/python3.11/asyncio/tasks.py";
    if (state == wait_state::sleep) {
        traceback.push_back(library_frame("sleep", 639, tasks_py, "return await future", "await future"));
    } else if (state == wait_state::sleep_zero) {
        traceback.push_back(library_frame("__sleep0", 624, tasks_py, "yield"));
        traceback.push_back(library_frame("sleep", 630, tasks_py, "await __sleep0()"));
    }
}

} // namespace

// asyncio.sleep's delay, as its body takes it: `if delay <= 0:` first (a TypeError there for what
// does not compare with 0, raised in sleep's frame), then the loop's call_later.
double runtime::sleep_delay_of(const coroutine_object& coro)
{
    if (coro.arguments.empty()) return coro.sleep_delay;
    const value& delay = coro.arguments[0];
    if (delay.is(value_kind::floating)) return delay.f;
    if (is_int(delay)) {
        if (truthy(compare(static_cast<std::int32_t>(compare_op::le), delay, value::integer(0)))) return 0.0;
        try {
            return int_to_float(delay);
        } catch (const python_error&) {
            raise_unsupported("asyncio.sleep() with a delay past a float's range");  // OverflowError in call_later's time() + delay
        }
    }
    try {
        if (truthy(compare(static_cast<std::int32_t>(compare_op::le), delay, value::integer(0)))) return 0.0;
    } catch (python_error& e) {
        e.exc.as<exception_object>().traceback.push_back(
            library_frame("sleep", 629, "/usr/lib/python3.11/asyncio/tasks.py", "if delay <= 0:", "delay <= 0"));
        throw;
    }
    raise_unsupported("asyncio.sleep() with a delay of type '" + type_name(delay) + "'");
}

void runtime::resume_await(exec_context&, frame& f)
{
    auto state = f.waiting;
    f.waiting = wait_state::none;
    auto fut = std::move(f.wait_future);
    auto timer = std::move(f.wait_timer);
    f.wait_future.reset();
    f.wait_timer.reset();
    value v;
    if (state == wait_state::sleep_zero) {
        v = std::move(f.sleep_result);
    } else {
        cancel_timer(timer);
        try {
            v = future_result(fut);
        } catch (python_error& e) {
            push_sleep_frames(e.exc.as<exception_object>().traceback, state);
            throw;
        }
        if (state == wait_state::sleep) v = std::move(f.sleep_result);
    }
    f.sleep_result = value{};
    event e = make_event(event_kind::await_end);
    const std::string result_text = event_repr(v);
    e.result = result_text;
    emit(e);
    f.stack.push_back(std::move(v));
}

namespace {

// The exception the innermost active handler of the context is handling (sys.exc_info()), or null
const value* handled_exception(const exec_context& ctx)
{
    for (auto f = ctx.frames.rbegin(); f != ctx.frames.rend(); ++f)
        for (auto b = (*f)->blocks.rbegin(); b != (*f)->blocks.rend(); ++b)
            if (b->is_handler) return &b->exc;
    return nullptr;
}

} // namespace

const value* runtime::exception_being_handled(const exec_context& ctx) { return handled_exception(ctx); }

// A raise inside an except/finally block: remember the exception being handled, as CPython's
// __context__, without ever making a cycle of contexts.
void runtime::set_context(exec_context& ctx, const value& exc)
{
    auto& e = exc.as<exception_object>();
    if (!e.context.is(value_kind::none)) return;
    const value* handled = handled_exception(ctx);
    if (!handled || handled->obj == exc.obj) return;
    int depth = 0;
    for (const value* c = handled; c->is(value_kind::exception); c = &c->as<exception_object>().context)
        if (c->obj == exc.obj || ++depth > 100) return;
    e.context = *handled;
}

// After a call: its result goes on the stack (unless it pushed a frame); true when the call stops
// this context until the run resumes it (time.sleep, asyncio.run/run_until_complete).
bool runtime::call_blocks(exec_context& ctx, frame& f, value result, bool pushed)
{
    if (!pushed) f.stack.push_back(std::move(result));
    if (blocked_until_ >= 0.0 && !worker_running_) return true;
    // time.sleep in a worker thread; a worker thread that started inside this call runs first
    if (worker_blocked_) return true;
    // (only where the context can stop: a generator drawn inside an operation goes on, and the new
    // thread starts when its context next stops)
    if (worker_preempts_ && &ctx == running_) {
        worker_preempts_ = false;
        return true;
    }
    if (main_waiting_on_loop_ && &ctx == &main_) {
        f.stack.pop_back();
        return true;
    }
    return false;
}

// `raise X` as CPython's _PyErr_SetObject does it: X's context becomes the exception being handled,
// replacing one X already had (an exception raised again), and a link of the handled exception's
// context chain that leads back to X is cut, so that the chain does not become a cycle. With no
// exception being handled, X keeps its context. The walk is as long as the chain (as in CPython)
// and charged; a cycle already there (Floyd's tortoise) ends it.
void runtime::set_context_at_raise(exec_context& ctx, const value& exc)
{
    const value* handled = handled_exception(ctx);
    if (!handled || !handled->is(value_kind::exception) || handled->obj == exc.obj) return;
    exception_object* link = &handled->as<exception_object>();
    const exception_object* slow = link;
    bool move_slow = false;
    while (link->context.is(value_kind::exception)) {
        charge_work(1);
        if (link->context.obj == exc.obj) {
            link->context = value::none();
            break;
        }
        link = &link->context.as<exception_object>();
        if (link == slow) break;
        if (move_slow) slow = &slow->context.as<exception_object>();
        move_slow = !move_slow;
    }
    exc.as<exception_object>().context = *handled;
}

namespace {

// The span of the instruction a frame stands at (the one its pc has just passed): the expression a
// traceback's carets mark, if the compiler knew it and the frame's line is that instruction's
source_span span_at(const frame& f)
{
    const auto at = static_cast<std::size_t>(f.pc) - 1;
    if (f.pc < 1 || at >= f.code->spans.size() || f.code->instructions[at].line != f.line) return {};
    return f.code->spans[at];
}

// A frame's traceback entry, and before it (innermost first) one for each inline comprehension it
// stands in, as CPython's <listcomp> frames
// A NameError's first frame: the names "Did you mean" looks through first are its code's (or those
// of the comprehension it was raised in).
void note_name_frame(name_lookup& lookup, const frame& f)
{
    lookup.frame = f.code;
    const std::int32_t pc = f.pc - 1;
    const auto& inline_frames = f.code->inline_frames;
    for (std::size_t k = 0; k < inline_frames.size(); ++k)
        if (pc >= inline_frames[k].begin && pc < inline_frames[k].end) {
            lookup.inline_frame = static_cast<std::int32_t>(k);
            break;
        }
}

void push_entries(std::vector<traceback_entry>& traceback, const frame& f)
{
    if (const library_module* library = f.code->library) {
        // C code in CPython (heapq's functions): no frame of its own
        if (const auto def = static_cast<std::size_t>(f.code->first_line); def < library->places.size() && library->places[def].c_code) return;
        // asyncio's own code: CPython's file, line and text for the line (library.hpp), its carets
        // moved by the indentation the shown text is stripped of
        const auto at = static_cast<std::size_t>(f.line);
        if (at < library->places.size() && !library->places[at].file.empty()) {
            const auto& place = library->places[at];
            source_span span = span_at(f);
            if (span.end_line == f.line) {
                span.end_line = place.line;
                span.column -= place.indent;
                span.end_column -= place.indent;
                if (span.anchors != source_span::anchor_kind::none) {
                    span.anchor_from -= place.indent;
                    span.anchor_to -= place.indent;
                }
            } else {
                span = {};
            }
            traceback.push_back({f.code->name, place.line, span, place.file.c_str(), place.text.c_str()});
        } else {
            traceback.push_back({f.code->name, f.line, {}, library->file.c_str(), "<a line loopscope does not map to CPython's>"});
        }
        return;
    }
    // An __init__ dataclasses.py wrote: exec()'d text, shown without its line
    if (f.code->dataclass_generated) {
        traceback.push_back({f.code->name, f.line, {}, "<string>", ""});
        return;
    }
    std::int32_t line = f.line;
    source_span span = span_at(f);
    const std::int32_t pc = f.pc - 1;
    for (const auto& inline_frame : f.code->inline_frames) {
        if (pc < inline_frame.begin || pc >= inline_frame.end) continue;
        traceback.push_back({inline_frame.name, line, span});
        line = inline_frame.line;
        span = inline_frame.span;
    }
    traceback.push_back({f.code->name, line, span});
}

} // namespace

// Unwinds to the nearest handler; returns false when the exception leaves the context.
bool runtime::raise_in(exec_context& ctx, value exc, bool add_entry)
{
    while (!ctx.frames.empty()) {
        frame& f = *ctx.frames.back();
        if (add_entry) {
            auto& x = exc.as<exception_object>();
            if (x.traceback.empty() && x.lookup() && !x.lookup()->attribute) note_name_frame(*x.rare->lookup, f);
            push_sleep_frames(x.traceback, f.waiting);
            // A task made of asyncio.sleep() itself runs it in a frame of its own, which CPython has not;
            // cancelled before its first step, CPython's sleep() was thrown into at its `async def` line
            // _wrap_awaitable's generator: thrown into before its first line, at its decorator's line
            if (f.coro && f.coro->native == coroutine_object::native_kind::wrap_awaitable)
                x.traceback.push_back(f.pc == 0 ? library_frame("_wrap_awaitable", 677, "/usr/lib/python3.11/asyncio/tasks.py", "@types.coroutine")
                                                : library_frame("_wrap_awaitable", 684, "/usr/lib/python3.11/asyncio/tasks.py",
                                                                "return (yield from awaitable.__await__())", "yield from awaitable.__await__()"));
            else if (f.coro && (f.coro->native == coroutine_object::native_kind::anext || f.coro->native == coroutine_object::native_kind::anext_default ||
                                f.coro->native == coroutine_object::native_kind::athrow || f.coro->native == coroutine_object::native_kind::aclose)) {
                // A task of an asynchronous generator's awaitable (the finalizer hook's aclose()): C in CPython, no frame
            } else if (!(f.coro && f.coro->native == coroutine_object::native_kind::sleep)) push_entries(x.traceback, f);
            else if (f.pc == 0 && f.waiting == wait_state::none)
                x.traceback.push_back(library_frame("sleep", 627, "/usr/lib/python3.11/asyncio/tasks.py", "async def sleep(delay, result=None):"));
        }
        add_entry = true;
        if (f.waiting != wait_state::none) {
            cancel_timer(f.wait_timer);
            f.waiting = wait_state::none;
            f.wait_future.reset();
            f.wait_timer.reset();
            f.sleep_result = value{};
            f.wait_iter = value{};
            event e = make_event(event_kind::await_end);
            const auto& x = exc.as<exception_object>();
            error_info error_text = error_info_of(x);
            error_text.line = f.line;
            e.error = &error_text;
            emit(e);
        }
        while (!f.blocks.empty()) {
            block_entry b = std::move(f.blocks.back());
            f.blocks.pop_back();
            if (b.is_handler) continue;
            f.stack.resize(b.stack_depth);
            f.stack.push_back(exc);
            f.blocks.push_back({true, 0, b.stack_depth, exc});
            f.pc = b.handler_pc;
            return true;
        }
        auto cm_step = async_generator_object::cm_step_kind::none;
        value cm_thrown;
        std::size_t cm_depth = 0;
        if (f.coro) exc = stop_leaving(std::move(exc), "coroutine");
        if (f.agen) {
            exc = stop_leaving(std::move(exc), "async generator");
            cm_step = f.agen->cm_step;
            cm_thrown = std::move(f.agen->cm_thrown);
            cm_depth = f.agen->cm_depth;
            f.agen->cm_step = async_generator_object::cm_step_kind::none;
        }
        // CPython's traceback keeps each frame the exception leaves, and so a coroutine made there and
        // never awaited (`result = fetch()` before `result["x"]` fails): its warning waits for the
        // exception to go. (Only those: the engine has no cycle collector for what else a frame holds.)
        // So is a generator stopped in its cleanup block, or an asynchronous one its loop would close:
        // closed when the exception goes (the end of the `except` that caught it), not as the frame goes.
        for (const auto& v : f.locals)
            if ((v.is(value_kind::coroutine) && v.as<coroutine_object>().state == coroutine_object::state_kind::created) ||
                (v.is(value_kind::generator) && v.as<generator_object>().stopped_in_cleanup_block) ||
                (v.is(value_kind::async_generator) && v.as<async_generator_object>().hooks_inited && !v.as<async_generator_object>().finished))
                exc.as<exception_object>().retained.push_back(v);
        if (cm_step != async_generator_object::cm_step_kind::none) {
            pop_frame(ctx);
            // __aexit__ is done (False) when the exception it threw in comes back: the awaiting frame goes on
            if (agen_cm_raised(ctx, cm_step, exc, cm_thrown, cm_depth)) return true;
            event e = make_event(event_kind::await_end);
            const error_info error_text = error_info_of(exc.as<exception_object>());
            e.error = &error_text;
            emit(e);
            continue;
        }
        if (pop_frame(ctx)) {
            event e = make_event(event_kind::await_end);
            const auto& x = exc.as<exception_object>();
            const error_info error_text = error_info_of(x);
            e.error = &error_text;
            emit(e);
        }
    }
    // Out of the context: the exception as it left the last frame (an asynchronous generator's
    // StopAsyncIteration became a RuntimeError on its way)
    last_exception_ = std::move(exc);
    return false;
}

bool runtime::pop_frame(exec_context& ctx)
{
    auto dead = std::move(ctx.frames.back());
    ctx.frames.pop_back();
    if (dead->through_c_call) --ctx.c_calls;
    if (dead->coro) dead->coro->state = coroutine_object::state_kind::closed;
    const bool inline_await = (dead->coro || dead->agen) && !ctx.frames.empty();
    if (dead->agen) {
        // An asynchronous generator that returned or raised is finished for good
        agen_leaves_cleanup_block(*dead->agen);
        dead->agen->running = false;
        dead->agen->finished = true;
        dead->agen.reset();
    }
    exit_line_ = dead->line;
    // Its locals go now, as in CPython: a never-awaited coroutine held there warns at this point
    clear_frame(*dead);
    if (spare_frames_.size() < max_spare_frames) {
        // Kept, empty, for the next call (the run's memory account still counts it)
        empty_frame(*dead);
        if (spare_frames_.capacity() == 0) spare_frames_.reserve(max_spare_frames);
        spare_frames_.push_back(std::move(dead));
    }
    return inline_await;
}

void runtime::return_from_frame(exec_context& ctx, value result, bool& context_done)
{
    value constructing = std::move(ctx.frames.back()->constructing);
    ref<lru_cache_object> caching = std::move(ctx.frames.back()->caching);
    value cache_key = std::move(ctx.frames.back()->cache_key);
    const bool inline_await = pop_frame(ctx);
    if (caching) lru_store(*caching, cache_key, result);
    if (constructing.obj) {
        // C(...) evaluates to the instance its __init__ initialised (the caller's line raises).
        if (!result.is(value_kind::none)) raise_error("TypeError", "__init__() should return None, not '" + type_name(result) + "'");
        result = std::move(constructing);
    }
    if (ctx.frames.empty()) {
        context_done = true;
        last_result_ = std::move(result);
        return;
    }
    if (inline_await) {
        event e = make_event(event_kind::await_end);
        const std::string result_text = event_repr(result);
        e.result = result_text;
        emit(e);
    }
    ctx.frames.back()->stack.push_back(std::move(result));
}

namespace {

// cls->lookup(code.names[index]) by the code object's attribute cache while no class's namespace has
// changed since it was filled (code_object::attribute_cache); not cached past 16 classes, whose
// lookups charge their work (class_object::lookup).
const value* cached_class_lookup(const code_object& code, std::int32_t index, const class_object& cls)
{
    const auto k = static_cast<std::size_t>(index);
    if (k >= code.attribute_caches.size()) return cls.lookup(code.names[k]);
    auto& cache = code.attribute_caches[k];
    if (cache.changes == class_namespace_changes) {
        if (cache.cls == &cls) return cache.found;
        if (cache.other_cls == &cls) return cache.other_found;
    }
    const value* found = cls.lookup(code.names[k]);
    if (cls.mro.size() <= 16) {
        // The class found before stays as the other one while nothing has changed since
        if (cache.changes == class_namespace_changes) cache = {class_namespace_changes, &cls, found, cache.cls, cache.found};
        else cache = {class_namespace_changes, &cls, found, nullptr, nullptr};
    }
    return found;
}

} // namespace

// The frames' instructions, then the generators their last instruction let go (a frame that returned,
// a task's coroutine that ended: CPython clears the frame before its caller goes on), what that
// instruction left for its caller kept aside meanwhile
runtime::outcome runtime::execute(exec_context& ctx)
{
    const outcome result = execute_frames(ctx);
    if (generator_dropped_in_cleanup_block_ && result != outcome::budget) {
        value kept_result = std::move(last_result_);
        value kept_exception = std::move(last_exception_);
        close_dropped_generators(ctx.frames.empty() ? nullptr : ctx.frames.back().get());
        last_result_ = std::move(kept_result);
        last_exception_ = std::move(kept_exception);
    }
    return result;
}

// Generators let go at a yield inside try/finally or with (park_dropped_generator), closed as
// _PyGen_Finalize closes them: what the close raises is reported as PyErr_WriteUnraisable does, with
// the traceback of the frame that let it go when the exception has none of its own. Two let go by one
// instruction would be closed in the order CPython's container frees them, which is not modelled.
// An asynchronous generator let go (park_dropped_async_generator) gets its loop's finalizer hook.
void runtime::close_dropped_generators(const frame* current)
{
    while (generator_dropped_in_cleanup_block_) {
        generator_dropped_in_cleanup_block_ = false;
        if (dropped_was_coroutine_ || dropped_generator_was_async_ || dropped_generators_.size() + dropped_async_generators_.size() > 1) {
            generator_dropped_in_cleanup_block_ = true;
            refuse_dropped_generator();
        }
        if (!dropped_async_generators_.empty()) {
            ref<async_generator_object> agen = std::move(dropped_async_generators_.back());
            dropped_async_generators_.pop_back();
            finalize_dropped_async_generator(std::move(agen));
            continue;
        }
        if (dropped_generators_.empty()) continue;
        ref<generator_object> g = std::move(dropped_generators_.back());
        dropped_generators_.pop_back();
        try {
            generator_close(*g);
        } catch (python_error& e) {
            report_unraisable(*g, std::move(e.exc), current);
        }
        // Closed once (one that yielded again is let go without running more, as CPython's is)
        if (g->stopped_in_cleanup_block) {
            g->stopped_in_cleanup_block = false;
            --generators_in_cleanup_blocks_;
        }
        g->finished = true;
        g->context.frames.clear();
    }
}

// "Exception ignored in: <generator object g at 0x...>", the exception's traceback (or the current
// frame's line), and its last line, without its chain: Python/errors.c write_unraisable_exc_file
void runtime::report_unraisable(const object& where, value exc, const frame* current)
{
    auto& e = exc.as<exception_object>();
    if (e.traceback.empty()) {
        if (!current)
            raise_unsupported("a generator whose cleanup yields again let go outside the program's frames (CPython reports it with "
                              "the frame of the loop's own code)");
        push_entries(e.traceback, *current);
    }
    emit_stderr("Exception ignored in: " + where.repr_text() + "\n" + format_unraisable(exc));
}

runtime::outcome runtime::execute_frames(exec_context& ctx)
{
    if (ctx.resuming) {
        ctx.resuming = false;
        frame& f = *ctx.frames.back();
        if (ctx.pending_throw.is(value_kind::exception)) {
            value exc = std::move(ctx.pending_throw);
            ctx.pending_throw = value{};
            // coro.throw / generator.throw chain what the frame is handling (_PyErr_ChainStackItem)
            set_context_at_raise(ctx, exc);
            if (f.waiting == wait_state::custom) {
                try {
                    if (step_custom_await(f, value::none(), std::move(exc)) == await_step::suspend_none) return outcome::yielded_none;
                } catch (const python_error& e) {
                    if (!raise_in(ctx, e.exc, true)) return outcome::raised;
                }
            } else if (!raise_in(ctx, exc, true)) {
                return outcome::raised;
            }
        } else if (f.waiting == wait_state::custom) {
            try {
                value sent = std::move(f.sleep_result);
                if (step_custom_await(f, sent.is_unbound() ? value::none() : std::move(sent), value{}) == await_step::suspend_none) return outcome::yielded_none;
            } catch (const python_error& e) {
                if (!raise_in(ctx, e.exc, true)) return outcome::raised;
            }
        } else if (f.waiting != wait_state::none) {
            try {
                resume_await(ctx, f);
            } catch (const python_error& e) {
                if (!raise_in(ctx, e.exc, true)) return outcome::raised;
            }
        }
    }
    while (true) {
        if (meter_.slice_spent()) return outcome::budget;
        if (generator_dropped_in_cleanup_block_) close_dropped_generators(ctx.frames.back().get());
        meter_.step();
        frame& f = *ctx.frames.back();
        const instruction in = f.code->instructions[static_cast<std::size_t>(f.pc++)];
        if (in.line) f.line = in.line;
        try {
            switch (in.op) {
            case opcode::load_const: f.stack.push_back(f.code->constants[static_cast<std::size_t>(in.arg)]); break;
            case opcode::load_local: {
                const value& slot = f.locals[static_cast<std::size_t>(in.arg)];
                const value& v = slot.is(value_kind::cell) ? slot.as<cell_object>().content : slot;
                if (v.is_unbound())
                    raise_error("UnboundLocalError", "cannot access local variable '" + f.code->local_names[static_cast<std::size_t>(in.arg)] +
                                                         "' where it is not associated with a value");
                f.stack.push_back(v);
                break;
            }
            case opcode::reset_local: f.locals[static_cast<std::size_t>(in.arg)] = value::unbound(); break;
            case opcode::store_local: {
                auto& slot = f.locals[static_cast<std::size_t>(in.arg)];
                if (slot.is(value_kind::cell)) slot.as<cell_object>().content = pop(f);
                else slot = pop(f);
                break;
            }
            case opcode::load_deref:
            case opcode::store_deref:
            case opcode::delete_deref: {
                auto& content = f.free[static_cast<std::size_t>(in.arg)].as<cell_object>().content;
                if (in.op == opcode::store_deref) {
                    content = pop(f);
                    break;
                }
                if (content.is_unbound())
                    raise_name_error(f.code->free_names[static_cast<std::size_t>(in.arg)],
                                     "cannot access free variable '" + f.code->free_names[static_cast<std::size_t>(in.arg)] +
                                         "' where it is not associated with a value in enclosing scope");
                if (in.op == opcode::load_deref) f.stack.push_back(content);
                else content = value::unbound();
                break;
            }
            case opcode::delete_local: {
                auto& cell_or_value = f.locals[static_cast<std::size_t>(in.arg)];
                auto& slot = cell_or_value.is(value_kind::cell) ? cell_or_value.as<cell_object>().content : cell_or_value;
                if (slot.is_unbound())
                    raise_error("UnboundLocalError", "cannot access local variable '" + f.code->local_names[static_cast<std::size_t>(in.arg)] +
                                                         "' where it is not associated with a value");
                slot = value::unbound();
                break;
            }
            case opcode::load_global: {
                const code_object& code = *f.code;
                if (static_cast<std::size_t>(in.arg) < code.global_caches.size()) {
                    const auto& cache = code.global_caches[static_cast<std::size_t>(in.arg)];
                    if (cache.epoch == globals_epoch_) {
                        if (cache.at) {  // library code: its module's namespace
                            f.stack.push_back(*cache.at);
                            break;
                        }
                        if (cache.slot != code_object::global_cache::no_slot) {
                            const value& v = globals_[cache.slot].second;
                            if (!v.is_unbound()) {
                                f.stack.push_back(v);
                                break;
                            }
                        } else if (cache.builtin >= 0) {
                            f.stack.push_back(builtin_values_[static_cast<std::size_t>(cache.builtin)]);
                            break;
                        }
                    }
                }
                f.stack.push_back(code.library ? library_global_slow(code, in.arg) : load_global_slow(code, in.arg));
                break;
            }
            case opcode::store_global: {
                const code_object& code = *f.code;
                value v = pop(f);
                if (code.library) {
                    const auto k = static_cast<std::size_t>(in.arg);
                    if (k < code.global_caches.size() && code.global_caches[k].epoch == globals_epoch_ && code.global_caches[k].at)
                        *code.global_caches[k].at = std::move(v);
                    else
                        library_store_global(code, in.arg, std::move(v));
                    break;
                }
                if (static_cast<std::size_t>(in.arg) < code.global_caches.size()) {
                    const auto& cache = code.global_caches[static_cast<std::size_t>(in.arg)];
                    if (cache.epoch == globals_epoch_ && cache.slot != code_object::global_cache::no_slot) {
                        globals_[cache.slot].second = std::move(v);
                        break;
                    }
                }
                store_global_slow(code, in.arg, std::move(v));
                break;
            }
            case opcode::delete_global: {
                const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                if (f.code->library) raise_unsupported("del of a global in asyncio's library");
                auto it = global_index_.find(name);
                if (it == global_index_.end() || globals_[it->second].second.is_unbound())
                    raise_name_error(name, "name '" + name + "' is not defined");
                globals_[it->second].second = value::unbound();
                break;
            }
            case opcode::load_attr: {
                value obj = pop(f);
                if (obj.is(value_kind::instance)) {
                    // class_attribute's way for an instance's own attribute that no property of its class
                    // shadows (a property is a data descriptor), with the class's part found by the cache
                    const auto& inst = obj.as<instance_object>();
                    const value* in_class = cached_class_lookup(*f.code, in.arg, *inst.cls);
                    if (!in_class || !in_class->is(value_kind::descriptor) || in_class->as<descriptor_object>().what != descriptor_object::kind::property)
                        if (const value* own = inst.attributes.find(f.code->names[static_cast<std::size_t>(in.arg)])) {
                            f.stack.push_back(*own);
                            break;
                        }
                }
                f.stack.push_back(load_attribute(obj, f.code->names[static_cast<std::size_t>(in.arg)]));
                break;
            }
            case opcode::store_attr: {
                value obj = pop(f);
                value v = pop(f);
                if (obj.is(value_kind::instance)) {
                    // store_attribute's way for a plain instance attribute, with the class's part (is there
                    // a property of that name?) found by the cache; every other case is store_attribute's
                    auto& inst = obj.as<instance_object>();
                    const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                    if (!inst.cls->is_object && !inst.cls->frozen_setattr && inst.dict_copy.expired() && !is_dataclass_field_object(obj) && name != "__class__") {
                        const value* in_class = cached_class_lookup(*f.code, in.arg, *inst.cls);
                        if (!in_class || !in_class->is(value_kind::descriptor) || in_class->as<descriptor_object>().what != descriptor_object::kind::property) {
                            note_nesting(obj, v);
                            inst.attributes.set(name, std::move(v));
                            break;
                        }
                    }
                }
                store_attribute(obj, f.code->names[static_cast<std::size_t>(in.arg)], std::move(v));
                break;
            }
            case opcode::delete_attr: {
                value obj = pop(f);
                delete_attribute(obj, f.code->names[static_cast<std::size_t>(in.arg)]);
                break;
            }
            case opcode::load_name: {
                const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                if (const value* v = f.building_class->attributes.find(name)) f.stack.push_back(*v);
                else f.stack.push_back(f.code->library ? library_global(*f.code->library, name) : load_global(name));
                break;
            }
            case opcode::store_name: {
                value v = pop(f);
                note_nesting(value::of(value_kind::class_type, f.building_class), v);
                f.building_class->attributes.set(f.code->names[static_cast<std::size_t>(in.arg)], std::move(v));
                break;
            }
            case opcode::annotate_name: {
                auto& annotations = f.building_class->annotations;
                const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                if (std::find(annotations.begin(), annotations.end(), name) == annotations.end()) annotations.push_back(name);
                break;
            }
            case opcode::delete_name: {
                const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                if (!f.building_class->attributes.remove(name)) raise_name_error(name, "name '" + name + "' is not defined");
                break;
            }
            case opcode::build_class: {
                value name = pop(f);
                auto bases = pop_n(f, static_cast<std::size_t>(in.arg));
                value body = pop(f);
                auto fr = make_function_frame(static_ref_cast<function_object>(body.obj), {}, {});
                fr->building_class = make_class(name.as<string_object>().s, body.as<function_object>().code->qualname, bases);
                if (f.code->library) fr->building_class->module = f.code->library->name;
                fr->building_class->doc = body.as<function_object>().code->doc;
                check_enum_bases(*fr->building_class);
                push_frame(ctx, std::move(fr));
                break;
            }
            case opcode::finish_class: {
                std::string conflict;
                if (!compute_mro(*f.building_class, conflict))
                    raise_error("TypeError", "Cannot create a consistent method resolution\norder (MRO) for bases " + conflict);
                // A frozen dataclass's __setattr__ is inherited (until a class of its own is made a dataclass)
                for (const class_object* c : f.building_class->mro)
                    if (c->frozen_setattr) {
                        f.building_class->frozen_setattr = c->frozen_setattr;
                        break;
                    }
                // A property learns its attribute name, as CPython's __set_name__ tells it
                for (auto& [attribute, v] : f.building_class->attributes.entries)
                    if (v.is(value_kind::descriptor) && v.as<descriptor_object>().name.empty()) v.as<descriptor_object>().name = attribute;
                if (is_enum_class(*f.building_class)) finish_enum(f.building_class);
                if (f.building_class->from_typing_named_tuple || named_tuple_spec_of(*f.building_class)) finish_named_tuple_class(*f.building_class);
                else if (f.building_class->attributes.find("__slots__")) raise_unsupported("__slots__ in a class that does not derive from a named tuple");
                if (f.building_class->exception_base) f.stack.push_back(make_exception_class(f.building_class));
                else f.stack.push_back(value::of(value_kind::class_type, f.building_class));
                break;
            }

            case opcode::load_subscript: {
                value index = pop(f);
                value container = pop(f);
                f.stack.push_back(subscript(container, index));
                break;
            }
            case opcode::store_subscript: {
                value index = pop(f);
                value container = pop(f);
                value v = pop(f);
                store_subscript(container, index, std::move(v));
                break;
            }
            case opcode::delete_subscript: {
                value index = pop(f);
                value container = pop(f);
                delete_subscript(container, index);
                break;
            }
            case opcode::build_slice: {
                auto s = make_ref<slice_object>();
                s->step = pop(f);
                s->stop = pop(f);
                s->start = pop(f);
                f.stack.push_back(value::of(value_kind::slice, s));
                break;
            }
            case opcode::pop_top: f.stack.pop_back(); break;
            case opcode::dup_top: f.stack.push_back(f.stack.back()); break;
            case opcode::dup_top_two: {
                value a = f.stack[f.stack.size() - 2];
                value b = f.stack.back();
                f.stack.push_back(std::move(a));
                f.stack.push_back(std::move(b));
                break;
            }
            case opcode::rot_two: std::swap(f.stack[f.stack.size() - 1], f.stack[f.stack.size() - 2]); break;
            case opcode::rot_three: {
                value top = pop(f);
                f.stack.insert(f.stack.end() - 2, std::move(top));
                break;
            }
            case opcode::binary: {
                if (f.stack.size() >= 2) {
                    // Two ints of 64 bits and + - * % // whose result fits: int_arith's first case, in place
                    value& x = f.stack[f.stack.size() - 2];
                    const value& y = f.stack.back();
                    if (x.is(value_kind::integer) && y.is(value_kind::integer) && !x.obj && !y.obj) {
                        std::int64_t r = 0;
                        bool done = false;
                        switch (static_cast<binary_op>(in.arg & 0xff)) {
                        case binary_op::add: done = !__builtin_add_overflow(x.i, y.i, &r); break;
                        case binary_op::sub: done = !__builtin_sub_overflow(x.i, y.i, &r); break;
                        case binary_op::mul: done = !__builtin_mul_overflow(x.i, y.i, &r); break;
                        case binary_op::mod:
                            if (y.i > 0) {
                                r = x.i % y.i;
                                if (r < 0) r += y.i;
                                done = true;
                            }
                            break;
                        case binary_op::floordiv:
                            if (y.i > 0) {
                                r = x.i / y.i;
                                if ((x.i % y.i) < 0) --r;
                                done = true;
                            }
                            break;
                        default: break;
                        }
                        if (done) {
                            x = value::integer(r);
                            f.stack.pop_back();
                            break;
                        }
                    }
                }
                value b = pop(f);
                value a = pop(f);
                int op = in.arg & 0xff;
                if ((in.arg & 0x100) && a.is(value_kind::list) &&
                    (op == static_cast<int>(binary_op::add) || (op == static_cast<int>(binary_op::mul) && (b.is(value_kind::integer) || b.is(value_kind::boolean))))) {
                    // list += / *= mutate the list itself.
                    value result = binary(op, a, b);
                    note_nesting(a, result);
                    a.as<sequence_object>().items = std::move(result.as<sequence_object>().items);
                    f.stack.push_back(std::move(a));
                } else {
                    f.stack.push_back(binary(in.arg & 0x1ff, a, b));
                }
                break;
            }
            case opcode::unary_neg: {
                value a = pop(f);
                if (value r; call_special(a, "__neg__", {}, r)) f.stack.push_back(std::move(r));
                else if (is_int(a)) f.stack.push_back(int_negate(a));
                else if (a.is(value_kind::floating)) f.stack.push_back(value::floating(-a.f));
                else if (a.is(value_kind::dict) && a.as<dict_object>().is_counter) f.stack.push_back(counter_unary(a, true));
                else raise_error("TypeError", "bad operand type for unary -: '" + type_name(a) + "'");
                break;
            }
            case opcode::unary_pos: {
                value a = pop(f);
                if (value r; call_special(a, "__pos__", {}, r)) {
                    f.stack.push_back(std::move(r));
                    break;
                }
                if (a.is(value_kind::boolean)) a = value::integer(a.b ? 1 : 0);
                if (a.is(value_kind::dict) && a.as<dict_object>().is_counter) a = counter_unary(a, false);
                else if (!a.is(value_kind::integer) && !a.is(value_kind::floating))
                    raise_error("TypeError", "bad operand type for unary +: '" + type_name(a) + "'");
                f.stack.push_back(std::move(a));
                break;
            }
            case opcode::unary_invert: {
                value a = pop(f);
                if (value r; call_special(a, "__invert__", {}, r)) {
                    f.stack.push_back(std::move(r));
                    break;
                }
                if (!is_int(a)) raise_error("TypeError", "bad operand type for unary ~: '" + type_name(a) + "'");
                f.stack.push_back(int_invert(a));
                break;
            }
            case opcode::unary_not: {
                value a = pop(f);
                f.stack.push_back(value::boolean(!truthy(a)));
                break;
            }
            case opcode::compare: {
                value b = pop(f);
                value a = pop(f);
                f.stack.push_back(compare(in.arg, a, b));
                break;
            }
            case opcode::jump: f.pc = in.arg; break;
            case opcode::pop_jump_if_false:
                if (!truthy(pop(f))) f.pc = in.arg;
                break;
            case opcode::pop_jump_if_true:
                if (truthy(pop(f))) f.pc = in.arg;
                break;
            case opcode::jump_if_false_or_pop:
                if (!truthy(f.stack.back())) f.pc = in.arg;
                else f.stack.pop_back();
                break;
            case opcode::jump_if_true_or_pop:
                if (truthy(f.stack.back())) f.pc = in.arg;
                else f.stack.pop_back();
                break;
            case opcode::build_list:
            case opcode::build_tuple: {
                auto items = pop_n(f, static_cast<std::size_t>(in.arg));
                f.stack.push_back(in.op == opcode::build_list ? value::list(std::move(items)) : value::tuple(std::move(items)));
                break;
            }
            case opcode::build_map: {
                auto parts = pop_n(f, 2 * static_cast<std::size_t>(in.arg));
                value d = make_dict();
                for (std::size_t k = 0; k < parts.size(); k += 2) store_subscript(d, parts[k], std::move(parts[k + 1]));
                f.stack.push_back(std::move(d));
                break;
            }
            case opcode::build_set: {
                auto items = pop_n(f, static_cast<std::size_t>(in.arg));
                value s = make_set();
                auto& so = s.as<set_object>();
                for (auto& item : items) {
                    const std::int64_t hash = python_hash(item);
                    note_nesting(s, item);
                    so.add(item, hash, dict_equality());
                }
                f.stack.push_back(std::move(s));
                break;
            }
            case opcode::build_set_folded: {
                // The frozenset constant CPython's compiler makes: key by key, then made again from its
                // own order when the code's constants are merged (merge_consts_recursive); a display
                // merges it into a new set, a `for` iterates it as it is (arg's high bit).
                const bool iterable_itself = (in.arg & (1 << 30)) != 0;
                const int times_made_again = (in.arg & (1 << 29)) != 0 ? 2 : 1;  // compiler.cpp's interned_again
                auto items = pop_n(f, static_cast<std::size_t>(in.arg & ~(3 << 29)));
                value constant = make_set(true);
                for (auto& item : items) constant.as<set_object>().add(item, python_hash(item), dict_equality());
                for (int k = 0; k < times_made_again; ++k) {
                    value again = make_set(true);
                    for (const auto& [key, hash] : constant.as<set_object>().keys_in_order()) again.as<set_object>().add(key, hash, dict_equality());
                    constant = std::move(again);
                }
                auto& folded = constant.as<set_object>();
                if (iterable_itself) {
                    f.stack.push_back(std::move(constant));
                    break;
                }
                value s = make_set();
                s.as<set_object>().merge(folded, dict_equality());
                f.stack.push_back(std::move(s));
                break;
            }
            case opcode::set_add: {
                value item = pop(f);
                const value& s = f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)];
                auto& so = s.as<set_object>();
                const std::int64_t hash = python_hash(item);
                if (so.used >= config_.max_sequence_length) check_length(so.used + 1);
                note_nesting(s, item);
                so.add(item, hash, dict_equality());
                break;
            }
            case opcode::set_update: {
                value other = pop(f);
                set_update(f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)], other);
                break;
            }
            case opcode::map_add: {
                value item = pop(f);
                value key = pop(f);
                store_subscript(f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)], key, std::move(item));
                break;
            }
            case opcode::dict_merge: {
                value other = pop(f);
                const value& target = f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)];
                const value& callee = f.stack[f.stack.size() - static_cast<std::size_t>(in.arg) - 2];
                const std::string who = callee.is(value_kind::function) ? function_str(callee.as<function_object>())
                                      : callee.is(value_kind::builtin)  ? callee.as<builtin_object>().name
                                                                        : type_name(callee);
                if (!other.is(value_kind::dict)) raise_error("TypeError", who + "() argument after ** must be a mapping, not " + type_name(other));
                auto& keywords = target.as<dict_object>();
                for (const auto& entry : other.as<dict_object>().entries) {
                    if (entry.key.is_unbound()) continue;
                    if (!entry.key.is(value_kind::string)) raise_error("TypeError", "keywords must be strings");
                    if (keywords.find(entry.key, python_hash(entry.key), dict_equality()) >= 0)
                        raise_error("TypeError", who + "() got multiple values for keyword argument '" + entry.key.as<string_object>().s + "'");
                    store_subscript(target, entry.key, entry.item);
                }
                break;
            }
            case opcode::dict_update: {
                value other = pop(f);
                dict_update(f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)], other, "mapping");
                break;
            }
            case opcode::list_append: {
                value v = pop(f);
                auto& list = f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)].as<sequence_object>().items;
                check_growth(list, 1);
                list.push_back(std::move(v));
                break;
            }
            case opcode::list_extend: {
                value v = pop(f);
                auto more = to_vector(v);
                auto& list = f.stack[f.stack.size() - static_cast<std::size_t>(in.arg)].as<sequence_object>().items;
                check_growth(list, more.size());
                for (auto& item : more) list.push_back(std::move(item));
                break;
            }
            case opcode::list_to_tuple: {
                value v = pop(f);
                f.stack.push_back(value::tuple(std::move(v.as<sequence_object>().items)));
                break;
            }
            case opcode::build_string: {
                auto parts = pop_n(f, static_cast<std::size_t>(in.arg));
                std::string s;
                for (const auto& p : parts) s += p.as<string_object>().s;
                check_length(s.size());
                f.stack.push_back(value::string(std::move(s)));
                break;
            }
            case opcode::format_value: {
                value spec = pop(f);
                value v = pop(f);
                if (in.arg == 'r') v = value::string(repr(v));
                else if (in.arg == 's') v = value::string(str(v));
                else if (in.arg == 'a') v = value::string(ascii_of(v));
                // Without a conversion, PyObject_Format calls the value's __format__: for what is not a
                // str or a number, a method call, a level of C recursion below its str()
                std::optional<c_level_scope> method;
                if (!in.arg && !v.is(value_kind::string) && !v.is(value_kind::integer) && !v.is(value_kind::floating) && !v.is(value_kind::boolean))
                    method.emplace(*this, " while calling a Python object");
                std::string text = format_value(v, spec.as<string_object>().s);
                charge_work(text.size() / 8);
                f.stack.push_back(value::string(std::move(text)));
                break;
            }
            case opcode::unpack_sequence: {
                value v = pop(f);
                auto n = static_cast<std::size_t>(in.arg);
                auto items = unpack_items(v, n + 1);
                if (items.size() < n)
                    raise_error("ValueError", "not enough values to unpack (expected " + std::to_string(n) + ", got " + std::to_string(items.size()) + ")");
                if (items.size() > n) raise_error("ValueError", "too many values to unpack (expected " + std::to_string(n) + ")");
                for (auto it = items.rbegin(); it != items.rend(); ++it) f.stack.push_back(std::move(*it));
                break;
            }
            case opcode::unpack_ex: {
                value v = pop(f);
                auto items = unpack_items(v, std::numeric_limits<std::size_t>::max());
                auto before = static_cast<std::size_t>(in.arg & 0xffff);
                auto after = static_cast<std::size_t>(in.arg >> 16);
                if (items.size() < before + after)
                    raise_error("ValueError", "not enough values to unpack (expected at least " + std::to_string(before + after) + ", got " +
                                                  std::to_string(items.size()) + ")");
                for (std::size_t k = 0; k < after; ++k) f.stack.push_back(std::move(items[items.size() - 1 - k]));
                std::vector<value> middle(std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(before)),
                                          std::make_move_iterator(items.end() - static_cast<std::ptrdiff_t>(after)));
                f.stack.push_back(value::list(std::move(middle)));
                for (std::size_t k = before; k-- > 0;) f.stack.push_back(std::move(items[k]));
                break;
            }
            case opcode::call:
            case opcode::call_kw:
            case opcode::call_ex: {
                std::vector<value> args;
                std::vector<std::pair<std::string, value>> kwargs;
                if (in.op == opcode::call) {
                    // A function's arguments get room for all its locals, which bind_arguments fills in place
                    const std::size_t n = static_cast<std::size_t>(in.arg);
                    const value& to_call = f.stack[f.stack.size() - n - 1];
                    args.reserve(to_call.is(value_kind::function) ? std::max(n, to_call.as<function_object>().code->local_names.size()) : n);
                    args.assign(std::make_move_iterator(f.stack.end() - static_cast<std::ptrdiff_t>(n)), std::make_move_iterator(f.stack.end()));
                    f.stack.resize(f.stack.size() - n);
                } else if (in.op == opcode::call_kw) {
                    value names = pop(f);
                    auto& n = names.as<sequence_object>().items;
                    auto all = pop_n(f, static_cast<std::size_t>(in.arg));
                    std::size_t npos = all.size() - n.size();
                    for (std::size_t k = 0; k < n.size(); ++k) kwargs.emplace_back(n[k].as<string_object>().s, std::move(all[npos + k]));
                    all.resize(npos);
                    args = std::move(all);
                } else if (in.arg < 0) {
                    value keywords = pop(f);
                    for (const auto& entry : keywords.as<dict_object>().entries)
                        if (!entry.key.is_unbound()) kwargs.emplace_back(entry.key.as<string_object>().s, entry.item);
                    value list = pop(f);
                    args = std::move(list.as<sequence_object>().items);
                } else {
                    if (in.arg > 0) {
                        value names = pop(f);
                        auto& n = names.as<sequence_object>().items;
                        auto vals = pop_n(f, n.size());
                        for (std::size_t k = 0; k < n.size(); ++k) kwargs.emplace_back(n[k].as<string_object>().s, std::move(vals[k]));
                    }
                    value list = pop(f);
                    args = std::move(list.as<sequence_object>().items);
                }
                value callee = pop(f);
                bool pushed = false;
                value result = call_value(ctx, callee, std::move(args), std::move(kwargs), pushed);
                callee = value{};
                if (call_blocks(ctx, f, std::move(result), pushed)) return outcome::blocked;
                break;
            }
            case opcode::load_method: {
                value obj = pop(f);
                const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                if (obj.is(value_kind::instance)) {
                    // What load_attribute would bind: a plain function of the class that the instance's own
                    // attributes do not shadow (a property or other descriptor is not a function).
                    const auto& inst = obj.as<instance_object>();
                    const value* in_class = cached_class_lookup(*f.code, in.arg, *inst.cls);
                    if (in_class && in_class->is(value_kind::function) && !inst.attributes.find(name)) {
                        f.stack.push_back(*in_class);
                        f.stack.push_back(std::move(obj));
                        break;
                    }
                } else if (obj.is(value_kind::super_proxy)) {
                    // super().method(...) of an instance: the function class_attribute would bind (the first
                    // class after super's in the instance's MRO that has the name), without the bound method
                    const auto& s = obj.as<super_object>();
                    if (s.self.is(value_kind::instance) && name != "__class__" && name != "__dict__") {
                        const value* found = nullptr;
                        bool after = false;
                        for (const auto& c : s.self.as<instance_object>().cls->mro) {
                            if (after && (found = c->attributes.find(name))) break;
                            after = after || c == s.after.get();
                        }
                        if (found && found->is(value_kind::function)) {
                            f.stack.push_back(*found);
                            f.stack.push_back(s.self);
                            break;
                        }
                    }
                } else if (obj.is(value_kind::dict) && name == "get") {
                    // dict.get (Counter's, OrderedDict's and defaultdict's are dict's): call_method does it in
                    // place, without the bound builtin; the unbound callee says so
                    f.stack.push_back(value::unbound());
                    f.stack.push_back(std::move(obj));
                    break;
                }
                f.stack.push_back(load_attribute(obj, name));
                f.stack.push_back(value::unbound());  // no self: call_method calls the value as it is
                break;
            }
            case opcode::call_method: {
                // Below the arguments: the callee, then its self or the marker. A function's arguments are
                // given room for all its locals, which bind_arguments then fills in place.
                const std::size_t n = static_cast<std::size_t>(in.arg) + 1;
                value callee = std::move(f.stack[f.stack.size() - n - 1]);
                auto first = f.stack.end() - static_cast<std::ptrdiff_t>(n);
                if (callee.is_unbound()) {
                    // d.get(key[, default]) as call_builtin's d_get does it; other counts of arguments raise
                    // from the bound builtin, made now
                    if (in.arg == 1 || in.arg == 2) {
                        value dict = std::move(*first);
                        value key = std::move(*(first + 1));
                        value fallback = in.arg == 2 ? std::move(*(first + 2)) : value::none();
                        f.stack.resize(f.stack.size() - n - 1);
                        try {
                            auto& d = dict.as<dict_object>();
                            const std::int64_t hash = python_hash(key);
                            const std::int64_t at = d.find(key, hash, dict_equality());
                            f.stack.push_back(at >= 0 ? d.entries[static_cast<std::size_t>(at)].item : std::move(fallback));
                        } catch (python_error& e) {
                            // What call_value keeps of a builtin's arguments when it raises
                            auto& retained = e.exc.as<exception_object>().retained;
                            if (key.obj != e.exc.obj) retained.push_back(std::move(key));
                            if (in.arg == 2 && fallback.obj != e.exc.obj) retained.push_back(std::move(fallback));
                            throw;
                        }
                        break;
                    }
                    callee = load_attribute(*first, "get");
                    *first = value::unbound();
                }
                std::vector<value> args;
                if (first->is_unbound() && callee.is(value_kind::method) && callee.as<method_object>().function.is(value_kind::function)) {
                    // A bound method (super().method(...), a classmethod): its self goes first, as call_value
                    // would put it, without moving the arguments twice.
                    *first = callee.as<method_object>().self;
                    callee = value(callee.as<method_object>().function);
                }
                args.reserve(callee.is(value_kind::function) ? std::max(n, callee.as<function_object>().code->local_names.size()) : n);
                args.assign(std::make_move_iterator(first + (first->is_unbound() ? 1 : 0)), std::make_move_iterator(f.stack.end()));
                f.stack.resize(f.stack.size() - n - 1);
                bool pushed = false;
                value result = call_value(ctx, callee, std::move(args), {}, pushed);
                callee = value{};
                if (call_blocks(ctx, f, std::move(result), pushed)) return outcome::blocked;
                break;
            }
            case opcode::get_iter: {
                value v = pop(f);
                f.stack.push_back(make_iterator(v));
                break;
            }
            case opcode::for_iter: {
                if (f.stack.back().is(value_kind::iterator)) {
                    // next_of_sequence's cases for a range, a list and a tuple with an item left, in place
                    auto& it = f.stack.back().as<iterator_object>();
                    if (it.kind == iterator_kind::sequence && !it.done) {
                        const value& src = it.source;
                        if (src.is(value_kind::range)) {
                            const auto& r = src.as<range_object>();
                            if (it.index < r.length()) {
                                f.stack.push_back(value::integer(r.start + (it.index++) * r.step));
                                break;
                            }
                        } else if (src.is(value_kind::list) || src.is(value_kind::tuple)) {
                            const auto& items = src.as<sequence_object>().items;
                            if (static_cast<std::size_t>(it.index) < items.size()) {
                                value item = items[static_cast<std::size_t>(it.index++)];
                                f.stack.push_back(std::move(item));
                                break;
                            }
                        }
                    }
                }
                bool exhausted = false;
                value next = draw_next(f.stack.back(), exhausted);
                if (exhausted) {
                    f.stack.pop_back();
                    f.pc = in.arg;
                } else {
                    f.stack.push_back(std::move(next));
                }
                break;
            }
            case opcode::get_yield_from_iter: {
                value v = pop(f);
                if (v.is(value_kind::coroutine)) raise_error("TypeError", "cannot 'yield from' a coroutine object in a non-coroutine generator");
                if (v.is(value_kind::future)) {
                    // Future.__iter__: a FutureIter (yield_from_step), yielding the future with
                    // _asyncio_future_blocking set for the task to wait on it
                    auto it = make_ref<iterator_object>();
                    it->source = std::move(v);
                    f.stack.push_back(value::of(value_kind::iterator, it));
                    break;
                }
                f.stack.push_back(v.is(value_kind::generator) ? std::move(v) : make_iterator(v));
                break;
            }
            case opcode::send: {
                value sent = pop(f);
                bool returned = false;
                value got = yield_from_step(f.stack.back(), std::move(sent), returned);
                if (returned) {
                    f.stack.pop_back();
                    f.pc = in.arg;
                }
                f.stack.push_back(std::move(got));
                break;
            }
            case opcode::make_function: {
                auto fn = make_ref<function_object>();
                fn->code = f.code->functions[static_cast<std::size_t>(in.arg & 0xffff)];
                fn->defining_class = f.building_class ? f.building_class : f.defining_class;
                fn->defaults = pop_n(f, static_cast<std::size_t>(in.arg >> 16));
                if (fn->code->keyword_only > 0) {
                    // The keyword-only parameters' defaults came last.
                    fn->kw_defaults.assign(fn->code->keyword_only, value::unbound());
                    std::size_t next = fn->code->positional_defaults;
                    for (std::size_t k = 0; k < fn->code->keyword_only; ++k)
                        if (fn->code->keyword_only_has_default[k]) fn->kw_defaults[k] = std::move(fn->defaults[next++]);
                    fn->defaults.resize(fn->code->positional_defaults);
                }
                // The variables it uses of this frame become cells, shared from now on.
                for (const auto& source : fn->code->free_sources) {
                    if (!source.from_local) {
                        fn->closure.push_back(f.free[static_cast<std::size_t>(source.index)]);
                        continue;
                    }
                    auto& slot = f.locals[static_cast<std::size_t>(source.index)];
                    if (!slot.is(value_kind::cell)) {
                        auto cell = make_ref<cell_object>();
                        cell->content = std::move(slot);
                        slot = value::of(value_kind::cell, cell);
                        remember_container(cell);  // a cycle through it is broken at the end
                    }
                    fn->closure.push_back(slot);
                }
                f.stack.push_back(value::of(value_kind::function, fn));
                break;
            }
            case opcode::set_return: f.return_value = pop(f); break;
            case opcode::yield_value:
                if (f.agen) {
                    suspend_async_generator(ctx);
                    break;
                }
                last_result_ = pop(f);
                return outcome::yielded_value;
            case opcode::return_value: {
                if (f.agen) {
                    // The end of an asynchronous generator: the awaiting __anext__() raises StopAsyncIteration
                    const std::int32_t line = ctx.frames.size() > 1 ? ctx.frames[ctx.frames.size() - 2]->line : f.line;
                    const auto step = f.agen->cm_step;
                    value given = std::move(f.agen->cm_thrown);
                    f.agen->cm_step = async_generator_object::cm_step_kind::none;
                    pop_frame(ctx);
                    if (step != async_generator_object::cm_step_kind::none) {
                        agen_cm_returned(ctx, step, std::move(given));  // a value for the awaiting frame, or raises into it
                        break;
                    }
                    event e = make_event(event_kind::await_end);
                    const error_info error_text = error_info{"StopAsyncIteration", "", line};
                    e.error = &error_text;
                    emit(e);
                    raise_error("StopAsyncIteration", "");
                }
                value result = std::move(f.return_value);
                bool done = false;
                return_from_frame(ctx, std::move(result), done);
                if (done) return outcome::returned;
                break;
            }
            case opcode::setup_try: f.blocks.push_back({false, in.arg, f.stack.size(), {}}); break;
            // The value __enter__ returned is stored inside the block, so the block starts under it
            case opcode::setup_with: f.blocks.push_back({false, in.arg, f.stack.size() - 1, {}}); break;
            case opcode::pop_block:
            case opcode::pop_except: f.blocks.pop_back(); break;
            case opcode::reraise: {
                value exc = pop(f);
                if (!f.blocks.empty() && f.blocks.back().is_handler) f.blocks.pop_back();
                if (!raise_in(ctx, exc, false)) return outcome::raised;
                break;
            }
            case opcode::raise_: {
                value cause = in.arg ? pop(f) : value::none();
                value v = pop(f);
                if (v.is(value_kind::exception_type)) v = call_sync(v, {});  // its __init__ may be Python code
                if (!v.is(value_kind::exception)) raise_error("TypeError", "exceptions must derive from BaseException");
                if (cause.is(value_kind::exception_type)) {
                    bool unused = false;
                    cause = call_value(ctx, cause, {}, {}, unused);
                }
                if (!cause.is(value_kind::exception) && !cause.is(value_kind::none))
                    raise_error("TypeError", "exception causes must derive from BaseException");
                if (in.arg) {
                    // `raise e from e`, or two exceptions each the other's cause: a cycle the run's end breaks
                    note_nesting(v, cause);
                    auto& raised = v.as<exception_object>();
                    raised.rare_for_writing().cause = std::move(cause);
                    raised.rare_for_writing().suppress_context = true;
                }
                set_context_at_raise(ctx, v);
                throw python_error{v};
            }
            case opcode::raise_bare: {
                for (auto it = f.blocks.rbegin(); it != f.blocks.rend(); ++it)
                    if (it->is_handler) {
                        value exc = it->exc;
                        if (!raise_in(ctx, exc, false)) return outcome::raised;
                        goto next_instruction;
                    }
                raise_error("RuntimeError", "No active exception to reraise");
            }
            case opcode::check_eg_match: {
                value type = pop(f);
                value match = except_star_match(f.stack.back(), type);
                if (match.is(value_kind::none)) {
                    f.pc = in.arg;
                    break;
                }
                f.stack.push_back(std::move(match));
                break;
            }
            case opcode::push_exc_info: {
                value match = pop(f);
                f.blocks.push_back({true, 0, f.stack.size(), std::move(match)});
                break;
            }
            case opcode::prep_reraise_star: {
                value list = pop(f);
                value result = prep_reraise_star(f.stack.back(), list.as<sequence_object>().items);
                f.stack.push_back(std::move(result));
                break;
            }
            case opcode::exception_matches: {
                value type = pop(f);
                value exc = pop(f);
                // Every type named is checked first, as CPython's check_except_type_valid does.
                auto check = [](const value& t) {
                    if (!t.is(value_kind::exception_type))
                        raise_error("TypeError", "catching classes that do not inherit from BaseException is not allowed");
                };
                if (type.is(value_kind::tuple)) {
                    // Checked here and matched below: a long tuple costs its length twice
                    charge_work(2 * type.as<sequence_object>().items.size());
                    for (const auto& t : type.as<sequence_object>().items) check(t);
                } else {
                    check(type);
                }
                const bool caught = exc.as<exception_object>().type->matches(type);
                // Caught: what the program does with it may hold it from the object it names
                if (caught && exc.as<exception_object>().rare && exc.as<exception_object>().rare->lookup) exc.as<exception_object>().rare->lookup->hold_weakly();
                f.stack.push_back(value::boolean(caught));
                break;
            }
            case opcode::get_awaitable: {
                const value& v = f.stack.back();
                if (in.arg == 4) {
                    // _wrap_awaitable's `yield from awaitable.__await__()`, in a generator-based coroutine:
                    // a coroutine or a future is awaited, anything else iterated
                    value it = call_sync(load_attribute(v, "__await__"), {});
                    if (!it.is(value_kind::coroutine) && !it.is(value_kind::future) && !it.is(value_kind::generator)) it = make_iterator(it);
                    f.stack.back() = std::move(it);
                    break;
                }
                if (v.is(value_kind::instance) && v.as<instance_object>().cls->lookup("__await__")) {
                    value it = call_await_method(v);
                    f.stack.back() = std::move(it);
                    break;
                }
                if (!v.is(value_kind::coroutine) && !v.is(value_kind::future)) {
                    if (in.arg == 3) raise_error("TypeError", "'async for' received an invalid object from __anext__: " + type_name(v));
                    if (in.arg != 0)
                        raise_error("TypeError", std::string("'async with' received an object from ") + (in.arg == 1 ? "__aenter__" : "__aexit__") +
                                                     " that does not implement __await__: " + type_name(v));
                    raise_error("TypeError", "object " + type_name(v) + " can't be used in 'await' expression");
                }
                break;
            }
            case opcode::before_with: {
                // The manager's __exit__ (kept on the stack for the block's end) and its __enter__, bound,
                // looked up on its class in CPython's order.
                value manager = pop(f);
                const bool is_async = in.arg != 0;
                const char* const protocol = is_async ? "asynchronous context manager protocol" : "context manager protocol";
                std::optional<value> enter = bound_special(manager, is_async ? "__aenter__" : "__enter__");
                if (!enter) raise_error("TypeError", "'" + type_name(manager) + "' object does not support the " + protocol);
                std::optional<value> exit = bound_special(manager, is_async ? "__aexit__" : "__exit__");
                if (!exit)
                    raise_error("TypeError", "'" + type_name(manager) + "' object does not support the " + protocol + " (missed " +
                                                 (is_async ? "__aexit__" : "__exit__") + " method)");
                f.stack.push_back(std::move(*exit));
                f.stack.push_back(std::move(*enter));
                break;
            }
            case opcode::get_aiter: {
                value iterable = pop(f);
                if (iterable.is(value_kind::async_generator)) {
                    f.stack.push_back(make_builtin(ag_aiter_id(), "__aiter__", iterable));
                    break;
                }
                std::optional<value> aiter = bound_special(iterable, "__aiter__");
                if (!aiter) raise_error("TypeError", "'async for' requires an object with __aiter__ method, got " + type_name(iterable));
                f.stack.push_back(std::move(*aiter));
                break;
            }
            case opcode::get_anext: {
                if (f.stack.back().is(value_kind::async_generator)) {
                    f.stack.push_back(make_builtin(ag_anext_id(), "__anext__", f.stack.back()));
                    break;
                }
                std::optional<value> anext = bound_special(f.stack.back(), "__anext__");
                if (!anext)
                    raise_error("TypeError", "'async for' received an object from __aiter__ that does not implement __anext__: " + type_name(f.stack.back()));
                f.stack.push_back(std::move(*anext));
                break;
            }
            case opcode::with_exit_args: {
                // [exit, exc] -> [exit, exc, exit, type(exc), exc, traceback]: __exit__'s call with the exception
                const value exc = f.stack.back();
                f.stack.push_back(f.stack[f.stack.size() - 2]);
                f.stack.push_back(value::of(value_kind::exception_type, exc.as<exception_object>().type));
                f.stack.push_back(exc);
                f.stack.push_back(value::of(value_kind::traceback, make_ref<traceback_object>()));
                break;
            }
            case opcode::await_: {
                value awaitable = pop(f);
                // What get_awaitable left that is neither: the iterator an __await__ returned
                const bool custom = !awaitable.is(value_kind::coroutine) && !awaitable.is(value_kind::future);
                switch (custom ? start_custom_await(f, std::move(awaitable)) : start_await(ctx, f, std::move(awaitable))) {
                case await_step::value_ready:
                case await_step::pushed_frame: break;
                case await_step::suspend_future: return outcome::yielded_future;
                case await_step::suspend_none: return outcome::yielded_none;
                }
                break;
            }
            case opcode::import_module: f.stack.push_back(import_module(f.code->names[static_cast<std::size_t>(in.arg)])); break;
            case opcode::import_from: {
                const auto& name = f.code->names[static_cast<std::size_t>(in.arg)];
                const value& module = f.stack.back();
                value v;
                try {
                    v = load_attribute(module, name);
                } catch (const python_error&) {
                    const auto& m = module.as<module_object>().name;
                    // Where CPython says the module is: its file, or for one built into the interpreter none
                    const bool builtin_module = m == "time" || m == "sys" || m == "math" || m == "itertools";
                    const std::string where = builtin_module ? "unknown location"
                                              : m == "asyncio" || m == "collections" || m == "json" ? "/usr/lib/python3.11/" + m + "/__init__.py"
                                                                                     : "/usr/lib/python3.11/" + m + ".py";
                    raise_error("ImportError", "cannot import name '" + name + "' from '" + m + "' (" + where + ")");
                }
                f.stack.push_back(std::move(v));
                break;
            }
            case opcode::assert_fail: {
                value msg = pop(f);
                if (msg.is(value_kind::none)) raise_error("AssertionError", "");
                throw python_error{make_error("AssertionError", str(msg))};
            }
            }
        } catch (const python_error& e) {
            set_context(ctx, e.exc);
            if (!raise_in(ctx, e.exc, true)) return outcome::raised;
        }
    next_instruction:;
    }
}

} // namespace loopscope::engine
