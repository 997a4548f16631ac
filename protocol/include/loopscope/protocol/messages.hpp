#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <optional>
#include <string>
#include <string_view>

namespace loopscope::protocol {

// The protocol version this codec speaks; `hello.protocol` carries it.
inline constexpr int version = 1;

// A catalog program, as hello lists it.
struct scenario_info {
    std::string_view id, title, summary, notes, source;
    std::string_view group = {}; // the catalog's group ("Tutorial", "Timeouts", ...)
};

// The bounds a client must respect (and a few it will meet), as hello announces them.
struct limits_info {
    std::size_t max_message_bytes = 0;
    std::size_t max_source_bytes = 0;
    std::size_t max_run_id_bytes = 0;
    std::size_t max_runs_per_connection = 0;
    double min_speed = 0;
    double max_speed = 0;
    std::size_t max_tasks = 0;
    std::uint64_t max_steps = 0;
    double max_program_seconds = 0;
    std::size_t max_output_lines = 0;
    std::size_t max_memory_bytes = 0;
    std::uint64_t max_operation_steps = 0;
};

// server -> client, first message on every connection.
struct hello {
    std::string_view server; // "loopscope/<version>"
    limits_info limits;
    std::span<const scenario_info> scenarios;
};
std::string encode(const hello& message);

// server -> client: a request could not be served. The connection stays open.
struct error {
    std::string_view code;    // stable snake_case identifier
    std::string_view message; // a sentence a person understands
    std::string_view run = {}; // the run the error is about, if any
    int line = 0;              // syntax_error: where (1-based); 0: not sent
    int column = 0;
    std::string_view room = {}; // the room the error is about, if any
};
std::string encode(const error& message);

// server -> client: one or more engine events of one run, in `seq` order. Built in place in one
// buffer: begin_events, then each event's JSON object with a comma between, then end_events.
void begin_events(std::string& out, std::string_view run);
void end_events(std::string& out);

// server -> client: a run is over.
struct run_error {
    std::string_view type;    // "ZeroDivisionError", "SyntaxError", ...
    std::string_view message; // str(exception)
    int line = 0;             // 0: no line applies
    int column = 0;           // syntax errors: 1-based column; 0: none
};
struct run_finished {
    std::string_view run;
    std::string_view status; // "ok" | "error" | "cancelled"
    double elapsed = 0;      // program seconds
    int exit_status = 0;     // what python3 would exit with
    const run_error* error = nullptr; // set when status is "error"
    std::string_view reason = {};     // set when status is "cancelled": why
    std::optional<std::uint64_t> random_seed = {}; // the seed the run's random module started from
};
std::string encode(const run_finished& message);

// server -> presenter: the room is open. `secret` lets the presenter drive it; viewers get `room` only.
struct room_created {
    std::string_view room, secret;
    std::span<const std::size_t> event_counts; // events recorded per program
};
std::string encode(const room_created& message);

// A room's position as the server sends it (the fields of room_position, without the secret).
struct position_info {
    std::uint64_t step = 0;
    bool playing = false;
    double speed = 1;
    std::string_view mode = "explore";
};

// The poll as viewers see it: its state ("open", "closed", "revealed") and how many lines it orders.
struct poll_info {
    std::string_view state;
    std::size_t lines = 0;
};

// server -> viewer, on joining: what the room shows. Its events follow, one room_events per program.
struct program_info {
    std::string_view scenario; // empty: a program's text
    std::string_view source;
};
struct room_joined {
    std::string_view room;
    std::span<const program_info> programs;
    std::span<const std::size_t> event_counts;
    position_info position;
    const poll_info* poll = nullptr;
};
std::string encode(const room_joined& message);
// server -> presenter, on room_reclaim: the fields of room_joined under the type "room_reclaimed" (a page
// reloaded has lost its run); the room's room_events follow, then room_status.
std::string encode_room_reclaimed(const room_joined& message);

// server -> viewer: one program's recorded events, built in place like `events`: begin_room_events,
// the events' JSON objects with a comma between, end_events.
void begin_room_events(std::string& out, std::string_view room, std::size_t program);

// server -> viewer: where the presenter is now.
std::string encode_room_position(std::string_view room, const position_info& position);

// server -> viewer: the poll opened, closed or was revealed.
std::string encode_room_poll(std::string_view room, const poll_info& poll);

// server -> presenter: how many follow, and the poll's distribution so far.
struct poll_tally {
    std::string_view state;
    std::size_t lines = 0;
    std::size_t answers = 0;
    std::size_t all_right = 0;
    // places[line * lines + place]: how many viewers put `line` at `place`
    std::span<const std::size_t> places;
};
struct room_status {
    std::string_view room;
    std::size_t viewers = 0;
    const poll_tally* poll = nullptr;
};
std::string encode(const room_status& message);

// server -> viewer: the presenter's connection dropped ("away"; the room waits room_linger for it), or it
// reclaimed the room ("back").
std::string encode_room_presenter(std::string_view room, std::string_view state);

// server -> viewer: the room is over ("presenter_left", "closed"); to a presenter's connection that another
// of its connections reclaimed the room from ("reclaimed").
std::string encode_room_ended(std::string_view room, std::string_view reason);

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
inline constexpr std::string_view server_memory_full = "server_memory_full";
inline constexpr std::string_view binary_frame = "binary_frame";
inline constexpr std::string_view unknown_room = "unknown_room";
inline constexpr std::string_view room_full = "room_full";
inline constexpr std::string_view too_many_rooms = "too_many_rooms";
inline constexpr std::string_view not_presenter = "not_presenter";
inline constexpr std::string_view presenter_gone = "presenter_gone";
inline constexpr std::string_view bad_poll_answer = "bad_poll_answer";
inline constexpr std::string_view room_too_large = "room_too_large";
} // namespace error_code

} // namespace loopscope::protocol
