// collections.deque and defaultdict: memory and length bounded like a list's and a dict's, work
// charged before it is done, destruction without recursion, and cycles let go with the run.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

TEST(deques, their_memory_counts_against_the_runs_bound)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    // 200,000 items take several MB of blocks: past a 2 MiB bound, however they are added.
    for (const char* program : {"from collections import deque\nd = deque()\nfor i in range(200_000):\n    d.append(i)\nprint(len(d))\n",
                                "from collections import deque\nd = deque()\nfor i in range(200_000):\n    d.appendleft(i)\n",
                                "from collections import deque\nd = deque(range(200_000))\n",
                                "from collections import deque\nd = deque([0]) * 200_000\n"}) {
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << program << limit_message(out);
    }
    // A maxlen keeps it small whatever goes through it.
    auto out = run_virtual("from collections import deque\nd = deque(maxlen=10)\nfor i in range(200_000):\n    d.append(i)\nprint(len(d), d[0])\n",
                           config);
    EXPECT_EQ(out.stdout_text, "10 199990\n");
}

TEST(deques, their_length_is_bounded_like_a_lists)
{
    run_config config;
    config.max_sequence_length = 1000;
    for (const char* program : {"from collections import deque\nd = deque(range(2000))\n",
                                "from collections import deque\nd = deque()\nfor i in range(2000):\n    d.appendleft(i)\n",
                                "from collections import deque\nd = deque(range(600))\nd.extend(range(600))\n",
                                "from collections import deque\nd = deque('ab') * 600\n", "from collections import deque\nd = deque('a') * 2000\n"}) {
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("the limit is 1000"), std::string::npos) << program << limit_message(out);
    }
    auto out = run_virtual("from collections import deque\nd = deque(range(5000), maxlen=1000)\nd.append(1)\nprint(len(d))\n", config);
    EXPECT_EQ(out.stdout_text, "1000\n");
}

TEST(deques, one_operation_over_a_big_deque_is_charged_as_its_work)
{
    run_config config;
    config.max_operation_steps = 2000;
    // Each is one instruction walking or moving 100,000 items (16 items a step); the meter must see them.
    for (const char* program : {"from collections import deque\nd = deque(range(100_000))\n",
                                "from collections import deque\nd = deque()\nfor i in range(100_000):\n    d.append(i)\nd.rotate(50_000)\n",
                                "from collections import deque\nd = deque()\nfor i in range(100_000):\n    d.append(i)\nprint(d.count(-1))\n",
                                "from collections import deque\nd = deque()\nfor i in range(100_000):\n    d.append(i)\nprint(d == d.copy())\n",
                                "from collections import deque\nd = deque()\nfor i in range(100_000):\n    d.append(i)\nprint(-1 in d)\n",
                                "from collections import deque\nd = deque()\nfor i in range(100_000):\n    d.append(i)\nprint(d.index(-1))\n",
                                "from collections import deque\nd = deque([0]) * 100_000\n"}) {
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("max_operation_steps"), std::string::npos) << program << limit_message(out);
    }
}

TEST(deques, deeply_nested_deques_are_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;
    auto out = run_virtual("from collections import deque\nd = deque()\nfor i in range(300000):\n    d = deque([d, i])\nprint('built', len(d))\n", config);
    EXPECT_EQ(out.stdout_text, "built 2\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(deques, a_deque_that_holds_itself_is_let_go_with_its_run)
{
    auto out = run_virtual("from collections import deque\nd = deque([1])\nd.append(d)\nprint(d)\n");
    EXPECT_EQ(out.stdout_text, "deque([1, [...]])\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(defaultdicts, their_memory_counts_against_the_runs_bound)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    // 50,000 keys, each with the list its factory made: past a 2 MiB bound.
    auto out = run_virtual("from collections import defaultdict\nd = defaultdict(list)\nfor i in range(50_000):\n    d[i].append(i)\nprint(len(d))\n",
                           config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    out = run_virtual("from collections import defaultdict\nd = defaultdict(list)\nfor i in range(1_000):\n    d[i % 10].append(i)\nprint(len(d), len(d[3]))\n",
                      config);
    EXPECT_EQ(out.stdout_text, "10 100\n");
}

TEST(defaultdicts, their_length_is_bounded_like_a_dicts)
{
    run_config config;
    config.max_sequence_length = 1000;
    auto out = run_virtual("from collections import defaultdict\nd = defaultdict(int)\nfor i in range(2000):\n    d[i] += 1\n", config);
    EXPECT_NE(limit_message(out).find("the limit is 1000"), std::string::npos) << limit_message(out);
}

TEST(defaultdicts, deeply_nested_defaultdicts_are_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;
    auto out = run_virtual("from collections import defaultdict\nd = defaultdict(list)\nfor i in range(300000):\n    d = defaultdict(list, {0: d})\nprint('built', len(d))\n",
                           config);
    EXPECT_EQ(out.stdout_text, "built 1\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(defaultdicts, a_factory_that_holds_its_defaultdict_is_let_go_with_its_run)
{
    auto out = run_virtual("from collections import defaultdict\nclass Box:\n    def __init__(self):\n        self.d = defaultdict(self.fresh)\n"
                           "    def fresh(self):\n        return len(self.d)\nb = Box()\nb.d['a']\nb.d['b']\nprint(dict(b.d))\ndel b\n");
    EXPECT_EQ(out.stdout_text, "{'a': 0, 'b': 1}\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(counters, their_memory_and_length_count_against_the_runs_bounds)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    // 100,000 distinct words counted: past a 2 MiB bound, whether counted at once or one by one.
    for (const char* program : {"from collections import Counter\nc = Counter(str(i) for i in range(100_000))\nprint(len(c))\n",
                                "from collections import Counter\nc = Counter()\nfor i in range(100_000):\n    c[str(i)] += 1\n",
                                "from collections import Counter\nc = Counter()\nfor i in range(100_000):\n    c.update([str(i)])\n"}) {
        auto out = run_virtual(program, config);
        EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << program << limit_message(out);
    }
    run_config short_config;
    short_config.max_sequence_length = 1000;
    auto out = run_virtual("from collections import Counter\nc = Counter(range(2000))\n", short_config);
    EXPECT_NE(limit_message(out).find("the limit is 1000"), std::string::npos) << limit_message(out);
}

TEST(counters, one_operation_over_a_big_counter_is_charged_as_its_work)
{
    run_config config;
    config.max_operation_steps = 2000;
    // Each is one instruction that walks 20,000 entries or more; the meter must see them.
    const std::string make = "from collections import Counter\nc = Counter()\nfor i in range(20_000):\n    c[i] = i % 7\n";
    for (const char* tail : {"c.most_common()\n", "c.most_common(3)\n", "c + c\n", "c - c\n", "c | c\n", "c & c\n", "-c\n", "+c\n",
                             "c += c\n", "c == c.copy()\n", "c <= c\n", "c.total()\n", "repr(c)\n", "c.update(c)\n", "c.subtract(c)\n",
                             "Counter(range(20_000))\n"}) {
        auto out = run_virtual(make + tail, config);
        EXPECT_NE(limit_message(out).find("max_operation_steps"), std::string::npos) << tail << limit_message(out);
    }
}

TEST(counters, what_cpython_would_recurse_on_or_order_otherwise_is_refused_where_reached)
{
    // Counter.__repr__ of a Counter holding itself recurses until RecursionError in CPython
    auto out = run_virtual("from collections import Counter\nc = Counter(a=1)\nc['self'] = c\nprint('before')\nprint(c)\n");
    EXPECT_EQ(out.stdout_text, "before\n");
    EXPECT_NE(out.stderr_text.find("UnsupportedError"), std::string::npos) << out.stderr_text;
    // heapq.nlargest compares mixed counts in an order of its own
    out = run_virtual("from collections import Counter\nc = Counter(a=1, b='x', c=2)\nprint(c.most_common(2))\n");
    EXPECT_NE(out.stderr_text.find("UnsupportedError"), std::string::npos) << out.stderr_text;
    // A Counter holding itself is let go with its run
    out = run_virtual("from collections import Counter\nc = Counter(a=1)\nc['self'] = c\nprint(len(c))\ndel c\n");
    EXPECT_EQ(out.stdout_text, "2\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(counters, counters_nested_past_the_native_limit_are_refused_and_a_cycle_is_a_recursion_error)
{
    // 300 Counters each holding the next: CPython's frames may or may not reach; refused
    auto out = run_virtual("from collections import Counter\nx = Counter()\nfor i in range(300):\n    x = Counter(a=x)\nprint('built')\nx + x\n");
    EXPECT_EQ(out.stdout_text, "built\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "UnsupportedError");
    // A Counter met again inside its own operation recurses forever in CPython too
    out = run_virtual("from collections import Counter\nc = Counter()\nc['me'] = c\ntry:\n    c + c\nexcept RecursionError as e:\n    print('caught', e)\n");
    EXPECT_EQ(out.stdout_text, "caught maximum recursion depth exceeded while calling a Python object\n");
}
