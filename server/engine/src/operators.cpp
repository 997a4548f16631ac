// Python's operators on the subset's values, with CPython's error messages.
#include "runtime.hpp"
#include "text_search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loopscope::engine {

namespace {

bool is_number(const value& v)
{
    return v.is(value_kind::integer) || v.is(value_kind::floating) || v.is(value_kind::boolean);
}
std::int64_t as_int(const value& v) { return v.is(value_kind::boolean) ? (v.b ? 1 : 0) : v.i; }
double as_float(const value& v)
{
    if (v.is(value_kind::floating)) return v.f;
    return static_cast<double>(as_int(v));
}
bool is_int(const value& v) { return v.is(value_kind::integer) || v.is(value_kind::boolean); }

[[noreturn]] void overflow() { raise_error("OverflowError", "integer overflow (loopscope integers are 64-bit)"); }

const char* op_symbol(std::int32_t op)
{
    static const char* symbols[] = {"+", "-", "*", "/", "//", "%", "** or pow()"};
    return symbols[op];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    if (a == INT64_MIN && b == -1) overflow();
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b)
{
    if (b == -1) return 0;
    std::int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

std::vector<value> repeat(const std::vector<value>& items, std::int64_t n)
{
    std::vector<value> out;
    if (n > 0) out.reserve(items.size() * static_cast<std::size_t>(n));  // the caller has checked the size
    for (std::int64_t k = 0; k < n; ++k) out.insert(out.end(), items.begin(), items.end());
    return out;
}

} // namespace

void runtime::note_nesting(const value& container, const value& item)
{
    if (!item.is(value_kind::list) && !item.is(value_kind::tuple)) return;
    std::weak_ptr<object> weak = container.obj;
    if (!nested_containers_.empty() && !nested_containers_.back().owner_before(weak) && !weak.owner_before(nested_containers_.back()))
        return;
    nested_containers_.push_back(std::move(weak));
}

void runtime::check_length(std::size_t n)
{
    if (n > config_.max_sequence_length)
        throw limit_exceeded{"a string or list would hold " + std::to_string(n) + " items; the limit is " +
                             std::to_string(config_.max_sequence_length)};
    meter_.check_memory(n);
}

void runtime::check_growth(const std::vector<value>& items, std::size_t added)
{
    const std::size_t wanted = items.size() + added;
    check_length(wanted);
    if (wanted > items.capacity()) meter_.reserve(std::max(wanted, 2 * items.capacity()) * sizeof(value));
}

void runtime::check_items(std::size_t n)
{
    check_length(n);
    meter_.reserve(n * sizeof(value));
}

value runtime::binary(std::int32_t op, const value& a, const value& b)
{
    auto bop = static_cast<binary_op>(op);
    if (is_number(a) && is_number(b)) {
        if (is_int(a) && is_int(b) && bop != binary_op::div) {
            std::int64_t x = as_int(a), y = as_int(b), r = 0;
            switch (bop) {
            case binary_op::add: if (__builtin_add_overflow(x, y, &r)) overflow(); return value::integer(r);
            case binary_op::sub: if (__builtin_sub_overflow(x, y, &r)) overflow(); return value::integer(r);
            case binary_op::mul: if (__builtin_mul_overflow(x, y, &r)) overflow(); return value::integer(r);
            case binary_op::floordiv:
                if (y == 0) raise_error("ZeroDivisionError", "integer division or modulo by zero");
                return value::integer(floor_div(x, y));
            case binary_op::mod:
                if (y == 0) raise_error("ZeroDivisionError", "integer modulo by zero");
                return value::integer(floor_mod(x, y));
            case binary_op::pow: {
                if (y < 0) {
                    if (x == 0) raise_error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                    return value::floating(std::pow(static_cast<double>(x), static_cast<double>(y)));
                }
                std::int64_t result = 1, base = x;
                while (y > 0) {
                    if (y & 1) { if (__builtin_mul_overflow(result, base, &result)) overflow(); }
                    y >>= 1;
                    if (y > 0 && __builtin_mul_overflow(base, base, &base)) overflow();
                }
                return value::integer(result);
            }
            default: break;
            }
        }
        double x = as_float(a), y = as_float(b);
        switch (bop) {
        case binary_op::add: return value::floating(x + y);
        case binary_op::sub: return value::floating(x - y);
        case binary_op::mul: return value::floating(x * y);
        case binary_op::div:
            if (y == 0.0) raise_error("ZeroDivisionError", is_int(a) && is_int(b) ? "division by zero" : "float division by zero");
            return value::floating(x / y);
        case binary_op::floordiv:
            if (y == 0.0) raise_error("ZeroDivisionError", "float floor division by zero");
            return value::floating(std::floor(x / y));
        case binary_op::mod: {
            if (y == 0.0) raise_error("ZeroDivisionError", "float modulo");
            double r = std::fmod(x, y);
            if (r != 0.0 && ((r < 0) != (y < 0))) r += y;
            return value::floating(r);
        }
        case binary_op::pow:
            if (x == 0.0 && y < 0) raise_error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
            return value::floating(std::pow(x, y));
        }
    }
    bool a_seq = a.is(value_kind::list) || a.is(value_kind::tuple);
    if (bop == binary_op::add) {
        if (a.is(value_kind::string) && b.is(value_kind::string)) {
            check_length(a.as<string_object>().s.size() + b.as<string_object>().s.size());
            charge_work((a.as<string_object>().s.size() + b.as<string_object>().s.size()) / 8);
            return value::string(a.as<string_object>().s + b.as<string_object>().s);
        }
        if (a_seq && a.kind == b.kind) {
            auto items = a.as<sequence_object>().items;
            const auto& more = b.as<sequence_object>().items;
            check_items(items.size() + more.size());
            charge_work(items.size() + more.size());
            items.insert(items.end(), more.begin(), more.end());
            return a.is(value_kind::list) ? value::list(std::move(items)) : value::tuple(std::move(items));
        }
        if (a.is(value_kind::string)) raise_error("TypeError", "can only concatenate str (not \"" + type_name(b) + "\") to str");
        if (a_seq) raise_error("TypeError", "can only concatenate " + type_name(a) + " (not \"" + type_name(b) + "\") to " + type_name(a));
    }
    if (bop == binary_op::mul) {
        const value* seq = nullptr;
        const value* count = nullptr;
        if (is_int(b) && (a.is(value_kind::string) || a_seq)) { seq = &a; count = &b; }
        if (is_int(a) && (b.is(value_kind::string) || b.is(value_kind::list) || b.is(value_kind::tuple))) { seq = &b; count = &a; }
        if (seq) {
            std::int64_t n = std::max<std::int64_t>(0, as_int(*count));
            // An empty sequence repeated any number of times is empty: never loop n times over nothing.
            bool empty = seq->is(value_kind::string) ? seq->as<string_object>().s.empty() : seq->as<sequence_object>().items.empty();
            if (empty) n = 0;
            if (seq->is(value_kind::string)) {
                const auto& s = seq->as<string_object>().s;
                if (!s.empty() && static_cast<std::uint64_t>(n) > config_.max_sequence_length / s.size() + 1) check_length(config_.max_sequence_length + 1);
                check_length(s.size() * static_cast<std::size_t>(n));
                charge_work(s.size() * static_cast<std::size_t>(n) / 8);
                std::string out;
                if (n > 0) out.reserve(s.size() * static_cast<std::size_t>(n));
                for (std::int64_t k = 0; k < n; ++k) out += s;
                return value::string(std::move(out));
            }
            const auto& items = seq->as<sequence_object>().items;
            if (!items.empty() && static_cast<std::uint64_t>(n) > config_.max_sequence_length / items.size() + 1) check_length(config_.max_sequence_length + 1);
            check_items(items.size() * static_cast<std::size_t>(n));
            charge_work(items.size() * static_cast<std::size_t>(n));
            auto out = repeat(items, n);
            return seq->is(value_kind::list) ? value::list(std::move(out)) : value::tuple(std::move(out));
        }
    }
    if (bop == binary_op::mod && a.is(value_kind::string)) return value::string(printf_format(a.as<string_object>().s, b));
    raise_error("TypeError", std::string("unsupported operand type(s) for ") + op_symbol(op) + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

bool runtime::equals(const value& a, const value& b, int depth)
{
    if (depth > 200) raise_error("RecursionError", "maximum recursion depth exceeded in comparison");
    if (is_number(a) && is_number(b)) {
        if (is_int(a) && is_int(b)) return as_int(a) == as_int(b);
        return as_float(a) == as_float(b);
    }
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case value_kind::none:
    case value_kind::ellipsis: return true;
    case value_kind::string: {
        const auto& x = a.as<string_object>().s;
        const auto& y = b.as<string_object>().s;
        if (x.size() != y.size()) return false;
        charge_work(x.size() / 8);
        return x == y;
    }
    case value_kind::list:
    case value_kind::tuple: {
        if (a.obj == b.obj) return true;
        const auto& x = a.as<sequence_object>().items;
        const auto& y = b.as<sequence_object>().items;
        if (x.size() != y.size()) return false;
        // Each item compared is charged as it is reached: two lists that share their parts can take
        // exponentially long (in CPython too), and must spend the run's steps doing it.
        for (std::size_t k = 0; k < x.size(); ++k) {
            charge_work(2);
            if (!equals(x[k], y[k], depth + 1)) return false;
        }
        return true;
    }
    case value_kind::range: {
        const auto& x = a.as<range_object>();
        const auto& y = b.as<range_object>();
        return x.start == y.start && x.stop == y.stop && x.step == y.step;
    }
    case value_kind::builtin: return same_builtin(a.as<builtin_object>(), b.as<builtin_object>(), false);
    default: return a.obj == b.obj;
    }
}

value runtime::compare(std::int32_t op, const value& a, const value& b)
{
    auto cop = static_cast<compare_op>(op);
    switch (cop) {
    case compare_op::eq: return value::boolean(equals(a, b));
    case compare_op::ne: return value::boolean(!equals(a, b));
    case compare_op::is:
    case compare_op::is_not: {
        // Each load of a builtin makes its value afresh; `len is len` as in CPython.
        if (a.is(value_kind::builtin) && b.is(value_kind::builtin)) {
            const bool same_function = same_builtin(a.as<builtin_object>(), b.as<builtin_object>(), true);
            return value::boolean(cop == compare_op::is ? same_function : !same_function);
        }
        bool same = a.kind == b.kind && (a.obj ? a.obj == b.obj : (a.kind == value_kind::none || a.kind == value_kind::ellipsis ||
                                                                   (a.kind == value_kind::boolean && a.b == b.b) ||
                                                                   (a.kind == value_kind::integer && a.i == b.i)));
        return value::boolean(cop == compare_op::is ? same : !same);
    }
    case compare_op::in:
    case compare_op::not_in: {
        bool found = false;
        if (b.is(value_kind::string)) {
            if (!a.is(value_kind::string)) raise_error("TypeError", "'in <string>' requires string as left operand, not " + type_name(a));
            found = find_text(b.as<string_object>().s, a.as<string_object>().s, 0) != std::string::npos;
        } else if (b.is(value_kind::range)) {
            const auto& r = b.as<range_object>();
            if (is_int(a)) {
                std::int64_t x = as_int(a);
                found = r.step > 0 ? (x >= r.start && x < r.stop) : (x <= r.start && x > r.stop);
                found = found && (x - r.start) % r.step == 0;
            }
        } else if (b.is(value_kind::list) || b.is(value_kind::tuple)) {
                for (const auto& item : b.as<sequence_object>().items) {
                charge_work(2);
                if (equals(a, item)) { found = true; break; }
            }
        } else {
            raise_error("TypeError", "argument of type '" + type_name(b) + "' is not iterable");
        }
        return value::boolean(cop == compare_op::in ? found : !found);
    }
    default: break;
    }
    int order = 0;
    if (is_number(a) && is_number(b)) {
        if (is_int(a) && is_int(b)) order = as_int(a) < as_int(b) ? -1 : as_int(a) > as_int(b) ? 1 : 0;
        else {
            double x = as_float(a), y = as_float(b);
            if (std::isnan(x) || std::isnan(y)) return value::boolean(false);
            order = x < y ? -1 : x > y ? 1 : 0;
        }
    } else if (a.is(value_kind::string) && b.is(value_kind::string)) {
        charge_work(std::min(a.as<string_object>().s.size(), b.as<string_object>().s.size()) / 8);
        int c = a.as<string_object>().s.compare(b.as<string_object>().s);
        order = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if ((a.is(value_kind::list) || a.is(value_kind::tuple)) && a.kind == b.kind) {
        const auto& x = a.as<sequence_object>().items;
        const auto& y = b.as<sequence_object>().items;
        std::size_t k = 0;
        while (k < x.size() && k < y.size()) {
            charge_work(2);
            if (!equals(x[k], y[k])) break;
            ++k;
        }
        if (k < x.size() && k < y.size()) return compare(op, x[k], y[k]);
        order = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    } else {
        static const char* symbols[] = {"==", "!=", "<", "<=", ">", ">="};
        raise_error("TypeError", std::string("'") + symbols[op] + "' not supported between instances of '" + type_name(a) + "' and '" +
                                     type_name(b) + "'");
    }
    switch (cop) {
    case compare_op::lt: return value::boolean(order < 0);
    case compare_op::le: return value::boolean(order <= 0);
    case compare_op::gt: return value::boolean(order > 0);
    case compare_op::ge: return value::boolean(order >= 0);
    default: return value::boolean(false);
    }
}

namespace {

std::int64_t normalize_index(std::int64_t i, std::size_t size, const char* what)
{
    auto n = static_cast<std::int64_t>(size);
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_error("IndexError", std::string(what) + " index out of range");
    return i;
}

// slice.indices(): CPython's clamping rules for start/stop with a step.
void slice_bounds(const slice_object& s, std::int64_t n, std::int64_t& start, std::int64_t& stop, std::int64_t& step)
{
    auto get = [](const value& v, const char* what) -> std::optional<std::int64_t> {
        if (v.is(value_kind::none)) return std::nullopt;
        if (v.is(value_kind::integer)) return v.i;
        if (v.is(value_kind::boolean)) return v.b ? 1 : 0;
        (void)what;
        raise_error("TypeError", "slice indices must be integers or None or have an __index__ method");
    };
    step = get(s.step, "step").value_or(1);
    if (step == 0) raise_error("ValueError", "slice step cannot be zero");
    auto clamp = [&](std::optional<std::int64_t> v, std::int64_t def) {
        if (!v) return def;
        std::int64_t x = *v;
        if (x < 0) {
            x += n;
            if (x < 0) x = step < 0 ? -1 : 0;
        } else if (x >= n) {
            x = step < 0 ? n - 1 : n;
        }
        return x;
    };
    start = clamp(get(s.start, "start"), step < 0 ? n - 1 : 0);
    stop = clamp(get(s.stop, "stop"), step < 0 ? -1 : n);
}

} // namespace

value runtime::subscript(const value& container, const value& index)
{
    if (container.is(value_kind::string)) {
        const auto& s = container.as<string_object>().s;
        bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (!ascii) {
            charge_work(s.size() / 8);
            auto offsets = code_point_offsets(s);
            std::size_t count = offsets.size() - 1;
            auto piece = [&](std::size_t k) { return s.substr(offsets[k], offsets[k + 1] - offsets[k]); };
            if (index.is(value_kind::slice)) {
                std::int64_t start = 0, stop = 0, step = 1;
                slice_bounds(index.as<slice_object>(), static_cast<std::int64_t>(count), start, stop, step);
                std::string out;
                for (std::int64_t k = start; step > 0 ? k < stop : k > stop; k += step) out += piece(static_cast<std::size_t>(k));
                return value::string(std::move(out));
            }
            if (!is_int(index)) raise_error("TypeError", "string indices must be integers, not '" + type_name(index) + "'");
            return value::string(piece(static_cast<std::size_t>(normalize_index(as_int(index), count, "string"))));
        }
    }
    if (container.is(value_kind::list) || container.is(value_kind::tuple) || container.is(value_kind::string)) {
        bool is_str = container.is(value_kind::string);
        std::size_t size = is_str ? container.as<string_object>().s.size() : container.as<sequence_object>().items.size();
        const char* what = is_str ? "string" : container.is(value_kind::list) ? "list" : "tuple";
        if (index.is(value_kind::slice)) {
            std::int64_t start = 0, stop = 0, step = 1;
            slice_bounds(index.as<slice_object>(), static_cast<std::int64_t>(size), start, stop, step);
            std::vector<value> items;
            std::string s;
            for (std::int64_t k = start; step > 0 ? k < stop : k > stop; k += step) {
                if (is_str) s += container.as<string_object>().s[static_cast<std::size_t>(k)];
                else items.push_back(container.as<sequence_object>().items[static_cast<std::size_t>(k)]);
            }
            if (is_str) return value::string(std::move(s));
            return container.is(value_kind::list) ? value::list(std::move(items)) : value::tuple(std::move(items));
        }
        if (!is_int(index)) {
            if (is_str) raise_error("TypeError", "string indices must be integers, not '" + type_name(index) + "'");
            raise_error("TypeError", std::string(what) + " indices must be integers or slices, not " + type_name(index));
        }
        auto k = static_cast<std::size_t>(normalize_index(as_int(index), size, what));
        if (is_str) return value::string(std::string(1, container.as<string_object>().s[k]));
        return container.as<sequence_object>().items[k];
    }
    if (container.is(value_kind::range)) {
        const auto& r = container.as<range_object>();
        if (index.is(value_kind::slice)) raise_unsupported("slicing a range");  // CPython makes a range of it
        if (!is_int(index)) raise_error("TypeError", "range indices must be integers or slices, not " + type_name(index));
        auto k = normalize_index(as_int(index), static_cast<std::size_t>(r.length()), "range object");
        return value::integer(r.start + k * r.step);
    }
    raise_error("TypeError", "'" + type_name(container) + "' object is not subscriptable");
}

void runtime::store_subscript(const value& container, const value& index, value v)
{
    if (!container.is(value_kind::list)) raise_error("TypeError", "'" + type_name(container) + "' object does not support item assignment");
    if (!is_int(index)) raise_error("TypeError", "list indices must be integers or slices, not " + type_name(index));
    auto& items = container.as<sequence_object>().items;
    auto k = static_cast<std::size_t>(normalize_index(as_int(index), items.size(), "list assignment"));
    note_nesting(container, v);
    items[k] = std::move(v);
}

value runtime::make_iterator(const value& v)
{
    switch (v.kind) {
    case value_kind::list:
    case value_kind::tuple:
    case value_kind::string:
    case value_kind::range: {
        auto it = std::make_shared<iterator_object>();
        it->source = v;
        return value::of(value_kind::iterator, it);
    }
    case value_kind::iterator: return v;
    default: raise_error("TypeError", "'" + type_name(v) + "' object is not iterable");
    }
}

value runtime::iterate_next(value& iterator, bool& exhausted)
{
    auto& it = iterator.as<iterator_object>();
    const value& src = it.source;
    exhausted = false;
    switch (src.kind) {
    case value_kind::list:
    case value_kind::tuple: {
        const auto& items = src.as<sequence_object>().items;
        if (static_cast<std::size_t>(it.index) >= items.size()) break;
        return items[static_cast<std::size_t>(it.index++)];
    }
    case value_kind::string: {
        const auto& s = src.as<string_object>().s;
        if (static_cast<std::size_t>(it.index) >= s.size()) break;
        // One code point per item: UTF-8 sequences stay whole.
        std::size_t start = static_cast<std::size_t>(it.index), end = start + 1;
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
        it.index = static_cast<std::int64_t>(end);
        return value::string(s.substr(start, end - start));
    }
    case value_kind::range: {
        const auto& r = src.as<range_object>();
        if (it.index >= r.length()) break;
        return value::integer(r.start + (it.index++) * r.step);
    }
    default: break;
    }
    exhausted = true;
    return {};
}

std::vector<value> runtime::to_vector(const value& v)
{
    if (v.is(value_kind::list) || v.is(value_kind::tuple)) {
        charge_work(v.as<sequence_object>().items.size());
        meter_.reserve(v.as<sequence_object>().items.size() * sizeof(value));
        return v.as<sequence_object>().items;
    }
    if (v.is(value_kind::range)) check_items(static_cast<std::size_t>(std::max<std::int64_t>(0, v.as<range_object>().length())));
    value it = make_iterator(v);
    std::vector<value> out;
    while (true) {
        bool done = false;
        value next = iterate_next(it, done);
        if (done) break;
        out.push_back(std::move(next));
        check_length(out.size());
    }
    charge_work(out.size());
    return out;
}

} // namespace loopscope::engine
