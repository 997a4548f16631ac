#pragma once

// What a client sees of one run over the websocket, and what the engine produces for the same program
// when driven directly: enough to compare the two.
#include "loopback_client.hpp"
#include "loopscope/protocol/event_json.hpp"
#include "loopscope/engine/run.hpp"

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace loopscope::testing {

// A `run` message for a program of the client's own; `extra` adds fields (`,"speed":2`).
inline std::string source_message(const std::string& run, const std::string& source, const std::string& extra = {})
{
    return R"({"type":"run","run":")" + run + R"(","source":)" + boost::json::serialize(boost::json::value(source)) + extra + "}";
}

struct run_transcript {
    std::vector<boost::json::object> events;
    boost::json::object finished; // the run_finished message
    std::vector<std::string> errors; // codes of error messages about this run

    // The printed text and the warnings, in order: what a learner reads.
    std::vector<std::string> output() const
    {
        std::vector<std::string> lines;
        for (const auto& e : events) {
            const auto& kind = e.at("kind").as_string();
            if (kind == "print") lines.emplace_back(e.at("text").as_string());
            if (kind == "warning")
                lines.push_back(std::string(e.at("category").as_string()) + ": " + std::string(e.at("message").as_string()));
        }
        return lines;
    }
};

// Reads messages for `run` until its run_finished; messages of other runs are skipped.
inline run_transcript read_run(ws_client& client, const std::string& run)
{
    run_transcript transcript;
    for (;;) {
        auto message = boost::json::parse(client.read()).as_object();
        const auto& type = message.at("type").as_string();
        const auto* id = message.if_contains("run");
        if (id == nullptr || id->as_string() != run) continue;
        if (type == "events")
            for (auto& e : message.at("events").as_array()) transcript.events.push_back(e.as_object());
        else if (type == "error")
            transcript.errors.emplace_back(message.at("code").as_string());
        else if (type == "run_finished") {
            transcript.finished = std::move(message);
            return transcript;
        }
    }
}

// Reads messages for `run` until its run_finished, which it returns, without parsing or keeping its events:
// for a run of millions of events (a hostile program that ends at the step bound), whose end alone matters.
inline boost::json::object read_run_end(ws_client& client, const std::string& run)
{
    constexpr std::string_view events_message = R"({"type":"events",)";
    for (;;) {
        auto text = client.read();
        if (std::string_view(text).substr(0, events_message.size()) == events_message) continue;
        auto message = boost::json::parse(text).as_object();
        const auto* id = message.if_contains("run");
        if (id != nullptr && id->as_string() == run && message.at("type").as_string() == "run_finished") return message;
    }
}

// Reads messages until the first `events` of `run`: the server has started the run and given it a slice.
// What was read is dropped, so use it only where those first events do not matter.
inline void wait_until_running(ws_client& client, const std::string& run)
{
    for (;;) {
        auto message = boost::json::parse(client.read()).as_object();
        const auto* id = message.if_contains("run");
        if (id != nullptr && id->as_string() == run && message.at("type").as_string() == "events") return;
    }
}

// The same program run by the engine alone on the virtual clock, its events as JSON objects.
inline run_transcript run_directly(std::string_view source)
{
    struct collector : engine::event_sink {
        run_transcript transcript;
        void on_event(const engine::event& e) override
        {
            transcript.events.push_back(boost::json::parse(protocol::event_to_json(e)).as_object());
        }
    } sink;
    engine::run program{source, engine::run_config{}, sink};
    while (!program.finished()) {
        auto step = program.advance(100'000);
        if (step.state == engine::advance_result::status::waiting) program.set_time(step.until);
    }
    return std::move(sink.transcript);
}

} // namespace loopscope::testing
