#include "loopback_client.hpp"
#include "punctual_neighbour.hpp"
#include "temp_web_root.hpp"
#include "test_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

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


// A client's close frame as raw bytes, masked as a client's must be.
std::vector<unsigned char> close_frame(const std::vector<unsigned char>& payload)
{
    const unsigned char key[4] = {0x37, 0xfa, 0x21, 0x3d};
    std::vector<unsigned char> frame{0x88, static_cast<unsigned char>(0x80 | payload.size()), key[0], key[1], key[2], key[3]};
    for (std::size_t i = 0; i < payload.size(); ++i) frame.push_back(payload[i] ^ key[i % 4]);
    return frame;
}

std::vector<unsigned char> close_payload(std::uint16_t code, const std::string& reason = {})
{
    std::vector<unsigned char> payload;
    payload.push_back(static_cast<unsigned char>(code >> 8));
    payload.push_back(static_cast<unsigned char>(code & 0xff));
    for (char c : reason) payload.push_back(static_cast<unsigned char>(c));
    return payload;
}

// Reads the server's frames as raw bytes, skipping the others, until its close frame; returns the code
// in it (1005 when it has none), or -1 when the connection ends without one.
int raw_close_code(asio::ip::tcp::socket& socket)
{
    for (;;) {
        beast::error_code ec;
        unsigned char header[2];
        asio::read(socket, asio::buffer(header), ec);
        if (ec) return -1;
        std::uint64_t length = header[1] & 0x7f;
        if (length >= 126) {
            unsigned char extended[8];
            const std::size_t size = length == 126 ? 2 : 8;
            asio::read(socket, asio::buffer(extended, size), ec);
            if (ec) return -1;
            length = 0;
            for (std::size_t i = 0; i < size; ++i) length = (length << 8) | extended[i];
        }
        std::vector<unsigned char> payload(length);
        asio::read(socket, asio::buffer(payload), ec);
        if (ec) return -1;
        if ((header[0] & 0x0f) != 0x8) continue;
        return payload.size() >= 2 ? payload[0] << 8 | payload[1] : 1005;
    }
}

// Opens /ws, reads hello, sends `bytes` in writes of `chunk` bytes (the TCP segments the server may see
// apart), and returns the code of the close frame the server answers with.
int close_answer(std::uint16_t port, const std::vector<unsigned char>& bytes, std::size_t chunk = 0)
{
    ws_client client{port};
    read_object(client);
    auto& socket = client.stream().next_layer();
    socket.set_option(asio::ip::tcp::no_delay(true));
    if (chunk == 0) chunk = bytes.size();
    for (std::size_t at = 0; at < bytes.size(); at += chunk)
        asio::write(socket, asio::buffer(bytes.data() + at, std::min(chunk, bytes.size() - at)));
    return raw_close_code(socket);
}

// RFC 6455 7.4.1: a close frame whose reason is not UTF-8 fails the connection with 1007, like any other
// text that is not UTF-8. These are the reported bytes: 88 84 <mask> 03 e8 ff fe.
TEST_F(WebsocketServer, ACloseFrameWhoseReasonIsNotUtf8IsAnsweredWith1007)
{
    punctual_neighbour neighbour{server_.port()};
    EXPECT_EQ(close_answer(server_.port(), close_frame(close_payload(1000, "\xff\xfe"))), 1007);
    EXPECT_EQ(close_answer(server_.port(), close_frame(close_payload(3000, "fine until \xc3("))), 1007);
    // Arriving a byte at a time, or behind a message in the same segment, changes nothing
    EXPECT_EQ(close_answer(server_.port(), close_frame(close_payload(1000, "\xff\xfe")), 1), 1007);
    auto behind_a_message = close_frame(close_payload(1000, "\xed\xa0\x80")); // a UTF-16 surrogate
    const unsigned char dance[] = {0x81, 0x90, 0, 0, 0, 0, '{', '"', 't', 'y', 'p', 'e', '"', ':', '"', 'd', 'a', 'n', 'c', 'e', '"', '}'};
    behind_a_message.insert(behind_a_message.begin(), std::begin(dance), std::end(dance));
    EXPECT_EQ(close_answer(server_.port(), behind_a_message), 1007);
    neighbour.finish();
}

// Codes a close frame may not carry (RFC 6455 7.4: below 1000, 1004-1006, 1014-2999 and 5000 and
// above) fail the connection with 1002; the others are echoed, as the closing handshake asks.
TEST_F(WebsocketServer, CloseCodesThatMayNotBeSentAreAnsweredWith1002AndOthersEchoed)
{
    punctual_neighbour neighbour{server_.port()};
    for (int code : {0, 999, 1004, 1005, 1006, 1014, 1015, 1016, 2999, 5000, 65535})
        EXPECT_EQ(close_answer(server_.port(), close_frame(close_payload(static_cast<std::uint16_t>(code)))), 1002) << "code " << code;
    EXPECT_EQ(close_answer(server_.port(), close_frame(close_payload(5000, "bye")), 1), 1002) << "a byte at a time";
    for (int code : {1000, 1001, 1003, 1007, 1011, 3000, 4999})
        EXPECT_EQ(close_answer(server_.port(), close_frame(close_payload(static_cast<std::uint16_t>(code), "bye"))), code) << "code " << code;
    EXPECT_EQ(close_answer(server_.port(), close_frame({})), 1000) << "a close frame without a code";
    neighbour.finish();
}

} // namespace
