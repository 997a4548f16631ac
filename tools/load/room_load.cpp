#include "room_load.hpp"

#include "latency_histogram.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope::load {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using clock_type = std::chrono::steady_clock;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

using socket_type = websocket::stream<beast::tcp_stream>;

// The step of a room_position, read without a JSON parser: the server writes `"step":N` (the hot path
// of ten thousand viewers at twenty positions a second).
std::optional<std::uint64_t> step_of(std::string_view text)
{
    if (text.find("\"type\":\"room_position\"") == std::string_view::npos) return std::nullopt;
    auto at = text.find("\"step\":");
    if (at == std::string_view::npos) return std::nullopt;
    at += 7;
    std::uint64_t step = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + text.size(), step);
    if (ec != std::errc{}) return std::nullopt;
    return step;
}

class room_load {
public:
    explicit room_load(const load_options& options) : options_(options) {}

    int run(std::ostream& out)
    {
        tcp::resolver resolver(io_);
        const auto results = resolver.resolve(options_.host, options_.port);
        if (results.empty()) throw std::runtime_error("cannot resolve " + options_.host);
        target_ = results.begin()->endpoint();
        if (options_.rooms > options_.connections) throw std::runtime_error("--rooms is more than --connections: a room without viewers");

        const double duration = options_.duration_seconds.value_or(10);
        // Everything is bounded: connecting, joining, stepping, and the last step's arrival
        const double bound = options_.timeout_seconds.value_or(
            duration + static_cast<double>(options_.connections) / options_.ramp_per_second + 60);
        asio::steady_timer deadline(io_);
        deadline.expires_after(std::chrono::milliseconds(static_cast<long long>(bound * 1000)));
        deadline.async_wait([this](const beast::error_code& ec) {
            if (ec) return;
            timed_out_ = true;
            io_.stop();
        });
        asio::co_spawn(io_, present(duration), [this, &deadline](std::exception_ptr failure) {
            if (failure) {
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception& e) {
                    fail(std::string("presenter: ") + e.what());
                }
            }
            deadline.cancel();
            for (auto& one : viewers_) {
                if (!one.ws) continue;
                beast::error_code ignored;
                beast::get_lowest_layer(*one.ws).socket().close(ignored);
            }
            for (auto& one : rooms_) {
                if (!one.presenter) continue;
                beast::error_code ignored;
                beast::get_lowest_layer(*one.presenter).socket().close(ignored);
            }
        });
        io_.run();
        return report(out, duration);
    }

private:
    // One presenter's room; every room runs the same program, so they share the number of events
    struct presented_room {
        std::unique_ptr<socket_type> presenter;
        std::string code, secret;
        std::vector<clock_type::time_point> sent_at; // by step: when the presenter last sent it
        // Its viewers' fan-out latencies (kept for at most per_room_histograms rooms: 30 KiB each)
        std::unique_ptr<latency_histogram> fanout;
        // From the presenter's last step to the moment the last of its viewers had it
        clock_type::duration last_step_reach{};
    };
    static constexpr std::size_t per_room_histograms = 1000;

    struct follower {
        std::unique_ptr<socket_type> ws;
        std::size_t room = 0; // its index in rooms_
        bool joined = false;
        bool ended = false;
        bool saw_last = false;
        std::uint64_t last_step = UINT64_MAX;
    };

    void fail(const std::string& why)
    {
        ++errors_;
        if (error_kinds_.size() < 20 || error_kinds_.contains(why)) ++error_kinds_[why];
    }

    asio::awaitable<std::unique_ptr<socket_type>> connect()
    {
        auto ws = std::make_unique<socket_type>(io_);
        auto& stream = beast::get_lowest_layer(*ws);
        stream.expires_after(options_.connect_timeout);
        auto [connect_ec] = co_await stream.async_connect(target_, use_tuple);
        if (connect_ec) throw std::runtime_error("connect: " + connect_ec.message());
        auto [handshake_ec] = co_await ws->async_handshake(options_.host + ":" + options_.port, options_.path, use_tuple);
        if (handshake_ec) throw std::runtime_error("handshake: " + handshake_ec.message());
        stream.expires_never();
        ws->read_message_max(64 * 1024 * 1024);
        beast::flat_buffer buffer;
        auto [read_ec, size] = co_await ws->async_read(buffer, use_tuple); // hello
        if (read_ec) throw std::runtime_error("hello: " + read_ec.message());
        co_return ws;
    }

    static std::string text_of(beast::flat_buffer& buffer)
    {
        return {static_cast<const char*>(buffer.data().data()), buffer.size()};
    }

    // A presenter connects and opens its room; returns once room_created has come.
    asio::awaitable<void> open_room(presented_room& room)
    {
        room.presenter = co_await connect();
        json::object program;
        if (!options_.source.empty()) program["source"] = options_.source;
        else program["scenario"] = options_.scenario;
        const std::string create = json::serialize(json::object{{"type", "room_create"}, {"programs", json::array{program}}});
        co_await room.presenter->async_write(asio::buffer(create), asio::use_awaitable);
        beast::flat_buffer buffer;
        for (;;) {
            buffer.clear();
            co_await room.presenter->async_read(buffer, asio::use_awaitable);
            auto message = json::parse(text_of(buffer)).as_object();
            if (message.at("type").as_string() == "error")
                throw std::runtime_error("room_create refused: " + std::string(message.at("message").as_string()));
            if (message.at("type").as_string() != "room_created") continue;
            room.code = message.at("room").as_string();
            room.secret = message.at("secret").as_string();
            const auto events = message.at("events").at(0).to_number<std::uint64_t>();
            if (events_ != 0 && events != events_) throw std::runtime_error("two rooms of one program with different event counts");
            events_ = events;
            break;
        }
        if (events_ < 2) throw std::runtime_error("the room's run has fewer than 2 events to step through");
        room.sent_at.assign(events_, clock_type::time_point{});
    }

    asio::awaitable<void> present(double duration)
    {
        rooms_.resize(options_.rooms);
        for (presented_room& room : rooms_) {
            co_await open_room(room);
            if (rooms_.size() > 1 && rooms_.size() <= per_room_histograms) room.fanout = std::make_unique<latency_histogram>();
        }

        // The viewers, at the ramp rate; each joins and then reads until the end
        const auto ramp_start = clock_type::now();
        asio::steady_timer pace(io_);
        viewers_.resize(options_.connections);
        for (std::size_t i = 0; i < options_.connections; ++i) {
            pace.expires_at(ramp_start + std::chrono::microseconds(static_cast<long long>(
                                             static_cast<double>(i) * 1e6 / options_.ramp_per_second)));
            co_await pace.async_wait(asio::use_awaitable);
            asio::co_spawn(io_, follow(i), asio::detached);
        }
        // Every viewer has joined or failed (the presenter's room_status says how many follow)
        while (joined_ + join_failures_ < options_.connections) {
            pace.expires_after(std::chrono::milliseconds(10));
            co_await pace.async_wait(asio::use_awaitable);
        }
        ramp_seconds_ = std::chrono::duration<double>(clock_type::now() - ramp_start).count();
        for (presented_room& room : rooms_) asio::co_spawn(io_, drain_presenter(*room.presenter), asio::detached);

        // Step at the rate asked for; the step index cycles through the run, the last one unique
        const auto interval = std::chrono::nanoseconds(static_cast<long long>(1e9 / options_.step_rate));
        const auto steps = static_cast<std::uint64_t>(duration * options_.step_rate);
        // Known before it is sent: a viewer may read the last step before this coroutine resumes
        // from writing it (on a loaded machine, it did, and the run waited for its deadline)
        last_step_ = events_ - 1;
        const auto stepping_start = clock_type::now();
        for (std::uint64_t k = 1; k <= steps; ++k) {
            pace.expires_at(stepping_start + k * interval);
            co_await pace.async_wait(asio::use_awaitable);
            const std::uint64_t step = k == steps ? events_ - 1 : k % (events_ - 1);
            // Every presenter steps at this tick, one after the other
            for (presented_room& room : rooms_) {
                const std::string message = json::serialize(json::object{{"type", "room_position"}, {"room", room.code},
                                                                         {"secret", room.secret}, {"step", step},
                                                                         {"playing", true}, {"speed", 1}, {"mode", "explore"}});
                room.sent_at[step] = clock_type::now();
                co_await room.presenter->async_write(asio::buffer(message), asio::use_awaitable);
            }
            ++steps_sent_;
        }
        stepping_done_ = true;

        // Until every joined viewer has seen the last step (or the deadline)
        while (saw_last_ < joined_ - dropped_) {
            pace.expires_after(std::chrono::milliseconds(10));
            co_await pace.async_wait(asio::use_awaitable);
        }
    }

    // The presenter's incoming messages (room_status) are read and dropped, so that it never stalls
    asio::awaitable<void> drain_presenter(socket_type& presenter)
    {
        beast::flat_buffer buffer;
        for (;;) {
            buffer.clear();
            auto [ec, size] = co_await presenter.async_read(buffer, use_tuple);
            if (ec) co_return;
            if (text_of(buffer).find("\"type\":\"error\"") != std::string::npos) fail("presenter got: " + text_of(buffer));
        }
    }

    asio::awaitable<void> follow(std::size_t index)
    {
        follower& me = viewers_[index];
        me.room = index % rooms_.size();
        presented_room& room = rooms_[me.room];
        try {
            me.ws = co_await connect();
        } catch (const std::exception& e) {
            ++join_failures_;
            fail(e.what());
            co_return;
        }
        const std::string join = json::serialize(json::object{{"type", "room_join"}, {"room", room.code}});
        auto [write_ec, written] = co_await me.ws->async_write(asio::buffer(join), use_tuple);
        if (write_ec) {
            ++join_failures_;
            fail("join: " + write_ec.message());
            co_return;
        }
        beast::flat_buffer buffer;
        for (;;) {
            buffer.clear();
            auto [ec, size] = co_await me.ws->async_read(buffer, use_tuple);
            const auto arrival = clock_type::now();
            if (ec) {
                if (!me.joined) {
                    ++join_failures_;
                    fail("before joining: " + ec.message());
                } else if (!stepping_done_ || me.last_step != last_step_) {
                    ++dropped_;
                    fail("viewer connection ended: " + ec.message());
                }
                co_return;
            }
            const std::string_view text(static_cast<const char*>(buffer.data().data()), buffer.size());
            if (auto step = step_of(text)) {
                if (*step < room.sent_at.size() && room.sent_at[*step] != clock_type::time_point{}) {
                    const auto micros = static_cast<std::uint64_t>(
                        std::chrono::duration_cast<std::chrono::microseconds>(arrival - room.sent_at[*step]).count());
                    fanout_.record(micros);
                    if (room.fanout) room.fanout->record(micros);
                }
                ++receipts_;
                me.last_step = *step;
                if (*step == last_step_ && !me.saw_last) {
                    me.saw_last = true;
                    ++saw_last_;
                    if (room.sent_at[*step] != clock_type::time_point{})
                        room.last_step_reach = std::max(room.last_step_reach, arrival - room.sent_at[*step]);
                }
                continue;
            }
            if (text.find("\"type\":\"room_events\"") != std::string_view::npos && !me.joined) {
                me.joined = true;
                ++joined_;
                continue;
            }
            if (text.find("\"type\":\"error\"") != std::string_view::npos) {
                ++join_failures_;
                fail("join refused: " + std::string(text.substr(0, 200)));
                co_return;
            }
        }
    }

    int report(std::ostream& out, double duration)
    {
        const auto ms = [](std::uint64_t micros) { return static_cast<double>(micros) / 1000.0; };
        const std::uint64_t offered = steps_sent_ * (joined_ - dropped_);
        out << std::fixed << std::setprecision(2);
        if (rooms_.size() == 1) out << "room " << rooms_[0].code << ": ";
        else out << rooms_.size() << " rooms (" << (rooms_.empty() ? "" : rooms_[0].code) << ", …): ";
        out << events_ << " events; " << joined_ << " of " << options_.connections << " viewers joined in " << ramp_seconds_ << " s\n";
        out << (rooms_.size() == 1 ? "presenter: " : "each presenter: ") << steps_sent_ << " steps in " << duration << " s ("
            << options_.step_rate << " a second)\n";
        out << "positions received: " << receipts_ << " of " << offered << " sent to viewers that stayed ("
            << (offered > receipts_ ? offered - receipts_ : 0) << " conflated away)\n";
        out << "fan-out latency (presenter's send to viewer's receipt): p50 " << ms(fanout_.percentile(0.50)) << " ms, p90 "
            << ms(fanout_.percentile(0.90)) << " ms, p99 " << ms(fanout_.percentile(0.99)) << " ms, max " << ms(fanout_.max())
            << " ms over " << fanout_.count() << " receipts\n";
        out << "viewers that saw the last step: " << saw_last_ << " of " << joined_ << "\n";
        if (rooms_.size() > 1) {
            // Each room's viewers that joined and saw its last step: every room must have been followed
            std::vector<std::size_t> per_room(rooms_.size(), 0);
            for (const follower& one : viewers_)
                if (one.joined && one.last_step == last_step_) ++per_room[one.room];
            const auto [fewest, most] = std::minmax_element(per_room.begin(), per_room.end());
            out << "viewers per room that saw its last step: " << *fewest << " to " << *most << "\n";
            report_rooms(out);
        }
        if (timed_out_) fail("the load did not finish within its bound");
        const std::uint64_t missing_last = joined_ - dropped_ - std::min(saw_last_, joined_ - dropped_);
        if (missing_last > 0) fail(std::to_string(missing_last) + " viewers never saw the last step");
        bool passed = true;
        out << "errors: " << errors_ << " (at most " << options_.max_errors << ") "
            << (errors_ > options_.max_errors ? "CROSSED" : "ok") << "\n";
        if (errors_ > options_.max_errors) passed = false;
        for (const auto& [why, count] : error_kinds_) out << "  " << count << " × " << why << "\n";
        if (options_.max_p99_lateness_ms) {
            const bool crossed = ms(fanout_.percentile(0.99)) > *options_.max_p99_lateness_ms;
            out << "fan-out p99 " << ms(fanout_.percentile(0.99)) << " ms (at most " << *options_.max_p99_lateness_ms << " ms) "
                << (crossed ? "CROSSED" : "ok") << "\n";
            if (crossed) passed = false;
        }
        if (fanout_.count() == 0) {
            out << "no position reached a viewer\n";
            passed = false;
        }
        return passed ? 0 : 1;
    }

    // Each room's lag, so that one room left behind shows (the fan-out over all viewers hides it): the
    // best, median and worst room by their own p50 and p99, and by how long the last step took to
    // reach the last of the room's viewers.
    void report_rooms(std::ostream& out) const
    {
        const auto ms = [](double micros) { return micros / 1000.0; };
        struct room_lag {
            const presented_room* room;
            double p50, p99, reach;
        };
        // A room some of whose viewers never had its last step has no reach to tell: it is counted apart
        std::vector<std::size_t> joined(rooms_.size(), 0), reached(rooms_.size(), 0);
        for (const follower& one : viewers_) {
            if (!one.joined) continue;
            ++joined[one.room];
            if (one.saw_last) ++reached[one.room];
        }
        std::size_t unreached = 0;
        std::vector<room_lag> lags;
        for (const presented_room& room : rooms_) {
            const auto index = static_cast<std::size_t>(&room - rooms_.data());
            if (reached[index] < joined[index]) ++unreached;
            const double reach = static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(room.last_step_reach).count());
            if (room.fanout && room.fanout->count() > 0)
                lags.push_back({&room, static_cast<double>(room.fanout->percentile(0.50)),
                                static_cast<double>(room.fanout->percentile(0.99)), reach});
            else if (!room.fanout)
                lags.push_back({&room, -1, -1, reach});
        }
        if (lags.empty()) return;
        const auto spread = [&](const char* what, double room_lag::*field) {
            std::vector<room_lag> sorted = lags;
            std::sort(sorted.begin(), sorted.end(), [&](const room_lag& a, const room_lag& b) { return a.*field < b.*field; });
            const room_lag& worst = sorted.back();
            out << "per room, " << what << ": best " << ms(sorted.front().*field) << " ms, median "
                << ms(sorted[sorted.size() / 2].*field) << " ms, worst " << ms(worst.*field) << " ms (room " << worst.room->code
                << ")\n";
        };
        if (lags.front().p50 >= 0) {
            spread("fan-out p50", &room_lag::p50);
            spread("fan-out p99", &room_lag::p99);
        } else {
            out << "per room fan-out percentiles: not kept for more than " << per_room_histograms << " rooms\n";
        }
        if (unreached > 0) {
            out << "per room, last step: " << unreached << " of " << rooms_.size() << " rooms' last step never reached all their viewers\n";
            return;
        }
        spread("last step reached its last viewer after", &room_lag::reach);
    }

    const load_options& options_;
    asio::io_context io_{1};
    tcp::endpoint target_;
    std::vector<presented_room> rooms_;
    std::uint64_t events_ = 0;
    std::vector<follower> viewers_;
    std::size_t joined_ = 0, join_failures_ = 0, dropped_ = 0, saw_last_ = 0;
    std::uint64_t steps_sent_ = 0, receipts_ = 0, errors_ = 0;
    std::uint64_t last_step_ = UINT64_MAX;
    bool stepping_done_ = false;
    bool timed_out_ = false;
    double ramp_seconds_ = 0;
    latency_histogram fanout_;
    std::map<std::string, std::uint64_t> error_kinds_;
};

} // namespace

int run_room_load(const load_options& options, std::ostream& out)
{
    room_load load(options);
    return load.run(out);
}

} // namespace loopscope::load
