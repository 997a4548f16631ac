// Runs over a real websocket: every catalog scenario, the error table, isolation between clients.
#include "loopscope/catalog/catalog.hpp"
#include "punctual_neighbour.hpp"
#include "run_transcript.hpp"
#include "temp_web_root.hpp"
#include "test_server.hpp"

#include <gtest/gtest.h>

namespace {

using namespace loopscope::testing;
using namespace std::chrono_literals;
namespace json = boost::json;
namespace catalog = loopscope::catalog;

loopscope::net::server_config config_for(const temp_web_root& root)
{
    loopscope::net::server_config config;
    config.web_root = root.web();
    return config;
}

std::string run_message(const std::string& run, const std::string& scenario, const std::string& extra = {})
{
    return R"({"type":"run","run":")" + run + R"(","scenario":")" + scenario + "\"" + extra + "}";
}

// seq 0, 1, 2 … without gaps; t never decreases.
void expect_well_formed(const run_transcript& transcript, const std::string& what)
{
    ASSERT_FALSE(transcript.events.empty()) << what;
    double last_t = 0;
    for (std::size_t i = 0; i < transcript.events.size(); ++i) {
        const auto& e = transcript.events[i];
        EXPECT_EQ(e.at("seq").to_number<std::uint64_t>(), i) << what;
        double t = e.at("t").to_number<double>();
        EXPECT_GE(t, last_t) << what << " at seq " << i;
        last_t = t;
    }
    EXPECT_EQ(transcript.events.back().at("kind").as_string(), "run_finished") << what;
}

class Runs : public testing::Test {
protected:
    temp_web_root root_;
    test_server server_{config_for(root_)};
};

TEST_F(Runs, EveryScenarioStreamsWhatTheEngineProducesOnBothClocks)
{
    ws_client client{server_.port()};
    client.read(); // hello
    for (const catalog::scenario& scenario : catalog::scenarios()) {
        const std::string id(scenario.id);
        auto expected = run_directly(scenario.source);
        // The run over the websocket replays the engine's run: the same seed for its random module
        const std::string seed = json::serialize(expected.events.back().at("random_seed"));
        for (const std::string clock : {R"(,"clock":"virtual")", R"(,"clock":"scaled","speed":1000)"}) {
            client.write_text(run_message(id, id, clock + R"(,"random_seed":)" + seed));
            auto got = read_run(client, id);
            const std::string what = id + clock;
            expect_well_formed(got, what);
            EXPECT_EQ(got.output(), expected.output()) << what;
            EXPECT_EQ(got.finished.at("status").as_string(), "ok") << what;
            EXPECT_EQ(json::serialize(got.finished.at("random_seed")), seed) << what;
            EXPECT_DOUBLE_EQ(got.finished.at("elapsed").to_number<double>(),
                             expected.events.back().at("t").to_number<double>()) << what;
            if (clock.find("virtual") != std::string::npos) {
                EXPECT_EQ(got.events, expected.events) << what << ": the virtual clock is deterministic";
            }
        }
    }
}

TEST_F(Runs, ElapsedIsTheProgramsOwnTime)
{
    ws_client client{server_.port()};
    client.read();
    const std::pair<const char*, double> expected[] = {{"gather", 3.0}, {"sequential_awaited", 6.0}, {"sleep", 5.0}};
    for (auto [scenario, seconds] : expected) {
        client.write_text(run_message("r", scenario, R"(,"speed":500)"));
        EXPECT_DOUBLE_EQ(read_run(client, "r").finished.at("elapsed").to_number<double>(), seconds) << scenario;
    }
}

TEST_F(Runs, ProgramErrorsFinishTheRunWithTheirTypeAndLine)
{
    ws_client client{server_.port()};
    client.read();
    client.write_text(source_message("zero", "import asyncio\n\nasync def main():\n    print('before')\n    x = 1 / 0\n\nasyncio.run(main())\n"));
    auto failed = read_run(client, "zero");
    EXPECT_EQ(failed.finished.at("status").as_string(), "error");
    EXPECT_EQ(failed.finished.at("exit_status").as_int64(), 1);
    EXPECT_EQ(failed.finished.at("error").at("type").as_string(), "ZeroDivisionError");
    EXPECT_EQ(failed.finished.at("error").at("line").as_int64(), 5);
    EXPECT_EQ(failed.output(), std::vector<std::string>{"before\n"});

    client.write_text(source_message("syntax", "import asyncio\n\nasync def main(:\n    pass\n"));
    auto refused = read_run(client, "syntax");
    EXPECT_EQ(refused.errors, std::vector<std::string>{"syntax_error"});
    EXPECT_EQ(refused.finished.at("status").as_string(), "error");
    EXPECT_EQ(refused.finished.at("error").at("type").as_string(), "SyntaxError");
    EXPECT_EQ(refused.finished.at("error").at("line").as_int64(), 3);
    EXPECT_GT(refused.finished.at("error").at("column").as_int64(), 0);
}

TEST_F(Runs, ARunsSeedIsReportedAndReplaysItsRandomNumbers)
{
    ws_client client{server_.port()};
    client.read();
    const std::string program = "import random\nprint(random.random(), random.randint(1, 10**6))\n";
    client.write_text(source_message("first", program));
    auto first = read_run(client, "first");
    const std::string seed = json::serialize(first.finished.at("random_seed"));
    ASSERT_EQ(first.events.back().at("random_seed"), first.finished.at("random_seed"));
    client.write_text(source_message("second", program));
    auto second = read_run(client, "second");
    EXPECT_NE(second.output(), first.output()) << "each run draws its own seed";
    client.write_text(source_message("replay", program, R"(,"random_seed":)" + seed));
    auto again = read_run(client, "replay");
    EXPECT_EQ(again.output(), first.output());
    EXPECT_EQ(json::serialize(again.finished.at("random_seed")), seed);
}

TEST_F(Runs, CancelStopsARunAtOnce)
{
    ws_client client{server_.port()};
    client.read();
    client.write_text(run_message("slow", "sleep")); // 5 real seconds at speed 1
    client.write_text(R"({"type":"cancel","run":"slow"})");
    auto start = std::chrono::steady_clock::now();
    auto cancelled = read_run(client, "slow");
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    EXPECT_EQ(cancelled.finished.at("status").as_string(), "cancelled");
    EXPECT_EQ(cancelled.finished.at("reason").as_string(), "cancelled by the client");
    expect_well_formed(cancelled, "cancelled run");

    // The id is free again
    client.write_text(run_message("slow", "hello", R"(,"clock":"virtual")"));
    EXPECT_EQ(read_run(client, "slow").finished.at("status").as_string(), "ok");
}

TEST_F(Runs, SeveralRunsOnOneConnectionInterleave)
{
    ws_client client{server_.port()};
    client.read();
    client.write_text(run_message("left", "sequential_awaited", R"(,"speed":200)"));
    client.write_text(run_message("right", "gather", R"(,"speed":200)"));
    std::map<std::string, run_transcript> runs;
    while (runs.size() < 2 || runs["left"].finished.empty() || runs["right"].finished.empty()) {
        auto message = json::parse(client.read()).as_object();
        std::string run(message.at("run").as_string());
        if (message.at("type") == "events") {
            for (auto& e : message.at("events").as_array()) runs[run].events.push_back(e.as_object());
        } else if (message.at("type") == "run_finished") {
            runs[run].finished = message;
        }
    }
    expect_well_formed(runs["left"], "left");
    expect_well_formed(runs["right"], "right");
    EXPECT_DOUBLE_EQ(runs["left"].finished.at("elapsed").to_number<double>(), 6.0);
    EXPECT_DOUBLE_EQ(runs["right"].finished.at("elapsed").to_number<double>(), 3.0);
}

// Every documented error, while a neighbour streams a run on the same server undisturbed.
TEST_F(Runs, BadInputsGetTheirAnswerAndANeighbourStreamsOn)
{
    ws_client neighbour{server_.port()};
    neighbour.read();
    neighbour.write_text(run_message("n", "sequential_awaited", R"(,"speed":20)")); // 0.3 s

    ws_client client{server_.port()};
    client.read();
    // The code of the error the message gets (events of the runs it started go by)
    auto code_for = [&](const std::string& text) {
        client.write_text(text);
        for (;;) {
            auto reply = json::parse(client.read()).as_object();
            if (reply.at("type") == "error") return std::string(reply.at("code").as_string());
        }
    };
    EXPECT_EQ(code_for("{oops"), "invalid_json");
    EXPECT_EQ(code_for("\x01\x02garbage"), "invalid_json");
    EXPECT_EQ(code_for("[]"), "not_an_object");
    EXPECT_EQ(code_for(R"({"type":"dance"})"), "unknown_type");
    EXPECT_EQ(code_for(R"({"type":"run","scenario":"gather"})"), "missing_field");
    EXPECT_EQ(code_for(R"({"type":"run","run":5,"scenario":"gather"})"), "wrong_field_type");
    EXPECT_EQ(code_for(R"({"type":"run","run":"a","scenario":"nope"})"), "unknown_scenario");
    EXPECT_EQ(code_for(R"({"type":"run","run":"a","scenario":"gather","source":"x"})"), "scenario_or_source");
    EXPECT_EQ(code_for(R"({"type":"run","run":"a"})"), "scenario_or_source");
    EXPECT_EQ(code_for(R"({"type":"run","run":"a","scenario":"gather","speed":0.001})"), "speed_out_of_range");
    EXPECT_EQ(code_for(R"({"type":"run","run":"a","scenario":"gather","clock":"sundial"})"), "invalid_value");
    EXPECT_EQ(code_for(source_message("a", std::string(65 * 1024, '#'))), "source_too_large");
    EXPECT_EQ(code_for(R"({"type":"cancel","run":"ghost"})"), "unknown_run");
    client.write_binary("\x00\x01");
    EXPECT_EQ(json::parse(client.read()).at("code").as_string(), "binary_frame");

    // A flood of runs: the bound refuses the fifth live run, and a duplicate id
    for (int i = 0; i < 4; ++i) client.write_text(run_message("f" + std::to_string(i), "sleep"));
    EXPECT_EQ(code_for(run_message("f0", "sleep")), "duplicate_run");
    EXPECT_EQ(code_for(run_message("f4", "sleep")), "too_many_runs");

    // The neighbour's run was not disturbed
    auto streamed = read_run(neighbour, "n");
    expect_well_formed(streamed, "neighbour");
    EXPECT_EQ(streamed.finished.at("status").as_string(), "ok");
    EXPECT_EQ(streamed.output(), run_directly(catalog::find("sequential_awaited")->source).output());

    // Abuse of the websocket itself closes only the abuser: a 1 MiB frame gets 1009. Only the frame's
    // header is sent: a blocking client that wrote the whole MiB could lose the close frame to the
    // reset that unread data causes (the Python client test sends the whole frame).
    const unsigned char header[] = {0x81, 0xff, 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4}; // text, masked, 1 MiB
    asio::write(client.stream().next_layer(), asio::buffer(header));
    EXPECT_EQ(client.read_until_closed(), 1009);
    neighbour.write_text(run_message("n2", "hello", R"(,"clock":"virtual")"));
    EXPECT_EQ(read_run(neighbour, "n2").finished.at("status").as_string(), "ok");
}

TEST(RunIsolation, AnEndlessLoopDoesNotStallAnotherConnection)
{
    temp_web_root root;
    auto config = config_for(root);
    config.run.max_steps = 2'000'000'000; // endless for the length of this test
    test_server server{config};

    ws_client spinner{server.port()};
    spinner.read();
    spinner.write_text(source_message("spin", "while True:\n    pass\n"));
    wait_until_running(spinner, "spin");

    ws_client learner{server.port()};
    learner.read();
    auto start = std::chrono::steady_clock::now();
    learner.write_text(run_message("g", "gather", R"(,"speed":10)")); // 0.3 real seconds
    auto gather = read_run(learner, "g");
    auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(gather.finished.at("status").as_string(), "ok");
    EXPECT_GE(took, 290ms);
    EXPECT_LT(took, 1500ms) << "gather finished "
                            << std::chrono::duration_cast<std::chrono::milliseconds>(took - 300ms).count() << " ms late";

    spinner.write_text(R"({"type":"cancel","run":"spin"})");
    EXPECT_EQ(read_run(spinner, "spin").finished.at("status").as_string(), "cancelled");
}

TEST(RunIsolation, TheStepBoundEndsAnEndlessLoopWithAClearError)
{
    temp_web_root root;
    auto config = config_for(root);
    config.run.max_steps = 100'000;
    test_server server{config};
    ws_client client{server.port()};
    client.read();
    client.write_text(source_message("spin", "while True:\n    pass\n"));
    auto ended = read_run(client, "spin");
    EXPECT_EQ(ended.finished.at("status").as_string(), "error");
    EXPECT_EQ(ended.finished.at("error").at("type").as_string(), "ResourceLimitError");
    EXPECT_NE(std::string(ended.finished.at("error").at("message").as_string()).find("step"), std::string::npos)
        << ended.finished.at("error").at("message").as_string();
}

TEST(Shutdown, LiveRunsFinishAsCancelledBeforeTheClose)
{
    temp_web_root root;
    test_server server{config_for(root)};
    ws_client client{server.port()};
    client.read();
    client.write_text(run_message("long", "sleep"));
    wait_until_running(client, "long");
    client.write_text(run_message("longer", "sequential_awaited"));
    wait_until_running(client, "longer");
    server.shutdown();
    std::set<std::string> cancelled;
    while (auto text = client.read_unless_ended()) {
        auto message = json::parse(*text).as_object();
        if (message.at("type") == "run_finished") {
            EXPECT_EQ(message.at("status").as_string(), "cancelled");
            cancelled.insert(std::string(message.at("run").as_string()));
        }
    }
    EXPECT_EQ(client.stream().reason().code, 1001);
    EXPECT_EQ(cancelled, (std::set<std::string>{"long", "longer"}));
    server.join();
}

} // namespace

namespace {

// A program that prints 9,000 lines as fast as it can: about 10 MB of events.
const std::string chatty_program = "import asyncio\n\nasync def main():\n"
                                   "    for i in range(9000):\n"
                                   "        print('x' * 200, i)\n"
                                   "        await asyncio.sleep(0.001)\n\n"
                                   "asyncio.run(main())\n";

// A program that never ends (until the step bound) and never waits: far more events than the kernel's
// socket buffers and the send queue together can hold, whatever the machine's speed.
const std::string flood_program = "import asyncio\n\nasync def main():\n"
                                  "    while True:\n"
                                  "        await asyncio.sleep(0)\n\n"
                                  "asyncio.run(main())\n";

loopscope::net::server_config small_queue_config(const temp_web_root& root)
{
    auto config = config_for(root);
    config.send_queue_high_water_bytes = 64 * 1024;
    config.max_send_queue_bytes = 1024 * 1024;
    config.slow_consumer_timeout = 300ms;
    config.close_timeout = 3s;
    return config;
}

std::uint64_t metric(std::uint16_t port, const std::string& name)
{
    auto text = body_of(get(port, "/metrics"));
    auto at = text.find("\n" + name + " ");
    return at == std::string::npos ? ~0ull : std::stoull(text.substr(at + name.size() + 2));
}

TEST(SlowConsumer, AStalledReaderOnTheScaledClockIsClosedWith1008AndMemoryStaysBounded)
{
    temp_web_root root;
    auto config = small_queue_config(root);
    test_server server{config};
    ws_client stalled{server.port()};
    stalled.read();
    stalled.write_text(source_message("flood", flood_program));

    // While it does not read, the server holds at most the hard limit for it (plus the message in flight),
    // until it closes it: watched for a second at least, and until the close (at most 10 s on a loaded
    // machine; under ASan the close came 1.2 s in)
    const std::string disconnects = "loopscope_slow_consumer_disconnects_total";
    std::uint64_t most_queued = 0;
    for (int i = 0; i < 100 && (i < 10 || metric(server.port(), disconnects) == 0); ++i) {
        std::this_thread::sleep_for(100ms);
        most_queued = std::max(most_queued, metric(server.port(), "loopscope_send_queue_bytes"));
    }
    EXPECT_LE(most_queued, config.max_send_queue_bytes + config.max_batch_bytes);
    EXPECT_EQ(metric(server.port(), disconnects), 1u);

    // A neighbour is served meanwhile
    ws_client neighbour{server.port()};
    neighbour.read();
    neighbour.write_text(run_message("g", "gather", R"(,"clock":"virtual")"));
    EXPECT_EQ(read_run(neighbour, "g").finished.at("status").as_string(), "ok");

    // Reading again, the stalled client finds the close frame behind what was already on its way
    EXPECT_EQ(stalled.read_until_closed(), 1008);
    EXPECT_EQ(stalled.stream().reason().reason, "slow consumer: the client did not read what was sent");
}

TEST(SlowConsumer, AVirtualClockRunWaitsForItsClientInsteadOfBuffering)
{
    temp_web_root root;
    auto config = small_queue_config(root);
    config.slow_consumer_timeout = 5s; // longer than this client's pause
    test_server server{config};
    ws_client slow{server.port()};
    slow.read();
    slow.write_text(source_message("chatty", chatty_program, R"(,"clock":"virtual")"));

    std::uint64_t most_queued = 0;
    for (int i = 0; i < 8; ++i) {
        std::this_thread::sleep_for(100ms);
        most_queued = std::max(most_queued, metric(server.port(), "loopscope_send_queue_bytes"));
    }
    EXPECT_LE(most_queued, config.send_queue_high_water_bytes + config.max_batch_bytes);

    // Nothing was lost: every event arrives, in order, and the run ends normally
    auto transcript = read_run(slow, "chatty");
    expect_well_formed(transcript, "paused run");
    EXPECT_EQ(transcript.finished.at("status").as_string(), "ok");
    EXPECT_EQ(transcript.output().size(), 9000u);
    EXPECT_EQ(metric(server.port(), "loopscope_slow_consumer_disconnects_total"), 0u);
}


// The client reads as fast as it can, and one slice of each program prints far past the send queue's
// hard limit (1 MiB here): 100 lines of 100 KB; of 600 KB once escaped ('\x01' is six bytes in JSON);
// and lines of 1.8 MB, each alone larger than the limit. A virtual-clock run waits for its reader,
// mid-slice if need be, so every line arrives and the client is never closed.
TEST(SlowConsumer, AVirtualClockRunWaitsForAFastReaderHoweverLargeItsPrints)
{
    temp_web_root root;
    auto config = small_queue_config(root);
    config.slow_consumer_timeout = 10s; // this client reads; only the pause may keep its queue short
    test_server server{config};
    punctual_neighbour neighbour{server.port()};
    ws_client reader{server.port()};
    reader.read();
    const std::pair<std::string, std::size_t> programs[] = {
        {"s = 'x' * 100000\nfor i in range(100):\n    print(s)\n", 100},
        {"s = '\\x01' * 100000\nfor i in range(100):\n    print(s)\n", 100},
        {"s = '\\x01' * 300000\nfor i in range(5):\n    print(s)\n", 5},
    };
    for (const auto& [program, lines] : programs) {
        reader.write_text(source_message("p", program, R"(,"clock":"virtual")"));
        auto transcript = read_run(reader, "p");
        EXPECT_EQ(transcript.finished.at("status").as_string(), "ok") << program;
        EXPECT_EQ(transcript.output().size(), lines) << program;
    }
    EXPECT_EQ(metric(server.port(), "loopscope_slow_consumer_disconnects_total"), 0u);
    neighbour.finish();
}

// The pause replaces the hard limit for a virtual-clock run: a client that stops reading holds the
// server's queue at the high-water mark plus one print, and is closed once it has stayed behind too
// long. The queue's peak cannot be sampled (the server answers /metrics between slices only), so the
// test counts what the run produced: a few prints of 600 KB (until the kernel's socket buffers were
// full too), where one slice without the pause makes a thousand.
TEST(SlowConsumer, AStalledReaderOfAVirtualClockRunIsClosedWith1008AndMemoryStaysBounded)
{
    temp_web_root root;
    auto config = small_queue_config(root);
    test_server server{config};
    ws_client stalled{server.port()};
    stalled.read();
    stalled.write_text(source_message("p", "s = '\\x01' * 100000\nwhile True:\n    print(s)\n", R"(,"clock":"virtual")"));

    const std::string disconnects = "loopscope_slow_consumer_disconnects_total";
    for (int i = 0; i < 100 && metric(server.port(), disconnects) == 0; ++i) std::this_thread::sleep_for(20ms);
    EXPECT_EQ(metric(server.port(), disconnects), 1u);
    EXPECT_LE(metric(server.port(), "loopscope_events_sent_total"), 100u);
    EXPECT_EQ(stalled.read_until_closed(), 1008);
}

// A scaled-clock run whose first slice overfills the queue of a client that reads nothing: the client is
// dropped from inside that slice, before run_driver::start has even returned. The run must be cancelled
// then and there, not left to sleep its 30 seconds until the client's socket is finally closed (after
// close_timeout, 10 s here, since this client does not answer the close frame either).
TEST(SlowConsumer, ARunWhoseClientIsDroppedDuringItsFirstSliceIsCancelledAtOnce)
{
    temp_web_root root;
    auto config = small_queue_config(root);
    config.close_timeout = 10s;
    test_server server{config};
    punctual_neighbour neighbour{server.port()};
    ws_client dropped{server.port()};
    dropped.read();
    dropped.write_text(source_message("p", "import asyncio\n\ns = 'x' * 100000\nfor i in range(100):\n    print(s)\n"
                                           "asyncio.run(asyncio.sleep(30))\n"));
    const std::string disconnects = "loopscope_slow_consumer_disconnects_total";
    for (int i = 0; i < 100 && metric(server.port(), disconnects) != 1; ++i) std::this_thread::sleep_for(20ms);
    ASSERT_EQ(metric(server.port(), disconnects), 1u);

    const std::string cancelled = R"(loopscope_runs_finished_total{status="cancelled"})";
    for (int i = 0; i < 100 && metric(server.port(), cancelled) != 1; ++i) std::this_thread::sleep_for(20ms);
    EXPECT_EQ(metric(server.port(), cancelled), 1u) << body_of(get(server.port(), "/metrics"));
    neighbour.finish();
    EXPECT_EQ(dropped.read_until_closed(), 1008);
}

} // namespace
