#include "loopscope/protocol/messages.hpp"

#include <boost/json.hpp>

namespace loopscope::protocol {

namespace json = boost::json;

std::string encode(const hello& message)
{
    json::object object{
        {"type", "hello"},
        {"protocol", version},
        {"server", message.server},
    };
    return json::serialize(object);
}

std::string encode(const error& message)
{
    json::object object{
        {"type", "error"},
        {"code", message.code},
        {"message", message.message},
    };
    return json::serialize(object);
}

message_kind classify(std::string_view text)
{
    boost::system::error_code ec;
    json::value value = json::parse(text, ec);
    if (ec) {
        std::string why = "the message is not valid JSON: " + ec.message();
        return {{}, encode(error{error_code::invalid_json, why})};
    }
    const json::object* object = value.if_object();
    if (object == nullptr)
        return {{}, encode(error{error_code::not_an_object, "a message must be a JSON object with a \"type\" field"})};
    const json::value* type = object->if_contains("type");
    if (type == nullptr)
        return {{}, encode(error{error_code::missing_field, "the message has no \"type\" field"})};
    if (!type->is_string())
        return {{}, encode(error{error_code::wrong_field_type, "the field \"type\" must be a string"})};
    return {std::string(type->get_string()), {}};
}

} // namespace loopscope::protocol
