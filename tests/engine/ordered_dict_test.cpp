// collections.OrderedDict: what it makes counts against the run's memory bound, its moves are charged
// as work, and what the engine does not model of it is refused where reached.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::run_config;
using loopscope::engine::testing::limit_message;
using loopscope::engine::testing::expect_memory_bound;
using loopscope::engine::testing::expect_refused_where_reached;
using loopscope::engine::testing::run_virtual;

namespace {

void expect_limit(const char* program, const char* limit, run_config config)
{
    auto out = run_virtual(program, config);
    EXPECT_NE(limit_message(out).find(limit), std::string::npos) << program << limit_message(out);
}

} // namespace

TEST(ordered_dict, what_it_makes_counts_against_the_memory_bound)
{
    expect_memory_bound("from collections import OrderedDict\nkept = [OrderedDict(a=i) for i in range(100_000)]\n");
    expect_memory_bound("from collections import OrderedDict\nbig = OrderedDict.fromkeys(range(200_000))\n");
    expect_memory_bound("from collections import OrderedDict\nod = OrderedDict(a=1)\nkept = [iter(od) for _ in range(100_000)]\n");
    expect_memory_bound("from collections import OrderedDict\nod = OrderedDict(a=1)\nkept = [reversed(od.items()) for _ in range(100_000)]\n");
    expect_memory_bound("from collections import OrderedDict\nod = OrderedDict()\nfor i in range(200_000):\n    od[i] = [i]\n");
}

TEST(ordered_dict, a_cache_that_moves_its_keys_stays_small)
{
    // move_to_end leaves a deleted entry behind; the table's rebuild drops them, so a bounded LRU
    // cache that moves a key on every hit holds what it holds, not every move it made
    run_config config;
    config.max_memory_bytes = 2u << 20;
    auto out = run_virtual("from collections import OrderedDict\ncache = OrderedDict()\nfor i in range(100_000):\n"
                           "    cache[i % 50] = i\n    cache.move_to_end(i % 50)\n    if (i * 7) % 50 in cache:\n        cache.move_to_end((i * 7) % 50)\n"
                           "    if len(cache) > 40:\n        cache.popitem(last=False)\nprint(len(cache))\n",
                           config);
    EXPECT_EQ(out.stdout_text, "40\n") << limit_message(out);
}

TEST(ordered_dict, moving_to_the_front_is_charged_as_work)
{
    // each move to the front shifts the entries before it: a long loop of them ends by the step bound
    run_config config;
    config.max_steps = 200'000;
    expect_limit("from collections import OrderedDict\nod = OrderedDict.fromkeys(range(20_000))\nfor k in range(20_000):\n"
                 "    od.move_to_end(19_999 - k, last=False)\n",
                 "max_steps", config);
}

TEST(ordered_dict, what_the_engine_does_not_model_is_refused_where_reached)
{
    expect_refused_where_reached("from collections import OrderedDict\nod = OrderedDict()\nod.note = 1\n", "attribute of an OrderedDict");
    expect_refused_where_reached("from collections import OrderedDict\nclass Pairs:\n    def keys(self):\n        return []\n"
                                 "OrderedDict().update(Pairs())\n",
                                 "OrderedDict.update() from an object of a class");
}
