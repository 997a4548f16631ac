#include "event_loop.hpp"

#include <algorithm>

namespace loopscope::engine {

namespace {
// std heap functions build a max-heap: "greater" puts the earliest deadline on top.
bool later(const ref<handle>& a, const ref<handle>& b)
{
    if (a->when != b->when) return a->when > b->when;
    return a->order > b->order;
}
} // namespace

void loop_object::push_timer(ref<handle> h)
{
    timers.push_back(std::move(h));
    std::push_heap(timers.begin(), timers.end(), later);
}

ref<handle> loop_object::pop_timer()
{
    std::pop_heap(timers.begin(), timers.end(), later);
    auto h = std::move(timers.back());
    timers.pop_back();
    return h;
}

void loop_object::drop_cancelled_timers()
{
    while (!timers.empty() && timers.front()->cancelled) pop_timer();
}

std::string loop_object::repr_text() const
{
    return std::string("<_UnixSelectorEventLoop running=") + (running ? "True" : "False") +
           " closed=" + (closed ? "True" : "False") + " debug=False>";
}

} // namespace loopscope::engine
