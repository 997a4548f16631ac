#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::load {

// A JSON string as it stands in the message: a view of its raw text between the quotes, already
// validated (escapes, UTF-8). Unescaped only when asked, and only if it holds an escape: most of the
// strings the verifier keeps are plain ASCII and need no copy at all.
struct json_string {
    std::string_view raw;
    bool escaped = false;
    bool present = false; // the key was there with a string value

    // The string's value: `raw` itself, or its unescaped form written into `scratch`.
    std::string_view value(std::string& scratch) const;
};

// What the verifier needs from one event; the views point into the message being scanned.
struct scanned_event {
    bool object = false;  // the array element is an object (anything else fails the run)
    bool has_seq = false; // seq is an unsigned integer that fits 64 bits
    bool has_t = false;   // t is a number
    std::uint64_t seq = 0;
    double t = 0;
    json_string kind;
    json_string text;     // print
    json_string category; // warning
    json_string message;  // warning
    json_string status;   // run_finished
};

// The top level of a server message, as far as the load's hot path reads it.
struct scanned_message {
    json_string type;
    json_string run;
    json_string status;        // run_finished
    bool has_events = false;   // "events" is an array; its elements are in event_scanner::events()
    bool has_elapsed = false;
    double elapsed = 0;        // run_finished
};

// Pulls the fields above out of a server message in one pass over its tokens, without building a
// DOM: the load tool reads a few hundred thousand events a second, and a boost::json DOM per message
// made the tool, not the server, what a benchmark measured. It walks every token (strings with their
// escapes, numbers, nested objects and arrays), so it does not depend on the server's key order, and
// it rejects what boost::json would reject (bad syntax, bad escapes or UTF-8, trailing data, nesting
// deeper than 32), so that a malformed message still fails the run. Keys are matched wherever they
// are; a repeated key's last value wins, as in boost::json.
// One scanner per thread: scan() reuses its event vector, so a steady load allocates nothing.
class event_scanner {
public:
    // False when `text` is not a JSON object. The result and events() hold views into `text`: they
    // are valid until `text` changes or the next scan().
    bool scan(std::string_view text, scanned_message& out);
    const std::vector<scanned_event>& events() const { return events_; }

private:
    std::vector<scanned_event> events_;
    std::string key_scratch_; // a key written with escapes, unescaped to be compared
};

} // namespace loopscope::load
