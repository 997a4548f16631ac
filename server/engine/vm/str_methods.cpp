// The methods of str, with CPython 3.11's signatures (how many arguments, which by keyword, the exact
// TypeError when they are wrong) and its results. Text is UTF-8; positions are code points. What needs
// Unicode's tables (case beyond ASCII, whitespace beyond ASCII) ends the run with UnsupportedError.
#include "runtime.hpp"
#include "integers.hpp"

#include "str_methods.hpp"
#include "text_search.hpp"

#include <algorithm>
#include <unordered_map>

namespace loopscope::engine {

namespace {

// How CPython words a wrong call, which differs with how each method is declared.
enum class arity_style : std::uint8_t {
    none,          // str.upper() takes no arguments (1 given)
    one,           // str.zfill() takes exactly one argument (0 given)
    clinic,        // replace expected at least 2 arguments, got 1
    varargs,       // find() takes at least 1 argument (0 given)
    keywords,      // split() takes at most 2 arguments (3 given); keywords allowed
};

struct signature {
    arity_style style;
    std::size_t min, max;
};

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

void check_arity(const std::string& name, const signature& sig, std::size_t given)
{
    if (given >= sig.min && given <= sig.max) return;
    switch (sig.style) {
    case arity_style::none: raise_error("TypeError", "str." + name + "() takes no arguments (" + std::to_string(given) + " given)");
    case arity_style::one: raise_error("TypeError", "str." + name + "() takes exactly one argument (" + std::to_string(given) + " given)");
    case arity_style::clinic:
        if (given < sig.min) raise_error("TypeError", name + " expected at least " + plural(sig.min, "argument") + ", got " + std::to_string(given));
        raise_error("TypeError", name + " expected at most " + plural(sig.max, "argument") + ", got " + std::to_string(given));
    case arity_style::varargs:
    case arity_style::keywords:
        if (given < sig.min) raise_error("TypeError", name + "() takes at least " + plural(sig.min, "argument") + " (" + std::to_string(given) + " given)");
        raise_error("TypeError", name + "() takes at most " + plural(sig.max, "argument") + " (" + std::to_string(given) + " given)");
    }
}

bool is_ascii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Python's whitespace within ASCII includes the four separators \x1c-\x1f.
bool is_python_space(char c) { return std::string_view(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f").find(c) != std::string_view::npos; }

// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000: whitespace to
// Python, beyond what the engine models.
bool has_unicode_space(std::string_view text)
{
    for (std::size_t k = 0; k + 1 < text.size(); ++k) {
        const auto a = static_cast<unsigned char>(text[k]), c = static_cast<unsigned char>(text[k + 1]);
        const auto d = k + 2 < text.size() ? static_cast<unsigned char>(text[k + 2]) : 0;
        if ((a == 0xC2 && (c == 0x85 || c == 0xA0)) || (a == 0xE1 && c == 0x9A && d == 0x80) ||
            (a == 0xE2 && c == 0x80 && (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF)) || (a == 0xE2 && c == 0x81 && d == 0x9F) ||
            (a == 0xE3 && c == 0x80 && d == 0x80))
            return true;
    }
    return false;
}

} // namespace

// The engine's end of one call of a str method: the text, the arguments, and the run's bounds
// (a friend of runtime's, as the bounds are its own)
struct str_method_call {
    runtime& run;
    const std::string& name;
    const std::string& s;
    std::vector<value>& args;

    void charge_work(std::size_t items) { run.charge_work(items); }
    void check_length(std::size_t n) { run.check_length(n); }
    void check_items(std::size_t n) { run.check_items(n); }
    std::vector<value> to_vector(const value& v) { return run.to_vector(v); }
    // A str argument; `which` is how CPython names it when it is not ("replace() argument 2", or
    // nothing for the methods that parse their arguments by hand). Argument Clinic names None as
    // None, other types by name.
    const std::string& text_arg(std::size_t k, const std::string& which = "")
    {
        if (!args[k].is(value_kind::string))
            raise_error("TypeError", (which.empty() ? "" : which + " ") + "must be str, not " +
                                         (which.empty() || !args[k].is(value_kind::none) ? type_name(args[k]) : std::string("None")));
        return args[k].as<string_object>().s;
    }
    std::int64_t index_arg(const value& v)
    {
        if (v.is(value_kind::boolean)) return v.b ? 1 : 0;
        if (!v.is(value_kind::integer)) raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
        if (auto x = small_int(v)) return *x;
        raise_error("OverflowError", "Python int too large to convert to C ssize_t");
    }
    void ascii_only(std::string_view text)
    {
        if (!is_ascii(text)) raise_unsupported("'str." + name + "' of text beyond ASCII");
    }
};

namespace {

enum class search_kind : std::uint8_t { startswith, endswith, find, rfind, index, rindex, count };

value change_case(str_method_call& c, char mode)
{
    const std::string& s = c.s;
    c.ascii_only(s);
    std::string r = s;
    for (auto& ch : r) {
        auto u = static_cast<unsigned char>(ch);
        if (mode == 'u') ch = static_cast<char>(std::toupper(u));
        else if (mode == 's') ch = static_cast<char>(std::isupper(u) ? std::tolower(u) : std::toupper(u));
        else ch = static_cast<char>(std::tolower(u));
    }
    return value::string(std::move(r));
}

value title(str_method_call& c)
{
    const std::string& s = c.s;
    c.ascii_only(s);
    std::string r = s;
    bool start = true;  // a letter after anything that is not a letter starts a word
    for (auto& ch : r) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isalpha(u)) {
            ch = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
            start = false;
        } else {
            start = true;
        }
    }
    return value::string(std::move(r));
}

value capitalize(str_method_call& c)
{
    const std::string& s = c.s;
    c.ascii_only(s);
    std::string r = s;
    for (std::size_t k = 0; k < r.size(); ++k) {
        auto u = static_cast<unsigned char>(r[k]);
        r[k] = static_cast<char>(k == 0 ? std::toupper(u) : std::tolower(u));
    }
    return value::string(std::move(r));
}

value strip_chars(str_method_call& c, bool left, bool right)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const std::string& name = c.name;
    std::size_t a = 0, b = s.size();
    if (args.empty() || args[0].is(value_kind::none)) {
        if (has_unicode_space(s)) raise_unsupported("'str." + name + "' of text with whitespace beyond ASCII");
        if (left) while (a < b && is_python_space(s[a])) ++a;
        if (right) while (b > a && is_python_space(s[b - 1])) --b;
    } else {
        if (!args[0].is(value_kind::string)) raise_error("TypeError", name + " arg must be None or str");
        const std::string& chars = args[0].as<string_object>().s;
        c.ascii_only(chars);
        if (left) while (a < b && chars.find(s[a]) != std::string::npos) ++a;
        if (right) while (b > a && chars.find(s[b - 1]) != std::string::npos) --b;
    }
    return value::string(s.substr(a, b - a));
}

value split_text(str_method_call& c, bool from_right)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const std::string& name = c.name;
    std::int64_t maxsplit = args.size() > 1 ? c.index_arg(args[1]) : -1;
    std::vector<std::string> parts;
        if (args.empty() || args[0].is(value_kind::none)) {
        if (has_unicode_space(s)) raise_unsupported("'str." + name + "' of text with whitespace beyond ASCII");
        // Runs of whitespace separate; the rest after maxsplit splits keeps its inner whitespace.
        if (!from_right) {
            std::size_t k = 0;
            while (k < s.size()) {
                while (k < s.size() && is_python_space(s[k])) ++k;
                if (k >= s.size()) break;
                if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) == maxsplit) {
                    parts.push_back(s.substr(k));  // the rest, its trailing whitespace kept
                    break;
                }
                std::size_t start = k;
                while (k < s.size() && !is_python_space(s[k])) ++k;
                parts.push_back(s.substr(start, k - start));
            }
        } else {
            std::size_t k = s.size();
            while (k > 0) {
                while (k > 0 && is_python_space(s[k - 1])) --k;
                if (k == 0) break;
                if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) == maxsplit) {
                    parts.push_back(s.substr(0, k));  // the rest, its leading whitespace kept
                    break;
                }
                std::size_t end = k;
                while (k > 0 && !is_python_space(s[k - 1])) --k;
                parts.push_back(s.substr(k, end - k));
            }
            std::reverse(parts.begin(), parts.end());
        }
    } else {
        if (!args[0].is(value_kind::string)) raise_error("TypeError", "must be str or None, not " + type_name(args[0]));
        const std::string& sep = args[0].as<string_object>().s;
        if (sep.empty()) raise_error("ValueError", "empty separator");
        if (!from_right) {
            std::size_t start = 0, at;
            while ((maxsplit < 0 || static_cast<std::int64_t>(parts.size()) < maxsplit) &&
                   (at = find_text(s, sep, start)) != std::string::npos) {
                parts.push_back(s.substr(start, at - start));
                start = at + sep.size();
            }
            parts.push_back(s.substr(start));
        } else {
            std::size_t end = s.size();
            while (maxsplit < 0 || static_cast<std::int64_t>(parts.size()) < maxsplit) {
                if (end < sep.size()) break;
                auto at = s.rfind(sep, end - sep.size());
                c.charge_work((end - (at == std::string::npos ? 0 : at)) / 8);
                if (at == std::string::npos) break;
                parts.push_back(s.substr(at + sep.size(), end - at - sep.size()));
                end = at;
            }
            parts.push_back(s.substr(0, end));
            std::reverse(parts.begin(), parts.end());
        }
    }
    c.check_items(parts.size());
    std::vector<value> items;
    items.reserve(parts.size());
    for (auto& p : parts) items.push_back(value::string(std::move(p)));
    return value::list(std::move(items));
}

value splitlines(str_method_call& c)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const bool keepends = !args.empty() && c.index_arg(args[0]) != 0;
    c.charge_work(s.size() / 8);
    if (has_unicode_space(s) || s.find("\xc2\x85") != std::string::npos) raise_unsupported("'str.splitlines' of text with line breaks beyond ASCII");
    std::vector<value> lines;
    std::size_t start = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const char ch = s[k];
        if (ch != '\n' && ch != '\r' && ch != '\x0b' && ch != '\x0c' && ch != '\x1c' && ch != '\x1d' && ch != '\x1e') continue;
        std::size_t end = k;
        if (ch == '\r' && k + 1 < s.size() && s[k + 1] == '\n') ++k;
        // Each line a new string, charged as a step: the memory bound is checked as the list grows
        const std::size_t length = (keepends ? k + 1 : end) - start;
        c.charge_work(16 + length / 8);
        c.check_length(lines.size() + 1);
        lines.push_back(value::string(s.substr(start, length)));
        start = k + 1;
    }
    if (start < s.size()) lines.push_back(value::string(s.substr(start)));
    return value::list(std::move(lines));
}

value join(str_method_call& c)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    std::string out;
    const value& iterable = args[0];
    if (!iterable.is(value_kind::list) && !iterable.is(value_kind::tuple) && !iterable.is(value_kind::string) &&
        !iterable.is(value_kind::range) && !iterable.is(value_kind::iterator) && !iterable.is(value_kind::generator) && !iterable.is(value_kind::dict) &&
        !iterable.is(value_kind::dict_view) && !iterable.is(value_kind::set) && !iterable.is(value_kind::frozenset) &&
        !iterable.is(value_kind::deque))
        raise_error("TypeError", "can only join an iterable");
    auto items = c.to_vector(iterable);
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (!items[k].is(value_kind::string))
            raise_error("TypeError", "sequence item " + std::to_string(k) + ": expected str instance, " + type_name(items[k]) + " found");
        c.check_length(out.size() + s.size() + items[k].as<string_object>().s.size());
        c.charge_work((s.size() + items[k].as<string_object>().s.size()) / 8 + 1);
        if (k) out += s;
        out += items[k].as<string_object>().s;
    }
    return value::string(std::move(out));
}

value replace(str_method_call& c)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const std::string& from = c.text_arg(0, "replace() argument 1");
    const std::string& to = c.text_arg(1, "replace() argument 2");
    std::int64_t count = args.size() > 2 ? c.index_arg(args[2]) : -1;
    std::string out;
    std::int64_t done = 0;
    if (from.empty()) {
        // Between code points, not bytes.
        for (std::size_t k = 0; k < s.size();) {
            const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(s, k));
            if (count < 0 || done < count) {
                out += to;
                ++done;
            }
            out.append(s, k, n);
            k += n;
            c.check_length(out.size());
        }
        if (count < 0 || done < count) out += to;
        c.check_length(out.size());
        c.charge_work(out.size() / 8);
        return value::string(std::move(out));
    }
    std::size_t start = 0, at;
    while ((count < 0 || done < count) && (at = find_text(s, from, start)) != std::string::npos) {
        c.check_length(out.size() + (at - start) + to.size());
        c.charge_work((at - start + to.size()) / 8);
        out.append(s, start, at - start);
        out += to;
        start = at + from.size();
        ++done;
    }
    return value::string(out + s.substr(start));
}

value search(str_method_call& c, search_kind kind)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const std::string& name = c.name;
    // [start:end] as a slice of code points (a prefix or suffix of the whole string needs none).
    const bool whole = args.size() == 1 && (kind == search_kind::startswith || kind == search_kind::endswith);
    const auto offsets = whole ? std::vector<std::size_t>{0, 0} : code_point_offsets(s);
    const auto length = static_cast<std::int64_t>(offsets.size() - 1);
    auto bound = [&](std::size_t k, std::int64_t fallback) -> std::int64_t {
        if (k >= args.size() || args[k].is(value_kind::none)) return fallback;
        if (!args[k].is(value_kind::integer) && !args[k].is(value_kind::boolean))
            raise_error("TypeError", "slice indices must be integers or None or have an __index__ method");
        // Past 64 bits a slice index is clamped to the nearest end, as CPython clamps it.
        std::int64_t v = small_int(args[k]).value_or(int_is_negative(args[k]) ? -length : length);
        if (v < 0) v = std::max<std::int64_t>(0, v + length);
        return v;
    };
    const std::int64_t raw_start = bound(1, 0), end = std::min(bound(2, length), length);
    const std::int64_t start = std::min(raw_start, length);
    // A start past the end, or an end before the start, matches nothing, not even "".
    const bool empty_range = raw_start > length || end < start;
    const bool affix = (kind == search_kind::startswith || kind == search_kind::endswith);
    if (affix) {
        if (!args[0].is(value_kind::string) && !args[0].is(value_kind::tuple))
            raise_error("TypeError", name + " first arg must be str or a tuple of str, not " + type_name(args[0]));
        const std::string_view window = whole         ? std::string_view(s)
                                        : empty_range ? std::string_view()
                                                    : std::string_view(s.data() + offsets[static_cast<std::size_t>(start)],
                                                                       offsets[static_cast<std::size_t>(end)] -
                                                                           offsets[static_cast<std::size_t>(start)]);
        auto matches = [&](const std::string& candidate) {
            c.charge_work(1 + candidate.size() / 8);  // a comparison of up to candidate.size() bytes
            if (!whole && (empty_range || candidate.size() > window.size())) return false;
            if (candidate.size() > window.size()) return false;
            return kind == search_kind::startswith ? window.compare(0, candidate.size(), candidate) == 0
                                                   : window.compare(window.size() - candidate.size(), candidate.size(), candidate) == 0;
        };
        if (args[0].is(value_kind::string)) return value::boolean(matches(args[0].as<string_object>().s));
        // A tuple's items in turn, each checked when it is reached: ('a', 1) matches "abc".
        for (const auto& item : args[0].as<sequence_object>().items) {
            if (!item.is(value_kind::string))
                raise_error("TypeError", "tuple for " + name + " must only contain str, not " + type_name(item));
            if (matches(item.as<string_object>().s)) return value::boolean(true);
        }
        return value::boolean(false);
    }
    const std::string& sub = c.text_arg(0);
    const bool reverse = (kind == search_kind::rfind || kind == search_kind::rindex);
    std::int64_t result = -1;
    if (!empty_range) {
        const std::size_t from = offsets[static_cast<std::size_t>(start)], to = offsets[static_cast<std::size_t>(end)];
        const std::string_view window(s.data() + from, to - from);
        if (kind == search_kind::count) {
            if (sub.empty()) return value::integer(end - start + 1);
            std::int64_t n = 0;
            const std::string w(window);
            for (std::size_t at = find_text(w, sub, 0); at != std::string::npos; at = find_text(w, sub, at + sub.size())) ++n;
            return value::integer(n);
        }
        std::size_t at = std::string::npos;
        if (!reverse) {
            at = find_text(std::string(window), sub, 0);
        } else {
            c.charge_work(window.size() / 8);
            at = sub.size() <= window.size() ? window.rfind(sub) : std::string::npos;
        }
        if (at != std::string::npos) result = start + static_cast<std::int64_t>(code_point_count(window.substr(0, at)));
    } else if (kind == search_kind::count) {
        return value::integer(0);
    }
    if (result < 0 && (kind == search_kind::index || kind == search_kind::rindex))
        raise_error("ValueError", "substring not found");
    return value::integer(result);
}

value zfill(str_method_call& c)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const auto width = c.index_arg(args[0]);
    c.check_length(static_cast<std::size_t>(std::max<std::int64_t>(0, width)));
    std::string r = s;
    const auto length = static_cast<std::int64_t>(code_point_count(r));
    if (length < width) {
        std::size_t pos = (!r.empty() && (r[0] == '-' || r[0] == '+')) ? 1 : 0;
        r.insert(pos, static_cast<std::size_t>(width - length), '0');
    }
    return value::string(std::move(r));
}

value justify(str_method_call& c, char where)
{
    const std::string& s = c.s;
    std::vector<value>& args = c.args;
    const auto width = c.index_arg(args[0]);
    std::string fill = " ";
    if (args.size() > 1) {
        if (!args[1].is(value_kind::string))
            raise_error("TypeError", "The fill character must be a unicode character, not " + type_name(args[1]));
        if (code_point_count(args[1].as<string_object>().s) != 1)
            raise_error("TypeError", "The fill character must be exactly one character long");
        fill = args[1].as<string_object>().s;
    }
    const auto length = static_cast<std::int64_t>(code_point_count(s));
    if (width <= length) return value::string(s);
    c.check_length(static_cast<std::size_t>(width) * fill.size());
    c.charge_work(static_cast<std::size_t>(width) * fill.size() / 8);
    const auto pad = static_cast<std::size_t>(width - length);
    std::size_t left = 0;
    if (where == 'r') left = pad;
    // CPython's center puts the odd space on the left when the width is odd.
    if (where == 'c') left = pad / 2 + (pad & static_cast<std::size_t>(width) & 1);
    std::string out;
    for (std::size_t k = 0; k < left; ++k) out += fill;
    out += s;
    for (std::size_t k = left; k < pad; ++k) out += fill;
    return value::string(std::move(out));
}

value partition_text(str_method_call& c, bool from_right)
{
    const std::string& s = c.s;
    const std::string& sep = c.text_arg(0);
    if (sep.empty()) raise_error("ValueError", "empty separator");
    const std::size_t at = !from_right ? find_text(s, sep, 0) : s.rfind(sep);
    if (at == std::string::npos) {
        if (!from_right) return value::tuple({value::string(s), value::string(""), value::string("")});
        return value::tuple({value::string(""), value::string(""), value::string(s)});
    }
    return value::tuple({value::string(s.substr(0, at)), value::string(sep), value::string(s.substr(at + sep.size()))});
}

value remove_affix(str_method_call& c, bool prefix)
{
    const std::string& s = c.s;
    const std::string& name = c.name;
    const std::string& affix = c.text_arg(0, name + "() argument");
    if (prefix) return value::string(s.rfind(affix, 0) == 0 ? s.substr(affix.size()) : s);
    const bool ends = s.size() >= affix.size() && s.compare(s.size() - affix.size(), affix.size(), affix) == 0;
    return value::string(ends && !affix.empty() ? s.substr(0, s.size() - affix.size()) : s);
}

// The character classes: exact for ASCII.
value char_class(str_method_call& c, bool (*test)(unsigned char))
{
    c.ascii_only(c.s);
    return value::boolean(!c.s.empty() && std::all_of(c.s.begin(), c.s.end(), [&](char ch) { return test(static_cast<unsigned char>(ch)); }));
}

// isupper / islower: at least one cased character, and none of the other case.
value is_one_case(str_method_call& c, bool upper)
{
    c.ascii_only(c.s);
    bool cased = false;
    for (char ch : c.s) {
        auto u = static_cast<unsigned char>(ch);
        if (upper ? std::islower(u) : std::isupper(u)) return value::boolean(false);
        if (std::isalpha(u)) cased = true;
    }
    return value::boolean(cased);
}

// Uppercase letters only after uncased characters, lowercase only after cased ones.
value istitle(str_method_call& c)
{
    c.ascii_only(c.s);
    bool cased = false, previous_cased = false;
    for (char ch : c.s) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isupper(u)) {
            if (previous_cased) return value::boolean(false);
            previous_cased = cased = true;
        } else if (std::islower(u)) {
            if (!previous_cased) return value::boolean(false);
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return value::boolean(cased);
}

// Every method of str the engine has (but format, which is text_format.cpp's), with its signature
// and what it does: the one place a str method is added. The up-front names check and the
// attribute lookup read this table (str_method_names), so a method listed here is a method.
struct str_method_row {
    const char* name;
    signature sig;
    value (*call)(str_method_call&);
};

using a = arity_style;
const str_method_row str_method_table[] = {
    {"upper", {a::none, 0, 0}, [](str_method_call& c) { return change_case(c, 'u'); }},
    {"lower", {a::none, 0, 0}, [](str_method_call& c) { return change_case(c, 'l'); }},
    {"title", {a::none, 0, 0}, title},
    {"capitalize", {a::none, 0, 0}, capitalize},
    {"swapcase", {a::none, 0, 0}, [](str_method_call& c) { return change_case(c, 's'); }},
    {"casefold", {a::none, 0, 0}, [](str_method_call& c) { return change_case(c, 'l'); }},
    {"strip", {a::clinic, 0, 1}, [](str_method_call& c) { return strip_chars(c, true, true); }},
    {"lstrip", {a::clinic, 0, 1}, [](str_method_call& c) { return strip_chars(c, true, false); }},
    {"rstrip", {a::clinic, 0, 1}, [](str_method_call& c) { return strip_chars(c, false, true); }},
    {"split", {a::keywords, 0, 2}, [](str_method_call& c) { return split_text(c, false); }},
    {"rsplit", {a::keywords, 0, 2}, [](str_method_call& c) { return split_text(c, true); }},
    {"splitlines", {a::keywords, 0, 1}, splitlines},
    {"join", {a::one, 1, 1}, join},
    {"replace", {a::clinic, 2, 3}, replace},
    {"startswith", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::startswith); }},
    {"endswith", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::endswith); }},
    {"find", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::find); }},
    {"rfind", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::rfind); }},
    {"index", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::index); }},
    {"rindex", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::rindex); }},
    {"count", {a::varargs, 1, 3}, [](str_method_call& c) { return search(c, search_kind::count); }},
    {"zfill", {a::one, 1, 1}, zfill},
    {"ljust", {a::clinic, 1, 2}, [](str_method_call& c) { return justify(c, 'l'); }},
    {"rjust", {a::clinic, 1, 2}, [](str_method_call& c) { return justify(c, 'r'); }},
    {"center", {a::clinic, 1, 2}, [](str_method_call& c) { return justify(c, 'c'); }},
    {"partition", {a::one, 1, 1}, [](str_method_call& c) { return partition_text(c, false); }},
    {"rpartition", {a::one, 1, 1}, [](str_method_call& c) { return partition_text(c, true); }},
    {"removeprefix", {a::one, 1, 1}, [](str_method_call& c) { return remove_affix(c, true); }},
    {"removesuffix", {a::one, 1, 1}, [](str_method_call& c) { return remove_affix(c, false); }},
    {"isdigit", {a::none, 0, 0}, [](str_method_call& c) { return char_class(c, [](unsigned char ch) { return std::isdigit(ch) != 0; }); }},
    {"isdecimal", {a::none, 0, 0}, [](str_method_call& c) { return char_class(c, [](unsigned char ch) { return std::isdigit(ch) != 0; }); }},
    {"isnumeric", {a::none, 0, 0}, [](str_method_call& c) { return char_class(c, [](unsigned char ch) { return std::isdigit(ch) != 0; }); }},
    {"isalpha", {a::none, 0, 0}, [](str_method_call& c) { return char_class(c, [](unsigned char ch) { return std::isalpha(ch) != 0; }); }},
    {"isalnum", {a::none, 0, 0}, [](str_method_call& c) { return char_class(c, [](unsigned char ch) { return std::isalnum(ch) != 0; }); }},
    {"isspace", {a::none, 0, 0}, [](str_method_call& c) { return char_class(c, [](unsigned char ch) { return is_python_space(static_cast<char>(ch)); }); }},
    {"isupper", {a::none, 0, 0}, [](str_method_call& c) { return is_one_case(c, true); }},
    {"islower", {a::none, 0, 0}, [](str_method_call& c) { return is_one_case(c, false); }},
    {"istitle", {a::none, 0, 0}, istitle},
    {"isascii", {a::none, 0, 0}, [](str_method_call& c) { return value::boolean(is_ascii(c.s)); }},
};

const str_method_row* find_str_method(std::string_view name)
{
    static const std::unordered_map<std::string_view, const str_method_row*> index = [] {
        memory_scope process_wide(nullptr);
        std::unordered_map<std::string_view, const str_method_row*> made;
        for (const auto& row : str_method_table) made.emplace(row.name, &row);
        return made;
    }();
    auto found = index.find(name);
    return found == index.end() ? nullptr : found->second;
}

} // namespace

std::vector<const char*> str_method_names()
{
    std::vector<const char*> names;
    for (const auto& row : str_method_table) names.push_back(row.name);
    return names;
}

value runtime::call_str_method(const std::string& name, const std::string& s, std::vector<value>& args,
                               std::vector<std::pair<std::string, value>>& kwargs)
{
    const str_method_row* row = find_str_method(name);
    if (!row) raise_unsupported("'str." + name + "'");
    const signature& sig = row->sig;
    charge_work(s.size() / 8);

    // Keywords: only split, rsplit and splitlines take them.
    if (sig.style == arity_style::keywords) check_arity(name, sig, args.size() + kwargs.size());
    if (!kwargs.empty()) {
        if (sig.style != arity_style::keywords) raise_error("TypeError", "str." + name + "() takes no keyword arguments");
        const bool is_splitlines = name == "splitlines";
        const std::vector<std::string> names = is_splitlines ? std::vector<std::string>{"keepends"} : std::vector<std::string>{"sep", "maxsplit"};
        for (auto& [key, v] : kwargs) {
            auto at = std::find(names.begin(), names.end(), key);
            if (at == names.end()) raise_error("TypeError", "'" + key + "' is an invalid keyword argument for " + name + "()");
            const auto position = static_cast<std::size_t>(at - names.begin());
            if (position < args.size())
                raise_error("TypeError", "argument for " + name + "() given by name ('" + key + "') and position (" + std::to_string(position + 1) + ")");
            args.resize(std::max(args.size(), position + 1), value::unbound());
            args[position] = std::move(v);
        }
        kwargs.clear();
        for (auto& a : args)
            if (a.is_unbound()) a = is_splitlines ? value::boolean(false) : value::none();
        if (!is_splitlines && args.size() == 2 && args[1].is(value_kind::none)) args[1] = value::integer(-1);
    }
    check_arity(name, sig, args.size());
    str_method_call call{*this, name, s, args};
    return row->call(call);
}

} // namespace loopscope::engine
