#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace loopscope::engine {

// Every bound a user program can hit. Each has a default and a specific error when it is exceeded,
// so one program can never take the server's memory, stack or CPU from the others.
struct run_config {
    std::size_t max_source_bytes = 64 * 1024;
    std::size_t max_tasks = 10'000;
    std::uint64_t max_steps = 10'000'000;
    // Syntactic nesting (brackets, blocks, operator chains) also bounds the C++ recursion of the
    // parser and compiler; call depth bounds Python recursion (frames live on the heap).
    std::size_t max_nesting_depth = 200;
    std::size_t max_call_depth = 1000;
    double max_program_seconds = 3600.0;
    std::size_t max_output_lines = 10'000;
    // Strings, lists and ranges turned into lists: keeps `[0] * 10**9` from taking the memory.
    std::size_t max_sequence_length = 1'000'000;
    // The file name shown in tracebacks and warnings.
    std::string file_name = "main.py";
};

} // namespace loopscope::engine
