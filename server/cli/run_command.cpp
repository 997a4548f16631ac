#include "run_command.hpp"
#include "trace_export.hpp"

#include <loopscope/engine/config.hpp>
#include <loopscope/engine/disassemble.hpp>
#include <loopscope/engine/driver.hpp>
#include <loopscope/protocol/event_json.hpp>
#include <loopscope/engine/run.hpp>

#include <loopscope/version.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace loopscope::cli {

namespace {

constexpr const char* usage =
    "usage: loopscope run PROGRAM.py [--clock virtual|scaled] [--speed X] [--events FILE] [--trace FILE.json] [--random-seed N]\n"
    "                     [--max-steps N] [--max-tasks N] [--dis]\n"
    "  --events FILE       write the run as a run file (a header line, then one JSON event a line) that the page opens\n"
    "  --trace FILE.json   write the run as a Chrome / Perfetto trace (ui.perfetto.dev, chrome://tracing)\n"
    "  --random-seed N     start the random module as if random.seed(N) had run first (0 to 2**53 - 1); without it\n"
    "                      each run draws one, reported in run_finished as random_seed, so that a run can be replayed\n"
    "  --max-steps N       let the run take up to N steps (default 10000000; at most 10**12): the server's own bound\n"
    "                      stays its config's, this is for your own long programs and benchmarks\n"
    "  --max-tasks N       let the run have up to N unfinished tasks at once (default 10000; at most 1000000)\n"
    "  --dis               print the program's bytecode (each code object, one instruction a line) instead of running it\n";

// Program output goes where python3 would put it; the event stream, if asked for, to a file.
// The trace needs the whole run (a loop's idle wait ends at the next event), so its events are kept
// until the run is over.
class console_sink final : public engine::event_sink {
public:
    console_sink(std::ofstream* events, std::vector<boost::json::object>* trace) : events_(events), trace_(trace) {}

    void on_event(const engine::event& e) override
    {
        if (e.kind == engine::event_kind::print && e.text) {
            std::fwrite(e.text->data(), 1, e.text->size(), stdout);
        } else if (e.kind == engine::event_kind::stderr_text && e.text) {
            std::fflush(stdout);
            std::fwrite(e.text->data(), 1, e.text->size(), stderr);
        }
        if (!events_ && !trace_) return;
        line_.clear();
        protocol::append_event_json(line_, e);
        if (trace_) {
            // Boost.JSON 1.81 parses a number to a double that may differ in its last bit; the trace
            // must carry the event's own times, as the page reads them from the events file.
            auto event = boost::json::parse(line_).as_object();
            event["t"] = e.t;
            if (e.delay) event["delay"] = *e.delay;
            if (e.when) event["when"] = *e.when;
            trace_->push_back(std::move(event));
        }
        if (events_) {
            line_ += '\n';
            events_->write(line_.data(), static_cast<std::streamsize>(line_.size()));
        }
    }

private:
    std::ofstream* events_;
    std::vector<boost::json::object>* trace_;
    std::string line_;
};

// The run file's first line (protocol/README.md, "Run files"): what the page needs to open the run
// again with its program and settings. The events follow, one a line.
std::string run_file_header(const std::string& source, const std::string& file_name, const engine::drive_options& options)
{
    boost::json::object program{{"source", source}, {"scenario", nullptr}, {"file_name", file_name}};
    boost::json::object settings{
        {"clock", options.clock == engine::clock_kind::virtual_ ? "virtual" : "scaled"}, {"speed", options.speed}};
    // A whole speed as an integer: 4, not 4E0 (boost::json's form for a double)
    if (options.speed == static_cast<double>(static_cast<std::int64_t>(options.speed)))
        settings["speed"] = static_cast<std::int64_t>(options.speed);
    boost::json::object header{{"format", "loopscope-run"}, {"version", 1}, {"loopscope", loopscope::version},
                               {"program", std::move(program)}, {"settings", std::move(settings)}};
    return boost::json::serialize(header) + '\n';
}

} // namespace

int run_command(int argc, char** argv)
{
    std::string program_path, events_path, trace_path;
    std::optional<std::uint64_t> random_seed;
    engine::run_config bounds;
    bool disassembly = false;
    engine::drive_options options;
    for (int k = 1; k < argc; ++k) {
        std::string arg = argv[k];
        auto name = arg.substr(0, arg.find('='));
        bool takes_value = name == "--clock" || name == "--speed" || name == "--events" || name == "--trace" || name == "--random-seed" ||
                           name == "--max-steps" || name == "--max-tasks";
        if (takes_value && arg.find('=') == std::string::npos && k + 1 >= argc) {
            std::fprintf(stderr, "loopscope run: %s needs a value\n%s", arg.c_str(), usage);
            return 2;
        }
        auto value = [&]() -> std::string {
            auto eq = arg.find('=');
            if (eq != std::string::npos) return arg.substr(eq + 1);
            return argv[++k];
        };
        if (name == "--clock") {
            auto v = value();
            if (v == "virtual") options.clock = engine::clock_kind::virtual_;
            else if (v == "scaled") options.clock = engine::clock_kind::scaled;
            else {
                std::fprintf(stderr, "loopscope run: --clock must be 'virtual' or 'scaled', not '%s'\n", v.c_str());
                return 2;
            }
        } else if (name == "--speed") {
            auto v = value();
            char* end = nullptr;
            options.speed = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end || !(options.speed >= engine::min_speed && options.speed <= engine::max_speed)) {
                std::fprintf(stderr, "loopscope run: --speed must be a number from 0.01 to 10000, not '%s'\n", v.c_str());
                return 2;
            }
        } else if (name == "--random-seed") {
            auto v = value();
            char* end = nullptr;
            errno = 0;
            const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
            if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0])) || *end || errno || n > engine::max_random_seed) {
                std::fprintf(stderr, "loopscope run: --random-seed must be an integer from 0 to 9007199254740991, not '%s'\n", v.c_str());
                return 2;
            }
            random_seed = n;
        } else if (name == "--max-steps" || name == "--max-tasks") {
            // A positive whole number, at most the option's ceiling
            auto v = value();
            const unsigned long long ceiling = name == "--max-steps" ? 1'000'000'000'000ULL : 1'000'000ULL;
            char* end = nullptr;
            errno = 0;
            const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
            if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0])) || *end || errno || n == 0 || n > ceiling) {
                std::fprintf(stderr, "loopscope run: %s must be an integer from 1 to %llu, not '%s'\n", name.c_str(), ceiling, v.c_str());
                return 2;
            }
            if (name == "--max-steps") bounds.max_steps = n;
            else bounds.max_tasks = static_cast<std::size_t>(n);
        } else if (name == "--events") {
            events_path = value();
        } else if (name == "--trace") {
            trace_path = value();
        } else if (arg == "--dis") {
            disassembly = true;
        } else if (name == "-h" || name == "--help") {
            std::fputs(usage, stdout);
            return 0;
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            std::fprintf(stderr, "loopscope run: unknown option '%s'\n%s", arg.c_str(), usage);
            return 2;
        } else if (program_path.empty()) {
            program_path = arg;
        } else {
            std::fprintf(stderr, "loopscope run: one program at a time\n%s", usage);
            return 2;
        }
    }
    if (program_path.empty()) {
        std::fputs(usage, stderr);
        return 2;
    }
    std::ifstream in(program_path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "loopscope run: can't open file '%s'\n", program_path.c_str());
        return 2;
    }
    std::ostringstream source;
    source << in.rdbuf();
    if (disassembly) {
        const engine::run_config limits;
        if (source.str().size() > limits.max_source_bytes) {
            std::fprintf(stderr, "loopscope run: %s is larger than max_source_bytes (%zu)\n", program_path.c_str(), limits.max_source_bytes);
            return 1;
        }
        std::string text;
        const bool ok = engine::disassemble(source.str(), limits.max_nesting_depth, text);
        std::fputs(text.c_str(), ok ? stdout : stderr);
        return ok ? 0 : 1;
    }

    std::ofstream events;
    if (!events_path.empty()) {
        events.open(events_path, std::ios::binary | std::ios::trunc);
        if (!events) {
            std::fprintf(stderr, "loopscope run: can't write events to '%s'\n", events_path.c_str());
            return 2;
        }
    }
    engine::run_config config = bounds;
    config.random_seed = random_seed;
    std::error_code ec;
    auto absolute = std::filesystem::absolute(program_path, ec);
    config.file_name = ec ? program_path : absolute.string();
    if (!events_path.empty()) {
        auto header = run_file_header(source.str(), config.file_name, options);
        events.write(header.data(), static_cast<std::streamsize>(header.size()));
    }
    // Opened before the run, so that a path that cannot be written fails at once
    std::ofstream trace;
    if (!trace_path.empty()) {
        trace.open(trace_path, std::ios::binary | std::ios::trunc);
        if (!trace) {
            std::fprintf(stderr, "loopscope run: can't write the trace to '%s'\n", trace_path.c_str());
            return 2;
        }
    }
    std::vector<boost::json::object> trace_events;
    console_sink sink(events_path.empty() ? nullptr : &events, trace_path.empty() ? nullptr : &trace_events);

    auto program = std::make_shared<engine::run>(source.str(), config, sink);
    boost::asio::io_context io;
    auto driver = engine::run_driver::start(io.get_executor(), program, options, nullptr);
    io.run();
    std::fflush(stdout);
    if (!trace_path.empty()) {
        auto stem = std::filesystem::path(program_path).stem().string();
        trace << boost::json::serialize(trace_of(trace_events, "loopscope: " + stem, loopscope::version)) << '\n';
        if (!trace.flush()) std::fprintf(stderr, "loopscope run: could not write all of the trace to '%s'\n", trace_path.c_str());
    }
    if (program->ended_by_keyboard_interrupt()) {
        // As CPython ends after an uncaught KeyboardInterrupt: killed by SIGINT, its default action
        std::fflush(stderr);
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
    return program->exit_status();
}

} // namespace loopscope::cli
