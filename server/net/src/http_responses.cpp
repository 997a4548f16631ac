#include "http_responses.hpp"

#include "loopscope/version.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/json.hpp>

namespace loopscope::net {

template <class Body>
void set_common_headers(http::response<Body>& response)
{
    response.set(http::field::server, server_name);
    response.set("X-Content-Type-Options", "nosniff");
    response.set(http::field::cache_control, "no-cache");
}

template void set_common_headers(http::response<http::string_body>&);
template void set_common_headers(http::response<http::empty_body>&);
template void set_common_headers(http::response<http::file_body>&);

string_response text_response(http::status status, std::string_view text, unsigned version, bool keep_alive)
{
    string_response response{status, version};
    set_common_headers(response);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.keep_alive(keep_alive);
    response.body() = std::to_string(static_cast<unsigned>(status));
    response.body() += ' ';
    response.body() += http::obsolete_reason(status);
    if (!text.empty()) {
        response.body() += ": ";
        response.body() += text;
    }
    response.body() += '\n';
    response.prepare_payload();
    return response;
}

string_response health_response(const server_state& state, unsigned version, bool keep_alive)
{
    boost::json::object body{
        {"status", state.shutting_down ? "stopping" : "ok"},
        {"server", server_name},
        {"connections", state.sessions.size()},
        {"uptime_seconds", std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - state.started).count()},
    };
    // A stopping server says so, so that a proxy or orchestrator sends new clients elsewhere.
    string_response response{state.shutting_down ? http::status::service_unavailable : http::status::ok, version};
    set_common_headers(response);
    response.set(http::field::content_type, "application/json");
    response.keep_alive(keep_alive);
    response.body() = boost::json::serialize(body);
    response.prepare_payload();
    return response;
}

string_response metrics_response(const server_state& state, unsigned version, bool keep_alive)
{
    string_response response{http::status::ok, version};
    set_common_headers(response);
    response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.keep_alive(keep_alive);
    response.body() = state.stats.render(state.sessions.size());
    response.prepare_payload();
    return response;
}

} // namespace loopscope::net
