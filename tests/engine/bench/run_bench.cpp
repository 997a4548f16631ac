// A figure, not a test: what one run of a catalog program costs the engine alone (parse, compile,
// run on the virtual clock, every event written as JSON), with the cache of compiled programs and,
// as the baseline measured in the same run, without it.
//   run_bench [PROGRAM.py] [RUNS]   (gather.py and 3,000 by default)
#include <loopscope/engine/config.hpp>
#include <loopscope/engine/event.hpp>
#include <loopscope/protocol/event_json.hpp>
#include <loopscope/engine/run.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace loopscope::engine;

namespace {

// Writes each event as the server does, and keeps nothing.
class json_sink final : public event_sink {
public:
    void on_event(const event& e) override
    {
        line_.clear();
        append_event_json(line_, e);
        ++events;
    }
    std::size_t events = 0;

private:
    std::string line_;
};

double microseconds_per_run(const std::string& source, const run_config& config, int runs, std::size_t& events)
{
    std::vector<double> rounds;
    for (int round = 0; round < 5; ++round) {
        auto start = std::chrono::steady_clock::now();
        for (int k = 0; k < runs; ++k) {
            json_sink sink;
            run r(source, config, sink);
            while (true) {
                auto res = r.advance(5'000);
                if (res.state == advance_result::status::finished) break;
                if (res.state == advance_result::status::waiting) r.set_time(res.until);
            }
            events = sink.events;
        }
        rounds.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / runs);
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds[rounds.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const std::string path = argc > 1 ? argv[1] : LOOPSCOPE_CATALOG_DIR "/gather.py";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3'000;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    run_config cached, uncached;
    uncached.code_cache_entries = 0;
    std::size_t events = 0;
    const double without = microseconds_per_run(text.str(), uncached, runs, events);
    const double with = microseconds_per_run(text.str(), cached, runs, events);
    std::printf("%s: %zu events a run; median of 5 rounds of %d runs\n", path.c_str(), events, runs);
    std::printf("compiled every run (baseline): %8.1f us a run, %8.0f events a second\n", without, static_cast<double>(events) / without * 1e6);
    std::printf("compiled once (code cache):    %8.1f us a run, %8.0f events a second  (%.2fx)\n", with, static_cast<double>(events) / with * 1e6,
                without / with);
}
