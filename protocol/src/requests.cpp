#include "loopscope/protocol/requests.hpp"

#include "loopscope/protocol/messages.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <cmath>

namespace loopscope::protocol {

namespace json = boost::json;

namespace {

// 0.01, 250, 1e+09: the shortest text that reads back as the same number.
std::string format_number(double number)
{
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, number);
    return std::string(text, end);
}

request_error fail(std::string_view code, std::string message, std::string run = {})
{
    return {code, std::move(message), std::move(run)};
}

// Reads an optional string field; an error when present with another type.
std::optional<request_error> string_field(const json::object& object, std::string_view name,
                                          std::optional<std::string>& out, const std::string& run)
{
    const json::value* value = object.if_contains(name);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_string())
        return fail(error_code::wrong_field_type, "the field \"" + std::string(name) + "\" must be a string", run);
    out.emplace(value->get_string());
    return std::nullopt;
}

// The `run` id every run and cancel message carries.
std::variant<std::string, request_error> run_id(const json::object& object, const request_limits& limits)
{
    const json::value* value = object.if_contains("run");
    if (value == nullptr) return fail(error_code::missing_field, "the message has no \"run\" field (the run's id)");
    if (!value->is_string()) return fail(error_code::wrong_field_type, "the field \"run\" must be a string");
    std::string id(value->get_string());
    if (id.empty() || id.size() > limits.max_run_id_bytes)
        return fail(error_code::invalid_value,
                    "the field \"run\" must be 1 to " + std::to_string(limits.max_run_id_bytes) + " bytes long");
    return id;
}

client_message decode_run(const json::object& object, std::string id, const request_limits& limits)
{
    run_request request;
    request.run = std::move(id);
    if (auto error = string_field(object, "scenario", request.scenario, request.run)) return *error;
    if (auto error = string_field(object, "source", request.source, request.run)) return *error;
    if (request.scenario.has_value() == request.source.has_value())
        return fail(error_code::scenario_or_source,
                    "a run needs exactly one of \"scenario\" (a catalog id) and \"source\" (a program's text)",
                    request.run);
    if (request.source && request.source->size() > limits.max_source_bytes)
        return fail(error_code::source_too_large,
                    "the field \"source\" is " + std::to_string(request.source->size()) + " bytes; the limit is " +
                        std::to_string(limits.max_source_bytes),
                    request.run);

    if (const json::value* speed = object.if_contains("speed"); speed != nullptr && !speed->is_null()) {
        if (!speed->is_number())
            return fail(error_code::wrong_field_type, "the field \"speed\" must be a number", request.run);
        request.speed = speed->to_number<double>();
        if (!std::isfinite(request.speed) || request.speed < limits.min_speed || request.speed > limits.max_speed) {
            return fail(error_code::speed_out_of_range,
                        "the field \"speed\" is " + format_number(request.speed) + "; it must be between " +
                            format_number(limits.min_speed) + " and " + format_number(limits.max_speed),
                        request.run);
        }
    }

    std::optional<std::string> clock;
    if (auto error = string_field(object, "clock", clock, request.run)) return *error;
    if (clock == "virtual") request.clock = clock_kind::virtual_;
    else if (clock && clock != "scaled")
        return fail(error_code::invalid_value, "the field \"clock\" must be \"scaled\" or \"virtual\", not \"" + *clock + "\"",
                    request.run);
    return request;
}

} // namespace

client_message decode_client_message(std::string_view text, const request_limits& limits)
{
    boost::system::error_code ec;
    json::value value = json::parse(text, ec);
    if (ec) return fail(error_code::invalid_json, "the message is not valid JSON: " + ec.message());
    const json::object* object = value.if_object();
    if (object == nullptr) return fail(error_code::not_an_object, "a message must be a JSON object with a \"type\" field");
    const json::value* type = object->if_contains("type");
    if (type == nullptr) return fail(error_code::missing_field, "the message has no \"type\" field");
    if (!type->is_string()) return fail(error_code::wrong_field_type, "the field \"type\" must be a string");

    const json::string& name = type->get_string();
    if (name != "run" && name != "cancel")
        return fail(error_code::unknown_type, "unknown message type \"" + std::string(name) + "\"; a client sends \"run\" or \"cancel\"");
    auto id = run_id(*object, limits);
    if (auto* error = std::get_if<request_error>(&id)) return std::move(*error);
    if (name == "cancel") return cancel_request{std::get<std::string>(std::move(id))};
    return decode_run(*object, std::get<std::string>(std::move(id)), limits);
}

} // namespace loopscope::protocol
