#pragma once

#include <cstddef>

namespace loopscope::engine {

// How this thread's cache of compiled programs has done (run_config::code_cache_entries).
struct code_cache_stats {
    std::size_t entries = 0;
    std::size_t hits = 0;
    std::size_t misses = 0;
};
code_cache_stats code_cache_statistics();

} // namespace loopscope::engine
