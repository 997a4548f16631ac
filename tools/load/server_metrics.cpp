#include "server_metrics.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace loopscope::load {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr std::string_view family = "loopscope_event_loop_lag_seconds";
// /metrics is a few kilobytes; a proxy's page past this is not it
constexpr std::uint64_t body_limit = 1024 * 1024;

std::optional<double> number(std::string_view text)
{
    if (text == "+Inf" || text == "Inf") return std::numeric_limits<double>::infinity();
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<std::uint64_t> counter(std::string_view text)
{
    const auto value = number(text);
    if (!value || !(*value >= 0) || !std::isfinite(*value)) return std::nullopt;
    return static_cast<std::uint64_t>(std::llround(*value));
}

// One sample line: its name, its labels (between the braces) and its value (a timestamp may follow).
struct sample_line {
    std::string_view name, labels, value;
};

std::optional<sample_line> split(std::string_view line)
{
    sample_line sample;
    const auto name_end = line.find_first_of("{ ");
    if (name_end == std::string_view::npos) return std::nullopt;
    sample.name = line.substr(0, name_end);
    line.remove_prefix(name_end);
    if (line.front() == '{') {
        const auto close = line.find('}');
        if (close == std::string_view::npos) return std::nullopt;
        sample.labels = line.substr(1, close - 1);
        line.remove_prefix(close + 1);
    }
    const auto start = line.find_first_not_of(' ');
    if (start == std::string_view::npos) return std::nullopt;
    line.remove_prefix(start);
    sample.value = line.substr(0, line.find(' '));
    return sample;
}

std::optional<double> le_label(std::string_view labels)
{
    constexpr std::string_view key = "le=\"";
    const auto at = labels.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    labels.remove_prefix(at + key.size());
    return number(labels.substr(0, labels.find('"')));
}

} // namespace

double lag_histogram::bound_at(double q) const
{
    if (count == 0 || cumulative.empty()) return 0;
    const auto rank = std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count))), 1, count);
    for (std::size_t i = 0; i < cumulative.size(); ++i)
        if (cumulative[i] >= rank) return bounds_seconds[i];
    return std::numeric_limits<double>::infinity();
}

std::optional<lag_histogram> parse_lag_histogram(std::string_view text)
{
    std::vector<std::pair<double, std::uint64_t>> buckets;
    std::optional<std::uint64_t> count;
    std::optional<double> sum;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#' || !line.starts_with(family)) continue;
        const auto sample = split(line);
        if (!sample) return std::nullopt;
        const std::string_view suffix = sample->name.substr(family.size());
        if (suffix == "_bucket") {
            const auto le = le_label(sample->labels);
            const auto value = counter(sample->value);
            if (!le || !value) return std::nullopt;
            buckets.emplace_back(*le, *value);
        } else if (suffix == "_count") {
            count = counter(sample->value);
            if (!count) return std::nullopt;
        } else if (suffix == "_sum") {
            sum = number(sample->value);
            if (!sum) return std::nullopt;
        }
    }
    if (buckets.empty() || !count) return std::nullopt;
    std::sort(buckets.begin(), buckets.end());
    // Prometheus requires the +Inf bucket, equal to _count; without it the count stands in for it
    if (!std::isinf(buckets.back().first)) buckets.emplace_back(std::numeric_limits<double>::infinity(), *count);
    lag_histogram histogram;
    histogram.count = *count;
    histogram.sum_seconds = sum.value_or(0);
    for (const auto& [bound, cumulative] : buckets) {
        // Cumulative counts never go down, and end at the total
        if (!histogram.cumulative.empty() && cumulative < histogram.cumulative.back()) return std::nullopt;
        histogram.bounds_seconds.push_back(bound);
        histogram.cumulative.push_back(cumulative);
    }
    if (histogram.cumulative.back() != histogram.count) return std::nullopt;
    return histogram;
}

std::optional<lag_histogram> lag_between(const lag_histogram& before, const lag_histogram& after)
{
    if (before.bounds_seconds != after.bounds_seconds || after.count < before.count) return std::nullopt;
    lag_histogram between = after;
    between.count -= before.count;
    between.sum_seconds = std::max(0.0, after.sum_seconds - before.sum_seconds);
    for (std::size_t i = 0; i < between.cumulative.size(); ++i) {
        if (after.cumulative[i] < before.cumulative[i]) return std::nullopt;
        between.cumulative[i] -= before.cumulative[i];
    }
    return between;
}

std::optional<std::string> fetch_metrics(const asio::ip::tcp::endpoint& target, const std::string& host,
                                         std::chrono::milliseconds timeout)
{
    // Its own io_context: the load's may be stopped, or still hold connections past its hard bound
    asio::io_context io;
    std::optional<std::string> body;
    auto get = [&]() -> asio::awaitable<void> {
        constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
        beast::tcp_stream stream(io);
        stream.expires_after(timeout); // one deadline for the connect, the request and the response
        if (auto [ec] = co_await stream.async_connect(target, use_tuple); ec) co_return;
        http::request<http::empty_body> request{http::verb::get, "/metrics", 11};
        request.set(http::field::host, host);
        request.set(http::field::user_agent, "loopscope-load");
        request.keep_alive(false);
        if (auto [ec, written] = co_await http::async_write(stream, request, use_tuple); ec) co_return;
        beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(body_limit);
        if (auto [ec, read] = co_await http::async_read(stream, buffer, parser, use_tuple); ec) co_return;
        if (parser.get().result() == http::status::ok) body = std::move(parser.get().body());
        beast::error_code ignored;
        stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    };
    // Any failure, an exception included, only means there is nothing to report
    asio::co_spawn(io, get(), [](std::exception_ptr) {});
    io.run_for(timeout + std::chrono::milliseconds(100));
    return body;
}

} // namespace loopscope::load
