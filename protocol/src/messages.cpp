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
    if (!message.run.empty()) object["run"] = message.run;
    return json::serialize(object);
}

} // namespace loopscope::protocol
