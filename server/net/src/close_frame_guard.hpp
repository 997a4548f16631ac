#pragma once

#include "net_common.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace loopscope::net {

// The layer under Beast's websocket stream that makes the answer to a client's close frame the one RFC
// 6455 asks for. Beast answers a close frame by itself, inside the read that receives it, and gets two
// cases wrong: it echoes codes of 5000 and above, which no endpoint may send (section 7.4.2), where it
// must fail the connection with 1002; and it fails a close frame whose reason is not UTF-8 with 1002,
// where section 8.1 makes that the case of any text that is not UTF-8: 1007. Beast's control callback
// comes too late to change the answer (sending a close from it is undefined, says its documentation),
// so this layer reads the client's frames as they pass, holds a close frame back until it is whole,
// and when it may not be sent gives Beast instead a close frame carrying the code to answer with
// (1002 or 1007), which Beast then echoes before it closes the connection. Everything else passes
// through untouched and uncopied; after the close frame the layer is transparent.
class close_frame_guard {
public:
    using next_layer_type = beast::tcp_stream;
    using executor_type = next_layer_type::executor_type;

    explicit close_frame_guard(beast::tcp_stream stream) : next_(std::move(stream)) {}

    next_layer_type& next_layer() { return next_; }
    const next_layer_type& next_layer() const { return next_; }
    executor_type get_executor() { return next_.get_executor(); }

    // The client's close frame, when it carried a code it may not send or a reason that is not UTF-8:
    // what it carried, and the code it was answered with.
    struct rejected_close {
        std::uint16_t code;
        bool reason_is_utf8;
        std::uint16_t answer;
    };
    const std::optional<rejected_close>& rejected() const { return rejected_; }

    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token)
    {
        return asio::async_compose<Token, void(beast::error_code, std::size_t)>(read_op<MutableBuffers>{*this, buffers},
                                                                                 token, next_);
    }

    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token)
    {
        return next_.async_write_some(buffers, std::forward<Token>(token));
    }

private:
    // Walks the client's frames over `bytes` (the next ones of the stream, handed to Beast unless one
    // starts a close frame); returns the offset of the close frame's first byte, or bytes.size().
    std::size_t find_close_frame(const unsigned char* bytes, std::size_t size);
    // Keeps bytes of (and after) a close frame until the frame is whole; then judges it, and they may go.
    void hold(const unsigned char* bytes, std::size_t size);
    // Copies held bytes that may go into `buffers`; how many.
    template <class MutableBuffers>
    std::size_t release(const MutableBuffers& buffers)
    {
        const std::size_t copied = asio::buffer_copy(buffers, asio::buffer(held_.data(), releasable_));
        held_.erase(0, copied);
        releasable_ -= copied;
        return copied;
    }
    void judge_close_frame();

    template <class MutableBuffers>
    struct read_op {
        close_frame_guard& guard;
        MutableBuffers buffers;
        enum class stage { start, through, holding, releasing } at = stage::start;

        template <class Self>
        void operator()(Self& self, beast::error_code ec = {}, std::size_t size = 0)
        {
            switch (at) {
            case stage::start:
                if (guard.releasable_ > 0) {
                    // Not from inside the initiating call: the handler must not run before it returns
                    at = stage::releasing;
                    asio::post(guard.get_executor(), std::move(self));
                } else if (!guard.held_.empty()) {
                    at = stage::holding;
                    guard.next_.async_read_some(asio::buffer(guard.arriving_), std::move(self));
                } else {
                    at = stage::through;
                    guard.next_.async_read_some(buffers, std::move(self));
                }
                return;
            case stage::through: {
                // Beast gets what came before a close frame; the frame waits until it is whole
                std::size_t passed = 0, left = size;
                bool found = false;
                for (auto it = asio::buffer_sequence_begin(buffers); it != asio::buffer_sequence_end(buffers) && left > 0; ++it) {
                    asio::mutable_buffer part = *it;
                    const std::size_t length = std::min(part.size(), left);
                    left -= length;
                    const auto* bytes = static_cast<const unsigned char*>(part.data());
                    if (found) {
                        guard.hold(bytes, length);
                        continue;
                    }
                    const std::size_t at_close = guard.find_close_frame(bytes, length);
                    passed += at_close;
                    if (at_close < length) {
                        found = true;
                        guard.hold(bytes + at_close, length - at_close);
                    }
                }
                if (!found || passed > 0) return self.complete(ec, found ? passed : size);
                return next_or_complete(self, ec);
            }
            case stage::holding:
                guard.hold(guard.arriving_.data(), size);
                return next_or_complete(self, ec);
            case stage::releasing:
                return self.complete({}, guard.release(buffers));
            }
        }

        // Nothing for Beast yet: the close frame is whole now, or more of it must arrive
        template <class Self>
        void next_or_complete(Self& self, beast::error_code ec)
        {
            if (guard.releasable_ > 0) return self.complete({}, guard.release(buffers));
            if (ec) return self.complete(ec, 0);
            at = stage::holding;
            guard.next_.async_read_some(asio::buffer(guard.arriving_), std::move(self));
        }
    };

    next_layer_type next_;
    // Where the reader is in the client's frames: the header being read, or the payload left to pass
    std::array<unsigned char, 14> header_{};
    std::size_t header_size_ = 0;
    std::uint64_t payload_left_ = 0;
    bool past_close_ = false;        // the close frame has gone to Beast: nothing more to look at
    std::string held_;               // a close frame and what followed it, from its first byte
    std::size_t releasable_ = 0;     // bytes of held_ that may go to Beast
    std::array<unsigned char, 256> arriving_{}; // reads while a close frame is held
    std::optional<rejected_close> rejected_;
};

// Beast closes the connection through these; the layer has nothing of its own to tear down.
void teardown(beast::role_type role, close_frame_guard& stream, beast::error_code& ec);

template <class TeardownHandler>
void async_teardown(beast::role_type role, close_frame_guard& stream, TeardownHandler&& handler)
{
    using beast::websocket::async_teardown;
    async_teardown(role, stream.next_layer(), std::forward<TeardownHandler>(handler));
}

// RFC 6455 7.4: the codes a close frame may carry (those registered for use, and 3000-4999).
bool is_sendable_close_code(std::uint16_t code);
// RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF.
bool is_utf8(std::string_view text);

} // namespace loopscope::net
