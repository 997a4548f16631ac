// asyncio's primitives as events: announced once with an id, then their whole state after each change,
// and the cause of the cancellations asyncio makes for reasons of its own.
#include "engine_test_support.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using loopscope::engine::event_record;
using namespace loopscope::engine::testing;
namespace json = boost::json;

std::vector<const event_record*> of_kind(const run_output& out, const std::string& kind)
{
    std::vector<const event_record*> found;
    for (const auto& e : out.events)
        if (e.kind == kind) found.push_back(&e);
    return found;
}

// The states one primitive went through, in order (its announcement first)
std::vector<json::object> states(const run_output& out, std::uint64_t id)
{
    std::vector<json::object> found;
    for (const auto& e : out.events)
        if ((e.kind == "primitive_created" || e.kind == "primitive_state") && e.primitive == id && e.snapshot)
            found.push_back(json::parse(*e.snapshot).as_object());
    return found;
}

TEST(primitives, a_lock_is_announced_once_then_its_holder_and_waiters_follow_each_change)
{
    auto out = run_clean(
        "import asyncio\n"
        "async def worker(lock):\n"
        "    async with lock:\n"
        "        await asyncio.sleep(1)\n"
        "async def main():\n"
        "    lock = asyncio.Lock()\n"
        "    await asyncio.gather(worker(lock), worker(lock))\n"
        "asyncio.run(main())\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0]->target, "Lock");
    EXPECT_EQ(created[0]->line, 6);
    const auto id = *created[0]->primitive;
    const auto s = states(out, id);
    ASSERT_GE(s.size(), 5u);
    EXPECT_EQ(json::serialize(s[0]), R"({"locked":false,"holder":null,"waiters":[],"waiters_count":0})");
    EXPECT_EQ(json::serialize(s[1]), R"({"locked":true,"holder":"Task-2","waiters":[],"waiters_count":0})");
    EXPECT_EQ(json::serialize(s[2]), R"({"locked":true,"holder":"Task-2","waiters":["Task-3"],"waiters_count":1})");
    EXPECT_EQ(json::serialize(s.back()), R"({"locked":false,"holder":null,"waiters":[],"waiters_count":0})");
    bool task3_held = false;
    for (const auto& state : s) task3_held |= json::serialize(state) == R"({"locked":true,"holder":"Task-3","waiters":[],"waiters_count":0})";
    EXPECT_TRUE(task3_held);
    // No state is sent twice in a row
    for (std::size_t k = 1; k < s.size(); ++k) EXPECT_NE(json::serialize(s[k]), json::serialize(s[k - 1])) << k;
}

TEST(primitives, a_queue_shows_its_items_getters_and_putters_and_its_own_event_is_not_announced)
{
    auto out = run_clean(
        "import asyncio\n"
        "async def main():\n"
        "    q = asyncio.Queue(maxsize=2)\n"
        "    getter = asyncio.create_task(q.get())\n"
        "    await asyncio.sleep(0)\n"
        "    await q.put('a')\n"
        "    await q.put([1])\n"
        "    await q.put(3)\n"
        "    print(await getter)\n"
        "asyncio.run(main())\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 1u) << "the Queue's Event is part of the Queue";
    EXPECT_EQ(created[0]->target, "Queue");
    const auto s = states(out, *created[0]->primitive);
    bool waiting_getter = false, full = false;
    for (const auto& state : s) {
        waiting_getter |= json::serialize(state.at("getters")) == R"(["Task-2"])";
        full |= json::serialize(state.at("items")) == R"(["'a'","<list>"])";  // 'a' went to the getter only when it ran
    }
    EXPECT_TRUE(waiting_getter);
    EXPECT_TRUE(full);
    EXPECT_EQ(s[0].at("maxsize").as_int64(), 2);
}

TEST(primitives, a_timeout_says_it_cancelled_the_task_it_guards)
{
    auto out = run_virtual(
        "import asyncio\n"
        "async def main():\n"
        "    try:\n"
        "        async with asyncio.timeout(1):\n"
        "            await asyncio.sleep(5)\n"
        "    except TimeoutError:\n"
        "        print('timed out')\n"
        "    t = asyncio.create_task(asyncio.sleep(5))\n"
        "    await asyncio.sleep(0)\n"
        "    t.cancel('enough')\n"
        "    await asyncio.gather(t, return_exceptions=True)\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "timed out\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0]->target, "Timeout");
    const auto cancels = of_kind(out, "task_cancel_requested");
    ASSERT_EQ(cancels.size(), 2u);
    EXPECT_EQ(cancels[0]->target, "Task-1");
    EXPECT_EQ(cancels[0]->cause, "timeout");
    EXPECT_EQ(cancels[0]->primitive, created[0]->primitive);
    EXPECT_FALSE(cancels[0]->task) << "the timer's callback asked, outside any task";
    EXPECT_EQ(cancels[1]->target, "Task-2");
    EXPECT_FALSE(cancels[1]->cause) << "the program's own cancel()";
    EXPECT_EQ(cancels[1]->task, "Task-1");
    EXPECT_EQ(cancels[1]->message, "enough");
    std::vector<std::string> phases;
    for (const auto& s : states(out, *created[0]->primitive)) phases.emplace_back(s.at("phase").as_string());
    EXPECT_EQ(phases, (std::vector<std::string>{"created", "active", "expiring", "expired"}));
}

TEST(primitives, a_task_group_lists_its_members_and_cancels_them_as_a_task_group)
{
    auto out = run_virtual(
        "import asyncio\n"
        "async def fail():\n"
        "    await asyncio.sleep(1)\n"
        "    raise ValueError\n"
        "async def main():\n"
        "    try:\n"
        "        async with asyncio.TaskGroup() as tg:\n"
        "            tg.create_task(asyncio.sleep(5), name='slow')\n"
        "            tg.create_task(fail(), name='bad')\n"
        "    except* ValueError:\n"
        "        print('caught')\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(out.stdout_text, "caught\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0]->target, "TaskGroup");
    bool both = false, cancelling = false;
    for (const auto& s : states(out, *created[0]->primitive)) {
        both |= json::serialize(s.at("members")) == R"(["slow","bad"])";
        cancelling |= s.at("phase").as_string() == "cancelling" && s.at("errors").as_int64() == 1;
    }
    EXPECT_TRUE(both);
    EXPECT_TRUE(cancelling);
    std::vector<std::string> by_group;
    for (const auto* e : of_kind(out, "task_cancel_requested"))
        if (e->cause == "taskgroup") by_group.push_back(*e->target);
    EXPECT_EQ(by_group, (std::vector<std::string>{"slow", "Task-1"})) << "the sibling, then the body";
}

TEST(primitives, gather_and_asyncio_run_name_themselves_as_the_cause)
{
    auto out = run_virtual(
        "import asyncio\n"
        "async def main():\n"
        "    g = asyncio.gather(asyncio.sleep(5), asyncio.sleep(5))\n"
        "    await asyncio.sleep(0)\n"
        "    g.cancel()\n"
        "    await asyncio.gather(g, return_exceptions=True)\n"
        "    asyncio.create_task(asyncio.sleep(9))\n"
        "asyncio.run(main())\n");
    std::vector<std::string> causes;
    for (const auto* e : of_kind(out, "task_cancel_requested")) causes.push_back(e->cause.value_or("-"));
    EXPECT_EQ(causes, (std::vector<std::string>{"gather", "gather", "asyncio.run"}));
}

TEST(primitives, a_state_names_at_most_twenty_tasks_and_counts_the_rest)
{
    auto out = run_clean(
        "import asyncio\n"
        "async def hold(lock):\n"
        "    async with lock:\n"
        "        await asyncio.sleep(0)\n"
        "async def main():\n"
        "    lock = asyncio.Lock()\n"
        "    await asyncio.gather(*[hold(lock) for _ in range(30)])\n"
        "asyncio.run(main())\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 1u);
    std::int64_t most = 0;
    for (const auto& s : states(out, *created[0]->primitive)) {
        EXPECT_LE(s.at("waiters").as_array().size(), 20u);
        most = std::max(most, s.at("waiters_count").as_int64());
    }
    EXPECT_EQ(most, 29);
}

TEST(primitives, a_queue_shows_its_first_twenty_items_as_their_reprs)
{
    auto out = run_clean(
        "import asyncio\n"
        "async def main():\n"
        "    q = asyncio.Queue()\n"
        "    for i in range(-3, 22):\n"
        "        q.put_nowait(i * 1000)\n"
        "asyncio.run(main())\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 1u);
    const auto s = states(out, *created[0]->primitive);
    ASSERT_FALSE(s.empty());
    const auto& last = s.back();
    EXPECT_EQ(last.at("size").as_int64(), 25);
    const auto& items = last.at("items").as_array();
    ASSERT_EQ(items.size(), 20u);
    EXPECT_EQ(items[0].as_string(), "-3000");
    EXPECT_EQ(items[3].as_string(), "0");
    EXPECT_EQ(items[19].as_string(), "16000");
}

TEST(primitives, a_semaphore_counter_beyond_64_bits_is_shown_up_to_128)
{
    auto out = run_clean(
        "import asyncio\n"
        "async def main():\n"
        "    big = asyncio.Semaphore(2 ** 70)\n"
        "    huge = asyncio.Semaphore(2 ** 200)\n"
        "    async with big, huge:\n"
        "        pass\n"
        "asyncio.run(main())\n");
    const auto created = of_kind(out, "primitive_created");
    ASSERT_EQ(created.size(), 2u);
    const auto big = states(out, *created[0]->primitive);
    ASSERT_FALSE(big.empty());
    ASSERT_TRUE(big.front().contains("value"));
    EXPECT_DOUBLE_EQ(big.front().at("value").to_number<double>(), 1180591620717411303424.0);
    const auto huge = states(out, *created[1]->primitive);
    ASSERT_FALSE(huge.empty());
    EXPECT_FALSE(huge.front().contains("value"));
    EXPECT_TRUE(huge.front().contains("waiters_count"));
}

} // namespace
