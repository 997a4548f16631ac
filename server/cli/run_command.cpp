#include "run_command.hpp"

#include <loopscope/engine/driver.hpp>
#include <loopscope/engine/event_json.hpp>
#include <loopscope/engine/run.hpp>

#include <boost/asio/io_context.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace loopscope::cli {

namespace {

constexpr const char* usage = "usage: loopscope run PROGRAM.py [--clock virtual|scaled] [--speed X] [--events FILE]\n";

// Program output goes where python3 would put it; the event stream, if asked for, to a file.
class console_sink final : public engine::event_sink {
public:
    explicit console_sink(std::ofstream* events) : events_(events) {}

    void on_event(const engine::event& e) override
    {
        if (e.kind == "print" && e.text) {
            std::fwrite(e.text->data(), 1, e.text->size(), stdout);
        } else if (e.kind == "stderr" && e.text) {
            std::fflush(stdout);
            std::fwrite(e.text->data(), 1, e.text->size(), stderr);
        }
        if (events_) {
            line_.clear();
            engine::append_event_json(line_, e);
            line_ += '\n';
            events_->write(line_.data(), static_cast<std::streamsize>(line_.size()));
        }
    }

private:
    std::ofstream* events_;
    std::string line_;
};

} // namespace

int run_command(int argc, char** argv)
{
    std::string program_path, events_path;
    engine::drive_options options;
    for (int k = 1; k < argc; ++k) {
        std::string arg = argv[k];
        auto name = arg.substr(0, arg.find('='));
        bool takes_value = name == "--clock" || name == "--speed" || name == "--events";
        if (takes_value && arg.find('=') == std::string::npos && k + 1 >= argc) {
            std::fprintf(stderr, "loopscope run: %s needs a value\n%s", arg.c_str(), usage);
            return 2;
        }
        auto value = [&]() -> std::string {
            auto eq = arg.find('=');
            if (eq != std::string::npos) return arg.substr(eq + 1);
            return argv[++k];
        };
        if (name == "--clock") {
            auto v = value();
            if (v == "virtual") options.clock = engine::clock_kind::virtual_;
            else if (v == "scaled") options.clock = engine::clock_kind::scaled;
            else {
                std::fprintf(stderr, "loopscope run: --clock must be 'virtual' or 'scaled', not '%s'\n", v.c_str());
                return 2;
            }
        } else if (name == "--speed") {
            auto v = value();
            char* end = nullptr;
            options.speed = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end || !(options.speed >= engine::min_speed && options.speed <= engine::max_speed)) {
                std::fprintf(stderr, "loopscope run: --speed must be a number from 0.01 to 10000, not '%s'\n", v.c_str());
                return 2;
            }
        } else if (name == "--events") {
            events_path = value();
        } else if (name == "-h" || name == "--help") {
            std::fputs(usage, stdout);
            return 0;
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            std::fprintf(stderr, "loopscope run: unknown option '%s'\n%s", arg.c_str(), usage);
            return 2;
        } else if (program_path.empty()) {
            program_path = arg;
        } else {
            std::fprintf(stderr, "loopscope run: one program at a time\n%s", usage);
            return 2;
        }
    }
    if (program_path.empty()) {
        std::fputs(usage, stderr);
        return 2;
    }
    std::ifstream in(program_path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "loopscope run: can't open file '%s'\n", program_path.c_str());
        return 2;
    }
    std::ostringstream source;
    source << in.rdbuf();

    std::ofstream events;
    if (!events_path.empty()) {
        events.open(events_path, std::ios::binary | std::ios::trunc);
        if (!events) {
            std::fprintf(stderr, "loopscope run: can't write events to '%s'\n", events_path.c_str());
            return 2;
        }
    }
    console_sink sink(events_path.empty() ? nullptr : &events);
    engine::run_config config;
    std::error_code ec;
    auto absolute = std::filesystem::absolute(program_path, ec);
    config.file_name = ec ? program_path : absolute.string();

    auto program = std::make_shared<engine::run>(source.str(), config, sink);
    boost::asio::io_context io;
    auto driver = engine::run_driver::start(io.get_executor(), program, options, nullptr);
    io.run();
    std::fflush(stdout);
    return program->exit_status();
}

} // namespace loopscope::cli
