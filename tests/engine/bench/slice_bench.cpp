// A figure, not a test: how long the longest time slice of each hostile program holds the thread
// (its teardown's slices and its destructor included),
// beside a benign program measured in the same run, and what each run held against its memory bound.
//   slice_bench [DIR]   (DIR: the hostile programs, tests/hostile by default)
#include <loopscope/engine/code_cache.hpp>
#include <loopscope/engine/config.hpp>
#include <loopscope/engine/event.hpp>
#include <loopscope/engine/memory.hpp>
#include <loopscope/engine/run.hpp>

#include "hostile_programs.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace loopscope::engine;

namespace {

class counting_sink final : public event_sink {
public:
    void on_event(const event& e) override
    {
        if (e.kind == "run_finished") ending = e.error ? e.error->type : *e.status;
    }
    std::string ending;
};

struct figures {
    double worst_ms = 0, p99_ms = 0;
    std::size_t slices = 0, peak_bytes = 0;
    std::string ending;
    std::string worst_at;  // which slice was the longest: "run 12", "teardown 3", "destructor"
};

figures measure(const std::string& source)
{
    run_config config;
    counting_sink sink;
    std::vector<double> slices;
    std::vector<std::string> phases;  // each slice's phase and number, beside its time
    figures f;
    auto destroy_start = std::chrono::steady_clock::now();
    {
        run r(source, config, sink);
        while (true) {
            auto start = std::chrono::steady_clock::now();
            auto res = r.advance(5'000);
            slices.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            phases.push_back("run " + std::to_string(phases.size() + 1));
            if (res.state == advance_result::status::finished) break;
            if (res.state == advance_result::status::waiting) r.set_time(res.until);
        }
        const std::size_t run_slices = slices.size();
        // The teardown, a slice at a time as the driver does it, counts as slices too.
        while (true) {
            auto start = std::chrono::steady_clock::now();
            bool done = r.release_some(5'000);
            slices.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            phases.push_back("teardown " + std::to_string(slices.size() - run_slices));
            if (done) break;
        }
        f.peak_bytes = r.peak_memory_bytes();
        destroy_start = std::chrono::steady_clock::now();
    }
    // And what is left for the run's destructor.
    slices.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - destroy_start).count());
    phases.push_back("destructor");
    return_free_memory();
    f.worst_at = phases[static_cast<std::size_t>(std::max_element(slices.begin(), slices.end()) - slices.begin())];
    std::sort(slices.begin(), slices.end());
    f.slices = slices.size();
    f.worst_ms = slices.back();
    f.p99_ms = slices[std::min(slices.size() - 1, slices.size() * 99 / 100)];
    f.ending = sink.ending;
    return f;
}

long max_rss_kib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
    fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(LOOPSCOPE_HOSTILE_DIR);
    const auto programs = loopscope::testing::load_hostile_programs(dir);

    loopscope::engine::prepare_library();  // as the server does before it listens
    const run_config defaults;
    // The baseline: plain interpreter work, slices of 5,000 instructions.
    auto baseline = measure("n = 0\nfor i in range(1000000):\n    n += i\nprint(n)\n");
    std::printf("bound: %zu MiB per run; slices of 5,000 steps, max_slice_time %lld us, max_operation_steps %llu\n",
                defaults.max_memory_bytes >> 20,
                static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(defaults.max_slice_time).count()),
                static_cast<unsigned long long>(defaults.max_operation_steps));
    std::printf("%-28s %8s %9s %9s %7s %10s %9s  %-26s %s\n", "program", "slices", "p99 ms", "worst ms", "ratio", "peak MiB", "RSS MiB", "ending", "worst slice");
    auto row = [](const std::string& name, const figures& f, const figures& base) {
        std::printf("%-28s %8zu %9.2f %9.2f %7.1f %10.1f %9.1f  %-26s %s\n", name.c_str(), f.slices, f.p99_ms, f.worst_ms,
                    f.worst_ms / base.worst_ms, static_cast<double>(f.peak_bytes) / (1 << 20), static_cast<double>(max_rss_kib()) / 1024,
                    f.ending.c_str(), f.worst_at.c_str());
    };
    row("(baseline: a plain loop)", baseline, baseline);
    double worst = 0;
    for (const auto& program : programs) {
        auto f = measure(program.source);
        worst = std::max(worst, f.worst_ms);
        row(program.name, f, baseline);
    }
    std::printf("worst slice over the hostile programs: %.2f ms (%.1fx the baseline's worst)\n", worst, worst / baseline.worst_ms);
}
