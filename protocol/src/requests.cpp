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

    if (const json::value* seed = object.if_contains("random_seed"); seed != nullptr && !seed->is_null()) {
        if (!seed->is_int64() && !seed->is_uint64())
            return fail(error_code::wrong_field_type, "the field \"random_seed\" must be an integer", request.run);
        const bool negative = seed->is_int64() && seed->get_int64() < 0;
        const std::uint64_t n = negative ? 0 : seed->is_uint64() ? seed->get_uint64() : static_cast<std::uint64_t>(seed->get_int64());
        if (negative || n > max_random_seed)
            return fail(error_code::invalid_value,
                        "the field \"random_seed\" is " + json::serialize(*seed) + "; it must be between 0 and " +
                            std::to_string(max_random_seed),
                        request.run);
        request.random_seed = n;
    }

    std::optional<std::string> clock;
    if (auto error = string_field(object, "clock", clock, request.run)) return *error;
    if (clock == "virtual") request.clock = clock_kind::virtual_;
    else if (clock && clock != "scaled")
        return fail(error_code::invalid_value, "the field \"clock\" must be \"scaled\" or \"virtual\", not \"" + *clock + "\"",
                    request.run);
    return request;
}

// A required string naming a room or holding its secret: 1 to max_room_field_bytes bytes.
std::variant<std::string, request_error> room_field(const json::object& object, std::string_view name,
                                                   const request_limits& limits, const std::string& room = {})
{
    const json::value* value = object.if_contains(name);
    if (value == nullptr)
        return request_error{error_code::missing_field, "the message has no \"" + std::string(name) + "\" field", {}, room};
    if (!value->is_string())
        return request_error{error_code::wrong_field_type, "the field \"" + std::string(name) + "\" must be a string", {}, room};
    std::string text(value->get_string());
    if (text.empty() || text.size() > limits.max_room_field_bytes)
        return request_error{error_code::invalid_value,
                             "the field \"" + std::string(name) + "\" must be 1 to " +
                                 std::to_string(limits.max_room_field_bytes) + " bytes long",
                             {}, room};
    return text;
}

request_error room_fail(std::string_view code, std::string message, const std::string& room)
{
    return request_error{code, std::move(message), {}, room};
}

// The position fields of room_create (each optional, with its default) and room_position (required).
std::optional<request_error> position_fields(const json::object& object, room_position& out, bool required,
                                             const request_limits& limits, const std::string& room)
{
    auto missing = [&](std::string_view name) {
        return room_fail(error_code::missing_field, "the message has no \"" + std::string(name) + "\" field", room);
    };
    if (const json::value* step = object.if_contains("step")) {
        if (!step->is_int64() && !step->is_uint64())
            return room_fail(error_code::wrong_field_type, "the field \"step\" must be an integer", room);
        if (step->is_int64() && step->get_int64() < 0)
            return room_fail(error_code::invalid_value, "the field \"step\" must not be negative", room);
        out.step = step->to_number<std::uint64_t>();
    } else if (required) {
        return missing("step");
    }
    if (const json::value* playing = object.if_contains("playing")) {
        if (!playing->is_bool()) return room_fail(error_code::wrong_field_type, "the field \"playing\" must be true or false", room);
        out.playing = playing->get_bool();
    } else if (required) {
        return missing("playing");
    }
    if (const json::value* speed = object.if_contains("speed")) {
        if (!speed->is_number()) return room_fail(error_code::wrong_field_type, "the field \"speed\" must be a number", room);
        out.speed = speed->to_number<double>();
        if (!std::isfinite(out.speed) || out.speed < limits.min_speed || out.speed > limits.max_speed)
            return room_fail(error_code::speed_out_of_range,
                             "the field \"speed\" is " + format_number(out.speed) + "; it must be between " +
                                 format_number(limits.min_speed) + " and " + format_number(limits.max_speed),
                             room);
    } else if (required) {
        return missing("speed");
    }
    if (const json::value* mode = object.if_contains("mode")) {
        if (!mode->is_string()) return room_fail(error_code::wrong_field_type, "the field \"mode\" must be a string", room);
        if (mode->get_string() == "explore") out.mode = room_mode::explore;
        else if (mode->get_string() == "compare") out.mode = room_mode::compare;
        else if (mode->get_string() == "predict") out.mode = room_mode::predict;
        else
            return room_fail(error_code::invalid_value, "the field \"mode\" must be \"explore\", \"compare\" or \"predict\"", room);
    } else if (required) {
        return missing("mode");
    }
    return std::nullopt;
}

client_message decode_room_create(const json::object& object, const request_limits& limits)
{
    room_create_request request;
    const json::value* programs = object.if_contains("programs");
    if (programs == nullptr) return fail(error_code::missing_field, "the message has no \"programs\" field");
    if (!programs->is_array()) return fail(error_code::wrong_field_type, "the field \"programs\" must be an array");
    const json::array& list = programs->get_array();
    if (list.empty() || list.size() > 2)
        return fail(error_code::invalid_value, "a room shows one program, or two side by side (compare)");
    for (const json::value& item : list) {
        if (!item.is_object()) return fail(error_code::wrong_field_type, "each of \"programs\" must be an object");
        room_program program;
        if (auto error = string_field(item.get_object(), "scenario", program.scenario, {})) return *error;
        if (auto error = string_field(item.get_object(), "source", program.source, {})) return *error;
        if (program.scenario.has_value() == program.source.has_value())
            return fail(error_code::scenario_or_source,
                        "each program needs exactly one of \"scenario\" (a catalog id) and \"source\" (a program's text)");
        if (program.source && program.source->size() > limits.max_source_bytes)
            return fail(error_code::source_too_large, "a program's \"source\" is " + std::to_string(program.source->size()) +
                                                          " bytes; the limit is " + std::to_string(limits.max_source_bytes));
        request.programs.push_back(std::move(program));
    }
    if (auto error = position_fields(object, request.position, false, limits, {})) return *error;
    return request;
}

client_message decode_room_poll(const json::object& object, std::string room, std::string secret, const request_limits& limits)
{
    room_poll_request request{std::move(room), std::move(secret)};
    const json::value* action = object.if_contains("action");
    if (action == nullptr) return room_fail(error_code::missing_field, "the message has no \"action\" field", request.room);
    if (!action->is_string()) return room_fail(error_code::wrong_field_type, "the field \"action\" must be a string", request.room);
    if (action->get_string() == "open") request.action = poll_action::open;
    else if (action->get_string() == "close") request.action = poll_action::close;
    else if (action->get_string() == "reveal") request.action = poll_action::reveal;
    else
        return room_fail(error_code::invalid_value, "the field \"action\" must be \"open\", \"close\" or \"reveal\"", request.room);
    if (request.action != poll_action::open) return request;
    const json::value* lines = object.if_contains("lines");
    if (lines == nullptr) return room_fail(error_code::missing_field, "opening a poll needs \"lines\": how many lines it orders", request.room);
    if (!lines->is_int64() && !lines->is_uint64())
        return room_fail(error_code::wrong_field_type, "the field \"lines\" must be an integer", request.room);
    if (lines->is_int64() && (lines->get_int64() < 2 || static_cast<std::uint64_t>(lines->get_int64()) > limits.max_poll_lines))
        return room_fail(error_code::invalid_value,
                         "the field \"lines\" must be between 2 and " + std::to_string(limits.max_poll_lines), request.room);
    if (lines->is_uint64() && lines->get_uint64() > limits.max_poll_lines)
        return room_fail(error_code::invalid_value,
                         "the field \"lines\" must be between 2 and " + std::to_string(limits.max_poll_lines), request.room);
    request.lines = lines->to_number<std::size_t>();
    return request;
}

client_message decode_room_answer(const json::object& object, std::string room, const request_limits& limits)
{
    room_answer_request request{std::move(room), {}};
    const json::value* order = object.if_contains("order");
    if (order == nullptr) return room_fail(error_code::missing_field, "the message has no \"order\" field", request.room);
    if (!order->is_array()) return room_fail(error_code::wrong_field_type, "the field \"order\" must be an array", request.room);
    if (order->get_array().size() > limits.max_poll_lines)
        return room_fail(error_code::bad_poll_answer,
                         "the field \"order\" has more than " + std::to_string(limits.max_poll_lines) + " lines", request.room);
    for (const json::value& line : order->get_array()) {
        if (!line.is_int64() || line.get_int64() < 0)
            return room_fail(error_code::bad_poll_answer, "the field \"order\" must list line numbers (0, 1, ...)", request.room);
        request.order.push_back(static_cast<std::size_t>(line.get_int64()));
    }
    return request;
}

client_message decode_room_message(const json::object& object, std::string_view name, const request_limits& limits)
{
    if (name == "room_create") return decode_room_create(object, limits);
    auto room = room_field(object, "room", limits);
    if (auto* error = std::get_if<request_error>(&room)) return std::move(*error);
    std::string code = std::get<std::string>(std::move(room));
    if (name == "room_join") return room_join_request{std::move(code)};
    if (name == "room_leave") return room_leave_request{std::move(code)};
    if (name == "room_answer") return decode_room_answer(object, std::move(code), limits);

    // The presenter's messages carry the room's secret
    auto secret = room_field(object, "secret", limits, code);
    if (auto* error = std::get_if<request_error>(&secret)) return std::move(*error);
    std::string key = std::get<std::string>(std::move(secret));
    if (name == "room_close") return room_close_request{std::move(code), std::move(key)};
    if (name == "room_reclaim") return room_reclaim_request{std::move(code), std::move(key)};
    if (name == "room_poll") return decode_room_poll(object, std::move(code), std::move(key), limits);
    room_position_request request{std::move(code), std::move(key), {}};
    if (auto error = position_fields(object, request.position, true, limits, request.room)) return *error;
    return request;
}

bool is_room_message(std::string_view name)
{
    return name == "room_create" || name == "room_join" || name == "room_leave" || name == "room_position" ||
           name == "room_poll" || name == "room_answer" || name == "room_close" || name == "room_reclaim";
}

} // namespace

std::string_view name_of(room_mode mode)
{
    switch (mode) {
    case room_mode::compare: return "compare";
    case room_mode::predict: return "predict";
    case room_mode::explore: break;
    }
    return "explore";
}

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
    if (is_room_message(name)) return decode_room_message(*object, name, limits);
    if (name != "run" && name != "cancel")
        return fail(error_code::unknown_type, "unknown message type \"" + std::string(name) +
                                                  "\"; a client sends \"run\", \"cancel\" or a room message (room_create, room_join, ...)");
    auto id = run_id(*object, limits);
    if (auto* error = std::get_if<request_error>(&id)) return std::move(*error);
    if (name == "cancel") return cancel_request{std::get<std::string>(std::move(id))};
    return decode_run(*object, std::get<std::string>(std::move(id)), limits);
}

} // namespace loopscope::protocol
