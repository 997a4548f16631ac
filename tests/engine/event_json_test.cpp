#include <loopscope/engine/event_json.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <gtest/gtest.h>

using loopscope::engine::event;
using loopscope::engine::event_to_json;

TEST(event_json, envelope_fields_are_always_present)
{
    event e;
    e.seq = 7;
    e.t = 3.0;
    e.kind = "loop";
    e.state = "running";
    e.loop = 1;
    auto j = boost::json::parse(event_to_json(e)).as_object();
    EXPECT_EQ(j.at("seq").to_number<std::uint64_t>(), 7u);
    EXPECT_EQ(j.at("t").to_number<double>(), 3.0);
    EXPECT_TRUE(j.at("task").is_null());
    EXPECT_TRUE(j.at("coro").is_null());
    EXPECT_TRUE(j.at("line").is_null());
    EXPECT_EQ(j.at("state").as_string(), "running");
    EXPECT_FALSE(j.contains("text"));
}

TEST(event_json, strings_are_escaped_and_utf8_passes_through)
{
    event e;
    e.kind = "print";
    e.task = "Task-1";
    e.line = 4;
    e.text = std::string("quote\" back\\ nl\n tab\t bell\x07 nul") + '\0' + " caf\xc3\xa9 \xe2\x9c\x93";
    std::string json = event_to_json(e);
    EXPECT_NE(json.find("\\u0007"), std::string::npos);
    EXPECT_NE(json.find("\\u0000"), std::string::npos);
    EXPECT_NE(json.find("caf\xc3\xa9"), std::string::npos);
    auto j = boost::json::parse(json).as_object();
    EXPECT_EQ(std::string(j.at("text").as_string()), *e.text);
    EXPECT_EQ(j.at("line").as_int64(), 4);
}

TEST(event_json, errors_and_lists)
{
    event e;
    e.kind = "run_finished";
    e.status = "error";
    e.error = loopscope::engine::error_info{"ZeroDivisionError", "division by zero", 3};
    e.children = {"Task-2", "Task-3"};
    auto j = boost::json::parse(event_to_json(e)).as_object();
    EXPECT_EQ(j.at("error").at("type").as_string(), "ZeroDivisionError");
    EXPECT_EQ(j.at("error").at("line").as_int64(), 3);
    EXPECT_EQ(j.at("children").as_array().size(), 2u);
}

TEST(event_json, bytes_that_are_not_utf8_become_replacement_characters)
{
    event e;
    e.kind = "print";
    e.text = std::string("ok \xff \xc3 end \xe2\x9c\x93");
    std::string json = event_to_json(e);
    auto j = boost::json::parse(json).as_object();
    EXPECT_EQ(std::string(j.at("text").as_string()), "ok \xef\xbf\xbd \xef\xbf\xbd end \xe2\x9c\x93");
}
