#pragma once

#include <vector>

namespace loopscope::engine {

// The names of str's methods the engine has (str_methods.cpp's table, the one place a str method is
// added): builtins.cpp makes str's attribute table of them
std::vector<const char*> str_method_names();

} // namespace loopscope::engine
