#include "logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace loopscope {

namespace {

// %* : the message as the inside of a JSON string.
class json_escaped_message : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& message, const std::tm&, spdlog::memory_buf_t& out) override
    {
        static constexpr char hex[] = "0123456789abcdef";
        for (char c : message.payload) {
            switch (c) {
            case '"': out.append(std::string_view("\\\"")); break;
            case '\\': out.append(std::string_view("\\\\")); break;
            case '\n': out.append(std::string_view("\\n")); break;
            case '\t': out.append(std::string_view("\\t")); break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    const char escaped[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
                    out.append(escaped, escaped + sizeof escaped);
                } else {
                    out.push_back(c);
                }
            }
        }
    }

    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<json_escaped_message>(); }
};

} // namespace

bool set_log_format(const std::string& format)
{
    if (format == "text") return true;
    if (format != "json") return false;
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<json_escaped_message>('*').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","message":"%*"})");
    spdlog::set_formatter(std::move(formatter));
    return true;
}

} // namespace loopscope
