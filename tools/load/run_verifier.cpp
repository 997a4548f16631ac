#include "run_verifier.hpp"

#include <loopscope/protocol/event.hpp>

#include <boost/json/serialize.hpp>

#include <cmath>

namespace loopscope::load {

namespace {

std::string quoted(std::string_view text)
{
    return boost::json::serialize(boost::json::string(text));
}

std::string joined(std::initializer_list<std::string_view> parts)
{
    std::string item;
    for (const auto part : parts) item += part;
    return item;
}

// `item` is the parts one after the other
bool equals_joined(std::string_view item, std::initializer_list<std::string_view> parts)
{
    for (const auto part : parts) {
        if (item.substr(0, part.size()) != part) return false;
        item.remove_prefix(part.size());
    }
    return item.empty();
}

// Program seconds may differ in the last bits between the clocks; a tenth of a millisecond is plenty.
constexpr double elapsed_tolerance = 1e-4;

// Where a string written with escapes is unescaped: per thread, reused, so that a steady load does
// not allocate per event (three, for a warning's category and message held at once, and kind).
thread_local std::string kind_scratch;
thread_local std::string first_scratch;
thread_local std::string second_scratch;

} // namespace

void run_verifier::begin(const expected_output* expected, std::optional<double> speed, load_clock::time_point sent)
{
    expected_ = expected;
    speed_ = speed;
    sent_ = sent;
    next_seq_ = 0;
    next_output_ = 0;
    finished_ = false;
    saw_last_event_ = false;
    event_status_.clear();
    event_elapsed_ = 0;
    failure_kind_.clear();
    failure_.clear();
    recorded_ = expected_output{};
    recorded_.origin = "the first run";
}

void run_verifier::fail(std::string kind, std::string detail)
{
    // The first failure of a run explains it; later ones are consequences
    if (!failure_kind_.empty()) return;
    failure_kind_ = std::move(kind);
    failure_ = std::move(detail);
}

void run_verifier::check_output(std::initializer_list<std::string_view> parts)
{
    if (expected_ == nullptr) {
        recorded_.output.push_back(joined(parts));
        return;
    }
    const std::size_t index = next_output_++;
    if (index >= expected_->output.size()) {
        fail("wrong_output", "output line " + std::to_string(index + 1) + " was not expected: " + quoted(joined(parts)));
        return;
    }
    if (!equals_joined(expected_->output[index], parts))
        fail("wrong_output", "output line " + std::to_string(index + 1) + ": expected " + quoted(expected_->output[index]) +
                                 ", got " + quoted(joined(parts)));
}

void run_verifier::on_events(const std::vector<scanned_event>& events, load_clock::time_point arrival, load_stats& stats)
{
    stats.events += events.size();
    stats.batch_events.record(events.size());
    if (events.empty()) fail("bad_message", "an events message with no events");
    const double since_sent = std::chrono::duration<double>(arrival - sent_).count();
    // Every event of a message arrived at once: one window for them all
    latency_histogram* window = speed_ ? stats.lateness_by_window.at(arrival) : nullptr;
    for (const auto& event : events) {
        if (!event.object) {
            fail("bad_message", "an event that is not an object");
            continue;
        }
        if (!event.has_seq || !event.has_t) {
            fail("bad_message", "an event without an unsigned integer seq and a numeric t");
            continue;
        }
        const std::uint64_t number = event.seq;
        if (number != next_seq_)
            fail("seq_gap", "seq " + std::to_string(number) + " arrived where " + std::to_string(next_seq_) + " was due");
        next_seq_ = number + 1;
        if (saw_last_event_) fail("after_finish", "an event after the run_finished event");
        const double program_time = event.t;
        if (speed_) {
            // Late by how much against the run's own schedule: sent + t / speed
            const double late = since_sent - program_time / *speed_;
            const std::uint64_t late_us = late > 0 ? static_cast<std::uint64_t>(late * 1e6) : 0;
            stats.lateness_us.record(late_us);
            if (window != nullptr) window->record(late_us);
        }

        // A missing or non-string field reads as empty, as before
        using protocol::event_kind;
        const auto kind = protocol::event_kind_from_name(event.kind.value(kind_scratch));
        if (kind == event_kind::print) check_output({"print: ", event.text.value(first_scratch)});
        else if (kind == event_kind::warning)
            check_output({"warning: ", event.category.value(first_scratch), ": ", event.message.value(second_scratch)});
        else if (kind == event_kind::run_finished) {
            saw_last_event_ = true;
            event_status_ = event.status.value(first_scratch);
            event_elapsed_ = program_time;
        }
    }
}

void run_verifier::on_error(std::string_view code, std::string_view message)
{
    fail("server_error", "error " + std::string(code) + ": " + std::string(message));
}

void run_verifier::on_wrong_run(std::string_view run)
{
    fail("wrong_run", "a message for run " + quoted(run) + " on a connection whose only run is another");
}

void run_verifier::on_finished(std::string_view status_text)
{
    finished_ = true;
    const std::string status{status_text};
    if (!saw_last_event_) fail("no_last_event", "run_finished came before a run_finished event");
    else if (status != event_status_)
        fail("wrong_status", "run_finished says " + quoted(status) + " but the last event says " + quoted(event_status_));
    if (expected_ == nullptr) {
        recorded_.events = next_seq_;
        recorded_.status = status;
        recorded_.elapsed = event_elapsed_;
        return;
    }
    if (next_output_ < expected_->output.size())
        fail("wrong_output", "missing output line " + std::to_string(next_output_ + 1) + ": " +
                                 quoted(expected_->output[next_output_]));
    if (next_seq_ != expected_->events)
        fail("wrong_event_count", std::to_string(next_seq_) + " events, " + std::to_string(expected_->events) + " expected");
    if (status != expected_->status)
        fail("wrong_status", "status " + quoted(status) + ", " + quoted(expected_->status) + " expected");
    if (std::abs(event_elapsed_ - expected_->elapsed) > elapsed_tolerance)
        fail("wrong_elapsed", "ended at t = " + std::to_string(event_elapsed_) + ", " + std::to_string(expected_->elapsed) +
                                  " expected");
}

} // namespace loopscope::load
