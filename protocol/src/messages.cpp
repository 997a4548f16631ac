#include "loopscope/protocol/messages.hpp"

#include <boost/json.hpp>

namespace loopscope::protocol {

namespace json = boost::json;

std::string encode(const hello& message)
{
    const limits_info& limits = message.limits;
    json::array scenarios;
    for (const scenario_info& scenario : message.scenarios)
        scenarios.push_back(json::object{{"id", scenario.id},
                                         {"title", scenario.title},
                                         {"summary", scenario.summary},
                                         {"notes", scenario.notes},
                                         {"source", scenario.source},
                                         {"group", scenario.group}});
    json::object object{
        {"type", "hello"},
        {"protocol", version},
        {"server", message.server},
        {"limits",
         {{"max_message_bytes", limits.max_message_bytes},
          {"max_source_bytes", limits.max_source_bytes},
          {"max_run_id_bytes", limits.max_run_id_bytes},
          {"max_runs_per_connection", limits.max_runs_per_connection},
          {"min_speed", limits.min_speed},
          {"max_speed", limits.max_speed},
          {"max_tasks", limits.max_tasks},
          {"max_steps", limits.max_steps},
          {"max_program_seconds", limits.max_program_seconds},
          {"max_output_lines", limits.max_output_lines},
          {"max_memory_bytes", limits.max_memory_bytes},
          {"max_operation_steps", limits.max_operation_steps}}},
        {"scenarios", std::move(scenarios)},
    };
    return json::serialize(object);
}

void begin_events(std::string& out, std::string_view run)
{
    out.append(R"({"type":"events","run":)");
    out.append(json::serialize(json::value(json::string_view(run.data(), run.size()))));
    out.append(R"(,"events":[)");
}

void end_events(std::string& out)
{
    out.append("]}");
}

std::string encode(const run_finished& message)
{
    json::object object{
        {"type", "run_finished"},
        {"run", message.run},
        {"status", message.status},
        {"elapsed", message.elapsed},
        {"exit_status", message.exit_status},
    };
    if (message.error != nullptr) {
        json::object error{{"type", message.error->type}, {"message", message.error->message}};
        error["line"] = message.error->line > 0 ? json::value(message.error->line) : json::value(nullptr);
        if (message.error->column > 0) error["column"] = message.error->column;
        object["error"] = std::move(error);
    }
    if (!message.reason.empty()) object["reason"] = message.reason;
    if (message.random_seed) object["random_seed"] = *message.random_seed;
    return json::serialize(object);
}

std::string encode(const error& message)
{
    json::object object{
        {"type", "error"},
        {"code", message.code},
        {"message", message.message},
    };
    if (!message.run.empty()) object["run"] = message.run;
    if (message.line > 0) object["line"] = message.line;
    if (message.column > 0) object["column"] = message.column;
    if (!message.room.empty()) object["room"] = message.room;
    return json::serialize(object);
}

namespace {

json::array counts(std::span<const std::size_t> values)
{
    json::array array;
    for (std::size_t value : values) array.push_back(value);
    return array;
}

json::object position_fields(std::string_view type, std::string_view room, const position_info& position)
{
    return json::object{{"type", type},
                        {"room", room},
                        {"step", position.step},
                        {"playing", position.playing},
                        {"speed", position.speed},
                        {"mode", position.mode}};
}

json::object poll_fields(const poll_info& poll)
{
    return json::object{{"state", poll.state}, {"lines", poll.lines}};
}

} // namespace

std::string encode(const room_created& message)
{
    return json::serialize(json::object{{"type", "room_created"},
                                        {"room", message.room},
                                        {"secret", message.secret},
                                        {"events", counts(message.event_counts)}});
}

namespace {

std::string encode_room_snapshot(std::string_view type, const room_joined& message)
{
    json::array programs;
    for (const program_info& program : message.programs) {
        json::object one{{"source", program.source}};
        if (!program.scenario.empty()) one["scenario"] = program.scenario;
        programs.push_back(std::move(one));
    }
    json::object object{{"type", type},
                        {"room", message.room},
                        {"programs", std::move(programs)},
                        {"events", counts(message.event_counts)},
                        {"position", position_fields("", message.room, message.position)}};
    auto& position = object["position"].as_object();
    position.erase("type");
    position.erase("room");
    object["poll"] = message.poll ? json::value(poll_fields(*message.poll)) : json::value(nullptr);
    return json::serialize(object);
}

} // namespace

std::string encode(const room_joined& message)
{
    return encode_room_snapshot("room_joined", message);
}

std::string encode_room_reclaimed(const room_joined& message)
{
    return encode_room_snapshot("room_reclaimed", message);
}

void begin_room_events(std::string& out, std::string_view room, std::size_t program)
{
    out.append(R"({"type":"room_events","room":)");
    out.append(json::serialize(json::value(json::string_view(room.data(), room.size()))));
    out.append(R"(,"program":)").append(std::to_string(program)).append(R"(,"events":[)");
}

std::string encode_room_position(std::string_view room, const position_info& position)
{
    return json::serialize(position_fields("room_position", room, position));
}

std::string encode_room_poll(std::string_view room, const poll_info& poll)
{
    json::object object = poll_fields(poll);
    object["type"] = "room_poll";
    object["room"] = room;
    return json::serialize(object);
}

std::string encode(const room_status& message)
{
    json::object object{{"type", "room_status"}, {"room", message.room}, {"viewers", message.viewers}};
    if (message.poll == nullptr) {
        object["poll"] = nullptr;
    } else {
        const poll_tally& poll = *message.poll;
        json::array places;
        for (std::size_t line = 0; line < poll.lines; ++line)
            places.push_back(counts(poll.places.subspan(line * poll.lines, poll.lines)));
        object["poll"] = json::object{{"state", poll.state},
                                      {"lines", poll.lines},
                                      {"answers", poll.answers},
                                      {"all_right", poll.all_right},
                                      {"places", std::move(places)}};
    }
    return json::serialize(object);
}

std::string encode_room_presenter(std::string_view room, std::string_view state)
{
    return json::serialize(json::object{{"type", "room_presenter"}, {"room", room}, {"state", state}});
}

std::string encode_room_ended(std::string_view room, std::string_view reason)
{
    return json::serialize(json::object{{"type", "room_ended"}, {"room", room}, {"reason", reason}});
}

} // namespace loopscope::protocol
