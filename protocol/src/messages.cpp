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
                                         {"source", scenario.source}});
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
    return json::serialize(object);
}

} // namespace loopscope::protocol
