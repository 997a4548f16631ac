#include "loopscope/protocol/messages.hpp"
#include "loopscope/protocol/requests.hpp"

#include <gtest/gtest.h>

namespace {

namespace protocol = loopscope::protocol;

const protocol::request_limits limits{.max_source_bytes = 100, .max_run_id_bytes = 8, .min_speed = 0.01, .max_speed = 10000};

protocol::client_message decode(std::string_view text)
{
    return protocol::decode_client_message(text, limits);
}

// The error code a message is refused with ("" when it is accepted).
std::string refusal(std::string_view text)
{
    auto message = decode(text);
    auto* error = std::get_if<protocol::request_error>(&message);
    return error ? std::string(error->code) : std::string{};
}

TEST(DecodeClientMessage, AcceptsARunOfAScenarioWithDefaults)
{
    auto message = decode(R"({"type":"run","run":"r1","scenario":"gather"})");
    auto& run = std::get<protocol::run_request>(message);
    EXPECT_EQ(run.run, "r1");
    EXPECT_EQ(run.scenario, "gather");
    EXPECT_FALSE(run.source);
    EXPECT_EQ(run.speed, 1.0);
    EXPECT_EQ(run.clock, protocol::clock_kind::scaled);
}

TEST(DecodeClientMessage, AcceptsARunOfSourceWithSpeedAndClock)
{
    auto message = decode(R"({"type":"run","run":"b","source":"print(1)\n","speed":250,"clock":"virtual","extra":true})");
    auto& run = std::get<protocol::run_request>(message);
    EXPECT_EQ(run.source, "print(1)\n");
    EXPECT_EQ(run.speed, 250.0);
    EXPECT_EQ(run.clock, protocol::clock_kind::virtual_);
}

TEST(DecodeClientMessage, AcceptsACancel)
{
    EXPECT_EQ(std::get<protocol::cancel_request>(decode(R"({"type":"cancel","run":"r1"})")).run, "r1");
}

TEST(DecodeClientMessage, RefusesEachKindOfBadMessageWithItsCode)
{
    EXPECT_EQ(refusal("{oops"), "invalid_json");
    EXPECT_EQ(refusal(""), "invalid_json");
    EXPECT_EQ(refusal("42"), "not_an_object");
    EXPECT_EQ(refusal("{}"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":null})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"dance"})"), "unknown_type");
    EXPECT_EQ(refusal(R"({"type":"run","scenario":"gather"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"run","run":7,"scenario":"gather"})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"run","run":"","scenario":"gather"})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"run","run":"much-too-long","scenario":"gather"})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a"})"), "scenario_or_source");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"gather","source":"x"})"), "scenario_or_source");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":["gather"]})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","source":")" + std::string(101, 'x') + "\"}"), "source_too_large");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","speed":"fast"})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","speed":0})"), "speed_out_of_range");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","speed":10001})"), "speed_out_of_range");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","speed":-1})"), "speed_out_of_range");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","clock":"wall"})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"cancel"})"), "missing_field");
}

TEST(DecodeClientMessage, ErrorsNameTheFieldAndTheRun)
{
    auto error = std::get<protocol::request_error>(decode(R"({"type":"run","run":"r9","scenario":"g","speed":1e9})"));
    EXPECT_EQ(error.run, "r9");
    EXPECT_NE(error.message.find("\"speed\""), std::string::npos) << error.message;
    EXPECT_NE(error.message.find("10000"), std::string::npos) << error.message;
}

} // namespace
