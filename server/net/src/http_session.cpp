#include "http_session.hpp"

#include "http_responses.hpp"
#include "loopscope/net/static_files.hpp"
#include "websocket_session.hpp"

#include <array>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/asio/co_spawn.hpp>
#include <spdlog/spdlog.h>

#include <optional>

namespace loopscope::net {

namespace {

using request = http::request<http::string_body>;

std::string_view path_of(std::string_view target)
{
    return target.substr(0, target.find_first_of("?#"));
}

// The answer to a request that could not be read, or nullopt where the peer simply went away.
std::optional<http::status> status_for_read_error(const beast::error_code& ec)
{
    if (ec == http::error::body_limit) return http::status::payload_too_large;
    if (ec == http::error::header_limit) return http::status::request_header_fields_too_large;
    const bool malformed = &ec.category() == &http::make_error_code(http::error::bad_target).category() &&
                           ec != http::error::end_of_stream && ec != http::error::partial_message;
    if (malformed) return http::status::bad_request;
    return std::nullopt;
}

} // namespace

bool is_disconnect(const beast::error_code& ec)
{
    return ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == asio::error::broken_pipe || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
           ec == asio::error::not_connected || ec == asio::error::bad_descriptor;
}

http_session::http_session(beast::tcp_stream stream, std::shared_ptr<server_state> state, std::uint64_t id)
    : stream_(std::move(stream)), state_(std::move(state)), id_(id)
{
    ticket_ = state_->sessions.add(*this);
}

http_session::~http_session()
{
    if (!upgraded_) state_->sessions.remove(ticket_);
}

void http_session::stop()
{
    stream_.socket().close();
}

asio::awaitable<void> http_session::linger()
{
    // The client may still be sending the request we refused (431, 413): closing with its bytes
    // unread would reset the connection, and the reset can destroy the response before the client
    // reads it. So stop sending, and read and discard until it closes or the linger time is up.
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(state_->config.lingering_close_timeout);
    std::array<char, 16 * 1024> discard{};
    for (;;) {
        auto [ec, n] = co_await stream_.async_read_some(asio::buffer(discard), use_tuple);
        if (ec) co_return;
    }
}

asio::awaitable<void> http_session::run()
{
    const server_config& config = state_->config;
    beast::flat_buffer buffer;

    // Writes one response; false when the connection is finished.
    auto write = [this](auto&& response) -> asio::awaitable<bool> {
        auto [ec, size] = co_await http::async_write(stream_, response, use_tuple);
        if (ec) {
            spdlog::debug("conn {}: write failed: {}", id_, ec.message());
            co_return false;
        }
        co_return response.keep_alive();
    };

    for (;;) {
        // Read a request: a fresh parser each time, with the configured limits and idle timeout
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(config.max_request_header_bytes));
        parser.body_limit(config.max_request_body_bytes);
        stream_.expires_after(config.http_idle_timeout);
        auto [ec, size] = co_await http::async_read(stream_, buffer, parser, use_tuple);
        if (auto status = ec ? status_for_read_error(ec) : std::nullopt) {
            spdlog::debug("conn {}: bad request: {}", id_, ec.message());
            co_await write(text_response(*status, ec.message(), 11, false));
            co_await linger();
            break;
        }
        if (ec) {
            spdlog::debug("conn {}: connection ended: {}", id_, ec.message());
            break;
        }
        request req = parser.release();
        const unsigned version = req.version();
        const bool keep_alive = req.keep_alive() && !state_->shutting_down;
        const std::string_view path = path_of(req.target());

        // A websocket upgrade is answered by the websocket session, which takes over the stream
        if (beast::websocket::is_upgrade(req)) {
            if (path != "/ws" && path != "/echo") {
                spdlog::debug("conn {}: refused websocket upgrade on {}", id_, path);
                co_await write(text_response(http::status::not_found, "no websocket endpoint here; use /ws", version, false));
                break;
            }
            if (state_->sessions.size() > state_->config.max_connections) { // this connection counts too
                ++state_->stats.connections_rejected;
                spdlog::warn("conn {}: refused websocket upgrade: {} connections is the bound", id_, state_->config.max_connections);
                auto response = text_response(http::status::service_unavailable, "the server is at its connection bound; try again later", version, false);
                response.set(http::field::retry_after, "5");
                co_await write(std::move(response));
                break;
            }
            // The connection is the websocket session's now, and counted as such. It runs on a coroutine
            // of its own, so that this one ends and its parser and buffer are freed.
            auto mode = path == "/ws" ? websocket_session::mode::protocol : websocket_session::mode::echo;
            auto session = std::make_shared<websocket_session>(std::move(stream_), state_, id_, mode);
            state_->sessions.remove(ticket_);
            upgraded_ = true;
            asio::co_spawn(session->executor(), session->run(std::move(req)), [session](std::exception_ptr failure) {
                if (!failure) return;
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception& e) {
                    spdlog::error("conn {}: websocket session failed: {}", session->id(), e.what());
                }
            });
            co_return;
        }

        if (req.method() != http::verb::get && req.method() != http::verb::head) {
            auto response = text_response(http::status::method_not_allowed, "only GET and HEAD are served", version, keep_alive);
            response.set(http::field::allow, "GET, HEAD");
            if (!co_await write(std::move(response))) break;
            continue;
        }
        if (path == "/healthz") {
            if (!co_await write(health_response(*state_, version, keep_alive))) break;
            continue;
        }
        if (path == "/metrics") {
            if (!co_await write(metrics_response(*state_, version, keep_alive))) break;
            continue;
        }
        if (path == "/ws" || path == "/echo") {
            if (!co_await write(text_response(http::status::upgrade_required, std::string(path) + " speaks websocket only", version, keep_alive))) break;
            continue;
        }

        // Serve a file from the web root
        auto lookup = find_static_file(req.target(), state_->canonical_web_root);
        beast::error_code open_ec;
        http::file_body::value_type file;
        if (lookup.result == static_file_lookup::outcome::found)
            file.open(lookup.path.c_str(), beast::file_mode::scan, open_ec);
        if (lookup.result == static_file_lookup::outcome::bad_request) {
            if (!co_await write(text_response(http::status::bad_request, "bad path", version, keep_alive))) break;
            continue;
        }
        if (lookup.result == static_file_lookup::outcome::not_found || open_ec) {
            if (!co_await write(text_response(http::status::not_found, path, version, keep_alive))) break;
            continue;
        }
        const auto file_size = file.size();
        if (req.method() == http::verb::head) {
            http::response<http::empty_body> response{http::status::ok, version};
            set_common_headers(response);
            response.set(http::field::content_type, lookup.content_type);
            response.content_length(file_size);
            response.keep_alive(keep_alive);
            if (!co_await write(std::move(response))) break;
            continue;
        }
        http::response<http::file_body> response{std::piecewise_construct, std::make_tuple(std::move(file)),
                                                 std::make_tuple(http::status::ok, version)};
        set_common_headers(response);
        response.set(http::field::content_type, lookup.content_type);
        response.content_length(file_size);
        response.keep_alive(keep_alive);
        if (!co_await write(std::move(response))) break;
    }

    // Close the sending side politely; the peer may already have gone
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}

} // namespace loopscope::net
