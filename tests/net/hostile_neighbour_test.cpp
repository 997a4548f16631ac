// Each program of tests/hostile runs on one connection while a learner's gather runs on another:
// the server stays up, the hostile run ends as the engine says it must, and the gather is on time.
// Then the server-wide memory bound: runs that hold memory together make the next one wait its turn.
#include "hostile_programs.hpp"
#include "run_transcript.hpp"
#include "temp_web_root.hpp"
#include "test_server.hpp"

#include <gtest/gtest.h>


namespace {

using namespace loopscope::testing;
using namespace std::chrono_literals;
namespace json = boost::json;

TEST(HostileNeighbour, NoHostileProgramDelaysAGatherOnAnotherConnection)
{
    temp_web_root root;
    loopscope::net::server_config config;
    config.web_root = root.web();
    test_server server{config};
    ws_client learner{server.port()};
    learner.read();
    for (const auto& program : load_hostile_programs(LOOPSCOPE_HOSTILE_DIR)) {
        const auto& name = program.name;
        ws_client hostile{server.port()};
        hostile.read();
        hostile.write_text(source_message("h", program.source, R"(,"clock":"virtual")"));
        std::this_thread::sleep_for(20ms);  // under way (or already over: both must leave the gather on time)

        auto start = std::chrono::steady_clock::now();
        learner.write_text(R"({"type":"run","run":")" + name + R"(","scenario":"gather","speed":10})");  // 0.3 s
        auto gather = read_run(learner, name);
        auto took = std::chrono::steady_clock::now() - start;
        EXPECT_EQ(gather.finished.at("status").as_string(), "ok") << name;
        EXPECT_LT(took, 1500ms) << name << ": the gather finished "
                                << std::chrono::duration_cast<std::chrono::milliseconds>(took - 300ms).count() << " ms late";

        // Its events are not kept: one that ends at the step bound sends two million of them (280 MB)
        auto ended = read_run_end(hostile, "h");
        EXPECT_NE(ended.at("status").as_string(), "cancelled") << name;
    }
}

TEST(HostileNeighbour, RunsThatTogetherHoldTooMuchMakeTheNextOneWait)
{
    temp_web_root root;
    loopscope::net::server_config config;
    config.web_root = root.web();
    config.run.max_memory_bytes = 20 << 20;
    config.max_total_run_memory_bytes = 30 << 20;
    test_server server{config};

    // Two runs on two connections each hold 6 MiB (250,000 values of 24 bytes, in whole 2 MiB pages)
    // and sleep: 12 MiB held, and 12 + 20 is over 30.
    const std::string holder = "import asyncio\nkeep = [0] * 250000\nasync def main():\n    await asyncio.sleep(1)\n    print(len(keep))\nasyncio.run(main())\n";
    ws_client first{server.port()}, second{server.port()}, third{server.port()};
    first.read();
    second.read();
    third.read();
    first.write_text(source_message("a", holder, R"(,"speed":2)"));
    second.write_text(source_message("b", holder, R"(,"speed":2)"));
    std::this_thread::sleep_for(200ms);  // both are asleep, holding their lists
    third.write_text(source_message("c", "print('hello')\n"));
    auto refused = json::parse(third.read()).as_object();
    EXPECT_EQ(refused.at("type").as_string(), "error");
    EXPECT_EQ(refused.at("code").as_string(), "server_memory_full");
    EXPECT_EQ(refused.at("run").as_string(), "c");

    // Once they have finished, their memory is given back and a run is welcome again.
    EXPECT_EQ(read_run(first, "a").finished.at("status").as_string(), "ok");
    EXPECT_EQ(read_run(second, "b").finished.at("status").as_string(), "ok");
    third.write_text(source_message("d", "print('hello')\n"));
    auto accepted = read_run(third, "d");
    EXPECT_EQ(accepted.finished.at("status").as_string(), "ok");
}

} // namespace
