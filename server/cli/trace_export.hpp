#pragma once

#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

namespace loopscope::cli {

// A run's events (as their event JSON objects, in seq order) as a Chrome / Perfetto trace: the same
// writer as web/lib/trace_export.mjs, for `loopscope run --trace FILE`; tests/web/cli_trace.test.mjs
// holds the two equal on the same events. `name` names the process; `loopscope` is the version.
boost::json::object trace_of(const std::vector<boost::json::object>& events, std::string_view name, std::string_view loopscope);

} // namespace loopscope::cli
