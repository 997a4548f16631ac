#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace loopscope::engine {

// Every bound a user program can hit. Each has a default and a specific error when it is exceeded,
// so one program can never take the server's memory, stack or CPU from the others.
struct run_config {
    std::size_t max_source_bytes = 64 * 1024;
    std::size_t max_tasks = 10'000;
    // The default executor's worker threads (loop.run_in_executor(None, ...), asyncio.to_thread), modelled:
    // CPython's ThreadPoolExecutor takes min(32, os.cpu_count() + 4); 0 means that, with this machine's
    // processor count. At most 32.
    std::size_t executor_workers = 0;
    std::uint64_t max_steps = 10'000'000;
    // Syntactic nesting (brackets, blocks, operator chains) also bounds the C++ recursion of the
    // parser and compiler; call depth bounds Python recursion (frames live on the heap).
    std::size_t max_nesting_depth = 200;
    std::size_t max_call_depth = 1000;
    // The thread's stack that Python code called back from the engine's own C++ may take: a
    // __repr__, __eq__, sort key or generator run from a builtin is C++ recursion, about 4.5 KiB a
    // level. 6 MiB (of a thread's 8; never more than the stack's limit less 2 MiB) holds what CPython's
    // recursion limit allows (1,000 generators each in the next's yield from, 500 nested comparisons,
    // 330 nested sorts); past it the run ends with ResourceLimitError naming it.
    std::size_t max_native_stack_bytes = 6 * 1024 * 1024;
    double max_program_seconds = 3600.0;
    std::size_t max_output_lines = 10'000;
    // Strings, lists and ranges turned into lists: keeps `[0] * 10**9` from taking the memory.
    std::size_t max_sequence_length = 1'000'000;
    // Bytes the run holds: its values, frames, tasks, strings and the events queued for its client.
    // 64 MiB fits a million-item list (40 bytes an item) with room to spare, while a few hundred
    // runs at their bound still fit a server's memory; what learners write needs well under 1 MiB.
    std::size_t max_memory_bytes = 64 * 1024 * 1024;
    // Work one operation may do, since an instruction cannot be interrupted half way: 100,000 steps
    // of 16 items (an item: a value copied or compared, 8 characters scanned, 8 bytes of fresh memory
    // filled) is about 5 ms of the thread. It sorts 50,000 numbers, builds a list of 100,000 items,
    // searches 200,000 characters; more in one operation ends the run with ResourceLimitError.
    std::uint64_t max_operation_steps = 100'000;
    // A slice gives the thread back after this long even when its steps are not spent.
    std::chrono::nanoseconds max_slice_time = std::chrono::milliseconds(2);
    // Compiled programs each server thread keeps for reuse (least recently used out first), and the
    // largest source it keeps: the catalog's programs and a class's copies of one program compile
    // once. 32 programs of at most 16 KiB hold a few MiB at worst; 0 turns the cache off.
    std::size_t code_cache_entries = 32;
    std::size_t code_cache_source_bytes = 16 * 1024;
    // The file name shown in tracebacks and warnings.
    std::string file_name = "main.py";
    // The random module starts as if random.seed(random_seed) had run first; unset, each run draws
    // one (reported in run_finished, so that the run can be replayed). At most max_random_seed.
    std::optional<std::uint64_t> random_seed;
};

// Seeds fit in 53 bits, so that a JSON number (a JavaScript double) carries one exactly.
inline constexpr std::uint64_t max_random_seed = (std::uint64_t{1} << 53) - 1;
// A fresh per-run seed, at most max_random_seed.
std::uint64_t fresh_random_seed();

} // namespace loopscope::engine
