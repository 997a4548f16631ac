#pragma once

#include "net_common.hpp"

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>

namespace loopscope::net {

class room;

// The rooms whose viewers lack their presenter's newest position, served in turn: at most
// viewers_per_turn viewers per turn of the thread for all rooms together, round robin, so that no
// room holds the thread for long and every room gets its turn.
//
// A room waits in the queue with its newest position only: one its presenter sends meanwhile replaces
// the older one for the viewers not yet reached (conflation). When the server cannot write every step
// to every viewer (ten thousand viewers in one room, or a hundred rooms of a hundred, at 20 steps a
// second), steps are skipped for the room as a whole instead of waiting in the presenters' sockets,
// and the lag stays bounded by one round of the queue (docs/performance.md).
class fan_out_queue {
public:
    static constexpr std::size_t viewers_per_turn = 512;

    // `waiting` has a position to fan out (room::move_to); it is served on a later turn.
    void want(const std::shared_ptr<room>& waiting, const asio::any_io_executor& executor);

private:
    void serve();

    std::deque<std::shared_ptr<room>> waiting_;
    bool posted_ = false;
    std::optional<asio::any_io_executor> executor_;
};

} // namespace loopscope::net
