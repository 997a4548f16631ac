#pragma once

// Blocking clients over loopback: raw HTTP bytes in, raw bytes out; and a websocket client.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace loopscope::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

inline asio::ip::tcp::endpoint loopback(std::uint16_t port)
{
    return {asio::ip::make_address("127.0.0.1"), port};
}

// How long a test waits for the server before it fails: far longer than any reply takes, even under the
// sanitizers on a loaded machine, and well under CTest's timeout for these tests (120 s), so that a test
// waiting for something that never comes fails saying so instead of being killed without a word.
inline constexpr std::chrono::seconds reply_timeout{60};

// Runs `io` until the one operation started on it has completed (`done`), or until `reply_timeout`; then
// `cancel()`s it and returns false. Reads are asynchronous for this: a blocking read cannot be bounded
// (with SO_RCVTIMEO, Asio's blocking read polls again, without a timeout, when the receive times out).
template <class Cancel>
bool finish_in_time(asio::io_context& io, const bool& done, Cancel cancel)
{
    io.restart();
    io.run_for(reply_timeout);
    if (done) return true;
    cancel();
    io.restart();
    io.run(); // the cancelled operation's handler
    return false;
}

// Sends `request` verbatim and returns everything the server sends until it closes the connection.
inline std::string send_raw(std::uint16_t port, const std::string& request)
{
    asio::io_context io;
    asio::ip::tcp::socket socket{io};
    socket.connect(loopback(port));
    // A server may answer before it has read the whole request (431 for oversized headers) and close;
    // the rest of the write then fails, and what counts is the answer, read below.
    beast::error_code write_error;
    asio::write(socket, asio::buffer(request), write_error);
    std::string response;
    bool done = false;
    asio::async_read(socket, asio::dynamic_buffer(response), [&](beast::error_code, std::size_t) { done = true; });
    if (!finish_in_time(io, done, [&] { socket.close(); }))
        throw boost::system::system_error(beast::error::timeout, "the server did not close the connection in time; it sent \"" +
                                                                      response.substr(0, 200) + "\"");
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
        ws_.handshake("127.0.0.1", target);
    }

    // A client with a small receive buffer, set before connecting (so that TCP's window is small from
    // the start): one that stops reading fills it quickly, and the server has to hold the rest.
    ws_client(std::uint16_t port, int receive_buffer_bytes) : ws_(io_)
    {
        ws_.next_layer().open(asio::ip::tcp::v4());
        ws_.next_layer().set_option(asio::socket_base::receive_buffer_size(receive_buffer_bytes));
        ws_.next_layer().connect(loopback(port));
        ws_.handshake("127.0.0.1", "/ws");
    }

    // The next message; throws when the connection ends instead, or when none comes within reply_timeout.
    std::string read()
    {
        beast::error_code ec;
        auto message = read_some_message(ec);
        if (ec) throw boost::system::system_error(ec, "no websocket message");
        return message;
    }

    // The next message, or nothing once the connection has ended (closed or failed); throws when neither
    // happens within reply_timeout.
    std::optional<std::string> read_unless_ended()
    {
        beast::error_code ec;
        auto message = read_some_message(ec);
        if (ec == beast::error::timeout) throw boost::system::system_error(ec, "the connection neither ended nor sent a message");
        if (ec) return std::nullopt;
        return message;
    }

    // Reads until the connection ends; returns the close code the server sent (0 when it sent none).
    // A server that fails the connection (1009, 1007) may drop TCP before our close reply arrives, so
    // the code counts whatever error the read ends with.
    int read_until_closed()
    {
        while (read_unless_ended()) {}
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
    std::string read_some_message(beast::error_code& ec)
    {
        beast::flat_buffer buffer;
        bool done = false;
        ws_.async_read(buffer, [&](beast::error_code result, std::size_t) {
            ec = result;
            done = true;
        });
        if (!finish_in_time(io_, done, [&] { ws_.next_layer().close(); }))
            ec = beast::error::timeout;
        return beast::buffers_to_string(buffer.data());
    }

    asio::io_context io_;
    websocket::stream<asio::ip::tcp::socket> ws_;
};

} // namespace loopscope::testing
