#include <loopscope/protocol/event_json.hpp>

#include <charconv>
#include <cmath>
#include <cstring>

namespace loopscope::protocol {

namespace {

std::size_t utf8_length(const char* s, std::size_t left)
{
    auto c = static_cast<unsigned char>(s[0]);
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || n > left) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) return 0;
    auto c1 = static_cast<unsigned char>(s[1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return 0;
    return n;
}

// True when one of the 8 bytes is not plain printable ASCII or is '"' or '\\': below 0x20, 0x7f and
// up, or one of the two (bit tricks that look at the 8 at once, exact as to "any")
bool has_special_byte(std::uint64_t w)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    return ((w & highs) | ((w - ones * 0x20) & ~w & highs) | has_zero(w ^ (ones * 0x22)) | has_zero(w ^ (ones * 0x5c)) |
            has_zero(w ^ (ones * 0x7f))) != 0;
}

bool plain_byte(unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }

// The most a string takes written: each byte at most 6 ("\u00XX", "\ufffd"), and its quotes
constexpr std::size_t escaped_bound(std::size_t bytes) { return 6 * bytes + 2; }

// Writes into room made beforehand (the caller sized it with escaped_bound and the fixed parts'
// bounds): no capacity check per piece.
class json_writer {
public:
    explicit json_writer(char* at) : p_(at) {}
    char* end() const { return p_; }

    template <std::size_t N> void literal(const char (&s)[N])
    {
        std::memcpy(p_, s, N - 1);
        p_ += N - 1;
    }
    void raw(std::string_view s)
    {
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    void byte(char c) { *p_++ = c; }
    // `,"name":`
    template <std::size_t N> void key(const char (&name)[N])
    {
        *p_++ = ',';
        *p_++ = '"';
        std::memcpy(p_, name, N - 1);
        p_ += N - 1;
        *p_++ = '"';
        *p_++ = ':';
    }
    void uint(std::uint64_t n) { p_ = std::to_chars(p_, p_ + 20, n).ptr; }
    // A float: shortest round trip (at most 24 characters); not finite: null
    void number(double d)
    {
        if (!std::isfinite(d)) literal("null");
        else p_ = std::to_chars(p_, p_ + 32, d).ptr;
    }
    void string(std::string_view s);

private:
    char* p_;
};

void json_writer::string(std::string_view s)
{
    static const char hex[] = "0123456789abcdef";
    *p_++ = '"';
    const char* i = s.data();
    const char* const end = i + s.size();
    while (i < end) {
        // Plain printable ASCII goes in one copy, the common case by far: 8 bytes a test, then one by one
        const char* plain = i;
        while (end - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, i, 8);
            if (has_special_byte(w)) break;
            i += 8;
        }
        while (i < end && plain_byte(static_cast<unsigned char>(*i))) ++i;
        if (i > plain) {
            std::memcpy(p_, plain, static_cast<std::size_t>(i - plain));
            p_ += i - plain;
            if (i == end) break;
        }
        const auto c = static_cast<unsigned char>(*i);
        if (c >= 0x80) {
            // Valid UTF-8 passes through; a stray byte becomes U+FFFD so the line stays valid JSON.
            const std::size_t n = utf8_length(i, static_cast<std::size_t>(end - i));
            if (n == 0) {
                literal("\\ufffd");
                ++i;
            } else {
                std::memcpy(p_, i, n);
                p_ += n;
                i += n;
            }
            continue;
        }
        switch (c) {
        case '"': literal("\\\""); break;
        case '\\': literal("\\\\"); break;
        case '\n': literal("\\n"); break;
        case '\r': literal("\\r"); break;
        case '\t': literal("\\t"); break;
        case '\b': literal("\\b"); break;
        case '\f': literal("\\f"); break;
        default:
            // below 0x20, or 0x7f
            literal("\\u00");
            *p_++ = hex[c >> 4];
            *p_++ = hex[c & 0xf];
        }
        ++i;
    }
    *p_++ = '"';
}

// A long string's exact size written (one more scan of it), so that a long print does not make room for
// six times its size: the room made is memory the run is charged for
std::size_t escaped_size(std::string_view s)
{
    std::size_t size = 2;
    const char* i = s.data();
    const char* const end = i + s.size();
    while (i < end) {
        if (end - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, i, 8);
            if (!has_special_byte(w)) {
                size += 8;
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(*i);
        if (plain_byte(c)) {
            ++size;
            ++i;
        } else if (c >= 0x80) {
            const std::size_t n = utf8_length(i, static_cast<std::size_t>(end - i));
            size += n == 0 ? 6 : n;
            i += n == 0 ? 1 : n;
        } else {
            const bool short_escape = c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f';
            size += short_escape ? 2 : 6;
            ++i;
        }
    }
    return size;
}

std::size_t string_room(std::string_view s) { return s.size() <= 64 ? escaped_bound(s.size()) : escaped_size(s); }

std::size_t bound(const borrowed_string& s) { return s ? string_room(*s) : 0; }

// Room for everything of an event but its strings: the keys, punctuation, nulls and numbers
// (3 floats of at most 32, 9 integers of at most 20, and 30 keys of at most 24 with their commas)
constexpr std::size_t fixed_bound = 3 * 32 + 9 * 20 + 30 * 24 + 64;

} // namespace

void append_json_string(std::string& out, std::string_view s)
{
    const std::size_t start = out.size();
    out.resize(start + string_room(s));
    json_writer w(out.data() + start);
    w.string(s);
    out.resize(static_cast<std::size_t>(w.end() - out.data()));
}

void append_json_number(std::string& out, double d)
{
    const std::size_t start = out.size();
    out.resize(start + 32);
    json_writer w(out.data() + start);
    w.number(d);
    out.resize(static_cast<std::size_t>(w.end() - out.data()));
}

void append_event_json(std::string& out, const event& e)
{
    // The event's size at most, made room for at once: its parts are then written without a check each
    std::size_t room = fixed_bound + bound(e.task) + bound(e.thread) + bound(e.coro) + bound(e.text) + bound(e.category) +
                       bound(e.message) + bound(e.state) + bound(e.status) + bound(e.result) + bound(e.on) + bound(e.target) +
                       bound(e.callback) + bound(e.cause) + (e.snapshot ? e.snapshot->size() : 0);
    if (e.error) room += string_room(e.error->type) + string_room(e.error->message);
    for (const auto& child : e.children) room += string_room(child) + 1;
    const std::size_t start = out.size();
    out.resize(start + room);
    json_writer w(out.data() + start);

    auto optional_string = [&w](auto write_key, const borrowed_string& v) {
        if (!v) return;
        write_key();
        w.string(*v);
    };
    w.literal("{\"seq\":");
    w.uint(e.seq);
    w.key("t");
    w.number(e.t);
    // The kinds' names are plain ASCII: quoted as they are
    w.key("kind");
    w.byte('"');
    w.raw(event_kind_name(e.kind));
    w.byte('"');
    // The envelope's fields are always present (null when they do not apply).
    w.key("task");
    if (e.task) w.string(*e.task);
    else w.literal("null");
    w.key("coro");
    if (e.coro) w.string(*e.coro);
    else w.literal("null");
    w.key("line");
    if (e.line > 0) w.uint(static_cast<std::uint64_t>(e.line));
    else w.literal("null");
    optional_string([&] { w.key("thread"); }, e.thread);
    optional_string([&] { w.key("text"); }, e.text);
    optional_string([&] { w.key("category"); }, e.category);
    optional_string([&] { w.key("message"); }, e.message);
    optional_string([&] { w.key("state"); }, e.state);
    optional_string([&] { w.key("status"); }, e.status);
    optional_string([&] { w.key("result"); }, e.result);
    if (e.error) {
        w.key("error");
        w.literal("{\"type\":");
        w.string(e.error->type);
        w.literal(",\"message\":");
        w.string(e.error->message);
        w.literal(",\"line\":");
        if (e.error->line > 0) w.uint(static_cast<std::uint64_t>(e.error->line));
        else w.literal("null");
        if (e.error->column > 0) {
            w.literal(",\"column\":");
            w.uint(static_cast<std::uint64_t>(e.error->column));
        }
        w.byte('}');
    }
    optional_string([&] { w.key("on"); }, e.on);
    optional_string([&] { w.key("target"); }, e.target);
    optional_string([&] { w.key("callback"); }, e.callback);
    if (e.delay) {
        w.key("delay");
        w.number(*e.delay);
    }
    if (e.when) {
        w.key("when");
        w.number(*e.when);
    }
    if (e.handle) {
        w.key("handle");
        w.uint(*e.handle);
    }
    if (e.loop) {
        w.key("loop");
        w.uint(*e.loop);
    }
    if (e.random_seed) {
        w.key("random_seed");
        w.uint(*e.random_seed);
    }
    if (!e.children.empty()) {
        w.key("children");
        w.byte('[');
        for (std::size_t k = 0; k < e.children.size(); ++k) {
            if (k) w.byte(',');
            w.string(e.children[k]);
        }
        w.byte(']');
    }
    if (e.primitive) {
        w.key("primitive");
        w.uint(*e.primitive);
    }
    if (e.snapshot) {
        w.key("snapshot");
        w.raw(*e.snapshot);
    }
    optional_string([&] { w.key("cause"); }, e.cause);
    w.byte('}');
    out.resize(static_cast<std::size_t>(w.end() - out.data()));
}

std::string event_to_json(const event& e)
{
    std::string out;
    append_event_json(out, e);
    return out;
}

} // namespace loopscope::protocol
