// /metrics, /echo and the connection bound.
#include "loopback_client.hpp"
#include "temp_web_root.hpp"
#include "test_server.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace {

using namespace loopscope::testing;

loopscope::net::server_config config_for(const temp_web_root& root, std::size_t max_connections = 0)
{
    loopscope::net::server_config config;
    config.web_root = root.web();
    config.max_connections = max_connections;
    config.max_message_bytes = 4096;
    config.lag_probe_interval = std::chrono::milliseconds{10};
    return config;
}

// Runs `promtool check metrics` on the text; its verdict and what it said.
std::pair<int, std::string> promtool_check(const std::string& text)
{
    const std::string file = "/tmp/loopscope-metrics-" + std::to_string(getpid()) + ".txt";
    std::ofstream{file} << text;
    std::string command = std::string(LOOPSCOPE_PROMTOOL) + " check metrics < " + file + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    std::string said;
    char chunk[512];
    while (auto got = fread(chunk, 1, sizeof chunk, pipe)) said.append(chunk, got);
    int status = pclose(pipe);
    std::remove(file.c_str());
    return {WEXITSTATUS(status), said};
}

TEST(Metrics, CountsWhatHappenedAndPassesPromtool)
{
    temp_web_root root;
    test_server server{config_for(root)};
    {
        ws_client client{server.port()};
        client.read();
        client.write_text("{\"type\": \"dance\"}");
        client.read();
        client.write_text("nonsense");
        client.read();
        // The lag probe runs every 10 ms: wait for its first sample
        std::string text = body_of(get(server.port(), "/metrics"));
        for (int i = 0; i < 1000 && text.find("loopscope_event_loop_lag_seconds_count 0\n") != std::string::npos; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds{10});
            text = body_of(get(server.port(), "/metrics"));
        }
        EXPECT_NE(text.find("loopscope_websockets 1\n"), std::string::npos) << text;
        EXPECT_NE(text.find("loopscope_protocol_errors_total{code=\"unknown_type\"} 1\n"), std::string::npos) << text;
        EXPECT_NE(text.find("loopscope_protocol_errors_total{code=\"invalid_json\"} 1\n"), std::string::npos) << text;
        EXPECT_NE(text.find("loopscope_event_loop_lag_seconds_bucket{le=\"+Inf\"}"), std::string::npos) << text;
        EXPECT_EQ(text.find("loopscope_event_loop_lag_seconds_count 0\n"), std::string::npos) << "the lag probe ran";
        auto [status, said] = promtool_check(text);
        EXPECT_EQ(status, 0) << said << "\n" << text;
    }
    auto response = get(server.port(), "/metrics");
    EXPECT_EQ(header_of(response, "Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
}

TEST(Metrics, PromtoolRejectsBrokenText)
{
    // The check itself can fail: a sample whose family was declared as another type
    auto [status, said] = promtool_check("# TYPE x counter\nx{le=\"1\" 3\n");
    EXPECT_NE(status, 0) << said;
}

TEST(Echo, SendsEveryFrameBackAsItCame)
{
    temp_web_root root;
    test_server server{config_for(root)};
    ws_client client{server.port(), "/echo"};
    client.write_text("hello, echo");
    EXPECT_EQ(client.read(), "hello, echo");
    EXPECT_TRUE(client.stream().got_text());
    client.write_binary(std::string("\x00\x01\xff", 3));
    EXPECT_EQ(client.read(), std::string("\x00\x01\xff", 3));
    EXPECT_TRUE(client.stream().got_binary());

    // Same limits as /ws
    beast::error_code ec;
    client.stream().text(true);
    client.stream().write(asio::buffer(std::string(8192, 'x')), ec);
    EXPECT_EQ(client.read_until_closed(), 1009);
}

TEST(Echo, ShutdownClosesEchoClientsWith1001)
{
    temp_web_root root;
    test_server server{config_for(root)};
    ws_client idle{server.port(), "/echo"};
    ws_client busy{server.port(), "/echo"};
    busy.write_text(std::string(3000, 'e'));
    EXPECT_EQ(busy.read().size(), 3000u);
    server.shutdown();
    EXPECT_EQ(idle.read_until_closed(), 1001);
    EXPECT_EQ(busy.read_until_closed(), 1001);
    server.join();
}

TEST(ConnectionBound, UpgradesPastTheBoundGet503AndOthersCarryOn)
{
    temp_web_root root;
    test_server server{config_for(root, 2)};
    ws_client first{server.port()};
    first.read();
    ws_client second{server.port()};
    second.read();

    try {
        ws_client third{server.port()};
        FAIL() << "a third websocket was accepted past a bound of 2";
    } catch (const boost::system::system_error&) {
    }
    auto refused = send_raw(server.port(),
                            "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    EXPECT_EQ(status_of(refused), 503);
    EXPECT_EQ(header_of(refused, "Retry-After"), "5");
    EXPECT_NE(body_of(get(server.port(), "/metrics")).find("loopscope_connections_rejected_total 2\n"), std::string::npos);

    // The two admitted clients still work
    first.write_text("[]");
    EXPECT_NE(first.read().find("not_an_object"), std::string::npos);
}

} // namespace
