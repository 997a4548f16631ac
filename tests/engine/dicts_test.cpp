// dict: its memory and size are bounded like a list's, its destruction is not recursive, and a
// dict that contains itself does not outlive its run.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::run_output;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

TEST(dicts, their_memory_counts_against_the_runs_bound)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    // 100,000 entries take several MB (entries, index, keys): past a 2 MiB bound.
    auto out = run_virtual("d = {}\nfor i in range(100_000):\n    d[i] = i\nprint(len(d))\n", config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    out = run_virtual("d = {}\nfor i in range(1_000):\n    d[i] = i\nprint(len(d))\n", config);
    EXPECT_EQ(out.stdout_text, "1000\n");
}

TEST(dicts, their_length_is_bounded_like_a_lists)
{
    run_config config;
    config.max_sequence_length = 1000;
    auto out = run_virtual("d = {i: i for i in range(2000)}\n", config);
    EXPECT_NE(limit_message(out).find("the limit is 1000"), std::string::npos) << limit_message(out);
    out = run_virtual("d = {}\nfor i in range(2000):\n    d[i] = i\n", config);
    EXPECT_NE(limit_message(out).find("the limit is 1000"), std::string::npos) << limit_message(out);
    out = run_virtual("d = dict([(i, i) for i in range(999)])\nd.update(a=1)\nprint(len(d))\n", config);
    EXPECT_EQ(out.stdout_text, "1000\n");
}

TEST(dicts, deeply_nested_dicts_are_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;
    auto out = run_virtual("d = {}\nfor i in range(300000):\n    d = {'next': d}\nprint('built')\n", config);
    EXPECT_EQ(out.stdout_text, "built\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(dicts, a_dict_that_holds_itself_is_let_go_with_its_run)
{
    auto out = run_virtual("d = {}\nd['self'] = d\nd['list'] = [d]\nprint(d)\n");
    EXPECT_EQ(out.stdout_text, "{'self': {...}, 'list': [{...}]}\n");
    EXPECT_EQ(out.exit_status, 0);
}
