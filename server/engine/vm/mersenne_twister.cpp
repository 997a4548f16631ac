#include "mersenne_twister.hpp"

namespace loopscope::engine {

namespace {
constexpr int n = mersenne_twister::state_words;
constexpr int m = 397;
constexpr std::uint32_t matrix_a = 0x9908b0dfU;
constexpr std::uint32_t upper_mask = 0x80000000U;
constexpr std::uint32_t lower_mask = 0x7fffffffU;
} // namespace

void mersenne_twister::seed_single(std::uint32_t s)
{
    mt_[0] = s;
    for (int i = 1; i < n; ++i) {
        const std::uint32_t prev = mt_[static_cast<std::size_t>(i - 1)];
        mt_[static_cast<std::size_t>(i)] = 1812433253U * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
    }
    index_ = n;
}

void mersenne_twister::seed_by_array(const std::vector<std::uint32_t>& key)
{
    seed_single(19650218U);
    const std::size_t length = key.empty() ? 1 : key.size();
    std::size_t i = 1, j = 0;
    auto at = [this](std::size_t k) -> std::uint32_t& { return mt_[k]; };
    for (std::size_t k = n > length ? n : length; k; --k) {
        const std::uint32_t prev = at(i - 1);
        const std::uint32_t word = key.empty() ? 0 : key[j];
        at(i) = (at(i) ^ ((prev ^ (prev >> 30)) * 1664525U)) + word + static_cast<std::uint32_t>(j);
        ++i;
        ++j;
        if (i >= n) {
            at(0) = at(n - 1);
            i = 1;
        }
        if (j >= length) j = 0;
    }
    for (std::size_t k = n - 1; k; --k) {
        const std::uint32_t prev = at(i - 1);
        at(i) = (at(i) ^ ((prev ^ (prev >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        ++i;
        if (i >= n) {
            at(0) = at(n - 1);
            i = 1;
        }
    }
    at(0) = 0x80000000U;  // the most significant bit is non-zero: a non-zero initial state
    index_ = n;
}

std::uint32_t mersenne_twister::next_uint32()
{
    static constexpr std::uint32_t mag01[2] = {0x0U, matrix_a};
    if (index_ >= n) {
        if (index_ == n + 1) seed_single(5489U);  // never seeded (the engine always seeds; kept for safety)
        int k = 0;
        for (; k < n - m; ++k) {
            const std::uint32_t y = (mt_[static_cast<std::size_t>(k)] & upper_mask) | (mt_[static_cast<std::size_t>(k + 1)] & lower_mask);
            mt_[static_cast<std::size_t>(k)] = mt_[static_cast<std::size_t>(k + m)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; k < n - 1; ++k) {
            const std::uint32_t y = (mt_[static_cast<std::size_t>(k)] & upper_mask) | (mt_[static_cast<std::size_t>(k + 1)] & lower_mask);
            mt_[static_cast<std::size_t>(k)] = mt_[static_cast<std::size_t>(k + (m - n))] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        const std::uint32_t y = (mt_[n - 1] & upper_mask) | (mt_[0] & lower_mask);
        mt_[n - 1] = mt_[m - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        index_ = 0;
    }
    std::uint32_t y = mt_[static_cast<std::size_t>(index_++)];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double mersenne_twister::next_double()
{
    const std::uint32_t a = next_uint32() >> 5, b = next_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t mersenne_twister::next_bits(unsigned k)
{
    if (k == 0) return 0;
    if (k <= 32) return next_uint32() >> (32 - k);
    const std::uint64_t low = next_uint32();
    const unsigned high_bits = k - 32;
    const std::uint64_t high = next_uint32() >> (32 - high_bits);
    return low | (high << 32);
}

} // namespace loopscope::engine
