// Python's operators on the subset's values, with CPython's error messages.
#include "itertools_module.hpp"
#include "runtime.hpp"
#include "deques.hpp"
#include "sets.hpp"
#include "classes.hpp"
#include "text_search.hpp"
#include "integers.hpp"
#include "dicts.hpp"
#include "cpython_names.hpp"

#include <algorithm>
#include <limits>
#include <cmath>
#include <cstdio>

namespace loopscope::engine {

namespace {

bool is_number(const value& v)
{
    return v.is(value_kind::integer) || v.is(value_kind::floating) || v.is(value_kind::boolean);
}
double as_float(const value& v)
{
    if (v.is(value_kind::floating)) return v.f;
    return int_to_float(v);
}

} // namespace

// CPython's float divmod (floatobject.c's _float_div_mod): 1 // 0.1 is 9.0, not floor(1 / 0.1).
std::pair<double, double> float_divmod(double x, double y)
{
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, y);
    }
    double floordiv = 0.0;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, x / y);
    }
    return {floordiv, mod};
}

// float ** float as CPython's float_pow: errors where C's pow() gives inf or NaN.
double float_pow(double x, double y)
{
    if (x == 0.0 && y < 0) raise_error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    if (x < 0 && std::isfinite(y) && std::isfinite(x) && y != std::floor(y))
        raise_unsupported("complex numbers (a negative number to a fractional power)");
    const double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) raise_error("OverflowError", "(34, 'Numerical result out of range')");
    return r;
}

namespace {

const char* op_symbol(std::int32_t op, bool inplace)
{
    static const char* symbols[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^"};
    static const char* inplace_symbols[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="};
    return inplace ? inplace_symbols[op] : symbols[op];
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
    // Anything that can hold the container back (a list, a dict, a dict's view, an iterator, a
    // function's closure) may close a cycle; the container is then cleared when the run ends.
    if (!item.obj || item.is(value_kind::string)) return;
    if (!nested_containers_.empty() && nested_containers_.back().refers_to(container.obj.get())) return;
    remember_container(container.obj);
}

void runtime::remember_container(const ref<object>& o)
{
    nested_containers_.emplace_back(o);
    if (nested_containers_.size() < prune_containers_at_) return;
    std::erase_if(nested_containers_, [](const weak_ref<object>& w) { return w.expired(); });
    prune_containers_at_ = std::max<std::size_t>(64, 2 * nested_containers_.size());
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
    const bool inplace = (op & 0x100) != 0;
    op &= 0xff;
    auto bop = static_cast<binary_op>(op);
    if (a.is(value_kind::instance) || b.is(value_kind::instance)) {
        if (auto r = instance_binary(bop, inplace, a, b)) return *r;
        // A builtin on the left words its own refusal ("can only concatenate str ...")
        if (a.is(value_kind::instance)) raise_error("TypeError", std::string("unsupported operand type(s) for ") + op_symbol(op, inplace) + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
    }
    if (a.is(value_kind::deque) || b.is(value_kind::deque)) {
        value r = deque_binary(bop, a, b, inplace);
        if (!r.is_unbound()) return r;
    }
    if (is_int(a) && is_int(b)) {
        // bool with bool stays bool for & | ^, as in CPython.
        if (a.is(value_kind::boolean) && b.is(value_kind::boolean)) {
            if (bop == binary_op::bit_and) return value::boolean(a.b && b.b);
            if (bop == binary_op::bit_or) return value::boolean(a.b || b.b);
            if (bop == binary_op::bit_xor) return value::boolean(a.b != b.b);
        }
        if (bop == binary_op::div) return value::floating(int_true_divide(a, b));
        if (bop == binary_op::pow && int_is_negative(b)) return value::floating(float_pow(int_to_float(a), int_to_float(b)));
        return int_arith(bop, a, b);
    }
    if (is_number(a) && is_number(b) && bop <= binary_op::pow) {
        double x = as_float(a), y = as_float(b);
        switch (bop) {
        case binary_op::add: return value::floating(x + y);
        case binary_op::sub: return value::floating(x - y);
        case binary_op::mul: return value::floating(x * y);
        case binary_op::div:
            if (y == 0.0) raise_error("ZeroDivisionError", "float division by zero");
            return value::floating(x / y);
        case binary_op::floordiv:
            if (y == 0.0) raise_error("ZeroDivisionError", "float floor division by zero");
            return value::floating(float_divmod(x, y).first);
        case binary_op::mod:
            if (y == 0.0) raise_error("ZeroDivisionError", "float modulo");
            return value::floating(float_divmod(x, y).second);
        case binary_op::pow: return value::floating(float_pow(x, y));
        default: break;
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
        if (a_seq) {
            // list's and tuple's own words (a named tuple's too)
            const char* own = a.is(value_kind::list) ? "list" : "tuple";
            raise_error("TypeError", std::string("can only concatenate ") + own + " (not \"" + type_name(b) + "\") to " + own);
        }
    }
    if (bop == binary_op::mul) {
        const value* seq = nullptr;
        const value* count = nullptr;
        if (is_int(b) && (a.is(value_kind::string) || a_seq)) { seq = &a; count = &b; }
        if (is_int(a) && (b.is(value_kind::string) || b.is(value_kind::list) || b.is(value_kind::tuple))) { seq = &b; count = &a; }
        if (seq) {
            const auto fits = small_int(*count);
            if (!fits) raise_error("OverflowError", "cannot fit 'int' into an index-sized integer");
            std::int64_t n = std::max<std::int64_t>(0, *fits);
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
    if (bop == binary_op::mul) {
        auto sequence = [](const value& v) { return v.is(value_kind::string) || v.is(value_kind::list) || v.is(value_kind::tuple); };
        if (sequence(a) || sequence(b))
            raise_error("TypeError", "can't multiply sequence by non-int of type '" + type_name(sequence(a) ? b : a) + "'");
    }
    if (bop == binary_op::mod && a.is(value_kind::string)) return value::string(printf_format(a.as<string_object>().s, b));
    if (a.is(value_kind::dict) && a.as<dict_object>().is_counter) {
        value r = counter_binary(bop, a, b, inplace);
        if (!r.is_unbound()) return r;
    }
    if (bop == binary_op::bit_or && a.is(value_kind::dict)) {
        // d | other (a new dict) needs a dict on the right; d |= other takes pairs too, and changes d.
        if (inplace) {
            if (a.as<dict_object>().is_ordered) ordered_dict_update(a, b);  // odict's __ior__: mutablemapping_update
            else dict_update(a, b, "update");
            return a;
        }
        if (b.is(value_kind::dict)) {
            value merged = make_dict();
            // A defaultdict or an OrderedDict makes one of its kind (defdict_or, odict_or: the left
            // operand's own __or__ first, a subclass on the right first as its __ror__)
            const auto& x = a.as<dict_object>();
            const auto& y = b.as<dict_object>();
            const bool left_kind = x.default_factory || x.is_ordered;
            const dict_object& kind = left_kind ? x : y;
            merged.as<dict_object>().is_ordered = kind.is_ordered;
            if (const auto& factory = kind.default_factory) {
                note_nesting(merged, *factory);
                merged.as<dict_object>().default_factory = std::make_unique<value>(*factory);
            }
            dict_update(merged, a, "update");
            dict_update(merged, b, "update");
            return merged;
        }
    }
    if (is_set_kind(a) && is_set_kind(b)) {
        value r = set_binary(bop, a, b, inplace);
        if (!r.is_unbound()) return r;
    }
    const bool set_operator = bop == binary_op::bit_and || bop == binary_op::bit_or || bop == binary_op::bit_xor || bop == binary_op::sub;
    auto set_like = [](const value& v) { return v.is(value_kind::dict_view) && v.as<dict_view_object>().view != dict_view_kind::values; };
    if (set_operator && (set_like(a) || set_like(b))) {
        value r = dict_view_binary(bop, a, b);
        if (!r.is_unbound()) return r;
    }
    raise_error("TypeError", std::string("unsupported operand type(s) for ") + op_symbol(op, inplace) + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

bool runtime::equals(const value& a, const value& b, int depth)
{
    // The containers' levels below are counted as CPython counts them (c_level_scope); this bounds the
    // others' (a deque's, a typing form's)
    if (depth > static_cast<int>(config_.max_call_depth)) raise_error("RecursionError", "maximum recursion depth exceeded in comparison");
    if (is_number(a) && is_number(b)) {
        if (is_int(a) && is_int(b)) return int_compare(a, b) == 0;
        if (is_int(a) || is_int(b)) {
            const double d = is_int(a) ? b.f : a.f;
            return !std::isnan(d) && int_compare_float(is_int(a) ? a : b, d) == 0;
        }
        return a.f == b.f;
    }
    if (a.is(value_kind::instance) || b.is(value_kind::instance)) {
        if (auto r = rich_compare(compare_op::eq, a, b)) return truthy(*r);
        return a.obj == b.obj;
    }
    if (is_set_kind(a) && is_set_kind(b)) return a.obj == b.obj || set_compare(compare_op::eq, a, b);  // set() == frozenset()
    if ((set_like_view(a) && (is_set_kind(b) || set_like_view(b))) || (set_like_view(b) && is_set_kind(a))) return dict_view_compare(compare_op::eq, a, b);
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case value_kind::typing_form: return typing_equal(a, b, depth);
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
        c_level_scope level(*this, " in comparison");  // PyObject_RichCompare's, for the items
        // Each item compared is charged as it is reached: two lists that share their parts can take
        // exponentially long (in CPython too), and must spend the run's steps doing it.
        for (std::size_t k = 0; k < x.size(); ++k) {
            charge_work(2);
            if (!(x[k].obj && x[k].obj == y[k].obj) && !equals(x[k], y[k], depth + 1)) return false;
        }
        return true;
    }
    case value_kind::range: {
        // As sequences, as CPython compares them: range(0) == range(2, 2), range(0, 3, 2) == range(0, 4, 2).
        const auto& x = a.as<range_object>();
        const auto& y = b.as<range_object>();
        const std::int64_t n = x.length();
        if (n != y.length()) return false;
        if (n == 0) return true;
        return x.start == y.start && (n == 1 || x.step == y.step);
    }
    case value_kind::dict: {
        // As PyObject_RichCompareBool: the same object is equal (a Counter too, in a list or an `in`)
        if (a.obj == b.obj) return true;
        const auto& x = a.as<dict_object>();
        const auto& y = b.as<dict_object>();
        // Counter.__eq__: a missing count is 0 (a Counter and a plain dict compare as dicts)
        if (x.is_counter && y.is_counter) return counter_all(compare_op::eq, a, b);
        if (x.used != y.used) return false;
        c_level_scope level(*this, " in comparison");
        auto eq = [this, depth](const value& p, const value& q) { return equals(p, q, depth + 1); };
        for (const auto& e : x.entries) {
            if (e.key.is_unbound()) continue;
            charge_work(2);
            const std::int64_t at = y.find(e.key, e.hash, eq);
            if (at < 0 || !equals(e.item, y.entries[static_cast<std::size_t>(at)].item, depth + 1)) return false;
        }
        // two OrderedDicts: their keys in one order too (against a plain dict, as dicts)
        return !(x.is_ordered && y.is_ordered) || ordered_keys_equal(a, b, depth);
    }
    case value_kind::dict_view: {
        const auto& x = a.as<dict_view_object>();
        const auto& y = b.as<dict_view_object>();
        // Two keys or items views were compared as sets above; a values view is equal to itself only.
        if (x.view != y.view) return false;
        return a.obj == b.obj;
    }
    case value_kind::builtin: return same_builtin(a.as<builtin_object>(), b.as<builtin_object>(), false);
    case value_kind::deque: return deque_equal(a, b, depth);
    case value_kind::slice: {
        // slice_richcompare: as the tuples (start, stop, step)
        if (a.obj == b.obj) return true;
        const auto& x = a.as<slice_object>();
        const auto& y = b.as<slice_object>();
        return equals(value::tuple({x.start, x.stop, x.step}), value::tuple({y.start, y.stop, y.step}), depth);
    }
    case value_kind::method: {
        // Each load of a.f makes a fresh bound method; CPython's are equal when they bind the same
        // function to the same object (the very object, since 3.8).
        const auto& x = a.as<method_object>();
        const auto& y = b.as<method_object>();
        return x.self.obj == y.self.obj && x.function.obj == y.function.obj;
    }
    default: return a.obj == b.obj;
    }
}

value runtime::compare(std::int32_t op, const value& a, const value& b)
{
    auto cop = static_cast<compare_op>(op);
    if ((a.is(value_kind::instance) || b.is(value_kind::instance)) && cop <= compare_op::ge) {
        // What the special method returns, not necessarily a bool
        if (auto r = rich_compare(cop, a, b)) return *r;
        if (cop == compare_op::eq || cop == compare_op::ne) return value::boolean((a.obj == b.obj) == (cop == compare_op::eq));
        static const char* symbols[] = {"==", "!=", "<", "<=", ">", ">="};
        raise_error("TypeError", std::string("'") + symbols[op] + "' not supported between instances of '" + type_name(a) + "' and '" +
                                     type_name(b) + "'");
    }
    // `c == c` of a Counter is its __eq__, which compares its counts with == (no identity shortcut)
    if ((cop == compare_op::eq || cop == compare_op::ne) && a.is(value_kind::dict) && b.is(value_kind::dict) && a.as<dict_object>().is_counter &&
        b.as<dict_object>().is_counter)
        return value::boolean(counter_all(compare_op::eq, a, b) == (cop == compare_op::eq));
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
        if (b.is(value_kind::class_type) && is_enum_class(b.as<class_object>())) {
            found = enum_contains(b.as<class_object>(), a);
            return value::boolean(cop == compare_op::in ? found : !found);
        }
        if (b.is(value_kind::string)) {
            if (!a.is(value_kind::string)) raise_error("TypeError", "'in <string>' requires string as left operand, not " + type_name(a));
            found = find_text(b.as<string_object>().s, a.as<string_object>().s, 0) != std::string::npos;
        } else if (b.is(value_kind::range)) {
            const auto& r = b.as<range_object>();
            if (is_int(a) && small_int(a)) {
                std::int64_t x = *small_int(a);
                found = r.step > 0 ? (x >= r.start && x < r.stop) : (x <= r.start && x > r.stop);
                found = found && (x - r.start) % r.step == 0;
            }
        } else if (is_set_kind(b)) {
            found = set_contains(b, a);
        } else if (b.is(value_kind::deque)) {
            found = deque_contains(b, a);
        } else if (b.is(value_kind::dict) || (b.is(value_kind::dict_view) && b.as<dict_view_object>().view == dict_view_kind::keys)) {
            const auto& d = b.is(value_kind::dict) ? b.as<dict_object>() : b.as<dict_view_object>().dict.as<dict_object>();
            found = d.find(a, python_hash(a), dict_equality()) >= 0;
        } else if (b.is(value_kind::dict_view)) {
            const auto& view = b.as<dict_view_object>();
            const auto& d = view.dict.as<dict_object>();
            if (view.view == dict_view_kind::values) {
                for (const auto& e : d.entries) {
                    charge_work(2);
                    if (!e.key.is_unbound() && equals(a, e.item)) { found = true; break; }
                }
            } else if (a.is(value_kind::tuple) && a.as<sequence_object>().items.size() == 2) {
                const auto& pair = a.as<sequence_object>().items;
                const std::int64_t at = d.find(pair[0], python_hash(pair[0]), dict_equality());
                found = at >= 0 && equals(d.entries[static_cast<std::size_t>(at)].item, pair[1]);
            }
        } else if (b.is(value_kind::instance)) {
            // __contains__, else a search with __iter__, as CPython's `in`
            value r;
            if (call_special(b, "__contains__", {a}, r)) {
                found = truthy(r);
            } else {
                value it = make_iterator(b);
                for (bool done = false;;) {
                    value item = iterate_next(it, done);
                    if (done) break;
                    if (equals(a, item)) { found = true; break; }
                }
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
    if (a.is(value_kind::slice) && b.is(value_kind::slice) && cop <= compare_op::ge) {
        // slice_richcompare: as the tuples (start, stop, step)
        const auto& x = a.as<slice_object>();
        const auto& y = b.as<slice_object>();
        return compare(op, value::tuple({x.start, x.stop, x.step}), value::tuple({y.start, y.stop, y.step}));
    }
    int order = 0;
    if (is_number(a) && is_number(b)) {
        if (is_int(a) && is_int(b)) order = int_compare(a, b);
        else if (is_int(a)) {
            if (std::isnan(b.f)) return value::boolean(false);
            order = int_compare_float(a, b.f);
        } else if (is_int(b)) {
            if (std::isnan(a.f)) return value::boolean(false);
            order = -int_compare_float(b, a.f);
        } else {
            double x = a.f, y = b.f;
            if (std::isnan(x) || std::isnan(y)) return value::boolean(false);
            order = x < y ? -1 : x > y ? 1 : 0;
        }
    } else if (a.is(value_kind::string) && b.is(value_kind::string)) {
        charge_work(std::min(a.as<string_object>().s.size(), b.as<string_object>().s.size()) / 8);
        int c = a.as<string_object>().s.compare(b.as<string_object>().s);
        order = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if (is_set_kind(a) && is_set_kind(b)) {
        return value::boolean(set_compare(cop, a, b));  // subset and superset, not an order
    } else if (a.is(value_kind::deque) && b.is(value_kind::deque)) {
        c_level_scope level(*this, " in comparison");
        return deque_order(cop, a, b);
    } else if (a.is(value_kind::dict) && b.is(value_kind::dict) && a.as<dict_object>().is_counter && b.as<dict_object>().is_counter) {
        c_level_scope level(*this, " in comparison");
        return counter_compare(cop, a, b);  // subset and superset of multisets
    } else if ((set_like_view(a) && (is_set_kind(b) || set_like_view(b))) || (set_like_view(b) && is_set_kind(a))) {
        return value::boolean(dict_view_compare(cop, a, b));
    } else if ((a.is(value_kind::list) || a.is(value_kind::tuple)) && a.kind == b.kind) {
        const auto& x = a.as<sequence_object>().items;
        const auto& y = b.as<sequence_object>().items;
        std::size_t k = 0;
        while (k < x.size() && k < y.size()) {
            charge_work(2);
            // PyObject_RichCompareBool: the same object is equal without asking it
            if (!(x[k].obj && x[k].obj == y[k].obj) && !equals(x[k], y[k])) break;
            ++k;
        }
        if (k < x.size() && k < y.size()) {
            c_level_scope level(*this, " in comparison");
            // CPython counts a level for each PyObject_RichCompare, the first (on these sequences) too:
            // one more at the items that are not sequences themselves
            std::optional<c_level_scope> leaf;
            if (x[k].kind != value_kind::list && x[k].kind != value_kind::tuple) leaf.emplace(*this, " in comparison");
            return compare(op, x[k], y[k]);
        }
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

// A subscript's int; one past 64 bits cannot index anything.
std::int64_t index_of(const value& index)
{
    if (auto x = small_int(index)) return *x;
    raise_error("IndexError", "cannot fit 'int' into an index-sized integer");
}

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
        if (is_int(v)) {
            if (auto x = small_int(v)) return *x;
            // Far past either end: clamped as CPython clamps it.
            return int_is_negative(v) ? std::numeric_limits<std::int64_t>::min() + 1 : std::numeric_limits<std::int64_t>::max();
        }
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
    if (container.is(value_kind::class_type) && is_enum_class(container.as<class_object>())) return enum_item(container.as<class_object>(), index);
    if (container.is(value_kind::typing_form)) return typing_subscript(container, index);
    if (container.is(value_kind::builtin) && is_type_builtin(container.as<builtin_object>())) {
        const auto& type = container.as<builtin_object>().name;
        if (type == "list" || type == "dict" || type == "tuple" || type == "type") return builtin_generic_alias(type, index);
        // a type with __class_getitem__ (set, defaultdict, OrderedDict …) makes a generic alias in CPython
        if (type != "enumerate" && type != "reversed" && type != "range" && type != "collections.deque" && !cpython_type_has(type, "__class_getitem__"))
            raise_error("TypeError", "type '" + type + "' is not subscriptable");
        raise_unsupported("'" + type + "[...]'");  // a generic alias in CPython
    }
    if (container.is(value_kind::instance)) {
        value r;
        if (!call_special(container, "__getitem__", {index}, r)) raise_error("TypeError", "'" + type_name(container) + "' object is not subscriptable");
        return r;
    }
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
            return value::string(piece(static_cast<std::size_t>(normalize_index(index_of(index), count, "string"))));
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
        auto k = static_cast<std::size_t>(normalize_index(index_of(index), size, what));
        if (is_str) return value::string(std::string(1, container.as<string_object>().s[k]));
        return container.as<sequence_object>().items[k];
    }
    if (container.is(value_kind::deque)) return deque_item(container, index);
    if (container.is(value_kind::dict)) {
        const auto& d = container.as<dict_object>();
        const std::int64_t at = d.find(index, python_hash(index), dict_equality());
        if (at < 0) {
            if (d.is_counter) return value::integer(0);  // Counter.__missing__
            return dict_missing(container, index);  // a defaultdict's __missing__, else KeyError
        }
        return d.entries[static_cast<std::size_t>(at)].item;
    }
    if (container.is(value_kind::range)) {
        const auto& r = container.as<range_object>();
        if (index.is(value_kind::slice)) raise_unsupported("slicing a range");  // CPython makes a range of it
        if (!is_int(index)) raise_error("TypeError", "range indices must be integers or slices, not " + type_name(index));
        auto k = normalize_index(index_of(index), static_cast<std::size_t>(r.length()), "range object");
        return value::integer(r.start + k * r.step);
    }
    raise_error("TypeError", "'" + type_name(container) + "' object is not subscriptable");
}

void runtime::store_subscript(const value& container, const value& index, value v)
{
    if (container.is(value_kind::instance)) {
        value r;
        if (!call_special(container, "__setitem__", {index, std::move(v)}, r))
            raise_error("TypeError", "'" + type_name(container) + "' object does not support item assignment");
        return;
    }
    if (container.is(value_kind::dict)) {
        auto& d = container.as<dict_object>();
        const std::int64_t hash = python_hash(index);
        if (d.used >= config_.max_sequence_length) check_length(d.used + 1);
        note_nesting(container, v);
        d.set(index, hash, std::move(v), dict_equality());
        return;
    }
    if (container.is(value_kind::deque)) {
        deque_store(container, index, std::move(v));
        return;
    }
    if (!container.is(value_kind::list)) raise_error("TypeError", "'" + type_name(container) + "' object does not support item assignment");
    if (index.is(value_kind::slice)) {
        // list_ass_subscript: the bounds first, then the value as PySequence_Fast takes it (the list
        // itself copied first)
        auto& target = container.as<sequence_object>().items;
        std::int64_t start = 0, stop = 0, step = 1;
        slice_bounds(index.as<slice_object>(), static_cast<std::int64_t>(target.size()), start, stop, step);
        std::vector<value> replacement;
        if (v.obj == container.obj) {
            replacement = target;
        } else if (v.is(value_kind::list) || v.is(value_kind::tuple)) {
            replacement = v.as<sequence_object>().items;
        } else {
            value it;
            try {
                it = make_iterator(v);
            } catch (const python_error& e) {
                if (!is_instance_of(e.exc, "TypeError")) throw;
                raise_error("TypeError", step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
            }
            replacement = to_vector(it);
        }
        charge_work(replacement.size());
        auto& items = container.as<sequence_object>().items;  // drawing the value may have changed the list
        const auto size = static_cast<std::int64_t>(items.size());
        if (step == 1) {
            // list_ass_slice: [start, stop) clamped to the list as it is now
            std::int64_t low = std::clamp<std::int64_t>(start, 0, size);
            std::int64_t high = std::clamp<std::int64_t>(stop, low, size);
            check_length(items.size() - static_cast<std::size_t>(high - low) + replacement.size());
            charge_work(items.size());
            for (const auto& item : replacement) note_nesting(container, item);
            items.erase(items.begin() + low, items.begin() + high);
            items.insert(items.begin() + low, std::make_move_iterator(replacement.begin()), std::make_move_iterator(replacement.end()));
            return;
        }
        std::int64_t count = 0;
        if (step > 0 ? start < stop : start > stop) count = (step > 0 ? (stop - start - 1) / step : (start - stop - 1) / -step) + 1;
        if (static_cast<std::int64_t>(replacement.size()) != count)
            raise_error("ValueError", "attempt to assign sequence of size " + std::to_string(replacement.size()) + " to extended slice of size " +
                                          std::to_string(count));
        for (std::int64_t k = 0; k < count; ++k) {
            const auto at = static_cast<std::size_t>(start + k * step);
            if (at >= items.size()) break;  // the list shrank while the value was drawn
            note_nesting(container, replacement[static_cast<std::size_t>(k)]);
            items[at] = std::move(replacement[static_cast<std::size_t>(k)]);
        }
        return;
    }
    if (!is_int(index)) raise_error("TypeError", "list indices must be integers or slices, not " + type_name(index));
    auto& items = container.as<sequence_object>().items;
    auto k = static_cast<std::size_t>(normalize_index(index_of(index), items.size(), "list assignment"));
    note_nesting(container, v);
    items[k] = std::move(v);
}

key_equality runtime::dict_equality()
{
    return [this](const value& a, const value& b) { return equals(a, b); };
}

void runtime::dict_update(const value& dict, const value& other, const char* who)
{
    auto& d = dict.as<dict_object>();
    auto put = [&](const value& key, const value& item) {
        charge_work(1);
        if (d.used >= config_.max_sequence_length) check_length(d.used + 1);
        note_nesting(dict, item);
        d.set(key, python_hash(key), item, dict_equality());
    };
    if (other.is(value_kind::dict)) {
        // A copy of the entries first: updating a dict with itself must not walk a table it changes.
        const auto entries = other.as<dict_object>().entries;
        charge_work(entries.size());
        for (const auto& e : entries)
            if (!e.key.is_unbound()) put(e.key, e.item);
        return;
    }
    if (std::string_view(who) == "mapping") raise_error("TypeError", "'" + type_name(other) + "' object is not a mapping");
    std::size_t position = 0;
    for (const auto& element : to_vector(other)) {
        if (!element.is(value_kind::list) && !element.is(value_kind::tuple) && !element.is(value_kind::string) && !element.is(value_kind::dict) &&
            !element.is(value_kind::range) && !element.is(value_kind::dict_view))
            raise_error("TypeError", "cannot convert dictionary update sequence element #" + std::to_string(position) + " to a sequence");
        const auto pair = to_vector(element);
        if (pair.size() != 2)
            raise_error("ValueError", "dictionary update sequence element #" + std::to_string(position) + " has length " +
                                          std::to_string(pair.size()) + "; 2 is required");
        put(pair[0], pair[1]);
        ++position;
    }
}

void runtime::delete_subscript(const value& container, const value& index)
{
    if (container.is(value_kind::instance)) {
        value r;
        if (!call_special(container, "__delitem__", {index}, r))
            raise_error("TypeError", "'" + type_name(container) + "' object does not support item deletion");
        return;
    }
    if (container.is(value_kind::dict)) {
        // Counter.__delitem__ lets a missing key be
        if (!container.as<dict_object>().remove(index, python_hash(index), dict_equality()) && !container.as<dict_object>().is_counter)
            raise_key_error(index);
        return;
    }
    if (container.is(value_kind::deque)) {
        deque_store(container, index, value::unbound());
        return;
    }
    if (container.is(value_kind::list)) {
        auto& items = container.as<sequence_object>().items;
        if (index.is(value_kind::slice)) {
            std::int64_t start = 0, stop = 0, step = 1;
            slice_bounds(index.as<slice_object>(), static_cast<std::int64_t>(items.size()), start, stop, step);
            charge_work(items.size());
            std::vector<bool> doomed(items.size(), false);
            for (std::int64_t k = start; step > 0 ? k < stop : k > stop; k += step) doomed[static_cast<std::size_t>(k)] = true;
            std::vector<value> kept;
            kept.reserve(items.size());
            for (std::size_t k = 0; k < items.size(); ++k)
                if (!doomed[k]) kept.push_back(std::move(items[k]));
            items = std::move(kept);
            return;
        }
        if (!is_int(index)) raise_error("TypeError", "list indices must be integers or slices, not " + type_name(index));
        auto k = static_cast<std::size_t>(normalize_index(index_of(index), items.size(), "list assignment"));
        charge_work(items.size() - k);
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(k));
        return;
    }
    if (container.is(value_kind::tuple) || container.is(value_kind::string) || container.is(value_kind::range))
        raise_error("TypeError", "'" + type_name(container) + "' object doesn't support item deletion");
    if (container.is(value_kind::dict_view) || container.is(value_kind::iterator) || container.is(value_kind::coroutine) ||
        container.is(value_kind::future))
        raise_error("TypeError", "'" + type_name(container) + "' object does not support item deletion");
    raise_error("TypeError", "'" + type_name(container) + "' object does not support item deletion");
}

// zip(strict=True) when iterable k ran out: CPython's ValueError unless all the others run out too
void runtime::zip_check_lengths(iterator_object& it, std::size_t k)
{
    auto plural = [](std::size_t n) { return n == 1 ? std::string(" 1") : "s 1-" + std::to_string(n); };
    if (k > 0) raise_error("ValueError", "zip() argument " + std::to_string(k + 1) + " is shorter than argument" + plural(k));
    for (std::size_t j = 1; j < it.inners.size(); ++j) {
        bool done = false;
        iterate_next(it.inners[j], done);
        if (!done) raise_error("ValueError", "zip() argument " + std::to_string(j + 1) + " is longer than argument" + plural(j));
    }
}

value runtime::make_iterator(const value& v)
{
    if (v.is(value_kind::class_type) && v.as<class_object>().enumeration) {
        const auto& members = v.as<class_object>().enumeration->members;
        charge_work(members.size());
        return make_iterator(value::list(members));
    }
    switch (v.kind) {
    case value_kind::list:
    case value_kind::tuple:
    case value_kind::string:
    case value_kind::range: {
        auto it = make_ref<iterator_object>();
        it->source = v;
        return value::of(value_kind::iterator, it);
    }
    case value_kind::set:
    case value_kind::frozenset: {
        auto it = make_ref<iterator_object>();
        it->source = v;
        it->dict_size = v.as<set_object>().used;
        return value::of(value_kind::iterator, it);
    }
    case value_kind::dict:
    case value_kind::dict_view: {
        const auto& d = v.is(value_kind::dict) ? v.as<dict_object>() : v.as<dict_view_object>().dict.as<dict_object>();
        if (d.is_ordered) return make_ordered_dict_iterator(v, false);
        auto it = make_ref<iterator_object>();
        it->source = v;
        it->dict_size = d.used;
        return value::of(value_kind::iterator, it);
    }
    case value_kind::deque: {
        auto it = make_ref<iterator_object>();
        it->source = v;
        it->dict_size = static_cast<std::size_t>(v.as<deque_object>().state);  // dequeiter's state
        return value::of(value_kind::iterator, it);
    }
    case value_kind::iterator:
    case value_kind::generator: return v;
    case value_kind::instance: {
        value it;
        if (!call_special(v, "__iter__", {}, it)) {
            if (v.as<instance_object>().cls->lookup("__getitem__")) raise_unsupported("iterating an object by its __getitem__");
            raise_error("TypeError", "'" + type_name(v) + "' object is not iterable");
        }
        const bool iterator = it.is(value_kind::iterator) || it.is(value_kind::generator) ||
                              (it.is(value_kind::instance) && it.as<instance_object>().cls->lookup("__next__"));
        if (!iterator) raise_error("TypeError", "iter() returned non-iterator of type '" + type_name(it) + "'");
        return it;
    }
    case value_kind::future: raise_unsupported("iterating a future (Future.__iter__) other than by 'yield from'");
    default: raise_error("TypeError", "'" + type_name(v) + "' object is not iterable");
    }
}

value runtime::draw_next(value& iterator, bool& exhausted)
{
    if (iterator.is(value_kind::generator)) {
        // A for loop (list(), sum() …) takes the StopIteration with its value: a later next() has none
        value got = resume_generator(iterator.as<generator_object>(), exhausted);
        if (exhausted) iterator.as<generator_object>().return_value = value::none();
        return got;
    }
    if (iterator.is(value_kind::instance)) {
        // __next__ until it raises StopIteration
        exhausted = false;
        value item;
        try {
            if (!call_special(iterator, "__next__", {}, item)) raise_error("TypeError", "'" + type_name(iterator) + "' object is not an iterator");
        } catch (const python_error& e) {
            if (!is_instance_of(e.exc, "StopIteration")) throw;
            exhausted = true;
            return {};
        }
        return item;
    }
    auto& it = iterator.as<iterator_object>();
    if (it.source.is(value_kind::future)) raise_unsupported("next() of a future's FutureIter other than by 'yield from'");
    exhausted = false;
    if (it.done) {
        exhausted = true;
        return {};
    }
    value out = it.kind == iterator_kind::sequence ? next_of_sequence(it, exhausted) : next_of_builtin_iterator(it, exhausted);
    if (exhausted) {
        // Exhausted for good, as CPython's iterators are (a list that grows later is not read again).
        it.done = true;
        it.source = value{};
        it.inners.clear();
        it.function = value{};
    }
    return out;
}

value runtime::next_of_builtin_iterator(iterator_object& it, bool& exhausted)
{
    // enumerate(enumerate(...)) a million deep is C++ recursion here: bounded as CPython bounds calls,
    // and by the thread's stack where a level takes more of it than CPython's (itertools' frames under
    // AddressSanitizer: 1,000 chains overflowed a server thread's 8 MiB)
    if (iterator_depth_ >= static_cast<int>(config_.max_call_depth)) raise_error("RecursionError", "maximum recursion depth exceeded");
    check_native_stack();
    ++iterator_depth_;
    struct leave {
        int& depth;
        ~leave() { --depth; }
    } on_exit{iterator_depth_};
    switch (it.kind) {
    case iterator_kind::reversed: {
        const value& src = it.source;
        if ((src.is(value_kind::dict) && src.as<dict_object>().is_ordered) || src.is(value_kind::dict_view)) return next_of_ordered_dict(it, exhausted);
        if (it.index < 0) break;
        const auto k = static_cast<std::size_t>(it.index--);
        if (src.is(value_kind::list) || src.is(value_kind::tuple)) {
            const auto& items = src.as<sequence_object>().items;
            if (k >= items.size()) break;  // the list shrank under the iterator
            return items[k];
        }
        if (src.is(value_kind::range)) {
            const auto& r = src.as<range_object>();
            return value::integer(r.start + static_cast<std::int64_t>(k) * r.step);
        }
        if (src.is(value_kind::deque)) {
            // dequereviter_next: a changed deque, checked first, raises at every call
            const auto& d = src.as<deque_object>();
            if (d.state != it.dict_size) {
                raise_error("RuntimeError", "deque mutated during iteration");
            }
            return d.items[k];
        }
        // A dict's keys, last first.
        const auto& d = src.as<dict_object>();
        if (d.used != it.dict_size) {
            it.dict_size = static_cast<std::size_t>(-1);
            raise_error("RuntimeError", "dictionary changed size during iteration");
        }
        std::int64_t j = static_cast<std::int64_t>(k);
        while (j >= 0 && d.entries[static_cast<std::size_t>(j)].key.is_unbound()) {
            charge_work(1);
            --j;
        }
        if (j < 0) break;
        it.index = j - 1;
        return d.entries[static_cast<std::size_t>(j)].key;
    }
    case iterator_kind::enumerate: {
        bool inner_done = false;
        value item = iterate_next(it.source, inner_done);
        if (inner_done) break;
        value n = it.count;
        it.count = binary(static_cast<std::int32_t>(binary_op::add), it.count, value::integer(1));
        return value::tuple({std::move(n), std::move(item)});
    }
    case iterator_kind::zip:
    case iterator_kind::map: {
        if (it.inners.empty()) break;
        std::vector<value> row;
        row.reserve(it.inners.size());
        for (std::size_t k = 0; k < it.inners.size(); ++k) {
            bool inner_done = false;
            value item = iterate_next(it.inners[k], inner_done);
            if (inner_done) {
                if (it.strict) zip_check_lengths(it, k);
                exhausted = true;
                return {};
            }
            row.push_back(std::move(item));
        }
        if (it.kind == iterator_kind::zip) return value::tuple(std::move(row));
        return call_sync(it.function, std::move(row));
    }
    case iterator_kind::filter: {
        for (;;) {
            bool inner_done = false;
            value item = iterate_next(it.source, inner_done);
            if (inner_done) break;
            charge_work(1);
            const bool keep = it.function.is(value_kind::none) ? truthy(item) : truthy(call_sync(it.function, {item}));
            if (keep) return item;
        }
        break;
    }
    case iterator_kind::itertools: return next_of_itertools(static_cast<itertools_object&>(it), exhausted);
    case iterator_kind::sequence: break;
    }
    exhausted = true;
    return {};
}

value runtime::next_of_sequence(iterator_object& it, bool& exhausted)
{
    const value& src = it.source;
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
    case value_kind::deque: {
        // dequeiter_next: a changed deque, checked first, raises at every call
        const auto& d = src.as<deque_object>();
        if (d.state != it.dict_size) {
            raise_error("RuntimeError", "deque mutated during iteration");
        }
        if (static_cast<std::size_t>(it.index) >= d.items.size()) break;
        return d.items[static_cast<std::size_t>(it.index++)];
    }
    case value_kind::set:
    case value_kind::frozenset: {
        // setiter_iternext: the table's active slots in order; a change of size breaks the iterator for good.
        const auto& so = src.as<set_object>();
        if (so.used != it.dict_size) {
            it.dict_size = static_cast<std::size_t>(-1);
            raise_error("RuntimeError", "Set changed size during iteration");
        }
        while (static_cast<std::size_t>(it.index) < so.slots.size() && !so.key_at(static_cast<std::size_t>(it.index))) {
            charge_work(1);
            ++it.index;
        }
        if (static_cast<std::size_t>(it.index) >= so.slots.size()) break;
        return *so.key_at(static_cast<std::size_t>(it.index++));
    }
    case value_kind::dict:
    case value_kind::dict_view: {
        const bool plain = src.is(value_kind::dict);
        const auto& d = plain ? src.as<dict_object>() : src.as<dict_view_object>().dict.as<dict_object>();
        if (d.is_ordered) return next_of_ordered_dict(it, exhausted);
        if (d.used != it.dict_size) {
            it.dict_size = static_cast<std::size_t>(-1);  // and stays broken, as CPython's iterator does
            raise_error("RuntimeError", "dictionary changed size during iteration");
        }
        while (static_cast<std::size_t>(it.index) < d.entries.size() && d.entries[static_cast<std::size_t>(it.index)].key.is_unbound()) {
            charge_work(1);
            ++it.index;
        }
        if (static_cast<std::size_t>(it.index) >= d.entries.size()) break;
        const auto& e = d.entries[static_cast<std::size_t>(it.index++)];
        const auto view = plain ? dict_view_kind::keys : src.as<dict_view_object>().view;
        if (view == dict_view_kind::keys) return e.key;
        if (view == dict_view_kind::values) return e.item;
        return value::tuple({e.key, e.item});
    }
    default: break;
    }
    exhausted = true;
    return {};
}

// CPython's unpack_iterable: "cannot unpack non-iterable" for a type without __iter__ (and no
// sequence); items drawn one at a time, no more than one past what the targets take
std::vector<value> runtime::unpack_items(const value& v, std::size_t limit)
{
    if (v.is(value_kind::list) || v.is(value_kind::tuple)) return to_vector(v);
    value it;
    try {
        it = make_iterator(v);
    } catch (python_error& e) {
        auto& exc = e.exc.as<exception_object>();
        const bool has_iter = v.is(value_kind::instance) && v.as<instance_object>().cls->lookup("__iter__");
        if (exc.type->qualified == "TypeError" && !has_iter && exc.message() == "'" + type_name(v) + "' object is not iterable")
            raise_error("TypeError", "cannot unpack non-iterable " + type_name(v) + " object");
        throw;
    }
    return draw_items(it, limit);
}

// Up to `limit` items from an iterator, one at a time
std::vector<value> runtime::draw_items(value& it, std::size_t limit)
{
    std::vector<value> out;
    while (out.size() < limit) {
        bool done = false;
        value next = iterate_next(it, done);
        if (done) break;
        out.push_back(std::move(next));
        check_length(out.size());
        // Charged as drawn, a step an item (what a for loop's FOR_ITER costs): list(text) of a
        // million characters made a new string of each before the bound heard of any, 40 ms here.
        charge_work(16);
    }
    return out;
}

std::vector<value> runtime::to_vector(const value& v)
{
    if (v.is(value_kind::list) || v.is(value_kind::tuple)) {
        charge_work(v.as<sequence_object>().items.size());
        meter_.reserve(v.as<sequence_object>().items.size() * sizeof(value));
        return v.as<sequence_object>().items;
    }
    if (v.is(value_kind::range)) {
        // Numbers written straight into the list: a copy's cost, not an iterator's draw per item.
        const auto& r = v.as<range_object>();
        const auto n = static_cast<std::size_t>(std::max<std::int64_t>(0, r.length()));
        check_items(n);
        charge_work(n);
        std::vector<value> out;
        out.reserve(n);
        for (std::size_t k = 0; k < n; ++k) out.push_back(value::integer(r.start + static_cast<std::int64_t>(k) * r.step));
        return out;
    }
    value it = make_iterator(v);
    return draw_items(it, std::numeric_limits<std::size_t>::max());
}

} // namespace loopscope::engine
