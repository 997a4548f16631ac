#include "loopback_client.hpp"
#include "run_transcript.hpp"
#include "server_process.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <functional>
#include <future>
#include <iostream>

namespace {

using namespace loopscope::testing;
using namespace std::chrono_literals;

TEST(ServerProcess, ServesThePageAndHealthzOnTheBundledWebRoot)
{
    server_process server{LOOPSCOPE_BINARY, {"--port", "0"}};
    auto port = server.wait_for_port();
    auto page = get(port, "/");
    EXPECT_EQ(status_of(page), 200);
    EXPECT_NE(body_of(page).find("<script type=\"module\" src=\"app.js\">"), std::string::npos);
    EXPECT_EQ(status_of(get(port, "/app.js")), 200);
    EXPECT_EQ(boost::json::parse(body_of(get(port, "/healthz"))).at("status").as_string(), "ok");
}

TEST(ServerProcess, SigtermClosesEveryWebsocketWith1001AndExitsZero)
{
    server_process server{LOOPSCOPE_BINARY, {"--port", "0"}};
    auto port = server.wait_for_port();
    std::vector<std::unique_ptr<ws_client>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<ws_client>(port));
        EXPECT_NE(clients.back()->read().find("\"hello\""), std::string::npos);
    }
    // An idle keep-alive HTTP connection must not hold the shutdown up either
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket idle{io};
    idle.connect(loopback(port));

    server.signal(SIGTERM);
    for (auto& client : clients) EXPECT_EQ(client->read_until_closed(), 1001);
    EXPECT_EQ(server.wait_exit(5s), 0) << server.output();
    EXPECT_EQ(server.output().find("[error]"), std::string::npos) << server.output();
}

TEST(ServerProcess, SigtermDuringLiveRunsCancelsThemThenCloses)
{
    server_process server{LOOPSCOPE_BINARY, {"--port", "0"}};
    auto port = server.wait_for_port();
    std::vector<std::unique_ptr<ws_client>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<ws_client>(port));
        clients.back()->read();
        clients.back()->write_text(R"({"type":"run","run":"r","scenario":"sequential_awaited"})");
        wait_until_running(*clients.back(), "r");
    }
    const auto start = std::chrono::steady_clock::now();
    server.signal(SIGTERM);
    for (auto& client : clients) {
        bool cancelled = false;
        while (auto text = client->read_unless_ended()) {
            if (text->find("\"run_finished\"") != std::string::npos)
                cancelled = text->find("\"status\":\"cancelled\"") != std::string::npos;
        }
        EXPECT_TRUE(cancelled) << "each live run finishes as cancelled before the close";
        EXPECT_EQ(client->stream().reason().code, 1001);
    }
    EXPECT_EQ(server.wait_exit(5s), 0) << server.output();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

// Reads `client`'s messages on a thread of its own until `enough` says so or the connection ends, and
// waits for that at most `patience`: then it kills the server, which ends the read, rather than wait
// for a slice that holds the server's thread (a blocking read has no timeout of its own).
std::vector<std::string> read_within(ws_client& client, server_process& server, const std::string& what,
                                     std::chrono::milliseconds patience, const std::function<bool(const std::string&)>& enough)
{
    auto reading = std::async(std::launch::async, [&] {
        std::vector<std::string> messages;
        for (;;) {
            boost::beast::flat_buffer buffer;
            boost::beast::error_code ec;
            client.stream().read(buffer, ec);
            if (ec) return messages;
            messages.push_back(boost::beast::buffers_to_string(buffer.data()));
            if (enough(messages.back())) return messages;
        }
    });
    if (reading.wait_for(patience) == std::future_status::timeout) {
        ADD_FAILURE() << what << " did not come within " << patience.count() << " ms; killing the server";
        server.signal(SIGKILL);
    }
    return reading.get();
}

// SIGTERM while the only thread is busy with a run's computation: the signal is handled between two of
// the run's slices, so it is seen at once only if no slice holds the thread long. The program compares
// two lists that share their structure, 18 levels deep: each `==` walks half a million items, one
// instruction that cannot be interrupted (well within what one operation may do), over and over; the
// step bound lets that go on for seconds. The run must finish `cancelled`, and the process exit 0,
// within 3 s.
TEST(ServerProcess, SigtermDuringALongComputationCancelsTheRunAndExitsAtOnce)
{
    server_process server{LOOPSCOPE_BINARY, {"--port", "0"}};
    auto port = server.wait_for_port();
    ws_client client{port};
    client.read();
    client.write_text(R"({"type":"run","run":"spin","source":"a = [0]\nb = [0]\nfor i in range(18):\n    a = [a, a]\n)"
                      R"(    b = [b, b]\nprint('comparing')\nwhile True:\n    a == b\n"})");
    // The run is computing once its print has arrived (it leaves with the events of the first slice)
    auto started = read_within(client, server, "the run's first print", 5s, [](const std::string& message) {
        return message.find("comparing") != std::string::npos || message.find("run_finished") != std::string::npos;
    });
    ASSERT_FALSE(started.empty());
    ASSERT_EQ(started.back().find("run_finished"), std::string::npos) << "the run ended before the signal: " << started.back();

    const auto start = std::chrono::steady_clock::now();
    server.signal(SIGTERM);
    auto rest = read_within(client, server, "the run's end and the close after SIGTERM", 3s,
                            [](const std::string&) { return false; });
    std::string finished;
    for (const auto& message : rest)
        if (message.find("\"run_finished\"") != std::string::npos) finished = message;
    EXPECT_NE(finished.find("\"status\":\"cancelled\""), std::string::npos) << finished;
    EXPECT_EQ(client.stream().reason().code, 1001);
    EXPECT_EQ(server.wait_exit(5s), 0) << server.output();
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, 3s) << "the process exited "
                        << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms after SIGTERM";
}

TEST(ServerProcess, OutOfDescriptorsAcceptBacksOffAndRecovers)
{
#if defined(__SANITIZE_ADDRESS__)
    // The sanitizers need descriptors of their own: UBSan's vptr check probes memory through a pipe and,
    // unable to open one, calls valid objects invalid and aborts. The ci preset runs this test.
    GTEST_SKIP() << "not under the sanitizers, which cannot work without file descriptors";
#endif
    // A descriptor limit of 48 leaves room for a few dozen connections only
    server_process server{"/bin/sh", {"-c", std::string("ulimit -n 48 && exec ") + LOOPSCOPE_BINARY + " --port 0"}};
    auto port = server.wait_for_port();
    boost::asio::io_context io;
    std::vector<boost::asio::ip::tcp::socket> crowd;
    for (int i = 0; i < 80; ++i) {
        crowd.emplace_back(io);
        crowd.back().connect(loopback(port));
    }
    EXPECT_TRUE(server.wait_for("pausing accepts")) << server.output();

    // Waiting, not spinning: the server uses little CPU while it cannot accept
    const double before = server.cpu_seconds();
    std::this_thread::sleep_for(1s);
    EXPECT_LT(server.cpu_seconds() - before, 0.5);

    // Once the crowd leaves, new connections are served again
    crowd.clear();
    std::string response;
    for (int attempt = 0; attempt < 50 && status_of(response) != 200; ++attempt) {
        std::this_thread::sleep_for(100ms);
        response = get(port, "/healthz");
    }
    EXPECT_EQ(status_of(response), 200) << server.output();
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait_exit(5s), 0) << server.output();
}

TEST(ServerProcess, AStalledReaderCannotGrowTheServersMemory)
{
    std::vector<std::string> environment;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in a quarantine (256 MiB by default), so the peak would count
    // every event already written and freed; a small quarantine keeps the peak about what is live
    if (const char* options = std::getenv("ASAN_OPTIONS"))
        environment.push_back(std::string("ASAN_OPTIONS=") + options + ":quarantine_size_mb=4");
    else
        environment.push_back("ASAN_OPTIONS=quarantine_size_mb=4");
#endif
    server_process server{LOOPSCOPE_BINARY, {"--port", "0"}, environment};
    auto port = server.wait_for_port();
    ws_client neighbour{port};
    neighbour.read();
    const auto baseline = server.memory_kib();

    // A program whose events would be about a gigabyte, for a client that never reads them
    ws_client stalled{port};
    stalled.read();
    stalled.write_text(R"({"type":"run","run":"flood","source":"import asyncio\n\nasync def main():\n)"
                       R"(    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n"})");
    std::string metrics;
    for (int i = 0; i < 100 && metrics.find("loopscope_slow_consumer_disconnects_total 1") == std::string::npos; ++i) {
        std::this_thread::sleep_for(100ms);
        metrics = body_of(get(port, "/metrics"));
    }
    ASSERT_NE(metrics.find("loopscope_slow_consumer_disconnects_total 1"), std::string::npos) << metrics;
    // Its queue was capped (8 MiB by default): the peak stays far below what the program produced
    const auto peak = server.memory_kib("VmHWM");
    EXPECT_LT(peak - baseline, 64u * 1024) << "RSS went from " << baseline << " KiB to a peak of " << peak << " KiB";
    std::cout << "server RSS " << baseline << " KiB before, peak " << peak << " KiB\n";

    // The neighbour never noticed
    neighbour.write_text(R"({"type":"run","run":"g","scenario":"gather","clock":"virtual"})");
    std::string last;
    while (last.find("run_finished") == std::string::npos) last = neighbour.read();
    EXPECT_NE(last.find("\"status\":\"ok\""), std::string::npos) << last;
    EXPECT_EQ(stalled.read_until_closed(), 1008);
}

TEST(ServerProcess, SigintStopsAnIdleServer)
{
    server_process server{LOOPSCOPE_BINARY, {"--port", "0"}};
    server.wait_for_port();
    server.signal(SIGINT);
    EXPECT_EQ(server.wait_exit(5s), 0) << server.output();
}

TEST(ServerProcess, SettingsComeFromTheEnvironmentAndFlagsWin)
{
    server_process from_environment{LOOPSCOPE_BINARY, {}, {"LOOPSCOPE_PORT=0", "LOOPSCOPE_LOG_LEVEL=debug"}};
    auto port = from_environment.wait_for_port();
    get(port, "/");
    EXPECT_TRUE(from_environment.wait_for(R"(\[debug\] conn 1: accepted)")) << from_environment.output();

    server_process flag_wins{LOOPSCOPE_BINARY, {"--port", "0"}, {"LOOPSCOPE_PORT=1", "LOOPSCOPE_ADDRESS=127.0.0.2"}};
    EXPECT_NO_THROW(flag_wins.wait_for_port());
    EXPECT_NE(flag_wins.output().find("http://127.0.0.2:"), std::string::npos) << flag_wins.output();
}

TEST(ServerProcess, HelpAndBadFlags)
{
    server_process help{LOOPSCOPE_BINARY, {"--help"}};
    EXPECT_EQ(help.wait_exit(5s), 0);
    for (const char* option : {"--address", "--port", "--web-root", "--log-level", "LOOPSCOPE_PORT"})
        EXPECT_NE(help.output().find(option), std::string::npos) << option;

    server_process bad{LOOPSCOPE_BINARY, {"--port", "eighty"}};
    EXPECT_EQ(bad.wait_exit(5s), 2);
    EXPECT_NE(bad.output().find("port"), std::string::npos) << bad.output();

    server_process missing_root{LOOPSCOPE_BINARY, {"--port", "0", "--web-root", "/nonexistent/loopscope"}};
    EXPECT_EQ(missing_root.wait_exit(5s), 1);
    EXPECT_NE(missing_root.output().find("/nonexistent/loopscope"), std::string::npos) << missing_root.output();
}

} // namespace
