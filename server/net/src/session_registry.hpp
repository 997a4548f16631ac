#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <vector>

namespace loopscope::net {

// A live connection that the server can ask to finish (on shutdown).
class stoppable {
public:
    virtual ~stoppable() = default;
    virtual void stop() = 0;
};

// The live connections, so that shutdown can reach every one. Single-threaded, like the io_context.
class session_registry {
public:
    using ticket = std::list<stoppable*>::iterator;

    ticket add(stoppable& session) { return sessions_.insert(sessions_.end(), &session); }

    void remove(ticket position)
    {
        sessions_.erase(position);
        if (sessions_.empty() && on_empty_) on_empty_();
    }

    // Runs whenever the last live connection goes (empty function: nothing).
    void on_empty(std::function<void()> callback) { on_empty_ = std::move(callback); }

    // Asks every live connection to stop.
    void stop_all()
    {
        std::vector<stoppable*> snapshot(sessions_.begin(), sessions_.end());
        for (stoppable* session : snapshot) session->stop();
        if (sessions_.empty() && on_empty_) on_empty_();
    }

    std::size_t size() const { return sessions_.size(); }

private:
    std::list<stoppable*> sessions_;
    std::function<void()> on_empty_;
};

} // namespace loopscope::net
