// loopscope: serve the page and the websocket (default), or run one program (`loopscope run FILE.py`).
#include "logging.hpp"
#include "loopscope/net/health_check.hpp"
#include "loopscope/net/server.hpp"
#include "loopscope/version.hpp"
#include "loopscope/engine/code_cache.hpp"
#include "run_command.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/program_options.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

namespace po = boost::program_options;

namespace {

// The bundled page: installed beside the binary under share/, or the source tree's web/ in a build tree.
std::filesystem::path default_web_root(const char* argv0)
{
    std::error_code ec;
    auto exe = std::filesystem::canonical("/proc/self/exe", ec);
    if (ec) exe = std::filesystem::absolute(argv0, ec);
    auto installed = exe.parent_path() / LOOPSCOPE_INSTALL_WEB_ROOT_RELATIVE;
    if (std::filesystem::is_directory(installed, ec)) return installed.lexically_normal();
    return LOOPSCOPE_SOURCE_WEB_ROOT;
}

// LOOPSCOPE_WEB_ROOT -> web-root, for the options that the environment may set.
std::string option_for_environment(const std::string& variable)
{
    static constexpr std::string_view prefix = "LOOPSCOPE_";
    if (variable.rfind(prefix, 0) != 0) return {};
    std::string name = variable.substr(prefix.size());
    for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* known : {"address", "port", "web-root", "log-level", "log-format", "room-code-prefix"})
        if (name == known) return name;
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "run") == 0) return loopscope::cli::run_command(argc - 1, argv + 1);

    loopscope::net::server_config config;
    std::string web_root;
    std::string log_level;
    std::string log_format;
    po::options_description options{
        "loopscope: see Python's asyncio event loop run, in a browser.\n\n"
        "Usage:\n"
        "  loopscope [options]                 serve the page and the websocket\n"
        "  loopscope run PROGRAM.py [options]  run one program in the engine (see `loopscope run --help`)\n"
        "  loopscope --check-health [options]  exit 0 if the server at --address/--port answers /healthz\n\n"
        "Every option can also be set by an environment variable: LOOPSCOPE_ADDRESS, LOOPSCOPE_PORT,\n"
        "LOOPSCOPE_WEB_ROOT, LOOPSCOPE_LOG_LEVEL, LOOPSCOPE_LOG_FORMAT, LOOPSCOPE_ROOM_CODE_PREFIX. A flag wins\n"
        "over the environment.\n\n"
        "Options"};
    options.add_options()
        ("help,h", "print this help and exit")
        ("version", "print the version and exit")
        ("address", po::value(&config.address)->default_value(config.address), "address to listen on")
        ("port", po::value(&config.port)->default_value(config.port), "port to listen on; 0 picks a free one and logs it")
        ("web-root", po::value(&web_root)->default_value(default_web_root(argv[0]).string()), "folder of the page to serve")
        ("log-level", po::value(&log_level)->default_value("info"), "trace, debug, info, warn, error, critical or off")
        ("log-format", po::value(&log_format)->default_value("text"), "text, or json: one JSON object a line")
        ("room-code-prefix", po::value(&config.room_code_prefix),
         "put before every room code: a replica's mark, by which a proxy routes a room's viewers to it")
        ("check-health", "ask /healthz of the server at --address and --port; exit 0 on 200 within 2 s");

    po::variables_map settings;
    try {
        po::store(po::parse_command_line(argc, argv, options), settings);
        po::store(po::parse_environment(options, option_for_environment), settings);
        po::notify(settings);
    } catch (const po::error& e) {
        std::cerr << "loopscope: " << e.what() << "\nTry `loopscope --help`.\n";
        return 2;
    }
    if (settings.count("help")) {
        std::cout << options << '\n';
        return 0;
    }
    if (settings.count("version")) {
        std::cout << loopscope::server_name << '\n';
        return 0;
    }
    if (settings.count("check-health")) {
        auto health = loopscope::net::check_health(config.address, config.port, std::chrono::seconds{2});
        (health.healthy ? std::cout : std::cerr) << "loopscope: " << config.address << ':' << config.port
                                                 << " /healthz: " << health.detail << '\n';
        return health.healthy ? 0 : 1;
    }
    if (!loopscope::set_log_format(log_format)) {
        std::cerr << "loopscope: unknown log format '" << log_format << "' (text or json)\n";
        return 2;
    }
    auto level = spdlog::level::from_str(log_level);
    if (level == spdlog::level::off && log_level != "off") {
        std::cerr << "loopscope: unknown log level '" << log_level << "'\n";
        return 2;
    }
    spdlog::set_level(level);
    config.web_root = web_root;

    try {
        // One io_context on one thread serves every connection
        boost::asio::io_context io{1};
        loopscope::net::server server{io, config};

        // SIGINT/SIGTERM: a graceful shutdown; a second one stops at once. Armed before the server says
        // where it listens, so that whoever reads that line may signal it.
        boost::asio::signal_set signals{io, SIGINT, SIGTERM};
        signals.async_wait([&](const boost::system::error_code& ec, int signal) {
            if (ec) return;
            spdlog::info("received {}", signal == SIGINT ? "SIGINT" : "SIGTERM");
            signals.async_wait([&](const boost::system::error_code& again, int) {
                if (!again) io.stop();
            });
            server.shutdown([&] { signals.cancel(); });
        });
        loopscope::engine::prepare_library();  // on this thread, which runs every program
        auto endpoint = server.start();
        spdlog::info("loopscope {} listening on http://{}:{}/ (web root {})", loopscope::version,
                     endpoint.address().to_string(), endpoint.port(), web_root);
        io.run();
        spdlog::info("stopped");
    } catch (const std::exception& e) {
        spdlog::critical("{}", e.what());
        return 1;
    }
    return 0;
}
