#include <loopscope/engine/event_json.hpp>

#include <charconv>
#include <cstring>
#include <cmath>

namespace loopscope::engine {

namespace {

std::size_t utf8_length(std::string_view s, std::size_t i)
{
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return 0;
    return n;
}

} // namespace

void append_json_string(std::string& out, std::string_view s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Plain printable ASCII goes in one append, the common case by far.
        std::size_t plain = i;
        while (plain < s.size()) {
            const auto p = static_cast<unsigned char>(s[plain]);
            if (p < 0x20 || p >= 0x7f || p == '"' || p == '\\') break;
            ++plain;
        }
        if (plain > i) {
            out.append(s.data() + i, plain - i);
            i = plain;
            if (i == s.size()) break;
        }
        char ch = s[i];
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            // Valid UTF-8 passes through; a stray byte becomes U+FFFD so the line stays valid JSON.
            std::size_t n = utf8_length(s, i);
            if (n == 0) {
                out += "\\ufffd";
            } else {
                out.append(s.substr(i, n));
                i += n - 1;
            }
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

namespace {

void append_number(std::string& out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, res.ptr);
}

void append_uint(std::string& out, std::uint64_t n)
{
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, res.ptr);
}

// `,"name":` in one append: the names are literals, their lengths known where they are written
template <std::size_t N> void key(std::string& out, const char (&name)[N])
{
    char buf[N + 4];
    buf[0] = ',';
    buf[1] = '"';
    std::memcpy(buf + 2, name, N - 1);
    buf[N + 1] = '"';
    buf[N + 2] = ':';
    out.append(buf, N + 3);
}

template <std::size_t N> void optional_string(std::string& out, const char (&name)[N], const std::optional<std::string>& v)
{
    if (!v) return;
    key(out, name);
    append_json_string(out, *v);
}

} // namespace

void append_event_json(std::string& out, const event& e)
{
    out += "{\"seq\":";
    append_uint(out, e.seq);
    key(out, "t");
    append_number(out, e.t);
    key(out, "kind");
    append_json_string(out, e.kind);
    key(out, "task");
    if (e.task) append_json_string(out, *e.task);
    else out += "null";
    // The envelope's fields are always present (null when they do not apply).
    key(out, "coro");
    if (e.coro) append_json_string(out, *e.coro);
    else out += "null";
    key(out, "line");
    if (e.line > 0) append_uint(out, static_cast<std::uint64_t>(e.line));
    else out += "null";
    optional_string(out, "thread", e.thread);
    optional_string(out, "text", e.text);
    optional_string(out, "category", e.category);
    optional_string(out, "message", e.message);
    optional_string(out, "state", e.state);
    optional_string(out, "status", e.status);
    optional_string(out, "result", e.result);
    if (e.error) {
        key(out, "error");
        out += "{\"type\":";
        append_json_string(out, e.error->type);
        out += ",\"message\":";
        append_json_string(out, e.error->message);
        out += ",\"line\":";
        if (e.error->line > 0) append_uint(out, static_cast<std::uint64_t>(e.error->line));
        else out += "null";
        if (e.error->column > 0) {
            out += ",\"column\":";
            append_uint(out, static_cast<std::uint64_t>(e.error->column));
        }
        out += '}';
    }
    optional_string(out, "on", e.on);
    optional_string(out, "target", e.target);
    optional_string(out, "callback", e.callback);
    if (e.delay) {
        key(out, "delay");
        append_number(out, *e.delay);
    }
    if (e.when) {
        key(out, "when");
        append_number(out, *e.when);
    }
    if (e.handle) {
        key(out, "handle");
        append_uint(out, *e.handle);
    }
    if (e.loop) {
        key(out, "loop");
        append_uint(out, *e.loop);
    }
    if (e.random_seed) {
        key(out, "random_seed");
        append_uint(out, *e.random_seed);
    }
    if (!e.children.empty()) {
        key(out, "children");
        out += '[';
        for (std::size_t k = 0; k < e.children.size(); ++k) {
            if (k) out += ',';
            append_json_string(out, e.children[k]);
        }
        out += ']';
    }
    if (e.primitive) {
        key(out, "primitive");
        append_uint(out, *e.primitive);
    }
    if (e.snapshot) {
        key(out, "snapshot");
        out += *e.snapshot;
    }
    optional_string(out, "cause", e.cause);
    out += '}';
}

void append_json_number(std::string& out, double d) { append_number(out, d); }

std::string event_to_json(const event& e)
{
    std::string out;
    append_event_json(out, e);
    return out;
}

} // namespace loopscope::engine
