#include "loopscope/protocol/messages.hpp"
#include "schema_check.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace json = boost::json;
namespace protocol = loopscope::protocol;
using loopscope::testing::schema_problems;

const std::filesystem::path protocol_dir = LOOPSCOPE_PROTOCOL_DIR;

json::value load(const std::filesystem::path& file)
{
    std::ifstream in{file};
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

json::object schema_of(std::string_view type)
{
    return load(protocol_dir / "schema" / (std::string(type) + ".schema.json")).as_object();
}

TEST(ProtocolExamples, EveryExampleMatchesTheSchemaOfItsType)
{
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(protocol_dir / "examples")) {
        auto example = load(entry.path());
        ASSERT_TRUE(example.is_object()) << entry.path();
        auto type = example.at("type").as_string();
        ASSERT_TRUE(std::filesystem::exists(protocol_dir / "schema" / (std::string(type) + ".schema.json")))
            << entry.path() << " has no schema for type " << type;
        EXPECT_EQ(schema_problems(example, schema_of(type)), std::vector<std::string>{}) << entry.path();
        ++checked;
    }
    EXPECT_GE(checked, 2);
}

TEST(ProtocolExamples, TheSchemaCheckCanFail)
{
    auto problems = schema_problems(json::parse(R"({"type":"hello","protocol":"1"})"), schema_of("hello"));
    EXPECT_EQ(problems.size(), 5u) << "wrong type and const for protocol; server, limits, scenarios missing";
}

TEST(ProtocolEncode, HelloMatchesItsSchema)
{
    const protocol::scenario_info scenarios[] = {{"a", "A", "sum", "notes", "print(1)\n"}, {"b", "B", "s", "n", "x"}};
    auto hello = json::parse(protocol::encode(protocol::hello{
        .server = "loopscope/9.9.9",
        .limits = {.max_message_bytes = 10, .max_source_bytes = 5, .max_run_id_bytes = 3, .max_runs_per_connection = 2,
                   .min_speed = 0.5, .max_speed = 8, .max_tasks = 7, .max_steps = 6, .max_program_seconds = 4.5,
                   .max_output_lines = 9, .max_memory_bytes = 11, .max_operation_steps = 12},
        .scenarios = scenarios,
    }));
    EXPECT_EQ(schema_problems(hello, schema_of("hello")), std::vector<std::string>{});
    EXPECT_EQ(hello.at("server").as_string(), "loopscope/9.9.9");
    EXPECT_EQ(hello.at("protocol").as_int64(), protocol::version);
    EXPECT_EQ(hello.at("limits").at("max_speed").to_number<double>(), 8.0);
    EXPECT_EQ(hello.at("scenarios").as_array().size(), 2u);
    EXPECT_EQ(hello.at("scenarios").at(0).at("source").as_string(), "print(1)\n");
}

TEST(ProtocolEncode, EventsAreBuiltInPlace)
{
    std::string message;
    protocol::begin_events(message, "r\"1");
    message += R"({"seq":0,"t":0,"kind":"run_started","task":null,"coro":null,"line":null})";
    protocol::end_events(message);
    auto events = json::parse(message);
    EXPECT_EQ(schema_problems(events, schema_of("events")), std::vector<std::string>{});
    EXPECT_EQ(events.at("run").as_string(), "r\"1");
}

TEST(ProtocolEncode, RunFinishedMatchesItsSchema)
{
    protocol::run_error error{"SyntaxError", "invalid syntax", 4, 11};
    auto failed = json::parse(protocol::encode(protocol::run_finished{
        .run = "x", .status = "error", .elapsed = 1.5, .exit_status = 1, .error = &error}));
    EXPECT_EQ(schema_problems(failed, schema_of("run_finished")), std::vector<std::string>{});
    EXPECT_EQ(failed.at("error").at("column").as_int64(), 11);
    auto cancelled = json::parse(protocol::encode(protocol::run_finished{
        .run = "x", .status = "cancelled", .elapsed = 0, .exit_status = 1, .reason = "bye"}));
    EXPECT_EQ(schema_problems(cancelled, schema_of("run_finished")), std::vector<std::string>{});
    EXPECT_FALSE(cancelled.as_object().contains("error"));
}

TEST(ProtocolEncode, ErrorMatchesItsSchemaAndEscapesText)
{
    auto error = json::parse(protocol::encode(protocol::error{protocol::error_code::unknown_type, "unknown \"x\"\n"}));
    EXPECT_EQ(schema_problems(error, schema_of("error")), std::vector<std::string>{});
    EXPECT_EQ(error.at("message").as_string(), "unknown \"x\"\n");
}

} // namespace
