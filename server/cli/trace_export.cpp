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
#include <optional>
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

// A wait's name: what the innermost await of the suspended task waited on, or the primitive whose
// waiters it joined in the step that suspended it (`kind` and `id` given).
std::string wait_name(const json::object& e, const std::string* kind = nullptr, const json::value* id = nullptr)
{
    if (kind) return "wait " + *kind + " #" + js_number(id);
    auto on = text_of(e, "on");
    if (on == "sleep") return "sleep(" + js_number(e.if_contains("delay")) + ")";
    if (on == "task" || on == "coroutine") return "await " + text_of(e, "target");
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

// The smallest width a step is drawn at, in µs, when the program time it took is none.
constexpr std::int64_t min_step = 1;

// A JavaScript Map's order: keys where they were first set (a set of a present key keeps its place, a
// key erased and set again goes last). Found by key in log time; `in_order` lists them as the Map would.
template <typename T>
struct ordered {
    std::map<std::string, std::pair<std::uint64_t, T>> items;
    std::uint64_t next = 0;
    T* find(const std::string& key)
    {
        auto found = items.find(key);
        return found == items.end() ? nullptr : &found->second.second;
    }
    void set(const std::string& key, T value)
    {
        auto [at, inserted] = items.try_emplace(key, next, value);
        if (inserted) ++next;
        else at->second.second = std::move(value);
    }
    void erase(const std::string& key) { items.erase(key); }
    std::vector<std::pair<std::string, T>> in_order() const
    {
        std::vector<std::pair<std::uint64_t, const std::pair<const std::string, std::pair<std::uint64_t, T>>*>> sorted;
        for (const auto& item : items) sorted.emplace_back(item.second.first, &item);
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::pair<std::string, T>> out;
        for (const auto& [order, item] : sorted) out.emplace_back(item->first, item->second.second);
        return out;
    }
};

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
    struct step { const json::object* event; std::int64_t ts; };
    struct joined_primitive { json::value id; std::string kind; double seq; };
    struct wait { std::int64_t ts; const json::object* begun; std::optional<joined_primitive> primitive; };
    // Maps in the page's insertion order, where it iterates them
    ordered<step> open_step;                          // a task's step that has begun and not ended
    std::map<std::string, std::int64_t> last_step;    // ts of a task's latest step's beginning
    std::map<std::string, std::vector<const json::object*>> awaits;  // a task's await_begin events
    std::map<std::string, std::vector<std::string>> awaited;  // tasks waited for in its innermost await
    ordered<wait> suspended;                          // the wait a task is in since its last step
    std::map<std::string, std::size_t> woken;         // the wait slice (index in slices) its step ended
    std::map<std::string, joined_primitive> joined;   // the primitive whose waiters a task joined last
    std::map<std::string, std::string> kinds;         // a primitive's id (as JSON) → its kind
    struct cancel { std::int64_t from, ts; };
    std::map<std::string, std::vector<cancel>> cancels;
    ordered<const json::object*> thread_runs;         // a worker's thread_run_begin not yet ended
    std::int64_t next_flow = 1;
    std::int64_t cursor = 0;  // where the last step ended: the next one starts no earlier
    double end_t = events.empty() ? 0 : number(events.back().if_contains("t"));

    auto slice = [&](std::int64_t tid, std::string slice_name, std::string_view cat, std::int64_t ts, std::int64_t dur, json::object args) {
        slices.push_back(json::object{{"name", std::move(slice_name)}, {"cat", cat}, {"ph", "X"}, {"ts", ts},
                                      {"dur", std::max<std::int64_t>(0, dur)}, {"pid", pid}, {"tid", tid}, {"args", std::move(args)}});
        return slices.size() - 1;
    };
    auto span = [&](std::int64_t tid, std::string slice_name, std::string_view cat, double begin, double end, json::object args) {
        slice(tid, std::move(slice_name), cat, micros(begin), micros(end) - micros(begin), std::move(args));
    };
    auto flow = [&](std::string_view cat, std::int64_t from_tid, std::int64_t from_ts, std::int64_t to_tid, std::int64_t to_ts) {
        auto id = next_flow++;
        flows.push_back(json::object{{"name", cat}, {"cat", cat}, {"ph", "s"}, {"id", id}, {"ts", from_ts}, {"pid", pid}, {"tid", from_tid}});
        flows.push_back(json::object{{"name", cat}, {"cat", cat}, {"ph", "f"}, {"bp", "e"}, {"id", id}, {"ts", to_ts}, {"pid", pid}, {"tid", to_tid}});
    };
    auto task_value = [](const std::string& task) { return task.empty() ? json::value(nullptr) : json::value(task); };
    // The callback that is no task's step which the loop is running (see the page's)
    struct running_callback { const json::object* event; std::int64_t ts; };
    std::optional<running_callback> callback;
    // Where a task's event is drawn: inside its open step, else at its program time (no earlier than its
    // last step, which may be drawn a few µs after its program time); an event of no task, in the
    // callback running or after the last step
    auto at = [&](const std::string& task, double t) {
        if (task.empty()) return callback ? callback->ts : std::max(micros(t), cursor);  // the loop's: after the last step
        if (const auto* open = open_step.find(task)) return open->ts;
        auto last = last_step.find(task);
        return std::max(micros(t), last == last_step.end() ? std::int64_t{0} : last->second);
    };
    auto end_callback = [&](double t) {
        if (!callback) return;
        auto end = std::max(callback->ts + min_step, micros(t));
        slice(loop_tid, text_of(*callback->event, "callback"), "callback", callback->ts, end - callback->ts,
              json::object{{"handle", field_or_null(*callback->event, "handle")}, {"seq", field_or_null(*callback->event, "seq")}});
        cursor = end;
        callback.reset();
    };
    // A step that began at `begun` and ended at program time t, `how` it ended (ended and ended_line, or
    // ended "unfinished"), as the page's step_slice. Returns where it ends.
    auto step_slice = [&](const std::string& task, const step& begun, double t, json::object how) {
        auto end = std::max(begun.ts + min_step, micros(t));
        auto coro = text_of(*begun.event, "coro");
        json::object args{{"task", task_value(task)}, {"line", field_or_null(*begun.event, "line")}};
        for (auto& [key, value] : how) args[key] = value;
        args["seq"] = field_or_null(*begun.event, "seq");
        slice(tid_of(task), coro.empty() ? task : coro, "step", begun.ts, end - begun.ts, std::move(args));
        return end;
    };
    auto wait_slice = [&](const std::string& task, const wait& w, std::int64_t end, json::object extra) {
        const auto& begun = *w.begun;
        json::object args{{"task", task_value(task)}, {"line", field_or_null(begun, "line")}, {"on", field_or_null(begun, "on")}, {"seq", field_or_null(begun, "seq")}};
        if (!text_of(begun, "target").empty()) args["target"] = begun.at("target");
        if (w.primitive && !w.primitive->id.is_null()) args["primitive"] = w.primitive->id;
        for (auto& [key, value] : extra) args[key] = value;
        auto slice_name = w.primitive ? wait_name(begun, &w.primitive->kind, &w.primitive->id) : wait_name(begun);
        return slice(tid_of(task), std::move(slice_name), text_of(begun, "on") == "sleep" ? "sleep" : "wait", w.ts, end - w.ts, std::move(args));
    };
    // The tasks a primitive's snapshot lists as waiting: each joined it (the latest one wins)
    auto note_waiters = [&](const json::object& event) {
        const auto* snapshot = event.if_contains("snapshot");
        if (!snapshot || !snapshot->is_object()) return;
        json::value id = field_or_null(event, "primitive");
        auto known = kinds.find(json::serialize(id));
        std::string kind = known == kinds.end() || known->second.empty() ? "primitive" : known->second;
        for (const char* list : {"waiters", "getters", "putters"}) {
            const auto* names = snapshot->as_object().if_contains(list);
            if (!names || !names->is_array()) continue;
            for (const auto& task : names->as_array())
                if (task.is_string()) joined[std::string(task.as_string())] = {id, kind, number(event.if_contains("seq"))};
        }
    };

    for (std::size_t index = 0; index < events.size(); ++index) {
        const auto& event = events[index];
        auto task = task_of(event);
        auto kind = text_of(event, "kind");
        double t = number(event.if_contains("t"));
        if (kind == "thread_started") {
            tid_of("thread " + text_of(event, "thread"));
        } else if (kind == "thread_run_begin") {
            thread_runs.set(task, &event);
        } else if (kind == "thread_run_end") {
            if (const auto* found = thread_runs.find(task)) {
                const json::object& begun = **found;
                thread_runs.erase(task);
                json::object args{{"thread", field_or_null(event, "thread")}, {"status", field_or_null(event, "status")}, {"seq", field_or_null(begun, "seq")}};
                if (const auto* error = event.if_contains("error"); error && error->is_object()) args["error"] = error->as_object().at("type");
                span(tid_of(task), text_of(event, "callback"), "thread", number(begun.if_contains("t")), t, std::move(args));
            }
        } else if (kind == "task_created") {
            tid_of(text_of(event, "target"));
        } else if (kind == "handle_run") {
            end_callback(t);
            if (text_of(event, "task").empty()) callback = running_callback{&event, std::max(micros(t), cursor)};
        } else if (kind == "step_begin") {
            end_callback(t);
            auto ts = std::max(micros(t), cursor);
            open_step.set(task, {&event, ts});
            last_step[task] = ts;
            if (const auto* w = suspended.find(task)) {
                woken[task] = wait_slice(task, *w, ts, {});
                suspended.erase(task);
            }
            if (auto pending = cancels.find(task); pending != cancels.end()) {
                for (const auto& c : pending->second) flow("cancel", c.from, c.ts, tid_of(task), ts);
                cancels.erase(pending);
            }
        } else if (kind == "step_end") {
            const auto* found = open_step.find(task);
            if (!found) continue;
            const step begun = *found;
            open_step.erase(task);
            woken.erase(task);
            auto end = step_slice(task, begun, t, json::object{{"ended", field_or_null(event, "status")}, {"ended_line", field_or_null(event, "line")}});
            cursor = end;
            // Suspended: it waits on its innermost await from here to the step that wakes it
            auto status = text_of(event, "status");
            auto stack = awaits.find(task);
            if (stack != awaits.end() && !stack->second.empty() && (status == "await" || status == "yield")) {
                auto primitive = joined.find(task);
                std::optional<joined_primitive> named;
                if (primitive != joined.end() && primitive->second.seq > number(begun.event->if_contains("seq"))) named = primitive->second;
                suspended.set(task, {end, stack->second.back(), std::move(named)});
            }
            joined.erase(task);
        } else if (kind == "await_begin") {
            awaits[task].push_back(&event);
            auto on = text_of(event, "on");
            if (on == "task") awaited[task] = {text_of(event, "target")};
            if (on == "gather") {
                std::vector<std::string> children;
                if (const auto* list = event.if_contains("children"); list && list->is_array())
                    for (const auto& child : list->as_array()) children.push_back(child.is_string() ? std::string(child.as_string()) : std::string());
                awaited[task] = std::move(children);
            }
        } else if (kind == "await_end") {
            auto stack = awaits.find(task);
            if (stack == awaits.end() || stack->second.empty()) continue;
            const auto& begun = *stack->second.back();
            stack->second.pop_back();
            if (auto w = woken.find(task); w != woken.end()) {
                auto& args = slices[w->second].as_object()["args"].as_object();
                if (args["seq"] == field_or_null(begun, "seq")) {
                    if (const auto* error = event.if_contains("error"); error && error->is_object()) args["error"] = field_or_null(error->as_object(), "type");
                    woken.erase(w);
                }
            }
            auto on = text_of(begun, "on");
            if (on == "task" || on == "gather") {
                for (const auto& target : awaited[task]) {
                    if (auto step = last_step.find(target); step != last_step.end()) flow("await", tid_of(target), step->second, tid_of(task), at(task, t));
                }
                awaited.erase(task);
            }
        } else if (kind == "primitive_created") {
            kinds[json::serialize(field_or_null(event, "primitive"))] = text_of(event, "target");
            note_waiters(event);
        } else if (kind == "primitive_state") {
            note_waiters(event);
        } else if (kind == "task_cancel_requested") {
            cancels[text_of(event, "target")].push_back({tid_of(task), at(task, t)});
        } else if (kind == "task_done") {
            instants.push_back(json::object{{"name", "done: " + text_of(event, "status")}, {"cat", "task"}, {"ph", "i"}, {"s", "t"}, {"ts", at(task, t)},
                                            {"pid", pid}, {"tid", tid_of(task)},
                                            {"args", json::object{{"task", task_value(task)}, {"status", field_or_null(event, "status")}, {"seq", field_or_null(event, "seq")}}}});
        } else if (kind == "print") {
            instants.push_back(json::object{{"name", shown("print " + text_of(event, "text"))}, {"cat", "print"}, {"ph", "i"}, {"s", "t"}, {"ts", at(task, t)},
                                            {"pid", pid}, {"tid", tid_of(task)},
                                            {"args", json::object{{"text", field_or_null(event, "text")}, {"line", field_or_null(event, "line")}, {"seq", field_or_null(event, "seq")}}}});
        } else if (kind == "blocking_sleep") {
            // Inside the step that called it: from where that step is drawn, until the clock's end of it
            const auto* open = open_step.find(task);
            auto ts = std::max(micros(t), open ? open->ts : std::int64_t{0});
            slice(tid_of(task), "time.sleep(" + js_number(event.if_contains("delay")) + ")", "blocking", ts,
                  micros(t + number(event.if_contains("delay"))) - ts, json::object{{"line", field_or_null(event, "line")}, {"seq", field_or_null(event, "seq")}});
        } else if (kind == "loop_wait") {
            end_callback(t);
            double until = index + 1 < events.size() ? number(events[index + 1].if_contains("t")) : t;
            auto ts = std::max(micros(t), cursor);
            slice(loop_tid, "idle", "idle", ts, micros(until) - ts, json::object{{"until", field_or_null(event, "when")}, {"seq", field_or_null(event, "seq")}});
        }
    }
    // A run cut short (cancelled, or a file that ends early) leaves steps and waits open: they end there.
    end_callback(end_t);
    for (const auto& [track, begun] : thread_runs.in_order()) {
        span(tid_of(track), text_of(*begun, "callback"), "thread", number(begun->if_contains("t")), end_t,
             json::object{{"thread", field_or_null(*begun, "thread")}, {"ended", "unfinished"}, {"seq", field_or_null(*begun, "seq")}});
    }
    for (const auto& [task, begun] : open_step.in_order()) step_slice(task, begun, end_t, json::object{{"ended", "unfinished"}});
    for (const auto& [task, w] : suspended.in_order()) wait_slice(task, w, std::max(w.ts, micros(end_t)), json::object{{"ended", "unfinished"}});

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
