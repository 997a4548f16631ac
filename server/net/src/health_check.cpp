#include "loopscope/net/health_check.hpp"

#include "net_common.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace loopscope::net {

namespace http = beast::http;

health_result check_health(const std::string& address, std::uint16_t port, std::chrono::milliseconds timeout)
{
    asio::io_context io;
    health_result result{false, "no answer within " + std::to_string(timeout.count()) + " ms"};
    beast::error_code ec;
    auto target = asio::ip::make_address(address, ec);
    if (ec) return {false, "not an IP address: " + address};
    // A server listening on every interface answers on loopback
    if (target.is_unspecified())
        target = target.is_v4() ? asio::ip::address(asio::ip::address_v4::loopback())
                                : asio::ip::address(asio::ip::address_v6::loopback());

    auto ask = [&]() -> asio::awaitable<void> {
        beast::tcp_stream stream{co_await asio::this_coro::executor};
        stream.expires_after(timeout); // one deadline for the whole exchange
        if (auto [failed] = co_await stream.async_connect(asio::ip::tcp::endpoint{target, port}, use_tuple); failed) {
            result.detail = "cannot connect: " + failed.message();
            co_return;
        }
        http::request<http::empty_body> request{http::verb::get, "/healthz", 11};
        request.set(http::field::host, target.to_string());
        request.set(http::field::connection, "close");
        if (auto [failed, sent] = co_await http::async_write(stream, request, use_tuple); failed) {
            result.detail = "cannot send: " + failed.message();
            co_return;
        }
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        if (auto [failed, got] = co_await http::async_read(stream, buffer, response, use_tuple); failed) {
            result.detail = "no answer: " + failed.message();
            co_return;
        }
        result.healthy = response.result() == http::status::ok;
        result.detail = std::to_string(response.result_int()) + " " + std::string(response.reason());
    };
    asio::co_spawn(io, ask(), [](std::exception_ptr) {});
    io.run();
    return result;
}

} // namespace loopscope::net
