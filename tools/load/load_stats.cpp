#include "load_stats.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>

namespace loopscope::load {

namespace {

constexpr std::size_t kept_failure_examples = 5;

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// 1234567 -> "1,234,567": figures people read at a glance
std::string grouped(double value)
{
    const auto digits = std::to_string(static_cast<long long>(value + 0.5));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string millis(std::uint64_t micros)
{
    return fixed(static_cast<double>(micros) / 1000.0, micros < 10'000 ? 2 : 1) + " ms";
}

std::string workload_name(const load_options& options)
{
    switch (options.kind) {
    case workload::echo: return "echo of " + std::to_string(options.echo_bytes) + "-byte messages";
    case workload::idle: return "idle connections";
    case workload::room: return "viewers of a room"; // room_load.cpp reports on its own
    case workload::runs: break;
    }
    std::string what = options.source.empty() ? "scenario " + options.scenario : "program " + options.source_file;
    return "runs of " + what + (options.virtual_clock ? ", virtual clock" : ", scaled clock, speed " + fixed(options.speed, 2));
}

double rate(std::uint64_t count, double seconds)
{
    return seconds > 0 ? static_cast<double>(count) / seconds : 0.0;
}

std::optional<double> server_cpu(const load_stats& stats)
{
    if (!stats.server_before || !stats.server_after) return std::nullopt;
    return stats.server_after->cpu_seconds - stats.server_before->cpu_seconds;
}

std::optional<double> rss_per_connection_kib(const load_stats& stats)
{
    if (!stats.server_before || stats.connections_at_peak_rss == 0) return std::nullopt;
    return static_cast<double>(stats.server_peak_rss_kib - stats.server_before->rss_kib) /
           static_cast<double>(stats.connections_at_peak_rss);
}

boost::json::object histogram_json(const latency_histogram& h, double scale)
{
    auto at = [&](double q) { return static_cast<double>(h.percentile(q)) / scale; };
    return {{"count", h.count()}, {"min", static_cast<double>(h.min()) / scale}, {"mean", h.mean() / scale},
            {"p50", at(0.50)},   {"p90", at(0.90)},                              {"p99", at(0.99)},
            {"max", static_cast<double>(h.max()) / scale}};
}

// A window length or a bucket bound as people write it: "10", "0.5", "2.5"
std::string short_number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// A lag bucket's upper bound: all a histogram can say of a percentile is "at most this"
std::string at_most(double seconds)
{
    return std::isinf(seconds) ? "above the last bucket" : "≤ " + short_number(seconds * 1000) + " ms";
}

std::optional<double> bound_ms(double seconds)
{
    if (std::isinf(seconds)) return std::nullopt;
    return seconds * 1000;
}

boost::json::value optional_json(std::optional<double> value)
{
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

// Windows the load covered, each with its lateness (ms); percentiles null where nothing was measured
boost::json::array windows_json(const load_stats& stats)
{
    boost::json::array windows;
    if (stats.lateness_us.count() == 0) return windows;
    const auto& by_window = stats.lateness_by_window;
    const std::size_t covered = by_window.covered(stats.finished);
    for (std::size_t i = 0; i < covered; ++i) {
        const latency_histogram& h = by_window.window(i);
        auto ms = [&](std::uint64_t micros) {
            return h.count() == 0 ? boost::json::value(nullptr) : boost::json::value(static_cast<double>(micros) / 1000.0);
        };
        windows.push_back({{"start_s", by_window.start_seconds(i)}, {"count", h.count()}, {"p50", ms(h.percentile(0.5))},
                           {"p99", ms(h.percentile(0.99))}, {"max", ms(h.max())}});
    }
    return windows;
}

boost::json::object server_lag_json(const lag_histogram& lag)
{
    boost::json::array buckets;
    for (std::size_t i = 0; i < lag.bounds_seconds.size(); ++i)
        buckets.push_back({{"le_ms", optional_json(bound_ms(lag.bounds_seconds[i]))}, {"count", lag.cumulative[i]}});
    return {{"count", lag.count},
            {"mean_ms", lag.count == 0 ? 0.0 : lag.sum_seconds / static_cast<double>(lag.count) * 1000},
            {"p50_le_ms", optional_json(bound_ms(lag.bound_at(0.5)))},
            {"p99_le_ms", optional_json(bound_ms(lag.bound_at(0.99)))},
            {"max_le_ms", optional_json(bound_ms(lag.bound_at(1.0)))},
            {"buckets", buckets}};
}

struct threshold_verdict {
    std::string name;
    std::string measured;
    std::string limit;
    bool passed;
};

std::vector<threshold_verdict> thresholds(const load_stats& stats, const load_options& options)
{
    std::vector<threshold_verdict> verdicts;
    verdicts.push_back({"errors", std::to_string(stats.errors()), std::to_string(options.max_errors),
                        stats.errors() <= options.max_errors});
    if (options.max_p99_lateness_ms) {
        const double p99 = static_cast<double>(stats.lateness_us.percentile(0.99)) / 1000.0;
        verdicts.push_back({"lateness p99 (ms)", fixed(p99, 3), fixed(*options.max_p99_lateness_ms, 3),
                            stats.lateness_us.count() > 0 && p99 <= *options.max_p99_lateness_ms});
    }
    return verdicts;
}

} // namespace

void load_stats::fail_connection(const std::string& reason)
{
    ++connections_failed;
    ++connection_failures[reason];
}

void load_stats::fail_run(const std::string& kind, const std::string& detail)
{
    ++runs_failed;
    ++run_failures[kind];
    // Different failures teach more than one failure many times over
    std::string example = kind + ": " + detail;
    if (failure_examples.size() < kept_failure_examples &&
        std::find(failure_examples.begin(), failure_examples.end(), example) == failure_examples.end())
        failure_examples.push_back(std::move(example));
}

double load_stats::seconds() const
{
    const auto end = finished > started ? finished : load_clock::now();
    return std::chrono::duration<double>(end - started).count();
}

std::string progress_line(const load_stats& stats, const load_options& options)
{
    const double seconds = stats.seconds();
    std::ostringstream line;
    line << fixed(seconds, 0) << "s  conns " << stats.connections_open << " open/" << stats.connections_failed << " failed";
    if (options.kind == workload::runs) {
        line << "  runs " << stats.runs_completed << " ok/" << stats.runs_failed << " failed  " << grouped(rate(stats.events, seconds))
             << " events/s";
        if (stats.lateness_us.count() > 0) line << "  lateness p99 " << millis(stats.lateness_us.percentile(0.99));
    } else if (options.kind == workload::echo) {
        line << "  round trips " << grouped(static_cast<double>(stats.runs_completed)) << " ("
             << grouped(rate(stats.runs_completed, seconds)) << "/s)";
    }
    if (stats.server_peak_rss_kib > 0) line << "  server rss " << stats.server_peak_rss_kib / 1024 << " MiB";
    return line.str();
}

bool report(const load_stats& stats, const load_options& options, std::ostream& out)
{
    const double seconds = stats.seconds();
    out << "loopscope-load: " << workload_name(options) << "; " << options.connections << " connections to " << options.url
        << "\n";
    if (!stats.expectation_origin.empty()) out << "  expected output from " << stats.expectation_origin << "\n";
    out << "  wall time      " << fixed(seconds, 1) << " s" << (stats.hit_timeout ? " (stopped at the hard bound)" : "") << "\n";
    out << "  connections    up " << stats.connections_up << ", failed " << stats.connections_failed << ", dropped "
        << stats.connections_dropped << ", peak open " << stats.connections_open_peak << "\n";
    for (const auto& [reason, count] : stats.connection_failures) out << "                 " << count << " x " << reason << "\n";
    if (options.kind == workload::runs) {
        out << "  runs           completed and verified " << stats.runs_completed << ", failed " << stats.runs_failed << " ("
            << fixed(rate(stats.runs_completed, seconds), 1) << "/s)\n";
        out << "  events         " << grouped(static_cast<double>(stats.events)) << " (" << grouped(rate(stats.events, seconds))
            << "/s) in " << grouped(static_cast<double>(stats.messages)) << " messages\n";
        out << "  batch size     events per message: mean " << fixed(stats.batch_events.mean(), 1) << ", p50 "
            << stats.batch_events.percentile(0.5) << ", p99 " << stats.batch_events.percentile(0.99) << ", max "
            << stats.batch_events.max() << "\n";
        if (stats.lateness_us.count() > 0)
            out << "  lateness       p50 " << millis(stats.lateness_us.percentile(0.5)) << ", p90 "
                << millis(stats.lateness_us.percentile(0.9)) << ", p99 " << millis(stats.lateness_us.percentile(0.99))
                << ", max " << millis(stats.lateness_us.max()) << "\n";
        const auto& by_window = stats.lateness_by_window;
        if (const auto windows = by_window.summarize(by_window.covered(stats.finished)))
            out << "                 p99 per " << short_number(by_window.width_seconds()) << " s window: median "
                << millis(static_cast<std::uint64_t>(windows->median_us)) << ", worst " << millis(windows->worst_us)
                << " (window at " << short_number(windows->worst_start_seconds) << " s), " << windows->windows
                << (windows->windows == 1 ? " window" : " windows") << " with events\n";
        if (stats.run_wall_us.count() > 0)
            out << "  run wall time  p50 " << millis(stats.run_wall_us.percentile(0.5)) << ", p99 "
                << millis(stats.run_wall_us.percentile(0.99)) << ", max " << millis(stats.run_wall_us.max()) << "\n";
    }
    if (options.kind == workload::echo) {
        out << "  round trips    " << grouped(static_cast<double>(stats.runs_completed)) << " ("
            << grouped(rate(stats.runs_completed, seconds)) << "/s), failed " << stats.runs_failed << "\n";
        if (stats.echo_rtt_us.count() > 0)
            out << "  round trip     p50 " << millis(stats.echo_rtt_us.percentile(0.5)) << ", p90 "
                << millis(stats.echo_rtt_us.percentile(0.9)) << ", p99 " << millis(stats.echo_rtt_us.percentile(0.99))
                << ", max " << millis(stats.echo_rtt_us.max()) << "\n";
    }
    if (stats.server_lag) {
        const lag_histogram& lag = *stats.server_lag;
        out << "  server lag     event loop, from /metrics over the load: " << lag.count << " samples";
        if (lag.count > 0)
            out << ", p50 " << at_most(lag.bound_at(0.5)) << ", p99 " << at_most(lag.bound_at(0.99)) << ", max "
                << at_most(lag.bound_at(1.0));
        out << "\n";
    }
    out << "  bytes          received " << fixed(static_cast<double>(stats.bytes_received) / 1e6, 1) << " MB ("
        << fixed(rate(stats.bytes_received, seconds) / 1e6, 2) << " MB/s), sent "
        << fixed(static_cast<double>(stats.bytes_sent) / 1e6, 1) << " MB\n";
    if (stats.server_errors > 0) out << "  server errors  " << stats.server_errors << "\n";
    for (const auto& [kind, count] : stats.run_failures) out << "  failed         " << count << " x " << kind << "\n";
    for (const auto& example : stats.failure_examples) out << "    e.g. " << example << "\n";
    if (const auto cpu = server_cpu(stats)) {
        out << "  server CPU     " << fixed(*cpu, 2) << " s (" << fixed(*cpu / seconds * 100, 0) << "% of one core)";
        if (options.kind == workload::runs && *cpu > 0)
            out << ", " << grouped(static_cast<double>(stats.events) / *cpu) << " events per server CPU-second";
        if (options.kind == workload::echo && *cpu > 0)
            out << ", " << grouped(static_cast<double>(stats.runs_completed) / *cpu) << " round trips per server CPU-second";
        out << "\n";
    }
    out << "  load tool CPU  " << fixed(stats.own_cpu_seconds, 2) << " s (" << fixed(stats.own_cpu_seconds / seconds * 100, 0)
        << "% of one core" << (stats.own_cpu_seconds / seconds > 0.9 ? ": saturated, the figures measure this client too" : "")
        << ")\n";
    if (const auto per = rss_per_connection_kib(stats))
        out << "  server RSS     " << stats.server_before->rss_kib / 1024 << " MiB before, " << stats.server_peak_rss_kib / 1024
            << " MiB at peak with " << stats.connections_at_peak_rss << " open: " << fixed(*per, 2) << " KiB per connection\n";

    bool passed = true;
    out << "thresholds\n";
    for (const auto& verdict : thresholds(stats, options)) {
        out << "  " << verdict.name << ": " << verdict.measured << " (at most " << verdict.limit << ") "
            << (verdict.passed ? "ok" : "CROSSED") << "\n";
        passed = passed && verdict.passed;
    }
    return passed;
}

void write_json(const load_stats& stats, const load_options& options, bool passed, const std::string& path)
{
    const double seconds = stats.seconds();
    boost::json::object root;
    root["url"] = options.url;
    root["workload"] = workload_name(options);
    root["connections_asked"] = options.connections;
    root["seconds"] = seconds;
    root["hit_timeout"] = stats.hit_timeout;
    boost::json::object failures;
    for (const auto& [reason, count] : stats.connection_failures) failures[reason] = count;
    root["connections"] = {{"attempted", stats.connections_attempted}, {"up", stats.connections_up},
                           {"failed", stats.connections_failed},       {"dropped", stats.connections_dropped},
                           {"peak_open", stats.connections_open_peak}, {"failures", failures}};
    boost::json::object run_failures;
    for (const auto& [kind, count] : stats.run_failures) run_failures[kind] = count;
    boost::json::array examples;
    for (const auto& example : stats.failure_examples) examples.emplace_back(example);
    root["runs"] = {{"completed", stats.runs_completed}, {"failed", stats.runs_failed},
                    {"per_second", rate(stats.runs_completed, seconds)}, {"failures", run_failures},
                    {"failure_examples", examples}};
    root["expected_output_from"] = stats.expectation_origin;
    root["server_errors"] = stats.server_errors;
    root["load_tool_cpu_seconds"] = stats.own_cpu_seconds;
    root["errors"] = stats.errors();
    root["events"] = {{"count", stats.events}, {"per_second", rate(stats.events, seconds)}};
    root["messages"] = stats.messages;
    root["bytes"] = {{"received", stats.bytes_received}, {"sent", stats.bytes_sent},
                     {"received_per_second", rate(stats.bytes_received, seconds)}};
    root["batch_events"] = histogram_json(stats.batch_events, 1.0);
    root["lateness_ms"] = histogram_json(stats.lateness_us, 1000.0);
    root["lateness_windows_ms"] = windows_json(stats);
    const auto& by_window = stats.lateness_by_window;
    if (const auto windows = by_window.summarize(by_window.covered(stats.finished)))
        root["lateness_window_p99_ms"] = {{"window_s", by_window.width_seconds()},
                                          {"windows", windows->windows},
                                          {"median", windows->median_us / 1000.0},
                                          {"worst", static_cast<double>(windows->worst_us) / 1000.0},
                                          {"worst_start_s", windows->worst_start_seconds}};
    root["run_wall_ms"] = histogram_json(stats.run_wall_us, 1000.0);
    root["echo"] = {{"round_trips", options.kind == workload::echo ? stats.runs_completed : 0},
                    {"per_second", options.kind == workload::echo ? rate(stats.runs_completed, seconds) : 0.0},
                    {"rtt_ms", histogram_json(stats.echo_rtt_us, 1000.0)}};
    if (stats.server_before) {
        boost::json::object server{{"pid", options.server_pid},
                                   {"rss_before_kib", stats.server_before->rss_kib},
                                   {"rss_peak_kib", stats.server_peak_rss_kib},
                                   {"connections_at_peak_rss", stats.connections_at_peak_rss}};
        if (const auto cpu = server_cpu(stats)) {
            server["cpu_seconds"] = *cpu;
            server["events_per_cpu_second"] = *cpu > 0 ? static_cast<double>(stats.events) / *cpu : 0.0;
            server["round_trips_per_cpu_second"] = *cpu > 0 ? static_cast<double>(stats.runs_completed) / *cpu : 0.0;
        }
        if (const auto per = rss_per_connection_kib(stats)) server["rss_per_connection_kib"] = *per;
        root["server"] = server;
    }
    if (stats.server_lag) root["server_lag"] = server_lag_json(*stats.server_lag);
    boost::json::array verdicts;
    for (const auto& verdict : thresholds(stats, options))
        verdicts.push_back({{"name", verdict.name}, {"measured", verdict.measured}, {"limit", verdict.limit}, {"passed", verdict.passed}});
    root["thresholds"] = verdicts;
    root["passed"] = passed;
    std::ofstream file(path);
    file << boost::json::serialize(root) << "\n";
    if (!file) throw std::runtime_error("cannot write " + path);
}

} // namespace loopscope::load
