// The tutorial's programs as the server ships them (the catalog): order of lines and program times.
#include "engine_test_support.hpp"
#include "loopscope/catalog/catalog.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::run_clean;
using loopscope::engine::testing::run_virtual;
using strings = std::vector<std::string>;

namespace {

std::string source_of(std::string_view id)
{
    const auto* scenario = loopscope::catalog::find(id);
    if (scenario == nullptr) throw std::runtime_error("no scenario " + std::string(id));
    return std::string(scenario->source);
}

// The catalog program with this id, run on the virtual clock; it must end cleanly.
auto run_scenario(std::string_view id) { return run_clean(source_of(id)); }

} // namespace

TEST(tutorial, hello_world_prints_once)
{
    auto out = run_scenario("hello");
    EXPECT_EQ(out.stdout_text, "Hello World!\n");
    EXPECT_EQ(out.exit_status, 0);
    EXPECT_EQ(out.stderr_text, "");
}

TEST(tutorial, sleep_waits_five_program_seconds)
{
    auto out = run_scenario("sleep");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Hello World!", "t=5.00 I just waited for 5 seconds!"}));
}

TEST(tutorial, create_task_then_await_it)
{
    auto out = run_scenario("create_task");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 This goes first!", "t=2.00 This goes second, after waiting!"}));
}

TEST(tutorial, interleaving_follows_steps_one_to_nine)
{
    auto out = run_scenario("interleaving");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 This goes first!", "t=0.00 This goes second!", "t=2.00 This goes third!",
                                           "t=2.00 This goes fourth!"}));
}

TEST(tutorial, sequential_main_without_await_warns_twice_and_runs_nothing)
{
    auto out = run_virtual(source_of("sequential_unawaited"));
    EXPECT_EQ(out.exit_status, 0);
    EXPECT_EQ(out.stdout_text, "");
    EXPECT_NE(out.stderr_text.find("RuntimeWarning: coroutine 'brew_coffee' was never awaited"), std::string::npos);
    auto second = out.stderr_text.find("RuntimeWarning: coroutine 'toast_bagel' was never awaited");
    ASSERT_NE(second, std::string::npos);
    EXPECT_LT(out.stderr_text.find("brew_coffee"), second);
    int warnings = 0;
    for (const auto& e : out.events) warnings += e.kind == "warning";
    EXPECT_EQ(warnings, 2);
}

TEST(tutorial, sequential_awaits_take_six_seconds)
{
    auto out = run_scenario("sequential_awaited");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Start brewing coffee...", "t=3.00 Done brewing coffee.",
                                           "t=3.00 Start toasting bagel...", "t=6.00 Done toasting bagel.",
                                           "t=6.00 Coffee is ready!", "t=6.00 Bagel is ready!"}));
}

TEST(tutorial, gather_takes_three_seconds)
{
    auto out = run_scenario("gather");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Start brewing coffee...", "t=0.00 Start toasting bagel...",
                                           "t=3.00 Done brewing coffee.", "t=3.00 Done toasting bagel.",
                                           "t=3.00 Coffee is ready!", "t=3.00 Bagel is ready!"}));
}

TEST(tutorial, event_loop_lifecycle_prints_what_cpython_returns)
{
    auto out = run_scenario("event_loop_lifecycle");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Before run_until_complete: is_running() = False",
                                           "t=0.00 Inside main: is the loop running? True", "t=1.00 main is done",
                                           "t=1.00 After close: is_closed() = True"}));
}

TEST(tutorial, time_sleep_blocks_the_loop_even_inside_gather)
{
    auto out = run_scenario("blocking_sleep");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Start brewing coffee...", "t=3.00 Done brewing coffee.",
                                           "t=3.00 Start toasting bagel...", "t=6.00 Done toasting bagel.",
                                           "t=6.00 Coffee is ready!", "t=6.00 Bagel is ready!"}));
}

// Not a catalog program: blocking calls of different lengths add up, in gather's argument order.
TEST(tutorial, time_sleep_blocks_the_loop)
{
    auto out = run_clean(R"(import asyncio
import time

async def work(name, n):
    print(name, "start")
    time.sleep(n)
    print(name, "done")

async def main():
    await asyncio.gather(work("a", 1), work("b", 2))

asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 a start", "t=1.00 a done", "t=1.00 b start", "t=3.00 b done"}));
}
