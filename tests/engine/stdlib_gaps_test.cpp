// dataclasses' functions, lru_cache's cache_info, id(), slice(), itertools.groupby and tee: what they make counts against the
// run's memory bound, and what CPython would answer with a deep copy or a RecursionError is refused.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::expect_memory_bound;
using loopscope::engine::testing::expect_refused_where_reached;
using loopscope::engine::testing::run_virtual;


TEST(stdlib_gaps, what_they_make_counts_against_the_memory_bound)
{
    expect_memory_bound("from dataclasses import dataclass, asdict\n@dataclass\nclass P:\n    x: int\n    y: list\n"
                        "p = P(1, [1, 2, 3])\nkept = [asdict(p) for _ in range(100_000)]\n");
    expect_memory_bound("from dataclasses import dataclass, astuple\n@dataclass\nclass P:\n    x: int\n    y: list\n"
                        "p = P(1, [1, 2, 3])\nkept = [astuple(p) for _ in range(100_000)]\n");
    expect_memory_bound("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: int\n    y: int\n"
                        "kept = [fields(P) for _ in range(100_000)]\n");
    expect_memory_bound("from dataclasses import dataclass, replace\n@dataclass\nclass P:\n    x: int\n"
                        "p = P(1)\nkept = [replace(p, x=i) for i in range(100_000)]\n");
    expect_memory_bound("import functools\n@functools.cache\ndef f(x):\n    return x\nf(1)\nkept = [f.cache_info() for _ in range(100_000)]\n");
    expect_memory_bound("kept = [slice(i, i + 1, 2) for i in range(100_000)]\n");
    expect_memory_bound("s = slice(1, 5)\nkept = [s.indices(10) for i in range(100_000)]\n");
    expect_memory_bound("from itertools import groupby\nkept = [g for k, g in groupby(range(100_000))]\n");
    expect_memory_bound("from itertools import groupby\nkept = list(groupby(range(100_000), key=lambda x: x // 2))\n");
}

TEST(stdlib_gaps, a_tee_keeps_what_a_copy_has_not_passed_and_no_more)
{
    // One copy left behind: every item the other drew is kept for it (the memory bound ends the run)
    expect_memory_bound("from itertools import tee\nahead, behind = tee(range(1_000_000))\nfor x in ahead:\n    pass\n");
    expect_memory_bound("from itertools import tee\nkept = [tee([1, 2]) for _ in range(100_000)]\n");
    // Copies that move together let the links they passed go: a long walk stays small
    run_config config;
    config.max_memory_bytes = 2u << 20;
    auto out = run_virtual("from itertools import tee\na, b = tee(range(200_000))\nn = 0\nfor x, y in zip(a, b):\n    n += x == y\nprint(n)\n",
                           config);
    EXPECT_EQ(out.stdout_text, "200000\n") << limit_message(out);
}

TEST(stdlib_gaps, a_deep_copy_or_a_recursion_error_is_refused_where_reached)
{
    const std::string dc = "from dataclasses import dataclass, asdict, astuple\n@dataclass\nclass P:\n    x: object\n";
    expect_refused_where_reached(dc + "class Q:\n    pass\nasdict(P(Q()))\n", "copy.deepcopy");
    expect_refused_where_reached(dc + "from collections import deque\nastuple(P(deque()))\n", "copy.deepcopy");
    expect_refused_where_reached(dc + "asdict(P({1: {2}, 3: frozenset([(1,)])}))\n", "copy.deepcopy");
    expect_refused_where_reached(dc + "from collections import Counter\nasdict(P(Counter('ab')))\n", "Counter");
    // A list holding itself: CPython recurses until RecursionError
    expect_refused_where_reached(dc + "xs = []\nxs.append(xs)\nasdict(P(xs))\n", "recursion limit");
    // A chain of dataclasses too deep for the recursion limit
    expect_refused_where_reached(dc + "p = P(None)\nfor _ in range(2000):\n    p = P(p)\nastuple(p)\n", "recursion limit");
    expect_refused_where_reached("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: int\nprint(fields(P)[0].type)\n",
                                 "annotations");
    expect_refused_where_reached("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: int\nprint(repr(fields(P)[0]))\n",
                                 "Field");
    expect_refused_where_reached("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: int\nfields(P)[0].name = 'y'\n", "Field");
    expect_refused_where_reached("x = 10 ** 6\nprint(id(x))\n", "id()");
    expect_refused_where_reached("print(id(len))\n", "id()");
    // CPython shares equal constants and interned strings (id("abc") == id("abc") is True there)
    expect_refused_where_reached("a = 'abc'\nb = 'abc'\nprint(id(a) == id(b))\n", "id() of an object of type 'str'");
    expect_refused_where_reached("print(id(()) == id(()))\n", "id() of an object of type 'tuple'");
    expect_refused_where_reached("print(id(10 ** 30))\n", "id() of an object of type 'int'");
    expect_refused_where_reached("print(id(1.5))\n", "id() of an object of type 'float'");
    // A float has no identity in the engine: CPython groups two NaN keys only when they are one object
    expect_refused_where_reached("from itertools import groupby\nnan = float('nan')\nprint(list(groupby([nan, nan])))\n", "NaN");
}

TEST(stdlib_gaps, id_is_the_address_a_repr_shows)
{
    auto out = run_virtual("class A:\n    pass\na = A()\nb = A()\nprint(hex(id(b)) in repr(b), hex(id(a)) in repr(a), id(a) == id(a), id(a) != id(b))\n"
                           "def f():\n    pass\nprint(hex(id(f)) in repr(f), id(None) == id(None), id(True) != id(False), id(5) == id(2 + 3))\n");
    EXPECT_EQ(out.stdout_text, "True True True True\nTrue True True True\n") << out.stderr_text;
}

TEST(stdlib_gaps, a_groupby_lets_go_of_what_it_holds)
{
    // A groupby whose key function holds the groupby, and a grouper kept in the items it groups: let
    // go with the run (LeakSanitizer checks it under the asan preset)
    auto out = run_virtual("from itertools import groupby\nbox = []\ng = groupby([1, 1, 2], key=lambda x: box and x)\nbox.append(g)\n"
                           "k, grp = next(g)\nbox.append(grp)\nprint(k, next(grp))\n");
    EXPECT_EQ(out.stdout_text, "1 1\n") << out.stderr_text;
    EXPECT_EQ(out.exit_status, 0);
}
