// loopscope-load: opens many websocket connections to a loopscope server, runs programs on each (or
// drives /echo, or holds them idle), verifies every run and reports what it measured. See issue 6
// and docs/performance.md.
#include "expected_output.hpp"
#include "load_client.hpp"
#include "load_options.hpp"
#include "load_stats.hpp"
#include "room_load.hpp"
#include "system_probe.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace {

using namespace loopscope::load;

// The program each connection runs: --source, or the scenario's source from the server's own catalog.
std::string program_source(const load_options& options, const boost::json::value& hello)
{
    if (!options.source.empty()) return options.source;
    std::string known;
    if (const auto* scenarios = hello.as_object().if_contains("scenarios"); scenarios && scenarios->is_array()) {
        for (const auto& scenario : scenarios->as_array()) {
            const auto& entry = scenario.as_object();
            const std::string_view id = entry.at("id").as_string();
            if (id == options.scenario) return std::string(entry.at("source").as_string());
            known += (known.empty() ? "" : ", ") + std::string(id);
        }
    }
    throw std::runtime_error("the server has no scenario \"" + options.scenario + "\"; it has: " + known);
}

expected_output expectation(const load_options& options, load_client& client)
{
    if (options.expect == "first-run") return client.record_first_run();
    if (options.expect != "engine") return expect_from_events_file(options.expect);
    return expect_from_engine(program_source(options, client.fetch_hello()));
}

} // namespace

int main(int argc, char** argv)
{
    int exit_status = 0;
    const auto parsed = parse_options(argc, argv, exit_status);
    if (!parsed) return exit_status;
    const load_options& options = *parsed;

    // Each connection is a descriptor: say what fits before trying
    const descriptor_budget budget = raise_descriptor_limit();
    if (options.connections > budget.connections()) {
        std::cerr << "loopscope-load: the descriptor limit (RLIMIT_NOFILE) is " << budget.limit << ", so this process can hold "
                  << budget.connections() << " connections (" << budget.reserved << " kept for itself); "
                  << options.connections << " were asked for. Ask for at most " << budget.connections()
                  << ", or raise the limit (ulimit -n) where that is allowed.\n";
        return 2;
    }

    try {
        if (options.kind == workload::room) return run_room_load(options, std::cout);
        load_stats stats;
        load_client client(options, stats);
        std::optional<expected_output> expected;
        if (options.kind == workload::runs) {
            expected = expectation(options, client);
            stats.expectation_origin = expected->origin + " (" + std::to_string(expected->output.size()) + " lines, " +
                                       std::to_string(expected->events) + " events, status " + expected->status + ", t = " +
                                       std::to_string(expected->elapsed) + ")";
        }
        client.run(expected ? &*expected : nullptr);

        const bool passed = report(stats, options, std::cout);
        if (!options.json_file.empty()) write_json(stats, options, passed, options.json_file);
        return passed ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "loopscope-load: " << e.what() << "\n";
        return 2;
    }
}
