// The driver on a real io_context: both clocks, cooperative slices, cancellation from outside.
#include "engine_test_support.hpp"

#include <loopscope/engine/driver.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>

using namespace loopscope::engine;
using loopscope::engine::testing::recording_sink;

namespace {
drive_options options(clock_kind clock, double speed, std::uint64_t slice)
{
    drive_options o;
    o.clock = clock;
    o.speed = speed;
    o.steps_per_slice = slice;
    return o;
}

const char* gather_program = R"(import asyncio
async def work(d):
    await asyncio.sleep(d)
    print("done", d)
async def main():
    await asyncio.gather(work(3), work(1))
asyncio.run(main())
)";
}

TEST(driver, virtual_clock_jumps_to_timers)
{
    boost::asio::io_context io;
    recording_sink sink;
    auto program = std::make_shared<run>(gather_program, run_config{}, sink);
    bool finished = false;
    auto start = std::chrono::steady_clock::now();
    auto d = run_driver::start(io.get_executor(), program, options(clock_kind::virtual_, 1.0, 100), [&] { finished = true; });
    io.run();
    EXPECT_TRUE(finished);
    EXPECT_DOUBLE_EQ(program->now(), 3.0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
    EXPECT_EQ(sink.events.back().kind, "run_finished");
    EXPECT_EQ(*sink.events.back().status, "ok");
}

TEST(driver, scaled_clock_waits_real_time)
{
    boost::asio::io_context io;
    recording_sink sink;
    auto program = std::make_shared<run>(gather_program, run_config{}, sink);
    auto start = std::chrono::steady_clock::now();
    auto d = run_driver::start(io.get_executor(), program, options(clock_kind::scaled, 20.0, 100), nullptr);
    io.run();
    auto elapsed = std::chrono::steady_clock::now() - start;
    // 3 program seconds at 20x: 150 ms of real waiting.
    EXPECT_GE(elapsed, std::chrono::milliseconds(140));
    EXPECT_LT(elapsed, std::chrono::seconds(3));
    EXPECT_DOUBLE_EQ(program->now(), 3.0);
    EXPECT_EQ(*sink.events.back().status, "ok");
}

TEST(driver, rejects_speed_out_of_range)
{
    boost::asio::io_context io;
    recording_sink sink;
    auto program = std::make_shared<run>("pass\n", run_config{}, sink);
    EXPECT_THROW(run_driver::start(io.get_executor(), program, options(clock_kind::scaled, 0.001, 100), nullptr), std::invalid_argument);
    EXPECT_THROW(run_driver::start(io.get_executor(), program, options(clock_kind::scaled, 20000, 100), nullptr), std::invalid_argument);
}

TEST(driver, an_endless_loop_does_not_stall_another_run_and_can_be_cancelled)
{
    boost::asio::io_context io;
    recording_sink busy_sink, quick_sink;
    run_config config;
    config.max_steps = 1'000'000'000;
    auto busy = std::make_shared<run>("while True:\n    pass\n", config, busy_sink);
    auto quick = std::make_shared<run>(gather_program, run_config{}, quick_sink);
    std::shared_ptr<run_driver> busy_driver;
    bool busy_finished = false;
    busy_driver = run_driver::start(io.get_executor(), busy, options(clock_kind::virtual_, 1.0, 1000), [&] { busy_finished = true; });
    run_driver::start(io.get_executor(), quick, options(clock_kind::scaled, 100.0, 1000), [&] {
        // The quick run finished while the endless one kept going: stop that one from outside.
        EXPECT_FALSE(busy->finished());
        busy_driver->cancel("client went away");
    });
    io.run();
    EXPECT_TRUE(quick->finished());
    EXPECT_EQ(*quick_sink.events.back().status, "ok");
    EXPECT_TRUE(busy_finished);
    ASSERT_FALSE(busy_sink.events.empty());
    EXPECT_EQ(busy_sink.events.back().kind, "run_finished");
    EXPECT_EQ(*busy_sink.events.back().status, "cancelled");
}

TEST(driver, cancel_during_a_scaled_wait_ends_promptly)
{
    boost::asio::io_context io;
    recording_sink sink;
    auto program = std::make_shared<run>("import asyncio\nasync def m():\n    await asyncio.sleep(3000)\nasyncio.run(m())\n", run_config{}, sink);
    auto d = run_driver::start(io.get_executor(), program, options(clock_kind::scaled, 1.0, 100), nullptr);
    boost::asio::steady_timer t(io, std::chrono::milliseconds(50));
    t.async_wait([&](boost::system::error_code) { d->cancel("stop"); });
    auto start = std::chrono::steady_clock::now();
    io.run();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_EQ(*sink.events.back().status, "cancelled");
}

// The event sink may end the slice in progress (its reader can take no more): advance() returns after
// the instruction that emitted the event, its budget unspent, and the next advance() goes on from there.
TEST(driver, the_sink_can_end_a_slice_after_the_instruction_in_progress)
{
    struct stopping_sink final : event_sink {
        run* program = nullptr;
        int prints = 0;
        void on_event(const event& e) override
        {
            if (e.kind != "print") return;
            ++prints;
            program->end_slice();
        }
    } sink;
    run program{"for i in range(3):\n    print(i)\n", run_config{}, sink};
    sink.program = &program;
    for (int slice = 1; slice <= 3; ++slice) {
        EXPECT_EQ(program.advance(1'000'000).state, advance_result::status::more_work) << "slice " << slice;
        EXPECT_EQ(sink.prints, slice);
    }
    EXPECT_EQ(program.advance(1'000'000).state, advance_result::status::finished);
    EXPECT_EQ(sink.prints, 3);
}

// What a cancelled run built is let go in slices with turns for the others between them, and is
// gone by the time the driver reports the run finished.
TEST(driver, a_cancelled_runs_objects_are_let_go_before_it_reports_finished)
{
    boost::asio::io_context io;
    recording_sink sink;
    auto program = std::make_shared<run>(
        "import asyncio\nasync def f(c): pass\nc = None\nfor i in range(100000):\n    c = f(c)\nasyncio.run(asyncio.sleep(10))\n",
        run_config{}, sink);
    std::size_t held_when_finished = 0;
    std::size_t turns_between = 0;
    bool finished = false;
    auto d = run_driver::start(io.get_executor(), program, options(clock_kind::scaled, 1.0, 5000), [&] {
        finished = true;
        held_when_finished = program->memory_bytes();
    });
    // A neighbour that counts the turns it gets while the teardown goes on.
    std::function<void()> neighbour = [&] {
        if (finished) return;
        if (program->finished()) ++turns_between;
        boost::asio::post(io, neighbour);
    };
    // The client goes once the run holds more than 10 MiB of coroutines (checked every 5 ms, for 20 s at most).
    boost::asio::steady_timer cancel_timer(io);
    int checks = 0;
    std::function<void()> check = [&] {
        cancel_timer.expires_after(std::chrono::milliseconds(5));
        cancel_timer.async_wait([&](boost::system::error_code) {
            if (program->memory_bytes() < (10u << 20) && ++checks < 4000) return check();
            EXPECT_GT(program->memory_bytes(), 10u << 20);
            d->cancel("client went away");
            boost::asio::post(io, neighbour);
        });
    };
    check();
    io.run();
    ASSERT_TRUE(finished);
    EXPECT_EQ(*sink.events.back().status, "cancelled");
    EXPECT_LT(held_when_finished, 1u << 20);
    EXPECT_GE(turns_between, 5u);
}
