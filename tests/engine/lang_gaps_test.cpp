// vars(obj) and obj.__dict__: a copy of an instance's attributes that the instance keeps up to date;
// what would change the instance through the dict, and the kinds of object the engine does not
// model a __dict__ for, are refused where reached.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::expect_memory_bound;
using loopscope::engine::testing::expect_refused_where_reached;
using loopscope::engine::testing::run_virtual;

namespace {
const std::string point = "class P:\n    def __init__(self):\n        self.x = 1\n";
}

TEST(lang_gaps, changing_an_instance_through_its_dict_is_refused)
{
    const std::string what = "changing an object's __dict__ (what vars() or __dict__ gave)";
    expect_refused_where_reached(point + "p = P()\nvars(p)['x'] = 2\n", what);
    expect_refused_where_reached(point + "p = P()\np.__dict__.update(y=2)\n", what);
    expect_refused_where_reached(point + "p = P()\ndel vars(p)['x']\n", what);
    expect_refused_where_reached(point + "p = P()\nvars(p).clear()\n", what);
    expect_refused_where_reached(point + "p = P()\nvars(p).pop('x')\n", what);
    expect_refused_where_reached(point + "p = P()\nd = vars(p)\nd |= {'z': 1}\n", what);
    expect_refused_where_reached(point + "p = P()\nvars(p).setdefault('z', 1)\n", what);
}

TEST(lang_gaps, vars_of_what_has_no_modelled_dict_is_refused)
{
    expect_refused_where_reached("def f():\n    return vars()\nf()\n", "vars() without an argument");
    expect_refused_where_reached("vars()\n", "vars() without an argument");
    expect_refused_where_reached("class C:\n    pass\nvars(C)\n", "vars() of an object of type 'type'");
    expect_refused_where_reached("import math\nvars(math)\n", "vars() of an object of type 'module'");
    expect_refused_where_reached("def f():\n    pass\nvars(f)\n", "vars() of an object of type 'function'");
    expect_refused_where_reached("vars(ValueError('x'))\n", "vars() of an object of type 'ValueError'");
    expect_refused_where_reached("import enum\nclass Color(enum.Enum):\n    RED = 1\nvars(Color.RED)\n", "vars() of an object of type 'Color'");
    expect_refused_where_reached("import asyncio\nvars(asyncio.Lock())\n", "vars() of an object of type 'Lock'");
}

TEST(lang_gaps, a_copy_of_a_dict_is_a_plain_dict)
{
    auto out = run_virtual(point + "p = P()\nd = dict(vars(p))\nd['y'] = 2\nc = vars(p).copy()\nc['z'] = 3\nprint(d, c, vars(p))\n");
    EXPECT_EQ(out.stdout_text, "{'x': 1, 'y': 2} {'x': 1, 'z': 3} {'x': 1}\n") << out.stderr_text;
}

TEST(lang_gaps, instance_dicts_count_against_the_memory_bound)
{
    expect_memory_bound(point + "kept = [vars(P()) for _ in range(200_000)]\n");
}
