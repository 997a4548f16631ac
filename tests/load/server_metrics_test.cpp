// The load tool's reading of the server's lag histogram, and its lateness windows, without a server.
#include "lateness_windows.hpp"
#include "server_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace loopscope::load {
namespace {

using namespace std::chrono_literals;

// As the server renders it (server/net/src/metrics.cpp), amid other families
std::string exposition(std::uint64_t b1, std::uint64_t b5, std::uint64_t b25, std::uint64_t count, double sum)
{
    return "# HELP loopscope_websockets Open websocket connections.\n"
           "# TYPE loopscope_websockets gauge\n"
           "loopscope_websockets 3\n"
           "# HELP loopscope_event_loop_lag_seconds How late the io_context runs a timer.\n"
           "# TYPE loopscope_event_loop_lag_seconds histogram\n"
           "loopscope_event_loop_lag_seconds_bucket{le=\"0.001\"} " + std::to_string(b1) + "\n"
           "loopscope_event_loop_lag_seconds_bucket{le=\"0.005\"} " + std::to_string(b5) + "\n"
           "loopscope_event_loop_lag_seconds_bucket{le=\"0.025\"} " + std::to_string(b25) + "\n"
           "loopscope_event_loop_lag_seconds_bucket{le=\"+Inf\"} " + std::to_string(count) + "\n"
           "loopscope_event_loop_lag_seconds_sum " + std::to_string(sum) + "\n"
           "loopscope_event_loop_lag_seconds_count " + std::to_string(count) + "\n";
}

TEST(server_lag, parses_the_servers_histogram)
{
    const auto lag = parse_lag_histogram(exposition(90, 99, 100, 100, 0.05));
    ASSERT_TRUE(lag);
    EXPECT_EQ(lag->count, 100u);
    EXPECT_DOUBLE_EQ(lag->sum_seconds, 0.05);
    ASSERT_EQ(lag->bounds_seconds.size(), 4u);
    EXPECT_TRUE(std::isinf(lag->bounds_seconds.back()));
    // The bucket each percentile lands in: 90 at or under 1 ms, the 99th under 5 ms, the last under 25 ms
    EXPECT_DOUBLE_EQ(lag->bound_at(0.5), 0.001);
    EXPECT_DOUBLE_EQ(lag->bound_at(0.9), 0.001);
    EXPECT_DOUBLE_EQ(lag->bound_at(0.99), 0.005);
    EXPECT_DOUBLE_EQ(lag->bound_at(1.0), 0.025);
}

TEST(server_lag, a_sample_past_the_last_bound_is_infinite)
{
    const auto lag = parse_lag_histogram(exposition(5, 5, 5, 6, 3.0));
    ASSERT_TRUE(lag);
    EXPECT_TRUE(std::isinf(lag->bound_at(1.0)));
    EXPECT_DOUBLE_EQ(lag->bound_at(0.5), 0.001);
}

TEST(server_lag, the_difference_is_the_loads_period)
{
    const auto before = parse_lag_histogram(exposition(50, 50, 50, 50, 0.01));
    const auto after = parse_lag_histogram(exposition(60, 68, 70, 70, 0.09));
    ASSERT_TRUE(before && after);
    const auto during = lag_between(*before, *after);
    ASSERT_TRUE(during);
    EXPECT_EQ(during->count, 20u);
    EXPECT_NEAR(during->sum_seconds, 0.08, 1e-12);
    EXPECT_EQ(during->cumulative, (std::vector<std::uint64_t>{10, 18, 20, 20}));
    // Half of the load's 20 samples were over 1 ms, though most of the server's life was under it
    EXPECT_DOUBLE_EQ(during->bound_at(0.5), 0.001);
    EXPECT_DOUBLE_EQ(during->bound_at(0.99), 0.025);
    EXPECT_DOUBLE_EQ(after->bound_at(0.99), 0.025);
    EXPECT_DOUBLE_EQ(after->bound_at(0.8), 0.001);
    EXPECT_DOUBLE_EQ(during->bound_at(0.8), 0.005);
}

TEST(server_lag, a_restarted_server_gives_no_difference)
{
    const auto before = parse_lag_histogram(exposition(50, 50, 50, 50, 0.01));
    const auto after = parse_lag_histogram(exposition(5, 5, 5, 5, 0.001));
    ASSERT_TRUE(before && after);
    EXPECT_FALSE(lag_between(*before, *after));
}

TEST(server_lag, what_is_not_the_histogram_is_refused)
{
    EXPECT_FALSE(parse_lag_histogram("<html><body>404 Not Found</body></html>\n"));
    EXPECT_FALSE(parse_lag_histogram("loopscope_websockets 3\n"));
    // Cumulative counts that go down, or a +Inf bucket that is not the count
    EXPECT_FALSE(parse_lag_histogram(exposition(9, 5, 10, 10, 0)));
    EXPECT_FALSE(parse_lag_histogram(
        "loopscope_event_loop_lag_seconds_bucket{le=\"+Inf\"} 4\nloopscope_event_loop_lag_seconds_count 5\n"));
    EXPECT_FALSE(parse_lag_histogram("loopscope_event_loop_lag_seconds_bucket{le=\"x\"} 4\n"
                                     "loopscope_event_loop_lag_seconds_count 4\n"));
}

TEST(server_lag, reads_the_servers_number_format)
{
    // std::to_chars writes 0.0005 as 5e-04; CRLF line ends from a proxy
    const auto lag = parse_lag_histogram("loopscope_event_loop_lag_seconds_bucket{le=\"5e-04\"} 2\r\n"
                                         "loopscope_event_loop_lag_seconds_bucket{le=\"+Inf\"} 3\r\n"
                                         "loopscope_event_loop_lag_seconds_count 3\r\n");
    ASSERT_TRUE(lag);
    EXPECT_DOUBLE_EQ(lag->bound_at(0.5), 0.0005);
    EXPECT_TRUE(std::isinf(lag->bound_at(1.0)));
}

TEST(lateness_windows, events_count_in_their_window_and_past_the_last_fold_into_it)
{
    const auto origin = std::chrono::steady_clock::now();
    lateness_windows windows;
    EXPECT_EQ(windows.at(origin), nullptr); // not started: nothing is recorded
    windows.start(origin, 1s, 2.5s);        // 2.5 s of load: windows 0-3 (one spare)
    windows.at(origin + 100ms)->record(10);
    windows.at(origin + 1500ms)->record(20);
    windows.at(origin + 1999ms)->record(30);
    windows.at(origin + 3200ms)->record(40);
    windows.at(origin + 60s)->record(50); // past the bound: into the last window
    EXPECT_EQ(windows.covered(origin + 1200ms), 2u);
    EXPECT_EQ(windows.covered(origin + 600s), 4u);
    EXPECT_EQ(windows.window(0).count(), 1u);
    EXPECT_EQ(windows.window(1).count(), 2u);
    EXPECT_EQ(windows.window(2).count(), 0u);
    EXPECT_EQ(windows.window(3).count(), 2u);
    EXPECT_EQ(windows.window(3).max(), 50u);
    EXPECT_DOUBLE_EQ(windows.start_seconds(3), 3.0);
}

TEST(lateness_windows, at_most_a_thousand_windows)
{
    const auto origin = std::chrono::steady_clock::now();
    lateness_windows windows;
    windows.start(origin, 1ms, 3600s);
    EXPECT_EQ(windows.covered(origin + 3600s), lateness_windows::max_windows);
    windows.at(origin + 1800s)->record(7);
    EXPECT_EQ(windows.window(lateness_windows::max_windows - 1).count(), 1u);
}

TEST(lateness_windows, the_median_and_the_worst_window)
{
    const auto origin = std::chrono::steady_clock::now();
    lateness_windows windows;
    windows.start(origin, 10s, 60s);
    // p99s of 1, 3, 100 and 5 ms; an empty window in between does not count
    const std::uint64_t p99s[] = {1'000, 3'000, 0, 100'000, 5'000};
    for (std::size_t i = 0; i < 5; ++i)
        if (p99s[i] > 0) windows.at(origin + std::chrono::seconds(10 * i + 1))->record(p99s[i]);
    auto summary = windows.summarize(windows.covered(origin + 50s));
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->windows, 4u);
    EXPECT_NEAR(summary->median_us, 4'000, 100); // (3 + 5) / 2, within the histogram's bucket width
    EXPECT_NEAR(static_cast<double>(summary->worst_us), 100'000, 1'600);
    EXPECT_DOUBLE_EQ(summary->worst_start_seconds, 30.0);
    // Only the windows the load covered
    summary = windows.summarize(2);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->windows, 2u);
    EXPECT_NEAR(summary->median_us, 2'000, 50);
    EXPECT_FALSE(lateness_windows{}.summarize(5));
}

} // namespace
} // namespace loopscope::load
