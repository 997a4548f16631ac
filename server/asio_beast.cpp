// The one translation unit that compiles Asio's and Beast's implementation (separate compilation):
// every other file includes only their declarations, which keeps rebuilds short.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
