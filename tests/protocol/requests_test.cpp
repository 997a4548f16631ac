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

TEST(DecodeClientMessage, ARunMayGiveTheSeedToReplay)
{
    EXPECT_FALSE(std::get<protocol::run_request>(decode(R"({"type":"run","run":"a","scenario":"g"})")).random_seed);
    EXPECT_EQ(std::get<protocol::run_request>(decode(R"({"type":"run","run":"a","scenario":"g","random_seed":42})")).random_seed, 42u);
    EXPECT_EQ(std::get<protocol::run_request>(decode(R"({"type":"run","run":"a","scenario":"g","random_seed":0})")).random_seed, 0u);
    EXPECT_EQ(std::get<protocol::run_request>(decode(R"({"type":"run","run":"a","scenario":"g","random_seed":9007199254740991})")).random_seed,
              protocol::max_random_seed);
    EXPECT_FALSE(std::get<protocol::run_request>(decode(R"({"type":"run","run":"a","scenario":"g","random_seed":null})")).random_seed);
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","random_seed":9007199254740992})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","random_seed":18446744073709551615})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","random_seed":-1})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","random_seed":1.5})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"run","run":"a","scenario":"g","random_seed":"7"})"), "wrong_field_type");
    auto error = std::get<protocol::request_error>(decode(R"({"type":"run","run":"a","scenario":"g","random_seed":-1})"));
    EXPECT_EQ(error.message, "the field \"random_seed\" is -1; it must be between 0 and 9007199254740991");
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

namespace room_tests {

TEST(DecodeRoomMessages, AcceptsEachRoomMessage)
{
    auto create = std::get<protocol::room_create_request>(
        decode(R"({"type":"room_create","programs":[{"scenario":"sequential_awaited"},{"source":"print(1)\n"}],"mode":"compare","speed":2})"));
    ASSERT_EQ(create.programs.size(), 2u);
    EXPECT_EQ(create.programs[0].scenario, "sequential_awaited");
    EXPECT_EQ(create.programs[1].source, "print(1)\n");
    EXPECT_EQ(create.position.mode, protocol::room_mode::compare);
    EXPECT_EQ(create.position.speed, 2.0);
    EXPECT_EQ(create.position.step, 0u);

    EXPECT_EQ(std::get<protocol::room_join_request>(decode(R"({"type":"room_join","room":"ABC234"})")).room, "ABC234");
    EXPECT_EQ(std::get<protocol::room_leave_request>(decode(R"({"type":"room_leave","room":"ABC234"})")).room, "ABC234");
    auto position = std::get<protocol::room_position_request>(decode(
        R"({"type":"room_position","room":"R","secret":"S","step":12,"playing":true,"speed":0.5,"mode":"predict"})"));
    EXPECT_EQ(position.secret, "S");
    EXPECT_EQ(position.position.step, 12u);
    EXPECT_TRUE(position.position.playing);
    EXPECT_EQ(position.position.mode, protocol::room_mode::predict);
    auto poll = std::get<protocol::room_poll_request>(decode(R"({"type":"room_poll","room":"R","secret":"S","action":"open","lines":3})"));
    EXPECT_EQ(poll.action, protocol::poll_action::open);
    EXPECT_EQ(poll.lines, 3u);
    EXPECT_EQ(std::get<protocol::room_poll_request>(decode(R"({"type":"room_poll","room":"R","secret":"S","action":"reveal"})")).action,
              protocol::poll_action::reveal);
    auto answer = std::get<protocol::room_answer_request>(decode(R"({"type":"room_answer","room":"R","order":[2,0,1]})"));
    EXPECT_EQ(answer.order, (std::vector<std::size_t>{2, 0, 1}));
    EXPECT_EQ(std::get<protocol::room_close_request>(decode(R"({"type":"room_close","room":"R","secret":"S"})")).secret, "S");
    auto reclaim = std::get<protocol::room_reclaim_request>(decode(R"({"type":"room_reclaim","room":"R","secret":"S"})"));
    EXPECT_EQ(reclaim.room, "R");
    EXPECT_EQ(reclaim.secret, "S");
}

TEST(DecodeRoomMessages, RefusesEachKindOfBadRoomMessageWithItsCode)
{
    EXPECT_EQ(refusal(R"({"type":"room_create"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_create","programs":[]})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_create","programs":[{"scenario":"a"},{"scenario":"b"},{"scenario":"c"}]})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_create","programs":[{}]})"), "scenario_or_source");
    EXPECT_EQ(refusal(R"({"type":"room_create","programs":[{"source":")" + std::string(101, 'x') + R"("}]})"), "source_too_large");
    EXPECT_EQ(refusal(R"({"type":"room_create","programs":[{"scenario":"a"}],"mode":"dance"})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_create","programs":[{"scenario":"a"}],"speed":0})"), "speed_out_of_range");
    EXPECT_EQ(refusal(R"({"type":"room_join"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_join","room":5})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"room_join","room":""})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_join","room":")" + std::string(65, 'A') + R"("})"), "invalid_value");
    // Driving needs the secret; a viewer's message without one is refused before it reaches a room
    EXPECT_EQ(refusal(R"({"type":"room_position","room":"R","step":1,"playing":false,"speed":1,"mode":"explore"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_position","room":"R","secret":"S","playing":false,"speed":1,"mode":"explore"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_position","room":"R","secret":"S","step":-1,"playing":false,"speed":1,"mode":"explore"})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_position","room":"R","secret":"S","step":1.5,"playing":false,"speed":1,"mode":"explore"})"), "wrong_field_type");
    EXPECT_EQ(refusal(R"({"type":"room_poll","room":"R","secret":"S"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_poll","room":"R","secret":"S","action":"vote"})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_poll","room":"R","secret":"S","action":"open"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_poll","room":"R","secret":"S","action":"open","lines":1})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_poll","room":"R","secret":"S","action":"open","lines":65})"), "invalid_value");
    EXPECT_EQ(refusal(R"({"type":"room_answer","room":"R","order":[0,-1]})"), "bad_poll_answer");
    EXPECT_EQ(refusal(R"({"type":"room_answer","room":"R","order":["a"]})"), "bad_poll_answer");
    EXPECT_EQ(refusal(R"({"type":"room_answer","room":"R"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_close","room":"R"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_reclaim","room":"R"})"), "missing_field");
    EXPECT_EQ(refusal(R"({"type":"room_reclaim","room":"R","secret":""})"), "invalid_value");

    auto message = decode(R"({"type":"room_poll","room":"R7","secret":"S","action":"vote"})");
    EXPECT_EQ(std::get<protocol::request_error>(message).room, "R7") << "the error names the room";
}

} // namespace room_tests
