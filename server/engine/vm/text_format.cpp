// Formatting text as CPython does: format()'s spec mini-language (f-strings, str.format, format())
// for str, int, bool and float, and printf-style `str % args`.
#include "runtime.hpp"
#include "integers.hpp"

#include "escapes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope::engine {

namespace {

// The first `n` code points of `s`.
std::string first_code_point_count(const std::string& s, std::size_t n)
{
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == n) break;
    }
    return s.substr(0, i);
}


// ascii(): repr with every character beyond ASCII escaped as \xhh, \uhhhh or \Uhhhhhhhh.
std::string ascii_escaped(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += text[i++];
            continue;
        }
        const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(text, i));
        std::uint32_t code = n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < n && i + k < text.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        append_code_escape(out, code);
        i += n;
    }
    return out;
}


// The code point at s[i], moving i past it.
std::uint32_t code_point_at(const std::string& s, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(s, i));
    std::uint32_t code = n == 1 ? lead : n == 2 ? (lead & 0x1Fu) : n == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += n;
    return code;
}

// A format code or conversion as CPython names it in an error: itself if printable ASCII (up to
// `last_plain`), else \x and its hex digits ("Unknown format code '\x20ac'").
std::string code_shown(std::uint32_t code, std::uint32_t last_plain = 127)
{
    if (code > 32 && code <= last_plain) return std::string(1, static_cast<char>(code));
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", code);
    return buf;
}

// A field's argument index or [key] as CPython reads it (get_integer): -1 unless all digits, and
// ValueError past the largest Py_ssize_t.
std::int64_t format_index(const std::string& text)
{
    if (text.empty()) return -1;
    std::int64_t n = 0;
    for (char d : text) {
        if (!std::isdigit(static_cast<unsigned char>(d))) return -1;
        if (n > (INT64_MAX - (d - '0')) / 10) raise_error("ValueError", "Too many decimal digits in format string");
        n = n * 10 + (d - '0');
    }
    return n;
}

// chr(code) for '%c' and format(code, 'c'); a lone surrogate is beyond the engine's UTF-8 text.
std::string character_of(std::int64_t code)
{
    if (code < 0 || code > 0x10FFFF) raise_error("OverflowError", "%c arg not in range(0x110000)");
    if (code >= 0xD800 && code <= 0xDFFF) raise_unsupported("a lone surrogate (\\ud800-\\udfff)");
    return encode_utf8(static_cast<std::uint32_t>(code));
}

// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct format_spec {
    std::string fill = " ";  // one code point
    bool fill_given = false;
    char align = 0;
    char sign = 0;
    bool no_negative_zero = false;  // z
    bool alternate = false;         // #
    bool zero = false;
    std::size_t width = 0;
    char grouping = 0;
    int precision = -1;
    char type = 0;
};

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// The digits of |x| in `base`, lowercase.
// `digits` with a separator every `group`, zero-padded (separators included) to at least `min_width`
// characters, as CPython pads a '0'-filled, '='-aligned number. A separator never leads.
std::string grouped(const std::string& digits, std::size_t group, char separator, std::size_t min_width)
{
    std::string out;
    std::size_t i = digits.size(), count = 0;
    while (i > 0 || out.size() < min_width) {
        if (count == group) {
            out += separator;
            count = 0;
        }
        out += i > 0 ? digits[--i] : '0';
        ++count;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace

namespace {

// `default_type` is the type the value's __format__ assumes when the spec names none ('s' for str, 'd'
// for int, none for float): CPython checks the grouping against it while it parses.
format_spec parse_spec(const std::string& spec, const std::string& type_for_errors, char default_type, std::size_t max_width)
{
    format_spec f;
    std::size_t k = 0;
    const std::size_t first = spec.empty() ? 0 : std::max<std::size_t>(1, utf8_sequence_length(spec, 0));
    if (spec.size() > first && is_align(spec[first])) {
        f.fill = spec.substr(0, first);
        f.fill_given = true;
        f.align = spec[first];
        k = first + 1;
    } else if (!spec.empty() && is_align(spec[0])) {
        f.align = spec[0];
        k = 1;
    }
    if (k < spec.size() && (spec[k] == '+' || spec[k] == '-' || spec[k] == ' ')) f.sign = spec[k++];
    if (k < spec.size() && spec[k] == 'z') {
        f.no_negative_zero = true;
        ++k;
    }
    if (k < spec.size() && spec[k] == '#') {
        f.alternate = true;
        ++k;
    }
    // A '0' before the width fills with zeros unless a fill is given; it aligns after the sign ('=')
    // only what is right-aligned by default, numbers, not str (CPython 3.10 on).
    if (!f.fill_given && k < spec.size() && spec[k] == '0') {
        f.zero = true;
        f.fill = "0";
        if (!f.align && default_type != 's') f.align = '=';
        ++k;
    }
    // CPython's get_integer: past the largest Py_ssize_t is a ValueError. Below it CPython pads to any
    // width that fits in memory; here the output's length bound applies.
    auto spec_integer = [&](bool bounded) -> std::size_t {
        std::int64_t n = 0;
        while (k < spec.size() && std::isdigit(static_cast<unsigned char>(spec[k]))) {
            const int digit = spec[k++] - '0';
            if (n > (INT64_MAX - digit) / 10) raise_error("ValueError", "Too many decimal digits in format string");
            n = n * 10 + digit;
        }
        if (!bounded) return static_cast<std::size_t>(std::min<std::int64_t>(n, INT32_MAX));
        if (static_cast<std::uint64_t>(n) > max_width)
            throw limit_exceeded{"a string or list would hold " + std::to_string(n) + " items; the limit is " + std::to_string(max_width)};
        return static_cast<std::size_t>(n);
    };
    f.width = spec_integer(true);
    if (k < spec.size() && spec[k] == ',') f.grouping = spec[k++];
    if (k < spec.size() && spec[k] == '_') {
        if (f.grouping) raise_error("ValueError", "Cannot specify both ',' and '_'.");
        f.grouping = spec[k++];
    }
    if (f.grouping == '_' && k < spec.size() && spec[k] == ',') raise_error("ValueError", "Cannot specify both ',' and '_'.");
    if (k < spec.size() && spec[k] == '.') {
        ++k;
        if (k == spec.size() || !std::isdigit(static_cast<unsigned char>(spec[k]))) raise_error("ValueError", "Format specifier missing precision");
        // Bounded where it makes text (a float's digits), not here: a str's precision only cuts it.
        f.precision = static_cast<int>(spec_integer(false));
    }
    std::uint32_t type = static_cast<unsigned char>(default_type);
    if (k < spec.size()) {
        const std::size_t n = std::max<std::size_t>(1, utf8_sequence_length(spec, k));
        if (spec.size() - k > n) raise_error("ValueError", "Invalid format specifier '" + spec + "' for object of type '" + type_for_errors + "'");
        type = code_point_at(spec, k);
        f.type = static_cast<char>(type);
    }
    if (f.grouping && type) {
        // Checked before the type is: ',' goes with decimal types only, '_' with binary, octal, hex too.
        const std::string_view allowed = f.grouping == ',' ? "deEfFgG%" : "bdeEfFgGoxX%";
        if (type >= 0x80 || allowed.find(static_cast<char>(type)) == std::string_view::npos)
            raise_error("ValueError", std::string("Cannot specify '") + f.grouping + "' with '" + code_shown(type) + "'.");
    }
    // No type code is beyond ASCII.
    if (type >= 0x80) raise_error("ValueError", "Unknown format code '" + code_shown(type) + "' for object of type '" + type_for_errors + "'");
    return f;
}

std::string repeat_fill(const std::string& fill, std::size_t n)
{
    std::string out;
    out.reserve(fill.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += fill;
    return out;
}

// sign, prefix (0x), digits (grouped), rest (.50, e+05, %) laid out in the spec's width.
std::string lay_out_number(const format_spec& f, const std::string& sign, const std::string& prefix, const std::string& digits,
                           const std::string& rest, std::size_t group)
{
    std::string number = digits;
    if (f.grouping) {
        std::size_t min_width = 0;
        const std::size_t fixed = sign.size() + prefix.size() + rest.size();
        if (f.fill == "0" && f.align == '=' && f.width > fixed) min_width = f.width - fixed;
        number = grouped(digits, group, f.grouping, min_width);
    }
    const std::size_t length = sign.size() + prefix.size() + number.size() + rest.size();
    if (f.width <= length) return sign + prefix + number + rest;
    const std::size_t pad = f.width - length;
    switch (f.align ? f.align : '>') {
    case '<': return sign + prefix + number + rest + repeat_fill(f.fill, pad);
    case '^': return repeat_fill(f.fill, pad / 2) + sign + prefix + number + rest + repeat_fill(f.fill, pad - pad / 2);
    case '=': return sign + prefix + repeat_fill(f.fill, pad) + number + rest;
    default: return repeat_fill(f.fill, pad) + sign + prefix + number + rest;
    }
}

std::string sign_text(const format_spec& f, bool negative)
{
    if (negative) return "-";
    return f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
}

// C's printf of one double with a precision ("%.*e", "%#.*g"), its work charged. A double's exact
// decimal expansion has at most 767 significant digits and 1074 after the point, so past a precision
// of 1100 every further digit is a 0: printf writes 1100 and the zeros are appended (printf itself
// takes milliseconds of big-number arithmetic for a million digits). A 'g' without '#' strips them.
std::string c_format(const std::string& fmt, int precision, double x)
{
    constexpr int exact_digits = 1100;
    int zeros = 0;
    if (precision > exact_digits && std::isfinite(x)) {
        const char type = fmt.back();
        const bool stripped = (type == 'g' || type == 'G') && fmt.find('#') == std::string::npos;
        if (!stripped) zeros = precision - exact_digits;
        precision = exact_digits;
    }
    const int length = std::snprintf(nullptr, 0, fmt.c_str(), precision, x);
    charge_work((static_cast<std::size_t>(length) + static_cast<std::size_t>(zeros)) / 8);
    std::string out(static_cast<std::size_t>(length) + 1, '\0');
    std::snprintf(out.data(), out.size(), fmt.c_str(), precision, x);
    out.pop_back();
    if (zeros > 0) {
        // The zeros end the digits, before any exponent.
        const std::size_t exponent = out.find_first_of("eE");
        out.insert(exponent == std::string::npos ? out.size() : exponent, static_cast<std::size_t>(zeros), '0');
    }
    return out;
}

// A float with no type and a precision: 'g', except that fixed notation keeps a digit after the point,
// so it switches to an exponent one digit sooner (CPython's format_float_short: 100.0 at .3 is 1e+02).
std::string general_with_point(double x, int precision, bool alternate)
{
    auto strip_zeros = [alternate](std::string mantissa) {
        if (alternate || mantissa.find('.') == std::string::npos) return mantissa;
        while (mantissa.back() == '0') mantissa.pop_back();
        return mantissa;
    };
    std::string scientific = c_format("%.*e", precision - 1, x);
    const auto e = scientific.find('e');
    const int decpt = std::atoi(scientific.c_str() + e + 1) + 1;
    if (decpt <= -4 || decpt > precision - 1) {
        std::string mantissa = strip_zeros(scientific.substr(0, e));
        if (!alternate && mantissa.back() == '.') mantissa.pop_back();
        return mantissa + scientific.substr(e);
    }
    std::string fixed = strip_zeros(c_format("%.*f", std::max(precision - decpt, 0), x));
    if (fixed.find('.') == std::string::npos) fixed += '.';
    if (fixed.back() == '.') fixed += '0';
    return fixed;
}

std::string format_float(double x, const format_spec& f, char type)
{
    bool negative = std::signbit(x) && !std::isnan(x);
    x = std::fabs(x);
    std::string body;
    const bool upper = type == 'E' || type == 'F' || type == 'G';
    if (std::isinf(x) || std::isnan(x)) {
        body = std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        if (type == '%') body += '%';
    } else if (type == 0 && f.precision < 0) {
        body = float_repr(x);
        // '#' keeps a point: 1e+20 is 1.e+20.
        if (f.alternate && body.find('.') == std::string::npos) {
            auto e = body.find('e');
            body.insert(e == std::string::npos ? body.size() : e, ".");
        }
    } else if (type == 0) {
        body = general_with_point(x, f.precision == 0 ? 1 : f.precision, f.alternate);
    } else {
        char t = type;
        int p = f.precision < 0 ? 6 : f.precision;
        if (type == 'n') {
            t = 'g';
        } else if (type == '%') {
            t = 'f';
            x *= 100.0;
        }
        if ((t == 'g' || t == 'G') && p == 0) p = 1;
        body = c_format(std::string(f.alternate ? "%#.*" : "%.*") + t, p, x);
        if (type == '%') body += '%';
    }
    if (negative && f.no_negative_zero && body.find_first_of("0") != std::string::npos &&
        body.find_first_of("123456789") == std::string::npos)
        negative = false;
    // The digits before the point or exponent are the ones grouped.
    auto end = body.find_first_not_of("0123456789");
    std::string digits = body.substr(0, end == std::string::npos ? body.size() : end);
    std::string rest = end == std::string::npos ? "" : body.substr(end);
    if (digits.empty()) {
        // inf and nan: padded like a number, never grouped.
        format_spec plain = f;
        plain.grouping = 0;
        return lay_out_number(plain, sign_text(f, negative), "", body, "", 3);
    }
    return lay_out_number(f, sign_text(f, negative), "", digits, rest, 3);
}

} // namespace

// format(value, spec)
std::string runtime::format_value(const value& v, const std::string& spec)
{
    if (spec.empty()) return str(v);
    const std::string tn = type_name(v);
    const bool number = v.is(value_kind::integer) || v.is(value_kind::boolean) || v.is(value_kind::floating);
    if (!number && !v.is(value_kind::string)) raise_error("TypeError", "unsupported format string passed to " + tn + ".__format__");
    const char default_type = v.is(value_kind::string) ? 's' : v.is(value_kind::floating) ? 0 : 'd';
    const format_spec f = parse_spec(spec, tn, default_type, config_.max_sequence_length);
    check_length(f.width);
    charge_work(f.width / 8);

    if (v.is(value_kind::string)) {
        if (f.type && f.type != 's') raise_error("ValueError", "Unknown format code '" + code_shown(static_cast<unsigned char>(f.type)) + "' for object of type 'str'");
        if (f.sign == ' ') raise_error("ValueError", "Space not allowed in string format specifier");
        if (f.sign) raise_error("ValueError", "Sign not allowed in string format specifier");
        if (f.no_negative_zero) raise_error("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
        if (f.alternate) raise_error("ValueError", "Alternate form (#) not allowed in string format specifier");
        if (f.grouping) raise_error("ValueError", std::string("Cannot specify '") + f.grouping + "' with 's'.");
        if (f.align == '=') raise_error("ValueError", "'=' alignment not allowed in string format specifier");
        std::string body = v.as<string_object>().s;
        if (f.precision >= 0) body = first_code_point_count(body, static_cast<std::size_t>(f.precision));
        const std::size_t length = code_point_count(body);
        if (f.width <= length) return body;
        const std::size_t pad = f.width - length;
        const char align = f.align && f.align != '=' ? f.align : '<';
        if (align == '<') return body + repeat_fill(f.fill, pad);
        if (align == '>') return repeat_fill(f.fill, pad) + body;
        return repeat_fill(f.fill, pad / 2) + body + repeat_fill(f.fill, pad - pad / 2);
    }

    if (v.is(value_kind::floating)) {
        if (f.type && std::string_view("eEfFgGn%").find(f.type) == std::string_view::npos)
            raise_error("ValueError", "Unknown format code '" + code_shown(static_cast<unsigned char>(f.type)) + "' for object of type 'float'");
        if (f.type == 'n' && f.grouping) raise_error("ValueError", std::string("Cannot specify '") + f.grouping + "' with 'n'.");
        if (f.precision == INT32_MAX) raise_error("ValueError", "precision too big");  // past C's int
        if (f.precision > 0) check_length(static_cast<std::size_t>(f.precision));
        return format_float(v.f, f, f.type);
    }

    // int and bool
    if (f.type && std::string_view("eEfFgG%").find(f.type) != std::string_view::npos) {
        if (f.precision == INT32_MAX) raise_error("ValueError", "precision too big");  // past C's int
        if (f.precision > 0) check_length(static_cast<std::size_t>(f.precision));
        return format_float(int_to_float(v), f, f.type);
    }
    const bool negative = int_is_negative(v);
    if (f.type && std::string_view("bcdoxXn").find(f.type) == std::string_view::npos)
        raise_error("ValueError", "Unknown format code '" + code_shown(static_cast<unsigned char>(f.type)) + "' for object of type '" + tn + "'");
    if (f.precision >= 0) raise_error("ValueError", "Precision not allowed in integer format specifier");
    if (f.no_negative_zero) raise_error("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
    const char type = f.type ? f.type : 'd';
    if (f.grouping && (type == 'n' || (f.grouping == ',' && type != 'd')))
        raise_error("ValueError", std::string("Cannot specify '") + f.grouping + "' with '" + type + "'.");
    if (type == 'c') {
        const auto x = small_int(v).value_or(-1);
        if (f.sign) raise_error("ValueError", "Sign not allowed with integer format specifier 'c'");
        if (f.alternate) raise_error("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
        if (!small_int(v)) raise_error("OverflowError", "Python int too large to convert to C long");
        std::string ch = character_of(x);
        const std::size_t pad = f.width > 1 ? f.width - 1 : 0;
        switch (f.align ? f.align : '<') {
        case '>': case '=': return repeat_fill(f.fill, pad) + ch;
        case '^': return repeat_fill(f.fill, pad / 2) + ch + repeat_fill(f.fill, pad - pad / 2);
        default: return ch + repeat_fill(f.fill, pad);
        }
    }
    const int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    std::string digits = int_magnitude_digits(v, base);
    std::string prefix;
    if (type == 'X') std::transform(digits.begin(), digits.end(), digits.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
    if (f.alternate && base != 10) prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    return lay_out_number(f, sign_text(f, negative), prefix, digits, "", base == 10 ? 3 : 4);
}

// printf-style formatting: format % args.
std::string runtime::printf_format(const std::string& format, const value& args)
{
    std::vector<value> items;
    if (args.is(value_kind::tuple)) items = args.as<sequence_object>().items;
    else items.push_back(args);
    // CPython takes any object with __getitem__ but a tuple or str as a mapping: %(name)s looks the
    // name up in it, and an argument left over is no error.
    const bool mapping = args.is(value_kind::list) || args.is(value_kind::range) || args.is(value_kind::dict) || args.is(value_kind::deque) ||
                         (args.is(value_kind::instance) && args.as<instance_object>().cls->lookup("__getitem__"));
    std::size_t next = 0;
    auto take = [&]() -> const value& {
        if (next >= items.size()) raise_error("TypeError", "not enough arguments for format string");
        return items[next++];
    };
    // %(key)s: the conversion's argument is the mapping's item (a '*' width still takes from the arguments)
    value keyed;
    bool has_key = false;
    auto take_argument = [&]() -> const value& {
        if (!has_key) return take();
        has_key = false;
        return keyed;
    };
    auto real_number = [&](const value& v, char conversion) -> double {
        if (is_int(v)) return int_to_float(v);
        if (v.is(value_kind::floating)) return v.f;
        if (conversion == 'd' || conversion == 'i' || conversion == 'u')
            raise_error("TypeError", std::string("%") + conversion + " format: a real number is required, not " + type_name(v));
        raise_error("TypeError", "must be real number, not " + type_name(v));
    };
    std::string out;
    std::size_t k = 0;
    while (k < format.size()) {
        const char c = format[k++];
        if (c != '%') {
            out += c;
            continue;
        }
        const std::size_t spec_start = k;
        // %(key): the key runs to its matching ')' (parentheses nest, as in CPython's scan)
        if (k < format.size() && format[k] == '(') {
            if (!mapping) raise_error("TypeError", "format requires a mapping");
            std::size_t close = k + 1;
            for (int depth = 1; close < format.size(); ++close) {
                if (format[close] == '(') ++depth;
                else if (format[close] == ')' && --depth == 0) break;
            }
            if (close >= format.size()) raise_error("ValueError", "incomplete format key");
            keyed = subscript(args, value::string(format.substr(k + 1, close - k - 1)));
            has_key = true;
            k = close + 1;
        }
        bool left = false, plus = false, space = false, alternate = false, zero = false;
        for (; k < format.size(); ++k) {
            const char flag = format[k];
            if (flag == '-') left = true;
            else if (flag == '+') plus = true;
            else if (flag == ' ') space = true;
            else if (flag == '#') alternate = true;
            else if (flag == '0') zero = true;
            else break;
        }
        auto number_field = [&](const std::string& what) -> std::int64_t {
            if (k < format.size() && format[k] == '*') {
                ++k;
                const value& w = take();
                if (!is_int(w)) raise_error("TypeError", "* wants int");
                const auto fits = small_int(w);
                // A precision is a C int to CPython, a width a Py_ssize_t.
                if (!fits && what != "precision") raise_error("OverflowError", "Python int too large to convert to C ssize_t");
                if (!fits || (what == "precision" && (*fits > INT32_MAX || *fits < INT32_MIN)))
                    raise_error("OverflowError", "Python int too large to convert to C int");
                return *fits;
            }
            const std::int64_t largest = what == "precision" ? INT32_MAX : INT64_MAX;
            std::int64_t n = -1;
            while (k < format.size() && std::isdigit(static_cast<unsigned char>(format[k]))) {
                const int digit = format[k++] - '0';
                if (n > (largest - digit) / 10) raise_error("ValueError", what + " too big");
                n = (n < 0 ? 0 : n) * 10 + digit;
            }
            return n;
        };
        std::int64_t width = number_field("width");
        if (width < -1) {
            left = true;
            width = -width;
        }
        std::int64_t precision = -1;
        if (k < format.size() && format[k] == '.') {
            ++k;
            precision = std::max<std::int64_t>(0, number_field("precision"));
        }
        // One length modifier, ignored (a second is the conversion: '%lld' is unsupported 'l').
        if (k < format.size() && (format[k] == 'h' || format[k] == 'l' || format[k] == 'L')) ++k;
        if (k >= format.size()) raise_error("ValueError", "incomplete format");
        const char conversion = format[k++];
        auto unsupported_conversion = [&]() {
            take_argument();  // CPython takes the argument before it looks at the conversion
            char code[8];
            std::snprintf(code, sizeof code, "%x", static_cast<unsigned char>(conversion));
            raise_error("ValueError", std::string("unsupported format character '") + conversion + "' (0x" + code + ") at index " +
                                          std::to_string(k - 1));
        };
        std::string sign, body;
        bool numeric = true;
        switch (conversion) {
        case '%':
            if (k - 1 == spec_start) {
                out += '%';
                continue;
            }
            unsupported_conversion();
            break;  // not reached: it raises
        case 's': body = str(take_argument()); numeric = false; break;
        case 'r': body = repr(take_argument()); numeric = false; break;
        case 'a': body = ascii_of(take_argument()); numeric = false; break;
        case 'c': {
            const value& v = take_argument();
            if (v.is(value_kind::string) && code_point_count(v.as<string_object>().s) == 1) body = v.as<string_object>().s;
            else if (is_int(v)) {
                const auto x = small_int(v);
                if (!x) raise_error("OverflowError", "%c arg not in range(0x110000)");
                body = character_of(*x);
            } else raise_error("TypeError", "%c requires int or char");
            numeric = false;
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
            const value& v = take_argument();
            value x;
            if (is_int(v)) x = v;
            else if (v.is(value_kind::floating) && (conversion == 'd' || conversion == 'i' || conversion == 'u')) {
                double d = v.f;
                if (std::isnan(d)) raise_error("ValueError", "cannot convert float NaN to integer");
                if (std::isinf(d)) raise_error("OverflowError", "cannot convert float infinity to integer");
                x = int_from_float(d);
            } else if (conversion == 'd' || conversion == 'i' || conversion == 'u') {
                real_number(v, conversion);
            } else {
                raise_error("TypeError", std::string("%") + conversion + " format: an integer is required, not " + type_name(v));
            }
            const int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
            body = int_magnitude_digits(x, base);
            if (conversion == 'X') std::transform(body.begin(), body.end(), body.begin(), [](char ch) { return static_cast<char>(std::toupper(ch)); });
            if (precision > 0 && body.size() < static_cast<std::size_t>(precision)) {
                check_length(static_cast<std::size_t>(precision));
                body = std::string(static_cast<std::size_t>(precision) - body.size(), '0') + body;
            }
            if (alternate && base != 10) body = (conversion == 'o' ? "0o" : conversion == 'x' ? "0x" : "0X") + body;
            sign = int_is_negative(x) ? "-" : plus ? "+" : space ? " " : "";
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d = real_number(take_argument(), conversion);
            const bool negative = std::signbit(d) && !std::isnan(d);
            d = std::fabs(d);
            const int p = precision < 0 ? 6 : static_cast<int>(precision);
            // The digits C would write before the bound could see them.
            if (p > 0) check_length(static_cast<std::size_t>(p));
            if (std::isinf(d) || std::isnan(d)) {
                const bool upper = conversion == 'E' || conversion == 'F' || conversion == 'G';
                body = std::isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
            } else {
                body = c_format(std::string(alternate ? "%#.*" : "%.*") + conversion, p, d);
                check_length(body.size());
            }
            sign = negative ? "-" : plus ? "+" : space ? " " : "";
            break;
        }
        default: unsupported_conversion(); break;
        }
        if (!numeric && precision >= 0 && (conversion == 's' || conversion == 'r' || conversion == 'a'))
            body = first_code_point_count(body, static_cast<std::size_t>(precision));
        const std::size_t length = code_point_count(sign) + code_point_count(body);
        const std::size_t field = width > 0 ? static_cast<std::size_t>(width) : 0;
        if (field > length) check_length(field);
        if (field <= length) out += sign + body;
        else if (left) out += sign + body + std::string(field - length, ' ');
        else if (zero && numeric) {
            // Zeros go after the sign and a 0x prefix.
            std::size_t prefix = (alternate && body.size() > 1 && body[0] == '0' && std::isalpha(static_cast<unsigned char>(body[1]))) ? 2 : 0;
            out += sign + body.substr(0, prefix) + std::string(field - length, '0') + body.substr(prefix);
        } else out += std::string(field - length, ' ') + sign + body;
        check_length(out.size());
    }
    if (next < items.size() && !mapping) raise_error("TypeError", "not all arguments converted during string formatting");
    charge_work(out.size() / 8);
    return out;
}

} // namespace loopscope::engine

namespace loopscope::engine {

std::string runtime::ascii_of(const value& v) { return ascii_escaped(repr(v)); }

// str.format: CPython's markup (string.Formatter's rules): {{ and }}, fields {name[key].attr!conv:spec}
// with automatic or manual numbering (never both), and replacement fields nested in a spec one level.
std::string runtime::format_markup(const std::string& s, const std::vector<value>& args,
                                const std::vector<std::pair<std::string, value>>& kwargs, int depth, int& auto_index)
{
    if (depth <= 0) raise_error("ValueError", "Max string recursion exceeded");
    std::string out;
    std::size_t k = 0;
    while (k < s.size()) {
        const char c = s[k];
        if (c == '}') {
            if (k + 1 < s.size() && s[k + 1] == '}') {
                out += '}';
                k += 2;
                continue;
            }
            raise_error("ValueError", "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            ++k;
            continue;
        }
        if (k + 1 < s.size() && s[k + 1] == '{') {
            out += '{';
            k += 2;
            continue;
        }
        if (k + 1 >= s.size()) raise_error("ValueError", "Single '{' encountered in format string");
        // CPython's parse_field: the name runs to '}', ':' or '!' (nothing inside [...] ends it); then
        // a conversion of one character; then a spec to the '}' that balances the field's braces.
        std::size_t at = k + 1;
        char ended = 0;
        while (at < s.size()) {
            ended = s[at++];
            if (ended == '{') raise_error("ValueError", "unexpected '{' in field name");
            if (ended == '[') {
                while (at < s.size() && s[at] != ']') ++at;
                continue;
            }
            if (ended == '}' || ended == ':' || ended == '!') break;
        }
        const std::string name = s.substr(k + 1, at - k - 2);
        std::uint32_t conversion = 0;
        std::string spec;
        bool field_closed = ended == '}';
        if (ended == '!') {
            if (at >= s.size()) raise_error("ValueError", "end of string while looking for conversion specifier");
            conversion = code_point_at(s, at);
            if (at < s.size()) {
                const char after = s[at++];
                if (after == '}') field_closed = true;
                else if (after != ':') raise_error("ValueError", "expected ':' after conversion specifier");
            }
        } else if (ended != ':' && ended != '}') {
            raise_error("ValueError", "expected '}' before end of string");
        }
        if (!field_closed) {
            const std::size_t spec_start = at;
            int open = 1;
            while (at < s.size() && open > 0) {
                if (s[at] == '{') ++open;
                else if (s[at] == '}') --open;
                ++at;
            }
            if (open > 0) raise_error("ValueError", "unmatched '{' in format spec");
            spec = s.substr(spec_start, at - 1 - spec_start);
        }
        k = at;

        // The first part picks the argument.
        std::size_t first_end = 0;
        while (first_end < name.size() && name[first_end] != '.' && name[first_end] != '[') ++first_end;
        const std::string first = name.substr(0, first_end);
        const std::int64_t first_index = format_index(first);
        value v;
        if (first.empty()) {
            if (auto_index < 0) raise_error("ValueError", "cannot switch from manual field specification to automatic field numbering");
            const auto index = static_cast<std::size_t>(auto_index++);
            if (index >= args.size())
                raise_error("IndexError", "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
            v = args[index];
        } else if (first_index >= 0) {
            if (auto_index > 0) raise_error("ValueError", "cannot switch from automatic field numbering to manual field specification");
            auto_index = -1;
            const auto index = static_cast<std::uint64_t>(first_index);
            if (index >= args.size())
                raise_error("IndexError", "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
            v = args[index];
        } else {
            bool found = false;
            for (const auto& [key, kv] : kwargs)
                if (key == first) {
                    v = kv;
                    found = true;
                }
            if (!found) raise_error("KeyError", first);
        }
        // Then .attribute and [key] in turn.
        for (std::size_t p = first_end; p < name.size();) {
            if (name[p] == '.') {
                std::size_t e = p + 1;
                while (e < name.size() && name[e] != '.' && name[e] != '[') ++e;
                if (e == p + 1) raise_error("ValueError", "Empty attribute in format string");
                v = load_attribute(v, name.substr(p + 1, e - p - 1));
                p = e;
            } else if (name[p] == '[') {
                const auto close = name.find(']', p);
                if (close == std::string::npos) raise_error("ValueError", "Missing ']' in format string");
                const std::string key = name.substr(p + 1, close - p - 1);
                const std::int64_t index = format_index(key);
                if (key.empty()) raise_error("ValueError", "Empty attribute in format string");
                v = subscript(v, index >= 0 ? value::integer(index) : value::string(key));
                p = close + 1;
                if (p < name.size() && name[p] != '.' && name[p] != '[')
                    raise_error("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
            } else {
                raise_error("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        if (conversion == 'r') v = value::string(repr(v));
        else if (conversion == 's') v = value::string(str(v));
        else if (conversion == 'a') v = value::string(ascii_of(v));
        else if (conversion) raise_error("ValueError", "Unknown conversion specifier " + code_shown(conversion, 126));
        if (spec.find('{') != std::string::npos || spec.find('}') != std::string::npos)
            spec = format_markup(spec, args, kwargs, depth - 1, auto_index);
        out += format_value(v, spec);
        check_length(out.size());
    }
    charge_work(out.size() / 8);
    return out;
}

} // namespace loopscope::engine
