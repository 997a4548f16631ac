// Generator functions: what is refused before the first line (what the engine would run differently),
// and what an endless or self-feeding generator costs against the run's bounds.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

namespace {

void expect_refused_up_front(const std::string& source, const std::string& type, const std::string& message)
{
    auto out = run_virtual("print('first line')\n" + source);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error) << source;
    EXPECT_EQ(end->error->type, type) << source;
    EXPECT_NE(end->error->message.find(message), std::string::npos) << end->error->message;
    EXPECT_EQ(out.stdout_text, "") << source;
}

// The run printed `printed` and then ended with UnsupportedError saying `message`
void expect_refused_there(const loopscope::engine::testing::run_output& out, const std::string& printed, const std::string& message)
{
    EXPECT_EQ(out.stdout_text, printed);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "UnsupportedError");
    EXPECT_NE(end->error->message.find(message), std::string::npos) << end->error->message;
}

} // namespace

TEST(generators, what_the_engine_would_run_differently_is_refused_before_the_first_line)
{
    expect_refused_up_front("yield 1\n", "SyntaxError", "'yield' outside function");
    expect_refused_up_front("class A:\n    yield 1\n", "SyntaxError", "'yield' outside function");
    expect_refused_up_front("def f():\n    return ((yield) for x in range(3))\n", "SyntaxError", "'yield' inside generator expression");
    expect_refused_up_front("async def f():\n    yield from range(3)\n", "SyntaxError", "'yield from' inside async function");
    expect_refused_up_front("def f():\n    return [(yield x) for x in range(3)]\n", "UnsupportedError", "comprehension");
}

// A generator let go at a yield inside try/finally, with or an except that catches GeneratorExit is
// closed there, before the next instruction, as CPython closes it when its last reference goes
TEST(generators, a_generator_let_go_in_its_cleanup_block_is_closed_there)
{
    const std::string prelude = "def f(name):\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('closed', name)\n";
    auto out = run_virtual(prelude + "for x in f('loop'):\n    break\nprint('after')\ng = f('g')\nnext(g)\ng = None\nprint('end')\n");
    EXPECT_EQ(out.stdout_text, "closed loop\nafter\nclosed g\nend\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    // A cleanup that raises is reported on stderr as CPython's PyErr_WriteUnraisable writes it; the program goes on
    out = run_virtual("def f():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 2\ng = f()\nnext(g)\ng = None\nprint('end')\n");
    EXPECT_EQ(out.stdout_text, "end\n");
    EXPECT_NE(out.stderr_text.find("Exception ignored in: <generator object f at 0x"), std::string::npos) << out.stderr_text;
    EXPECT_NE(out.stderr_text.find("line 8, in <module>\n    g = None\n    ^\nRuntimeError: generator ignored GeneratorExit\n"), std::string::npos)
        << out.stderr_text;
    EXPECT_FALSE(out.last("run_finished")->error);
    // Still stopped there when the program ends (CPython closes it at its exit), or two let go by one
    // frame (closed in the order CPython frees them): refused there
    out = run_virtual(prelude + "g = f('g')\nnext(g)\nprint('started')\n");
    expect_refused_there(out, "started\n", "when the program ends");
    out = run_virtual(prelude + "def h():\n    a = f('a')\n    b = f('b')\n    next(a)\n    next(b)\n    print('both')\nh()\n");
    expect_refused_there(out, "both\n", "generators let go together");
    // Its cleanup is metered as any code
    out = run_virtual("def f():\n    try:\n        yield 1\n    finally:\n        while True:\n            pass\ng = f()\nnext(g)\ng = None\n");
    EXPECT_NE(limit_message(out).find("steps"), std::string::npos) << limit_message(out);
}

// A coroutine driven by send() runs as CPython's; let go while stopped in an await inside a try or with
// block (CPython closes it there and runs that block's cleanup), still stopped there when the program
// ends, or given to a task (CPython's task goes on from there), the run ends with UnsupportedError.
TEST(generators, a_coroutine_driven_by_send_is_refused_where_cpython_would_close_it)
{
    const std::string prelude =
        "import asyncio\nasync def f():\n    try:\n        await asyncio.sleep(0)\n    finally:\n        print('cleanup')\n";
    auto out = run_virtual(prelude + "def g():\n    c = f()\n    c.send(None)\n    print('sent')\ng()\nprint('after')\n");
    expect_refused_there(out, "sent\n", "a coroutine driven by send() let go while stopped at an 'await'");
    out = run_virtual(prelude + "c = f()\nc.send(None)\nprint('sent')\n");
    expect_refused_there(out, "sent\n", "when the program ends");
    // Closed, it runs the cleanup itself
    out = run_virtual(prelude + "c = f()\nc.send(None)\nc.close()\nprint('after')\n");
    EXPECT_EQ(out.stdout_text, "cleanup\nafter\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    out = run_virtual("import asyncio\nasync def f():\n    await asyncio.sleep(0)\nasync def main():\n    c = f()\n    c.send(None)\n"
                      "    print('sent')\n    await asyncio.create_task(c)\nasyncio.run(main())\n");
    expect_refused_there(out, "sent\n", "a task of a coroutine stopped in an await by send()");
}

TEST(generators, an_endless_generator_meets_the_runs_bounds)
{
    run_config config;
    config.max_memory_bytes = 4u << 20;
    auto out = run_virtual("def count():\n    n = 0\n    while True:\n        yield [n]\n        n += 1\nprint(len(list(count())))\n", config);
    // list() of it is one operation: its step bound or the memory bound, whichever comes first
    EXPECT_NE(limit_message(out).find("max_"), std::string::npos) << limit_message(out);
    out = run_virtual("def count():\n    n = 0\n    while True:\n        yield n\n        n += 1\nprint(sum(count()))\n");
    EXPECT_NE(limit_message(out).find("steps"), std::string::npos) << limit_message(out);
}

TEST(generators, a_generator_that_feeds_on_itself_is_cpythons_value_error)
{
    auto out = run_virtual("def g():\n    for x in it:\n        yield x\nit = g()\ntry:\n    next(it)\nexcept ValueError as e:\n    print(e)\n");
    EXPECT_EQ(out.stdout_text, "generator already executing\n");
}

// A @contextmanager's generator entered by hand and let go half way is closed there, as any generator;
// still stopped there when the program ends, it is refused
TEST(generators, a_context_managers_generator_let_go_in_its_finally_block_is_closed_there)
{
    const std::string prelude =
        "from contextlib import contextmanager\n"
        "@contextmanager\ndef cm():\n    try:\n        yield 1\n    finally:\n        print('cleanup')\n";
    // Used as intended: the cleanup runs, and so does the rest
    auto out = run_virtual(prelude + "with cm() as x:\n    print('body', x)\nprint('after')\n");
    EXPECT_EQ(out.stdout_text, "body 1\ncleanup\nafter\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    // Entered by hand and let go: the cleanup runs as the frame holding it returns
    out = run_virtual(prelude + "def f():\n    m = cm()\n    m.__enter__()\n    print('entered')\nf()\nprint('after')\n");
    EXPECT_EQ(out.stdout_text, "entered\ncleanup\nafter\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    // Still stopped there when the program ends: CPython runs the cleanup as it exits
    out = run_virtual(prelude + "m = cm()\nm.__enter__()\nprint('entered')\n");
    expect_refused_there(out, "entered\n", "when the program ends");
}

// An asynchronous generator let go unfinished is closed in a task of its own, as CPython's loop's
// finalizer hook does (an @asynccontextmanager's too); one still alive when asyncio.run() ends is
// closed by its shutdown_asyncgens; two there with cleanup to run are refused.
TEST(generators, an_async_generator_let_go_is_closed_in_a_task_and_one_left_at_the_end_by_shutdown_asyncgens)
{
    const std::string prelude =
        "import asyncio\nfrom contextlib import asynccontextmanager\n"
        "@asynccontextmanager\nasync def held():\n    try:\n        yield 1\n    finally:\n        print('released')\n";
    auto out = run_virtual(prelude + "async def main():\n    async with held() as x:\n        print('body', x)\nasyncio.run(main())\nprint('after')\n");
    EXPECT_EQ(out.stdout_text, "body 1\nreleased\nafter\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    out = run_virtual(prelude + "async def main():\n    m = held()\n    print(await m.__aenter__())\nasyncio.run(main())\nprint('after')\n");
    EXPECT_EQ(out.stdout_text, "1\nreleased\nafter\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    out = run_virtual("import asyncio\nasync def ticks():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('closed in', asyncio.current_task().get_name())\n"
                      "async def main():\n    async for t in ticks():\n        break\n    print('broke')\n    await asyncio.sleep(0)\n    await asyncio.sleep(0)\n"
                      "    print(asyncio.create_task(asyncio.sleep(0)).get_name())\nasyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "broke\nclosed in Task-2\nTask-3\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    // Still alive when asyncio.run() ends: its shutdown_asyncgens closes it in a task of a gather
    out = run_virtual(prelude + "kept = []\nasync def main():\n    kept.append(held())\n    print(await kept[0].__aenter__())\nasyncio.run(main())\nprint('after')\n");
    EXPECT_EQ(out.stdout_text, "1\nreleased\nafter\n");
    EXPECT_FALSE(out.last("run_finished")->error);
    // Two alive there, one with cleanup to run: closed in the order of their addresses in CPython
    out = run_virtual(prelude + "kept = []\nasync def main():\n    for _ in range(2):\n        kept.append(held())\n        print(await kept[-1].__aenter__())\n"
                                "asyncio.run(main())\n");
    expect_refused_there(out, "1\n1\n", "order of their addresses");
}

// A program's awaitable (__await__): its await is shown as an inline await of the generator, and
// what the engine does not model (iter() of a future outside `yield from`) ends the run where it is reached.
TEST(generators, a_custom_awaitable_is_an_inline_await_and_iter_of_a_future_is_refused)
{
    auto out = run_virtual("import asyncio\nclass Ready:\n    def __await__(self):\n        yield\n        return 5\n"
                           "async def main():\n    print(await Ready())\nasyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "5\n");
    bool begun = false;
    bool ended = false;
    for (const auto& e : out.events) {
        if (e.kind == "await_begin" && e.on == "coroutine" && e.target == "Ready.__await__") begun = true;
        if (begun && e.kind == "await_end" && e.result == "5") ended = true;
    }
    EXPECT_TRUE(begun && ended);
    out = run_virtual("import asyncio\nclass Waits:\n    def __init__(self, fut):\n        self.fut = fut\n    def __await__(self):\n"
                      "        yield from iter(self.fut)\nasync def main():\n    print('before')\n"
                      "    await Waits(asyncio.get_running_loop().create_future())\nasyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "before\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "UnsupportedError");
}
