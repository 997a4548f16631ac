// `loopscope run`: options, exit statuses as python3's, and the --events file.
#include "run_command.hpp"

#include <loopscope/version.hpp>

#include <boost/json/parse.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

class cli : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = std::filesystem::temp_directory_path() /
               ("loopscope-cli-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text)
    {
        auto path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }

    int run(std::vector<std::string> args)
    {
        args.insert(args.begin(), "run");
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        return loopscope::cli::run_command(static_cast<int>(args.size()), argv.data());
    }

    std::filesystem::path dir_;
};

} // namespace

TEST_F(cli, bad_options_exit_with_usage_status)
{
    auto program = write("ok.py", "pass\n");
    EXPECT_EQ(run({program, "--clock", "sideways"}), 2);
    EXPECT_EQ(run({program, "--speed", "0"}), 2);
    EXPECT_EQ(run({program, "--speed", "fast"}), 2);
    EXPECT_EQ(run({program, "--bogus"}), 2);
    EXPECT_EQ(run({(dir_ / "missing.py").string()}), 2);
    EXPECT_EQ(run({}), 2);
    EXPECT_EQ(run({program, "--events"}), 2);
    EXPECT_EQ(run({program, "--max-steps", "0"}), 2);
    EXPECT_EQ(run({program, "--max-steps", "-5"}), 2);
    EXPECT_EQ(run({program, "--max-steps", "1000000000001"}), 2);
    EXPECT_EQ(run({program, "--max-tasks", "many"}), 2);
    EXPECT_EQ(run({program, "--max-tasks", "1000001"}), 2);
}

TEST_F(cli, max_steps_and_max_tasks_raise_or_lower_the_runs_bounds)
{
    // 10,001 unfinished tasks at once: over the default 10,000, within --max-tasks 20000
    auto many = write("many.py", "import asyncio\nasync def w():\n    await asyncio.sleep(1)\n"
                                 "async def main():\n    await asyncio.gather(*(w() for _ in range(10001)))\nasyncio.run(main())\n");
    EXPECT_EQ(run({many, "--clock", "virtual"}), 1);
    EXPECT_EQ(run({many, "--clock", "virtual", "--max-tasks", "20000"}), 0);
    // A loop of about 60 steps: within the default, over --max-steps 50
    auto loop = write("loop.py", "total = 0\nfor i in range(20):\n    total += i\n");
    EXPECT_EQ(run({loop, "--clock", "virtual"}), 0);
    EXPECT_EQ(run({loop, "--clock", "virtual", "--max-steps=50"}), 1);
}

TEST_F(cli, exit_status_is_pythons)
{
    EXPECT_EQ(run({write("ok.py", "x = 1\n"), "--clock", "virtual"}), 0);
    EXPECT_EQ(run({write("bad.py", "x = 1 / 0\n"), "--clock", "virtual"}), 1);
    EXPECT_EQ(run({write("syntax.py", "x = (\n"), "--clock", "virtual"}), 1);
}

TEST_F(cli, events_file_is_a_run_file_a_header_then_one_event_per_line_ending_with_run_finished)
{
    auto program = write("gather.py", R"(import asyncio
async def child(d):
    await asyncio.sleep(d)
    print("slept", d)
async def main():
    await asyncio.gather(child(2), child(1))
asyncio.run(main())
)");
    auto events = (dir_ / "events.jsonl").string();
    ASSERT_EQ(run({program, "--clock", "virtual", "--events", events}), 0);
    std::ifstream in(events);
    std::string line, last;
    ASSERT_TRUE(std::getline(in, line));
    // The run file's header: the format, the program and its settings, what the page needs to open it
    auto header = boost::json::parse(line).as_object();
    EXPECT_EQ(header.at("format").as_string(), "loopscope-run");
    EXPECT_EQ(header.at("version").to_number<int>(), 1);
    EXPECT_EQ(header.at("loopscope").as_string(), loopscope::version);
    EXPECT_EQ(header.at("program").at("source").as_string(), std::string(R"(import asyncio
async def child(d):
    await asyncio.sleep(d)
    print("slept", d)
async def main():
    await asyncio.gather(child(2), child(1))
asyncio.run(main())
)"));
    EXPECT_TRUE(header.at("program").at("file_name").as_string().ends_with("gather.py"));
    EXPECT_EQ(header.at("settings").at("clock").as_string(), "virtual");
    EXPECT_EQ(header.at("settings").at("speed").to_number<double>(), 1.0);
    std::uint64_t expected_seq = 0;
    std::string printed;
    while (std::getline(in, line)) {
        auto j = boost::json::parse(line).as_object();
        EXPECT_EQ(j.at("seq").to_number<std::uint64_t>(), expected_seq++);
        for (const char* field : {"t", "task", "coro", "line", "kind"}) EXPECT_TRUE(j.contains(field)) << field << " in " << line;
        if (j.at("kind") == "print") printed += std::string(j.at("text").as_string());
        last = line;
    }
    EXPECT_EQ(printed, "slept 1\nslept 2\n");
    auto end = boost::json::parse(last).as_object();
    EXPECT_EQ(end.at("kind").as_string(), "run_finished");
    EXPECT_EQ(end.at("status").as_string(), "ok");
    EXPECT_EQ(end.at("t").to_number<double>(), 2.0);
}

TEST_F(cli, scaled_clock_runs_at_the_given_speed)
{
    auto program = write("sleep.py", "import asyncio\nasync def main():\n    await asyncio.sleep(2)\nasyncio.run(main())\n");
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(run({program, "--clock", "scaled", "--speed", "20"}), 0);
    auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_GE(elapsed, std::chrono::milliseconds(95));
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST_F(cli, dis_prints_each_code_object_and_does_not_run_the_program)
{
    auto program = write("dis.py",
                         "import asyncio\n\nasync def ticker(n):\n    for i in range(n):\n        yield i * 2\n\n"
                         "async def main():\n    print('ran')\n    return [x async for x in ticker(3)]\n\nasyncio.run(main())\n");
    testing::internal::CaptureStdout();
    EXPECT_EQ(run({program, "--dis"}), 0);
    const std::string out = testing::internal::GetCapturedStdout();
    EXPECT_NE(out.find("Disassembly of <module>:\n     1      0  import_module               0  (asyncio)\n"), std::string::npos) << out;
    EXPECT_NE(out.find("Disassembly of ticker (line 3), an asynchronous generator:"), std::string::npos) << out;
    EXPECT_NE(out.find("Disassembly of main (line 7), a coroutine function:"), std::string::npos) << out;
    EXPECT_NE(out.find("yield_value"), std::string::npos);
    EXPECT_NE(out.find("get_anext"), std::string::npos);
    EXPECT_NE(out.find("(to "), std::string::npos) << "jumps name their target";
    EXPECT_NE(out.find("('ran')"), std::string::npos) << "constants are shown as repr() shows them";
    EXPECT_EQ(out.find("ran\n"), std::string::npos) << "the program itself does not run";

    auto broken = write("broken.py", "def f(:\n    pass\n");
    testing::internal::CaptureStderr();
    EXPECT_EQ(run({broken, "--dis"}), 1);
    EXPECT_NE(testing::internal::GetCapturedStderr().find("SyntaxError"), std::string::npos);
}
