#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace loopscope::protocol {

// The bounds a client message is checked against (the server fills them from its config).
struct request_limits {
    std::size_t max_source_bytes = 64 * 1024;
    std::size_t max_run_id_bytes = 64;
    double min_speed = 0.01;
    double max_speed = 10000;
    // Rooms (a presenter and the viewers who follow one run): the longest room code and secret a
    // client may send, and the most lines a predict-the-order poll may have.
    std::size_t max_room_field_bytes = 64;
    std::size_t max_poll_lines = 64;
};

enum class clock_kind { scaled, virtual_ };

// client -> server: start a program.
struct run_request {
    std::string run;                    // the client's id for this run
    std::optional<std::string> scenario; // a catalog id ...
    std::optional<std::string> source;   // ... or a program's text (exactly one of the two)
    double speed = 1;
    clock_kind clock = clock_kind::scaled;
    // Replays a run: the random module starts as if random.seed(random_seed) had run first. Unset,
    // the server draws one; either way run_finished reports it. 0 to max_random_seed.
    std::optional<std::uint64_t> random_seed;
};

// Seeds are JSON integers a JavaScript number carries exactly: 0 to 2**53 - 1.
inline constexpr std::uint64_t max_random_seed = (std::uint64_t{1} << 53) - 1;

// client -> server: stop a run.
struct cancel_request {
    std::string run;
};

// What a room shows: the page's mode.
enum class room_mode { explore, compare, predict };
std::string_view name_of(room_mode mode);

// Where the presenter is: the step (an index into the room's events; in compare mode into both
// programs' events merged in program-time order), playing or paused, the replay speed, the mode.
struct room_position {
    std::uint64_t step = 0;
    bool playing = false;
    double speed = 1;
    room_mode mode = room_mode::explore;
};

// A program of a room: a catalog id or a program's text, as in `run`.
struct room_program {
    std::optional<std::string> scenario;
    std::optional<std::string> source;
};

// presenter -> server: open a room on one program (explore, predict) or two (compare).
struct room_create_request {
    std::vector<room_program> programs;
    room_position position;
};

// viewer -> server: follow a room; stop following it.
struct room_join_request {
    std::string room;
};
struct room_leave_request {
    std::string room;
};

// presenter -> server: where the room is now. `secret` is what room_created gave the presenter.
struct room_position_request {
    std::string room, secret;
    room_position position;
};

// presenter -> server: open a predict-the-order poll on `lines` printed lines, close it, reveal it.
enum class poll_action { open, close, reveal };
struct room_poll_request {
    std::string room, secret;
    poll_action action = poll_action::open;
    std::size_t lines = 0; // open only
};

// viewer -> server: the viewer's order of the poll's lines (line numbers in the order the run printed
// them, 0-based), listed in the order the viewer expects them.
struct room_answer_request {
    std::string room;
    std::vector<std::size_t> order;
};

// presenter -> server, on a new connection: take the room back after the presenter's connection dropped
// (within room_linger), or from a connection of the presenter's that is still open.
struct room_reclaim_request {
    std::string room, secret;
};

// presenter -> server: end the room now.
struct room_close_request {
    std::string room, secret;
};

// A message that could not be decoded: the `error` to answer with.
struct request_error {
    std::string_view code;
    std::string message;
    std::string run; // the run the message named, when it named one
    std::string room = {}; // the room the message named, when it named one
};

using client_message =
    std::variant<run_request, cancel_request, request_error, room_create_request, room_join_request, room_leave_request,
                 room_position_request, room_poll_request, room_answer_request, room_close_request,
                 room_reclaim_request>;

// Parses and checks one text frame from a client. Never throws on bad input.
client_message decode_client_message(std::string_view text, const request_limits& limits);

} // namespace loopscope::protocol
