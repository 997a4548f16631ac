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
    EXPECT_FALSE(cancelled.as_object().contains("random_seed"));
    auto seeded = json::parse(protocol::encode(protocol::run_finished{
        .run = "x", .status = "ok", .elapsed = 0, .exit_status = 0, .random_seed = (std::uint64_t{1} << 53) - 1}));
    EXPECT_EQ(schema_problems(seeded, schema_of("run_finished")), std::vector<std::string>{});
    EXPECT_EQ(seeded.at("random_seed").to_number<std::uint64_t>(), (std::uint64_t{1} << 53) - 1);
}

TEST(ProtocolEncode, ErrorMatchesItsSchemaAndEscapesText)
{
    auto error = json::parse(protocol::encode(protocol::error{protocol::error_code::unknown_type, "unknown \"x\"\n"}));
    EXPECT_EQ(schema_problems(error, schema_of("error")), std::vector<std::string>{});
    EXPECT_EQ(error.at("message").as_string(), "unknown \"x\"\n");
}

TEST(ProtocolEncode, RoomMessagesMatchTheirSchemas)
{
    const std::size_t counts[] = {61, 40};
    auto created = json::parse(protocol::encode(protocol::room_created{"K7QX4M", "s3cret", counts}));
    EXPECT_EQ(schema_problems(created, schema_of("room_created")), std::vector<std::string>{});
    EXPECT_EQ(created.at("events").at(1).as_int64(), 40);

    const protocol::program_info programs[] = {{"gather", "import asyncio\n"}, {"", "print(1)\n"}};
    const protocol::poll_info poll{"open", 3};
    auto joined = json::parse(protocol::encode(protocol::room_joined{
        "K7QX4M", programs, counts, {.step = 7, .playing = true, .speed = 0.5, .mode = "compare"}, &poll}));
    EXPECT_EQ(schema_problems(joined, schema_of("room_joined")), std::vector<std::string>{});
    EXPECT_EQ(joined.at("position").at("step").as_int64(), 7);
    EXPECT_FALSE(joined.at("position").as_object().contains("type"));
    EXPECT_FALSE(joined.at("programs").at(1).as_object().contains("scenario"));
    EXPECT_EQ(joined.at("poll").at("lines").as_int64(), 3);
    auto without_poll = json::parse(protocol::encode(protocol::room_joined{"K", programs, counts, {}, nullptr}));
    EXPECT_EQ(schema_problems(without_poll, schema_of("room_joined")), std::vector<std::string>{});
    auto reclaimed = json::parse(protocol::encode_room_reclaimed(protocol::room_joined{
        "K7QX4M", programs, counts, {.step = 7, .playing = true, .speed = 0.5, .mode = "compare"}, &poll}));
    EXPECT_EQ(schema_problems(reclaimed, schema_of("room_reclaimed")), std::vector<std::string>{});
    EXPECT_EQ(reclaimed.at("type").as_string(), "room_reclaimed");
    EXPECT_EQ(schema_problems(reclaimed, schema_of("room_joined")).size(), 1u) << "only its type differs";
    for (std::string_view state : {"away", "back"})
        EXPECT_EQ(schema_problems(json::parse(protocol::encode_room_presenter("K", state)), schema_of("room_presenter")),
                  std::vector<std::string>{});
    EXPECT_EQ(schema_problems(json::parse(protocol::encode_room_presenter("K", "lost")), schema_of("room_presenter")).size(), 1u);

    std::string events;
    protocol::begin_room_events(events, "K7QX4M", 1);
    events += R"({"seq":0,"t":0,"kind":"run_started","task":null,"coro":null,"line":null})";
    protocol::end_events(events);
    EXPECT_EQ(schema_problems(json::parse(events), schema_of("room_events")), std::vector<std::string>{});

    auto position = json::parse(protocol::encode_room_position("K7QX4M", {.step = 42, .playing = false, .speed = 2, .mode = "explore"}));
    EXPECT_EQ(schema_problems(position, schema_of("room_position")), std::vector<std::string>{});
    EXPECT_FALSE(position.as_object().contains("secret"));
    EXPECT_EQ(schema_problems(json::parse(protocol::encode_room_poll("K", poll)), schema_of("room_poll")), std::vector<std::string>{});
    EXPECT_EQ(schema_problems(json::parse(protocol::encode_room_ended("K", "presenter_left")), schema_of("room_ended")),
              std::vector<std::string>{});
    EXPECT_EQ(schema_problems(json::parse(protocol::encode_room_ended("K", "reclaimed")), schema_of("room_ended")),
              std::vector<std::string>{});

    const std::size_t places[] = {1, 1, 0, 1, 1, 0, 0, 0, 2};
    const protocol::poll_tally tally{.state = "open", .lines = 3, .answers = 2, .all_right = 1, .places = places};
    auto status = json::parse(protocol::encode(protocol::room_status{"K", 2, &tally}));
    EXPECT_EQ(schema_problems(status, schema_of("room_status")), std::vector<std::string>{});
    EXPECT_EQ(status.at("poll").at("places").at(2).at(2).as_int64(), 2);
    EXPECT_EQ(status.at("poll").at("places").at(0).as_array().size(), 3u);
    EXPECT_TRUE(json::parse(protocol::encode(protocol::room_status{"K", 0, nullptr})).at("poll").is_null());

    auto error = json::parse(protocol::encode(protocol::error{.code = protocol::error_code::room_full, .message = "full", .room = "K"}));
    EXPECT_EQ(schema_problems(error, schema_of("error")), std::vector<std::string>{});
    EXPECT_EQ(error.at("room").as_string(), "K");
}

} // namespace
