// asyncio's primitives as events: the library (server/engine/asyncio/library) calls `_primitive(self)` after
// each change of a Lock, Event, Condition, Semaphore, Barrier, Queue, Timeout or TaskGroup, and
// `_cancel(cause, owner, future)` where it cancels a task for a reason of its own. The first call
// announces the primitive (primitive_created, with an id); each later one sends its whole state
// (primitive_state), read from the object's attributes without running the program's code, so that a
// client redraws any primitive at any seq from its last state alone.
#include "classes.hpp"
#include "deques.hpp"
#include "frame.hpp"
#include "dicts.hpp"
#include "future.hpp"
#include "integers.hpp"
#include "runtime.hpp"

#include <loopscope/protocol/event_json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace loopscope::engine {

using protocol::append_json_number;
using protocol::append_json_string;

namespace {

// The kinds, by the name of asyncio's class that the object is (or derives from)
enum class primitive : std::int8_t { none, lock, event, condition, semaphore, bounded_semaphore, barrier, queue, lifo_queue, priority_queue, timeout, task_group };
constexpr std::array<std::string_view, 12> primitive_names = {"",        "Lock",      "Event",         "Condition", "Semaphore", "BoundedSemaphore",
                                                              "Barrier", "Queue",     "LifoQueue",     "PriorityQueue", "Timeout", "TaskGroup"};

// A queue's items, a primitive's waiting tasks, a task group's members shown in an event: the first
// ones, in their own order (each event is then of bounded size, however many there are)
constexpr std::size_t shown_items = 20;

// Asked once per class (its MRO does not change once made; compute_mro forgets the answer)
primitive primitive_type(const instance_object& self)
{
    class_object& cls = *self.cls;
    if (cls.primitive_kind >= 0) return static_cast<primitive>(cls.primitive_kind);
    primitive found = primitive::none;
    for (const class_object* c : cls.mro) {
        if (c->module.rfind("asyncio.", 0) != 0) continue;
        for (std::size_t k = 1; k < primitive_names.size() && found == primitive::none; ++k)
            if (c->name == primitive_names[k]) found = static_cast<primitive>(k);
        if (found != primitive::none) break;
    }
    cls.primitive_kind = static_cast<std::int8_t>(found);
    return found;
}

const value* attribute(const instance_object& self, std::string_view name) { return self.attributes.find(name); }

std::string task_name(const ref<task_object>& task) { return task ? task->name : std::string(); }

// A task value's name, or empty
std::string task_name_of(const value* v)
{
    if (!v || !v->is(value_kind::future) || !v->as<future_object>().is_task()) return {};
    return static_cast<const task_object&>(v->as<future_object>()).name;
}

// `"name":` (after a comma but for the first)
void key(std::string& out, bool& first, std::string_view name)
{
    if (!first) out += ',';
    first = false;
    out += '"';
    out.append(name.data(), name.size());
    out.append("\":", 2);
}

// A name as a JSON string: at once when nothing in it needs escaping (a task's name, Task-12), else
// through the protocol's writer
void append_name(std::string& out, std::string_view s)
{
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
            append_json_string(out, s);
            return;
        }
    }
    out += '"';
    out.append(s.data(), s.size());
    out += '"';
}

void string_or_null(std::string& out, const std::string& s)
{
    if (s.empty()) out += "null";
    else append_name(out, s);
}

void names(std::string& out, const std::vector<std::string>& list)
{
    out += '[';
    for (std::size_t k = 0; k < list.size(); ++k) {
        if (k) out += ',';
        append_name(out, list[k]);
    }
    out += ']';
}

// The items of a deque or a list (the library's own containers; anything else a program put there
// shows as nothing)
template <class F>
void for_each_item(const value* container, F&& f)
{
    if (!container) return;
    if (container->is(value_kind::deque)) {
        for (const auto& v : container->as<deque_object>().items)
            if (!f(v)) return;
    } else if (container->is(value_kind::list)) {
        for (const auto& v : container->as<sequence_object>().items)
            if (!f(v)) return;
    }
}

std::size_t item_count(const value* container)
{
    if (!container) return 0;
    if (container->is(value_kind::deque)) return container->as<deque_object>().items.size();
    if (container->is(value_kind::list)) return container->as<sequence_object>().items.size();
    return 0;
}

// The tasks waiting on a container of waiter futures, first to be woken first (a future not yet done
// that a task made: loop.create_future() in its step), written as a JSON array of names. Straight
// into the snapshot: a busy queue writes one for every put and get.
void append_waiters(std::string& out, const value* container)
{
    out += '[';
    std::size_t shown = 0;
    for_each_item(container, [&](const value& v) {
        if (v.is(value_kind::future) && !v.as<future_object>().done())
            if (auto task = v.as<future_object>().made_in_task.lock()) {
                if (shown++) out += ',';
                append_name(out, task->name);
            }
        return shown < shown_items;
    });
    out += ']';
}

// An item's short form as a JSON string: a small int's digits written at once, anything else as the
// other events label a value
void append_label(std::string& out, const value& v)
{
    if (v.is(value_kind::integer) && !v.obj) {
        char text[24];
        text[0] = '"';
        char* end = std::to_chars(text + 1, text + sizeof text - 1, v.i).ptr;
        *end++ = '"';
        out.append(text, end);
        return;
    }
    append_json_string(out, event_value_label(v));
}

// A count or a small int's digits, a JSON number
template <class Integer>
void append_digits(std::string& out, Integer n)
{
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

bool truthy_flag(const value* v) { return v && v->is(value_kind::boolean) && v->b; }

// `name`: the first waiting tasks; `name_count`: the wait queue's length, as CPython's repr counts it
// (`waiters:2`: a waiter woken but not yet run is still in it)
void wait_queue(std::string& out, bool& first, const char* name, const char* count_name, const value* container)
{
    key(out, first, name);
    append_waiters(out, container);
    key(out, first, count_name);
    append_digits(out, item_count(container));
}

// An int field: its digits, a JSON number (one beyond 64 bits too, up to 128 bits: Semaphore(2**70);
// a longer one is left out, as a state stays small)
void small_int(std::string& out, bool& first, const char* name, const value* v)
{
    if (!v || !v->is(value_kind::integer)) return;
    if (v->obj) {
        if (int_bit_length(*v) > 128) return;  // no conversion of a long one on every change
        const std::string digits = repr(*v);
        key(out, first, name);
        out += digits;
        return;
    }
    key(out, first, name);
    append_digits(out, v->i);
}

// The library's state enums (_BarrierState, timeouts._State): the member's value, a string
std::string enum_text(const value* member)
{
    if (!member || !member->is(value_kind::instance)) return {};
    const value* v = member->as<instance_object>().attributes.find("_value_");
    return v && v->is(value_kind::string) ? v->as<string_object>().s : std::string();
}

constexpr std::uint64_t hidden_bit = std::uint64_t{1} << 63;

} // namespace

// _primitive(self)
value runtime::library_primitive(std::vector<value>& args)
{
    if (args.empty() || !args[0].is(value_kind::instance)) return value::none();
    primitive_event(args[0], 0);
    return value::none();
}

// The lock a Condition (or a Barrier's Condition) uses: whether it is held, and by which task
std::pair<bool, std::string> runtime::lock_state(const value* lock)
{
    if (!lock || !lock->is(value_kind::instance)) return {false, {}};
    const auto& l = lock->as<instance_object>();
    const bool locked = truthy_flag(l.attributes.find("_locked"));
    const auto found = primitive_holders_.find(l.primitive_id);
    return {locked, locked && found != primitive_holders_.end() ? found->second : std::string()};
}

void runtime::primitive_event(const value& object, int depth)
{
    auto& self = object.as<instance_object>();
    const primitive type = primitive_type(self);
    if (type == primitive::none) return;
    const bool created = self.primitive_id == 0;
    if (created) {
        self.primitive_id = ++next_primitive_id_;
        // One that asyncio's library makes for another primitive (a Queue's Event, a Condition's
        // Lock, a Barrier's Condition) is part of that one: never announced, its changes shown as
        // changes of its owner. The frames from __init__ outwards: the same object's, then whose?
        if (running_) {
            for (auto it = running_->frames.rbegin(); it != running_->frames.rend(); ++it) {
                const frame& f = **it;
                if (!f.code->library) break;
                if (!f.locals.empty() && f.locals[0].obj == object.obj) continue;
                if (!f.locals.empty() && f.locals[0].is(value_kind::instance)) {
                    self.primitive_id |= hidden_bit;
                    primitive_owners_[self.primitive_id] = f.locals[0].obj;
                }
                break;
            }
        }
    }
    const std::uint64_t id = self.primitive_id;

    // Written into one buffer the run keeps (a busy queue writes a state for every put and get); an
    // owner's state written below from a hidden one's change starts it again, after this one is done
    std::string& s = primitive_text_;
    s.clear();
    s += '{';
    bool first = true;
    if (type == primitive::lock) {
        const bool locked = truthy_flag(attribute(self, "_locked"));
        // The holder: the task that took it (CPython keeps no owner; the events do)
        std::string holder;
        if (locked) {
            auto found = primitive_holders_.find(id);
            if (found == primitive_holders_.end()) found = primitive_holders_.emplace(id, task_name(current_task_)).first;
            holder = found->second;
        } else {
            primitive_holders_.erase(id);
        }
        key(s, first, "locked");
        s += locked ? "true" : "false";
        key(s, first, "holder");
        string_or_null(s, holder);
        wait_queue(s, first, "waiters", "waiters_count", attribute(self, "_waiters"));
    } else if (type == primitive::event) {
        key(s, first, "set");
        s += truthy_flag(attribute(self, "_value")) ? "true" : "false";
        wait_queue(s, first, "waiters", "waiters_count", attribute(self, "_waiters"));
    } else if (type == primitive::condition) {
        const value* lock = attribute(self, "_lock");
        if (lock && lock->is(value_kind::instance) && lock->as<instance_object>().primitive_id &&
            !(lock->as<instance_object>().primitive_id & hidden_bit)) {
            key(s, first, "lock");
            s += std::to_string(lock->as<instance_object>().primitive_id);
        }
        const auto [locked, holder] = lock_state(lock);
        key(s, first, "locked");
        s += locked ? "true" : "false";
        key(s, first, "holder");
        string_or_null(s, holder);
        wait_queue(s, first, "waiters", "waiters_count", attribute(self, "_waiters"));
    } else if (type == primitive::semaphore || type == primitive::bounded_semaphore) {
        small_int(s, first, "value", attribute(self, "_value"));
        wait_queue(s, first, "waiters", "waiters_count", attribute(self, "_waiters"));
    } else if (type == primitive::barrier) {
        key(s, first, "phase");
        string_or_null(s, enum_text(attribute(self, "_state")));
        small_int(s, first, "count", attribute(self, "_count"));
        small_int(s, first, "parties", attribute(self, "_parties"));
        const value* cond = attribute(self, "_cond");
        wait_queue(s, first, "waiters", "waiters_count", cond && cond->is(value_kind::instance) ? cond->as<instance_object>().attributes.find("_waiters") : nullptr);
    } else if (type == primitive::queue || type == primitive::lifo_queue || type == primitive::priority_queue) {
        const value* items = attribute(self, "_queue");
        key(s, first, "size");
        append_digits(s, item_count(items));
        small_int(s, first, "maxsize", attribute(self, "_maxsize"));
        small_int(s, first, "unfinished", attribute(self, "_unfinished_tasks"));
        key(s, first, "items");
        s += '[';
        std::size_t shown = 0;
        for_each_item(items, [&](const value& v) {
            if (shown++) s += ',';
            append_label(s, v);
            return shown < shown_items;
        });
        s += ']';
        wait_queue(s, first, "getters", "getters_count", attribute(self, "_getters"));
        wait_queue(s, first, "putters", "putters_count", attribute(self, "_putters"));
    } else if (type == primitive::timeout) {
        key(s, first, "phase");
        string_or_null(s, enum_text(attribute(self, "_state")));
        key(s, first, "when");
        const value* when = attribute(self, "_when");
        if (when && when->is(value_kind::floating)) append_json_number(s, when->f);
        else if (when && when->is(value_kind::integer) && !when->obj) s += std::to_string(when->i);
        else s += "null";
        key(s, first, "task");
        string_or_null(s, task_name_of(attribute(self, "_task")));
    } else if (type == primitive::task_group) {
        const char* phase = truthy_flag(attribute(self, "_aborting")) ? "cancelling"
                            : truthy_flag(attribute(self, "_exiting")) ? "exiting"
                            : truthy_flag(attribute(self, "_entered")) ? "entered"
                                                                        : "created";
        key(s, first, "phase");
        append_json_string(s, phase);
        key(s, first, "task");
        string_or_null(s, task_name_of(attribute(self, "_parent_task")));
        std::vector<std::string> members;
        std::size_t member_count = 0;
        if (const value* tasks = attribute(self, "_tasks"); tasks && tasks->is(value_kind::dict)) {
            member_count = tasks->as<dict_object>().used;
            for (const auto& e : tasks->as<dict_object>().entries) {
                if (members.size() >= shown_items) break;
                if (!e.key.is_unbound())
                    if (auto name = task_name_of(&e.key); !name.empty()) members.push_back(std::move(name));
            }
        }
        key(s, first, "members");
        names(s, members);
        key(s, first, "members_count");
        s += std::to_string(member_count);
        const value* errors = attribute(self, "_errors");
        key(s, first, "errors");
        s += std::to_string(errors && errors->is(value_kind::list) ? errors->as<sequence_object>().items.size() : 0);
    }
    s += '}';

    if (id & hidden_bit) {
        // Its owner's state shows it, once the owner is announced: a Condition's lock (held, by whom)
        // and a Barrier's Condition (its waiters); a Queue's Event adds nothing to the Queue's
        if (type != primitive::lock && type != primitive::condition) return;
        const auto owner = primitive_owners_.find(id);
        if (owner == primitive_owners_.end() || depth > 4) return;
        if (auto o = owner->second.lock(); o && static_cast<instance_object&>(*o).primitive_id)
            primitive_event(value::of(value_kind::instance, o), depth + 1);
        return;
    }
    // A change that leaves the state as it was sent last is not sent again
    const std::uint64_t digest = std::hash<std::string>{}(s);
    if (auto [last, inserted] = primitive_digests_.try_emplace(id, digest); !inserted) {
        if (last->second == digest) return;
        last->second = digest;
    }
    event e = make_event(created ? event_kind::primitive_created : event_kind::primitive_state);
    e.primitive = id;
    if (created) e.target = primitive_names[static_cast<std::size_t>(type)];
    e.snapshot = s;
    emit(e);
}

// _cancel(cause, owner, future[, msg]): future.cancel(msg), its task_cancel_requested saying why
value runtime::library_cancel(std::vector<value>& args)
{
    if (args.size() < 3 || !args[2].is(value_kind::future)) return value::boolean(false);
    std::uint64_t primitive = 0;
    if (args[1].is(value_kind::instance)) primitive = args[1].as<instance_object>().primitive_id & ~hidden_bit;
    const std::string cause = args[0].is(value_kind::string) ? args[0].as<string_object>().s : std::string();
    const std::string msg = args.size() > 3 && !args[3].is(value_kind::none) ? str(args[3]) : std::string();
    const cause_scope scope(cancel_cause_, cause, primitive);
    return value::boolean(cancel_any(static_ref_cast<future_object>(args[2].obj), msg));
}

} // namespace loopscope::engine
