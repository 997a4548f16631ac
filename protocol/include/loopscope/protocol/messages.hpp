#pragma once

#include <string>
#include <string_view>

namespace loopscope::protocol {

// The protocol version this codec speaks; `hello.protocol` carries it.
inline constexpr int version = 1;

// server -> client, first message on every connection.
struct hello {
    std::string_view server; // "loopscope/<version>"
};
std::string encode(const hello& message);

// server -> client: a request could not be served. The connection stays open.
struct error {
    std::string_view code;    // stable snake_case identifier
    std::string_view message; // a sentence a person understands
};
std::string encode(const error& message);

// Stable error codes (see protocol/README.md).
namespace error_code {
inline constexpr std::string_view invalid_json = "invalid_json";
inline constexpr std::string_view not_an_object = "not_an_object";
inline constexpr std::string_view missing_field = "missing_field";
inline constexpr std::string_view wrong_field_type = "wrong_field_type";
inline constexpr std::string_view unknown_type = "unknown_type";
inline constexpr std::string_view binary_frame = "binary_frame";
} // namespace error_code

// A client message's `type`, or a ready-to-send `error` explaining why it has none.
struct message_kind {
    std::string type;         // set when the message is a JSON object with a string `type`
    std::string error_reply;  // otherwise the encoded `error` message to answer with
};
message_kind classify(std::string_view text);

} // namespace loopscope::protocol
