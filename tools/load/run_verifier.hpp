#pragma once

#include "event_scanner.hpp"
#include "expected_output.hpp"
#include "load_stats.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::load {

// Checks one run as its messages arrive: seq 0, 1, 2, ... without gaps; printed lines and warnings
// in the expected order; the event count; run_finished's status and program time. A run that streams
// the wrong order fails, however fast it came. Without an expectation it records one (--expect first-run).
class run_verifier {
public:
    // `expected` null: record the output into recorded(). `speed` set: scaled clock, measure lateness.
    void begin(const expected_output* expected, std::optional<double> speed, load_clock::time_point sent);

    // One events message, as the scanner read it (views into the message: used here, not kept).
    void on_events(const std::vector<scanned_event>& events, load_clock::time_point arrival, load_stats& stats);
    void on_error(std::string_view code, std::string_view message);
    // A message of the run that names another run id.
    void on_wrong_run(std::string_view run);
    // The run's last message, with its status; the run is judged here.
    void on_finished(std::string_view status);

    bool finished() const { return finished_; }
    // Why the run failed: a kind ("wrong_output", "seq_gap", ...) and the words; empty kind if it passed.
    const std::string& failure_kind() const { return failure_kind_; }
    const std::string& failure() const { return failure_; }
    const expected_output& recorded() const { return recorded_; }
    load_clock::time_point sent() const { return sent_; }

private:
    void fail(std::string kind, std::string detail);
    // One printed line or warning, as the parts of its item ("print: ", TEXT): compared in place, so
    // that a correct event costs no string; the item is only built to be recorded or reported.
    void check_output(std::initializer_list<std::string_view> parts);

    const expected_output* expected_ = nullptr;
    std::optional<double> speed_;
    load_clock::time_point sent_;
    std::uint64_t next_seq_ = 0;
    std::size_t next_output_ = 0;
    bool finished_ = false;
    bool saw_last_event_ = false;
    std::string event_status_;
    double event_elapsed_ = 0;
    std::string failure_kind_;
    std::string failure_;
    expected_output recorded_; // record mode only
};

} // namespace loopscope::load
