// A program's classes: what is refused before the first line runs, what instances cost against the
// run's bounds, and the cycles through classes and instances that the run's end must break (under the
// asan preset LeakSanitizer fails these tests if it does not).
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

namespace {

// The run ended before its first line with UnsupportedError naming `what` at `line`.
void expect_refused_up_front(const std::string& source, const std::string& message, int line)
{
    auto out = run_virtual("print('first line')\n" + source);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error) << source;
    EXPECT_EQ(end->error->type, "UnsupportedError") << source;
    EXPECT_EQ(end->error->message, message) << source;
    EXPECT_EQ(end->error->line, line + 1) << source;
    EXPECT_EQ(out.stdout_text, "") << source;
}

} // namespace

TEST(classes, what_the_engine_would_run_differently_is_refused_before_the_first_line)
{
    expect_refused_up_front("class A:\n    def __format__(self, spec):\n        return ''\n",
                            "the special method '__format__' is not supported by loopscope", 2);
    expect_refused_up_front("class A:\n    def __matmul__(self, other):\n        return self\n",
                            "the special method '__matmul__' is not supported by loopscope", 2);
    expect_refused_up_front("class A:\n    def __getattr__(self, name):\n        return 0\n",
                            "the special method '__getattr__' is not supported by loopscope", 2);
    expect_refused_up_front("class A:\n    def __ne__(self, other):\n        return False\n", "the special method '__ne__' is not supported by loopscope", 2);
    expect_refused_up_front("class Settings(dict):\n    pass\n", "a class deriving from the builtin 'dict' is not supported by loopscope", 1);
    expect_refused_up_front("import asyncio\nclass F(asyncio.Future):\n    pass\n",
                            "a class deriving from 'asyncio.Future' is not supported by loopscope", 2);
    expect_refused_up_front("import collections as c\nclass Cache(c.ChainMap):\n    pass\n",
                            "'collections.ChainMap' is not supported by loopscope", 2);
    expect_refused_up_front("import collections\nclass Window(collections.deque):\n    pass\n",
                            "a class deriving from 'collections.deque' is not supported by loopscope", 2);
    expect_refused_up_front("class Box:\n    pass\nclass Big(Box.kind):\n    pass\n",
                            "a base class given by an expression (not a name) is not supported by loopscope", 3);
    expect_refused_up_front("class A(metaclass=type):\n    pass\n", "a keyword argument ('metaclass=') in a class definition is not supported by loopscope", 1);
    expect_refused_up_front("class A:\n    __slots__ = ('x',)\n", "assigning '__slots__' in a class body is not supported by loopscope", 2);
    expect_refused_up_front("class A:\n    squares = [i * i for i in range(3)]\n", "a comprehension in a class body is not supported by loopscope", 2);
    expect_refused_up_front("class AppError(Exception):\n    def __eq__(self, other):\n        return True\n",
                            "the special method '__eq__' of an exception class is not supported by loopscope", 2);
    expect_refused_up_front("class AppError(Exception, object):\n    pass\n", "an exception class with more than one base is not supported by loopscope", 1);
    expect_refused_up_front("import functools\nclass A:\n    @functools.cached_property\n    def x(self):\n        return 1\n", "'functools.cached_property' is not supported by loopscope", 3);
    expect_refused_up_front("from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    x: int\n",
                            "dataclass(slots=...) is not supported by loopscope", 2);
    expect_refused_up_front("from dataclasses import dataclass, field\n@dataclass\nclass P:\n    x: int = field(kw_only=True)\n",
                            "field(kw_only=...) is not supported by loopscope", 4);
    expect_refused_up_front("from dataclasses import make_dataclass\n", "'dataclasses.make_dataclass' is not supported by loopscope", 1);
    expect_refused_up_front("class A:\n    pass\nA.__bases__ = ()\n", "setting the special attribute '__bases__' is not supported by loopscope", 3);
    expect_refused_up_front("class A:\n    pass\nclass B:\n    pass\nb = B()\nb.__class__ = A\n",
                            "setting the special attribute '__class__' is not supported by loopscope", 6);
    expect_refused_up_front("class A:\n    pass\nprint(A().__weakref__)\n", "the attribute '__weakref__' is not supported by loopscope", 3);
}

TEST(classes, an_attribute_the_program_sets_is_its_own_even_where_a_builtin_type_has_that_name)
{
    // `count` and `index` are list methods; `real` is an int attribute: on a program's object they are data
    auto out = run_virtual("class Tally:\n    def __init__(self):\n        self.count = 0\n        self.real = 1.5\n"
                           "t = Tally()\nt.count += 2\nprint(t.count, t.real, Tally().count)\n");
    EXPECT_EQ(out.stdout_text, "2 1.5 0\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(classes, instances_count_against_the_runs_memory_bound)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    // Each instance holds an object and a two-entry namespace: 50,000 of them are several MB.
    const std::string program = "class P:\n    def __init__(self, i):\n        self.x = i\n        self.y = [i]\n"
                                "ps = []\nfor i in range(N):\n    ps.append(P(i))\nprint(len(ps))\n";
    auto out = run_virtual(std::string(program).replace(program.find('N'), 1, "50_000"), config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    out = run_virtual(std::string(program).replace(program.find('N'), 1, "500"), config);
    EXPECT_EQ(out.stdout_text, "500\n");
}

TEST(classes, a_linked_chain_of_instances_is_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;
    auto out = run_virtual("class Node:\n    def __init__(self, nxt):\n        self.next = nxt\n"
                           "n = None\nfor i in range(300000):\n    n = Node(n)\nprint('built')\n",
                           config);
    EXPECT_EQ(out.stdout_text, "built\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(classes, cycles_through_instances_and_classes_are_let_go_with_the_run)
{
    // instance -> itself; parent <-> child; class -> method -> class (super()); class attribute -> instance
    auto out = run_virtual("class Node:\n    registry = []\n    def __init__(self, parent=None):\n        super().__init__()\n"
                           "        self.me = self\n        self.parent = parent\n        self.children = []\n"
                           "        if parent:\n            parent.children.append(self)\n        Node.registry.append(self)\n"
                           "root = Node()\nleaf = Node(root)\nprint(len(Node.registry), leaf.parent is root, root.children[0] is leaf)\n");
    EXPECT_EQ(out.stdout_text, "2 True True\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(classes, a_repr_that_recurses_forever_is_a_recursion_error_not_a_crash)
{
    auto out = run_virtual("class Loop:\n    def __repr__(self):\n        return repr(self)\nprint(Loop())\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    if (ended_by_sanitized_stack(out)) return;
    EXPECT_EQ(end->error->type, "RecursionError");
}
