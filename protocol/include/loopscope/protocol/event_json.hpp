#pragma once

#include <loopscope/protocol/event.hpp>

#include <string>
#include <string_view>

namespace loopscope::protocol {

// One event as one JSON object (no newline), appended to `out`: the --events line format, the payload
// the websocket layer batches, and what the load tool's expectations are read from. Hand-written: no
// JSON DOM on the hot path. The bytes are the protocol's (README.md's Events section, the examples).
void append_event_json(std::string& out, const event& e);
std::string event_to_json(const event& e);

// A JSON string literal: quotes, backslash and control characters escaped (\n, \t, \u00XX);
// valid UTF-8 passes through unchanged; a byte that is not UTF-8 becomes \ufffd.
void append_json_string(std::string& out, std::string_view s);
// A float as the events write one (shortest round trip; integers without a fraction)
void append_json_number(std::string& out, double d);

} // namespace loopscope::protocol
