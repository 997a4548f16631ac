#include "event_scanner.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace loopscope::load {

namespace {

// As boost::json's default parse_options: deeper nesting is an error, and the bound keeps the
// recursion of skip_value() bounded too.
constexpr int max_depth = 32;

// Bytes that can be copied through a string as they are: printable ASCII other than '"' and '\\'.
// Everything else takes the slow path (an escape, a control character that is an error, UTF-8).
constexpr std::array<bool, 256> plain_table = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return table;
}();

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at p (the caller checked there are four); -1 if one is not hex.
long hex4(const char* p)
{
    long value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hex_value(p[i]);
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

// The length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, no surrogates,
// nothing past U+10FFFF), or 0. The same rules as boost::json's validation.
std::size_t utf8_length(const char* p, const char* end)
{
    const auto c = static_cast<unsigned char>(*p);
    const std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (n == 0 || static_cast<std::size_t>(end - p) < n) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(p[k]) & 0xC0) != 0x80) return 0;
    const auto c1 = static_cast<unsigned char>(p[1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
        return 0;
    return n;
}

void append_utf8(std::string& out, unsigned long code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// A number token, validated against JSON's grammar.
struct number_token {
    std::string_view text;
    bool integer = true; // no fraction, no exponent
    bool negative = false;
};

// A read position in one message. Every function returns false at the first syntax error; the
// message is then "not a JSON object" as a whole, as a DOM parse would say.
class cursor {
public:
    cursor(const char* p, const char* end) : p_(p), end_(end) {}

    void skip_whitespace()
    {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    bool at_end() const { return p_ == end_; }
    bool peek(char c) const { return p_ != end_ && *p_ == c; }
    bool consume(char c)
    {
        skip_whitespace();
        if (!peek(c)) return false;
        ++p_;
        return true;
    }

    // A string at the cursor (after whitespace), into `out`.
    bool read_string(json_string& out)
    {
        skip_whitespace();
        if (!peek('"')) return false;
        const char* begin = ++p_;
        bool escaped = false;
        for (;;) {
            // The fast path: runs of plain ASCII
            while (p_ != end_ && plain_table[static_cast<unsigned char>(*p_)]) ++p_;
            if (p_ == end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') break;
            if (c == '\\') {
                escaped = true;
                if (!skip_escape()) return false;
            } else if (c >= 0x80) {
                const std::size_t n = utf8_length(p_, end_);
                if (n == 0) return false;
                p_ += n;
            } else {
                return false; // a control character must be escaped
            }
        }
        out.raw = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        out.escaped = escaped;
        out.present = true;
        ++p_;
        return true;
    }

    bool read_number(number_token& out)
    {
        skip_whitespace();
        const char* begin = p_;
        out.integer = true;
        out.negative = false;
        if (peek('-')) {
            out.negative = true;
            ++p_;
        }
        if (peek('0')) ++p_;
        else if (!digits()) return false;
        if (peek('.')) {
            ++p_;
            out.integer = false;
            if (!digits()) return false;
        }
        if (peek('e') || peek('E')) {
            ++p_;
            out.integer = false;
            if (peek('+') || peek('-')) ++p_;
            if (!digits()) return false;
        }
        out.text = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        return true;
    }

    // What comes next: '"', '{', '[', a number's first character, or a literal's.
    char next()
    {
        skip_whitespace();
        return p_ == end_ ? '\0' : *p_;
    }

    // Any value, validated and passed over.
    bool skip_value(int depth)
    {
        switch (next()) {
        case '"': {
            json_string ignored;
            return read_string(ignored);
        }
        case '{': {
            if (depth >= max_depth) return false;
            ++p_;
            if (consume('}')) return true;
            do {
                json_string key;
                if (!read_string(key) || !consume(':') || !skip_value(depth + 1)) return false;
            } while (consume(','));
            return consume('}');
        }
        case '[': {
            if (depth >= max_depth) return false;
            ++p_;
            if (consume(']')) return true;
            do {
                if (!skip_value(depth + 1)) return false;
            } while (consume(','));
            return consume(']');
        }
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: {
            number_token ignored;
            return read_number(ignored);
        }
        }
    }

private:
    bool digits()
    {
        const char* begin = p_;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ != begin;
    }

    bool literal(std::string_view word)
    {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
        p_ += word.size();
        return true;
    }

    // At a backslash: a valid escape, \uXXXX with its surrogate pair where one is needed.
    bool skip_escape()
    {
        if (end_ - p_ < 2) return false;
        switch (p_[1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': p_ += 2; return true;
        case 'u': break;
        default: return false;
        }
        if (end_ - p_ < 6) return false;
        const long unit = hex4(p_ + 2);
        if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return false; // a lone low surrogate
        p_ += 6;
        if (unit < 0xD800 || unit > 0xDBFF) return true;
        // A high surrogate needs its low one
        if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u') return false;
        const long low = hex4(p_ + 2);
        if (low < 0xDC00 || low > 0xDFFF) return false;
        p_ += 6;
        return true;
    }

    const char* p_;
    const char* end_;
};

// A key as it compares: its raw text unless it was written with escapes.
std::string_view key_text(const json_string& key, std::string& scratch)
{
    return key.escaped ? key.value(scratch) : key.raw;
}

// A string value into `out`; any other value is passed over and leaves `out` absent (a non-string
// counts as a missing field, as the DOM path's string_field() had it).
bool read_string_field(cursor& in, json_string& out, int depth)
{
    if (in.next() == '"') return in.read_string(out);
    out = json_string{};
    return in.skip_value(depth);
}

// A number value into `out`, `ok` false when it is not a number.
bool read_number_field(cursor& in, double& out, bool& ok, int depth)
{
    const char c = in.next();
    if (c != '-' && (c < '0' || c > '9')) {
        ok = false;
        return in.skip_value(depth);
    }
    number_token number;
    if (!in.read_number(number)) return false;
    const auto* first = number.text.data();
    const auto* last = first + number.text.size();
    const auto [ptr, ec] = std::from_chars(first, last, out);
    // Out of range is still a number to JSON; boost::json gives it as infinity
    if (ec == std::errc::result_out_of_range) out = number.negative ? -HUGE_VAL : HUGE_VAL;
    ok = ptr == last;
    return true;
}

// seq: an unsigned integer that fits 64 bits, or `ok` false
bool read_seq_field(cursor& in, std::uint64_t& out, bool& ok, int depth)
{
    const char c = in.next();
    if (c != '-' && (c < '0' || c > '9')) {
        ok = false;
        return in.skip_value(depth);
    }
    number_token number;
    if (!in.read_number(number)) return false;
    // The digits alone (from_chars takes no sign for an unsigned type); "-0" is 0, as for boost::json
    const auto* first = number.text.data() + (number.negative ? 1 : 0);
    const auto* last = number.text.data() + number.text.size();
    const auto [ptr, ec] = std::from_chars(first, last, out);
    ok = number.integer && ec == std::errc{} && ptr == last && (!number.negative || out == 0);
    return true;
}

bool scan_event(cursor& in, scanned_event& event, std::string& scratch, int depth)
{
    event = scanned_event{};
    if (in.next() != '{') return in.skip_value(depth); // not an object: the verifier says so
    if (depth >= max_depth) return false;
    event.object = true;
    in.consume('{');
    if (in.consume('}')) return true;
    do {
        json_string key;
        if (!in.read_string(key) || !in.consume(':')) return false;
        const std::string_view name = key_text(key, scratch);
        bool ok = true;
        if (name == "seq") ok = read_seq_field(in, event.seq, event.has_seq, depth + 1);
        else if (name == "t") ok = read_number_field(in, event.t, event.has_t, depth + 1);
        else if (name == "kind") ok = read_string_field(in, event.kind, depth + 1);
        else if (name == "text") ok = read_string_field(in, event.text, depth + 1);
        else if (name == "category") ok = read_string_field(in, event.category, depth + 1);
        else if (name == "message") ok = read_string_field(in, event.message, depth + 1);
        else if (name == "status") ok = read_string_field(in, event.status, depth + 1);
        else ok = in.skip_value(depth + 1);
        if (!ok) return false;
    } while (in.consume(','));
    return in.consume('}');
}

} // namespace

std::string_view json_string::value(std::string& scratch) const
{
    if (!escaped) return raw;
    // The scan validated every escape: this only decodes
    scratch.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') {
            scratch += raw[i];
            continue;
        }
        const char code = raw[++i];
        switch (code) {
        case 'b': scratch += '\b'; break;
        case 'f': scratch += '\f'; break;
        case 'n': scratch += '\n'; break;
        case 'r': scratch += '\r'; break;
        case 't': scratch += '\t'; break;
        case 'u': {
            auto unit = static_cast<unsigned long>(hex4(raw.data() + i + 1));
            i += 4;
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const auto low = static_cast<unsigned long>(hex4(raw.data() + i + 3));
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            append_utf8(scratch, unit);
            break;
        }
        default: scratch += code; break; // '"', '\\', '/'
        }
    }
    return scratch;
}

bool event_scanner::scan(std::string_view text, scanned_message& out)
{
    out = scanned_message{};
    events_.clear();
    cursor in(text.data(), text.data() + text.size());
    if (!in.consume('{')) return false;
    if (!in.consume('}')) {
        do {
            json_string key;
            if (!in.read_string(key) || !in.consume(':')) return false;
            const std::string_view name = key_text(key, key_scratch_);
            bool ok = true;
            if (name == "events") {
                events_.clear();
                out.has_events = in.next() == '[';
                if (!out.has_events) {
                    ok = in.skip_value(1);
                } else {
                    in.consume('[');
                    if (!in.consume(']')) {
                        do {
                            if (!scan_event(in, events_.emplace_back(), key_scratch_, 2)) return false;
                        } while (in.consume(','));
                        ok = in.consume(']');
                    }
                }
            } else if (name == "type") ok = read_string_field(in, out.type, 1);
            else if (name == "run") ok = read_string_field(in, out.run, 1);
            else if (name == "status") ok = read_string_field(in, out.status, 1);
            else if (name == "elapsed") ok = read_number_field(in, out.elapsed, out.has_elapsed, 1);
            else ok = in.skip_value(1);
            if (!ok) return false;
        } while (in.consume(','));
        if (!in.consume('}')) return false;
    }
    // Trailing data makes the whole message invalid, as it does for boost::json::parser::write
    in.skip_whitespace();
    return in.at_end();
}

} // namespace loopscope::load
