// collections.Counter as CPython 3.11's Lib/collections/__init__.py writes it: a dict subclass whose
// missing keys count 0, with its own update/subtract (adding counts), most_common (sorted, or
// heapq.nlargest's answer), elements (chain.from_iterable(starmap(repeat, items))), the multiset
// operators (+ - | & and their in-place forms, unary + -), comparisons that treat a missing count as
// 0, and its repr in most_common order. A Counter is a dict_object marked is_counter: every dict
// operation it does not override is dict's own.
#include "dicts.hpp"
#include "functools_module.hpp"
#include "itertools_module.hpp"
#include "runtime.hpp"

#include "integers.hpp"

#include <algorithm>
#include <cmath>

namespace loopscope::engine {

namespace {

using keywords = std::vector<std::pair<std::string, value>>;

bool is_counter_value(const value& v) { return v.is(value_kind::dict) && v.as<dict_object>().is_counter; }

// `isinstance(x, _collections_abc.Mapping)` for the values the engine makes: dict and its subclasses
bool is_mapping(const value& v) { return v.is(value_kind::dict); }

value int_value(std::int64_t n) { return value::integer(n); }

// Counter's operators and comparisons are Python methods that recurse into counts that are Counters
// themselves. A Counter met again inside its own operation recurses forever in CPython: past 200
// native levels that is CPython's RecursionError. Counters merely nested 200 deep (CPython's frames
// would go on a few hundred more) are refused instead.
thread_local std::vector<const object*> counter_stack;
struct counter_depth_guard {
    explicit counter_depth_guard(const value& counter, bool calling = true)
    {
        if (counter_stack.size() >= 200) {
            if (std::find(counter_stack.begin(), counter_stack.end(), counter.obj.get()) == counter_stack.end())
                raise_unsupported("Counters nested in Counters more than 200 deep");
            // CPython's message says where the limit was met: in a call (the operators) or not (comparisons, repr)
            raise_error("RecursionError", calling ? "maximum recursion depth exceeded while calling a Python object" : "maximum recursion depth exceeded");
        }
        counter_stack.push_back(counter.obj.get());
    }
    ~counter_depth_guard() { counter_stack.pop_back(); }
    counter_depth_guard(const counter_depth_guard&) = delete;
    counter_depth_guard& operator=(const counter_depth_guard&) = delete;
};

} // namespace

value runtime::make_counter()
{
    value c = make_dict();
    c.as<dict_object>().is_counter = true;
    return c;
}

// `for key, item in d.items(): f(key, item)`, with dict's own check that the dict did not change size
// (f may run a program's code: an __add__, a __lt__).
template <class F> void runtime::each_item(const value& dict, F&& f)
{
    const auto& d = dict.as<dict_object>();
    const std::size_t size = d.used;
    for (std::size_t k = 0; k < d.entries.size(); ++k) {
        charge_work(4);  // a step of a loop written in Python: an item unpacked, a count compared or added
        if (d.entries[k].key.is_unbound()) continue;
        const value key = d.entries[k].key, item = d.entries[k].item;
        f(key, item);
        if (d.used != size) raise_error("RuntimeError", "dictionary changed size during iteration");
    }
}

// self.get(key, 0): the count, without __missing__
value runtime::count_of(const value& counter, const value& key)
{
    const auto& d = counter.as<dict_object>();
    const std::int64_t at = d.find(key, python_hash(key), dict_equality());
    if (at < 0 || static_cast<std::size_t>(at) >= d.entries.size() || d.entries[static_cast<std::size_t>(at)].key.is_unbound()) return int_value(0);
    return d.entries[static_cast<std::size_t>(at)].item;
}

// Counter.update / Counter.subtract with one positional argument (not None)
void runtime::counter_add_from(const value& self, const value& iterable, bool subtract)
{
    counter_depth_guard guard(self);
    const value one = int_value(1);
    const auto add = static_cast<std::int32_t>(binary_op::add), sub = static_cast<std::int32_t>(binary_op::sub);
    if (is_mapping(iterable)) {
        if (!subtract && self.as<dict_object>().used == 0) {
            dict_update(self, iterable, "update");  // super().update(iterable): the fast path of an empty Counter
            return;
        }
        each_item(iterable, [&](const value& elem, const value& count) {
            // self[elem] = count + self_get(elem, 0)  /  self[elem] = self_get(elem, 0) - count
            value now = subtract ? binary(sub, count_of(self, elem), count) : binary(add, count, count_of(self, elem));
            store_subscript(self, elem, std::move(now));
        });
        return;
    }
    // _count_elements (or subtract's loop): each element counted one more (or one less)
    value it = make_iterator(iterable);
    for (;;) {
        bool done = false;
        value elem = iterate_next(it, done);
        if (done) break;
        charge_work(4);
        auto& d = self.as<dict_object>();
        // _count_elements: the element hashed once, its count looked up and stored with that hash
        const std::int64_t hash = python_hash(elem);
        const std::int64_t at = d.find(elem, hash, dict_equality());
        // The count copied out: its __add__ may change the Counter (and a key's __eq__ in find() too)
        const bool found = at >= 0 && static_cast<std::size_t>(at) < d.entries.size() && !d.entries[static_cast<std::size_t>(at)].key.is_unbound();
        const value old = found ? d.entries[static_cast<std::size_t>(at)].item : int_value(0);
        value now = subtract ? binary(sub, old, one) : found ? binary(add, old, one) : one;
        if (d.used >= config_.max_sequence_length) check_length(d.used + 1);
        note_nesting(self, now);
        d.set(std::move(elem), hash, std::move(now), dict_equality());
    }
}

// Counter(iterable=None, /, **kwds)
value runtime::new_counter(std::vector<value>& args, keywords& kwargs)
{
    value self = make_counter();
    counter_update(self, args, kwargs, false, "Counter.__init__");
    return self;
}

void runtime::counter_update(const value& self, std::vector<value>& args, keywords& kwargs, bool subtract, const char* qualname)
{
    const auto bound = bind_method_call({qualname, {"self", "iterable", "kwds"}, {value::none()}, 2, true}, self, args, kwargs);
    if (!bound[1].is(value_kind::none)) counter_add_from(self, bound[1], subtract);
    if (bound[2].as<dict_object>().used > 0) counter_add_from(self, bound[2], subtract);
}

// The items of a Counter sorted by count, largest first, equal counts in their order:
// sorted(self.items(), key=itemgetter(1), reverse=True)
std::vector<value> runtime::counter_sorted_items(const value& self)
{
    std::vector<value> items, counts;
    const auto& d = self.as<dict_object>();
    check_items(d.used);
    items.reserve(d.used);
    counts.reserve(d.used);
    for (const auto& e : d.entries) {
        if (e.key.is_unbound()) continue;
        charge_work(1);
        items.push_back(value::tuple({e.key, e.item}));
    }
    for (const auto& item : items) counts.push_back(item.as<sequence_object>().items[1]);
    charge_work(items.size() * 4);
    sort_by_keys(items, std::move(counts), true);
    return items;
}

// Counter.most_common(n): all of them sorted, or heapq.nlargest(n, self.items(), key=itemgetter(1))
value runtime::counter_most_common(const value& self, const value& n)
{
    if (n.is(value_kind::none)) return value::list(counter_sorted_items(self));
    const auto& d = self.as<dict_object>();
    const value size = int_value(static_cast<std::int64_t>(d.used));
    if (n.is(value_kind::instance)) raise_unsupported("Counter.most_common() of an object of a program's class");
    if (equals(n, int_value(1))) {
        // max(items, default=sentinel, key=itemgetter(1)): the first of the largest, compared with >
        value best;
        each_item(self, [&](const value& key, const value& count) {
            if (best.obj && !truthy(compare(static_cast<std::int32_t>(compare_op::gt), count, best.as<sequence_object>().items[1]))) return;
            best = value::tuple({key, count});
        });
        return best.obj ? value::list({best}) : value::list({});
    }
    if (truthy(compare(static_cast<std::int32_t>(compare_op::ge), n, size))) {
        // sorted(...)[:n]: sorted first, then sliced
        auto sorted = counter_sorted_items(self);
        if (!is_int(n)) raise_error("TypeError", "slice indices must be integers or None or have an __index__ method");
        return value::list(std::move(sorted));
    }
    if (!is_int(n)) raise_error("TypeError", "'" + type_name(n) + "' object cannot be interpreted as an integer");
    if (int_is_negative(n) || equals(n, int_value(0))) return value::list({});
    // heapq's selection compares the counts in its own order: the same answer as a stable sort, and
    // the same errors, only when the counts are all numbers (no NaN) or all str.
    bool numbers = true, strings = true;
    for (const auto& e : d.entries) {
        if (e.key.is_unbound()) continue;
        const bool number = is_int(e.item) || (e.item.is(value_kind::floating) && !std::isnan(e.item.f));
        numbers = numbers && number;
        strings = strings && e.item.is(value_kind::string);
    }
    if (!numbers && !strings) raise_unsupported("Counter.most_common(n) of counts that are not all numbers or all str");
    auto sorted = counter_sorted_items(self);
    sorted.resize(static_cast<std::size_t>(*small_int(n)));
    return value::list(std::move(sorted));
}

// Counter.__eq__ between two Counters, and the subset tests: `all(self[e] OP other[e] for c in (self,
// other) for e in c)` with a missing count 0
bool runtime::counter_all(compare_op op, const value& a, const value& b)
{
    counter_depth_guard guard(a, false);
    bool all = true;
    for (const value* c : {&a, &b}) {
        each_item(*c, [&](const value& key, const value&) {
            if (!all) return;
            const value x = count_of(a, key), y = count_of(b, key);
            // `self[e] == other[e]`: the operator, never an identity shortcut
            all = truthy(compare(static_cast<std::int32_t>(op), x, y));
        });
        if (!all) return false;
    }
    return true;
}

// a OP b when a Counter is either operand and the other is not a Counter (NotImplemented): unbound
value runtime::counter_compare(compare_op op, const value& a, const value& b)
{
    if (!is_counter_value(a) || !is_counter_value(b)) return value::unbound();
    switch (op) {
    case compare_op::eq: return value::boolean(counter_all(compare_op::eq, a, b));
    case compare_op::ne: return value::boolean(!counter_all(compare_op::eq, a, b));
    case compare_op::le: return value::boolean(counter_all(compare_op::le, a, b));
    case compare_op::ge: return value::boolean(counter_all(compare_op::ge, a, b));
    case compare_op::lt: return value::boolean(counter_all(compare_op::le, a, b) && !counter_all(compare_op::eq, a, b));
    case compare_op::gt: return value::boolean(counter_all(compare_op::ge, a, b) && !counter_all(compare_op::eq, a, b));
    default: return value::unbound();
    }
}

// count > 0
bool runtime::counter_positive(const value& count) { return truthy(compare(static_cast<std::int32_t>(compare_op::gt), count, value::integer(0))); }

// _keep_positive: every element whose count is not > 0 deleted
void runtime::counter_keep_positive(const value& self)
{
    std::vector<value> nonpositive;
    each_item(self, [&](const value& key, const value& count) {
        if (!counter_positive(count)) nonpositive.push_back(key);
    });
    for (const auto& key : nonpositive) delete_subscript(self, key);
}

// The items of `other` for an in-place operator: other.items() (a dict's), AttributeError as CPython's
// when it has none
std::vector<std::pair<value, value>> runtime::counter_other_items(const value& other)
{
    if (!other.is(value_kind::dict)) {
        (void)load_attribute(other, "items");
        raise_unsupported("a Counter's in-place operator with a " + type_name(other) + "'s items()");
    }
    std::vector<std::pair<value, value>> items;
    const auto& d = other.as<dict_object>();
    check_items(d.used);
    for (const auto& e : d.entries)
        if (!e.key.is_unbound()) items.emplace_back(e.key, e.item);
    charge_work(items.size());
    return items;
}

// c + d, c - d, c | d, c & d and the in-place forms, when a Counter is on the left; unbound:
// NotImplemented (then dict's own |, or TypeError)
value runtime::counter_binary(binary_op op, const value& a, const value& b, bool inplace)
{
    if (!is_counter_value(a)) return value::unbound();
    if (op != binary_op::add && op != binary_op::sub && op != binary_op::bit_or && op != binary_op::bit_and) return value::unbound();
    counter_depth_guard guard(a);
    const auto gt = static_cast<std::int32_t>(compare_op::gt), lt = static_cast<std::int32_t>(compare_op::lt);
    if (inplace) {
        if (op == binary_op::bit_and) {
            // for elem, count in self.items(): other_count = other[elem]; if other_count < count: self[elem] = other_count
            each_item(a, [&](const value& elem, const value& count) {
                value other_count = subscript(b, elem);
                if (truthy(compare(lt, other_count, count))) store_subscript(a, elem, other_count);
            });
        } else {
            for (const auto& [elem, count] : counter_other_items(b)) {
                charge_work(1);
                if (op == binary_op::bit_or) {
                    // count = self[elem]; if other_count > count: self[elem] = other_count
                    if (truthy(compare(gt, count, count_of(a, elem)))) store_subscript(a, elem, count);
                } else {
                    // self[elem] += count  /  self[elem] -= count
                    const auto arith = static_cast<std::int32_t>(op) | 0x100;
                    store_subscript(a, elem, binary(arith, count_of(a, elem), count));
                }
            }
        }
        counter_keep_positive(a);
        return a;
    }
    if (!is_counter_value(b)) return value::unbound();
    value result = make_counter();
    each_item(a, [&](const value& elem, const value& count) {
        const value other_count = count_of(b, elem);
        value now;
        switch (op) {
        case binary_op::add: now = binary(static_cast<std::int32_t>(binary_op::add), count, other_count); break;
        case binary_op::sub: now = binary(static_cast<std::int32_t>(binary_op::sub), count, other_count); break;
        case binary_op::bit_or: now = truthy(compare(lt, count, other_count)) ? other_count : count; break;
        default: now = truthy(compare(lt, count, other_count)) ? count : other_count; break;
        }
        if (counter_positive(now)) store_subscript(result, elem, std::move(now));
    });
    if (op != binary_op::bit_and) {
        const auto& x = a.as<dict_object>();
        each_item(b, [&](const value& elem, const value& count) {
            if (x.find(elem, python_hash(elem), dict_equality()) >= 0) return;
            if (op == binary_op::sub) {
                if (truthy(compare(lt, count, int_value(0)))) store_subscript(result, elem, binary(static_cast<std::int32_t>(binary_op::sub), int_value(0), count));
            } else if (counter_positive(count)) {
                store_subscript(result, elem, count);
            }
        });
    }
    return result;
}

// +c, -c
value runtime::counter_unary(const value& c, bool negate)
{
    counter_depth_guard guard(c);
    value result = make_counter();
    each_item(c, [&](const value& elem, const value& count) {
        if (!negate) {
            if (counter_positive(count)) store_subscript(result, elem, count);
        } else if (truthy(compare(static_cast<std::int32_t>(compare_op::lt), count, int_value(0)))) {
            store_subscript(result, elem, binary(static_cast<std::int32_t>(binary_op::sub), int_value(0), count));
        }
    });
    return result;
}

// What repr() lists of a Counter, in order: dict(self.most_common()) — the items taken first (a
// comparison may change the Counter), sorted by count — or dict(self) when comparing the counts
// raises TypeError
std::vector<std::pair<value, value>> runtime::counter_repr_items(const value& self)
{
    counter_depth_guard guard(self, false);
    const auto& d = self.as<dict_object>();
    std::vector<std::pair<value, value>> items;
    check_items(d.used);
    items.reserve(d.used);
    for (const auto& e : d.entries)
        if (!e.key.is_unbound()) items.emplace_back(e.key, e.item);
    std::vector<value> counts;
    counts.reserve(items.size());
    for (auto it = items.rbegin(); it != items.rend(); ++it) counts.push_back(it->second);
    charge_work(items.size() * 8);
    try {
        const auto order = order_by_less_than(counts);
        std::vector<std::pair<value, value>> out;
        out.reserve(items.size());
        // order indexes the reversed list; the sorted list reversed again is largest first
        for (auto it = order.rbegin(); it != order.rend(); ++it) out.push_back(items[items.size() - 1 - *it]);
        return out;
    } catch (python_error& e) {
        if (!is_instance_of(e.exc, "TypeError")) throw;
        items.clear();
        for (const auto& e2 : d.entries)
            if (!e2.key.is_unbound()) items.emplace_back(e2.key, e2.item);
        return items;
    }
}

value runtime::call_counter_method(const std::string& name, const value& self, std::vector<value>& args, keywords& kwargs)
{
    const std::string qualname = "Counter." + name;
    if (name == "update" || name == "subtract") {
        counter_update(self, args, kwargs, name == "subtract", qualname.c_str());
        return value::none();
    }
    auto bind = [&](std::vector<std::string> params, std::vector<value> defaults) {
        return bind_method_call({qualname.c_str(), std::move(params), std::move(defaults)}, self, args, kwargs);
    };
    if (name == "most_common") return counter_most_common(self, bind({"self", "n"}, {value::none()})[1]);
    if (name == "total") {
        bind({"self"}, {});
        value sum = int_value(0);
        each_item(self, [&](const value&, const value& count) { sum = binary(static_cast<std::int32_t>(binary_op::add), sum, count); });
        return sum;
    }
    if (name == "copy") {
        bind({"self"}, {});
        value c = make_counter();
        dict_update(c, self, "update");
        return c;
    }
    if (name == "elements") {
        bind({"self"}, {});
        // chain.from_iterable(starmap(repeat, self.items()))
        auto view = make_ref<dict_view_object>();
        view->dict = self;
        view->view = dict_view_kind::items;
        std::vector<value> starmap_args{make_builtin(itertools_builtin_id(), "itertools.repeat"), value::of(value_kind::dict_view, view)};
        keywords none;
        std::vector<value> chain_args{call_itertools("starmap", starmap_args, none)};
        return call_itertools("chain.from_iterable", chain_args, none);
    }
    if (name == "fromkeys") {
        bind({"cls", "iterable", "v"}, {value::none()});  // a classmethod: cls, iterable, v=None
        raise_error("NotImplementedError", "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
    }
    raise_unsupported("Counter." + name);
}

} // namespace loopscope::engine
