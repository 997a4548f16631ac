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
    std::string_view run = {}; // the run the error is about, if any
};
std::string encode(const error& message);

// Stable error codes (see protocol/README.md).
namespace error_code {
inline constexpr std::string_view invalid_json = "invalid_json";
inline constexpr std::string_view not_an_object = "not_an_object";
inline constexpr std::string_view missing_field = "missing_field";
inline constexpr std::string_view wrong_field_type = "wrong_field_type";
inline constexpr std::string_view unknown_type = "unknown_type";
inline constexpr std::string_view invalid_value = "invalid_value";
inline constexpr std::string_view scenario_or_source = "scenario_or_source";
inline constexpr std::string_view unknown_scenario = "unknown_scenario";
inline constexpr std::string_view speed_out_of_range = "speed_out_of_range";
inline constexpr std::string_view source_too_large = "source_too_large";
inline constexpr std::string_view syntax_error = "syntax_error";
inline constexpr std::string_view duplicate_run = "duplicate_run";
inline constexpr std::string_view unknown_run = "unknown_run";
inline constexpr std::string_view too_many_runs = "too_many_runs";
inline constexpr std::string_view binary_frame = "binary_frame";
} // namespace error_code

} // namespace loopscope::protocol
