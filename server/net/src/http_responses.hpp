#pragma once

#include "server_state.hpp"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string_view>

namespace loopscope::net {

namespace http = boost::beast::http;

using string_response = http::response<http::string_body>;

// A small plain-text answer ("404 Not Found: /nope"), with the server's usual headers.
string_response text_response(http::status status, std::string_view text, unsigned version, bool keep_alive);

// GET /healthz: 200 and a small JSON body.
string_response health_response(const server_state& state, unsigned version, bool keep_alive);

// GET /metrics: the counters in Prometheus' text format.
string_response metrics_response(const server_state& state, unsigned version, bool keep_alive);

// Headers every response carries.
template <class Body>
void set_common_headers(http::response<Body>& response);

} // namespace loopscope::net
