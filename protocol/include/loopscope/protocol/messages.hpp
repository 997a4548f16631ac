#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace loopscope::protocol {

// The protocol version this codec speaks; `hello.protocol` carries it.
inline constexpr int version = 1;

// A catalog program, as hello lists it.
struct scenario_info {
    std::string_view id, title, summary, notes, source;
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
};
std::string encode(const run_finished& message);

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
} // namespace error_code

} // namespace loopscope::protocol
