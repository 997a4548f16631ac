// The programs of tests/hostile, each of which once crashed the server, took gigabytes or held the
// thread for seconds: each ends as its header says, within its memory bound, and no slice of it
// charges more than the slice's steps plus one operation's bound.
#include "engine_test_support.hpp"
#include "hostile_programs.hpp"

#include <loopscope/engine/memory.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace loopscope::engine;
namespace support = loopscope::engine::testing;

namespace {

using loopscope::testing::hostile_program;

class hostile : public ::testing::TestWithParam<hostile_program> {};

// Under AddressSanitizer a level of native recursion (the engine's execute() called back from a
// builtin) takes about 45 KiB of stack instead of 4: the stack bound (max_native_stack_bytes) ends a
// runaway recursion through native code before CPython's recursion limit can
#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized_stack = true;
#else
constexpr bool sanitized_stack = false;
#endif

// Keeps what the test looks at: a program that floods the loop with callbacks would otherwise be
// measured by this vector of every event it made (charged to the run, doubling as it grows), where the
// server sends each slice's events on and keeps none.
class outcome_sink final : public event_sink {
public:
    void on_event(const event& e) override
    {
        if (e.kind == "print" || e.kind == "run_finished") events.push_back(e);
    }
    std::vector<event_record> events;
};

TEST_P(hostile, ends_as_its_header_says_within_its_bounds)
{
    const auto& program = GetParam();
    ASSERT_FALSE(program.expect.empty()) << program.name << " has no '# expect:' line";
    run_config config;
    constexpr std::uint64_t slice = 5'000;
    outcome_sink sink;
    std::uint64_t worst_slice_steps = 0;
    std::size_t peak = 0;
    {
        run r(program.source, config, sink);
        while (true) {
            const auto before = r.steps();
            auto res = r.advance(slice);
            worst_slice_steps = std::max(worst_slice_steps, r.steps() - before);
            if (res.state == advance_result::status::finished) break;
            if (res.state == advance_result::status::waiting) r.set_time(res.until);
        }
        peak = r.peak_memory_bytes();
    }
    const event_record* end = nullptr;
    std::string out;
    for (const auto& e : sink.events) {
        if (e.kind == "run_finished") end = &e;
        if (e.kind == "print") out += *e.text;
    }
    ASSERT_NE(end, nullptr);
    // A runaway recursion through native code, which CPython's limit ends in the other builds
    const bool stack_bound_first = sanitized_stack && end->error && end->error->type == "ResourceLimitError" &&
                                   end->error->message.find("max_native_stack_bytes") != std::string::npos;
    if (stack_bound_first) {
        // its bounds below still hold
    } else if (program.expect == "ok") {
        EXPECT_EQ(*end->status, "ok") << (end->error ? end->error->type + ": " + end->error->message : "");
        EXPECT_EQ(out, program.stdout_line + "\n");
    } else {
        auto space = program.expect.find(' ');
        ASSERT_TRUE(end->error.has_value());
        EXPECT_EQ(end->error->type, program.expect.substr(0, space));
        EXPECT_NE(end->error->message.find(program.expect.substr(space + 1)), std::string::npos) << end->error->message;
    }
    // What the bound allows, plus the one allocation that crossed it (a list's buffer at most).
    EXPECT_LE(peak, config.max_memory_bytes + (4u << 20)) << "peak " << peak;
    // A slice stops when its steps are spent; only the operation under way may overrun it.
    EXPECT_LE(worst_slice_steps, slice + config.max_operation_steps + 16);
}

INSTANTIATE_TEST_SUITE_P(programs, hostile, ::testing::ValuesIn(loopscope::testing::load_hostile_programs(LOOPSCOPE_HOSTILE_DIR)),
                         [](const auto& test) { return test.param.name; });

TEST(memory_bound, a_run_gives_back_what_it_held)
{
    const auto before = total_run_memory_bytes();
    {
        support::recording_sink sink;
        run r("keep = []\nfor i in range(1000):\n    keep.append([i] * 1000)\nprint(len(keep))\n", run_config{}, sink);
        while (r.advance(5'000).state != advance_result::status::finished) {
        }
        EXPECT_GT(r.peak_memory_bytes(), 1000u * 1000u * sizeof(void*));
        EXPECT_GT(total_run_memory_bytes(), before);  // the events the sink still holds
    }
    EXPECT_EQ(total_run_memory_bytes(), before);
}

// A block of a MiB or more is charged as the whole 2 MiB pages the server maps for it, in every build
// (under AddressSanitizer it stays with malloc but is charged the same), so that a run reaches its
// memory bound at the same point in the CI's optimised and sanitized builds alike.
TEST(memory_bound, a_big_block_is_charged_as_whole_huge_pages_in_every_build)
{
    auto* account = memory_account::create(std::size_t{1} << 30);
    {
        memory_scope scope(account);
        auto small = std::make_unique<char[]>(1000);
        const auto with_small = account->bytes();
        EXPECT_GE(with_small, 1000u);
        EXPECT_LT(with_small, 1100u);
        auto big = std::make_unique<char[]>((std::size_t{3} << 20) + 1);
        EXPECT_EQ(account->bytes() - with_small, std::size_t{4} << 20);
        big.reset();
        EXPECT_EQ(account->bytes(), with_small);
    }
    EXPECT_EQ(account->bytes(), 0u);
    account->release();
}

TEST(memory_bound, is_a_run_config_field)
{
    run_config config;
    config.max_memory_bytes = 1 << 20;
    auto out = support::run_virtual("keep = []\nfor i in range(100):\n    keep.append([0] * 10000)\nprint('kept')\n", config);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->message, "the program would hold more than 1 MiB of memory (max_memory_bytes)");
    EXPECT_EQ(out.stdout_text, "");
    // Not catchable by the program, like every bound.
    auto caught = support::run_virtual(
        "try:\n    keep = []\n    for i in range(100):\n        keep.append([0] * 10000)\nexcept BaseException:\n    print('caught')\n", config);
    EXPECT_EQ(caught.stdout_text, "");
}

TEST(operation_bound, ends_one_operation_that_would_hold_the_thread)
{
    run_config config;
    config.max_operation_steps = 1'000;
    auto out = support::run_virtual("a = list(range(20000))\nprint(sorted(a)[0])\n", config);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->message, "one operation did more than 1000 steps of work (max_operation_steps)");
    config.max_operation_steps = 100'000;
    EXPECT_EQ(support::run_virtual("a = list(range(20000))\nprint(sorted(a)[0])\n", config).stdout_text, "0\n");
}

// A program's end lets go of what it built a slice at a time: 100,000 coroutines, each held by the
// next one's argument, go over many slices, and run_finished follows only once they have all gone
// (after the warning CPython prints at shutdown for them, once, as its warning registry does).
TEST(teardown, a_finished_programs_globals_go_over_many_slices_before_run_finished)
{
    support::recording_sink sink;
    run r("async def f(c): pass\nc = None\nfor i in range(100000):\n    c = f(c)\nprint('built')\n", run_config{}, sink);
    std::size_t slices_after_print = 0;
    std::size_t held_at_print = 0;
    while (true) {
        const bool printed = std::any_of(sink.events.begin(), sink.events.end(), [](const event_record& e) { return e.kind == "print"; });
        if (printed && held_at_print == 0) held_at_print = r.memory_bytes();
        auto res = r.advance(5'000);
        if (printed) ++slices_after_print;
        if (res.state == advance_result::status::finished) break;
    }
    EXPECT_GT(held_at_print, 10u << 20);
    EXPECT_GE(slices_after_print, 10u);
    ASSERT_FALSE(sink.events.empty());
    EXPECT_EQ(sink.events.back().kind, "run_finished");
    EXPECT_EQ(*sink.events.back().status, "ok");
    std::size_t warnings = 0;
    for (const auto& e : sink.events)
        if (e.kind == "warning") ++warnings;
    EXPECT_EQ(warnings, 1u);
    // By run_finished the coroutines have gone: what is left is small (the events the sink holds
    // are charged to the run too).
    EXPECT_LT(r.memory_bytes(), held_at_print / 10);
}

// A run stopped by its memory bound lets go of the same way, without CPython's shutdown warnings
// (the program did not end as it would have under CPython).
TEST(teardown, a_run_stopped_by_a_bound_goes_over_many_slices_without_shutdown_warnings)
{
    support::recording_sink sink;
    run r("async def f(c): pass\nc = None\nfor i in range(300000):\n    c = f(c)\nprint('built')\n", run_config{}, sink);
    std::size_t slices_after_stop = 0;
    while (true) {
        const bool stopped = std::any_of(sink.events.begin(), sink.events.end(), [](const event_record& e) {
            return e.text && e.text->find("loopscope: run stopped") != std::string::npos;
        });
        auto res = r.advance(5'000);
        if (stopped) ++slices_after_stop;
        if (res.state == advance_result::status::finished) break;
    }
    EXPECT_GE(slices_after_stop, 10u);
    ASSERT_EQ(sink.events.back().kind, "run_finished");
    ASSERT_TRUE(sink.events.back().error);
    EXPECT_EQ(sink.events.back().error->type, "ResourceLimitError");
    for (const auto& e : sink.events) EXPECT_NE(e.kind, "warning");
    EXPECT_LT(r.memory_bytes(), 1u << 20);
}

// A run cancelled half way (its client went) leaves its objects to release_some(), which the driver
// calls a slice at a time; without it, the run's destructor would destroy them all in one go.
TEST(teardown, a_cancelled_run_is_let_go_a_slice_at_a_time)
{
    support::recording_sink sink;
    run r("import asyncio\nasync def f(c): pass\nc = None\nfor i in range(100000):\n    c = f(c)\nasyncio.run(asyncio.sleep(10))\n",
          run_config{}, sink);
    while (r.advance(5'000).state != advance_result::status::waiting) {
    }
    r.cancel("the client went away");
    ASSERT_EQ(sink.events.back().kind, "run_finished");
    EXPECT_EQ(*sink.events.back().status, "cancelled");

    std::size_t slices = 0;
    auto held = r.memory_bytes();
    EXPECT_GT(held, 10u << 20);
    while (!r.release_some(5'000)) {
        ++slices;
        EXPECT_LT(r.memory_bytes(), held) << "slice " << slices << " let nothing go";
        held = r.memory_bytes();
    }
    EXPECT_GE(slices, 10u);
    EXPECT_LT(r.memory_bytes(), 1u << 20);
    EXPECT_EQ(sink.events.back().kind, "run_finished");  // nothing reported after the end
}

} // namespace
