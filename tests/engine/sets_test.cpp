// set and frozenset: memory and length bounded like a list's, work charged before it is done,
// destruction without recursion, cycles through objects let go with the run, and CPython's order
// and hashes (the numbers below are what python3 3.11 prints with PYTHONHASHSEED=0).
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

TEST(sets, their_memory_counts_against_the_runs_bound)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    // 100,000 keys take several MB (entries and table): past a 2 MiB bound.
    auto out = run_virtual("s = set()\nfor i in range(100_000):\n    s.add(i)\nprint(len(s))\n", config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    out = run_virtual("s = frozenset(range(100_000))\n", config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    out = run_virtual("s = set()\nfor i in range(1_000):\n    s.add(i)\nprint(len(s))\n", config);
    EXPECT_EQ(out.stdout_text, "1000\n");
}

TEST(sets, their_length_is_bounded_like_a_lists)
{
    run_config config;
    config.max_sequence_length = 1000;
    for (const char* program : {"s = {i for i in range(2000)}\n", "s = set(range(2000))\n", "s = set()\nfor i in range(2000):\n    s.add(i)\n",
                                "s = set(range(600))\ns |= set(range(600, 1200))\n", "s = frozenset(str(i) for i in range(2000))\n"}) {
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("the limit is 1000"), std::string::npos) << program << limit_message(out);
    }
    auto out = run_virtual("s = set(range(999))\ns.add(-1)\nprint(len(s), len(s | s))\n", config);
    EXPECT_EQ(out.stdout_text, "1000 1000\n");
}

TEST(sets, one_operation_over_a_big_set_is_charged_as_its_work)
{
    run_config config;
    config.max_operation_steps = 2000;
    // Each is one instruction walking thousands of keys; the meter must see them.
    for (const char* program : {"s = set(range(5000))\n", "s = set()\nfor i in range(5000):\n    s.add(i)\nt = s | s\n",
                                "s = set()\nfor i in range(5000):\n    s.add(i)\nprint(sorted(s)[0])\n",
                                "s = set()\nfor i in range(5000):\n    s.add(i)\nprint(s == set(s))\n"}) {
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("max_operation_steps"), std::string::npos) << program << limit_message(out);
    }
}

TEST(sets, deeply_nested_frozensets_are_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;
    auto out = run_virtual("f = frozenset()\nfor i in range(300000):\n    f = frozenset([f, i])\nprint('built', len(f))\n", config);
    EXPECT_EQ(out.stdout_text, "built 2\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(sets, a_set_that_holds_itself_through_an_object_is_let_go_with_its_run)
{
    auto out = run_virtual("class Node:\n    pass\nn = Node()\ns = {n, 1}\nn.owner = s\nprint(len(s), n.owner is s)\n");
    EXPECT_EQ(out.stdout_text, "2 True\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(sets, iterate_in_cpythons_order)
{
    // Collisions, a dummy reused by a later add, and the growth from 8 to 32 slots.
    auto out = run_virtual("s = set(range(5))\ns.discard(1)\ns.discard(3)\ns.add(33)\nprint(s)\n"
                           "t = {0}\nt.add(16)\nt.add(36)\nt.discard(36)\nt.add(12)\nt.add(39)\nprint(t)\n"
                           "print({'banana', 'fig', 'cherry', 'apple'.upper()})\n");
    EXPECT_EQ(out.stdout_text, "{0, 2, 33, 4}\n{0, 16, 12, 39}\n{'APPLE', 'banana', 'fig', 'cherry'}\n");
}

TEST(sets, hash_str_and_frozenset_as_cpython_with_hashseed_zero)
{
    auto out = run_virtual("print(hash('abc'), hash(''), hash('\\u00e9'))\nprint(hash(frozenset()), hash(frozenset({1, 2, 3})))\n");
    EXPECT_EQ(out.stdout_text, "-4594863902769663758 0 6047309291227476195\n133146708735736 -272375401224217160\n");
}
