#include "loopscope/net/server.hpp"

#include "listener.hpp"
#include "loopscope/catalog/catalog.hpp"
#include "loopscope/engine/driver.hpp"
#include "loopscope/protocol/messages.hpp"
#include "loopscope/version.hpp"
#include "server_state.hpp"

#include <boost/asio/co_spawn.hpp>
#include <spdlog/spdlog.h>

#include <system_error>

#include <sys/resource.h>

namespace loopscope::net {

server::server(asio::io_context& io, server_config config)
    : io_(io), state_(std::make_shared<server_state>()), acceptor_(io), grace_timer_(io), lag_timer_(io)
{
    state_->config = std::move(config);
    std::error_code ec;
    state_->canonical_web_root = std::filesystem::canonical(state_->config.web_root, ec);
    if (ec || !std::filesystem::is_directory(state_->canonical_web_root))
        throw std::system_error(ec ? ec : std::make_error_code(std::errc::not_a_directory),
                                "web root " + state_->config.web_root.string());
    if (state_->config.max_message_bytes == 0)
        state_->config.max_message_bytes = 2 * state_->config.run.max_source_bytes + 4096;
    const server_config& settings = state_->config;
    state_->request_limits = {
        .max_source_bytes = settings.run.max_source_bytes,
        .max_run_id_bytes = settings.max_run_id_bytes,
        .min_speed = engine::min_speed,
        .max_speed = engine::max_speed,
        .max_poll_lines = settings.max_poll_lines,
    };
    state_->rooms = std::make_unique<room_registry>(state_->config, state_->stats);
    std::vector<protocol::scenario_info> scenarios;
    for (const catalog::scenario& scenario : catalog::scenarios())
        scenarios.push_back(
            {scenario.id, scenario.title, scenario.summary, scenario.notes, scenario.source, scenario.group});
    state_->hello = std::make_shared<const std::string>(protocol::encode(protocol::hello{
        .server = server_name,
        .limits = {.max_message_bytes = settings.max_message_bytes,
                   .max_source_bytes = settings.run.max_source_bytes,
                   .max_run_id_bytes = settings.max_run_id_bytes,
                   .max_runs_per_connection = settings.max_runs_per_connection,
                   .min_speed = engine::min_speed,
                   .max_speed = engine::max_speed,
                   .max_tasks = settings.run.max_tasks,
                   .max_steps = settings.run.max_steps,
                   .max_program_seconds = settings.run.max_program_seconds,
                   .max_output_lines = settings.run.max_output_lines,
                   .max_memory_bytes = settings.run.max_memory_bytes,
                   .max_operation_steps = settings.run.max_operation_steps},
        .scenarios = scenarios,
    }));

    if (state_->config.max_connections == 0) {
        rlimit limit{};
        getrlimit(RLIMIT_NOFILE, &limit);
        const auto reserved = static_cast<rlim_t>(state_->config.reserved_descriptors);
        state_->config.max_connections =
            limit.rlim_cur > reserved ? static_cast<std::size_t>(limit.rlim_cur - reserved) : 1;
    }
}

server::~server()
{
    // Sessions may outlive this object inside the io_context; they must not call back into it.
    state_->sessions.on_empty(nullptr);
}

asio::ip::tcp::endpoint server::start()
{
    const auto& config = state_->config;
    asio::ip::tcp::endpoint endpoint{asio::ip::make_address(config.address), config.port};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    asio::co_spawn(io_, listen(acceptor_, state_), [](std::exception_ptr failure) {
        if (!failure) return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            spdlog::critical("listener failed: {}", e.what());
        }
    });
    probe_lag();
    spdlog::info("connection bound: {} (websocket upgrades past it get 503)", state_->config.max_connections);
    return acceptor_.local_endpoint();
}

void server::probe_lag()
{
    // Ask for a wake-up one interval ahead; how late it comes is how busy the io_context is
    auto expected = std::chrono::steady_clock::now() + state_->config.lag_probe_interval;
    lag_timer_.expires_at(expected);
    lag_timer_.async_wait([this, expected](const beast::error_code& ec) {
        if (ec || state_->shutting_down) return;
        state_->stats.observe_lag(std::chrono::steady_clock::now() - expected);
        probe_lag();
    });
}

void server::shutdown(std::function<void()> finished)
{
    if (state_->shutting_down) return;
    state_->shutting_down = true;
    beast::error_code ignored;
    acceptor_.close(ignored);
    lag_timer_.cancel();
    state_->rooms->shutdown();
    spdlog::info("shutting down: closing {} connection(s)", state_->sessions.size());

    // Give clients `shutdown_grace` to finish the close handshake, then stop regardless
    grace_timer_.expires_after(state_->config.shutdown_grace);
    grace_timer_.async_wait([this](const beast::error_code& ec) {
        if (ec) return;
        spdlog::warn("shutdown: {} connection(s) still open after {} ms; stopping anyway",
                     state_->sessions.size(), state_->config.shutdown_grace.count());
        io_.stop();
    });
    state_->sessions.on_empty([this, finished = std::move(finished)] {
        grace_timer_.cancel();
        if (finished) finished();
    });
    state_->sessions.stop_all();
}

std::size_t server::connection_count() const
{
    return state_->sessions.size();
}

} // namespace loopscope::net
