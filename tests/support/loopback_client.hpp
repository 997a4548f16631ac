#pragma once

// Blocking clients over loopback: raw HTTP bytes in, raw bytes out; and a websocket client.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>

#include <sys/socket.h>
#include <sys/time.h>
#include <cstdint>
#include <string>

namespace loopscope::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

inline asio::ip::tcp::endpoint loopback(std::uint16_t port)
{
    return {asio::ip::make_address("127.0.0.1"), port};
}

// Sends `request` verbatim and returns everything the server sends until it closes the connection.
inline std::string send_raw(std::uint16_t port, const std::string& request)
{
    asio::io_context io;
    asio::ip::tcp::socket socket{io};
    socket.connect(loopback(port));
    asio::write(socket, asio::buffer(request));
    std::string response;
    beast::error_code ec;
    asio::read(socket, asio::dynamic_buffer(response), ec);
    return response;
}

// A GET that asks the server to close afterwards, so that `exchange` sees the whole response.
inline std::string get(std::uint16_t port, const std::string& target, const std::string& method = "GET")
{
    return send_raw(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

inline int status_of(const std::string& response)
{
    if (response.size() < 12) return 0;
    return std::stoi(response.substr(9, 3));
}

inline std::string header_of(const std::string& response, const std::string& name)
{
    auto at = response.find("\r\n" + name + ": ");
    if (at == std::string::npos) return {};
    at += name.size() + 4;
    return response.substr(at, response.find("\r\n", at) - at);
}

inline std::string body_of(const std::string& response)
{
    auto at = response.find("\r\n\r\n");
    return at == std::string::npos ? std::string{} : response.substr(at + 4);
}

class ws_client {
public:
    explicit ws_client(std::uint16_t port, const std::string& target = "/ws") : ws_(io_)
    {
        ws_.next_layer().connect(loopback(port));
        // A test waiting for something the server never sends fails after a minute instead of hanging
        timeval timeout{60, 0};
        setsockopt(ws_.next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ws_.handshake("127.0.0.1", target);
    }

    std::string read()
    {
        beast::flat_buffer buffer;
        ws_.read(buffer);
        return beast::buffers_to_string(buffer.data());
    }

    // Reads until the connection ends; returns the close code the server sent (0 when it sent none).
    // A server that fails the connection (1009, 1007) may drop TCP before our close reply arrives, so
    // the code counts whatever error the read ends with.
    int read_until_closed()
    {
        beast::flat_buffer buffer;
        beast::error_code ec;
        while (!ec) {
            ws_.read(buffer, ec);
            buffer.clear();
        }
        return ws_.reason().code;
    }

    void write_text(const std::string& text)
    {
        ws_.text(true);
        ws_.write(asio::buffer(text));
    }

    void write_binary(const std::string& bytes)
    {
        ws_.binary(true);
        ws_.write(asio::buffer(bytes));
    }

    websocket::stream<asio::ip::tcp::socket>& stream() { return ws_; }

private:
    asio::io_context io_;
    websocket::stream<asio::ip::tcp::socket> ws_;
};

} // namespace loopscope::testing
