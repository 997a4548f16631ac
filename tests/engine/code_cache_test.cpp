// Compiled programs are kept per thread and shared by runs: the same source compiles once, the cache
// is bounded, and what it keeps is charged to no run.
#include "engine_test_support.hpp"

#include <loopscope/engine/code_cache.hpp>
#include <loopscope/engine/run.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace loopscope::engine;
namespace support = loopscope::engine::testing;

namespace {

const char* program = "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('done', {})\nasyncio.run(main())\n";

std::string numbered(int k) { std::string s = program; return s.replace(s.find("{}"), 2, std::to_string(k)); }

TEST(code_cache, a_program_compiles_once_and_runs_alike_every_time)
{
    const auto source = numbered(1);
    const auto before = code_cache_statistics();
    auto first = support::run_virtual(source);
    auto second = support::run_virtual(source);
    const auto after = code_cache_statistics();
    EXPECT_EQ(after.misses, before.misses + 1);
    EXPECT_EQ(after.hits, before.hits + 1);
    EXPECT_EQ(first.stdout_text, "done 1\n");
    EXPECT_EQ(second.stdout_text, first.stdout_text);
    EXPECT_EQ(second.events.size(), first.events.size());
}

TEST(code_cache, keeps_at_most_its_entries_least_recently_used_out_first)
{
    run_config config;
    config.code_cache_entries = 2;
    for (int k = 10; k < 13; ++k) support::run_virtual(numbered(k), config);  // 10 is out
    auto before = code_cache_statistics();
    support::run_virtual(numbered(12), config);
    EXPECT_EQ(code_cache_statistics().hits, before.hits + 1);
    before = code_cache_statistics();
    support::run_virtual(numbered(10), config);
    EXPECT_EQ(code_cache_statistics().misses, before.misses + 1);
    EXPECT_LE(code_cache_statistics().entries, 2u);
}

TEST(code_cache, long_sources_and_a_zero_bound_are_not_kept)
{
    run_config config;
    config.code_cache_source_bytes = 64;  // the program is longer
    auto before = code_cache_statistics();
    support::run_virtual(numbered(20), config);
    support::run_virtual(numbered(20), config);
    EXPECT_EQ(code_cache_statistics().hits, before.hits);
    config = run_config{};
    config.code_cache_entries = 0;
    before = code_cache_statistics();
    support::run_virtual(numbered(21), config);
    support::run_virtual(numbered(21), config);
    EXPECT_EQ(code_cache_statistics().hits, before.hits);
}

TEST(code_cache, a_kept_program_is_charged_to_no_run)
{
    // The run that compiles a kept program holds no more than the one that finds it compiled.
    const auto source = numbered(30) + std::string(2000, '#') + "\n";
    support::recording_sink first_sink, second_sink;
    run first(source, run_config{}, first_sink);
    run second(source, run_config{}, second_sink);
    EXPECT_EQ(first.memory_bytes(), second.memory_bytes());
    // Not kept (longer than the cache keeps): the compiled code is the run's.
    run_config config;
    config.code_cache_source_bytes = 64;
    support::recording_sink third_sink;
    run third(numbered(31) + std::string(2000, '#') + "\n", config, third_sink);
    EXPECT_GT(third.memory_bytes(), second.memory_bytes());
}

} // namespace
