#include "fan_out_queue.hpp"

#include "room.hpp"

#include <boost/asio/post.hpp>

namespace loopscope::net {

void fan_out_queue::want(const std::shared_ptr<room>& waiting, const asio::any_io_executor& executor)
{
    if (!executor_) executor_ = executor;
    const bool idle = waiting_.empty() && !posted_;
    waiting_.push_back(waiting);
    // Nothing else waits: this room's turn is now, its first viewers written before the thread does
    // anything else. Otherwise it waits its turn, and a position that comes before then replaces this one.
    if (idle) {
        serve();
        return;
    }
    if (posted_) return;
    posted_ = true;
    asio::post(*executor_, [this] { serve(); });
}

void fan_out_queue::serve()
{
    posted_ = false;
    std::size_t budget = viewers_per_turn;
    while (budget > 0 && !waiting_.empty()) {
        std::shared_ptr<room> next = std::move(waiting_.front());
        waiting_.pop_front();
        // A room the budget ran out in goes to the back: the other rooms have their turn first
        if (!next->fan_out(budget)) waiting_.push_back(std::move(next));
    }
    if (!waiting_.empty() && !posted_) {
        posted_ = true;
        asio::post(*executor_, [this] { serve(); });
    }
}

} // namespace loopscope::net
