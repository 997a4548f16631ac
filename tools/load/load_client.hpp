#pragma once

#include "event_scanner.hpp"
#include "expected_output.hpp"
#include "load_options.hpp"
#include "load_stats.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace loopscope::load {

struct session;

// The load: opens the connections at the ramp rate, from several loopback source addresses when one
// has too few ports, and drives each (runs, echo or idle) until its count or the duration is done.
// One io_context on the calling thread; the whole load is bounded by a hard deadline.
class load_client {
public:
    load_client(const load_options& options, load_stats& stats);
    ~load_client();
    load_client(const load_client&) = delete;
    load_client& operator=(const load_client&) = delete;

    // One connection to /ws: the hello message (the catalog holds each scenario's source). Throws
    // with a clear message when the server cannot be reached.
    boost::json::value fetch_hello();
    // One run on one connection, its output recorded (for --expect first-run).
    expected_output record_first_run();

    // The load itself. `expected` must outlive the call (runs only).
    void run(const expected_output* expected);

private:
    boost::asio::awaitable<void> ramp();
    boost::asio::awaitable<void> drive(std::size_t index);
    boost::asio::awaitable<bool> open(session& s, std::size_t index);
    boost::asio::awaitable<void> drive_runs(session& s);
    boost::asio::awaitable<void> drive_echo(session& s);
    boost::asio::awaitable<void> drive_idle(session& s);
    boost::asio::awaitable<bool> one_run(session& s, const expected_output* expected);
    boost::asio::awaitable<void> watch();
    boost::asio::awaitable<void> close(session& s);
    // One message of a run: true when it was run_finished (the run is judged).
    bool handle_run_message(session& s, std::string_view text, load_clock::time_point arrival);
    const boost::json::value* parse(std::string_view text);
    bool more_work(std::uint64_t done) const;
    void end_idle_sessions();

    const load_options& options_;
    load_stats& stats_;
    const expected_output* expected_ = nullptr;
    boost::asio::io_context io_;
    boost::asio::ip::tcp::endpoint target_;
    std::vector<boost::asio::ip::address_v4> sources_; // empty: let the kernel choose
    std::string run_message_;
    std::string echo_payload_;
    std::chrono::milliseconds run_idle_timeout_{30'000};
    load_clock::time_point stop_starting_ = load_clock::time_point::max(); // no new runs from then on
    std::set<session*> live_;
    bool ramp_done_ = false;

    // Events and run_finished (the hot path) go through the scanner; the thread handles one message at
    // a time, to the end, so one scanner does for every connection
    event_scanner scanner_;
    scanned_message scanned_;
    // Where a field written with escapes is unescaped (rare), reused: one per field held at once
    std::string type_scratch_;
    std::string run_scratch_;
    std::string status_scratch_;
    // A DOM only for what is rare (error messages): one parser for every message
    boost::json::parser parser_;
    std::unique_ptr<unsigned char[]> parse_arena_;
    boost::json::value parsed_;
};

} // namespace loopscope::load
