#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace loopscope::engine {

// The bytes one run holds. Every allocation made through operator new while an account is current
// on the thread (see memory_scope) is charged to it, and refunded to it when freed, wherever and
// whenever that happens (a queued event freed by the websocket writer after the run has ended).
// So a value type, a container's growth or an event buffer added later is counted by construction.
//
// Charging never throws: an allocation that takes the account past its limit only marks it, and the
// engine ends the run at its next safe point (the next instruction, or before a bulk operation,
// which asks would_exceed() before it allocates). Throwing from operator new would reach
// destructors and other noexcept code.
class memory_account {
public:
    // Accounts are reference-counted by their charged bytes: release() gives up the owner's claim,
    // and the account is freed once every block charged to it has been freed too.
    static memory_account* create(std::size_t limit);
    void release();

    std::size_t bytes() const;
    std::size_t peak() const { return peak_.load(std::memory_order_relaxed); }
    std::size_t limit() const { return limit_; }
    bool over_limit() const { return over_limit_.load(std::memory_order_relaxed); }
    // Would `more` bytes on top of what is held pass the limit? Asked before large allocations.
    bool would_exceed(std::size_t more) const { return bytes() + more > limit_; }

    void charge(std::size_t n);
    void refund(std::size_t n);

    memory_account(const memory_account&) = delete;
    memory_account& operator=(const memory_account&) = delete;

private:
    explicit memory_account(std::size_t limit) : limit_(limit) {}
    ~memory_account() = default;
    void destroy();

    // Charged bytes plus owner_claim while the owner holds the account.
    static constexpr std::int64_t owner_claim = std::int64_t{1} << 60;
    std::atomic<std::int64_t> held_{owner_claim};
    std::atomic<std::size_t> peak_{0};
    std::atomic<bool> over_limit_{false};
    std::size_t limit_;
};

// Makes `account` the one charged on this thread for its lifetime (nullptr: none), restoring the
// previous one after. Scopes nest.
class memory_scope {
public:
    explicit memory_scope(memory_account* account);
    ~memory_scope();
    memory_scope(const memory_scope&) = delete;
    memory_scope& operator=(const memory_scope&) = delete;

private:
    memory_account* previous_;
};

memory_account* current_memory_account();

// Bytes held by every account in the process: live runs, and ended runs whose events are still queued.
std::size_t total_run_memory_bytes();

// Hands free heap pages back to the operating system (glibc keeps freed memory for reuse; after a
// run that held tens of MiB the process would otherwise stay that large).
void return_free_memory();

} // namespace loopscope::engine
