#include "load_client.hpp"

#include "run_verifier.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cmath>
#include <iostream>
#include <stdexcept>

#include <netinet/in.h>
#include <unistd.h>

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24 // Linux 4.2+: pick the port at connect, by the whole 4-tuple
#endif

namespace loopscope::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// One connection and what it needs between messages; kept small, there may be 19,000 of them.
struct session {
    explicit session(asio::io_context& io) : ws(io) {}
    websocket::stream<beast::tcp_stream> ws;
    beast::flat_buffer buffer;
    run_verifier verifier;
    bool run_live = false;
    bool closing = false; // we asked for the close: the read that ends is not a failure
};

namespace {

constexpr std::size_t parse_arena_bytes = 1 << 20;
// Every run has this id: runs on one connection follow each other
constexpr std::string_view run_id = "load";
// A flat_buffer that once held a large message keeps its size; past this it is given back.
constexpr std::size_t kept_buffer_bytes = 64 * 1024;
// A /metrics that does not answer by then is skipped: it must not hold up the report
constexpr std::chrono::milliseconds metrics_timeout{5'000};

bool is_loopback_v4(const tcp::endpoint& endpoint)
{
    return endpoint.address().is_v4() && (endpoint.address().to_v4().to_uint() >> 24) == 127;
}

} // namespace

load_client::load_client(const load_options& options, load_stats& stats)
    : options_(options), stats_(stats), parse_arena_(new unsigned char[parse_arena_bytes])
{
    tcp::resolver resolver(io_);
    const auto results = resolver.resolve(options_.host, options_.port);
    if (results.empty()) throw std::runtime_error("cannot resolve " + options_.host);
    target_ = results.begin()->endpoint();
    for (const auto& entry : results)
        if (entry.endpoint().address().is_v4()) target_ = entry.endpoint();

    // Spread the connections over loopback source addresses so none runs out of ephemeral ports;
    // half of the range per address leaves room for TIME_WAIT and for everything else on the machine
    if (is_loopback_v4(target_)) {
        std::size_t count = options_.source_addresses;
        if (count == 0) {
            const std::uint64_t per_address = std::max<std::uint64_t>(1, ephemeral_port_count() / 2);
            count = static_cast<std::size_t>((options_.connections + per_address - 1) / per_address);
        }
        count = std::min<std::size_t>(count, 254);
        if (count > 1 || options_.source_addresses > 0)
            for (std::size_t i = 0; i < count; ++i)
                sources_.push_back(asio::ip::make_address_v4(static_cast<asio::ip::address_v4::uint_type>((127u << 24) + 1 + i)));
    }

    // The run message is the same every time: runs on one connection follow each other, so one id does
    boost::json::object run{{"type", "run"}, {"run", run_id}};
    if (options_.source.empty()) run["scenario"] = options_.scenario;
    else run["source"] = options_.source;
    run["speed"] = options_.speed;
    run["clock"] = options_.virtual_clock ? "virtual" : "scaled";
    run_message_ = boost::json::serialize(run);

    echo_payload_.resize(options_.echo_bytes);
    for (std::size_t i = 0; i < echo_payload_.size(); ++i) echo_payload_[i] = static_cast<char>('a' + i % 26);
}

load_client::~load_client() = default;

const boost::json::value* load_client::parse(std::string_view text)
{
    parsed_ = nullptr;
    parser_.reset(boost::json::make_shared_resource<boost::json::monotonic_resource>(parse_arena_.get(), parse_arena_bytes));
    boost::system::error_code ec;
    parser_.write(text.data(), text.size(), ec);
    if (ec) return nullptr;
    parsed_ = parser_.release();
    return &parsed_;
}

asio::awaitable<bool> load_client::open(session& s, std::size_t index)
{
    auto& stream = beast::get_lowest_layer(s.ws);
    boost::system::error_code ec;
    if (!sources_.empty()) {
        // Bind the source address before connecting; the kernel picks the port at connect
        stream.socket().open(tcp::v4(), ec);
        if (!ec) stream.socket().set_option(asio::detail::socket_option::boolean<IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT>(true), ec);
        if (!ec) stream.socket().bind(tcp::endpoint(sources_[index % sources_.size()], 0), ec);
        if (ec) {
            stats_.fail_connection("bind: " + ec.message());
            co_return false;
        }
    }
    stream.expires_after(options_.connect_timeout);
    auto [connect_ec] = co_await stream.async_connect(target_, use_tuple);
    if (connect_ec) {
        stats_.fail_connection("connect: " + connect_ec.message());
        co_return false;
    }
    stream.expires_never();
    // A run message must not wait for an ACK (Nagle): lateness counts from the moment it is written
    stream.socket().set_option(tcp::no_delay(true), ec);

    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = options_.connect_timeout;
    timeouts.idle_timeout = options_.kind == workload::idle ? websocket::stream_base::none() : run_idle_timeout_;
    timeouts.keep_alive_pings = false;
    s.ws.set_option(timeouts);
    s.ws.read_message_max(16 * 1024 * 1024);
    websocket::response_type response;
    auto [handshake_ec] = co_await s.ws.async_handshake(response, options_.host + ":" + options_.port, options_.path, use_tuple);
    if (handshake_ec) {
        if (handshake_ec == websocket::error::upgrade_declined)
            stats_.fail_connection("handshake: HTTP " + std::to_string(response.result_int()));
        else
            stats_.fail_connection("handshake: " + handshake_ec.message());
        co_return false;
    }
    if (options_.kind != workload::echo) {
        // hello comes first
        auto [read_ec, size] = co_await s.ws.async_read(s.buffer, use_tuple);
        std::string_view text(static_cast<const char*>(s.buffer.cdata().data()), size);
        if (read_ec || text.find(R"("type":"hello")") == std::string_view::npos) {
            stats_.fail_connection(read_ec ? "hello: " + read_ec.message() : "the first message is not hello");
            co_return false;
        }
        stats_.bytes_received += size;
        ++stats_.messages;
        s.buffer.consume(size);
        s.buffer.shrink_to_fit();
    }
    ++stats_.connections_up;
    stats_.connections_open_peak = std::max(stats_.connections_open_peak, ++stats_.connections_open);
    co_return true;
}

boost::json::value load_client::fetch_hello()
{
    boost::json::value hello;
    std::string failure;
    // A plain connection: open() below would consume hello
    auto probe_with_hello = [&]() -> asio::awaitable<void> {
        session s(io_);
        auto& stream = beast::get_lowest_layer(s.ws);
        stream.expires_after(options_.connect_timeout);
        auto [ec] = co_await stream.async_connect(target_, use_tuple);
        if (ec) {
            failure = "connect: " + ec.message();
            co_return;
        }
        auto [handshake_ec] = co_await s.ws.async_handshake(options_.host + ":" + options_.port, options_.path, use_tuple);
        if (handshake_ec) {
            failure = "handshake: " + handshake_ec.message();
            co_return;
        }
        auto [read_ec, size] = co_await s.ws.async_read(s.buffer, use_tuple);
        if (read_ec) {
            failure = "reading hello: " + read_ec.message();
            co_return;
        }
        stream.expires_never();
        boost::system::error_code parse_ec;
        hello = boost::json::parse(std::string_view(static_cast<const char*>(s.buffer.cdata().data()), size), parse_ec);
        if (parse_ec) failure = "hello is not JSON";
        co_await s.ws.async_close(websocket::close_code::normal, use_tuple);
    };
    asio::co_spawn(io_, probe_with_hello(), [&](std::exception_ptr e) {
        if (e) try { std::rethrow_exception(e); } catch (const std::exception& error) { failure = error.what(); }
    });
    io_.run_for(options_.connect_timeout * 2);
    io_.restart();
    if (!failure.empty()) throw std::runtime_error("cannot get hello from " + options_.url + ": " + failure);
    if (!hello.is_object()) throw std::runtime_error("no hello from " + options_.url + " within the connect timeout");
    return hello;
}

expected_output load_client::record_first_run()
{
    expected_output recorded;
    std::string failure = "no run_finished within the timeout";
    auto first = [&]() -> asio::awaitable<void> {
        session s(io_);
        if (!co_await open(s, 0)) {
            failure = "cannot connect";
            co_return;
        }
        if (co_await one_run(s, nullptr)) {
            recorded = s.verifier.recorded();
            failure.clear();
        } else {
            failure = s.verifier.failure();
        }
        --stats_.connections_open;
        co_await s.ws.async_close(websocket::close_code::normal, use_tuple);
    };
    asio::co_spawn(io_, first(), [&](std::exception_ptr e) {
        if (e) try { std::rethrow_exception(e); } catch (const std::exception& error) { failure = error.what(); }
    });
    io_.run_for(std::chrono::seconds(300));
    io_.restart();
    // The probe is not part of the load's figures
    stats_ = load_stats{};
    if (!failure.empty()) throw std::runtime_error("the first run failed: " + failure);
    return recorded;
}

bool load_client::more_work(std::uint64_t done) const
{
    if (options_.runs_per_connection && done >= *options_.runs_per_connection) return false;
    return load_clock::now() < stop_starting_;
}

asio::awaitable<bool> load_client::one_run(session& s, const expected_output* expected)
{
    std::optional<double> speed;
    if (!options_.virtual_clock) speed = options_.speed;
    const auto sent = load_clock::now();
    s.verifier.begin(expected, speed, sent);
    s.run_live = true;
    auto [write_ec, written] = co_await s.ws.async_write(asio::buffer(run_message_), use_tuple);
    stats_.bytes_sent += written;
    if (write_ec) co_return false;
    for (;;) {
        auto [ec, size] = co_await s.ws.async_read(s.buffer, use_tuple);
        if (ec) {
            s.verifier.on_error("disconnected", ec.message());
            co_return false;
        }
        const auto arrival = load_clock::now();
        stats_.bytes_received += size;
        ++stats_.messages;
        const std::string_view text(static_cast<const char*>(s.buffer.cdata().data()), size);
        // What is read from the message is views into the buffer: consumed once it has been handled
        const bool finished = handle_run_message(s, text, arrival);
        s.buffer.consume(size);
        if (s.buffer.capacity() > kept_buffer_bytes) s.buffer.shrink_to_fit();
        if (finished) {
            stats_.run_wall_us.record(static_cast<std::uint64_t>(
                std::chrono::duration_cast<std::chrono::microseconds>(arrival - sent).count()));
            s.run_live = false;
            co_return true;
        }
    }
}

bool load_client::handle_run_message(session& s, std::string_view text, load_clock::time_point arrival)
{
    if (!scanner_.scan(text, scanned_)) {
        s.verifier.on_error("bad_message", "a message that is not a JSON object");
        return false;
    }
    if (!scanned_.type.present) return false;
    const std::string_view type = scanned_.type.value(type_scratch_);
    // Only one run is live on a connection: a message for any other is the server's mistake
    if ((type == "events" || type == "run_finished") && scanned_.run.value(run_scratch_) != run_id)
        s.verifier.on_wrong_run(scanned_.run.value(run_scratch_));
    if (type == "events") {
        if (scanned_.has_events) s.verifier.on_events(scanner_.events(), arrival, stats_);
        return false;
    }
    if (type == "run_finished") {
        s.verifier.on_finished(scanned_.status.value(status_scratch_));
        return true;
    }
    if (type == "error") {
        // Rare: the DOM is simplest here
        ++stats_.server_errors;
        const boost::json::value* message = parse(text);
        const boost::json::object* object = message != nullptr && message->is_object() ? &message->as_object() : nullptr;
        const auto* code = object != nullptr ? object->if_contains("code") : nullptr;
        const auto* words = object != nullptr ? object->if_contains("message") : nullptr;
        s.verifier.on_error(code && code->is_string() ? std::string_view(code->as_string()) : "?",
                            words && words->is_string() ? std::string_view(words->as_string()) : "");
    }
    // Anything else: a newer server's message, ignored as the protocol says
    return false;
}

asio::awaitable<void> load_client::drive_runs(session& s)
{
    for (std::uint64_t done = 0; more_work(done); ++done) {
        const bool finished = co_await one_run(s, expected_);
        if (finished && s.verifier.failure_kind().empty()) {
            ++stats_.runs_completed;
            continue;
        }
        stats_.fail_run(s.verifier.failure_kind().empty() ? "disconnected" : s.verifier.failure_kind(), s.verifier.failure());
        if (!finished) {
            s.run_live = false;
            co_return; // the connection is gone
        }
    }
    co_await close(s);
}

asio::awaitable<void> load_client::drive_echo(session& s)
{
    s.ws.text(true);
    for (std::uint64_t done = 0; more_work(done); ++done) {
        const auto sent = load_clock::now();
        s.run_live = true;
        auto [write_ec, written] = co_await s.ws.async_write(asio::buffer(echo_payload_), use_tuple);
        if (write_ec) co_return;
        stats_.bytes_sent += written;
        auto [ec, size] = co_await s.ws.async_read(s.buffer, use_tuple);
        if (ec) co_return;
        s.run_live = false;
        const auto back = load_clock::now();
        stats_.bytes_received += size;
        ++stats_.messages;
        const std::string_view text(static_cast<const char*>(s.buffer.cdata().data()), size);
        if (text == echo_payload_) {
            ++stats_.runs_completed;
            stats_.echo_rtt_us.record(static_cast<std::uint64_t>(
                std::chrono::duration_cast<std::chrono::microseconds>(back - sent).count()));
        } else {
            stats_.fail_run("wrong_echo", "the echo differs from what was sent (" + std::to_string(size) + " bytes back)");
        }
        s.buffer.consume(size);
    }
    co_await close(s);
}

asio::awaitable<void> load_client::drive_idle(session& s)
{
    // Read until the end of the hold closes the connection; a server message meanwhile is only counted
    for (;;) {
        auto [ec, size] = co_await s.ws.async_read(s.buffer, use_tuple);
        if (ec) {
            if (!s.closing) {
                ++stats_.connections_dropped;
                ++stats_.connection_failures["dropped: " + ec.message()];
            }
            co_return;
        }
        stats_.bytes_received += size;
        ++stats_.messages;
        s.buffer.consume(size);
    }
}

asio::awaitable<void> load_client::close(session& s)
{
    s.closing = true;
    auto [ec] = co_await s.ws.async_close(websocket::close_code::normal, use_tuple);
    (void)ec; // the server may have closed first; either way the connection is over
}

void load_client::end_idle_sessions()
{
    for (session* s : live_) {
        if (s->closing) continue;
        s->closing = true;
        s->ws.async_close(websocket::close_code::normal, [](const boost::system::error_code&) {
            // The pending read in drive_idle sees the close and ends the session
        });
    }
}

asio::awaitable<void> load_client::drive(std::size_t index)
{
    auto s = std::make_unique<session>(io_);
    ++stats_.connections_attempted;
    if (!co_await open(*s, index)) co_return;
    live_.insert(s.get());
    switch (options_.kind) {
    case workload::runs: co_await drive_runs(*s); break;
    case workload::echo: co_await drive_echo(*s); break;
    case workload::idle: co_await drive_idle(*s); break;
    case workload::room: break; // room_load.cpp drives rooms
    }
    if (s->run_live && options_.kind == workload::echo) {
        stats_.fail_run("disconnected", "the connection ended during a round trip");
        ++stats_.connections_dropped;
    } else if (!s->closing && options_.kind == workload::runs) {
        ++stats_.connections_dropped;
        ++stats_.connection_failures["dropped during a run"];
    }
    live_.erase(s.get());
    --stats_.connections_open;
}

asio::awaitable<void> load_client::ramp()
{
    // Start connections in small batches at the ramp rate: one timer tick every 10 ms
    asio::steady_timer tick(io_);
    const auto began = load_clock::now();
    std::size_t started = 0;
    while (started < options_.connections) {
        const double seconds = std::chrono::duration<double>(load_clock::now() - began).count();
        const auto due = std::min<std::size_t>(options_.connections,
                                               static_cast<std::size_t>(seconds * options_.ramp_per_second) + 1);
        for (; started < due; ++started) {
            asio::co_spawn(io_, drive(started), [this](std::exception_ptr e) {
                if (!e) return;
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& error) {
                    stats_.fail_connection(std::string("unexpected: ") + error.what());
                }
            });
        }
        tick.expires_after(std::chrono::milliseconds(10));
        co_await tick.async_wait(use_tuple);
    }
    ramp_done_ = true;
    stats_.all_opened = load_clock::now();
    if (options_.duration_seconds)
        stop_starting_ = *stats_.all_opened + std::chrono::duration_cast<load_clock::duration>(
                                                  std::chrono::duration<double>(*options_.duration_seconds));
}

asio::awaitable<void> load_client::watch()
{
    // Five times a second: the progress line, the server's memory, the end of an idle hold
    asio::steady_timer tick(io_);
    const bool terminal = options_.progress && isatty(STDERR_FILENO) != 0;
    for (;;) {
        tick.expires_after(std::chrono::milliseconds(200));
        co_await tick.async_wait(use_tuple);
        if (auto sample = sample_process(options_.server_pid); sample && sample->rss_kib > stats_.server_peak_rss_kib) {
            stats_.server_peak_rss_kib = sample->rss_kib;
            stats_.connections_at_peak_rss = stats_.connections_open;
        }
        if (terminal) std::cerr << "\r" << progress_line(stats_, options_) << "\x1b[K" << std::flush;
        if (options_.kind == workload::idle && load_clock::now() >= stop_starting_) end_idle_sessions();
        if (ramp_done_ && stats_.connections_open == 0 && live_.empty()) break;
    }
    if (terminal) std::cerr << "\r\x1b[K" << std::flush;
}

void load_client::run(const expected_output* expected)
{
    expected_ = expected;
    if (expected_ != nullptr && !options_.virtual_clock)
        run_idle_timeout_ = std::chrono::milliseconds(static_cast<long>(expected_->elapsed / options_.speed * 1000) + 30'000);

    // The hard bound: the ramp, then the runs, each allowed its own length plus 30 s
    double bound = 0;
    if (options_.timeout_seconds) bound = *options_.timeout_seconds;
    else {
        const double ramp = static_cast<double>(options_.connections) / options_.ramp_per_second +
                            std::chrono::duration<double>(options_.connect_timeout).count();
        const double per_run = expected_ != nullptr && !options_.virtual_clock ? expected_->elapsed / options_.speed + 30 : 60;
        const double work = options_.duration_seconds ? *options_.duration_seconds + per_run
                                                      : static_cast<double>(*options_.runs_per_connection) * per_run;
        bound = std::min(ramp + work + 30, 86'400.0 * 2);
    }

    // The server's lag so far, so that only the load's period counts; a target that does not serve
    // loopscope's /metrics (another server, a proxy) is not asked again at the end
    const auto read_lag = [&]() -> std::optional<lag_histogram> {
        const auto text = fetch_metrics(target_, options_.host + ":" + options_.port, metrics_timeout);
        return text ? parse_lag_histogram(*text) : std::nullopt;
    };
    std::optional<lag_histogram> lag_before;
    if (options_.server_metrics) lag_before = read_lag();

    stats_.started = load_clock::now();
    if (options_.kind == workload::runs && !options_.virtual_clock)
        stats_.lateness_by_window.start(stats_.started, std::chrono::duration<double>(options_.window_seconds),
                                        std::chrono::duration<double>(bound));
    const double cpu_before = own_cpu_seconds();
    if (const auto sample = sample_process(options_.server_pid)) {
        stats_.server_before = sample;
        stats_.server_peak_rss_kib = sample->rss_kib;
    }
    auto report_failure = [this](std::exception_ptr e) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& error) {
            std::cerr << "loopscope-load: " << error.what() << "\n";
        }
    };
    asio::co_spawn(io_, ramp(), report_failure);
    asio::co_spawn(io_, watch(), report_failure);
    io_.run_for(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(bound)));
    stats_.finished = load_clock::now();
    stats_.server_after = sample_process(options_.server_pid);
    stats_.own_cpu_seconds = own_cpu_seconds() - cpu_before;
    if (lag_before)
        if (const auto lag_after = read_lag()) stats_.server_lag = lag_between(*lag_before, *lag_after);

    if (!io_.stopped() || !live_.empty()) {
        // Past the hard bound: whatever is live fails
        stats_.hit_timeout = true;
        for (session* s : live_)
            if (s->run_live) stats_.fail_run("timeout", "no end within the load's hard bound");
        ++stats_.connection_failures["open at the hard bound: " + std::to_string(live_.size())];
        stats_.connections_dropped += live_.size();
        io_.stop();
    }
}

} // namespace loopscope::load
