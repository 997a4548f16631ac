// reprlib.repr: the shortened repr asyncio shows a future's result with (base_futures'
// _future_repr_info), after CPython 3.11's Lib/reprlib.py with a default Repr: at most 6 levels,
// 6 items of a list, tuple, set, frozenset or deque, 4 of a dict, 30 characters of a str or of any
// other repr, 40 digits of an int, "..." for what is left out. Sets and dicts show their items sorted
// when they can be (a comparison that raises leaves them in their own order).
#include "deques.hpp"
#include "classes.hpp"
#include "dicts.hpp"
#include "sets.hpp"
#include "value.hpp"
#include "work_meter.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace loopscope::engine {

namespace {

constexpr int max_level = 6;
constexpr std::size_t max_items = 6;  // maxtuple, maxlist, maxset, maxfrozenset, maxdeque
constexpr std::size_t max_dict = 4;
constexpr std::size_t max_string = 30;
constexpr std::size_t max_long = 40;
constexpr std::size_t max_other = 30;
constexpr const char* fill = "...";

// The first `n` characters of `s` (code points), or all of it.
std::string first_characters(const std::string& s, std::size_t n)
{
    std::size_t at = 0;
    for (std::size_t k = 0; k < n && at < s.size(); ++k) {
        const std::size_t len = utf8_sequence_length(s, at);
        at += len ? len : 1;
    }
    return s.substr(0, std::min(at, s.size()));
}

// The last `n` characters of `s`.
std::string last_characters(const std::string& s, std::size_t n)
{
    std::size_t at = s.size();
    for (std::size_t k = 0; k < n && at > 0; ++k) {
        --at;
        while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    }
    return s.substr(at);
}

// s[:i] + "..." + s[len(s)-j:] where len(s) > limit, i = (limit-3)//2, j = limit-3-i.
std::string shortened(std::string s, std::size_t limit)
{
    if (code_point_count(s) <= limit) return s;
    const std::size_t i = (limit - 3) / 2;
    const std::size_t j = limit - 3 - i;
    return first_characters(s, i) + fill + last_characters(s, j);
}

// Repr.repr_instance: the full repr shortened; one that raises an Exception names the object instead.
std::string instance_repr(const value& v)
{
    try {
        return shortened(repr(v), max_other);
    } catch (const python_error& e) {
        if (!is_instance_of(e.exc, "Exception")) throw;
        const std::string name = type_name(v);  // x.__class__.__name__
        return "<" + name + " instance at " + object_address(v.obj.get()) + ">";
    }
}

std::string repr_at(const value& v, int level);

// _possibly_sorted: the order sorted(x) gives when every item compares, else x's own order.
std::vector<std::size_t> possibly_sorted(const std::vector<value>& items)
{
    // Not for the text of an event, where a program's __lt__ must not run: there, their own order
    if (auto* meter = current_work_meter(); meter && meter->specials && !quiet_repr_scope::active()) return meter->specials->sorted_order(items);
    std::vector<std::size_t> order(items.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    return order;
}

std::vector<value> in_order(const std::vector<value>& items, const std::vector<std::size_t>& order)
{
    std::vector<value> out;
    out.reserve(order.size());
    for (std::size_t k : order) out.push_back(items[k]);
    return out;
}

// Repr._repr_iterable over the first max_items of `items` (n of them in all).
std::string iterable_repr(const std::vector<value>& items, std::size_t n, int level, const char* left, const char* right, bool tuple)
{
    std::string s;
    if (level <= 0 && n) {
        s = fill;
    } else {
        for (std::size_t k = 0; k < items.size() && k < max_items; ++k) {
            charge_work(1);
            if (k) s += ", ";
            s += repr_at(items[k], level - 1);
        }
        if (n > max_items) s += std::string(", ") + fill;
        if (n == 1 && tuple) s += ",";
    }
    return left + s + right;
}

std::vector<value> set_items(const set_object& so)
{
    std::vector<value> items;
    charge_work(so.slots.size());  // every slot visited, every key copied
    items.reserve(so.used);
    for (std::size_t k = 0; k < so.slots.size(); ++k)
        if (const value* key = so.key_at(k)) items.push_back(*key);
    return items;
}

std::string repr_at(const value& v, int level)
{
    switch (v.kind) {
    case value_kind::tuple:
    case value_kind::list: {
        if (named_tuple_of(v)) return instance_repr(v);  // reprlib has no repr_ for a tuple's subclass
        const auto& items = v.as<sequence_object>().items;
        const std::vector<value> first(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), max_items)));
        return v.is(value_kind::list) ? iterable_repr(first, items.size(), level, "[", "]", false)
                                      : iterable_repr(first, items.size(), level, "(", ")", true);
    }
    case value_kind::deque: {
        const auto& items = v.as<deque_object>().items;
        const std::vector<value> first(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), max_items)));
        return iterable_repr(first, items.size(), level, "deque([", "])", false);
    }
    case value_kind::set:
    case value_kind::frozenset: {
        const bool frozen = v.is(value_kind::frozenset);
        const auto& so = v.as<set_object>();
        if (so.used == 0) return frozen ? "frozenset()" : "set()";
        const auto all = set_items(so);
        const auto items = in_order(all, possibly_sorted(all));
        return iterable_repr(items, items.size(), level, frozen ? "frozenset({" : "{", frozen ? "})" : "}", false);
    }
    case value_kind::dict: {
        const auto& d = v.as<dict_object>();
        if (d.default_factory || d.is_counter || d.is_ordered) return instance_repr(v);  // a defaultdict: type name 'defaultdict', no repr_ of its own
        if (d.used == 0) return "{}";
        if (level <= 0) return std::string("{") + fill + "}";
        std::vector<value> keys, items;
        charge_work(2 * d.entries.size());  // every entry visited, its key and item copied
        keys.reserve(d.used);
        items.reserve(d.used);
        for (const auto& e : d.entries)
            if (!e.key.is_unbound()) {
                keys.push_back(e.key);
                items.push_back(e.item);
            }
        const auto order = possibly_sorted(keys);
        std::string s;
        for (std::size_t k = 0; k < order.size() && k < max_dict; ++k) {
            charge_work(1);
            if (k) s += ", ";
            s += repr_at(keys[order[k]], level - 1);
            s += ": ";
            s += repr_at(items[order[k]], level - 1);
        }
        if (keys.size() > max_dict) s += std::string(", ") + fill;
        return "{" + s + "}";
    }
    case value_kind::string: {
        const auto& x = v.as<string_object>().s;
        std::string s = repr(value::string(first_characters(x, max_string)));
        if (code_point_count(s) > max_string) {
            const std::size_t i = (max_string - 3) / 2;
            const std::size_t j = max_string - 3 - i;
            s = repr(value::string(first_characters(x, i) + last_characters(x, j)));
            s = first_characters(s, i) + fill + last_characters(s, j);
        }
        return s;
    }
    case value_kind::integer: return shortened(repr(v), max_long);
    default: return instance_repr(v);
    }
}

} // namespace

std::string short_repr(const value& v) { return repr_at(v, max_level); }

} // namespace loopscope::engine
