#include "expected_output.hpp"

#include <loopscope/engine/config.hpp>
#include <loopscope/engine/event.hpp>
#include <loopscope/engine/run.hpp>
#include <loopscope/protocol/event.hpp>

#include <boost/json.hpp>

#include <fstream>
#include <stdexcept>

namespace loopscope::load {

std::string print_item(std::string_view text)
{
    std::string item = "print: ";
    item += text;
    return item;
}

std::string warning_item(std::string_view category, std::string_view message)
{
    std::string item = "warning: ";
    item.append(category).append(": ").append(message);
    return item;
}

namespace {

// Collects what the verifier compares from the engine's events.
class output_sink : public engine::event_sink {
public:
    explicit output_sink(expected_output& expected) : expected_(expected) {}
    void on_event(const engine::event& e) override
    {
        ++expected_.events;
        if (e.kind == engine::event_kind::print) expected_.output.push_back(print_item(e.text.value_or("")));
        else if (e.kind == engine::event_kind::warning) expected_.output.push_back(warning_item(e.category.value_or(""), e.message.value_or("")));
        else if (e.kind == engine::event_kind::run_finished) {
            expected_.status = e.status.value_or("ok");
            expected_.elapsed = e.t;
        }
    }

private:
    expected_output& expected_;
};

} // namespace

expected_output expect_from_engine(std::string_view source)
{
    expected_output expected;
    expected.origin = "the engine, on the virtual clock";
    output_sink sink(expected);
    engine::run program(source, engine::run_config{}, sink);
    // The engine's own step bound ends any program; this loop only moves the virtual clock on
    while (!program.finished()) {
        auto next = program.advance(1'000'000);
        if (next.state == engine::advance_result::status::waiting) program.set_time(next.until);
    }
    return expected;
}

expected_output expect_from_events_file(const std::string& path)
{
    std::ifstream file(path);
    if (!file) throw std::runtime_error("cannot read the expectation file " + path);
    expected_output expected;
    expected.origin = path;
    std::string line;
    for (std::size_t number = 1; std::getline(file, line); ++number) {
        if (line.empty()) continue;
        boost::system::error_code ec;
        auto value = boost::json::parse(line, ec);
        if (ec || !value.is_object() || !(value.as_object().contains("kind") || (number == 1 && value.as_object().contains("format"))))
            throw std::runtime_error(path + ":" + std::to_string(number) + ": not a JSON event");
        const auto& event = value.as_object();
        if (number == 1 && event.contains("format")) continue; // the run file's header: the program, not an event
        // The kinds by the protocol's own table, as the engine's events name them
        const auto kind = protocol::event_kind_from_name(event.at("kind").as_string());
        auto text = [&](std::string_view field) -> std::string_view {
            const auto* found = event.if_contains(field);
            return found && found->is_string() ? std::string_view(found->as_string()) : std::string_view{};
        };
        ++expected.events;
        if (kind == protocol::event_kind::print) expected.output.push_back(print_item(text("text")));
        else if (kind == protocol::event_kind::warning) expected.output.push_back(warning_item(text("category"), text("message")));
        else if (kind == protocol::event_kind::run_finished) {
            expected.status = text("status").empty() ? "ok" : std::string(text("status"));
            expected.elapsed = event.at("t").to_number<double>();
        }
    }
    if (expected.events == 0) throw std::runtime_error(path + " holds no events");
    return expected;
}

} // namespace loopscope::load
