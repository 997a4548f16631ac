// Each bound of run_config: hit it, get a clear error, and the run ends cleanly.
#include "engine_test_support.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::run_clean;
using loopscope::engine::testing::run_output;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

TEST(bounds, source_size)
{
    run_config config;
    config.max_source_bytes = 100;
    auto out = run_virtual(std::string(101, '\n'), config);
    EXPECT_EQ(limit_message(out), "the program is 101 bytes; the limit is 100 bytes");
    EXPECT_EQ(out.exit_status, 1);
    EXPECT_EQ(run_virtual(std::string(100, '\n'), config).exit_status, 0);
}

TEST(bounds, steps_end_an_endless_loop)
{
    run_config config;
    config.max_steps = 10'000;
    auto out = run_virtual("while True:\n    pass\n", config);
    EXPECT_NE(limit_message(out).find("10000 steps"), std::string::npos) << limit_message(out);
}

TEST(bounds, steps_are_not_catchable_by_the_program)
{
    run_config config;
    config.max_steps = 5'000;
    auto out = run_virtual("try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n", config);
    EXPECT_EQ(out.stdout_text, "");
    EXPECT_FALSE(limit_message(out).empty());
}

TEST(bounds, tasks_per_run)
{
    run_config config;
    config.max_tasks = 50;
    auto out = run_virtual(R"(import asyncio
async def child():
    await asyncio.sleep(1)
async def main():
    for i in range(100):
        asyncio.create_task(child())
    await asyncio.sleep(2)
asyncio.run(main())
)", config);
    EXPECT_EQ(limit_message(out), "the program created more than 50 unfinished tasks");
}

TEST(bounds, program_time)
{
    run_config config;
    config.max_program_seconds = 10;
    auto out = run_virtual("import asyncio\nasync def main():\n    await asyncio.sleep(11)\nasyncio.run(main())\n", config);
    EXPECT_EQ(limit_message(out), "program time would pass 10.0 seconds");
    EXPECT_LE(out.end_time, 10.0);
    auto blocking = run_virtual("import time\ntime.sleep(20)\n", config);
    EXPECT_EQ(limit_message(blocking), "program time would pass 10.0 seconds");
}

TEST(bounds, output_lines)
{
    run_config config;
    config.max_output_lines = 20;
    auto out = run_virtual("for i in range(100):\n    print(i)\n", config);
    EXPECT_EQ(limit_message(out), "the program printed more than 20 lines");
    EXPECT_EQ(out.timed_prints().size(), 20u);
}

TEST(bounds, sequence_length)
{
    run_config config;
    config.max_sequence_length = 1000;
    EXPECT_FALSE(limit_message(run_virtual("x = [0] * 1000000000000\n", config)).empty());
    EXPECT_FALSE(limit_message(run_virtual("x = 'ab' * 600\n", config)).empty());
    EXPECT_FALSE(limit_message(run_virtual("x = list(range(5000))\n", config)).empty());
    EXPECT_EQ(run_virtual("x = [0] * 1000\nprint(len(x))\n", config).stdout_text, "1000\n");
}

TEST(bounds, deep_brackets_are_a_syntax_error_not_a_crash)
{
    std::string source = "x = " + std::string(30'000, '(') + "1" + std::string(30'000, ')') + "\n";
    auto out = run_virtual(source);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "SyntaxError");
    EXPECT_EQ(end->error->message, "too many nested parentheses");
}

// Each source below must stay under the source bound: past it the run ends before the nesting check is
// reached, and the test would pass without testing anything.
TEST(bounds, long_operator_chains_are_a_syntax_error_not_a_crash)
{
    const run_config config;
    std::string chain = "x = 1";
    for (int i = 0; i < 20'000; ++i) chain += "+1";
    chain += "\n";
    ASSERT_LT(chain.size(), config.max_source_bytes);
    auto out = run_virtual(chain, config);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "SyntaxError");
    EXPECT_EQ(end->error->message, "expression too deeply nested");
    EXPECT_EQ(out.exit_status, 1);
}

TEST(bounds, deep_blocks_are_an_indentation_error_not_a_crash)
{
    const run_config config;
    // One space a level keeps 250 levels at 33 KB.
    const std::size_t levels = config.max_nesting_depth + 50;
    std::string blocks;
    for (std::size_t i = 0; i < levels; ++i) blocks += std::string(i, ' ') + "if True:\n";
    blocks += std::string(levels, ' ') + "pass\n";
    ASSERT_LT(blocks.size(), config.max_source_bytes);
    auto out = run_virtual(blocks, config);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "IndentationError");
    EXPECT_EQ(end->error->message, "too many levels of indentation");
    // Line n is indented n - 1 levels: the first line past the bound, which is CPython's 99 levels
    // when the engine's own is higher
    EXPECT_EQ(end->error->line, static_cast<int>(std::min<std::size_t>(config.max_nesting_depth, 99)) + 2);
    EXPECT_EQ(out.exit_status, 1);
}

TEST(bounds, deep_recursion_is_a_recursion_error)
{
    auto out = run_virtual("def f(n):\n    return f(n + 1)\nf(0)\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "RecursionError");
    EXPECT_NE(out.stderr_text.find("[Previous line repeated"), std::string::npos);
}

TEST(bounds, deep_async_recursion_is_a_recursion_error)
{
    auto out = run_virtual("import asyncio\nasync def f(n):\n    await f(n + 1)\nasyncio.run(f(0))\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "RecursionError");
}

// Python called back from the engine's C++ (a __repr__ from repr(), a sort key from sorted()) is C++
// recursion: deeper than CPython's limit allows it is CPython's RecursionError, and it never takes more
// of the thread's stack than max_native_stack_bytes
TEST(bounds, python_called_back_from_native_code_nests_to_the_stack_bound)
{
    const std::string nested_reprs = "class Node:\n"
                                     "    def __init__(self, child):\n"
                                     "        self.child = child\n"
                                     "    def __repr__(self):\n"
                                     "        return f'N({self.child!r})'\n"
                                     "n = None\n"
                                     "for i in range(60):\n"
                                     "    n = Node(n)\n"
                                     "print(len(repr(n)))\n";
    // 60 levels: past the engine's old bound of 50 (a RecursionError CPython does not raise)
    EXPECT_EQ(run_virtual(nested_reprs).stdout_text, "184\n");
    run_config small;
    small.max_native_stack_bytes = 64 * 1024;
    const auto out = run_virtual(nested_reprs, small);
    EXPECT_NE(limit_message(out).find("max_native_stack_bytes"), std::string::npos) << limit_message(out);
    const auto runaway = run_virtual("def deeper(x):\n    return sorted([x], key=deeper)\ndeeper(1)\n");
    const auto* end = runaway.last("run_finished");
    ASSERT_TRUE(end && end->error);
#if !defined(__SANITIZE_ADDRESS__)  // there a level takes ten times the stack: the stack bound comes first
    EXPECT_EQ(end->error->type, "RecursionError");
    // A generator delegating to itself: the error on entering its frame leaves it, and it is done
    EXPECT_EQ(run_virtual("def me():\n    yield from me()\ng = me()\ntry:\n    next(g)\nexcept RecursionError as e:\n    print('caught', e)\n"
                          "print(next(g, 'finished'))\n")
                  .stdout_text,
              "caught maximum recursion depth exceeded\nfinished\n");
#endif
}

TEST(bounds, deeply_nested_lists_are_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;  // a million lists: this test is about their destruction
    auto out = run_virtual("a = []\nfor i in range(1000000):\n    a = [a]\nprint('built')\n", config);
    EXPECT_EQ(out.stdout_text, "built\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(bounds, bulk_work_counts_against_the_step_bound)
{
    run_config config;
    config.max_steps = 100'000;
    // Each `in` scans 100,000 items: without charging the scan, this would run 25,000 scans.
    auto out = run_virtual("x = [0] * 100000\nn = 0\nwhile n < 25000:\n    n += 1\n    if -1 in x:\n        pass\nprint(n)\n", config);
    EXPECT_EQ(out.stdout_text, "");
    EXPECT_FALSE(limit_message(out).empty());
}

// A builtin calling a function once per item (sorted's keys, map, filter, max with key=) makes no
// instruction steps between the calls: each call is charged, or 200,000 keys of one sorted() held the
// thread for 100 ms before the sort's own work reached the bound.
TEST(bounds, a_builtin_calling_a_function_per_item_is_charged_per_call)
{
    run_config config;
    config.max_operation_steps = 2000;
    for (const char* call : {"sorted(xs, key=abs)", "list(map(abs, xs))", "list(filter(abs, xs))", "max(xs, key=abs)",
                             "sorted(xs, key=str)", "min(xs, key=lambda x: x)"}) {
        const std::string program = std::string("xs = list(range(3000))\nys = ") + call + "\nprint('done')\n";
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("max_operation_steps"), std::string::npos) << call << ": " << out.stdout_text;
        // A few hundred calls are well inside the bound
        const std::string small = std::string("xs = list(range(200))\nys = ") + call + "\nprint('done')\n";
        EXPECT_EQ(run_virtual(small, config).stdout_text, "done\n") << call;
    }
}

TEST(bounds, repeating_an_empty_sequence_is_instant)
{
    // Found by the fuzzer: "" * 200000000000 used to loop 2e11 times.
    auto out = run_clean("print(repr('' * 200000000000), [] * 200000000000, () * 10 ** 15)\n");
    EXPECT_EQ(out.stdout_text, "'' [] ()\n");
}

TEST(bounds, printing_a_huge_nested_value_is_bounded)
{
    run_config config;
    config.max_sequence_length = 10'000;
    auto out = run_virtual("a = [1] * 1000\nb = [a] * 1000\nc = [b] * 1000\nprint(c)\n", config);
    EXPECT_EQ(limit_message(out), "a printed value would be longer than 10000 characters");
}

// A class's fields cost what making each field's getter, names and table entries costs: namedtuple()
// of 30,000 fields held the thread 67 ms as one operation charged half a step a field.
TEST(bounds, a_named_tuple_class_is_charged_per_field)
{
    run_config config;
    config.max_operation_steps = 20'000;
    for (const char* make : {"namedtuple('P', names)", "namedtuple('P', ' '.join(names))", "NamedTuple('P', [(n, int) for n in names])"}) {
        const auto program = [&](int fields) {
            return "from collections import namedtuple\nfrom typing import NamedTuple\nnames = ['f%d' % i for i in range(" + std::to_string(fields) +
                   ")]\nP = " + make + "\nprint(len(P._fields))\n";
        };
        auto out = run_virtual(program(400), config);
        EXPECT_NE(limit_message(out).find("max_operation_steps"), std::string::npos) << make << ": " << out.stdout_text;
        EXPECT_EQ(run_virtual(program(100), config).stdout_text, "100\n") << make;
    }
}
