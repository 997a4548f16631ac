#include <loopscope/protocol/event_json.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <gtest/gtest.h>

using loopscope::protocol::event;
using loopscope::protocol::event_kind;
using loopscope::protocol::event_record;
using loopscope::protocol::event_to_json;

TEST(event_json, envelope_fields_are_always_present)
{
    event e;
    e.seq = 7;
    e.t = 3.0;
    e.kind = event_kind::loop;
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
    e.kind = event_kind::print;
    e.task = "Task-1";
    e.line = 4;
    const std::string text = std::string("quote\" back\\ nl\n tab\t bell\x07 nul") + '\0' + " caf\xc3\xa9 \xe2\x9c\x93";
    e.text = text;
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
    e.kind = event_kind::run_finished;
    e.status = "error";
    const loopscope::protocol::error_info error{"ZeroDivisionError", "division by zero", 3};
    e.error = &error;
    e.children = {"Task-2", "Task-3"};
    auto j = boost::json::parse(event_to_json(e)).as_object();
    EXPECT_EQ(j.at("error").at("type").as_string(), "ZeroDivisionError");
    EXPECT_EQ(j.at("error").at("line").as_int64(), 3);
    EXPECT_EQ(j.at("children").as_array().size(), 2u);
}

TEST(event_json, bytes_that_are_not_utf8_become_replacement_characters)
{
    event e;
    e.kind = event_kind::print;
    e.text = "ok \xff \xc3 end \xe2\x9c\x93";
    std::string json = event_to_json(e);
    auto j = boost::json::parse(json).as_object();
    EXPECT_EQ(std::string(j.at("text").as_string()), "ok \xef\xbf\xbd \xef\xbf\xbd end \xe2\x9c\x93");
}

TEST(event_json, every_kind_is_written_by_its_wire_name)
{
    for (std::size_t k = 0; k < std::size(loopscope::protocol::event_kind_names); ++k) {
        event e;
        e.kind = static_cast<event_kind>(k);
        const std::string_view name = loopscope::protocol::event_kind_names[k];
        auto j = boost::json::parse(event_to_json(e)).as_object();
        EXPECT_EQ(j.at("kind").as_string(), name);
        EXPECT_EQ(loopscope::protocol::event_kind_from_name(name), e.kind);
    }
    EXPECT_EQ(loopscope::protocol::event_kind_name(event_kind::stderr_text), "stderr");
    EXPECT_FALSE(loopscope::protocol::event_kind_from_name("no_such_kind"));
}

TEST(event_json, a_record_outlives_the_strings_it_was_made_from_and_writes_the_same_bytes)
{
    event_record record;
    std::string first_json;
    {
        std::string task = "Task-7";
        std::string result = "[1, 2]";
        const loopscope::protocol::error_info error{"ValueError", "bad", 2};
        event e;
        e.seq = 12;
        e.t = 0.5;
        e.kind = event_kind::task_done;
        e.task = task;
        e.coro = "worker";
        e.line = 9;
        e.status = "result";
        e.result = result;
        e.error = &error;
        e.children = {task, "<future>"};
        e.delay = 1.25;
        first_json = event_to_json(e);
        record = e;
        task.assign(40, 'x'); // the record copied the text, not the view
    }
    EXPECT_EQ(event_to_json(record.view()), first_json);
    EXPECT_EQ(*record.task, "Task-7");
    EXPECT_EQ(record.children.at(0), "Task-7");
    ASSERT_TRUE(record.error);
    EXPECT_EQ(record.error->message, "bad");
}

namespace {

// The escaping as the spec says it, byte by byte: what the writer's faster scan must equal
std::string reference_json_string(std::string_view s)
{
    static const char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
            bool ok = n != 0 && i + n <= s.size();
            for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
            if (ok) {
                const auto c1 = static_cast<unsigned char>(s[i + 1]);
                ok = !((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90));
            }
            if (!ok) {
                out += "\\ufffd";
            } else {
                out.append(s.substr(i, n));
                i += n - 1;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

} // namespace

TEST(event_json, the_escaping_of_any_bytes_is_the_byte_by_byte_one)
{
    // Random strings of every length around the 8-byte scan and past 64 (the exact size counted), from a small alphabet of the interesting
    // bytes (plain, quote, backslash, controls, 0x7f, UTF-8 leads and continuations, stray bytes)
    const unsigned char alphabet[] = {'a', 'Z', ' ', '~', '"', '\\', '\n', '\t', 0x00, 0x1f, 0x7f, 0x80, 0xbf, 0xc2, 0xc3,
                                      0xa9, 0xe0, 0xe2, 0x9c, 0x93, 0xed, 0xf0, 0xf4, 0x90, 0xff};
    std::uint64_t state = 12345;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    for (int round = 0; round < 20000; ++round) {
        std::string s(next() % 200, ' ');
        const bool mostly_plain = round % 2 == 0;
        for (auto& ch : s) ch = static_cast<char>(mostly_plain && next() % 8 != 0 ? 'a' + next() % 26 : alphabet[next() % std::size(alphabet)]);
        std::string written;
        loopscope::protocol::append_json_string(written, s);
        ASSERT_EQ(written, reference_json_string(s)) << "round " << round;
    }
}
