// asyncio's ordering rules, each as a program whose printed order and times only CPython's rule explains.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::run_clean;
using strings = std::vector<std::string>;

TEST(loop_order, create_task_does_not_start_the_task_at_once)
{
    auto out = run_clean(R"(import asyncio
async def child():
    print("child")
async def main():
    t = asyncio.create_task(child())
    print("main after create_task")
    await t
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "main after create_task\nchild\n");
}

TEST(loop_order, ready_queue_is_fifo)
{
    auto out = run_clean(R"(import asyncio
async def child(n):
    print(n)
async def main():
    ts = [asyncio.create_task(child(i)) for i in range(5)]
    await asyncio.sleep(0)
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "0\n1\n2\n3\n4\n");
}

TEST(loop_order, equal_deadlines_fire_in_scheduling_order)
{
    auto out = run_clean(R"(import asyncio
async def child(n):
    await asyncio.sleep(1)
    print(n)
async def main():
    await asyncio.gather(child("c"), child("a"), child("b"))
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "c\na\nb\n");
}

TEST(loop_order, timers_fire_by_deadline)
{
    auto out = run_clean(R"(import asyncio
async def child(n, d):
    await asyncio.sleep(d)
    print(n)
async def main():
    await asyncio.gather(child("slow", 3), child("fast", 1), child("mid", 2))
asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=1.00 fast", "t=2.00 mid", "t=3.00 slow"}));
}

TEST(loop_order, sleep_zero_yields_exactly_once)
{
    auto out = run_clean(R"(import asyncio
async def child(n):
    for i in range(3):
        print(n, i)
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(child("a"), child("b"))
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "a 0\nb 0\na 1\nb 1\na 2\nb 2\n");
}

TEST(loop_order, awaiting_a_done_task_does_not_yield)
{
    auto out = run_clean(R"(import asyncio
async def quick():
    return 1
async def other():
    print("other ran")
async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    asyncio.create_task(other())
    print(await t)
    print("still first")
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "1\nstill first\nother ran\n");
}

TEST(loop_order, await_coroutine_runs_inline_in_the_same_task)
{
    auto out = run_clean(R"(import asyncio
async def inner():
    print("inner")
    return 5
async def other():
    print("other")
async def main():
    asyncio.create_task(other())
    print(await inner())
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "inner\n5\nother\n");
}

TEST(loop_order, gather_returns_results_in_argument_order)
{
    auto out = run_clean(R"(import asyncio
async def child(n, d):
    await asyncio.sleep(d)
    return n
async def main():
    print(await asyncio.gather(child("x", 3), child("y", 1), child("z", 2)))
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "['x', 'y', 'z']\n");
    EXPECT_DOUBLE_EQ(out.end_time, 3.0);
}

TEST(loop_order, cancel_while_sleeping_raises_at_the_await_and_runs_finally)
{
    auto out = run_clean(R"(import asyncio
async def sleeper():
    try:
        await asyncio.sleep(10)
        print("not reached")
    except asyncio.CancelledError:
        print("cancelled at", asyncio.get_event_loop().time())
        raise
    finally:
        print("finally")
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw", t.cancelled())
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "cancelled at 1.0\nfinally\nmain saw True\n");
    EXPECT_DOUBLE_EQ(out.end_time, 1.0);
}

TEST(loop_order, asyncio_run_cancels_tasks_left_running)
{
    auto out = run_clean(R"(import asyncio
async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("left task cancelled")
async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print("main returns")
asyncio.run(main())
print("after run")
)");
    EXPECT_EQ(out.stdout_text, "main returns\nleft task cancelled\nafter run\n");
    EXPECT_DOUBLE_EQ(out.end_time, 0.0);
}

TEST(loop_order, exception_in_gather_reaches_the_awaiter_and_siblings_continue)
{
    auto out = run_clean(R"(import asyncio
async def bad():
    await asyncio.sleep(1)
    raise ValueError("boom")
async def good():
    await asyncio.sleep(2)
    print("good finished")
async def main():
    try:
        await asyncio.gather(bad(), good())
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(5)
asyncio.run(main())
)");
    EXPECT_EQ(out.timed_prints(), (strings{"t=1.00 caught boom", "t=2.00 good finished"}));
}

TEST(loop_order, task_names_count_up_across_runs)
{
    auto out = run_clean(R"(import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(0), name="custom")
    print(asyncio.create_task(asyncio.sleep(0)).get_name(), t.get_name())
asyncio.run(main())
asyncio.run(main())
)");
    // Each asyncio.run also spends two task names on its shutdown steps, as CPython does.
    EXPECT_EQ(out.stdout_text, "Task-3 custom\nTask-8 custom\n");
}

TEST(loop_order, loop_states_are_reported_in_order)
{
    auto out = run_clean("import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n");
    strings states;
    for (const auto& e : out.events)
        if (e.kind == "loop") states.push_back(*e.state);
    EXPECT_EQ(states, (strings{"created", "running", "stopped", "running", "stopped", "running", "stopped", "closed"}));
}

TEST(loop_order, every_event_has_the_next_seq_and_time_never_goes_back)
{
    auto out = run_clean(R"(import asyncio
async def child(d):
    await asyncio.sleep(d)
async def main():
    await asyncio.gather(child(2), child(1))
asyncio.run(main())
)");
    ASSERT_FALSE(out.events.empty());
    for (std::size_t k = 0; k < out.events.size(); ++k) {
        EXPECT_EQ(out.events[k].seq, k);
        if (k) {
            EXPECT_GE(out.events[k].t, out.events[k - 1].t);
        }
    }
    EXPECT_EQ(out.events.back().kind, "run_finished");
}

// A future's callbacks that asyncio adds are named where Debian 12's python3.11 defines them (the
// conformance compare masks the folder and line, which differ between builds of 3.11).
TEST(loop_order, a_gathered_task_names_gathers_callback_where_debians_asyncio_defines_it)
{
    auto out = run_clean(R"(import asyncio
async def work():
    await asyncio.sleep(1)
async def main():
    a = asyncio.create_task(work())
    g = asyncio.gather(a)
    print(a)
    await g
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text, "<Task pending name='Task-2' coro=<work() running at main.py:2> "
                               "cb=[gather.<locals>._done_callback() at /usr/lib/python3.11/asyncio/tasks.py:754]>\n");
}

// Two tasks that wait for each other: a repr meets the first again ("...", as reprlib.recursive_repr
// writes it), and cancelling one cancels the other without end, which CPython's C Task.cancel ends
// with RecursionError (it crashed the engine's stack before).
TEST(loop_order, tasks_waiting_for_each_other_repr_and_cancel_as_cpython)
{
    auto out = loopscope::engine::testing::run_virtual(R"(import asyncio
tasks = {}
async def wait_on(name):
    await asyncio.sleep(0)
    await tasks[name]
async def main():
    tasks["a"] = asyncio.create_task(wait_on("b"), name="a")
    tasks["b"] = asyncio.create_task(wait_on("a"), name="b")
    await asyncio.sleep(0.01)
    print(tasks["a"])
    try:
        tasks["a"].cancel()
    except RecursionError as e:
        print(e)
asyncio.run(main())
)");
    EXPECT_EQ(out.stdout_text,
              "<Task pending name='a' coro=<wait_on() running at main.py:5> wait_for=<Task pending name='b' coro=<wait_on() running at "
              "main.py:5> wait_for=... cb=[Task.task_wakeup()]> cb=[Task.task_wakeup()]>\n"
              "maximum recursion depth exceeded while calling a Python object\n");
    // asyncio.run's shutdown cancels them again: the same RecursionError ends the run
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "RecursionError");
}
