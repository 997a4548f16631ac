#include <loopscope/protocol/event.hpp>

#include <ostream>

namespace loopscope::protocol {

namespace {

std::optional<std::string> owned(const std::optional<std::string_view>& v)
{
    if (!v) return std::nullopt;
    return std::string(*v);
}

std::optional<std::string_view> viewed(const std::optional<std::string>& v)
{
    if (!v) return std::nullopt;
    return std::string_view(*v);
}

} // namespace

std::ostream& operator<<(std::ostream& out, event_kind k) { return out << event_kind_name(k); }

event_record::event_record(const event& e)
    : seq(e.seq), t(e.t), kind(e.kind), task(owned(e.task)), thread(owned(e.thread)), coro(owned(e.coro)), line(e.line),
      text(owned(e.text)), category(owned(e.category)), message(owned(e.message)), state(owned(e.state)),
      status(owned(e.status)), result(owned(e.result)), on(owned(e.on)), target(owned(e.target)),
      callback(owned(e.callback)), delay(e.delay), when(e.when), handle(e.handle), loop(e.loop),
      random_seed(e.random_seed), children(e.children.begin(), e.children.end()), primitive(e.primitive),
      snapshot(owned(e.snapshot)), cause(owned(e.cause))
{
    if (e.error) error = *e.error;
}

event event_record::view() const
{
    event e;
    e.seq = seq;
    e.t = t;
    e.kind = kind;
    e.task = viewed(task);
    e.thread = viewed(thread);
    e.coro = viewed(coro);
    e.line = line;
    e.text = viewed(text);
    e.category = viewed(category);
    e.message = viewed(message);
    e.state = viewed(state);
    e.status = viewed(status);
    e.result = viewed(result);
    e.error = error ? &*error : nullptr;
    e.on = viewed(on);
    e.target = viewed(target);
    e.callback = viewed(callback);
    e.delay = delay;
    e.when = when;
    e.handle = handle;
    e.loop = loop;
    e.random_seed = random_seed;
    e.children.assign(children.begin(), children.end());
    e.primitive = primitive;
    e.snapshot = viewed(snapshot);
    e.cause = viewed(cause);
    return e;
}

} // namespace loopscope::protocol
