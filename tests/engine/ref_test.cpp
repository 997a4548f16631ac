// ref.hpp: the intrusive, non-atomic reference count a run's objects are held by, and weak_ref; and
// that runs on two threads at once share no counted object (the library's modules, the builtin
// exception classes and `object` are kept per thread).
#include "engine_test_support.hpp"
#include "value.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace loopscope::engine {
namespace {

struct probe : object {
    explicit probe(int* destroyed) : destroyed_(destroyed) {}
    ~probe() override { ++*destroyed_; }
    int* destroyed_;
};

struct probe_child : probe {
    using probe::probe;
    int extra = 7;
};

TEST(Ref, CountsCopiesAndMovesAndDestroysOnTheLast)
{
    int destroyed = 0;
    {
        auto a = make_ref<probe>(&destroyed);
        EXPECT_EQ(a.use_count(), 1);
        {
            ref<probe> b = a;
            EXPECT_EQ(a.use_count(), 2);
            ref<object> c = b;  // upcast shares the count
            EXPECT_EQ(a.use_count(), 3);
            ref<object> d = std::move(c);
            EXPECT_FALSE(c);
            EXPECT_EQ(a.use_count(), 3);
            EXPECT_TRUE(d == a);
        }
        EXPECT_EQ(a.use_count(), 1);
        EXPECT_EQ(destroyed, 0);
        a = a;  // self-assignment keeps it
        EXPECT_EQ(a.use_count(), 1);
        EXPECT_EQ(destroyed, 0);
    }
    EXPECT_EQ(destroyed, 1);
}

TEST(Ref, CastsKeepTheCount)
{
    int destroyed = 0;
    ref<object> base = make_ref<probe_child>(&destroyed);
    auto child = static_ref_cast<probe_child>(base);
    EXPECT_EQ(child->extra, 7);
    EXPECT_EQ(base.use_count(), 2);
    auto same = dynamic_ref_cast<probe_child>(base);
    EXPECT_TRUE(same);
    EXPECT_EQ(base.use_count(), 3);
    auto moved = static_ref_cast<probe>(std::move(child));
    EXPECT_FALSE(child);
    EXPECT_EQ(base.use_count(), 3);
    base.reset();
    same.reset();
    EXPECT_EQ(destroyed, 0);
    moved = nullptr;
    EXPECT_EQ(destroyed, 1);
}

// A weak reference does not count; it sees its object die when the last ref goes (already inside the
// object's destructor, as a weak_ptr does), and copies and moves of it stay linked to the object.
struct records_expiry : object {
    weak_ref<object> self_weak;
    bool* out = nullptr;
    ~records_expiry() override { *out = self_weak.expired() && !self_weak.lock(); }
};

TEST(Ref, WeakRefExpiresWhenTheLastRefGoes)
{
    bool expired_inside = false;
    weak_ref<object> w;
    {
        auto o = make_ref<records_expiry>();
        o->self_weak = o;
        o->out = &expired_inside;
        w = o;
        weak_ref<object> copy = w;
        EXPECT_EQ(o.use_count(), 1);
        EXPECT_FALSE(w.expired());
        EXPECT_TRUE(w.lock() == o);
        EXPECT_TRUE(copy.refers_to(o.get()));
        EXPECT_EQ(o.use_count(), 1);  // the lock's ref is gone again
    }
    EXPECT_TRUE(expired_inside);
    EXPECT_TRUE(w.expired());
    EXPECT_FALSE(w.lock());
    weak_ref<object> after = w;  // a copy of an expired one is expired
    w.reset();
    EXPECT_TRUE(after.expired());
}

// A value's last reference to an object being destroyed waits on the release list (value.cpp), so a
// long chain is torn down without recursion; with refs that still holds.
// Weak references moved about in a vector (as the runtime's lists of containers and tasks are) stay
// linked: each is emptied when its object goes, whatever order they were made, moved and let go in
TEST(Ref, WeakRefsInAGrowingVectorAreEmptiedWhenTheirObjectGoes)
{
    std::vector<ref<object>> objects;
    std::vector<weak_ref<object>> weak;
    for (int k = 0; k < 1000; ++k) {
        objects.push_back(make_ref<object>());
        weak.emplace_back(objects.back());
        weak.emplace_back(objects[static_cast<std::size_t>(k / 2)]);  // two to some, moved as the vector grows
    }
    for (std::size_t k = 0; k < objects.size(); k += 2) objects[k].reset();
    for (std::size_t k = 0; k < weak.size(); k += 2) EXPECT_EQ(weak[k].expired(), (k / 2) % 2 == 0) << k;
    std::erase_if(weak, [](const weak_ref<object>& w) { return w.expired(); });
    for (const auto& w : weak) EXPECT_TRUE(w.lock());
    objects.clear();
    for (const auto& w : weak) EXPECT_TRUE(w.expired());
    weak.clear();  // unlinking from objects already gone: nothing left to touch
}

TEST(Ref, AMillionNestedListsAreReleasedWithoutRecursion)
{
    value v = value::list({});
    for (int k = 0; k < 1'000'000; ++k) v = value::list({std::move(v)});
    v = value::none();
    SUCCEED();
}

// Two threads running programs at once: each thread has its own library modules, builtin exception
// classes and `object`, so no count is touched by both (a shared one would be a data race: lost
// increments free an object still in use, which the asan preset reports).
TEST(Ref, RunsOnTwoThreadsAtOnceShareNoCountedObject)
{
    const std::string source = R"(import asyncio

class Account:
    def __init__(self):
        self.balance = 0

async def deposit(queue, lock, account, n):
    for k in range(n):
        async with lock:
            account.balance += 1
        await queue.put(k)

async def drain(queue, total):
    for _ in range(total):
        await queue.get()
        queue.task_done()

async def main():
    queue = asyncio.Queue(5)
    lock = asyncio.Lock()
    account = Account()
    try:
        async with asyncio.timeout(0.5):
            await asyncio.gather(deposit(queue, lock, account, 50), deposit(queue, lock, account, 50), drain(queue, 100))
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out", type(e).__name__)
    try:
        raise KeyError("k")
    except LookupError as e:
        print("caught", repr(e))
    print(account.balance, isinstance(account, object))

asyncio.run(main())
)";
    const std::string expected = "timed out TimeoutError\ncaught KeyError('k')\n100 True\n";
    std::vector<std::string> outputs(2);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < outputs.size(); ++t) {
        threads.emplace_back([&, t] {
            std::string all;
            for (int k = 0; k < 25; ++k) all += testing::run_clean(source).stdout_text;
            outputs[t] = all;
        });
    }
    for (auto& th : threads) th.join();
    std::string want;
    for (int k = 0; k < 25; ++k) want += expected;
    for (const auto& out : outputs) EXPECT_EQ(out, want);
}

} // namespace
} // namespace loopscope::engine
