#pragma once

// collections.deque as CPython 3.11's Modules/_collectionsmodule.c behaves: a double-ended queue
// with an optional maxlen (an append past it drops an item from the other end), and a `state` that
// every append, pop and rotation moves, so that an iteration or a search over a deque that changed
// under it raises "deque mutated during iteration" as CPython's does.

#include "value.hpp"

#include <cstdint>
#include <deque>

namespace loopscope::engine {

struct deque_object : object {
    std::deque<value> items;   // its blocks are charged to the run as any allocation is
    std::int64_t maxlen = -1;  // -1: unbounded
    std::uint64_t state = 0;   // CPython's deque->state
};

// The value `collections.deque` names: `type(d) is deque`.
value deque_type_value();
bool is_deque_type(const value& v);

} // namespace loopscope::engine
