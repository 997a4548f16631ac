#include "fan_out_queue.hpp"

#include "room.hpp"

#include <boost/asio/post.hpp>

namespace loopscope::net {

void fan_out_queue::want(const std::shared_ptr<room>& waiting, const asio::any_io_executor& executor)
{
    waiting_.push_back(waiting);
    if (!executor_) executor_ = executor;
    if (posted_) return;
    posted_ = true;
    // A later turn, not now: positions that arrive before it replace this one (and the presenter's
    // messages already read go first)
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
