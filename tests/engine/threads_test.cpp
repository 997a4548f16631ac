// The default executor's modelled worker threads (executor.cpp): their events, the worker limit, the
// order at a shared instant, and what is refused. Their semantics against python3 are the conformance
// programs to_thread_*.py and run_in_executor_*.py.
#include "engine_test_support.hpp"
#include "runtime.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace loopscope::engine {
namespace {

using testing::run_clean;
using testing::run_virtual;

std::vector<std::string> kinds_in(const testing::run_output& out, const std::string& thread)
{
    std::vector<std::string> kinds;
    for (const auto& e : out.events)
        if (e.thread && *e.thread == thread) kinds.emplace_back(loopscope::protocol::event_kind_name(e.kind));
    return kinds;
}

TEST(threads, a_workers_events_carry_its_name_and_no_task)
{
    auto out = run_clean(
        "import asyncio, time\n"
        "def f(n):\n    time.sleep(n)\n    print('woke')\n    return n * 2\n"
        "async def main():\n    print(await asyncio.to_thread(f, 1.5))\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out.timed_prints(), (std::vector<std::string>{"t=1.50 woke", "t=1.50 3.0"}));
    EXPECT_EQ(kinds_in(out, "asyncio_0"),
              (std::vector<std::string>{"thread_started", "thread_run_begin", "blocking_sleep", "print", "thread_run_end", "handle_queued"}));
    for (const auto& e : out.events) {
        if (e.thread && e.kind != "thread_started") {
            EXPECT_FALSE(e.task) << e.kind;
        }
        if (e.kind == "thread_run_end") {
            EXPECT_EQ(e.status, "ok");
            EXPECT_EQ(e.result, "3.0");
            EXPECT_EQ(e.callback, "f(1.5)");
        }
        if (e.kind == "thread_started") {
            EXPECT_EQ(e.task, "Task-1");  // started by the submitting task
        }
    }
}

TEST(threads, the_worker_limit_is_the_configs_and_calls_beyond_it_queue)
{
    run_config config;
    config.executor_workers = 2;
    auto out = run_clean(
        "import asyncio, time\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    await asyncio.gather(*(loop.run_in_executor(None, time.sleep, 1) for _ in range(5)))\n"
        "    print(loop.time())\n"
        "asyncio.run(main())\n",
        config);
    EXPECT_EQ(out.stdout_text, "3.0\n");  // 2 + 2 + 1 calls: three rounds of a second
    const auto started = std::count_if(out.events.begin(), out.events.end(), [](const event_record& e) { return e.kind == "thread_started"; });
    EXPECT_EQ(started, 2);
    EXPECT_EQ(executor_worker_limit(config), 2u);
    config.executor_workers = 1000;
    EXPECT_EQ(executor_worker_limit(config), 32u);  // CPython's min(32, ...)
    config.executor_workers = 0;
    EXPECT_GE(executor_worker_limit(config), 5u);  // cpu_count + 4
}

TEST(threads, a_new_thread_runs_before_the_submitting_code_goes_on)
{
    auto out = run_clean(
        "import asyncio\n"
        "def f():\n    print('in the thread')\n"
        "async def main():\n"
        "    fut = asyncio.get_running_loop().run_in_executor(None, f)\n"
        "    print('after the submit')\n"
        "    await fut\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "in the thread\nafter the submit\n");
}

TEST(threads, calls_submitted_by_a_generator_expression_each_start_a_thread_in_order)
{
    auto out = run_clean(
        "import asyncio, time\n"
        "def f(i):\n    time.sleep(i / 4)\n    print('call', i)\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    await asyncio.gather(*(loop.run_in_executor(None, f, i) for i in range(3)))\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out.timed_prints(), (std::vector<std::string>{"t=0.00 call 0", "t=0.25 call 1", "t=0.50 call 2"}));
    std::vector<std::string> order;
    for (const auto& e : out.events)
        if (e.kind == "thread_run_begin") order.push_back(*e.thread + " " + *e.callback);
    EXPECT_EQ(order, (std::vector<std::string>{"asyncio_0 f(0)", "asyncio_1 f(1)", "asyncio_2 f(2)"}));
}

TEST(threads, what_is_not_modelled_is_refused_naming_it)
{
    for (const char* source : {
             "import asyncio\ndef f():\n    asyncio.run(asyncio.sleep(0))\nasync def main():\n    await asyncio.to_thread(f)\nasyncio.run(main())\n",
             "import asyncio\nasync def main():\n    pass\nasyncio.run(main(), debug=True)\n",
             "import asyncio\nasync def main():\n    asyncio.get_running_loop().set_debug(True)\nasyncio.run(main())\n",
             "import asyncio\nasync def main():\n    pass\nwith asyncio.Runner(debug=True) as r:\n    r.run(main())\n",
             // CPython's _copy_future_state logs a TypeError and leaves the future pending
             "import asyncio\ndef w():\n    raise StopIteration('x')\nasync def main():\n    f = asyncio.get_running_loop().run_in_executor(None, w)\n"
             "    await asyncio.sleep(0.5)\nasyncio.run(main())\n",
             // CPython's _copy_future_state fails its assert when the thread's result comes
             "import asyncio, time\nasync def main():\n    f = asyncio.get_running_loop().run_in_executor(None, time.sleep, 0.25)\n"
             "    f.set_result(5)\n    print(await f)\n    await asyncio.sleep(0.5)\nasyncio.run(main())\n",
         }) {
        auto out = run_virtual(source);
        const auto* end = out.last("run_finished");
        ASSERT_TRUE(end && end->error) << source;
        EXPECT_EQ(end->error->type, "UnsupportedError") << source;
        EXPECT_EQ(out.stderr_text.find("never awaited"), std::string::npos) << out.stderr_text;
    }
}

} // namespace
} // namespace loopscope::engine
