// The tutorial's programs, as the tutorial writes them: order of lines and program times.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::run_virtual;
using strings = std::vector<std::string>;

TEST(tutorial, hello_world_prints_once)
{
    auto out = run_virtual("import asyncio\n\nasync def main():\n\tprint(\"Hello World!\")\n\nasyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "Hello World!\n");
    EXPECT_EQ(out.exit_status, 0);
    EXPECT_EQ(out.stderr_text, "");
}

TEST(tutorial, sleep_waits_five_program_seconds)
{
    auto out = run_virtual(R"(import asyncio

async def main():
	print("Hello World!")
	await asyncio.sleep(5)
	print("I just waited for 5 seconds!")

asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Hello World!", "t=5.00 I just waited for 5 seconds!"}));
}

TEST(tutorial, create_task_then_await_it)
{
    auto out = run_virtual(R"(import asyncio
from asyncio import Task

async def foo():
	print("This goes first!")
	await asyncio.sleep(2)

async def main():
	my_task: Task = asyncio.create_task(foo())
	await my_task
	print("This goes second, after waiting!")

asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 This goes first!", "t=2.00 This goes second, after waiting!"}));
}

TEST(tutorial, interleaving_follows_steps_one_to_nine)
{
    auto out = run_virtual(R"(from asyncio import Task
import asyncio

async def main():
	my_task: Task = asyncio.create_task(foo())	# 1.
	print("This goes first!")			# 2.
	await asyncio.sleep(2)			# 3.
	print("This goes third!")			# 6.
	foo_return: str = await my_task		# 7.
	print(foo_return)				# 9.

async def foo() -> str:
	print("This goes second!")			# 4.
	await asyncio.sleep(2)			# 5.
	return "This goes fourth!"			# 8.

asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 This goes first!", "t=0.00 This goes second!", "t=2.00 This goes third!",
                                           "t=2.00 This goes fourth!"}));
}

namespace {
const char* breakfast = R"(import asyncio

async def brew_coffee() -> str:
	print("Start brewing coffee...")
	await asyncio.sleep(3)
	print("Done brewing coffee.")
	return "Coffee is ready!"

async def toast_bagel() -> str:
	print("Start toasting bagel...")
	await asyncio.sleep(3)
	print("Done toasting bagel.")
	return "Bagel is ready!"

)";
}

TEST(tutorial, sequential_main_without_await_warns_twice_and_runs_nothing)
{
    auto out = run_virtual(std::string(breakfast) + R"(async def main():
	coffee_result: str = brew_coffee()
	bagel_result: str = toast_bagel()

asyncio.run(main())
)");
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
    auto out = run_virtual(std::string(breakfast) + R"(async def main():
	coffee_result: str = await brew_coffee()
	bagel_result: str = await toast_bagel()
	print(coffee_result, bagel_result)

asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Start brewing coffee...", "t=3.00 Done brewing coffee.",
                                           "t=3.00 Start toasting bagel...", "t=6.00 Done toasting bagel.",
                                           "t=6.00 Coffee is ready! Bagel is ready!"}));
}

TEST(tutorial, gather_takes_three_seconds)
{
    auto out = run_virtual(std::string(breakfast) + R"(async def main():
	batch_coroutines = asyncio.gather(brew_coffee(), toast_bagel())
	coffee_result, bagel_result = await batch_coroutines
	print(coffee_result, bagel_result)

asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=0.00 Start brewing coffee...", "t=0.00 Start toasting bagel...",
                                           "t=3.00 Done brewing coffee.", "t=3.00 Done toasting bagel.",
                                           "t=3.00 Coffee is ready! Bagel is ready!"}));
}

TEST(tutorial, event_loop_lifecycle_prints_what_cpython_returns)
{
    auto out = run_virtual(R"(from asyncio import AbstractEventLoop
import asyncio

async def main():
	print("main ran")

loop: AbstractEventLoop = asyncio.get_event_loop()
try:
	print(loop.is_running())
	loop.run_until_complete(main())
finally:
	loop.close()
	print(loop.is_closed())
)");
    EXPECT_EQ(out.stdout_text, "False\nmain ran\nTrue\n");
}

TEST(tutorial, time_sleep_blocks_the_loop)
{
    auto out = run_virtual(R"(import asyncio
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
