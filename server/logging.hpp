#pragma once

#include <string>

namespace loopscope {

// Sets the process's log format: "text" (spdlog's readable lines) or "json" (one JSON object a line,
// for log collectors). False for an unknown format.
bool set_log_format(const std::string& format);

} // namespace loopscope
