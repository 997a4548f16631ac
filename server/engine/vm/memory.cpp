// The per-run memory bound: operator new and delete replaced for the whole process, each block
// carrying a small header that names the account it was charged to (or none) and its size.
#include <loopscope/engine/memory.hpp>

#include <cstdlib>
#include <malloc.h>
#include <new>
#include <sys/mman.h>

namespace loopscope::engine {

namespace {

thread_local memory_account* current_account = nullptr;
std::atomic<std::int64_t> total_bytes{0};

// Each thread adds its charges and refunds to the process-wide total in steps of at least 256 KiB:
// an atomic add per allocation and per free would double what the counting costs. The server's one
// thread reads its own part exactly; another thread's part may lag by up to a step.
struct unpublished_total {
    std::int64_t bytes = 0;
    void add(std::int64_t n)
    {
        bytes += n;
        if (bytes >= step || bytes <= -step) publish();
    }
    void publish();
    static constexpr std::int64_t step = 256 * 1024;
};
// Trivially destructible, so that reaching it costs no more than reaching current_account; the
// remainder is published when the thread ends by a second object, reached only when publishing.
thread_local unpublished_total thread_total;
struct publish_at_thread_exit {
    ~publish_at_thread_exit() { thread_total.publish(); }
};

void unpublished_total::publish()
{
    thread_local publish_at_thread_exit at_exit;
    (void)at_exit;
    total_bytes.fetch_add(bytes, std::memory_order_relaxed);
    bytes = 0;
}

// Keeps the alignment operator new promises (16 on x86-64) for what follows it.
struct alignas(__STDCPP_DEFAULT_NEW_ALIGNMENT__) block_header {
    memory_account* account;
    std::size_t size;  // what the account was charged: header and payload
};
static_assert(sizeof(block_header) == __STDCPP_DEFAULT_NEW_ALIGNMENT__);

void* stamp(void* base, std::size_t charged, std::size_t offset)
{
    auto* user = static_cast<char*>(base) + offset;
    auto* header = reinterpret_cast<block_header*>(user) - 1;
    header->account = current_account;
    header->size = charged;
    if (header->account) header->account->charge(charged);
    return user;
}

// Blocks of a MiB or more get pages of their own, transparent huge pages where the kernel has them.
// On a virtual machine the first touch of each fresh 4 KiB page costs a fault that the hypervisor
// makes expensive (here about 3 ms per MiB, seventy times the cost of writing it): a program that
// builds a 100,000-item list would hold the thread for tens of milliseconds in page faults alone.
// One fault per 2 MiB page makes fresh memory cost about what writing it does. The mapping is
// rounded up to whole huge pages and charged as such (that is what the process then holds), and it
// goes back to the system the moment the block is freed.
// Under AddressSanitizer every block stays with malloc, whose overflows it checks, but is charged as
// the huge pages it would have had: a run reaches its memory bound at the same point in every build.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool huge_blocks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool huge_blocks = false;
#else
constexpr bool huge_blocks = true;
#endif
#else
constexpr bool huge_blocks = true;
#endif
constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t own_pages_from = std::size_t{1} << 20;

// What a block of own_pages_from or more is charged: whole huge pages (0 when that overflows).
std::size_t huge_length(std::size_t charged) noexcept
{
    const std::size_t length = (charged + huge_page - 1) / huge_page * huge_page;
    return length < charged ? 0 : length;
}

void* map_huge(std::size_t charged) noexcept
{
    const std::size_t length = huge_length(charged);
    if (length == 0) return nullptr;
    // Map one huge page more than needed, then trim both ends to a 2 MiB boundary.
    void* raw = mmap(nullptr, length + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    auto start = reinterpret_cast<std::uintptr_t>(raw);
    auto aligned = (start + huge_page - 1) / huge_page * huge_page;
    if (aligned > start) munmap(raw, aligned - start);
    if (auto tail = start + length + huge_page - (aligned + length); tail > 0)
        munmap(reinterpret_cast<void*>(aligned + length), tail);
    void* base = reinterpret_cast<void*>(aligned);
    madvise(base, length, MADV_HUGEPAGE);  // advice only: without THP the block is plain pages
    return stamp(base, length, sizeof(block_header));
}

void* allocate(std::size_t n) noexcept
{
    const std::size_t charged = n + sizeof(block_header);
    if (charged < n) return nullptr;
    if (charged >= own_pages_from) {
        if constexpr (huge_blocks) return map_huge(charged);
        const std::size_t length = huge_length(charged);
        void* base = length ? std::malloc(charged) : nullptr;
        return base ? stamp(base, length, sizeof(block_header)) : nullptr;
    }
    void* base = std::malloc(charged);
    return base ? stamp(base, charged, sizeof(block_header)) : nullptr;
}

void* allocate_aligned(std::size_t n, std::size_t alignment) noexcept
{
    // The header sits in the `alignment` bytes before the payload.
    const std::size_t charged = n + alignment;
    if (charged < n) return nullptr;
    void* base = std::aligned_alloc(alignment, (charged + alignment - 1) / alignment * alignment);
    return base ? stamp(base, charged, alignment) : nullptr;
}

void* unstamp(void* p) noexcept
{
    auto* header = static_cast<block_header*>(p) - 1;
    if (header->account) header->account->refund(header->size);
    return header;
}

void deallocate(void* p) noexcept
{
    if (!p) return;
    auto* header = static_cast<block_header*>(p) - 1;
    // Only allocate() charges a block own_pages_from or more, and maps it unless under AddressSanitizer.
    const std::size_t size = header->size;
    void* base = unstamp(p);
    if (huge_blocks && size >= own_pages_from) munmap(base, size);
    else std::free(base);
}

void deallocate_aligned(void* p, std::size_t alignment) noexcept
{
    if (!p) return;
    unstamp(p);
    std::free(static_cast<char*>(p) - alignment);
}

void* allocate_or_throw(std::size_t n)
{
    while (true) {
        if (void* p = allocate(n)) return p;
        auto handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

void* allocate_aligned_or_throw(std::size_t n, std::size_t alignment)
{
    while (true) {
        if (void* p = allocate_aligned(n, alignment)) return p;
        auto handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

} // namespace

memory_account* memory_account::create(std::size_t limit)
{
    // Not through operator new: the account must not be charged to another account.
    void* storage = std::malloc(sizeof(memory_account));
    if (!storage) throw std::bad_alloc();
    return new (storage) memory_account(limit);
}

void memory_account::release()
{
    if (held_.fetch_sub(owner_claim, std::memory_order_acq_rel) == owner_claim) destroy();
}

// Made with malloc by create(), so that the account is not charged to another account.
void memory_account::destroy()
{
    this->~memory_account();
    std::free(this);
}

std::size_t memory_account::bytes() const
{
    auto held = held_.load(std::memory_order_relaxed);
    if (held >= owner_claim) held -= owner_claim;
    return static_cast<std::size_t>(held);
}

void memory_account::charge(std::size_t n)
{
    auto held = held_.fetch_add(static_cast<std::int64_t>(n), std::memory_order_relaxed) + static_cast<std::int64_t>(n);
    thread_total.add(static_cast<std::int64_t>(n));
    if (held >= owner_claim) held -= owner_claim;
    auto now = static_cast<std::size_t>(held);
    if (now > peak_.load(std::memory_order_relaxed)) peak_.store(now, std::memory_order_relaxed);
    if (now > limit_) over_limit_.store(true, std::memory_order_relaxed);
}

void memory_account::refund(std::size_t n)
{
    thread_total.add(-static_cast<std::int64_t>(n));
    // The last block of an account whose owner has gone frees the account.
    if (held_.fetch_sub(static_cast<std::int64_t>(n), std::memory_order_acq_rel) == static_cast<std::int64_t>(n)) destroy();
}

memory_scope::memory_scope(memory_account* account) : previous_(current_account) { current_account = account; }
memory_scope::~memory_scope() { current_account = previous_; }

memory_account* current_memory_account() { return current_account; }

std::size_t total_run_memory_bytes()
{
    auto total = total_bytes.load(std::memory_order_relaxed) + thread_total.bytes;
    return total > 0 ? static_cast<std::size_t>(total) : 0;
}

void return_free_memory() { malloc_trim(0); }

} // namespace loopscope::engine

// ---- the replaced global allocation functions ----

void* operator new(std::size_t n) { return loopscope::engine::allocate_or_throw(n); }
void* operator new[](std::size_t n) { return loopscope::engine::allocate_or_throw(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return loopscope::engine::allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return loopscope::engine::allocate(n); }
void* operator new(std::size_t n, std::align_val_t a)
{
    return loopscope::engine::allocate_aligned_or_throw(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a)
{
    return loopscope::engine::allocate_aligned_or_throw(n, static_cast<std::size_t>(a));
}
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept
{
    return loopscope::engine::allocate_aligned(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept
{
    return loopscope::engine::allocate_aligned(n, static_cast<std::size_t>(a));
}

void operator delete(void* p) noexcept { loopscope::engine::deallocate(p); }
void operator delete[](void* p) noexcept { loopscope::engine::deallocate(p); }
void operator delete(void* p, std::size_t) noexcept { loopscope::engine::deallocate(p); }
void operator delete[](void* p, std::size_t) noexcept { loopscope::engine::deallocate(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { loopscope::engine::deallocate(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { loopscope::engine::deallocate(p); }
void operator delete(void* p, std::align_val_t a) noexcept
{
    loopscope::engine::deallocate_aligned(p, static_cast<std::size_t>(a));
}
void operator delete[](void* p, std::align_val_t a) noexcept
{
    loopscope::engine::deallocate_aligned(p, static_cast<std::size_t>(a));
}
void operator delete(void* p, std::size_t, std::align_val_t a) noexcept
{
    loopscope::engine::deallocate_aligned(p, static_cast<std::size_t>(a));
}
void operator delete[](void* p, std::size_t, std::align_val_t a) noexcept
{
    loopscope::engine::deallocate_aligned(p, static_cast<std::size_t>(a));
}
void operator delete(void* p, std::align_val_t a, const std::nothrow_t&) noexcept
{
    loopscope::engine::deallocate_aligned(p, static_cast<std::size_t>(a));
}
void operator delete[](void* p, std::align_val_t a, const std::nothrow_t&) noexcept
{
    loopscope::engine::deallocate_aligned(p, static_cast<std::size_t>(a));
}
