// The collections module, as far as the engine models it: deque and defaultdict, as CPython 3.11's
// Modules/_collectionsmodule.c makes them (deque's methods, maxlen, indexing, iteration that notices a
// change, comparisons, + and *; defaultdict's factory and __missing__; CPython's errors, worded as
// its argument parsing words them). Counter, namedtuple and OrderedDict have files of their own; the
// module's other names (ChainMap, UserDict …) are CPython's but not modelled yet: the up-front check
// refuses them by name.
#include "deques.hpp"
#include "classes.hpp"
#include "dicts.hpp"
#include "runtime.hpp"

#include "integers.hpp"

#include <algorithm>

namespace loopscope::engine {

namespace {

deque_object& body(const value& v) { return v.as<deque_object>(); }

// A Py_ssize_t argument ("n" in CPython's format strings): an int that fits 64 bits.
std::int64_t ssize_arg(const value& v)
{
    if (v.is(value_kind::instance)) raise_unsupported("an object's __index__ as a deque argument");
    if (!is_int(v)) raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
    if (v.is(value_kind::boolean)) return v.b ? 1 : 0;
    auto small = small_int(v);
    if (!small) raise_error("OverflowError", "Python int too large to convert to C ssize_t");
    return *small;
}

// index()'s start and stop (_PyEval_SliceIndexNotNone): ints past 64 bits are clamped, as CPython clamps them.
std::int64_t slice_index_arg(const value& v)
{
    if (v.is(value_kind::instance)) raise_unsupported("an object's __index__ as a deque argument");
    if (!is_int(v)) raise_error("TypeError", "slice indices must be integers or have an __index__ method");
    if (v.is(value_kind::boolean)) return v.b ? 1 : 0;
    if (auto small = small_int(v)) return *small;
    return int_is_negative(v) ? INT64_MIN : INT64_MAX;
}

void mutated() { raise_error("RuntimeError", "deque mutated during iteration"); }

// deque_append_internal / deque_appendleft_internal: past maxlen, the other end's item goes.
void push(deque_object& d, value item, bool left)
{
    if (left) d.items.push_front(std::move(item));
    else d.items.push_back(std::move(item));
    if (d.maxlen >= 0 && d.items.size() > static_cast<std::size_t>(d.maxlen)) {
        if (left) d.items.pop_back();
        else d.items.pop_front();
    }
    ++d.state;
}

// _deque_rotate: n reduced modulo the length first, so a rotation costs at most half the deque.
void rotate(deque_object& d, std::int64_t n)
{
    const auto len = static_cast<std::int64_t>(d.items.size());
    if (len <= 1) return;
    const std::int64_t half = len >> 1;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    ++d.state;
    charge_work(static_cast<std::size_t>(n < 0 ? -n : n));
    if (n > 0) std::rotate(d.items.begin(), d.items.end() - n, d.items.end());
    else if (n < 0) std::rotate(d.items.begin(), d.items.begin() - n, d.items.end());
}

std::size_t checked_index(const deque_object& d, std::int64_t i)
{
    const auto n = static_cast<std::int64_t>(d.items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_error("IndexError", "deque index out of range");
    return static_cast<std::size_t>(i);
}

std::int64_t item_index(const value& index)
{
    if (index.is(value_kind::instance)) raise_unsupported("an object's __index__ as a deque index");
    if (!is_int(index)) raise_error("TypeError", "sequence index must be integer, not '" + type_name(index) + "'");
    if (index.is(value_kind::boolean)) return index.b ? 1 : 0;
    auto small = small_int(index);
    if (!small) raise_error("IndexError", "cannot fit 'int' into an index-sized integer");
    return *small;
}

// callable(v), for defaultdict's first argument
bool is_callable_value(const value& v)
{
    switch (v.kind) {
    case value_kind::function:
    case value_kind::builtin:
    case value_kind::class_type:
    case value_kind::exception_type:
    case value_kind::type_name:
    case value_kind::method:
    case value_kind::descriptor: return true;
    case value_kind::instance: return v.as<instance_object>().cls->lookup("__call__") != nullptr;
    default: return false;
    }
}

} // namespace

value runtime::new_defaultdict(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    // defdict_init: the first positional argument is the factory; the rest, and every keyword, go to dict's __init__
    value factory = args.empty() ? value::none() : args[0];
    if (!factory.is(value_kind::none) && !is_callable_value(factory)) raise_error("TypeError", "first argument must be callable or None");
    if (args.size() > 2) raise_error("TypeError", "dict expected at most 1 argument, got " + std::to_string(args.size() - 1));
    value d = make_dict();
    auto& body = d.as<dict_object>();
    note_nesting(d, factory);
    body.default_factory = std::make_unique<value>(std::move(factory));
    if (args.size() == 2) dict_update(d, args[1], "update");
    for (auto& [key, item] : kwargs) store_subscript(d, value::string(key), item);
    kwargs.clear();
    return d;
}

value runtime::dict_missing(const value& dict, const value& key)
{
    const auto& d = dict.as<dict_object>();
    if (!d.default_factory || d.default_factory->is(value_kind::none)) raise_key_error(key);
    const value factory = *d.default_factory;
    value made = call_sync(factory, {});
    store_subscript(dict, key, made);
    return made;
}

value runtime::new_deque(std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    // deque_init: "|OO:deque" with keywords iterable and maxlen
    if (args.size() + kwargs.size() > 2)
        raise_error("TypeError", "deque() takes at most 2 arguments (" + std::to_string(args.size() + kwargs.size()) + " given)");
    value iterable = args.empty() ? value::unbound() : args[0];
    value maxlen = args.size() > 1 ? args[1] : value::unbound();
    for (auto& [key, v] : kwargs) {
        const std::size_t position = key == "iterable" ? 1 : key == "maxlen" ? 2 : 0;
        if (position == 0) raise_error("TypeError", "'" + key + "' is an invalid keyword argument for deque()");
        if (args.size() >= position)
            raise_error("TypeError", "argument for deque() given by name ('" + key + "') and position (" + std::to_string(position) + ")");
        (position == 1 ? iterable : maxlen) = v;
    }
    kwargs.clear();
    auto d = make_ref<deque_object>();
    if (!maxlen.is_unbound() && !maxlen.is(value_kind::none)) {
        if (maxlen.is(value_kind::instance)) raise_unsupported("an object's __index__ as a deque's maxlen");
        if (!is_int(maxlen)) raise_error("TypeError", "an integer is required");
        const std::int64_t n = maxlen.is(value_kind::boolean) ? (maxlen.b ? 1 : 0) : ssize_arg(maxlen);
        if (n < 0) raise_error("ValueError", "maxlen must be non-negative");
        d->maxlen = n;
    }
    value result = value::of(value_kind::deque, d);
    if (!iterable.is_unbound()) deque_extend(result, iterable, false);
    return result;
}

void runtime::deque_extend(const value& self, const value& iterable, bool left)
{
    auto& d = body(self);
    // d.extend(d): from a copy of it, as CPython's PySequence_List
    if (iterable.obj == self.obj) {
        std::vector<value> copy(d.items.begin(), d.items.end());
        charge_work(copy.size());
        deque_extend(self, value::list(std::move(copy)), left);
        return;
    }
    value it = make_iterator(iterable);
    for (;;) {
        bool done = false;
        value item = iterate_next(it, done);
        if (done) break;
        charge_work(1);
        if (d.maxlen == 0) continue;  // consume_iterator: everything read, nothing kept
        if (d.items.size() >= config_.max_sequence_length && (d.maxlen < 0 || d.items.size() < static_cast<std::size_t>(d.maxlen)))
            check_length(d.items.size() + 1);
        note_nesting(self, item);
        push(d, std::move(item), left);
    }
}

bool runtime::deque_contains(const value& self, const value& item)
{
    auto& d = body(self);
    const std::uint64_t start = d.state;
    for (std::size_t k = 0; k < d.items.size(); ++k) {
        charge_work(2);
        const value candidate = d.items[k];
        if (equals(candidate, item)) return true;
        if (d.state != start) mutated();
    }
    return false;
}

bool runtime::deque_equal(const value& a, const value& b, int depth)
{
    if (a.obj == b.obj) return true;
    auto& x = body(a);
    auto& y = body(b);
    if (x.items.size() != y.items.size()) return false;
    const std::uint64_t sx = x.state, sy = y.state;
    for (std::size_t k = 0; k < x.items.size(); ++k) {
        if (x.state != sx || y.state != sy) mutated();  // its iterators notice the change
        charge_work(2);
        const value p = x.items[k], q = y.items[k];
        if (!equals(p, q, depth + 1)) return false;
    }
    if (x.state != sx || y.state != sy) mutated();
    return true;
}

value runtime::deque_order(compare_op op, const value& a, const value& b)
{
    auto& x = body(a);
    auto& y = body(b);
    const std::uint64_t sx = x.state, sy = y.state;
    std::size_t k = 0;
    for (;; ++k) {
        if (x.state != sx || y.state != sy) mutated();
        if (k >= x.items.size() || k >= y.items.size()) break;
        charge_work(2);
        const value p = x.items[k], q = y.items[k];
        if (!equals(p, q)) return compare(static_cast<std::int32_t>(op), p, q);
    }
    const bool x_more = k < x.items.size(), y_more = k < y.items.size();
    switch (op) {
    case compare_op::lt: return value::boolean(y_more);
    case compare_op::le: return value::boolean(!x_more);
    case compare_op::gt: return value::boolean(x_more);
    case compare_op::ge: return value::boolean(!y_more);
    default: return value::boolean(false);
    }
}

value runtime::deque_binary(binary_op op, const value& a, const value& b, bool inplace)
{
    auto copy_of = [&](const value& v) {
        auto d = make_ref<deque_object>();
        d->maxlen = body(v).maxlen;
        value out = value::of(value_kind::deque, d);
        deque_extend(out, v, false);
        return out;
    };
    // deque_inplace_repeat: n copies of the items, no more than maxlen keeps
    auto repeat = [&](const value& target, const value& count) {
        if (count.is(value_kind::instance)) raise_unsupported("an object's __index__ as a repeat count");
        const std::int64_t n = ssize_arg(count);
        auto& d = body(target);
        const std::size_t size = d.items.size();
        if (size == 0 || n == 1) return target;
        if (n <= 0) {
            d.items.clear();
            ++d.state;
            return target;
        }
        std::uint64_t total = static_cast<std::uint64_t>(n);
        if (d.maxlen >= 0 && total > static_cast<std::uint64_t>(d.maxlen)) total = static_cast<std::uint64_t>(d.maxlen);  // more would be dropped
        if (size > 1 && d.maxlen >= 0 && static_cast<std::uint64_t>(n) * size > static_cast<std::uint64_t>(d.maxlen))
            total = (static_cast<std::uint64_t>(d.maxlen) + size - 1) / size;
        if (size == 1) {
            // the common case: one item repeated
            if (total > config_.max_sequence_length) check_length(config_.max_sequence_length + 1);
            const value item = d.items.front();
            ++d.state;
            for (std::uint64_t k = 1; k < total; ++k) {
                charge_work(1);
                d.items.push_back(item);
            }
            return target;
        }
        if (total > config_.max_sequence_length / size + 1) check_length(config_.max_sequence_length + 1);
        std::vector<value> seq(d.items.begin(), d.items.end());
        charge_work(seq.size());
        for (std::uint64_t k = 1; k < total; ++k) deque_extend(target, value::list(seq), false);
        return target;
    };
    if (op == binary_op::add && a.is(value_kind::deque)) {
        if (inplace) {
            deque_extend(a, b, false);
            return a;
        }
        if (!b.is(value_kind::deque))
            raise_error("TypeError", "can only concatenate deque (not \"" + type_name(b) + "\") to deque");
        value out = copy_of(a);
        deque_extend(out, b, false);
        return out;
    }
    if (op == binary_op::mul && (a.is(value_kind::deque) || b.is(value_kind::deque))) {
        const value& d = a.is(value_kind::deque) ? a : b;
        const value& n = a.is(value_kind::deque) ? b : a;
        if (!is_int(n) && !n.is(value_kind::instance))
            raise_error("TypeError", "can't multiply sequence by non-int of type '" + type_name(n) + "'");
        if (inplace && a.is(value_kind::deque)) return repeat(a, n);
        return repeat(copy_of(d), n);
    }
    return value::unbound();
}

value runtime::deque_item(const value& self, const value& index)
{
    const auto& d = body(self);
    return d.items[checked_index(d, item_index(index))];
}

void runtime::deque_store(const value& self, const value& index, value v)
{
    auto& d = body(self);
    const std::size_t k = checked_index(d, item_index(index));
    if (v.is_unbound()) {
        // deque_del_item: a rotation, a popleft and the rotation back
        charge_work(std::min(k, d.items.size() - k));
        d.items.erase(d.items.begin() + static_cast<std::ptrdiff_t>(k));
        d.state += 3;
        return;
    }
    note_nesting(self, v);
    d.items[k] = std::move(v);
}

value runtime::call_deque_method(const std::string& name, const value& self, std::vector<value>& args,
                                 std::vector<std::pair<std::string, value>>& kwargs)
{
    auto& d = body(self);
    if (!kwargs.empty()) raise_error("TypeError", "deque." + name + "() takes no keyword arguments");
    const std::string given = std::to_string(args.size());
    auto one_argument = [&] {
        if (args.size() != 1) raise_error("TypeError", "deque." + name + "() takes exactly one argument (" + given + " given)");
    };
    auto no_arguments = [&] {
        if (!args.empty()) raise_error("TypeError", "deque." + name + "() takes no arguments (" + given + " given)");
    };
    if (name == "append" || name == "appendleft") {
        one_argument();
        if (d.items.size() >= config_.max_sequence_length && (d.maxlen < 0 || d.items.size() < static_cast<std::size_t>(d.maxlen)))
            check_length(d.items.size() + 1);
        note_nesting(self, args[0]);
        push(d, std::move(args[0]), name == "appendleft");
        return value::none();
    }
    if (name == "pop" || name == "popleft") {
        no_arguments();
        if (d.items.empty()) raise_error("IndexError", "pop from an empty deque");
        value out;
        if (name == "pop") {
            out = std::move(d.items.back());
            d.items.pop_back();
        } else {
            out = std::move(d.items.front());
            d.items.pop_front();
        }
        ++d.state;
        return out;
    }
    if (name == "extend" || name == "extendleft") {
        one_argument();
        deque_extend(self, args[0], name == "extendleft");
        return value::none();
    }
    if (name == "clear") {
        no_arguments();
        charge_work(d.items.size() / 8);
        std::deque<value> gone;
        gone.swap(d.items);  // emptied first: an item's destruction may look at the deque
        ++d.state;
        return value::none();
    }
    if (name == "copy") {
        no_arguments();
        auto c = make_ref<deque_object>();
        c->maxlen = d.maxlen;
        charge_work(d.items.size());
        c->items = d.items;
        value out = value::of(value_kind::deque, c);
        if (!c->items.empty()) note_nesting(out, value::integer(0));
        return out;
    }
    if (name == "reverse") {
        no_arguments();
        charge_work(d.items.size() / 2);
        std::reverse(d.items.begin(), d.items.end());
        return value::none();
    }
    if (name == "rotate") {
        if (args.size() > 1) raise_error("TypeError", "deque.rotate expected at most 1 argument, got " + given);
        rotate(d, args.empty() ? 1 : ssize_arg(args[0]));
        return value::none();
    }
    if (name == "count") {
        one_argument();
        const std::uint64_t start = d.state;
        std::int64_t count = 0;
        for (std::size_t k = 0; k < d.items.size(); ++k) {
            charge_work(2);
            const value item = d.items[k];
            if (equals(item, args[0])) ++count;
            if (d.state != start) mutated();
        }
        return value::integer(count);
    }
    if (name == "index") {
        if (args.empty()) raise_error("TypeError", "index() takes at least 1 argument (0 given)");
        if (args.size() > 3) raise_error("TypeError", "index() takes at most 3 arguments (" + given + " given)");
        const auto size = static_cast<std::int64_t>(d.items.size());
        std::int64_t start = args.size() > 1 ? slice_index_arg(args[1]) : 0;
        std::int64_t stop = args.size() > 2 ? slice_index_arg(args[2]) : size;
        if (start < 0) start = std::max<std::int64_t>(0, start + size);
        if (stop < 0) stop = std::max<std::int64_t>(0, stop + size);
        stop = std::min(stop, size);
        start = std::min(start, stop);
        const std::uint64_t state = d.state;
        for (std::int64_t k = start; k < stop; ++k) {
            charge_work(2);
            const value item = d.items[static_cast<std::size_t>(k)];
            if (equals(item, args[0])) return value::integer(k);
            if (d.state != state) mutated();
        }
        raise_error("ValueError", repr(args[0]) + " is not in deque");
    }
    if (name == "insert") {
        if (args.size() != 2) raise_error("TypeError", "insert() takes exactly 2 arguments (" + given + " given)");
        const std::int64_t index = ssize_arg(args[0]);
        if (d.maxlen >= 0 && static_cast<std::size_t>(d.maxlen) == d.items.size()) raise_error("IndexError", "deque already at its maximum size");
        const auto n = static_cast<std::int64_t>(d.items.size());
        if (d.items.size() >= config_.max_sequence_length) check_length(d.items.size() + 1);
        note_nesting(self, args[1]);
        if (index >= n) push(d, std::move(args[1]), false);
        else if (index <= -n || index == 0) push(d, std::move(args[1]), true);
        else {
            const std::int64_t at = index < 0 ? index + n : index;
            charge_work(static_cast<std::size_t>(std::min(at, n - at)));
            d.items.insert(d.items.begin() + at, std::move(args[1]));
            d.state += 3;  // two rotations and an append
        }
        return value::none();
    }
    if (name == "remove") {
        one_argument();
        const std::size_t n = d.items.size();
        const std::uint64_t state = d.state;
        for (std::size_t k = 0; k < n; ++k) {
            charge_work(2);
            const value item = d.items[k];
            const bool equal = equals(item, args[0]);
            if (d.items.size() != n) raise_error("IndexError", "deque mutated during remove().");
            (void)state;
            if (equal) {
                charge_work(std::min(k, n - k));
                d.items.erase(d.items.begin() + static_cast<std::ptrdiff_t>(k));
                d.state += 2 * k + 2;
                return value::none();
            }
        }
        d.state += n;
        raise_error("ValueError", repr(args[0]) + " is not in deque");
    }
    raise_error("AttributeError", "'collections.deque' object has no attribute '" + name + "'");
}

} // namespace loopscope::engine
