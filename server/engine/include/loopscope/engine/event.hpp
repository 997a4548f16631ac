#pragma once

#include <loopscope/protocol/event.hpp>

namespace loopscope::engine {

// The events are the wire's content: protocol/ defines them and writes their JSON.
using protocol::error_info;
using protocol::event;
using protocol::event_kind;
using protocol::event_record;

// The caller decides where events go (a file, a websocket batch, a test's vector).
class event_sink {
public:
    virtual ~event_sink() = default;
    // `e`'s strings are views valid only during this call (see protocol::event): a sink that keeps the
    // event copies it, into an event_record.
    virtual void on_event(const event& e) = 0;
};

} // namespace loopscope::engine
