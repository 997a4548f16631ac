#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace loopscope::protocol {

// The bounds a client message is checked against (the server fills them from its config).
struct request_limits {
    std::size_t max_source_bytes = 64 * 1024;
    std::size_t max_run_id_bytes = 64;
    double min_speed = 0.01;
    double max_speed = 10000;
};

enum class clock_kind { scaled, virtual_ };

// client -> server: start a program.
struct run_request {
    std::string run;                    // the client's id for this run
    std::optional<std::string> scenario; // a catalog id ...
    std::optional<std::string> source;   // ... or a program's text (exactly one of the two)
    double speed = 1;
    clock_kind clock = clock_kind::scaled;
};

// client -> server: stop a run.
struct cancel_request {
    std::string run;
};

// A message that could not be decoded: the `error` to answer with.
struct request_error {
    std::string_view code;
    std::string message;
    std::string run; // the run the message named, when it named one
};

using client_message = std::variant<run_request, cancel_request, request_error>;

// Parses and checks one text frame from a client. Never throws on bad input.
client_message decode_client_message(std::string_view text, const request_limits& limits);

} // namespace loopscope::protocol
