// A figure, not a test: what the counting allocator (operator new and delete replaced to charge each
// block to its run, see memory.hpp) costs beside plain malloc and free, measured in the same run.
//   alloc_bench
#include <loopscope/engine/memory.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

using namespace loopscope::engine;

namespace {

// Keeps the compiler from removing an allocation whose block is never used.
void* volatile sink;

template <class Alloc, class Free> double ns_per_pair(std::size_t size, Alloc alloc, Free release)
{
    constexpr int rounds = 2'000'000;
    constexpr int live = 64;  // a few blocks alive at once, as an interpreter's temporaries are
    void* blocks[live] = {};
    std::vector<double> samples;
    for (int repeat = 0; repeat < 7; ++repeat) {
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < rounds; ++i) {
            auto& slot = blocks[i % live];
            if (slot) release(slot);
            slot = alloc(size);
            sink = slot;
        }
        for (auto& slot : blocks) {
            if (slot) release(slot);
            slot = nullptr;
        }
        samples.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / rounds);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];  // the median of seven
}

} // namespace

int main()
{
    std::printf("allocation + free, ns (median of 7 x 2,000,000, 64 blocks live)\n");
    std::printf("%8s %12s %16s %16s %8s\n", "bytes", "malloc", "new (no run)", "new (a run's)", "ratio");
    auto* account = memory_account::create(std::size_t{1} << 30);
    for (std::size_t size : {16, 48, 128, 512, 4096}) {
        double plain = ns_per_pair(size, [](std::size_t n) { return std::malloc(n); }, [](void* p) { std::free(p); });
        double counted = ns_per_pair(size, [](std::size_t n) { return ::operator new(n); }, [](void* p) { ::operator delete(p); });
        double charged = 0;
        {
            memory_scope scope(account);
            charged = ns_per_pair(size, [](std::size_t n) { return ::operator new(n); }, [](void* p) { ::operator delete(p); });
        }
        std::printf("%8zu %12.1f %16.1f %16.1f %8.2f\n", size, plain, counted, charged, charged / plain);
    }
    account->release();
}
