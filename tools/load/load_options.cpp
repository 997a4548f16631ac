#include "load_options.hpp"

#include "loopscope/version.hpp"

#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <regex>

namespace loopscope::load {

namespace po = boost::program_options;

namespace {

// ws://HOST:PORT/PATH; HOST an address or a name. wss:// needs TLS, which this tool does not speak.
bool split_url(load_options& options)
{
    static const std::regex pattern{R"(^ws://([^/:]+)(?::(\d+))?(/.*)?$)"};
    std::smatch match;
    if (!std::regex_match(options.url, match, pattern)) return false;
    options.host = match[1].str();
    options.port = match[2].matched ? match[2].str() : "80";
    options.path = match[3].matched ? match[3].str() : "/";
    return true;
}

} // namespace

std::optional<load_options> parse_options(int argc, char** argv, int& exit_status)
{
    load_options options;
    std::string clock = "scaled";
    double duration = 0;
    double timeout = 0;
    std::uint64_t runs = 0;
    double max_p99 = -1;

    po::options_description description("usage: loopscope-load [options]\n\nOptions");
    description.add_options()
        ("help,h", "this help")
        ("version", "print the version")
        ("url", po::value(&options.url)->default_value(options.url), "server websocket URL (/ws, or /echo with --echo)")
        ("connections,c", po::value(&options.connections)->default_value(options.connections), "connections to open")
        ("ramp", po::value(&options.ramp_per_second)->default_value(options.ramp_per_second), "new connections per second")
        ("source-addresses", po::value(&options.source_addresses)->default_value(0),
         "loopback source addresses to spread connections over (127.0.0.1, .2, ...); 0: as the ports need")
        ("scenario", po::value(&options.scenario)->default_value(options.scenario), "catalog scenario each connection runs")
        ("source", po::value(&options.source_file), "a program file each connection runs instead of a scenario")
        ("speed", po::value(&options.speed)->default_value(options.speed), "program seconds per real second (scaled clock)")
        ("clock", po::value(&clock)->default_value(clock), "scaled or virtual")
        ("expect", po::value(&options.expect)->default_value(options.expect),
         "expected output: engine (the program run here on the virtual clock), first-run, or an events file "
         "(JSON lines, as `loopscope run --events FILE` writes)")
        ("runs", po::value(&runs), "runs (or echo round trips) per connection")
        ("duration", po::value(&duration), "seconds of back-to-back runs once every connection is opened")
        ("idle", "open the connections, read hello and hold them for --duration seconds")
        ("echo", "drive /echo instead of /ws: send --size bytes, wait for them to come back")
        ("room", "one presenter opens a room on --scenario and steps through it at --step-rate for --duration "
                 "seconds (10 by default); --connections viewers follow it; reports the fan-out latency "
                 "(--max-p99-lateness-ms applies to it)")
        ("step-rate", po::value(&options.step_rate)->default_value(options.step_rate), "--room: the presenter's steps a second")
        ("rooms", po::value(&options.rooms)->default_value(options.rooms),
         "--room: this many presenters, each its own room, stepping together; --connections viewers dealt out among them; each room's lag is reported (best, median, worst room)")
        ("size", po::value(&options.echo_bytes)->default_value(options.echo_bytes), "echo message bytes")
        ("timeout", po::value(&timeout), "hard bound on the whole load in seconds (default: worked out from the rest)")
        ("json", po::value(&options.json_file), "write every figure to this file as JSON")
        ("max-p99-lateness-ms", po::value(&max_p99), "threshold: fail when event lateness p99 is above it")
        ("max-errors", po::value(&options.max_errors)->default_value(0), "threshold: fail when more errors than this")
        ("server-pid", po::value(&options.server_pid), "the server's process id: report its CPU time and RSS")
        ("window", po::value(&options.window_seconds)->default_value(options.window_seconds),
         "seconds per lateness window: each window's p99 is reported, and their median (at most 1,000 windows, "
         "the last holding the rest)")
        ("no-server-metrics", "do not read the server's event-loop lag from http://HOST:PORT/metrics")
        ("no-progress", "no live progress line");

    po::variables_map given;
    try {
        po::store(po::parse_command_line(argc, argv, description), given);
        po::notify(given);
    } catch (const po::error& e) {
        std::cerr << "loopscope-load: " << e.what() << "\n";
        exit_status = 2;
        return std::nullopt;
    }
    exit_status = 0;
    if (given.contains("help")) {
        std::cout << description << "\n";
        return std::nullopt;
    }
    if (given.contains("version")) {
        std::cout << "loopscope-load " << loopscope::version << "\n";
        return std::nullopt;
    }

    auto refuse = [&](const std::string& why) -> std::optional<load_options> {
        std::cerr << "loopscope-load: " << why << "\n";
        exit_status = 2;
        return std::nullopt;
    };
    if (given.contains("echo") && given.contains("idle")) return refuse("--echo and --idle exclude each other");
    if (given.contains("room") && (given.contains("echo") || given.contains("idle")))
        return refuse("--room excludes --echo and --idle");
    if (given.contains("echo")) options.kind = workload::echo;
    if (given.contains("room")) options.kind = workload::room;
    if (!(options.step_rate > 0 && options.step_rate <= 10'000)) return refuse("--step-rate must be within 0-10000 a second");
    if (options.rooms == 0 || options.rooms > 10'000) return refuse("--rooms must be within 1-10000");
    if (!given["rooms"].defaulted() && options.kind != workload::room) return refuse("--rooms needs --room");
    if (given.contains("idle")) options.kind = workload::idle;
    // --echo alone targets the default server's /echo
    if (options.kind == workload::echo && given["url"].defaulted()) options.url = "ws://127.0.0.1:8080/echo";
    if (!split_url(options)) return refuse("--url must look like ws://HOST:PORT/PATH, not \"" + options.url + "\"");
    if (options.connections == 0) return refuse("--connections must be at least 1");
    if (!(options.ramp_per_second > 0)) return refuse("--ramp must be above 0 connections per second");
    if (clock != "scaled" && clock != "virtual") return refuse("--clock must be scaled or virtual, not \"" + clock + "\"");
    options.virtual_clock = clock == "virtual";
    if (!(options.speed >= 0.01 && options.speed <= 10000)) return refuse("--speed must be within 0.01-10000");
    if (options.echo_bytes == 0 || options.echo_bytes > 8 * 1024 * 1024) return refuse("--size must be 1 to 8 MiB");
    if (given.contains("runs")) {
        if (runs == 0) return refuse("--runs must be at least 1");
        options.runs_per_connection = runs;
    }
    if (given.contains("duration")) {
        if (!(duration > 0 && duration <= 86'400)) return refuse("--duration must be within 0-86400 seconds");
        options.duration_seconds = duration;
    }
    if (options.kind == workload::idle && !options.duration_seconds) return refuse("--idle needs --duration");
    if (!options.runs_per_connection && !options.duration_seconds) options.runs_per_connection = 1;
    if (given.contains("timeout")) {
        if (!(timeout > 0)) return refuse("--timeout must be above 0 seconds");
        options.timeout_seconds = timeout;
    }
    if (given.contains("max-p99-lateness-ms")) options.max_p99_lateness_ms = max_p99;
    if (given.contains("no-progress")) options.progress = false;
    if (given.contains("no-server-metrics")) options.server_metrics = false;
    if (!(options.window_seconds >= 0.001 && options.window_seconds <= 86'400))
        return refuse("--window must be within 0.001-86400 seconds");
    if (given.contains("source")) {
        std::ifstream file(options.source_file, std::ios::binary);
        if (!file) return refuse("cannot read --source " + options.source_file);
        options.source.assign(std::istreambuf_iterator<char>(file), {});
    }
    return options;
}

} // namespace loopscope::load
