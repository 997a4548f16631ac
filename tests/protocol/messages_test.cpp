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
    EXPECT_EQ(problems.size(), 3u) << "wrong type and const for protocol, missing server";
}

TEST(ProtocolEncode, HelloMatchesItsSchema)
{
    auto hello = json::parse(protocol::encode(protocol::hello{"loopscope/9.9.9"}));
    EXPECT_EQ(schema_problems(hello, schema_of("hello")), std::vector<std::string>{});
    EXPECT_EQ(hello.at("server").as_string(), "loopscope/9.9.9");
    EXPECT_EQ(hello.at("protocol").as_int64(), protocol::version);
}

TEST(ProtocolEncode, ErrorMatchesItsSchemaAndEscapesText)
{
    auto error = json::parse(protocol::encode(protocol::error{protocol::error_code::unknown_type, "unknown \"x\"\n"}));
    EXPECT_EQ(schema_problems(error, schema_of("error")), std::vector<std::string>{});
    EXPECT_EQ(error.at("message").as_string(), "unknown \"x\"\n");
}

} // namespace
