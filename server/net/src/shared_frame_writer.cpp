#include "shared_frame_writer.hpp"

#include <cerrno>
#include <sys/socket.h>
#include <sys/types.h>

namespace loopscope::net {

shared_frame_writer::written shared_frame_writer::try_write(std::string_view frame, std::shared_ptr<void> keep_alive)
{
    if (beast_writes_ > 0 || !rest_.empty()) return written::refused;
    auto& socket = next_.next_layer().socket();
    if (!socket.is_open()) return written::refused;
    // Not asio's write: that would wait for the socket, or make an operation of it. MSG_DONTWAIT takes
    // what fits now; MSG_NOSIGNAL, since a viewer gone away is found out by the read, not by SIGPIPE.
    ssize_t sent;
    do {
        sent = ::send(socket.native_handle(), frame.data(), frame.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent <= 0) return written::refused; // full (EAGAIN): Beast's write waits for room; broken: Beast's write fails
    if (static_cast<std::size_t>(sent) == frame.size()) return written::whole;

    // Part of the frame went: the rest must follow before any other byte
    rest_.assign(frame.substr(static_cast<std::size_t>(sent)));
    gate_.expires_at(asio::steady_timer::time_point::max());
    asio::async_write(next_.next_layer(), asio::buffer(rest_),
                      [this, keep_alive = std::move(keep_alive)](const beast::error_code& ec, std::size_t) {
                          // Written, or the connection failed (Beast's next write fails too): the gate opens
                          (void)ec;
                          rest_.clear();
                          gate_.cancel();
                      });
    return written::split;
}

void teardown(beast::role_type role, shared_frame_writer& stream, beast::error_code& ec)
{
    teardown(role, stream.next_layer(), ec);
}

std::string text_frame(std::string_view payload)
{
    std::string frame;
    frame.reserve(payload.size() + 10);
    frame.push_back(static_cast<char>(0x81)); // FIN, text
    const std::size_t size = payload.size();
    if (size < 126) {
        frame.push_back(static_cast<char>(size));
    } else if (size <= 0xFFFF) {
        frame.push_back(static_cast<char>(126));
        frame.push_back(static_cast<char>(size >> 8));
        frame.push_back(static_cast<char>(size & 0xFF));
    } else {
        frame.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8) frame.push_back(static_cast<char>((size >> shift) & 0xFF));
    }
    frame.append(payload);
    return frame;
}

} // namespace loopscope::net
