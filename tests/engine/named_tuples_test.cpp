// Named tuples (collections.namedtuple, typing.NamedTuple): what they cost against the run's bounds,
// the cycles through them that the run's end must break (under the asan preset LeakSanitizer fails
// these tests if it does not), and what is refused where CPython would do what the engine does not.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::run_virtual;

namespace {

void expect_unsupported(const std::string& source, const std::string& needle, const std::string& printed)
{
    auto out = run_virtual(source);
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error) << source;
    EXPECT_EQ(end->error->type, "UnsupportedError") << source;
    EXPECT_NE(end->error->message.find(needle), std::string::npos) << end->error->message;
    EXPECT_EQ(out.stdout_text, printed) << source;
}

} // namespace

TEST(named_tuples, instances_count_against_the_runs_memory_bound)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    const std::string program = "from collections import namedtuple\nP = namedtuple('P', 'x y')\n"
                                "ps = []\nfor i in range(N):\n    ps.append(P(i, [i]))\nprint(len(ps))\n";
    auto out = run_virtual(std::string(program).replace(program.find('N'), 1, "50_000"), config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
    out = run_virtual(std::string(program).replace(program.find('N'), 1, "500"), config);
    EXPECT_EQ(out.stdout_text, "500\n");
    // A subclass's instances have a __dict__ of their own: counted too
    out = run_virtual("from collections import namedtuple\nclass P(namedtuple('P', 'x')):\n    pass\nps = []\n"
                      "for i in range(50_000):\n    p = P(i)\n    p.tag = [i]\n    ps.append(p)\n",
                      config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << limit_message(out);
}

TEST(named_tuples, a_linked_chain_of_named_tuples_is_freed_without_recursion)
{
    run_config config;
    config.max_steps = 50'000'000;
    config.max_memory_bytes = std::size_t{1} << 30;
    auto out = run_virtual("from typing import NamedTuple\nclass Node(NamedTuple):\n    next: object\n    value: int = 0\n"
                           "n = None\nfor i in range(300000):\n    n = Node(n, i)\nprint('built', n.value)\n",
                           config);
    EXPECT_EQ(out.stdout_text, "built 299999\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(named_tuples, cycles_through_named_tuples_are_let_go_with_the_run)
{
    // tuple -> list -> tuple; an instance's __dict__ -> itself; class -> method -> class (super())
    auto out = run_virtual("from collections import namedtuple\nBox = namedtuple('Box', 'items')\nb = Box([])\nb.items.append(b)\n"
                           "class Tagged(namedtuple('T', 'x')):\n    def __repr__(self):\n        return 'T' + super().__repr__()\n"
                           "t = Tagged(1)\nt.me = t\nprint(len(b.items), t.me is t, t)\n");
    EXPECT_EQ(out.stdout_text, "1 True TTagged(x=1)\n");
    EXPECT_EQ(out.exit_status, 0);
}

TEST(named_tuples, what_cpython_does_and_the_engine_does_not_is_refused_where_reached)
{
    // The generated __repr__ has no guard: CPython recurses to RecursionError
    expect_unsupported("from collections import namedtuple\nBox = namedtuple('Box', 'items')\nb = Box([])\nb.items.append(b)\nprint('made')\nprint(b)\n",
                       "holds itself", "made\n");
    // Special methods of a named tuple's class other than __repr__ and __str__
    expect_unsupported("from collections import namedtuple\nprint('go')\nclass P(namedtuple('P', 'x')):\n    def __eq__(self, other):\n        return True\n",
                       "'__eq__' in a named tuple's class", "go\n");
    expect_unsupported("from typing import NamedTuple\nprint('go')\nclass P(NamedTuple):\n    x: int\n    def __len__(self):\n        return 0\n",
                       "'__len__' in a named tuple's class", "go\n");
    // An empty __slots__ anywhere else than a named tuple's subclass
    expect_unsupported("print('go')\nclass P:\n    __slots__ = ()\n", "__slots__", "go\n");
    // A named tuple's field read from the class (a _tuplegetter)
    expect_unsupported("from collections import namedtuple\nP = namedtuple('P', 'x')\nprint('go')\nprint(P.x)\n", "_tuplegetter", "go\n");
}

TEST(named_tuples, slots_naming_attributes_are_refused_before_the_first_line)
{
    auto out = run_virtual("print('first line')\nfrom collections import namedtuple\nclass P(namedtuple('P', 'x')):\n    __slots__ = ('y',)\n");
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error);
    EXPECT_EQ(end->error->type, "UnsupportedError");
    EXPECT_EQ(out.stdout_text, "");
}
