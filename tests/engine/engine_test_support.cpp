#include "engine_test_support.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace loopscope::engine::testing {

std::vector<std::string> run_output::timed_prints() const
{
    std::vector<std::string> out;
    for (const auto& e : events) {
        if (e.kind != "print") continue;
        char t[32];
        std::snprintf(t, sizeof t, "t=%.2f ", e.t);
        std::string text = *e.text;
        if (!text.empty() && text.back() == '\n') text.pop_back();
        out.push_back(t + text);
    }
    return out;
}

const event_record* run_output::last(const std::string& kind) const
{
    for (auto it = events.rbegin(); it != events.rend(); ++it)
        if (it->kind == kind) return &*it;
    return nullptr;
}

run_output run_virtual(const std::string& source, run_config config)
{
    recording_sink sink;
    run_output out;
    {
        run r(source, config, sink);
        while (true) {
            auto res = r.advance(1000);
            if (res.state == advance_result::status::finished) break;
            if (res.state == advance_result::status::waiting) r.set_time(res.until);
        }
        out.exit_status = r.exit_status();
        out.end_time = r.now();
    }
    out.events = std::move(sink.events);
    for (const auto& e : out.events) {
        if (e.kind == "print") out.stdout_text += *e.text;
        if (e.kind == "stderr") out.stderr_text += *e.text;
    }
    return out;
}

run_output run_clean(const std::string& source, run_config config)
{
    auto out = run_virtual(source, config);
    EXPECT_EQ(out.exit_status, 0) << "the program:\n" << source << "its stderr:\n" << out.stderr_text;
    EXPECT_EQ(out.stderr_text, "") << "the program:\n" << source;
    return out;
}

void expect_memory_bound(const std::string& program)
{
    run_config config;
    config.max_memory_bytes = 2u << 20;
    auto out = run_virtual(program, config);
    EXPECT_NE(limit_message(out).find("max_memory_bytes"), std::string::npos) << program << limit_message(out);
}

void expect_refused_where_reached(const std::string& program, const std::string& what)
{
    auto out = run_virtual("print('before')\n" + program);
    EXPECT_EQ(out.stdout_text, "before\n") << program;
    const auto* end = out.last("run_finished");
    ASSERT_TRUE(end && end->error) << program;
    EXPECT_EQ(end->error->type, "UnsupportedError") << program;
    EXPECT_NE(end->error->message.find(what), std::string::npos) << program << ": " << end->error->message;
}

} // namespace loopscope::engine::testing
