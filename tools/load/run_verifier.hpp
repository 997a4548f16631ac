#pragma once

#include "expected_output.hpp"
#include "load_stats.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace loopscope::load {

// Checks one run as its messages arrive: seq 0, 1, 2, ... without gaps; printed lines and warnings
// in the expected order; the event count; run_finished's status and program time. A run that streams
// the wrong order fails, however fast it came. Without an expectation it records one (--expect first-run).
class run_verifier {
public:
    // `expected` null: record the output into recorded(). `speed` set: scaled clock, measure lateness.
    void begin(const expected_output* expected, std::optional<double> speed, load_clock::time_point sent);

    void on_events(const boost::json::array& events, load_clock::time_point arrival, load_stats& stats);
    void on_error(std::string_view code, std::string_view message);
    // The run's last message; the run is judged here.
    void on_finished(const boost::json::object& message);

    bool finished() const { return finished_; }
    // Why the run failed: a kind ("wrong_output", "seq_gap", ...) and the words; empty kind if it passed.
    const std::string& failure_kind() const { return failure_kind_; }
    const std::string& failure() const { return failure_; }
    const expected_output& recorded() const { return recorded_; }
    load_clock::time_point sent() const { return sent_; }

private:
    void fail(std::string kind, std::string detail);
    void check_output(std::string item);

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
