#pragma once

#include "value.hpp"

#include <loopscope/engine/config.hpp>
#include <loopscope/engine/memory.hpp>

#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <vector>
#include <cstdint>
#include <string>

namespace loopscope::engine {

// One run's use of the thread: steps (an instruction, a loop callback, or 16 items of bulk work:
// copying, scanning, comparing, sorting, printing), counted against the run's bounds and against
// the slice the driver gave it. A slice ends when its steps are spent, or when it has held the thread
// longer than run_config::max_slice_time (the last line of defence against work nobody charged).
// One operation may not do more than run_config::max_operation_steps of work, which bounds how long
// a single instruction can hold the thread, since an instruction cannot be interrupted half way.
// What runs a class's special methods (__repr__, __str__) for code that has no runtime at hand.
struct special_methods {
    // repr(v) or str(v) of an instance of a program's class.
    virtual std::string instance_text(const value& v, bool as_repr) = 0;
    // hash(v) and bool(v) of such an instance (__hash__; __bool__, then __len__).
    virtual std::int64_t instance_hash(const value& v) = 0;
    virtual bool instance_truth(const value& v) = 0;
    // The order sorted() would put `items` in, or their own order when a comparison raises an
    // Exception (reprlib's _possibly_sorted).
    virtual std::vector<std::size_t> sorted_order(const std::vector<value>& items) = 0;
    // The entries of a collections.Counter in the order its repr lists them: most_common()'s, or the
    // table's when the counts do not compare.
    virtual std::vector<std::pair<value, value>> counter_repr_items(const value& counter) = 0;
    // repr(v) or str(v) of a named tuple (its class's __repr__/__str__, generated or the program's)
    virtual std::string named_tuple_text(const value& v, bool as_repr) = 0;
    // str(v) or repr(v) of an exception whose class (a program's) defines __str__ / __repr__: false
    // when none does (BaseException's own then)
    virtual bool exception_text(const value& v, bool as_repr, std::string& out) = 0;
    // One level of recursion in native code that CPython counts with the Python frames (its C code's
    // Py_EnterRecursiveCall: a list's repr inside a list's repr): RecursionError, "maximum recursion
    // depth exceeded" and `where`, past the run's max_call_depth. leave_c_level takes the token back.
    virtual void* enter_c_level(const char* where) = 0;
    virtual void leave_c_level(void* token) = 0;

protected:
    ~special_methods() = default;
};

class work_meter {
public:
    using clock = std::chrono::steady_clock;
    special_methods* specials = nullptr;  // the run's runtime

    work_meter(const run_config& config, memory_account* memory) : config_(config), memory_(memory) {}

    void start_slice(std::uint64_t steps)
    {
        slice_end_ = now() + static_cast<std::int64_t>(steps);
        slice_deadline_ = clock::now() + config_.max_slice_time;
        update_stop();
    }
    // While native code runs a Python function to its end (a sort's key function), the slice cannot
    // end half way: those instructions belong to the operation under way, bounded by
    // max_operation_steps like any other work of one instruction.
    bool slice_spent() const { return now() >= stop_ && now() >= slice_end_ && nested_calls_ == 0; }
    void begin_nested_call()
    {
        ++nested_calls_;
        update_stop();
    }
    // The address a repr shows for an object (<function f at 0x7f...>): made up per run, in the order
    // objects are first shown, so that a run prints the same digits every time it runs.
    std::uint64_t object_address(const void* o)
    {
        // Found by hash: a repr of 100,000 objects is not 10**10 comparisons.
        const std::uint64_t next = 0x7f3c2a5e1000 + 0x60 * addresses_.size();
        return addresses_.try_emplace(o, next).first->second;
    }
    std::uint64_t next_identity() { return ++identities_; }
    void end_nested_call()
    {
        --nested_calls_;
        update_stop();
    }
    void end_slice()
    {
        slice_end_ = now();
        update_stop();
    }

    // One instruction or loop callback; also where an operation begins. What is not needed at every
    // step (the slice's end, max_steps, the slice's time asked every 128 steps, and inside a nested
    // call max_operation_steps) waits for the step count to reach stop_, the first step at which one
    // of them could be due: one comparison a step, against one number.
    void step()
    {
        const std::int64_t before = now();
        ++steps_;
        if (nested_calls_ == 0) operation_start_ = steps_;
        if (before >= stop_) [[unlikely]] stop_reached();
        if (memory_->over_limit()) memory_limit();
    }

    // Bulk work of `items` items, charged before it is done: a bound it would pass ends the run
    // before the work starts.
    void charge(std::size_t items)
    {
        items_ += items;
        if (items_ < 16) return;
        const std::uint64_t s = items_ / 16;
        items_ %= 16;
        check_bounds(s);
        steps_ += s;  // the slice's end stays where it is: it comes s steps sooner
        if (memory_->over_limit()) memory_limit();
    }
    // Ends the run if `items` more would pass a bound, without charging them: for work whose real
    // cost is known only after it (a search that may stop early), charged then.
    void check_room(std::size_t items) const { check_bounds((items_ + items) / 16); }

    // Before an allocation of `bytes` for a bulk operation: ends the run if it would take the run past
    // its memory bound, and charges the work of filling fresh memory (one item per 8 bytes: writing
    // and first touching pages, which on a virtual machine costs a page fault every 4 KiB).
    void reserve(std::size_t bytes)
    {
        check_memory(bytes);
        charge(bytes / 8);
    }
    // Only the memory bound, for checks repeated as a value grows (their work is charged elsewhere).
    void check_memory(std::size_t bytes) const
    {
        if (memory_->would_exceed(bytes)) memory_limit();
    }

    // Letting go of objects after the program has ended: asked after each batch of 64, which costs
    // about as much as 64 steps. Not the program's steps: no bound ends a teardown, only the slice.
    bool teardown_continues()
    {
        slice_end_ -= 64;
        update_stop();
        return slice_end_ > now() && clock::now() <= slice_deadline_;
    }

    std::uint64_t steps() const { return steps_; }

    void check_bounds(std::uint64_t more_steps) const
    {
        // One operation too big for the bound is named as such, even when it would also pass max_steps.
        if (steps_ + more_steps - operation_start_ > config_.max_operation_steps) operation_limit();
        if (steps_ + more_steps > config_.max_steps) step_limit();
    }
    [[noreturn]] void step_limit() const;
    void periodic_checks()
    {
        if (steps_ > config_.max_steps) step_limit();
        if ((steps_ & 127) == 0 && clock::now() > slice_deadline_) slice_end_ = now();
        // The next multiple of 128, or the step past max_steps if that comes first (a charge() may
        // have carried steps_ past a multiple of 128: that one's time check is skipped, as before)
        next_check_ = std::min((steps_ | 127) + 1, config_.max_steps + 1);
        update_stop();
    }
    [[noreturn]] void operation_limit() const;
    [[noreturn]] void memory_limit() const;

private:
    std::int64_t now() const { return static_cast<std::int64_t>(steps_); }
    // step()'s slow part, once the count before the step reached stop_ (steps_ is the count after it)
    void stop_reached()
    {
        if (nested_calls_ != 0 && steps_ - operation_start_ > config_.max_operation_steps) operation_limit();
        if (steps_ >= next_check_) periodic_checks();
        update_stop();
    }
    // The first count (before a step) at which step() or slice_spent() has more to do than count:
    // the slice's end; the count before next_check_; inside a nested call, the step that would pass
    // max_operation_steps (operation_start_ does not move until the call ends)
    void update_stop()
    {
        std::int64_t stop = std::min(slice_end_, static_cast<std::int64_t>(next_check_) - 1);
        if (nested_calls_ != 0) stop = std::min(stop, static_cast<std::int64_t>(operation_start_ + config_.max_operation_steps));
        stop_ = stop;
    }

    const run_config& config_;
    memory_account* memory_;
    std::uint64_t steps_ = 0;
    std::int64_t stop_ = -1;  // see update_stop()
    std::uint64_t items_ = 0;
    std::uint64_t operation_start_ = 0;
    std::int64_t slice_end_ = 0;    // the slice is spent when steps_ reaches it (steps_ + what is left of it)
    std::uint64_t next_check_ = 0;  // step() calls periodic_checks() from this step on
    int nested_calls_ = 0;
    std::unordered_map<const void*, std::uint64_t> addresses_;
    std::uint64_t identities_ = 0;
    clock::time_point slice_deadline_{};
};

// The meter of the run executing on this thread (set with the run's memory account by run_scope),
// for code that has no runtime at hand: repr, str, comparisons in sorts.
work_meter* current_work_meter();
inline void charge_work(std::size_t items)
{
    if (auto* m = current_work_meter()) m->charge(items);
}
inline void check_work_room(std::size_t items)
{
    if (auto* m = current_work_meter()) m->check_room(items);
}
inline void reserve_memory(std::size_t bytes)
{
    if (auto* m = current_work_meter()) m->reserve(bytes);
}

// While it lives, allocations are charged to the run's account and its work to its meter.
class run_scope {
public:
    run_scope(memory_account* memory, work_meter* meter);
    ~run_scope();
    run_scope(const run_scope&) = delete;
    run_scope& operator=(const run_scope&) = delete;

private:
    memory_scope memory_;
    work_meter* previous_;
};

} // namespace loopscope::engine
