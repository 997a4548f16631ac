#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>

namespace loopscope::net {

namespace asio = boost::asio;
namespace beast = boost::beast;

// Completion token for coroutines that treat errors as values: `auto [ec, n] = co_await op(use_tuple);`
inline constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// True for the ways a peer ends a connection that are nobody's fault: they are logged at debug, never
// as errors.
bool is_disconnect(const beast::error_code& ec);

} // namespace loopscope::net
