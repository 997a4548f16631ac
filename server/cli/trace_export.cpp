// The Perfetto / Chrome trace of a run, written as web/lib/trace_export.mjs writes it (that file says
// what the tracks, slices, instants and flows are and why). Kept line for line in the same order, so
// that the two stay easy to compare; the events are their JSON objects, so a field is present or
// absent here exactly as it is for the page.
#include "trace_export.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace loopscope::cli {

namespace json = boost::json;

namespace {

constexpr std::int64_t loop_tid = 0;
constexpr std::int64_t pid = 1;

double number(const json::value* v)
{
    return v && v->is_number() ? v->to_number<double>() : 0.0;
}

std::int64_t micros(double t)
{
    return static_cast<std::int64_t>(std::floor(t * 1e6 + 0.5)); // Math.round
}

// A number as JavaScript's String(x) writes it, for the delays in slice names (3, 0.5, 0.25).
std::string js_number(const json::value* v)
{
    double x = number(v);
    if (x == std::trunc(x) && std::fabs(x) < 1e21) return std::to_string(static_cast<std::int64_t>(x));
    char buffer[64];
    bool plain = std::fabs(x) >= 1e-6 && std::fabs(x) < 1e21; // where JavaScript does not use an exponent
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x, plain ? std::chars_format::fixed : std::chars_format::scientific);
    if (ec != std::errc{}) return "NaN";
    std::string text(buffer, end);
    // JavaScript writes the exponent without leading zeros: 1e-7, not 1e-07
    if (auto e = text.find('e'); e != std::string::npos && e + 2 < text.size()) {
        auto digits = text.find_first_not_of('0', e + 2);
        text.erase(e + 2, (digits == std::string::npos ? text.size() - 1 : digits) - (e + 2));
    }
    return text;
}

std::string text_of(const json::object& o, std::string_view field)
{
    const auto* v = o.if_contains(field);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

json::value field_or_null(const json::object& o, std::string_view field)
{
    const auto* v = o.if_contains(field);
    return v ? *v : json::value(nullptr);
}

// At most `most` code points, ASCII space trimmed at the end, as the page's `shown`.
std::string shown(std::string text, std::size_t most = 60)
{
    while (!text.empty() && std::string_view(" \t\n\r\f\v").find(text.back()) != std::string_view::npos) text.pop_back();
    std::size_t points = 0, cut = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (points == most - 1) cut = i;
        ++points;
    }
    if (points <= most) return text;
    return text.substr(0, cut) + "\xE2\x80\xA6"; // …
}

std::string wait_name(const json::object& e)
{
    auto on = text_of(e, "on");
    if (on == "sleep") return "sleep(" + js_number(e.if_contains("delay")) + ")";
    if (on == "task") return "await " + text_of(e, "target");
    if (on == "gather") {
        std::string names;
        if (const auto* children = e.if_contains("children"); children && children->is_array()) {
            for (const auto& child : children->as_array()) {
                if (!names.empty()) names += ", ";
                names += child.is_string() ? std::string(child.as_string()) : json::serialize(child);
            }
        }
        return "gather(" + names + ")";
    }
    return "await " + on;
}

// A task's name, a worker thread's track (`thread asyncio_0`, as the page's lane), or "" for the loop.
std::string task_of(const json::object& e)
{
    std::string task = text_of(e, "task");
    if (task.empty() && e.contains("thread")) return "thread " + text_of(e, "thread");
    return task;
}

} // namespace

json::object trace_of(const std::vector<json::object>& events, std::string_view name, std::string_view loopscope)
{
    json::array slices, instants, flows;
    std::map<std::string, std::int64_t> tids;
    std::vector<std::pair<std::int64_t, std::string>> tracks{{loop_tid, "event loop"}};
    auto tid_of = [&](const std::string& task) -> std::int64_t {
        if (task.empty()) return loop_tid;
        auto found = tids.find(task);
        if (found != tids.end()) return found->second;
        auto tid = static_cast<std::int64_t>(tracks.size());
        tids.emplace(task, tid);
        tracks.emplace_back(tid, task);
        return tid;
    };
    // Maps in the page's insertion order, where it iterates them
    std::vector<std::pair<std::string, const json::object*>> open_step;
    std::map<std::string, std::int64_t> last_step;
    std::vector<std::pair<std::string, std::vector<const json::object*>>> awaits;
    std::map<std::string, std::vector<std::string>> awaited;
    struct cancel { std::int64_t from, ts; };
    std::map<std::string, std::vector<cancel>> cancels;
    std::vector<std::pair<std::string, const json::object*>> thread_runs;  // a worker's thread_run_begin not yet ended
    std::int64_t next_flow = 1;
    double end_t = events.empty() ? 0 : number(events.back().if_contains("t"));

    auto slice = [&](std::int64_t tid, std::string slice_name, std::string_view cat, double begin, double end, json::object args) {
        slices.push_back(json::object{{"name", std::move(slice_name)}, {"cat", cat}, {"ph", "X"}, {"ts", micros(begin)},
                                      {"dur", std::max<std::int64_t>(0, micros(end) - micros(begin))}, {"pid", pid}, {"tid", tid},
                                      {"args", std::move(args)}});
    };
    auto flow = [&](std::string_view cat, std::int64_t from_tid, std::int64_t from_ts, std::int64_t to_tid, std::int64_t to_ts) {
        auto id = next_flow++;
        flows.push_back(json::object{{"name", cat}, {"cat", cat}, {"ph", "s"}, {"id", id}, {"ts", from_ts}, {"pid", pid}, {"tid", from_tid}});
        flows.push_back(json::object{{"name", cat}, {"cat", cat}, {"ph", "f"}, {"bp", "e"}, {"id", id}, {"ts", to_ts}, {"pid", pid}, {"tid", to_tid}});
    };
    auto stack_of = [&](const std::string& task) -> std::vector<const json::object*>* {
        for (auto& [key, stack] : awaits) if (key == task) return &stack;
        return nullptr;
    };
    auto wait_slice = [&](const std::string& task, const json::object& begun, double end, json::object extra) {
        json::object args{{"task", task.empty() ? json::value(nullptr) : json::value(task)}, {"line", field_or_null(begun, "line")},
                          {"on", field_or_null(begun, "on")}, {"seq", field_or_null(begun, "seq")}};
        for (auto& [key, value] : extra) args[key] = value;
        slice(tid_of(task), wait_name(begun), text_of(begun, "on") == "sleep" ? "sleep" : "wait", number(begun.if_contains("t")), end, std::move(args));
    };
    auto task_value = [](const std::string& task) { return task.empty() ? json::value(nullptr) : json::value(task); };

    for (std::size_t index = 0; index < events.size(); ++index) {
        const auto& event = events[index];
        auto task = task_of(event);
        auto kind = text_of(event, "kind");
        double t = number(event.if_contains("t"));
        if (kind == "task_created") {
            tid_of(text_of(event, "target"));
        } else if (kind == "thread_started") {
            tid_of(task);
        } else if (kind == "thread_run_begin") {
            auto found = std::find_if(thread_runs.begin(), thread_runs.end(), [&](auto& p) { return p.first == task; });
            if (found != thread_runs.end()) found->second = &event;
            else thread_runs.emplace_back(task, &event);
        } else if (kind == "thread_run_end") {
            auto found = std::find_if(thread_runs.begin(), thread_runs.end(), [&](auto& p) { return p.first == task; });
            if (found != thread_runs.end()) {
                const json::object& begun = *found->second;
                thread_runs.erase(found);
                json::object args{{"thread", field_or_null(event, "thread")}, {"status", field_or_null(event, "status")}, {"seq", field_or_null(begun, "seq")}};
                if (const auto* error = event.if_contains("error"); error && error->is_object()) args["error"] = error->as_object().at("type");
                slice(tid_of(task), text_of(event, "callback"), "thread", number(begun.if_contains("t")), t, std::move(args));
            }
        } else if (kind == "step_begin") {
            auto found = std::find_if(open_step.begin(), open_step.end(), [&](auto& p) { return p.first == task; });
            if (found != open_step.end()) found->second = &event;
            else open_step.emplace_back(task, &event);
            last_step[task] = micros(t);
            if (auto pending = cancels.find(task); pending != cancels.end()) {
                for (const auto& c : pending->second) flow("cancel", c.from, c.ts, tid_of(task), micros(t));
                cancels.erase(pending);
            }
        } else if (kind == "step_end") {
            auto found = std::find_if(open_step.begin(), open_step.end(), [&](auto& p) { return p.first == task; });
            if (found == open_step.end()) continue;
            const auto& begun = *found->second;
            open_step.erase(found);
            auto coro = text_of(begun, "coro");
            slice(tid_of(task), coro.empty() ? task : coro, "step", number(begun.if_contains("t")), t,
                  json::object{{"task", task_value(task)}, {"line", field_or_null(begun, "line")}, {"ended", field_or_null(event, "status")},
                               {"ended_line", field_or_null(event, "line")}, {"seq", field_or_null(begun, "seq")}});
        } else if (kind == "await_begin") {
            auto* stack = stack_of(task);
            if (!stack) stack = &awaits.emplace_back(task, std::vector<const json::object*>{}).second;
            stack->push_back(&event);
            auto on = text_of(event, "on");
            if (on == "task") awaited[task] = {text_of(event, "target")};
            if (on == "gather") {
                std::vector<std::string> children;
                if (const auto* list = event.if_contains("children"); list && list->is_array())
                    for (const auto& child : list->as_array()) children.push_back(child.is_string() ? std::string(child.as_string()) : std::string());
                awaited[task] = std::move(children);
            }
        } else if (kind == "await_end") {
            auto* stack = stack_of(task);
            if (!stack || stack->empty()) continue;
            const auto& begun = *stack->back();
            stack->pop_back();
            auto on = text_of(begun, "on");
            if (on == "coroutine") continue;
            json::object extra;
            if (const auto* error = event.if_contains("error"); error && error->is_object()) extra["error"] = field_or_null(error->as_object(), "type");
            wait_slice(task, begun, t, std::move(extra));
            if (on == "task" || on == "gather") {
                for (const auto& target : awaited[task]) {
                    if (auto step = last_step.find(target); step != last_step.end()) flow("await", tid_of(target), step->second, tid_of(task), micros(t));
                }
                awaited.erase(task);
            }
        } else if (kind == "task_cancel_requested") {
            cancels[text_of(event, "target")].push_back({tid_of(task), micros(t)});
        } else if (kind == "task_done") {
            instants.push_back(json::object{{"name", "done: " + text_of(event, "status")}, {"cat", "task"}, {"ph", "i"}, {"s", "t"}, {"ts", micros(t)},
                                            {"pid", pid}, {"tid", tid_of(task)},
                                            {"args", json::object{{"task", task_value(task)}, {"status", field_or_null(event, "status")}, {"seq", field_or_null(event, "seq")}}}});
        } else if (kind == "print") {
            instants.push_back(json::object{{"name", shown("print " + text_of(event, "text"))}, {"cat", "print"}, {"ph", "i"}, {"s", "t"}, {"ts", micros(t)},
                                            {"pid", pid}, {"tid", tid_of(task)},
                                            {"args", json::object{{"text", field_or_null(event, "text")}, {"line", field_or_null(event, "line")}, {"seq", field_or_null(event, "seq")}}}});
        } else if (kind == "blocking_sleep") {
            double delay = number(event.if_contains("delay"));
            slice(tid_of(task), "time.sleep(" + js_number(event.if_contains("delay")) + ")", "blocking", t, t + delay,
                  json::object{{"line", field_or_null(event, "line")}, {"seq", field_or_null(event, "seq")}});
        } else if (kind == "loop_wait") {
            double until = index + 1 < events.size() ? number(events[index + 1].if_contains("t")) : t;
            slice(loop_tid, "idle", "idle", t, until, json::object{{"until", field_or_null(event, "when")}, {"seq", field_or_null(event, "seq")}});
        }
    }
    for (const auto& [track, begun] : thread_runs) {
        slice(tid_of(track), text_of(*begun, "callback"), "thread", number(begun->if_contains("t")), end_t,
              json::object{{"thread", field_or_null(*begun, "thread")}, {"ended", "unfinished"}, {"seq", field_or_null(*begun, "seq")}});
    }
    for (const auto& [task, begun] : open_step) {
        auto coro = text_of(*begun, "coro");
        slice(tid_of(task), coro.empty() ? task : coro, "step", number(begun->if_contains("t")), end_t,
              json::object{{"task", task_value(task)}, {"line", field_or_null(*begun, "line")}, {"ended", "unfinished"}, {"seq", field_or_null(*begun, "seq")}});
    }
    for (const auto& [task, stack] : awaits) {
        for (const auto* begun : stack) {
            if (text_of(*begun, "on") != "coroutine") wait_slice(task, *begun, end_t, json::object{{"ended", "unfinished"}});
        }
    }

    json::array trace_events;
    trace_events.push_back(json::object{{"name", "process_name"}, {"ph", "M"}, {"pid", pid}, {"tid", loop_tid}, {"args", json::object{{"name", name}}}});
    for (const auto& [tid, track] : tracks) {
        trace_events.push_back(json::object{{"name", "thread_name"}, {"ph", "M"}, {"pid", pid}, {"tid", tid}, {"args", json::object{{"name", track}}}});
        trace_events.push_back(json::object{{"name", "thread_sort_index"}, {"ph", "M"}, {"pid", pid}, {"tid", tid}, {"args", json::object{{"sort_index", tid}}}});
    }
    for (auto* list : {&slices, &instants, &flows})
        for (auto& e : *list) trace_events.push_back(std::move(e));
    return json::object{{"traceEvents", std::move(trace_events)}, {"displayTimeUnit", "ms"},
                        {"otherData", json::object{{"producer", loopscope.empty() ? std::string("loopscope") : "loopscope " + std::string(loopscope)},
                                                   {"time", "program seconds, as microseconds"}}}};
}

} // namespace loopscope::cli
