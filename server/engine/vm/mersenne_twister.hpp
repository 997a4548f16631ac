#pragma once

// The Mersenne Twister MT19937 exactly as CPython's _random module runs it (Modules/_randommodule.c,
// after Matsumoto and Nishimura's mt19937ar.c), so that a seeded program draws CPython's numbers.

#include <array>
#include <cstdint>
#include <vector>

namespace loopscope::engine {

class mersenne_twister {
public:
    static constexpr int state_words = 624;

    // random_seed() of an int: the key is |seed| in 32-bit words, least significant first (one zero
    // word for 0), given to init_by_array.
    void seed_by_array(const std::vector<std::uint32_t>& key);
    std::uint32_t next_uint32();
    // random.random(): 53 bits from two outputs (27 and 26 bits), in [0, 1).
    double next_double();
    // getrandbits(k) for 0 < k <= 64, as CPython builds it: 32-bit outputs from the least significant
    // word up, the last one cut to its top bits.
    std::uint64_t next_bits(unsigned k);

private:
    void seed_single(std::uint32_t s);  // init_genrand
    std::array<std::uint32_t, state_words> mt_{};
    int index_ = state_words + 1;
};

} // namespace loopscope::engine
