#include "loopback_client.hpp"
#include "temp_web_root.hpp"
#include "test_server.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace {

using namespace loopscope::testing;
namespace json = boost::json;

class WebsocketServer : public testing::Test {
protected:
    static loopscope::net::server_config config_for(const temp_web_root& root)
    {
        loopscope::net::server_config config;
        config.web_root = root.web();
        config.max_message_bytes = 4096;
        return config;
    }

    temp_web_root root_;
    test_server server_{config_for(root_)};
};

json::object read_object(ws_client& client)
{
    return json::parse(client.read()).as_object();
}

TEST_F(WebsocketServer, GreetsWithHello)
{
    ws_client client{server_.port()};
    auto hello = read_object(client);
    EXPECT_EQ(hello.at("type").as_string(), "hello");
    EXPECT_EQ(hello.at("protocol").as_int64(), 1);
    EXPECT_TRUE(hello.at("server").as_string().starts_with("loopscope/"));
}

TEST_F(WebsocketServer, RefusesAnUpgradeOnAnotherPath)
{
    EXPECT_THROW(ws_client(server_.port(), "/socket"), boost::system::system_error);
    EXPECT_THROW(ws_client(server_.port(), "/"), boost::system::system_error);
    auto refused = send_raw(server_.port(),
                            "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    EXPECT_EQ(status_of(refused), 404);
}

TEST_F(WebsocketServer, BadMessagesGetAnErrorAndTheConnectionStaysOpen)
{
    ws_client client{server_.port()};
    read_object(client);

    client.write_text("{not json");
    EXPECT_EQ(read_object(client).at("code").as_string(), "invalid_json");
    client.write_text("[1, 2]");
    EXPECT_EQ(read_object(client).at("code").as_string(), "not_an_object");
    client.write_text("{\"run\": 1}");
    EXPECT_EQ(read_object(client).at("code").as_string(), "missing_field");
    client.write_text("{\"type\": 7}");
    EXPECT_EQ(read_object(client).at("code").as_string(), "wrong_field_type");
    client.write_text("{\"type\": \"dance\"}");
    auto unknown = read_object(client);
    EXPECT_EQ(unknown.at("type").as_string(), "error");
    EXPECT_EQ(unknown.at("code").as_string(), "unknown_type");
    EXPECT_NE(unknown.at("message").as_string().find("dance"), json::string::npos);
    client.write_binary("\x01\x02");
    EXPECT_EQ(read_object(client).at("code").as_string(), "binary_frame");
}

TEST_F(WebsocketServer, AnOversizedMessageClosesWith1009AndOthersCarryOn)
{
    ws_client neighbour{server_.port()};
    read_object(neighbour);
    ws_client abuser{server_.port()};
    read_object(abuser);

    beast::error_code ec;
    abuser.stream().text(true);
    abuser.stream().write(asio::buffer(std::string(8192, 'x')), ec);
    EXPECT_EQ(abuser.read_until_closed(), 1009);

    neighbour.write_text("{\"type\": \"dance\"}");
    EXPECT_EQ(read_object(neighbour).at("code").as_string(), "unknown_type");
}

TEST_F(WebsocketServer, InvalidUtf8ClosesWith1007)
{
    ws_client client{server_.port()};
    read_object(client);
    beast::error_code ec;
    client.stream().text(true);
    client.stream().write(asio::buffer(std::string("{\"type\": \"\xff\xfe\"}")), ec);
    EXPECT_EQ(client.read_until_closed(), 1007);
}

TEST_F(WebsocketServer, ShutdownClosesEveryClientWith1001)
{
    ws_client first{server_.port()};
    ws_client second{server_.port()};
    read_object(first);
    read_object(second);

    server_.shutdown();
    EXPECT_EQ(first.read_until_closed(), 1001);
    EXPECT_EQ(second.read_until_closed(), 1001);
    server_.join();
}

} // namespace
