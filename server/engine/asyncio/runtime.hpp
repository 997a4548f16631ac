#pragma once

#include "ast.hpp"
#include "code.hpp"
#include "event_loop.hpp"
#include "frame.hpp"
#include "future.hpp"
#include "syntax_error.hpp"
#include "value.hpp"
#include "dicts.hpp"
#include "classes.hpp"
#include "work_meter.hpp"
#include "mersenne_twister.hpp"
#include "contextlib_module.hpp"
#include "suggestions.hpp"
#include "library.hpp"
#include "modules.hpp"

#include <loopscope/engine/config.hpp>
#include <loopscope/engine/event.hpp>
#include <loopscope/engine/run.hpp>

#include <map>
#include <deque>
#include <memory>
#include <unordered_map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

struct group_matcher;  // exception_groups.cpp
struct itertools_object;  // itertools_module.cpp

// An exception as events report it: CPython's type name, str(), and the innermost line of the
// program's own (a library frame's line is in asyncio's or contextlib's file, not the program's).
inline error_info error_info_of(const exception_object& x)
{
    // str() of its arguments as event text: none of the program's __str__, bounded, never raising
    std::string message = event_text([&] { return x.message(); }, [] { return std::string("<exception str() failed>"); });
    std::int32_t line = 0;
    for (const auto& entry : x.traceback)
        if (!entry.file) {
            line = entry.line;
            break;
        }
    return {x.type->qualified, std::move(message), line};
}

// The keyword argument `name` of a call, taken out of `kwargs` (what is left over is the callee's error)
inline std::optional<value> take_keyword(std::vector<std::pair<std::string, value>>& kwargs, std::string_view name)
{
    for (auto it = kwargs.begin(); it != kwargs.end(); ++it)
        if (it->first == name) {
            value v = std::move(it->second);
            kwargs.erase(it);
            return v;
        }
    return std::nullopt;
}

// The default executor's number of worker threads for a run of this config (executor.cpp)
std::size_t executor_worker_limit(const run_config& config);

// One program execution: the interpreter, the asyncio objects and the runner, as one synchronous
// state machine. Nothing here waits or touches a socket; the driver decides when time passes.
class runtime final : special_methods {
public:
    runtime(std::string_view source, const run_config& config, event_sink& sink);
    ~runtime();
    runtime(const runtime&) = delete;
    runtime& operator=(const runtime&) = delete;

    advance_result advance(std::uint64_t budget);
    void end_slice() { meter_.end_slice(); }
    double now() const { return now_; }
    void set_time(double t);
    void cancel(const std::string& reason);
    bool finished() const { return finished_; }
    // Destroys what the finished run still holds, within a slice of `budget` steps (and
    // max_slice_time); true once nothing is left that would take longer than that to destroy.
    bool release_some(std::uint64_t budget);
    int exit_status() const { return exit_status_; }
    bool ended_by_keyboard_interrupt() const { return keyboard_interrupt_; }
    std::uint64_t steps() const { return meter_.steps(); }
    const memory_account& memory() const { return *memory_.account; }

    void on_coroutine_dropped(const coroutine_object& coro);
    void on_generator_dropped(bool is_async = false);
    void park_dropped_generator(generator_object& dying);
    void park_dropped_async_generator(async_generator_object& dying);
    void agen_init_hooks(async_generator_object& agen);
    void on_driven_coroutine_dropped();
    void on_task_dropped(const task_object& task);
    void on_future_dropped(const future_object& fut);

    // The names of modules made one by one (classes, streams, constants: a module's functions are its
    // member table's), listed once: load_attribute makes them from here, and the up-front check
    // (vm_module_has, engine_has_attribute) reads the same list.
    struct module_attribute {
        std::string_view module;
        std::string_view name;
        value (*make)(runtime&);
    };
    static std::span<const module_attribute> module_attributes();

private:
    // The run's memory account, first so that it outlives every member charged to it; the account
    // itself goes once the last block charged to it (perhaps a queued event) is freed.
    struct memory_owner {
        memory_account* account;
        explicit memory_owner(std::size_t limit) : account(memory_account::create(limit)) {}
        ~memory_owner() { account->release(); }
        memory_owner(const memory_owner&) = delete;
        memory_owner& operator=(const memory_owner&) = delete;
    };
    memory_owner memory_;

    enum class outcome : std::uint8_t { budget, yielded_future, yielded_none, returned, raised, blocked, yielded_value };

    // ---- setup and end ----
    void start(std::string_view source);
    void finish(const std::string& status, const value& exc);
    void finish_uncaught(value exc, bool close_generators = true);  // by value: printing it runs code that reuses last_exception_
    void finish_with_syntax_error(const syntax_error& e);
    // The run ends where CPython's would not have: a bound (ResourceLimitError) or something the engine
    // does not model (UnsupportedError). The program's try/except cannot catch either.
    void finish_with_limit(const std::string& message, const char* type = "ResourceLimitError");
    // The end of a run, as CPython's shutdown: main's frames go, then the globals one by one, each
    // with whatever it alone held (and the warnings for coroutines never awaited), then run_finished.
    // It takes as many slices as the objects need: begin_finishing() holds back run_finished, and
    // finish_some() lets go of what a slice allows, sending run_finished once all have gone.
    void begin_finishing(const event& finished_event); // kept as an event_record until it is sent
    bool finish_some();
    void finish_now();
    void send_held_finish();  // the run_finished begin_finishing() held back
    bool break_cycles(bool sliced);

    // ---- events and output ----
    event make_event(event_kind kind);
    void emit(event& e); // numbers it (seq) and hands it to the sink
    static const frame* program_frame(const exec_context* ctx);  // its innermost frame of the program's own code
    void emit_stderr(const std::string& text);
    void log_exception_context(const value& context);
    void print_text(const std::string& text, std::int32_t line);
    void warn(const std::string& category, const std::string& message, std::int32_t user_line);
    std::string source_line(std::int32_t line) const;
    // An exception as CPython's sys.excepthook prints it: its chain, and exception groups drawn in
    // boxes (tracebacks.cpp)
    // An uncaught exception as the interpreter prints it; `logged`: as asyncio's logger prints one
    // through the traceback module (which in 3.11 has no "Did you mean")
    std::string format_traceback(const value& exc, bool logged = false) const;
    std::string format_unraisable(const value& exc) const;
    double sleep_delay_of(const coroutine_object& coro);  // interpreter.cpp
    // _ensure_future of what is neither a future nor a coroutine: an awaitable (a class with __await__)
    // wrapped in _wrap_awaitable's coroutine, anything else its TypeError
    value ensure_future_refuses(const value& v, std::initializer_list<traceback_entry> callers);
    // "Did you mean" for a NameError or AttributeError the interpreter raised: the name, or "" (did_you_mean.cpp)
    std::string did_you_mean(const exception_object& e) const;
    // dir(obj): its attributes' names, sorted, for an AttributeError's suggestion
    std::vector<std::string> attribute_names(const value& obj) const;
    struct traceback_printer;
    void format_exception_chain(traceback_printer& p, const exception_object& e) const;
    void format_one_exception(traceback_printer& p, const exception_object& e) const;
    std::string traceback_entries(const exception_object& e) const;
    std::optional<std::string_view> current_task_name() const;

    // ---- asyncio: futures, tasks, the loop ----
    ref<handle> call_soon(loop_object& loop, callback_kind kind, ref<task_object> task,
                                      ref<future_object> future, ref<future_object> target = nullptr,
                                      value arg = {});
    ref<handle> call_later(loop_object& loop, double delay, ref<future_object> future);
    void cancel_timer(const ref<handle>& h);
    void add_done_callback(const ref<future_object>& fut, callback cb);
    void schedule_callbacks(const ref<future_object>& fut);
    void schedule_done_callback(loop_object& loop, const ref<future_object>& fut, callback cb);
    void future_set_result(const ref<future_object>& fut, value v);
    void future_set_exception(const ref<future_object>& fut, value exc);
    bool future_cancel(const ref<future_object>& fut, const std::string& msg);
    bool task_cancel(const ref<task_object>& task, const std::string& msg);
    bool cancel_any(const ref<future_object>& fut, const std::string& msg);
    void gather_child_done(const ref<future_object>& outer, const ref<future_object>& child);
    value future_result(const ref<future_object>& fut);  // throws python_error
    value make_cancelled_error(future_object& fut);
    ref<task_object> create_task(const ref<loop_object>& loop, ref<coroutine_object> coro,
                                             std::string name, std::int32_t line);
    ref<future_object> gather(const std::vector<value>& items, bool return_exceptions, std::int32_t line);
    void task_done_event(const task_object& task);
    ref<loop_object> new_loop();
    void set_loop_state(loop_object& loop, const char* state);
    std::string_view describe(const handle& h); // a view valid until the next describe()

    // ---- asyncio's library in Python (library.cpp): this run's instances of its modules ----
    attribute_table& library_namespace(const library_module& module);  // its body run at first use
    value library_global(const library_module& module, const std::string& name);
    value dir_list(const std::vector<std::string_view>& names);  // dir()'s result (vm/dir_builtin.cpp finds the names)
    // load_global/store_global of the library's code: by name, filling its code's global cache
    // (code_object::global_cache's `at`, valid while globals_epoch_ is the one it was filled at: a name
    // added to a library namespace makes a new epoch, as a new global of the program does)
    value library_global_slow(const code_object& code, std::int32_t index);
    void library_store_global(const code_object& code, std::int32_t index, value v);
    value library_class(std::string_view name);  // asyncio.`name` from the library, or none (unbound kind none)
    // The logging module's helpers (_calendar_text, _logging_caller ...: asyncio/logging_support.cpp)
    value logging_helper(const std::string& name, std::vector<value>& args);
    // asyncio's log records (its logger's): through the program's logging module once imported, else
    // as logging's lastResort writes them. One from a destructor waits for the end of the instruction.
    enum class log_place { loop, destructor, selector };
    struct asyncio_record {
        std::int64_t level;
        std::string message;
        value exc;
    };
    std::deque<asyncio_record> pending_asyncio_records_;
    std::optional<outcome> deferred_main_outcome_;  // the program ended with records still to write
    void log_for_asyncio(std::int64_t level, const std::string& message, const value& exc, log_place place);
    void log_asyncio_error(const std::string& message, const value& exc, bool from_destructor);
    void log_selector_in_use();
    void write_next_asyncio_record();
    // The exception the innermost active handler of `ctx` is handling (sys.exc_info()), or null
    static const value* exception_being_handled(const exec_context& ctx);
    // logging.`name` from the library's module (its body runs at the first), or none
    std::optional<value> library_module_attribute(const std::string& module, const std::string& name);
    bool library_module_imported(const std::string& module) const;  // its body has run in this run
    value load_builtin(const std::string& name);
    value base_exception_text_method(const value& self, bool as_repr);  // BaseException.__str__/__repr__ bound to an exception
    value object_repr_method(const value& self);  // object.__repr__ bound to an instance  // a builtin by name (load_global past the module's globals)
    std::unordered_map<const library_module*, std::unique_ptr<attribute_table>> library_namespaces_;

    // ---- the program's callbacks and futures (loop_callbacks.cpp) ----
    value call_callback_api(const builtin_object& b, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    ref<future_object> new_future(const ref<loop_object>& loop);
    // call_soon (no `when`) or a timer due at `when` (call_later, call_at)
    ref<handle> schedule_user_callback(loop_object& loop, value function, std::vector<value> args, std::optional<value> when);
    void run_user_callback(const ref<handle>& h);
    void end_user_callback(outcome r);
    void cancel_user_handle(handle& h);
    exec_context callback_context_;          // where a callback's Python function runs
    ref<handle> callback_handle_;  // the callback running there

    // ---- the scheduler ----
    advance_result advance_slice(std::uint64_t budget);
    bool step_loop(advance_result& wait);
    void run_handle(const ref<handle>& h);
    void begin_task_step(const ref<task_object>& task, value exc);
    void end_task_step(outcome result);
    void loop_stopped();

    // ---- the runner: asyncio.run and loop.run_until_complete ----
    enum class runner_phase : std::uint8_t { none, until_complete, forever, main_task, cancel_all, shutdown_asyncgens, shutdown_executor };
    void start_run_until_complete(const ref<loop_object>& loop, const ref<future_object>& fut,
                                  runner_phase phase);
    void start_asyncio_run(ref<coroutine_object> coro, std::int32_t line);
    void check_async_generators_at_shutdown(const std::string& when);
    std::vector<ref<task_object>> pending_tasks(const ref<loop_object>& loop) const;
    value no_op_coroutine(const std::string& name);
    value shutdown_asyncgens_coroutine(loop_object& loop);
    void log_asyncgen_close_errors();
    ref<future_object> closing_asyncgens_;        // shutdown_asyncgens' gather of aclose()s
    std::vector<value> closing_asyncgens_items_;  // ... and the generators, in its order
    void resume_main(value result, value exc);
    void add_library_frames(const value& exc, bool asyncio_run);

    // ---- the interpreter ----
    outcome execute(exec_context& ctx);
    outcome execute_frames(exec_context& ctx);
    bool call_blocks(exec_context& ctx, frame& f, value result, bool pushed);
    // Unwinds ctx's frames to a handler of exc (true), or out of them all (false: last_exception_ holds it)
    bool raise_in(exec_context& ctx, value exc, bool add_entry);
    void set_context(exec_context& ctx, const value& exc);
    void set_context_at_raise(exec_context& ctx, const value& exc);
    // Drops the innermost frame of `ctx`; true when it was a coroutine awaited inline by the frame below.
    bool pop_frame(exec_context& ctx);
    void return_from_frame(exec_context& ctx, value result, bool& context_done);
    void push_frame(exec_context& ctx, std::unique_ptr<frame> f);
    // A frame for a call: a finished call's, emptied by pop_frame, when there is one (no allocation).
    std::unique_ptr<frame> new_frame();
    std::vector<std::unique_ptr<frame>> spare_frames_;
    static constexpr std::size_t max_spare_frames = 16;
    std::unique_ptr<frame> make_function_frame(const ref<function_object>& fn, std::vector<value> args,
                                               const std::vector<std::pair<std::string, value>>& kwargs);
    std::vector<value> bind_arguments(const function_object& fn, std::vector<value> args,
                                      const std::vector<std::pair<std::string, value>>& kwargs);
    // A call of a method written in Python in CPython's library (self first), bound as CPython binds it:
    // `self` and the call's arguments (used up) to `params`, the last ones with `defaults`; the first
    // `positional_only` of them before a `/`, and a last **kwds if `var_keyword`.
    struct method_signature {
        const char* qualname;
        std::vector<std::string> params;
        std::vector<value> defaults = {};
        std::size_t positional_only = 0;
        bool var_keyword = false;
    };
    std::vector<value> bind_method_call(method_signature signature, const value& self, std::vector<value>& args,
                                        std::vector<std::pair<std::string, value>>& kwargs);
    enum class await_step : std::uint8_t { value_ready, pushed_frame, suspend_future, suspend_none };
    await_step start_await(exec_context& ctx, frame& f, value awaitable);
    value call_await_method(const value& awaitable);
    await_step start_custom_await(frame& f, value iterator);
    await_step step_custom_await(frame& f, value sent, value thrown);
    std::unique_ptr<frame> first_frame_of(coroutine_object& coro);
    await_step start_athrow(exec_context& ctx, coroutine_object& awaitable);
    await_step resume_async_generator(exec_context& ctx, coroutine_object& awaitable);
    void suspend_async_generator(exec_context& ctx);
    value stop_leaving(value exc, const char* what);
    static int ag_aiter_id();  // builtins.cpp: the ids of an asynchronous generator's __aiter__ and __anext__
    static int ag_anext_id();
    void resume_await(exec_context& ctx, frame& f);

    // ---- enum.Enum (enum_module.cpp) ----
    static bool is_enum_class(const class_object& cls);
    // EnumType.__prepare__: an Enum with members cannot be extended, refused before the body runs
    void check_enum_bases(const class_object& cls);
    void finish_enum(const ref<class_object>& cls);
    value enum_call(const class_object& cls, const std::vector<value>& args, const std::vector<std::pair<std::string, value>>& kwargs);
    value enum_item(const class_object& cls, const value& key);
    bool enum_contains(const class_object& cls, const value& v);
    std::string enum_member_text(const value& member, bool as_repr);

    // ---- exception groups and except* (exception_groups.cpp) ----
    void shape_exception_group(exception_object& e, const std::vector<value>& args);
    value derive_group(const exception_object& self, const value& excs);
    value group_subset(const value& orig, std::vector<value> excs);
    void split_group(const value& exc, const group_matcher& m, bool construct_rest, value& match, value& rest, int depth);
    value call_exception_group_method(const std::string& name, const value& self, std::vector<value>& args,
                                      std::vector<std::pair<std::string, value>>& kwargs);
    value except_star_match(value& rest, const value& type);
    value prep_reraise_star(const value& orig, const std::vector<value>& excs);

    // ---- the math module (math_module.cpp) ----
    value call_math(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    // itertools_module.cpp: a constructor of itertools ("count", "chain.from_iterable"), and an iterator's next item
    bool is_callable(const value& v);  // callable(v)
    // functools_module.cpp: partial and reduce
    value call_functools(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs,
                         const value& self = {});
    value update_wrapper(const value& wrapper, const value& wrapped, const value& assigned, const value& updated);
    // functools.lru_cache: a call's key (CPython's _make_key), a hit (counted, made most recent) and a
    // missed call's result stored (the oldest evicted past maxsize)
    value lru_key(const lru_cache_object& cache, const std::vector<value>& args, const std::vector<std::pair<std::string, value>>& kwargs);
    std::optional<value> lru_lookup(lru_cache_object& cache, const value& key);
    void lru_store(lru_cache_object& cache, const value& key, const value& result);
    value make_lru_cache(const value& function, const value& maxsize, bool typed, const char* lambda_name);
    // contextlib_module.cpp: @contextmanager, suppress, nullcontext, closing
    value call_contextlib(contextlib_role role, const builtin_object& b, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value new_context_manager(context_manager_object::kind what, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value async_cm_method(const builtin_object& b, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    await_step resume_async_generator_cm(exec_context& ctx, frame& f, coroutine_object& awaitable);
    void agen_cm_yielded_in_exit(async_generator_object& agen);
    void agen_cm_returned(exec_context& ctx, async_generator_object::cm_step_kind step, value given);
    bool agen_cm_raised(exec_context& ctx, async_generator_object::cm_step_kind step, const value& exc, const value& thrown, std::size_t depth);
    void agen_leaves_cleanup_block(async_generator_object& agen);
    std::unique_ptr<frame> enter_async_generator(const ref<async_generator_object>& agen);
    value generator_cm_enter(const value& self);
    value generator_cm_exit(const value& self, const value& type, value exc, const value& traceback);
    value context_manager_attribute(const value& obj, const std::string& name, bool& found);
    std::optional<value> context_manager_special(const value& obj, const char* name);
    value next_of(value& iterator, bool& exhausted);  // next(iterator): a TypeError for what is not an iterator
    value builtin_function(std::string_view name);    // the builtin of that name, whatever the program's globals say
    value call_itertools(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value next_of_itertools(itertools_object& it, bool& exhausted);
    value make_tees(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);  // itertools.tee
    value new_tee_link(const value& source);

    // ---- the random module (random_module.cpp) ----
    value call_random(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    mersenne_twister& random_generator();  // made at first use (charged to the run), seeded from the run's seed
    value random_bits(std::uint64_t k);     // getrandbits(k)
    value random_below(const value& n);     // _randbelow_with_getrandbits(n), n > 0
    std::int64_t random_sequence_length(const value& v, const char* fn);
    std::unique_ptr<mersenne_twister> random_;
    std::optional<double> gauss_next_;
    std::uint64_t random_seed_ = 0;         // S: the run is as if random.seed(S) had run first
    std::uint32_t random_reseeds_ = 0;      // random.seed() calls without a seed so far

    // ---- values: operators, calls, attributes (builtins.cpp, operators.cpp) ----
    value call_value(exec_context& ctx, const value& callee, std::vector<value> args,
                     std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame);
    value call_builtin(const builtin_object& b, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value load_attribute(const value& obj, const std::string& name);
    // ---- a program's classes (objects.cpp) ----
    ref<class_object> make_class(const std::string& name, const std::string& qualname, const std::vector<value>& bases);
    value make_exception_class(const ref<class_object>& body);
    value class_attribute(const value& obj, const std::string& name, bool& found);
    void store_attribute(const value& obj, const std::string& name, value v);
    void delete_attribute(const value& obj, const std::string& name);
    // C(...): a new instance, its __init__ pushed as a frame (pushed_frame) or already run.
    value construct(exec_context& ctx, const ref<class_object>& cls, std::vector<value> args,
                    std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame);
    // Calls `init` on the new `self`; its frame, when pushed, evaluates to `self` on return.
    value run_init(exec_context& ctx, value self, const value& init, std::vector<value> args,
                   std::vector<std::pair<std::string, value>> kwargs, bool& pushed_frame);
    static bool right_operand_first(const value& a, const value& b, std::string_view reflected);
    value make_super(exec_context& ctx, std::vector<value>& args);
    std::string instance_text(const value& v, bool as_repr) override;
    std::int64_t instance_hash(const value& v) override;
    void* enter_c_level(const char* where) override;
    void leave_c_level(void* token) override;
    // enter_c_level for a scope
    struct c_level_scope {
        runtime& r;
        void* token;
        c_level_scope(runtime& owner, const char* where) : r(owner), token(owner.enter_c_level(where)) {}
        ~c_level_scope() { r.leave_c_level(token); }
        c_level_scope(const c_level_scope&) = delete;
        c_level_scope& operator=(const c_level_scope&) = delete;
    };
    bool instance_truth(const value& v) override;
    std::vector<std::size_t> sorted_order(const std::vector<value>& items) override;
    // Calls obj's class's special method `name` with obj and `args` (false: the class has none).
    bool call_special(const value& obj, const char* name, std::vector<value> args, value& result);
    // obj's special method `name` from its class, bound to it (CPython's _PyObject_LookupSpecial);
    // nothing when its class has none.
    std::optional<value> bound_special(const value& obj, const char* name);
    // typing_forms.cpp: List[int], Optional[X], list[int], and their equality
    value typing_subscript(const value& form, const value& index);
    value builtin_generic_alias(const std::string& type, const value& index);
    bool typing_equal(const value& a, const value& b, int depth);
    // a == b, a < b ... where either is an instance: its __eq__/__lt__ ..., reflected as CPython
    // reflects them; nullopt when neither side defines one.
    std::optional<value> rich_compare(compare_op op, const value& a, const value& b);
    std::int64_t length_of_instance(const value& v);
    // a + b, a += b ... where either is an instance: __iadd__, then __add__ and __radd__ as CPython
    // tries them; nullopt when none is defined.
    std::optional<value> instance_binary(binary_op op, bool inplace, const value& a, const value& b);
    value property_get(const value& property, const value& self);
    // @dataclass: fields from the annotations, a generated __init__ (bytecode, so that its errors
    // are a Python function's), __repr__ and __eq__ unless the class defines them, __hash__ None.
    // dataclass(cls) with dataclass_options; `bare`: as @dataclass, without parentheses (its frames)
    value make_dataclass(const value& cls, unsigned options, bool bare);
    value dataclass_order(int method_id, const value& self, const value& other);
    std::int64_t dataclass_hash(const value& self);
    // A frozen dataclass's __setattr__/__delattr__ when it refuses (FrozenInstanceError)
    void check_frozen(const instance_object& inst, const std::string& name, bool deleting);
    // vars(obj) and obj.__dict__ of an instance of the program's own classes (objects.cpp): its
    // attributes as a dict, the same one while the program holds it, kept up to date by
    // store_attribute/delete_attribute (update_instance_dict); enum members, object() and instances
    // of the library's classes are not such
    static bool has_instance_dict(const value& v);
    value instance_dict(const value& obj);
    void update_instance_dict(instance_object& inst, const std::string& name, const value* v);
    std::string dataclass_repr(const value& self);
    bool dataclass_equal(const value& self, const value& other);
    value load_global(const std::string& name);
    // load_global and store_global of the program's code: by the code object's cache of the name
    // (code_object::global_cache) while it holds, else by the name, filling the cache.
    value load_global_slow(const code_object& code, std::int32_t index);
    void store_global_slow(const code_object& code, std::int32_t index, value v);
    // A builtin_table() position by name, or -1
    static std::int32_t builtin_position(const std::string& name);
    value import_module(const std::string& name);
    value binary(std::int32_t op, const value& a, const value& b);
    value compare(std::int32_t op, const value& a, const value& b);
    bool equals(const value& a, const value& b, int depth = 0);
    value subscript(const value& container, const value& index);
    void store_subscript(const value& container, const value& index, value v);
    void delete_subscript(const value& container, const value& index);  // del container[index]
    key_equality dict_equality();  // == as a dict compares its keys
    void dict_update(const value& dict, const value& other, const char* who);  // d.update(other), {**other}
    // The iterator's next item. Drawing it is charged as one step of the operation under way (the
    // cost of an instruction), so that a builtin that drains an iterator (sum, deque.extend, a
    // zip of zips) holds the thread no longer than max_operation_steps allows.
    value iterate_next(value& it, bool& exhausted)
    {
        charge_work(16);
        return draw_next(it, exhausted);
    }
    // The same, uncharged: for a `for` loop, whose instruction is already the step.
    value draw_next(value& it, bool& exhausted);
    value next_of_sequence(iterator_object& it, bool& exhausted);
    value make_reversed(const value& v);
    value resume_generator(generator_object& g, bool& exhausted);
    value resume_generator(generator_object& g, bool& exhausted, value sent, value thrown, bool delegate = true);
    value generator_throw(generator_object& g, std::vector<value>& args, bool& exhausted);
    void generator_close(generator_object& g);
    // coroutine.send(v) / throw(exc) / close(): the coroutine's frames run by hand (interpreter.cpp)
    value drive_coroutine(coroutine_object& c, value sent, value thrown, bool& returned);
    value coroutine_throw(coroutine_object& c, std::vector<value>& args, bool& returned);
    void coroutine_close(coroutine_object& c);
    bool coroutine_running(const coroutine_object& c) const;  // cr_running
    value normalize_thrown(std::vector<value>& args, const char* method);
    value next_of_builtin_iterator(iterator_object& it, bool& exhausted);
    void zip_check_lengths(iterator_object& it, std::size_t k);
    value make_iterator(const value& v);
    std::vector<value> to_vector(const value& v);
    // What `a, b = v` unpacks: a list's or tuple's items, or at most `limit` items drawn from its iterator
    std::vector<value> unpack_items(const value& v, std::size_t limit);
    std::vector<value> draw_items(value& iterator, std::size_t limit);
    std::string format_value(const value& v, const std::string& spec);  // text_format.cpp
    std::string printf_format(const std::string& format, const value& args);
    std::string format_markup(const std::string& s, const std::vector<value>& args,
                           const std::vector<std::pair<std::string, value>>& kwargs, int depth, int& auto_index);
    std::string ascii_of(const value& v);  // ascii(v)
    value call_str_method(const std::string& name, const std::string& s, std::vector<value>& args,
                          std::vector<std::pair<std::string, value>>& kwargs);  // str_methods.cpp
    // set and frozenset as CPython's methods and operators drive their table (set_methods.cpp).
    value new_set(const value& iterable, bool frozen);          // set(x), frozenset(x)
    void set_update(const value& target, const value& other);   // set_update_internal: |=, update(), set(x)
    bool set_contains(const value& set, const value& key);      // `in`: a set key is looked up as a frozenset
    // a | b, a & b, a - b, a ^ b and their in-place forms; unbound when an operand is not a set.
    value set_binary(binary_op op, const value& a, const value& b, bool inplace);
    bool set_compare(compare_op op, const value& a, const value& b);  // ==, <= ... between two sets
    // d.keys() & other, other | d.items() ... (dictviews_and/or/sub/xor); unbound when neither operand is a keys or items view.
    value dict_view_binary(binary_op op, const value& a, const value& b);
    // ==, <, <= ... between a keys or items view and a set or another such view (dictview_richcompare).
    bool dict_view_compare(compare_op op, const value& a, const value& b);
    static bool set_like_view(const value& v)
    {
        return v.is(value_kind::dict_view) && v.as<dict_view_object>().view != dict_view_kind::values;
    }
    value call_set_method(const std::string& name, const value& self, std::vector<value>& args);
    // collections.deque as CPython 3.11's _collectionsmodule.c (collections_module.cpp).
    value new_deque(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);  // deque(iterable, maxlen)
    value call_deque_method(const std::string& name, const value& self, std::vector<value>& args,
                            std::vector<std::pair<std::string, value>>& kwargs);
    void deque_extend(const value& self, const value& iterable, bool left);
    bool deque_contains(const value& self, const value& item);
    bool deque_equal(const value& a, const value& b, int depth);
    value deque_order(compare_op op, const value& a, const value& b);  // <, <=, >, >= between two deques
    // d + other, d * n, n * d, d += iterable, d *= n; unbound when no operand is a deque
    value deque_binary(binary_op op, const value& a, const value& b, bool inplace);
    value deque_item(const value& self, const value& index);
    // collections.defaultdict (collections_module.cpp): defaultdict(factory, ...), and d[key] for a key
    // d lacks (__missing__: the factory's value, stored; KeyError for a plain dict or a None factory).
    value new_defaultdict(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value dict_missing(const value& dict, const value& key);
    // Named tuples: collections.namedtuple and typing.NamedTuple (named_tuples.cpp)
    value named_tuple_method(const std::string& name);
    void fill_named_tuple_class(class_object& cls, std::shared_ptr<named_tuple_spec> spec);
    value new_named_tuple_class(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    // json_module.cpp: json.dumps, json.loads, a program's JSONDecodeError(msg, doc, pos)
    class json_encoder;
    class json_decoder;
    value json_dumps(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value json_loads(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value new_json_decode_error(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    // bisect_module.cpp: bisect's C functions, told apart by name
    value call_bisect(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    // heapq_module.cpp: heapq's C functions, told apart by name
    value call_heapq(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    bool heap_less(const value& a, const value& b);
    void heap_sift_down(const value& heap, std::size_t startpos, std::size_t pos);
    void heap_sift_up(const value& heap, std::size_t pos);
    value new_typing_named_tuple(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    void finish_named_tuple_class(class_object& cls);
    value construct_named_tuple(const ref<class_object>& cls, std::vector<value> args, std::vector<std::pair<std::string, value>> kwargs);
    value make_named_tuple(const ref<class_object>& cls, std::vector<value> items);
    value call_named_tuple_method(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    std::string named_tuple_repr(const value& v);
    std::string named_tuple_text(const value& v, bool as_repr) override;
    bool exception_text(const value& v, bool as_repr, std::string& out) override;
    value named_tuple_attribute(const value& obj, const std::string& name, bool& found);
    void store_named_tuple_attribute(const value& obj, const std::string& name, value v, bool deleting);
    std::vector<const object*> named_tuples_in_repr_;
    // dataclasses' functions (dataclasses_module.cpp): fields, asdict, astuple, replace, is_dataclass; Field
    // objects and MISSING, made once per run; the tuple fields() gave for each dataclass (the same Field
    // objects each time, as CPython's __dataclass_fields__ keeps them)
    value call_dataclasses(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value dataclasses_member(const std::string& name);
    bool is_dataclass_field_object(const value& v) const;
    value dataclass_field_class_, dataclass_missing_;
    std::vector<std::pair<value, value>> dataclass_fields_made_;
    // functools' _CacheInfo named tuple class, made once per run (functools_module.cpp)
    value lru_cache_info_class_;
    // `yield from` (interpreter.cpp)
    value yield_from_step(const value& iter, value sent, bool& returned);
    bool delegate_throw(generator_object& g, value& thrown, value& result, bool& yielded);
    // collections.Counter (collections_counter.cpp)
    value make_counter();
    value new_counter(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value call_counter_method(const std::string& name, const value& self, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    void counter_update(const value& self, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs, bool subtract, const char* qualname);
    void counter_add_from(const value& self, const value& iterable, bool subtract);
    value count_of(const value& counter, const value& key);
    std::vector<value> counter_sorted_items(const value& self);
    value counter_most_common(const value& self, const value& n);
    bool counter_all(compare_op op, const value& a, const value& b);
    value counter_compare(compare_op op, const value& a, const value& b);  // unbound: NotImplemented
    // collections.OrderedDict (collections_ordered_dict.cpp)
    value make_ordered_dict();
    value new_ordered_dict(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    value call_ordered_dict_method(const std::string& name, const value& self, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs);
    void ordered_dict_update(const value& self, const value& other);
    value make_ordered_dict_iterator(const value& source, bool reversed);
    value next_of_ordered_dict(iterator_object& it, bool& exhausted);
    bool ordered_keys_equal(const value& a, const value& b, int depth);
    value counter_binary(binary_op op, const value& a, const value& b, bool inplace);  // unbound: NotImplemented
    value counter_unary(const value& c, bool negate);
    void counter_keep_positive(const value& self);
    bool counter_positive(const value& count);
    std::vector<std::pair<value, value>> counter_other_items(const value& other);
    std::vector<std::pair<value, value>> counter_repr_items(const value& self) override;
    template <class F> void each_item(const value& dict, F&& f);
    void deque_store(const value& self, const value& index, value v);  // v unbound: del d[i]
    void sort_values(std::vector<value>& items);
    std::vector<std::size_t> order_by_less_than(const std::vector<value>& items);
    // list.sort / sorted: stable, keyed by key(item) when a key is given, reverse keeping equal
    // items in their order, as CPython's.
    void sort_values(std::vector<value>& items, const value& key, bool reverse);
    void sort_by_keys(std::vector<value>& items, std::vector<value> keys, bool reverse);
    // Calls a Python callable from native code and runs it to its end (see work_meter's nested calls).
    // `c_levels`: the levels of C recursion CPython counts between the caller's frame and the call's
    // (1: the builtin or slot calling back; 0 where the caller has entered its own, as repr() has)
    value call_sync(const value& callee, std::vector<value> args, std::vector<std::pair<std::string, value>> kwargs = {},
                    std::size_t c_levels = 1);
    // The work items (16 a step) one call_sync is charged before it is made
    static constexpr std::size_t call_sync_work = 96;
    // Where the thread's stack was when advance() began: native recursion is measured from there
    // (run_config::max_native_stack_bytes)
    std::uintptr_t native_stack_top_ = 0;
    void check_native_stack() const;
    int iterator_depth_ = 0;
    // Inside call_sync: the context the nested call runs in, and the Python frames of the contexts it
    // was called from, which count against max_call_depth as CPython counts one recursion depth.
    exec_context* sync_context_ = nullptr;
    std::size_t frames_below_ = 0;
    // While a nested context runs (call_sync's, a generator's): it is sync_context_, and the depth of
    // the one that ran it, plus the C levels between them, is below its frames
    struct nested_context_scope;
    // A string or list about to hold n characters or items: the length bound, and the memory bound
    // asked before the allocation (check_items: n values).
    void check_length(std::size_t n);
    void check_items(std::size_t n);
    // A list about to grow by `added` items: when its buffer must be reallocated, the new buffer's bytes.
    void check_growth(const std::vector<value>& items, std::size_t added);
    // Bulk work (copying, scanning, joining n items) costs steps too, so that one instruction over a
    // million-item list cannot buy a million units of CPU for one step.
    void charge_work(std::size_t items) { meter_.charge(items); }
    value make_builtin(int id, const std::string& name, value self = {});
    value library_private(const std::string& name);
    // A list that receives a list or tuple could come to contain itself: remember it, so the run's
    // end can break such cycles (shared ownership alone would leak them).
    void note_nesting(const value& container, const value& item);
    int isinstance_depth_ = 0;  // isinstance() inside a tuple of classes inside …
    // An object that may end up in a reference cycle, cleared by the run's end (break_cycles). Those
    // gone are dropped whenever the list has doubled: a weak reference keeps its object's memory.
    void remember_container(const ref<object>& o);
    std::vector<weak_ref<object>> nested_containers_;
    std::size_t prune_containers_at_ = 64;
    std::string* print_under_way_ = nullptr;  // the text of the print() under way, not yet written
    bool print_under_way_to_stderr_ = false;  // ... and where it goes
    value std_streams_[2];                    // sys.stdout, sys.stderr: made at first use
    value std_stream(bool is_stderr);
    // Text a program writes (print, sys.stdout.write): to its output, or to stderr, counted against
    // max_output_lines either way
    void write_text(const std::string& text, bool to_stderr, std::int32_t line);

    // ---- state ----
    run_config config_;
    work_meter meter_{config_, memory_.account};
    event_sink& sink_;
    std::shared_ptr<bool> alive_;
    // Generators stopped at a yield inside try/finally or with (generator_object::stopped_in_cleanup_block),
    // and whether one was let go there since the last instruction
    int generators_in_cleanup_blocks_ = 0;
    int async_generators_in_cleanup_blocks_ = 0;  // of those, asynchronous ones: asyncio.run() closes them as it ends
    bool generator_dropped_in_cleanup_block_ = false;
    bool dropped_generator_was_async_ = false;
    // Generators let go at such a yield since the last instruction, their frames moved to a new object
    // (a destructor cannot run Python code): closed before the next instruction runs
    std::vector<ref<generator_object>> dropped_generators_;
    std::vector<ref<async_generator_object>> dropped_async_generators_;
    void finalize_dropped_async_generator(ref<async_generator_object> agen);
    void close_dropped_generators(const frame* current);
    void report_unraisable(const object& where, value exc, const frame* current);
    // Coroutines driven by hand (send/throw) stopped inside a try or with block, and whether the one
    // let go was such a coroutine
    int coroutines_in_cleanup_blocks_ = 0;
    bool dropped_was_coroutine_ = false;
    // send()/throw()/close() of a coroutine under way: its awaits are not the task's (no await events)
    int driving_coroutines_ = 0;
    [[noreturn]] void refuse_dropped_generator();
    void check_generators_at_exit();
    std::vector<std::string> source_lines_;
    std::shared_ptr<code_object> module_code_;

    std::uint64_t seq_ = 0;
    double now_ = 0.0;
    double blocked_until_ = -1.0;  // time.sleep: the run's loop is blocked until then
    std::size_t output_lines_ = 0;
    bool finished_ = false;
    bool finishing_ = false;        // releasing the globals; run_finished waits in finish_event_
    // Why the next task_cancel happens (its event's `cause`, `primitive`): set around a cancel that
    // asyncio makes for a reason of its own (a gather, asyncio.run's end, the library's timeouts and
    // task groups); empty: the program's own task.cancel()
    struct cancel_cause {
        std::string cause;
        std::uint64_t primitive = 0;
    } cancel_cause_;
    struct cause_scope {
        cancel_cause& slot;
        cancel_cause saved;
        cause_scope(cancel_cause& s, std::string cause, std::uint64_t primitive) : slot(s), saved(std::move(s))
        {
            slot = {std::move(cause), primitive};
        }
        ~cause_scope() { slot = std::move(saved); }
        cause_scope(const cause_scope&) = delete;
        cause_scope& operator=(const cause_scope&) = delete;
    };
    // The library's primitives (primitives.cpp): ids, and each held Lock's holder by id
    std::uint64_t next_primitive_id_ = 0;
    std::unordered_map<std::uint64_t, std::string> primitive_holders_;
    // A primitive that the library made for another (hidden): that owner, whose events show it
    std::unordered_map<std::uint64_t, weak_ref<object>> primitive_owners_;
    std::string primitive_text_;  // the state primitive_event writes
    std::unordered_map<std::uint64_t, std::uint64_t> primitive_digests_;  // each one's last state sent (a hash)
    value library_primitive(std::vector<value>& args);
    void primitive_event(const value& object, int depth);
    std::pair<bool, std::string> lock_state(const value* lock);
    value library_cancel(std::vector<value>& args);
    std::size_t cancel_depth_ = 0;  // cancel_any() inside cancel_any(): tasks awaiting each other
    bool quiet_teardown_ = false;   // stopped by a bound: no shutdown warnings
    std::optional<event_record> finish_event_; // owns its strings: it waits past the objects they name
    std::string callback_text_;                // describe()'s label of a task's callback
    release_queue teardown_;
    std::size_t next_global_ = 0;   // the next global to let go while finishing
    bool roots_released_ = false;   // release_some() has handed everything to teardown_
    std::size_t cycle_cursor_ = 0;  // how far break_cycles() has come: tasks, then gathers, then containers
    std::size_t timer_cursor_ = 0;  // ... then the loop's timers
    int exit_status_ = 0;
    bool keyboard_interrupt_ = false;

    std::vector<std::pair<std::string, value>> globals_;
    std::unordered_map<std::string, std::size_t> global_index_;
    std::vector<value> builtin_values_;  // load_global's builtins, by builtin_table() position, made on first use
    // Names code objects' global caches (code_object::global_cache) as this run's: a new number from a
    // process-wide sequence whenever a global is added or the globals are let go.
    static std::uint64_t next_globals_epoch();
    std::uint64_t globals_epoch_ = next_globals_epoch();
    std::set<std::string> warned_;

    exec_context main_;
    exec_context* running_ = nullptr;          // the context executing (main, or a task's)
    // The recursion depth CPython would count at the top of ctx (RecursionError at max_call_depth)
    std::size_t call_depth(const exec_context& ctx) const;
    ref<task_object> current_task_;  // the task whose step runs
    bool in_callback_ = false;
    bool advancing_ = false;                    // inside advance(): a cancel waits for a safe point
    std::optional<std::string> pending_cancel_;

    ref<loop_object> current_loop_;  // set_event_loop
    ref<loop_object> running_loop_;
    std::uint64_t next_loop_id_ = 1;
    std::uint64_t next_handle_id_ = 1;
    std::uint64_t task_counter_ = 0;
    std::size_t live_tasks_ = 0;
    std::vector<weak_ref<task_object>> all_tasks_;
    std::vector<weak_ref<future_object>> gathers_;  // their results may hold them: cycles broken at the end

    runner_phase phase_ = runner_phase::none;
    ref<future_object> runner_future_;
    ref<task_object> runner_main_task_;
    std::vector<ref<task_object>> runner_cancelled_;
    value runner_result_;
    value runner_exception_;
    bool main_waiting_on_loop_ = false;
    value last_result_;      // what the context that just stopped returned
    value last_exception_;   // or raised
    std::int32_t exit_line_ = 0;  // the line its last frame ended on

    // ---- the default executor's modelled threads: loop.run_in_executor(None, ...), asyncio.to_thread
    // (executor.cpp). Worker threads are contexts of their own, run by the same scheduler: a new one
    // runs its item at once until it blocks (as a new OS thread takes the GIL from a submit that waits
    // for it to start), an idle one takes a queued item when the loop thread next waits, a sleeping
    // one wakes at its program time (before the loop's own timer due then); a result reaches the loop
    // through call_soon_threadsafe. No OS thread ever runs program code.
    struct work_item {
        value function;
        std::vector<value> arguments;
        std::vector<std::pair<std::string, value>> keywords;  // to_thread's
        ref<future_object> future;  // wrap_future's asyncio future, on the submitting loop
        std::string label;
    };
    struct worker_thread {
        std::string name;  // asyncio_0, asyncio_1 ... (ThreadPoolExecutor(thread_name_prefix='asyncio'))
        exec_context context;
        enum class state_kind : std::uint8_t { idle, running, sleeping } state = state_kind::idle;
        double wake_at = 0.0;
        std::uint64_t slept_order = 0;  // of two sleepers due at once, the first asleep wakes first
        std::optional<work_item> item;
        value sleep_result;  // a direct time.sleep (to_thread(time.sleep, 1)): None once it wakes
    };
    value run_in_executor(const ref<loop_object>& loop, std::vector<value>& args,
                          std::vector<std::pair<std::string, value>> keywords = {});
    bool start_worker_item(worker_thread& w);          // the queue's first live item, started in w (false: none)
    value shutdown_default_executor(const ref<loop_object>& loop);
    void enter_worker(worker_thread& w);
    void leave_worker();
    void run_worker_slice();                            // the running worker, until it blocks or its item ends
    void worker_item_done(worker_thread& w, bool raised, value result);
    bool worker_sleep(double secs);                     // time.sleep: true when a worker called it
    // At a point where the loop thread waits until `deadline` (none: nothing to wait for): a worker to
    // run first, or the earlier program time a sleeping worker wakes at
    bool start_waiting_worker(std::optional<double> deadline, double& wake);
    bool executor_busy() const;
    std::vector<std::unique_ptr<worker_thread>> workers_;
    std::deque<work_item> work_queue_;
    std::size_t idle_permits_ = 0;   // ThreadPoolExecutor._idle_semaphore's value
    weak_ref<loop_object> executor_loop_;
    bool executor_shutdown_called_ = false;
    ref<future_object> executor_idle_future_;  // shutdown_default_executor waits on it
    std::uint64_t worker_sleep_order_ = 0;
    worker_thread* worker_running_ = nullptr;
    // New workers that run before the submitting code goes on, in the order they were started (several
    // when one operation, a generator expression, submits more than one call)
    std::deque<worker_thread*> worker_pending_;
    bool exit_waits_for_workers_ = false;  // the module's code has ended: the executor's threads finish first
    bool worker_blocked_ = false;     // the running worker just fell asleep (time.sleep)
    bool worker_preempts_ = false;    // a new worker started inside the current call: that context stops
    struct worker_saved {
        exec_context* running = nullptr;
        ref<task_object> task;
        ref<loop_object> loop;
        bool in_callback = false;
    } worker_saved_;

    friend struct coroutine_object;
    friend struct set_algorithms;  // set_methods.cpp
    friend struct str_method_call;  // str_methods.cpp
};

} // namespace loopscope::engine
