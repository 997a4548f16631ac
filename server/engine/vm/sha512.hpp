#pragma once

// SHA-512 (FIPS 180-4), for random.seed(str) version 2, which seeds from the text followed by its
// SHA-512 digest. Small and unoptimised: a seed is hashed once.

#include <array>
#include <cstdint>
#include <string_view>

namespace loopscope::engine {

std::array<std::uint8_t, 64> sha512(std::string_view bytes);

} // namespace loopscope::engine
