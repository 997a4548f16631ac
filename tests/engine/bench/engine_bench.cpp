// 1,000 tasks x 100 sleeps on the virtual clock: how many scheduling steps (loop callbacks run)
// and interpreter steps the engine does per second. bench/python_baseline.py times the same
// program under python3 with its sleeps made zero, for comparison.
#include <loopscope/engine/run.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace {

const char* program = R"(import asyncio

async def worker(n):
    for i in range(100):
        await asyncio.sleep(0.01 * (n % 7 + 1))

async def main():
    await asyncio.gather(*[worker(n) for n in range(1000)])

asyncio.run(main())
)";

class counting_sink final : public loopscope::engine::event_sink {
public:
    void on_event(const loopscope::engine::event& e) override
    {
        ++events;
        if (e.kind == "handle_run") ++scheduling_steps;
    }
    std::uint64_t events = 0;
    std::uint64_t scheduling_steps = 0;
};

void thousand_tasks_hundred_sleeps(benchmark::State& state)
{
    std::uint64_t scheduling = 0, steps = 0, events = 0;
    for (auto _ : state) {
        counting_sink sink;
        loopscope::engine::run r(program, {}, sink);
        while (true) {
            auto res = r.advance(100'000);
            if (res.state == loopscope::engine::advance_result::status::finished) break;
            if (res.state == loopscope::engine::advance_result::status::waiting) r.set_time(res.until);
        }
        if (r.exit_status() != 0) state.SkipWithError("the program failed");
        scheduling += sink.scheduling_steps;
        steps += r.steps();
        events += sink.events;
    }
    state.counters["scheduling_steps_per_s"] = benchmark::Counter(static_cast<double>(scheduling), benchmark::Counter::kIsRate);
    state.counters["interpreter_steps_per_s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
    state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(thousand_tasks_hundred_sleeps)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
