#include "metrics.hpp"

#include <charconv>

namespace loopscope::net {

namespace {

std::string number(double value)
{
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    return std::string(text, end);
}

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help)
{
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::uint64_t value, std::string_view labels = {})
{
    out.append(name);
    if (!labels.empty()) out.append("{").append(labels).append("}");
    out.append(" ").append(std::to_string(value)).append("\n");
}

void labelled(std::string& out, std::string_view name, std::string_view label,
              const std::map<std::string, std::uint64_t, std::less<>>& values)
{
    for (const auto& [key, value] : values)
        sample(out, name, value, std::string(label) + "=\"" + key + "\"");
}

} // namespace

void metrics::observe_lag(std::chrono::steady_clock::duration lag)
{
    const double seconds = std::chrono::duration<double>(lag).count();
    for (std::size_t i = 0; i < lag_buckets.size(); ++i)
        if (seconds <= lag_buckets[i]) ++lag_counts[i];
    ++lag_count;
    lag_sum += seconds;
}

void metrics::count(std::map<std::string, std::uint64_t, std::less<>>& by_label, std::string_view label)
{
    auto found = by_label.find(label);
    if (found == by_label.end()) found = by_label.emplace(std::string(label), 0).first;
    ++found->second;
}

std::string metrics::render(std::uint64_t connections_current) const
{
    struct single {
        std::string_view name, type, help;
        std::uint64_t value;
    };
    const single singles[] = {
        {"loopscope_connections", "gauge", "Open connections (HTTP and websocket).", connections_current},
        {"loopscope_connections_total", "counter", "Connections accepted.", connections_total},
        {"loopscope_connections_rejected_total", "counter",
         "Websocket upgrades refused with 503 because the connection bound was reached.", connections_rejected},
        {"loopscope_websockets", "gauge", "Open websocket connections.", websockets_current},
        {"loopscope_runs_started_total", "counter", "Program runs started.", runs_started},
        {"loopscope_events_sent_total", "counter", "Engine events sent to clients.", events_sent},
        {"loopscope_batches_sent_total", "counter", "events messages sent (each a batch of events).", batches_sent},
        {"loopscope_sent_bytes_total", "counter", "Websocket payload bytes sent.", bytes_sent},
        {"loopscope_slow_consumer_disconnects_total", "counter",
         "Clients disconnected because they did not read what was sent to them.", slow_consumer_disconnects},
        {"loopscope_send_queue_bytes", "gauge", "Bytes queued for clients and not yet written.", send_queue_bytes},
        {"loopscope_rooms", "gauge", "Rooms (recording, open, or waiting room_linger for a presenter whose connection left).", rooms_current},
        {"loopscope_room_viewers", "gauge", "Viewers following a room, all rooms together.", room_viewers_current},
        {"loopscope_room_positions_direct_total", "counter",
         "Room positions written straight into a viewer's socket (its frame built once for all), not through a write operation.",
         room_positions_direct},
        {"loopscope_room_positions_split_total", "counter",
         "Direct room positions the socket took only part of at first (a viewer that reads slowly); the rest followed.",
         room_positions_split},
    };
    std::string out;
    for (const single& metric : singles) {
        family(out, metric.name, metric.type, metric.help);
        sample(out, metric.name, metric.value);
    }
    family(out, "loopscope_runs_finished_total", "counter", "Program runs finished, by final status.");
    labelled(out, "loopscope_runs_finished_total", "status", runs_finished);
    family(out, "loopscope_protocol_errors_total", "counter", "error messages sent to clients, by code.");
    labelled(out, "loopscope_protocol_errors_total", "code", protocol_errors);

    family(out, "loopscope_event_loop_lag_seconds", "histogram", "How late the io_context runs a timer.");
    for (std::size_t i = 0; i < lag_buckets.size(); ++i)
        sample(out, "loopscope_event_loop_lag_seconds_bucket", lag_counts[i], "le=\"" + number(lag_buckets[i]) + "\"");
    sample(out, "loopscope_event_loop_lag_seconds_bucket", lag_count, "le=\"+Inf\"");
    out.append("loopscope_event_loop_lag_seconds_sum ").append(number(lag_sum)).append("\n");
    sample(out, "loopscope_event_loop_lag_seconds_count", lag_count);
    return out;
}

} // namespace loopscope::net
