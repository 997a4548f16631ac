// What the logging module (asyncio/library/logging.py) asks of the engine, and asyncio's own log
// records, which go through that module once the program has imported it: CPython's asyncio logs
// through logging.getLogger('asyncio'), so a program's basicConfig() decides how they look.
#include "library.hpp"
#include "modules.hpp"
#include "runtime.hpp"

#include "frame.hpp"
#include "integers.hpp"

namespace loopscope::engine {

namespace {

constexpr const char* base_events_py = "/usr/lib/python3.11/asyncio/base_events.py";
constexpr std::int32_t default_exception_handler_line = 1771;  // logger.error('\n'.join(log_lines), exc_info=exc_info)
constexpr const char* selector_events_py = "/usr/lib/python3.11/asyncio/selector_events.py";
constexpr std::int32_t using_selector_line = 54;  // logger.debug('Using selector: %s', selector.__class__.__name__)
constexpr std::int64_t debug_level = 10;
constexpr std::int64_t warning_level = 30;  // lastResort's: what it writes without a configuration
constexpr std::int64_t error_level = 40;

} // namespace

value runtime::logging_helper(const std::string& name, std::vector<value>& args)
{
    auto expect = [&](std::size_t n) {
        if (args.size() != n) raise_unsupported("logging's helper " + name + " called another way");
    };
    if (name == "_calendar_text") {
        // time.strftime(format, time.localtime(seconds)) in the run's calendar (UTC)
        expect(2);
        if (!args[0].is(value_kind::string)) raise_error("TypeError", "strftime() argument 1 must be str, not " + type_name(args[0]));
        if (!args[1].is(value_kind::floating) && !is_int(args[1])) raise_unsupported("a LogRecord whose created is not a number");
        const double seconds = args[1].is(value_kind::floating) ? args[1].f : int_to_float(args[1]);
        charge_work(args[0].as<string_object>().s.size());
        return value::string(calendar_text(args[0].as<string_object>().s, seconds));
    }
    if (name == "_logging_caller") {
        // Logger.findCaller: from the logging call, back past logging's own frames, `stacklevel`
        // frames of the program; (co_filename, f_lineno, co_name)
        expect(1);
        if (!is_int(args[0])) raise_unsupported("a stacklevel that is not an int");
        const auto wanted = small_int(args[0]);
        std::int64_t stacklevel = wanted ? *wanted : 1;
        const library_module* logging = library_top_module("logging");
        const frame* found = nullptr;
        if (running_) {
            for (auto it = running_->frames.rbegin(); it != running_->frames.rend() && stacklevel > 0; ++it) {
                const code_object& code = *(*it)->code;
                if (code.library == logging) continue;
                found = it->get();
                --stacklevel;
            }
        }
        // A logging function called by the loop itself (loop.call_soon(logging.info, ...)) or by a worker
        // thread (to_thread(logging.info, ...)): CPython's caller is asyncio's Handle._run or the
        // executor's _WorkItem.run
        if (!found && wanted && *wanted == 1) {
            if (in_callback_)
                return value::tuple({value::string("/usr/lib/python3.11/asyncio/events.py"), value::integer(80), value::string("_run")});
            if (worker_running_)
                return value::tuple({value::string("/usr/lib/python3.11/concurrent/futures/thread.py"), value::integer(58), value::string("run")});
        }
        // CPython's stack goes on below a task's coroutine (asyncio's frames) and below a nested call
        if (!found || stacklevel > 0) raise_unsupported("a logging stacklevel past the frames of the program's task or call");
        if (found->code->library) raise_unsupported("a logging call whose caller is asyncio's own code");
        const std::string file = found->code->dataclass_generated ? "<string>" : config_.file_name;
        return value::tuple({value::string(file), value::integer(found->line), value::string(found->code->name)});
    }
    if (name == "_handled_exception") {
        expect(0);
        const value* handled = running_ ? exception_being_handled(*running_) : nullptr;
        return handled && handled->is(value_kind::exception) ? *handled : value::none();
    }
    if (name == "_exception_text") {
        // traceback.print_exception's text of the exception (sys.exc_info() of nothing: NoneType: None);
        // with_traceback false: as print_exception(type, value, None) writes it, its chain with theirs
        expect(2);
        if (args[0].is(value_kind::none)) return value::string("NoneType: None\n");
        if (!args[0].is(value_kind::exception)) raise_unsupported("logging the exception information of what is not an exception");
        if (truthy(args[1])) return value::string(format_traceback(args[0], true));
        auto& exc = args[0].as<exception_object>();
        auto kept = std::move(exc.traceback);
        exc.traceback.clear();
        std::string text;
        try {
            text = format_traceback(args[0], true);
        } catch (...) {
            exc.traceback = std::move(kept);
            throw;
        }
        exc.traceback = std::move(kept);
        return value::string(std::move(text));
    }
    if (name == "_thread_name") {
        expect(0);
        return value::string(worker_running_ ? worker_running_->name : "MainThread");
    }
    if (name == "_unsupported") {
        expect(1);
        raise_unsupported(str(args[0]));
    }
    raise_unsupported("logging's helper " + name);
}

// A record of asyncio's logger: through the logging module when the program has imported it, else as
// its lastResort handler writes it (the message, then the traceback). A task or future let go with its
// exception unretrieved logs from its destructor, where no Python code may run: its record waits for
// the end of the instruction (the slice ends at once): advance_slice writes it then, before anything
// else runs (write_next_asyncio_record).
void runtime::log_for_asyncio(std::int64_t level, const std::string& message, const value& exc, log_place place)
{
    if (!library_module_imported("logging") || finishing_ || finished_) {
        if (level >= warning_level) emit_stderr(message + "\n" + (exc.is(value_kind::exception) ? format_traceback(exc, true) : ""));
        return;
    }
    if (place == log_place::destructor) {
        pending_asyncio_records_.push_back({level, message, exc});
        meter_.end_slice();
        return;
    }
    const bool selector = place == log_place::selector;
    std::vector<value> args;
    args.push_back(value::integer(level));
    args.push_back(value::string(message));
    args.push_back(selector ? value::tuple({value::string("EpollSelector")}) : value::tuple({}));
    args.push_back(exc.is(value_kind::exception) ? exc : value::none());
    args.push_back(value::string(selector ? selector_events_py : base_events_py));
    args.push_back(value::integer(selector ? using_selector_line : default_exception_handler_line));
    args.push_back(value::string(selector ? "__init__" : "default_exception_handler"));
    const value* log = library_namespace(*library_top_module("logging")).find("_log_for_asyncio");
    if (!log) raise_unsupported("logging without its _log_for_asyncio");
    call_sync(*log, std::move(args));
}

void runtime::log_selector_in_use() { log_for_asyncio(debug_level, "Using selector: %s", value::none(), log_place::selector); }

void runtime::log_asyncio_error(const std::string& message, const value& exc, bool from_destructor)
{
    log_for_asyncio(error_level, message, exc, from_destructor ? log_place::destructor : log_place::loop);
}

// One record that waited for its instruction's end, written as an operation of its own (in CPython
// each is a Task.__del__ call of its own: two thousand tasks let go by one list.clear() are two thousand
// records, not one operation past max_operation_steps), what the program's last instruction left for
// its caller kept aside meanwhile
void runtime::write_next_asyncio_record()
{
    const asyncio_record record = std::move(pending_asyncio_records_.front());
    pending_asyncio_records_.pop_front();
    meter_.step();
    struct keep_results {
        runtime& r;
        value result = std::move(r.last_result_);
        value exception = std::move(r.last_exception_);
        ~keep_results()
        {
            r.last_result_ = std::move(result);
            r.last_exception_ = std::move(exception);
        }
    } kept{*this};
    log_for_asyncio(record.level, record.message, record.exc, log_place::loop);
}

} // namespace loopscope::engine
