#include "close_frame_guard.hpp"

namespace loopscope::net {

namespace {

constexpr unsigned char close_opcode = 0x8;
constexpr std::size_t max_control_payload = 125;

// Bytes of a client frame's header, known once its second byte is: 2, the extended length, the mask.
std::size_t header_length(const unsigned char* header)
{
    const unsigned length = header[1] & 0x7fu;
    const std::size_t extended = length == 126 ? 2 : length == 127 ? 8 : 0;
    return 2 + extended + ((header[1] & 0x80u) ? 4 : 0);
}

std::uint64_t payload_length(const unsigned char* header)
{
    const unsigned length = header[1] & 0x7fu;
    if (length < 126) return length;
    const std::size_t size = length == 126 ? 2 : 8;
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < size; ++i) n = (n << 8) | header[2 + i];
    return n;
}

} // namespace

std::size_t close_frame_guard::find_close_frame(const unsigned char* bytes, std::size_t size)
{
    std::size_t at = 0;
    while (at < size && !past_close_) {
        if (payload_left_ > 0) {
            const auto skip = static_cast<std::size_t>(std::min<std::uint64_t>(payload_left_, size - at));
            payload_left_ -= skip;
            at += skip;
            continue;
        }
        if (header_size_ == 0 && (bytes[at] & 0x0fu) == close_opcode) return at;
        header_[header_size_++] = bytes[at++];
        if (header_size_ >= 2 && header_size_ == header_length(header_.data())) {
            payload_left_ = payload_length(header_.data());
            header_size_ = 0;
        }
    }
    return size;
}

void close_frame_guard::hold(const unsigned char* bytes, std::size_t size)
{
    held_.append(reinterpret_cast<const char*>(bytes), size);
    if (past_close_) {
        releasable_ = held_.size();
        return;
    }
    // Whole once its header and its payload are here. A frame no close frame may be (a payload past
    // 125 bytes, no mask) goes to Beast as it is, which fails the connection with 1002 itself.
    if (held_.size() < 2) return;
    const auto* frame = reinterpret_cast<const unsigned char*>(held_.data());
    const bool masked = (frame[1] & 0x80u) != 0;
    const std::size_t length = frame[1] & 0x7fu;
    if (masked && length <= max_control_payload) {
        if (held_.size() < 6 + length) return;
        judge_close_frame();
    }
    past_close_ = true;
    releasable_ = held_.size();
}

void close_frame_guard::judge_close_frame()
{
    auto* frame = reinterpret_cast<unsigned char*>(held_.data());
    const unsigned char* key = frame + 2;
    unsigned char* payload = frame + 6;
    const std::size_t length = frame[1] & 0x7fu;
    if (length < 2) return; // no code (1005), or one byte: Beast fails that with 1002
    std::string plain(length, '\0');
    for (std::size_t i = 0; i < length; ++i) plain[i] = static_cast<char>(payload[i] ^ key[i % 4]);
    const auto code = static_cast<std::uint16_t>(static_cast<unsigned char>(plain[0]) << 8 | static_cast<unsigned char>(plain[1]));
    const bool reason_is_utf8 = is_utf8(std::string_view(plain).substr(2));
    std::uint16_t answer = 0;
    if (!is_sendable_close_code(code)) answer = 1002;
    else if (!reason_is_utf8) answer = 1007;
    if (answer == 0) return;

    // Beast echoes the code of a valid close frame: give it one with the answer, and a reason of spaces
    plain[0] = static_cast<char>(answer >> 8);
    plain[1] = static_cast<char>(answer & 0xff);
    std::fill(plain.begin() + 2, plain.end(), ' ');
    for (std::size_t i = 0; i < length; ++i) payload[i] = static_cast<unsigned char>(plain[i]) ^ key[i % 4];
    rejected_ = rejected_close{code, reason_is_utf8, answer};
}

void teardown(beast::role_type role, close_frame_guard& stream, beast::error_code& ec)
{
    using beast::websocket::teardown;
    teardown(role, stream.next_layer(), ec);
}

bool is_sendable_close_code(std::uint16_t code)
{
    // 1004-1006 and 1015 are reserved, 1014 and 1016-2999 are not for endpoints to send, and nothing
    // past 4999 is defined. 1012 and 1013 are registered with IANA (service restart, try again later).
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1013) || (code >= 3000 && code <= 4999);
}

bool is_utf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t point = 0, least = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xe0u) == 0xc0) {
            length = 2, point = lead & 0x1fu, least = 0x80;
        } else if ((lead & 0xf0u) == 0xe0) {
            length = 3, point = lead & 0x0fu, least = 0x800;
        } else if ((lead & 0xf8u) == 0xf0) {
            length = 4, point = lead & 0x07u, least = 0x10000;
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0u) != 0x80) return false;
            point = (point << 6) | (next & 0x3fu);
        }
        if (point < least || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return false;
        i += length;
    }
    return true;
}

} // namespace loopscope::net
