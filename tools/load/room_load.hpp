#pragma once

#include "load_options.hpp"

#include <iosfwd>

namespace loopscope::load {

// --room: one presenter opens a room on --scenario (or --source) and steps through its events at
// --step-rate for --duration seconds, while --connections viewers follow it; each viewer's receipt of
// each position is timed against the moment the presenter sent it (the fan-out latency). Prints the
// figures to `out`; returns the exit status (0 passed, 1 a threshold crossed).
int run_room_load(const load_options& options, std::ostream& out);

} // namespace loopscope::load
