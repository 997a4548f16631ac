// collections.OrderedDict as CPython 3.11's Objects/odictobject.c makes it: a dict subclass (a
// dict_object marked is_ordered, so every dict operation it does not override is dict's own) whose
// order is the entries' order. Its own methods take their arguments as Argument Clinic parses them
// (move_to_end, popitem(last), pop, setdefault, fromkeys), update() and the constructor add pairs as
// mutablemapping_update does (its errors differ from dict's), == between two OrderedDicts also
// compares the order, and its iterators (odict_iterator, forwards and reversed, over the dict and its
// odict_keys/values/items views) hold the next key and fail once a key was added, removed or moved.
#include "dicts.hpp"
#include "runtime.hpp"
#include "work_meter.hpp"

namespace loopscope::engine {

namespace {

using keywords = std::vector<std::pair<std::string, value>>;

// _PyArg_UnpackKeywords for a method whose parameters are all positional-or-keyword, `required` of
// them without a default: the values in parameter order, unbound where not given.
std::vector<value> clinic_arguments(const std::string& fname, const std::vector<const char*>& params, std::size_t required,
                                    std::vector<value>& args, keywords& kwargs)
{
    const std::size_t given = args.size() + kwargs.size();
    if (given > params.size())
        raise_error("TypeError", fname + "() takes at most " + std::to_string(params.size()) + " " + (args.empty() ? "keyword " : "") + "argument" +
                                     (params.size() == 1 ? "" : "s") + " (" + std::to_string(given) + " given)");
    std::vector<value> out(params.size(), value::unbound());
    for (std::size_t k = 0; k < args.size(); ++k) out[k] = args[k];
    std::size_t left = kwargs.size();
    for (std::size_t k = args.size(); k < params.size(); ++k) {
        bool found = false;
        for (auto& [name, v] : kwargs)
            if (name == params[k]) {
                out[k] = v;
                found = true;
                --left;
                break;
            }
        if (!found && k < required)
            raise_error("TypeError", fname + "() missing required argument '" + params[k] + "' (pos " + std::to_string(k + 1) + ")");
    }
    if (left > 0) {
        for (std::size_t k = 0; k < args.size(); ++k)
            for (auto& [name, v] : kwargs)
                if (name == params[k])
                    raise_error("TypeError", "argument for " + fname + "() given by name ('" + name + "') and position (" + std::to_string(k + 1) + ")");
        for (auto& [name, v] : kwargs) {
            bool known = false;
            for (const char* p : params) known = known || name == p;
            if (!known) raise_error("TypeError", "'" + name + "' is an invalid keyword argument for " + fname + "()");
        }
    }
    kwargs.clear();
    return out;
}

// The first live entry at or after `from` (forwards) or at or before it (backwards); -1 or size: none
std::int64_t live_entry(const dict_object& d, std::int64_t from, bool backwards)
{
    const auto n = static_cast<std::int64_t>(d.entries.size());
    while (from >= 0 && from < n && d.entries[static_cast<std::size_t>(from)].key.is_unbound()) {
        charge_work(1);
        from += backwards ? -1 : 1;
    }
    return from;
}

} // namespace

value runtime::make_ordered_dict()
{
    value d = make_dict();
    d.as<dict_object>().is_ordered = true;
    return d;
}

// mutablemapping_update_arg: a mapping's keys and items, else pairs drawn one at a time, each
// unpacked by iterating it (so its errors are unpacking's, not dict()'s)
void runtime::ordered_dict_update(const value& self, const value& other)
{
    auto put = [&](const value& key, const value& item) {
        charge_work(1);
        auto& d = self.as<dict_object>();
        if (d.used >= config_.max_sequence_length) check_length(d.used + 1);
        store_subscript(self, key, item);
    };
    if (other.is(value_kind::dict)) {
        dict_update(self, other, "update");
        return;
    }
    if (other.is(value_kind::instance)) raise_unsupported("OrderedDict.update() from an object of a class");
    // A container's pairs at once (as a list's items are copied); an iterator's one at a time, so that
    // an error half way leaves the pairs before it added, as CPython's
    const bool lazy = other.is(value_kind::iterator) || other.is(value_kind::generator);
    std::vector<value> held = lazy ? std::vector<value>{} : to_vector(other);
    std::size_t next_held = 0;
    value pairs = lazy ? make_iterator(other) : value::none();
    for (;;) {
        bool done = false;
        value pair;
        if (lazy) {
            pair = iterate_next(pairs, done);
            if (done) break;
        } else {
            if (next_held == held.size()) break;
            pair = held[next_held++];
        }
        if (pair.is(value_kind::tuple) && pair.as<sequence_object>().items.size() == 2) {
            put(pair.as<sequence_object>().items[0], pair.as<sequence_object>().items[1]);
            continue;
        }
        value inner = make_iterator(pair);
        value key = iterate_next(inner, done);
        if (done) raise_error("ValueError", "need more than 0 values to unpack");
        value item = iterate_next(inner, done);
        if (done) raise_error("ValueError", "need more than 1 value to unpack");
        iterate_next(inner, done);
        if (!done) raise_error("ValueError", "too many values to unpack (expected 2)");
        put(key, item);
    }
}

value runtime::new_ordered_dict(std::vector<value>& args, keywords& kwargs)
{
    // odict_init, then mutablemapping_update
    if (args.size() > 1) raise_error("TypeError", "expected at most 1 arguments, got " + std::to_string(args.size()));
    value d = make_ordered_dict();
    if (!args.empty()) ordered_dict_update(d, args[0]);
    for (auto& [key, item] : kwargs) store_subscript(d, value::string(key), item);
    kwargs.clear();
    return d;
}

value runtime::call_ordered_dict_method(const std::string& name, const value& self, std::vector<value>& args, keywords& kwargs)
{
    if (name == "fromkeys") {
        // a classmethod: _PyDict_FromKeys(cls, iterable, value) on a new OrderedDict
        auto a = clinic_arguments("fromkeys", {"iterable", "value"}, 1, args, kwargs);
        const value fill = a[1].is_unbound() ? value::none() : a[1];
        value d = make_ordered_dict();
        // the keys drawn first, as a list's are: a new dict that an error leaves half made is dropped anyway
        for (const auto& key : to_vector(a[0])) {
            charge_work(1);
            if (d.as<dict_object>().used >= config_.max_sequence_length) check_length(d.as<dict_object>().used + 1);
            d.as<dict_object>().set(key, python_hash(key), fill, dict_equality());
        }
        return d;
    }
    auto& d = self.as<dict_object>();
    if (name == "move_to_end") {
        auto a = clinic_arguments("move_to_end", {"key", "last"}, 1, args, kwargs);
        const bool last = a[1].is_unbound() || truthy(a[1]);
        const std::int64_t at = d.find(a[0], python_hash(a[0]), dict_equality());
        if (at < 0) raise_key_error(a[0]);
        // already at that end: nothing changes (the iterators go on)
        const std::int64_t end = live_entry(d, last ? static_cast<std::int64_t>(d.entries.size()) - 1 : 0, last);
        if (end != at) d.move_entry(static_cast<std::size_t>(at), last);
        return value::none();
    }
    if (name == "popitem") {
        auto a = clinic_arguments("popitem", {"last"}, 0, args, kwargs);
        const bool last = a[0].is_unbound() || truthy(a[0]);
        if (d.used == 0) raise_key_error(value::string("dictionary is empty"));
        const std::int64_t at = live_entry(d, last ? static_cast<std::int64_t>(d.entries.size()) - 1 : 0, last);
        value key = d.entries[static_cast<std::size_t>(at)].key;
        value item = *d.remove(key, d.entries[static_cast<std::size_t>(at)].hash, dict_equality());
        return value::tuple({std::move(key), std::move(item)});
    }
    if (name == "pop") {
        auto a = clinic_arguments("pop", {"key", "default"}, 1, args, kwargs);
        if (auto item = d.remove(a[0], python_hash(a[0]), dict_equality())) return *item;
        if (!a[1].is_unbound()) return a[1];
        raise_key_error(a[0]);
    }
    if (name == "setdefault") {
        auto a = clinic_arguments("setdefault", {"key", "default"}, 1, args, kwargs);
        const std::int64_t at = d.find(a[0], python_hash(a[0]), dict_equality());
        if (at >= 0) return d.entries[static_cast<std::size_t>(at)].item;
        value fallback = a[1].is_unbound() ? value::none() : a[1];
        store_subscript(self, a[0], fallback);
        return fallback;
    }
    if (name == "update") {
        if (args.size() > 1) raise_error("TypeError", "update() takes at most 1 positional argument (" + std::to_string(args.size()) + " given)");
        if (!args.empty()) ordered_dict_update(self, args[0]);
        for (auto& [key, item] : kwargs) store_subscript(self, value::string(key), item);
        kwargs.clear();
        return value::none();
    }
    if (name == "copy") {
        clinic_arguments("copy", {}, 0, args, kwargs);
        value c = make_ordered_dict();
        dict_update(c, self, "update");
        return c;
    }
    raise_unsupported("OrderedDict." + name);
}

// odictiter_new: the first key (the last, reversed) is the one it holds; none when empty
value runtime::make_ordered_dict_iterator(const value& source, bool reversed)
{
    auto it = make_ref<iterator_object>();
    if (reversed) it->kind = iterator_kind::reversed;
    it->source = source;
    const auto& d = source.is(value_kind::dict) ? source.as<dict_object>() : source.as<dict_view_object>().dict.as<dict_object>();
    it->count = value::integer(static_cast<std::int64_t>(d.key_changes));  // di_state
    it->dict_size = d.used;                                                 // di_size
    it->index = live_entry(d, reversed ? static_cast<std::int64_t>(d.entries.size()) - 1 : 0, reversed);
    if (it->index < 0 || it->index >= static_cast<std::int64_t>(d.entries.size())) it->done = true;
    return value::of(value_kind::iterator, it);
}

// odictiter_nextkey: done once the key it held was the last; a key added, removed or moved since it
// began is "mutated", once, and the iterator is done after it; cleared, its size changed, at every call
value runtime::next_of_ordered_dict(iterator_object& it, bool& exhausted)
{
    if (it.done) {
        exhausted = true;
        return {};
    }
    const value src = it.source;
    const bool plain = src.is(value_kind::dict);
    const auto& d = plain ? src.as<dict_object>() : src.as<dict_view_object>().dict.as<dict_object>();
    if (static_cast<std::int64_t>(d.key_changes) != it.count.i) {
        it.done = true;
        raise_error("RuntimeError", "OrderedDict mutated during iteration");
    }
    // clear() leaves the state: the size tells, at every later call
    if (d.used != it.dict_size) {
        it.dict_size = static_cast<std::size_t>(-1);
        raise_error("RuntimeError", "OrderedDict changed size during iteration");
    }
    const bool backwards = it.kind == iterator_kind::reversed;
    // every change that moves entries changes the state or the size; an index off the table is none the less the end
    if (it.index < 0 || static_cast<std::size_t>(it.index) >= d.entries.size() || d.entries[static_cast<std::size_t>(it.index)].key.is_unbound()) {
        it.done = true;
        exhausted = true;
        return {};
    }
    const auto& e = d.entries[static_cast<std::size_t>(it.index)];
    const auto view = plain ? dict_view_kind::keys : src.as<dict_view_object>().view;
    value out = view == dict_view_kind::keys ? e.key : view == dict_view_kind::values ? e.item : value::tuple({e.key, e.item});
    it.index = live_entry(d, it.index + (backwards ? -1 : 1), backwards);
    if (it.index < 0 || it.index >= static_cast<std::int64_t>(d.entries.size())) it.done = true;
    return out;
}

// odict_richcompare's second half: two OrderedDicts equal as dicts are equal only with their keys in one order
bool runtime::ordered_keys_equal(const value& a, const value& b, int depth)
{
    const auto& x = a.as<dict_object>();
    const auto& y = b.as<dict_object>();
    std::int64_t i = live_entry(x, 0, false), j = live_entry(y, 0, false);
    const auto state_x = x.key_changes, state_y = y.key_changes;
    while (i < static_cast<std::int64_t>(x.entries.size()) && j < static_cast<std::int64_t>(y.entries.size())) {
        const value p = x.entries[static_cast<std::size_t>(i)].key, q = y.entries[static_cast<std::size_t>(j)].key;
        const bool same = (p.obj && p.obj == q.obj) || equals(p, q, depth + 1);
        if (x.key_changes != state_x || y.key_changes != state_y) raise_error("RuntimeError", "OrderedDict mutated during iteration");
        if (!same) return false;
        i = live_entry(x, i + 1, false);
        j = live_entry(y, j + 1, false);
    }
    return true;
}

} // namespace loopscope::engine
