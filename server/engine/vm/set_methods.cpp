// set and frozenset: their methods and operators, as CPython 3.11's Objects/setobject.c drives the
// table (sets.cpp) — which set is walked, which one is probed, and what each result is built from,
// since that decides the result's iteration order.
#include "runtime.hpp"
#include "sets.hpp"

namespace loopscope::engine {

namespace {

set_object& body(const value& v) { return v.as<set_object>(); }

// The active keys of a set, copied: walking a set while a program's __eq__ may change it.
std::vector<std::pair<value, std::int64_t>> active_entries(const set_object& so) { return so.keys_in_order(); }

} // namespace

// The algorithms of setobject.c over the runtime's iteration and hashing.
struct set_algorithms {
// Each item of an iterable, a unit of work each; a visitor that returns bool stops the walk with
// false, and the walk's result says whether it went to the end.
template <class Visit>
static bool for_each_item(runtime& rt, const value& iterable, Visit&& visit)
{
    value it = rt.make_iterator(iterable);
    for (;;) {
        bool done = false;
        value item = rt.iterate_next(it, done);
        if (done) return true;
        charge_work(1);
        if constexpr (std::is_void_v<decltype(visit(item))>) visit(item);
        else if (!visit(item)) return false;
    }
}

// The key a set method looks up: a set stands for its frozenset (set_discard, set_remove).
static value lookup_key(runtime& rt, const value& key) { return key.is(value_kind::set) ? rt.new_set(key, true) : key; }

// set_intersection: the smaller set is walked and the larger probed; each common key goes into a
// new set of the left operand's kind.
static value intersection(runtime& rt, const value& a, const value& other, const key_equality& eq)
{
    if (a.obj == other.obj) {
        value copy = make_set(a.is(value_kind::frozenset));
        rt.set_update(copy, a);
        return copy;
    }
    value result = make_set(a.is(value_kind::frozenset));
    auto& out = body(result);
    if (is_set_kind(other)) {
        const set_object* big = &body(a);
        const set_object* small = &body(other);
        if (small->used > big->used) std::swap(big, small);
        for (const auto& [key, hash] : active_entries(*small)) {
            charge_work(1);
            if (big->find(key, hash, eq) >= 0) out.add(key, hash, eq);
        }
        return result;
    }
    for_each_item(rt, other, [&](const value& key) {
        const std::int64_t hash = python_hash(key);
        if (body(a).find(key, hash, eq) >= 0) out.add(key, hash, eq);
    });
    return result;
}

// set_difference_update_internal
static void difference_update(runtime& rt, const value& target, const value& other, const key_equality& eq)
{
    auto& so = body(target);
    if (target.obj == other.obj) {
        so.clear();
        return;
    }
    if (is_set_kind(other)) {
        for (const auto& [key, hash] : active_entries(body(other))) {
            charge_work(1);
            so.discard(key, hash, eq);
        }
    } else {
        for_each_item(rt, other, [&](const value& key) {
            const value k = lookup_key(rt, key);
            so.discard(k, python_hash(k), eq);
        });
    }
    so.shed_dummies();
}

// set_difference: a copy then removals when the other is small (or not a set or dict), else the
// keys of `a` not in the other, added to a new set one by one.
static value difference(runtime& rt, const value& a, const value& other, const key_equality& eq)
{
    const bool frozen = a.is(value_kind::frozenset);
    auto copy_and_remove = [&] {
        value result = make_set(frozen);
        rt.set_update(result, a);
        difference_update(rt, result, other, eq);
        return result;
    };
    std::size_t other_size = 0;
    if (is_set_kind(other)) other_size = body(other).used;
    else if (other.is(value_kind::dict)) other_size = other.as<dict_object>().used;
    else return copy_and_remove();
    if ((body(a).used >> 2) > other_size) return copy_and_remove();
    value result = make_set(frozen);
    auto& out = body(result);
    for (const auto& [key, hash] : active_entries(body(a))) {
        charge_work(1);
        const bool there = other.is(value_kind::dict) ? other.as<dict_object>().find(key, hash, eq) >= 0 : body(other).find(key, hash, eq) >= 0;
        if (!there) out.add(key, hash, eq);
    }
    return result;
}

// set_symmetric_difference_update
static void symmetric_difference_update(runtime& rt, const value& target, const value& other, const key_equality& eq)
{
    auto& so = body(target);
    if (target.obj == other.obj) {
        so.clear();
        return;
    }
    auto toggle = [&](const value& key, std::int64_t hash) {
        charge_work(1);
        if (!so.discard(key, hash, eq)) so.add(key, hash, eq);
    };
    if (other.is(value_kind::dict)) {
        std::vector<std::pair<value, std::int64_t>> keys;
        for (const auto& e : other.as<dict_object>().entries)
            if (!e.key.is_unbound()) keys.emplace_back(e.key, e.hash);
        for (const auto& [key, hash] : keys) toggle(key, hash);
        return;
    }
    const value others = is_set_kind(other) ? other : rt.new_set(other, target.is(value_kind::frozenset));
    for (const auto& [key, hash] : active_entries(body(others))) toggle(key, hash);
}

// set_issubset
static bool is_subset(runtime& rt, const value& a, const value& other, const key_equality& eq)
{
    const value b = is_set_kind(other) ? other : rt.new_set(other, false);
    if (body(a).used > body(b).used) return false;
    for (const auto& [key, hash] : active_entries(body(a))) {
        charge_work(1);
        if (body(b).find(key, hash, eq) < 0) return false;
    }
    return true;
}

static bool is_superset(runtime& rt, const value& a, const value& other, const key_equality& eq)
{
    if (is_set_kind(other)) return is_subset(rt, other, a, eq);
    return for_each_item(rt, other, [&](const value& key) { return body(a).find(key, python_hash(key), eq) >= 0; });
}

};

void runtime::set_update(const value& target, const value& other)
{
    auto& so = body(target);
    if (is_set_kind(other)) {
        const auto& from = body(other);
        // Their sum bounds the result, which may be as small as the larger of the two (s | s).
        if (std::max(so.used, from.used) > config_.max_sequence_length) check_length(std::max(so.used, from.used));
        so.merge(from, dict_equality());
        if (so.used > config_.max_sequence_length) check_length(so.used);
        if (from.used) note_nesting(target, value::integer(0));
        return;
    }
    if (other.is(value_kind::dict)) {
        const auto& d = other.as<dict_object>();
        if (std::max(so.used, d.used) > config_.max_sequence_length) check_length(std::max(so.used, d.used));
        so.merge_dict(d, dict_equality());
        if (so.used > config_.max_sequence_length) check_length(so.used);
        if (d.used) note_nesting(target, value::integer(0));
        return;
    }
    if (other.is(value_kind::list) || other.is(value_kind::tuple) || other.is(value_kind::range)) {
        const auto n = other.is(value_kind::range) ? static_cast<std::size_t>(std::max<std::int64_t>(0, other.as<range_object>().length()))
                                                   : other.as<sequence_object>().items.size();
        check_length(std::min(n, config_.max_sequence_length + 1));
        so.expect(n);
    }
    set_algorithms::for_each_item(*this, other, [&](const value& key) {
        const std::int64_t hash = python_hash(key);
        if (so.used >= config_.max_sequence_length) check_length(so.used + 1);
        note_nesting(target, key);
        so.add(key, hash, dict_equality());
    });
}

value runtime::new_set(const value& iterable, bool frozen)
{
    // frozenset(a frozenset) is that frozenset, as in CPython.
    if (frozen && iterable.is(value_kind::frozenset)) return iterable;
    value s = make_set(frozen);
    if (!iterable.is_unbound()) set_update(s, iterable);
    return s;
}

bool runtime::set_contains(const value& set, const value& key)
{
    const auto& so = body(set);
    if (key.is(value_kind::set)) {
        // A set is unhashable; CPython looks it up as the frozenset of its keys.
        value frozen = new_set(key, true);
        return so.find(frozen, python_hash(frozen), dict_equality()) >= 0;
    }
    return so.find(key, python_hash(key), dict_equality()) >= 0;
}

using sa = set_algorithms;

value runtime::set_binary(binary_op op, const value& a, const value& b, bool inplace)
{
    if (!is_set_kind(a) || !is_set_kind(b)) return value::unbound();
    const auto eq = dict_equality();
    // A frozenset has no in-place forms: `fs |= x` makes a new frozenset, as in CPython.
    const bool mutate = inplace && a.is(value_kind::set);
    switch (op) {
    case binary_op::bit_or: {
        if (mutate) {
            set_update(a, b);
            return a;
        }
        value result = make_set(a.is(value_kind::frozenset));
        set_update(result, a);
        if (a.obj != b.obj) set_update(result, b);  // a | a is a's copy (set_or)
        return result;
    }
    case binary_op::bit_and: {
        value result = sa::intersection(*this, a, b, eq);
        if (!mutate) return result;
        if (result.obj != a.obj) body(a).swap_bodies(body(result));
        return a;
    }
    case binary_op::sub:
        if (mutate) {
            sa::difference_update(*this, a, b, eq);
            return a;
        }
        return sa::difference(*this, a, b, eq);
    case binary_op::bit_xor: {
        if (mutate) {
            sa::symmetric_difference_update(*this, a, b, eq);
            return a;
        }
        value result = new_set(b, a.is(value_kind::frozenset));
        if (result.obj == b.obj) {
            // frozenset(b) was b itself: the result must be a set of its own.
            result = make_set(true);
            set_update(result, b);
        }
        sa::symmetric_difference_update(*this, result, a, eq);
        return result;
    }
    default: return value::unbound();
    }
}

bool runtime::set_compare(compare_op op, const value& a, const value& b)
{
    const auto eq = dict_equality();
    const std::size_t x = body(a).used, y = body(b).used;
    switch (op) {
    case compare_op::eq: return x == y && sa::is_subset(*this, a, b, eq);
    case compare_op::ne: return !(x == y && sa::is_subset(*this, a, b, eq));
    case compare_op::le: return sa::is_subset(*this, a, b, eq);
    case compare_op::ge: return sa::is_subset(*this, b, a, eq);
    case compare_op::lt: return x < y && sa::is_subset(*this, a, b, eq);
    case compare_op::gt: return x > y && sa::is_subset(*this, b, a, eq);
    default: return false;
    }
}

namespace {

bool keys_or_items(const value& v) { return v.is(value_kind::dict_view) && v.as<dict_view_object>().view != dict_view_kind::values; }

} // namespace

value runtime::dict_view_binary(binary_op op, const value& a, const value& b)
{
    // CPython calls the view's slot with the operands as written, whichever side the view is on.
    const value& self = a;
    const value& other = b;
    // dictviews_to_set: a keys view is read as its dict (the fast path), anything else is iterated.
    auto to_set = [&](const value& v) {
        if (v.is(value_kind::dict_view) && v.as<dict_view_object>().view == dict_view_kind::keys) return new_set(v.as<dict_view_object>().dict, false);
        return new_set(v, false);
    };
    std::vector<value> args{other};
    switch (op) {
    case binary_op::bit_or: {
        value result = to_set(self);
        set_update(result, other);
        return result;
    }
    case binary_op::sub: {
        value result = to_set(self);
        call_set_method("difference_update", result, args);
        return result;
    }
    case binary_op::bit_xor: {
        if (keys_or_items(self) && keys_or_items(other) && self.as<dict_view_object>().view == dict_view_kind::items &&
            other.as<dict_view_object>().view == dict_view_kind::items)
            raise_unsupported("^ between two dict items() views");
        value result = to_set(self);
        call_set_method("symmetric_difference_update", result, args);
        return result;
    }
    case binary_op::bit_and: {
        // _PyDictView_Intersect: the view first; a bigger set does the work itself; of two views the
        // smaller is iterated and the other probed.
        value view = keys_or_items(self) ? self : other;
        value it_source = keys_or_items(self) ? other : self;
        const std::size_t view_len = view.as<dict_view_object>().dict.as<dict_object>().used;
        if (it_source.is(value_kind::set) && view_len <= it_source.as<set_object>().used) {
            std::vector<value> one{view};
            return call_set_method("intersection", it_source, one);
        }
        if (keys_or_items(it_source) && it_source.as<dict_view_object>().dict.as<dict_object>().used > view_len) std::swap(view, it_source);
        value result = make_set(false);
        auto& so = result.as<set_object>();
        const auto& d = view.as<dict_view_object>().dict.as<dict_object>();
        const bool items = view.as<dict_view_object>().view == dict_view_kind::items;
        set_algorithms::for_each_item(*this, it_source, [&](const value& key) {
            bool there = false;
            if (!items) {
                there = d.find(key, python_hash(key), dict_equality()) >= 0;
            } else if (key.is(value_kind::tuple) && key.as<sequence_object>().items.size() == 2) {
                const auto& pair = key.as<sequence_object>().items;
                const std::int64_t at = d.find(pair[0], python_hash(pair[0]), dict_equality());
                there = at >= 0 && equals(d.entries[static_cast<std::size_t>(at)].item, pair[1]);
            }
            if (there) {
                const std::int64_t hash = python_hash(key);
                note_nesting(result, key);
                so.add(key, hash, dict_equality());
            }
        });
        return result;
    }
    default: return value::unbound();
    }
}

bool runtime::dict_view_compare(compare_op op, const value& a, const value& b)
{
    auto length = [](const value& v) {
        return is_set_kind(v) ? v.as<set_object>().used : v.as<dict_view_object>().dict.as<dict_object>().used;
    };
    // all_contained_in: each item of `inner` is `in` `outer`.
    auto contained = [&](const value& inner, const value& outer) {
        return set_algorithms::for_each_item(*this, inner, [&](const value& item) { return truthy(compare(static_cast<std::int32_t>(compare_op::in), item, outer)); });
    };
    const std::size_t x = length(a), y = length(b);
    switch (op) {
    case compare_op::eq: return x == y && contained(a, b);
    case compare_op::ne: return !(x == y && contained(a, b));
    case compare_op::lt: return x < y && contained(a, b);
    case compare_op::le: return x <= y && contained(a, b);
    case compare_op::gt: return x > y && contained(b, a);
    case compare_op::ge: return x >= y && contained(b, a);
    default: return false;
    }
}

value runtime::call_set_method(const std::string& name, const value& self, std::vector<value>& args)
{
    const auto eq = dict_equality();
    auto& so = body(self);
    const bool frozen = self.is(value_kind::frozenset);
    const std::string qualified = type_name(self) + "." + name;
    auto exactly_one = [&] {
        if (args.size() != 1) raise_error("TypeError", qualified + "() takes exactly one argument (" + std::to_string(args.size()) + " given)");
    };
    auto none = [&] {
        if (!args.empty()) raise_error("TypeError", qualified + "() takes no arguments (" + std::to_string(args.size()) + " given)");
    };
    if (name == "add") {
        exactly_one();
        const std::int64_t hash = python_hash(args[0]);
        if (so.used >= config_.max_sequence_length) check_length(so.used + 1);
        note_nesting(self, args[0]);
        so.add(args[0], hash, eq);
        return value::none();
    }
    if (name == "discard" || name == "remove") {
        exactly_one();
        value key = sa::lookup_key(*this, args[0]);
        if (!so.discard(key, python_hash(key), eq) && name == "remove") raise_key_error(args[0]);
        return value::none();
    }
    if (name == "pop") {
        none();
        if (so.used == 0) raise_error("KeyError", "pop from an empty set");
        return so.pop();
    }
    if (name == "clear") {
        none();
        so.clear();
        return value::none();
    }
    if (name == "copy") {
        none();
        if (frozen) return self;
        value result = make_set(false);
        set_update(result, self);
        return result;
    }
    if (name == "update") {
        for (const auto& other : args) set_update(self, other);
        return value::none();
    }
    if (name == "union") {
        value result = make_set(frozen);
        set_update(result, self);
        for (const auto& other : args)
            if (other.obj != self.obj) set_update(result, other);  // s.union(s) adds nothing (set_union)
        return result;
    }
    if (name == "intersection" || name == "intersection_update") {
        value result;
        if (args.empty()) {
            result = make_set(frozen);
            set_update(result, self);
        } else {
            result = self;
            for (const auto& other : args) result = sa::intersection(*this, result, other, eq);
        }
        if (name == "intersection") return result;
        if (result.obj != self.obj) so.swap_bodies(body(result));
        return value::none();
    }
    if (name == "difference") {
        if (args.empty()) {
            value result = make_set(frozen);
            set_update(result, self);
            return result;
        }
        value result = sa::difference(*this, self, args[0], eq);
        for (std::size_t k = 1; k < args.size(); ++k) sa::difference_update(*this, result, args[k], eq);
        return result;
    }
    if (name == "difference_update") {
        for (const auto& other : args) sa::difference_update(*this, self, other, eq);
        return value::none();
    }
    if (name == "symmetric_difference") {
        exactly_one();
        value result = make_set(frozen);
        set_update(result, args[0]);
        sa::symmetric_difference_update(*this, result, self, eq);
        return result;
    }
    if (name == "symmetric_difference_update") {
        exactly_one();
        sa::symmetric_difference_update(*this, self, args[0], eq);
        return value::none();
    }
    if (name == "issubset") {
        exactly_one();
        return value::boolean(sa::is_subset(*this, self, args[0], eq));
    }
    if (name == "issuperset") {
        exactly_one();
        return value::boolean(sa::is_superset(*this, self, args[0], eq));
    }
    if (name == "isdisjoint") {
        exactly_one();
        const value& other = args[0];
        if (other.obj == self.obj) return value::boolean(so.used == 0);
        if (is_set_kind(other)) {
            const set_object* big = &so;
            const set_object* small = &body(other);
            if (small->used > big->used) std::swap(big, small);
            for (const auto& [key, hash] : active_entries(*small)) {
                charge_work(1);
                if (big->find(key, hash, eq) >= 0) return value::boolean(false);
            }
            return value::boolean(true);
        }
        return value::boolean(set_algorithms::for_each_item(*this, other, [&](const value& key) { return so.find(key, python_hash(key), eq) < 0; }));
    }
    raise_error("AttributeError", "'" + type_name(self) + "' object has no attribute '" + name + "'");
}

} // namespace loopscope::engine
