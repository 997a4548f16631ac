#pragma once

// json (json_module.cpp): dumps and loads, and JSONDecodeError
#include "value.hpp"

#include <string_view>

namespace loopscope::engine {

// json.decoder.JSONDecodeError, a ValueError
const ref<exception_type_object>& json_decode_error_type();

} // namespace loopscope::engine
