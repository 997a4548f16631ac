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

// Compiles the library written in Python (asyncio's primitives, queues, runners ... and logging) for
// this thread now, instead of inside the first run that names one of its classes: a server does it
// before it listens, so that no run's slice pays for it (some 10-15 ms).
void prepare_library();

} // namespace loopscope::engine
