// `with` and `async with`: the errors found before the first line, and blocks left every way (end,
// break, continue, return, an exception) many times over without the frame's stack growing.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

TEST(with_statement, async_with_outside_a_coroutine_is_a_syntax_error_before_the_first_line)
{
    for (const char* source : {"print('first')\nasync with x:\n    pass\n", "print('first')\ndef f():\n    async with x:\n        pass\n"}) {
        auto out = run_virtual(source);
        const auto* end = out.last("run_finished");
        ASSERT_TRUE(end && end->error) << source;
        EXPECT_EQ(end->error->type, "SyntaxError");
        EXPECT_EQ(end->error->message, "'async with' outside async function");
        EXPECT_EQ(out.stdout_text, "");
    }
}

TEST(with_statement, async_for_outside_a_coroutine_is_a_syntax_error_before_the_first_line)
{
    auto out = run_virtual("print('first')\ndef f(xs):\n    async for x in xs:\n        pass\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "SyntaxError");
    EXPECT_EQ(end->error->message, "'async for' outside async function");
    EXPECT_EQ(end->error->line, 3);
    EXPECT_EQ(out.stdout_text, "");
}

TEST(with_statement, context_managers_are_special_methods_a_class_may_define)
{
    auto out = run_virtual("import asyncio\n"
                           "class M:\n    def __enter__(self):\n        return 'in'\n    def __exit__(self, *a):\n        print('out', a[0])\n"
                           "    async def __aenter__(self):\n        return 'ain'\n    async def __aexit__(self, *a):\n        print('aout')\n"
                           "async def main():\n    with M() as x:\n        print(x)\n    async with M() as y:\n        print(y)\n"
                           "asyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "in\nout None\nain\naout\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(with_statement, leaving_a_block_a_million_ways_keeps_the_stack_flat)
{
    // Each way out of the block drops __exit__ from the stack; a leak of one value per pass would
    // reach the memory bound long before the loop ends.
    run_config config;
    config.max_memory_bytes = 2u << 20;
    config.max_steps = 100'000'000;
    auto out = run_virtual("class M:\n    def __enter__(self):\n        return self\n    def __exit__(self, t, e, tb):\n        return t is KeyError\n"
                           "m = M()\n"
                           "def f(i):\n    with m:\n        if i % 4 == 0:\n            return i\n        if i % 4 == 1:\n            raise KeyError(i)\n"
                           "total = 0\n"
                           "for i in range(300_000):\n    with m:\n        if i % 3 == 0:\n            continue\n"
                           "        if i % 3 == 1:\n            total += f(i) or 0\n            continue\n        raise KeyError(i)\n"
                           "    while True:\n        with m:\n            with m:\n                break\n"
                           "print(total)\n",
                           config);
    EXPECT_EQ(limit_message(out), "");
    EXPECT_EQ(out.stdout_text, "3749950000\n");
}
