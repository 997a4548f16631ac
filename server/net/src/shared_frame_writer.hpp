#pragma once

#include "close_frame_guard.hpp"
#include "net_common.hpp"

#include <boost/asio/compose.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace loopscope::net {

// The layer under Beast's websocket stream that lets a room's fan-out write a frame it built once
// (a server's frames are not masked, so every viewer gets the same bytes) straight into a viewer's
// socket: one non-blocking send, with no write operation of Beast's, no completion handler and no
// turn of the thread per viewer per step (the fan-out's cost, docs/performance.md).
//
// The one rule that keeps the stream whole: a frame is never written into the middle of another.
// Beast writes only through this layer (data frames for the session's writer, and the pongs and
// close answers it sends by itself from its reads), so the layer knows when one of Beast's writes is
// under way and then refuses the shortcut (the caller goes through Beast, in order). When the socket
// takes only part of a frame, the layer writes the rest itself and holds every write of Beast's back
// until it is done.
class shared_frame_writer {
public:
    using next_layer_type = close_frame_guard;
    using executor_type = next_layer_type::executor_type;

    explicit shared_frame_writer(beast::tcp_stream stream)
        : next_(std::move(stream)), gate_(next_.get_executor())
    {
    }

    next_layer_type& next_layer() { return next_; }
    const next_layer_type& next_layer() const { return next_; }
    executor_type get_executor() { return next_.get_executor(); }

    // Writes `frame` (a whole websocket frame) now, if nothing else is being written: `whole` when the
    // socket took it, `split` when it took part of it (the rest follows before anything else);
    // `refused` when it must go through Beast instead (a write under way, a full socket buffer, a
    // broken connection: Beast's write finds out). `keep_alive` is held until the rest is written.
    enum class written { refused, whole, split };
    written try_write(std::string_view frame, std::shared_ptr<void> keep_alive);

    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token)
    {
        return next_.async_read_some(buffers, std::forward<Token>(token));
    }

    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token)
    {
        return asio::async_compose<Token, void(beast::error_code, std::size_t)>(write_op<ConstBuffers>{*this, buffers},
                                                                                 token, next_);
    }

private:
    template <class ConstBuffers>
    struct write_op {
        shared_frame_writer& writer;
        ConstBuffers buffers;
        bool writing = false;

        template <class Self>
        void operator()(Self& self, beast::error_code ec = {}, std::size_t size = 0)
        {
            if (writing) {
                --writer.beast_writes_;
                return self.complete(ec, size);
            }
            // The rest of a frame of ours goes first: Beast's bytes wait behind it (the gate opens
            // when it is written, or the connection fails; the check is made again then)
            if (!writer.rest_.empty()) {
                writer.gate_.async_wait(std::move(self));
                return;
            }
            writing = true;
            ++writer.beast_writes_;
            writer.next_.async_write_some(buffers, std::move(self));
        }
    };

    next_layer_type next_;
    std::size_t beast_writes_ = 0; // Beast's writes under way (at most one at a time, Beast's rule)
    std::string rest_;             // what the socket has not yet taken of a frame of ours
    asio::steady_timer gate_;      // Beast's writes wait on it while rest_ is being written
};

// Beast closes the connection through these; the close frame guard below tears it down.
void teardown(beast::role_type role, shared_frame_writer& stream, beast::error_code& ec);

template <class TeardownHandler>
void async_teardown(beast::role_type role, shared_frame_writer& stream, TeardownHandler&& handler)
{
    async_teardown(role, stream.next_layer(), std::forward<TeardownHandler>(handler));
}

// The websocket frame of a text message, as a server sends it (FIN, no mask): the same bytes for
// every client.
std::string text_frame(std::string_view payload);

} // namespace loopscope::net
