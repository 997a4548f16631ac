#include "loopback_client.hpp"
#include "temp_web_root.hpp"
#include "test_server.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace {

using namespace loopscope::testing;

class HttpServer : public testing::Test {
protected:
    static loopscope::net::server_config config_for(const temp_web_root& root)
    {
        loopscope::net::server_config config;
        config.web_root = root.web();
        config.http_idle_timeout = std::chrono::milliseconds{300};
        return config;
    }

    temp_web_root root_;
    test_server server_{config_for(root_)};
};

TEST_F(HttpServer, ServesFilesWithTheirContentType)
{
    auto page = get(server_.port(), "/");
    EXPECT_EQ(status_of(page), 200);
    EXPECT_EQ(header_of(page, "Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(body_of(page), "<!doctype html><title>index</title>");

    auto script = get(server_.port(), "/app.js");
    EXPECT_EQ(status_of(script), 200);
    EXPECT_EQ(header_of(script, "Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(header_of(script, "Content-Length"), "26");

    EXPECT_EQ(header_of(get(server_.port(), "/style.css"), "Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(header_of(get(server_.port(), "/data.json"), "Content-Type"), "application/json");
    EXPECT_EQ(body_of(get(server_.port(), "/docs/")), "<p>docs</p>");
}

TEST_F(HttpServer, HeadSendsTheHeadersWithoutTheBody)
{
    auto head = get(server_.port(), "/app.js", "HEAD");
    EXPECT_EQ(status_of(head), 200);
    EXPECT_EQ(header_of(head, "Content-Length"), "26");
    EXPECT_EQ(header_of(head, "Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(body_of(head), "");
}

TEST_F(HttpServer, MissingFilesAre404)
{
    EXPECT_EQ(status_of(get(server_.port(), "/nope.js")), 404);
    EXPECT_EQ(status_of(get(server_.port(), "/docs/nope/")), 404);
}

TEST_F(HttpServer, TraversalNeverServesAFileOutsideTheRoot)
{
    for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2fsecret.txt", "/docs/../../secret.txt",
                               "/..%5Csecret.txt", "/escape/secret.txt", "/secret-link.txt", "//../secret.txt",
                               "/etc/passwd", "http://127.0.0.1/../secret.txt"}) {
        auto response = get(server_.port(), target);
        EXPECT_TRUE(status_of(response) == 400 || status_of(response) == 404) << target << "\n" << response;
        EXPECT_EQ(response.find("TOP-SECRET"), std::string::npos) << target;
    }
}

TEST_F(HttpServer, HealthzAnswersWithJson)
{
    auto response = get(server_.port(), "/healthz");
    ASSERT_EQ(status_of(response), 200);
    EXPECT_EQ(header_of(response, "Content-Type"), "application/json");
    auto body = boost::json::parse(body_of(response)).as_object();
    EXPECT_EQ(body.at("status").as_string(), "ok");
    EXPECT_TRUE(body.at("server").as_string().starts_with("loopscope/"));
}

TEST_F(HttpServer, OnlyGetAndHeadAreServed)
{
    auto response = send_raw(server_.port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
    EXPECT_EQ(status_of(response), 405);
    EXPECT_EQ(header_of(response, "Allow"), "GET, HEAD");
}

TEST_F(HttpServer, PlainRequestToTheWebsocketPathAsksForAnUpgrade)
{
    EXPECT_EQ(status_of(get(server_.port(), "/ws")), 426);
}

TEST_F(HttpServer, KeepAliveServesSeveralRequestsOnOneConnection)
{
    auto responses = send_raw(server_.port(),
                              "GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n"
                              "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
                              "GET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(responses.find("HTTP/1.1 200 OK"), 0u);
    EXPECT_NE(responses.find("HTTP/1.1 404 Not Found"), std::string::npos);
    EXPECT_NE(responses.find("body { color: black; }"), std::string::npos);
}

TEST_F(HttpServer, IdleKeepAliveConnectionsAreClosed)
{
    // The server closes first (its idle timeout is 300 ms); `exchange` returns when it does
    auto start = std::chrono::steady_clock::now();
    auto response = send_raw(server_.port(), "GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(status_of(response), 200);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{10});
}

TEST_F(HttpServer, OversizedHeadersAndBodiesAreRefused)
{
    std::string huge_header = "GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(64 * 1024, 'a') + "\r\n\r\n";
    EXPECT_EQ(status_of(send_raw(server_.port(), huge_header)), 431);

    auto big_body = send_raw(server_.port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
    EXPECT_EQ(status_of(big_body), 413);
}

TEST_F(HttpServer, GarbageIsABadRequestAndTheServerCarriesOn)
{
    EXPECT_EQ(status_of(send_raw(server_.port(), "\x16\x03\x01 not http at all\r\n\r\n")), 400);
    EXPECT_EQ(status_of(send_raw(server_.port(), "GET / HTTP/9.9 extra\r\n\r\n")), 400);
    EXPECT_EQ(status_of(get(server_.port(), "/")), 200);
}

} // namespace
