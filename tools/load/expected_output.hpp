#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::load {

// What a correct run of a program shows a client: its printed lines and warnings in order, how many
// events, its final status and program time. Deterministic for a program, whatever the clock.
struct expected_output {
    std::vector<std::string> output; // "print: TEXT" and "warning: CATEGORY: MESSAGE", in order
    std::uint64_t events = 0;
    std::string status = "ok";
    double elapsed = 0;
    std::string origin;              // where it came from, for the report
};

// One line of output as the verifier compares it.
std::string print_item(std::string_view text);
std::string warning_item(std::string_view category, std::string_view message);

// Runs `source` through the engine in this process on the virtual clock: what `loopscope run --clock
// virtual` prints. Bounded by the engine's run_config.
expected_output expect_from_engine(std::string_view source);

// Reads an events file (one JSON event a line, after a run file's header line when there is one, as
// `loopscope run --events FILE` writes); throws with
// the line number on a bad line.
expected_output expect_from_events_file(const std::string& path);

} // namespace loopscope::load
