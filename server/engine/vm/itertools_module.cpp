// The itertools module (itertools_module.hpp): constructors with CPython 3.11's argument errors, and
// each iterator's next item by the algorithm itertoolsmodule.c uses, so that the order of items, what
// is drawn from the iterators underneath and when an error is raised are CPython's.
#include "itertools_module.hpp"

#include "runtime.hpp"
#include "integers.hpp"

#include <array>
#include <cmath>
#include <optional>

namespace loopscope::engine {

namespace {

struct itertools_name {
    const char* name;
    itertools_kind what;
};

constexpr std::array<itertools_name, 18> itertools_names{{
    {"count", itertools_kind::count},
    {"repeat", itertools_kind::repeat},
    {"cycle", itertools_kind::cycle},
    {"accumulate", itertools_kind::accumulate},
    {"chain", itertools_kind::chain},
    {"compress", itertools_kind::compress},
    {"dropwhile", itertools_kind::dropwhile},
    {"takewhile", itertools_kind::takewhile},
    {"filterfalse", itertools_kind::filterfalse},
    {"islice", itertools_kind::islice},
    {"starmap", itertools_kind::starmap},
    {"zip_longest", itertools_kind::zip_longest},
    {"pairwise", itertools_kind::pairwise},
    {"product", itertools_kind::product},
    {"permutations", itertools_kind::permutations},
    {"combinations", itertools_kind::combinations},
    {"combinations_with_replacement", itertools_kind::combinations_with_replacement},
    {"groupby", itertools_kind::groupby},
}};

const char* name_of(itertools_kind what)
{
    if (what == itertools_kind::grouper) return "_grouper";
    if (what == itertools_kind::tee) return "_tee";
    if (what == itertools_kind::tee_data) return "_tee_dataobject";
    for (const auto& n : itertools_names)
        if (n.what == what) return n.name;
    return "?";
}

using keywords = std::vector<std::pair<std::string, value>>;

// LINKCELLS: the items one teedataobject holds
constexpr std::int64_t tee_link_cells = 57;

// Arguments bound as Argument Clinic binds them, with its messages: `names` in order, the first
// `positional` of them may come by position, the first `required` must come.
std::vector<value> bind(const std::string& fn, std::vector<value>& args, keywords& kwargs, std::initializer_list<const char*> names,
                        std::size_t positional, std::size_t required)
{
    std::vector<const char*> params(names);
    if (args.size() > positional) {
        if (positional < params.size())
            raise_error("TypeError", fn + "() takes at most " + std::to_string(positional) + " positional argument" +
                                         (positional == 1 ? "" : "s") + " (" + std::to_string(args.size()) + " given)");
        raise_error("TypeError", fn + "() takes at most " + std::to_string(positional) + " argument" + (positional == 1 ? "" : "s") + " (" +
                                     std::to_string(args.size()) + " given)");
    }
    if (const auto total = args.size() + kwargs.size(); total > params.size())
        raise_error("TypeError", fn + "() takes at most " + std::to_string(params.size()) + " argument" + (params.size() == 1 ? "" : "s") +
                                     " (" + std::to_string(total) + " given)");
    std::vector<value> bound(params.size(), value::unbound());
    for (std::size_t k = 0; k < args.size(); ++k) bound[k] = args[k];
    for (auto& [key, v] : kwargs) {
        std::size_t k = 0;
        while (k < params.size() && key != params[k]) ++k;
        if (k == params.size()) raise_error("TypeError", "'" + key + "' is an invalid keyword argument for " + fn + "()");
        if (k < args.size())
            raise_error("TypeError", "argument for " + fn + "() given by name ('" + key + "') and position (" + std::to_string(k + 1) + ")");
        bound[k] = v;
    }
    for (std::size_t k = 0; k < required; ++k)
        if (bound[k].is_unbound())
            raise_error("TypeError", fn + "() missing required argument '" + params[k] + "' (pos " + std::to_string(k + 1) + ")");
    return bound;
}

// The checks of the constructors that take no keywords and count their arguments themselves.
void no_keywords(const std::string& fn, const keywords& kwargs)
{
    if (!kwargs.empty()) raise_error("TypeError", fn + "() takes no keyword arguments");
}

void expect_count(const std::string& fn, const std::vector<value>& args, std::size_t lo, std::size_t hi)
{
    const auto n = args.size();
    auto arguments = [](std::size_t k) { return std::to_string(k) + (k == 1 ? " argument" : " arguments"); };
    if (n >= lo && n <= hi) return;
    if (lo == hi) raise_error("TypeError", fn + " expected " + arguments(lo) + ", got " + std::to_string(n));
    if (n < lo) raise_error("TypeError", fn + " expected at least " + arguments(lo) + ", got " + std::to_string(n));
    raise_error("TypeError", fn + " expected at most " + arguments(hi) + ", got " + std::to_string(n));
}

// PyNumber_AsSsize_t with OverflowError: an int (a bool too) that fits, or nothing (the caller's
// error). A program's own class with __index__ is not modelled.
std::optional<std::int64_t> index_of(const value& v)
{
    if (v.is(value_kind::instance)) raise_unsupported("an object of a program's class as an index of itertools");
    if (!is_int(v)) return std::nullopt;
    return small_int(v);
}

// The "n" format of PyArg_Parse: a Py_ssize_t, with CPython's errors.
std::int64_t ssize_arg(const value& v)
{
    if (v.is(value_kind::instance)) raise_unsupported("an object of a program's class as an integer argument of itertools");
    if (!is_int(v)) raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
    if (auto x = small_int(v)) return *x;
    raise_error("OverflowError", "Python int too large to convert to C ssize_t");
}

bool equals_one(const value& v) { return is_int(v) && small_int(v) == std::int64_t{1}; }

} // namespace

bool itertools_has(std::string_view name)
{
    if (name == "chain.from_iterable" || name == "tee") return true;
    for (const auto& n : itertools_names)
        if (name == n.name) return true;
    return false;
}

std::string itertools_type_name(const itertools_object& it) { return std::string("itertools.") + name_of(it.what); }

std::string itertools_object::repr_text() const
{
    if (what == itertools_kind::count) {
        // count_repr: the step is left out when it is the int 1
        if (equals_one(step)) return "count(" + repr(current) + ")";
        return "count(" + repr(current) + ", " + repr(step) + ")";
    }
    if (what == itertools_kind::repeat) {
        if (remaining < 0) return "repeat(" + repr(current) + ")";
        return "repeat(" + repr(current) + ", " + std::to_string(remaining) + ")";
    }
    return "<" + itertools_type_name(*this) + " object at " + object_address(this) + ">";
}

void itertools_object::drop_references()
{
    source = value{};
    function = value{};
    inners.clear();
    current = value::none();
    step = value::none();
    saved.clear();
}

value runtime::call_itertools(const std::string& name, std::vector<value>& args, keywords& kwargs)
{
    auto it = make_ref<itertools_object>();
    it->kind = iterator_kind::itertools;
    auto made = [&] { return value::of(value_kind::iterator, it); };
    // What an iterator keeps of a program's values (cycle's items, pairwise's last, a fill value) may
    // lead back to it: cleared when the run ends.
    remember_container(it);

    if (name == "tee") return make_tees(args, kwargs);
    if (name == "chain.from_iterable") {
        no_keywords(name, kwargs);
        if (args.size() != 1)
            raise_error("TypeError", "chain.from_iterable() takes exactly one argument (" + std::to_string(args.size()) + " given)");
        it->what = itertools_kind::chain;
        it->source = make_iterator(args[0]);
        it->current = value::unbound();
        return made();
    }
    std::size_t k = 0;
    while (k < itertools_names.size() && name != itertools_names[k].name) ++k;
    if (k == itertools_names.size()) raise_unsupported("itertools." + name);
    it->what = itertools_names[k].what;

    switch (it->what) {
    case itertools_kind::count: {
        auto a = bind(name, args, kwargs, {"start", "step"}, 2, 0);
        value start = a[0].is_unbound() ? value::integer(0) : a[0];
        value step = a[1].is_unbound() ? value::integer(1) : a[1];
        for (const value* v : {&start, &step}) {
            if (v->is(value_kind::instance)) raise_unsupported("itertools.count of an object of a program's class");
            if (!is_int(*v) && !v->is(value_kind::floating)) raise_error("TypeError", "a number is required");
        }
        // The fast mode of an int start and a step of 1 counts in ints (count(True) gives 1, 2, …)
        if (equals_one(step) && is_int(start) && small_int(start)) {
            start = value::integer(*small_int(start));
            step = value::integer(1);
        }
        it->current = start;
        it->step = step;
        return made();
    }
    case itertools_kind::repeat: {
        auto a = bind(name, args, kwargs, {"object", "times"}, 2, 1);
        it->current = a[0];
        if (!a[1].is_unbound()) it->remaining = std::max<std::int64_t>(0, ssize_arg(a[1]));
        return made();
    }
    case itertools_kind::cycle:
    case itertools_kind::pairwise:
        no_keywords(name, kwargs);
        expect_count(name, args, 1, 1);
        it->source = make_iterator(args[0]);
        it->current = value::unbound();
        return made();
    case itertools_kind::accumulate: {
        auto a = bind(name, args, kwargs, {"iterable", "func", "initial"}, 2, 1);
        it->source = make_iterator(a[0]);
        if (!a[1].is_unbound() && !a[1].is(value_kind::none)) it->function = a[1];
        it->step = a[2].is_unbound() || a[2].is(value_kind::none) ? value::unbound() : a[2];
        it->current = value::unbound();
        return made();
    }
    case itertools_kind::chain:
        no_keywords(name, kwargs);
        it->source = make_iterator(value::tuple(std::move(args)));
        it->current = value::unbound();
        return made();
    case itertools_kind::compress: {
        auto a = bind(name, args, kwargs, {"data", "selectors"}, 2, 2);
        it->source = make_iterator(a[0]);
        it->current = make_iterator(a[1]);
        return made();
    }
    case itertools_kind::dropwhile:
    case itertools_kind::takewhile:
    case itertools_kind::filterfalse:
    case itertools_kind::starmap:
        no_keywords(name, kwargs);
        expect_count(name, args, 2, 2);
        it->function = args[0];
        it->source = make_iterator(args[1]);
        return made();
    case itertools_kind::islice: {
        no_keywords(name, kwargs);
        expect_count(name, args, 2, 4);
        const char* stop_error = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        std::int64_t start = 0, stop = -1, step = 1;
        if (args.size() == 2) {
            if (!args[1].is(value_kind::none)) {
                auto s = index_of(args[1]);
                if (!s || *s == -1) raise_error("ValueError", stop_error);
                stop = *s;
            }
        } else {
            if (!args[1].is(value_kind::none)) start = index_of(args[1]).value_or(-1);
            if (!args[2].is(value_kind::none)) {
                auto s = index_of(args[2]);
                if (!s || *s == -1) raise_error("ValueError", stop_error);
                stop = *s;
            }
        }
        if (start < 0 || stop < -1) raise_error("ValueError", "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        if (args.size() == 4 && !args[3].is(value_kind::none)) step = index_of(args[3]).value_or(-1);
        if (step < 1) raise_error("ValueError", "Step for islice() must be a positive integer or None.");
        it->source = make_iterator(args[0]);
        it->next_index = start;
        it->stop = stop;
        it->skip = step;
        return made();
    }
    case itertools_kind::zip_longest: {
        value fill = value::none();
        for (auto& [key, v] : kwargs) {
            if (key != "fillvalue") raise_error("TypeError", "zip_longest() got an unexpected keyword argument");
            fill = v;
        }
        for (const auto& a : args) it->inners.push_back(make_iterator(a));
        it->remaining = static_cast<std::int64_t>(it->inners.size());
        it->current = fill;
        return made();
    }
    case itertools_kind::product: {
        std::int64_t repeat = 1;
        for (auto& [key, v] : kwargs) {
            if (key != "repeat") raise_error("TypeError", "'" + key + "' is an invalid keyword argument for product()");
            repeat = ssize_arg(v);
            if (repeat < 0) raise_error("ValueError", "repeat argument cannot be negative");
        }
        std::vector<std::vector<value>> pools;
        for (const auto& a : args) pools.push_back(to_vector(a));
        const auto wanted = static_cast<std::uint64_t>(repeat) * pools.size();
        if (repeat > 0 && wanted / static_cast<std::uint64_t>(repeat) != pools.size()) raise_error("OverflowError", "repeat argument too large");
        check_length(wanted);
        for (std::int64_t t = 0; t < (pools.empty() ? 0 : repeat); ++t)
            for (const auto& pool : pools) {
                charge_work(pool.size());
                it->pool_sizes.push_back(pool.size());
                check_growth(it->saved, pool.size());
                it->saved.insert(it->saved.end(), pool.begin(), pool.end());
            }
        it->indices.assign(it->pool_sizes.size(), 0);
        it->r = it->pool_sizes.size();
        return made();
    }
    case itertools_kind::groupby: {
        // groupby(iterable, key=None): the key function is called only as items are drawn. Its state is
        // an object of its own, shared with the groupers it gives.
        auto a = bind(name, args, kwargs, {"iterable", "key"}, 2, 1);
        auto state = make_ref<itertools_object>();
        state->kind = iterator_kind::itertools;
        state->what = itertools_kind::groupby;
        state->source = make_iterator(a[0]);
        state->function = a[1].is_unbound() ? value::none() : a[1];
        state->current = value::unbound();
        state->step = value::unbound();
        state->saved.assign(1, value::unbound());
        remember_container(state);
        it->inners.push_back(value::of(value_kind::iterator, state));
        return made();
    }
    case itertools_kind::grouper:
    case itertools_kind::tee:
    case itertools_kind::tee_data: break;
    case itertools_kind::permutations:
    case itertools_kind::combinations:
    case itertools_kind::combinations_with_replacement: {
        const bool perm = it->what == itertools_kind::permutations;
        auto a = bind(name, args, kwargs, {"iterable", "r"}, 2, perm ? 1 : 2);
        it->saved = to_vector(a[0]);
        const std::size_t n = it->saved.size();
        std::int64_t r = static_cast<std::int64_t>(n);
        if (perm && !a[1].is_unbound() && !a[1].is(value_kind::none)) {
            if (a[1].is(value_kind::instance)) raise_unsupported("an object of a program's class as r of itertools.permutations");
            if (!is_int(a[1])) raise_error("TypeError", "Expected int as r");
            auto x = small_int(a[1]);
            if (!x) raise_error("OverflowError", "Python int too large to convert to C ssize_t");
            r = *x;
        } else if (!perm) {
            r = ssize_arg(a[1]);
        }
        if (r < 0) raise_error("ValueError", "r must be non-negative");
        it->r = static_cast<std::size_t>(r);
        check_length(it->r);
        if (it->what == itertools_kind::combinations_with_replacement) {
            it->stopped = n == 0 && r > 0;
            it->indices.assign(it->r, 0);
        } else {
            it->stopped = it->r > n;
            it->indices.resize(perm ? n : it->r);
            for (std::size_t j = 0; j < it->indices.size(); ++j) it->indices[j] = j;
            if (perm && !it->stopped)
                for (std::size_t j = 0; j < it->r; ++j) it->cycles.push_back(n - j);
        }
        return made();
    }
    }
    raise_unsupported("itertools." + name);
}

value runtime::new_tee_link(const value& source)
{
    auto link = make_ref<itertools_object>();
    link->kind = iterator_kind::itertools;
    link->what = itertools_kind::tee_data;
    link->source = source;
    link->current = value::unbound();
    link->stopped = false;
    link->saved.reserve(tee_link_cells);
    remember_container(link);
    return value::of(value_kind::iterator, link);
}

// tee(iterable, n=2, /): n iterators over one; the iterable's own iterator first when it is a _tee
// (tee's __copy__ makes the others), else a new _tee over it
value runtime::make_tees(std::vector<value>& args, keywords& kwargs)
{
    no_keywords("itertools.tee", kwargs);
    expect_count("tee", args, 1, 2);
    const std::int64_t n = args.size() == 2 ? ssize_arg(args[1]) : 2;
    if (n < 0) raise_error("ValueError", "n must be >= 0");
    value it = make_iterator(args[0]);
    if (n == 0) return value::tuple(std::vector<value>{});
    check_items(static_cast<std::size_t>(n));
    charge_work(static_cast<std::size_t>(n));
    auto copy_of = [&](const itertools_object& from) {
        auto t = make_ref<itertools_object>();
        t->kind = iterator_kind::itertools;
        t->what = itertools_kind::tee;
        t->inners.push_back(from.inners.at(0));
        t->next_index = from.next_index;
        remember_container(t);
        return value::of(value_kind::iterator, t);
    };
    value first = it;
    const bool a_tee = it.is(value_kind::iterator) && it.as<iterator_object>().kind == iterator_kind::itertools &&
                       static_cast<const itertools_object&>(it.as<iterator_object>()).what == itertools_kind::tee &&
                       !it.as<iterator_object>().done;
    if (!a_tee) {
        auto t = make_ref<itertools_object>();
        t->kind = iterator_kind::itertools;
        t->what = itertools_kind::tee;
        t->inners.push_back(new_tee_link(it));
        t->next_index = 0;
        remember_container(t);
        first = value::of(value_kind::iterator, t);
    }
    std::vector<value> out{first};
    const auto& model = static_cast<const itertools_object&>(first.as<iterator_object>());
    for (std::int64_t k = 1; k < n; ++k) out.push_back(copy_of(model));
    return value::tuple(std::move(out));
}

value runtime::next_of_itertools(itertools_object& it, bool& exhausted)
{
    auto draw = [&](value& from, bool& done) { return iterate_next(from, done); };
    auto pick = [&] {
        // The result of the combinatorics: the pool's items at the indices.
        charge_work(it.r);
        std::vector<value> row;
        row.reserve(it.r);
        for (std::size_t j = 0; j < it.r; ++j) row.push_back(it.saved[it.indices[j]]);
        return value::tuple(std::move(row));
    };
    // groupby_step: the next item and its key become the groupby's current ones (false: none left)
    auto groupby_step = [&](itertools_object& g) {
        bool done = false;
        value item = draw(g.source, done);
        if (done) return false;
        value key = g.function.is(value_kind::none) ? item : call_sync(g.function, {item});
        g.saved.resize(1);
        g.saved[0] = std::move(item);
        g.step = std::move(key);
        return true;
    };
    // PyObject_RichCompareBool(a, b, Py_EQ): the same object is equal. A float has no identity in the
    // engine: two NaN keys (equal in CPython only when they are one object) are refused.
    auto same_key = [&](const value& a, const value& b) {
        if (a.is(value_kind::floating) && b.is(value_kind::floating) && std::isnan(a.f) && std::isnan(b.f))
            raise_unsupported("itertools.groupby comparing two NaN keys (CPython: equal only when they are one object)");
        return (a.obj && a.obj == b.obj) || equals(a, b);
    };
    switch (it.what) {
    case itertools_kind::groupby: {
        // groupby_next: the current grouper is let go; items are skipped to the next key
        auto& g = static_cast<itertools_object&>(it.inners.at(0).as<iterator_object>());
        g.next_index = 0;
        for (;;) {
            if (g.step.is_unbound()) {
                // no current key: draw one
            } else if (g.current.is_unbound()) {
                break;
            } else if (!same_key(g.current, g.step)) {
                break;
            }
            if (!groupby_step(g)) {
                exhausted = true;
                return {};
            }
        }
        g.current = g.step;
        auto grouper = make_ref<itertools_object>();
        grouper->kind = iterator_kind::itertools;
        grouper->what = itertools_kind::grouper;
        grouper->inners.push_back(it.inners[0]);
        grouper->current = g.current;
        grouper->next_index = ++g.drawn;
        g.next_index = grouper->next_index;
        remember_container(grouper);
        return value::tuple({g.step, value::of(value_kind::iterator, grouper)});
    }
    case itertools_kind::tee: {
        // tee_next: past a link's last cell, on to the next link (made now if this copy leads)
        if (it.next_index >= tee_link_cells) {
            auto& link = static_cast<itertools_object&>(it.inners.at(0).as<iterator_object>());
            if (link.current.is_unbound()) link.current = new_tee_link(link.source);
            it.inners[0] = link.current;
            it.next_index = 0;
        }
        // teedataobject_getitem: an item a copy ahead drew, or the next drawn now
        auto& link = static_cast<itertools_object&>(it.inners.at(0).as<iterator_object>());
        const auto at = static_cast<std::size_t>(it.next_index);
        if (at < link.saved.size()) {
            ++it.next_index;
            return link.saved[at];
        }
        if (link.stopped) raise_error("RuntimeError", "cannot re-enter the tee iterator");
        link.stopped = true;
        bool done = false;
        value item;
        try {
            item = draw(link.source, done);
        } catch (...) {
            link.stopped = false;
            throw;
        }
        link.stopped = false;
        if (done) break;
        link.saved.push_back(item);
        ++it.next_index;
        return item;
    }
    case itertools_kind::tee_data: break;
    case itertools_kind::grouper: {
        // _grouper_next: only the groupby's current grouper gives items, while their key is its own
        auto& g = static_cast<itertools_object&>(it.inners.at(0).as<iterator_object>());
        if (g.next_index != it.next_index) break;
        if ((g.saved.empty() || g.saved[0].is_unbound()) && !groupby_step(g)) break;
        if (!same_key(it.current, g.step)) break;
        value item = std::move(g.saved[0]);
        g.saved[0] = value::unbound();
        g.step = value::unbound();
        return item;
    }
    case itertools_kind::count: {
        value out = it.current;
        it.current = binary(static_cast<std::int32_t>(binary_op::add), it.current, it.step);
        return out;
    }
    case itertools_kind::repeat:
        if (it.remaining == 0) break;
        if (it.remaining > 0) --it.remaining;
        return it.current;
    case itertools_kind::cycle: {
        if (it.first) {
            bool done = false;
            value item = draw(it.source, done);
            if (!done) {
                check_growth(it.saved, 1);  // the memory bound asked before the buffer grows
                it.saved.push_back(item);
                return item;
            }
            it.first = false;
            it.source = value{};
            it.next_index = 0;
        }
        if (it.saved.empty()) break;
        if (static_cast<std::size_t>(it.next_index) >= it.saved.size()) it.next_index = 0;
        charge_work(16);
        return it.saved[static_cast<std::size_t>(it.next_index++)];
    }
    case itertools_kind::accumulate: {
        if (!it.step.is_unbound()) {
            it.current = std::move(it.step);
            it.step = value::unbound();
            return it.current;
        }
        bool done = false;
        value item = draw(it.source, done);
        if (done) break;
        if (it.current.is_unbound()) it.current = std::move(item);
        else if (it.function.obj) it.current = call_sync(it.function, {it.current, std::move(item)});
        else it.current = binary(static_cast<std::int32_t>(binary_op::add), it.current, item);
        return it.current;
    }
    case itertools_kind::chain:
        for (;;) {
            if (it.current.is_unbound()) {
                if (!it.source.obj) break;
                bool done = false;
                value next_iterable = draw(it.source, done);
                if (done) {
                    it.source = value{};
                    break;
                }
                it.current = make_iterator(next_iterable);
            }
            bool done = false;
            value item = draw(it.current, done);
            if (!done) return item;
            it.current = value::unbound();
        }
        break;
    case itertools_kind::compress:
        for (;;) {
            bool done = false;
            value datum = draw(it.source, done);
            if (done) break;
            value selector = draw(it.current, done);
            if (done) break;
            if (truthy(selector)) return datum;
        }
        break;
    case itertools_kind::dropwhile:
        for (;;) {
            bool done = false;
            value item = draw(it.source, done);
            if (done) break;
            if (it.stopped) return item;
            if (!truthy(call_sync(it.function, {item}))) {
                it.stopped = true;
                return item;
            }
        }
        break;
    case itertools_kind::takewhile: {
        if (it.stopped) break;
        bool done = false;
        value item = draw(it.source, done);
        if (done) break;
        if (truthy(call_sync(it.function, {item}))) return item;
        it.stopped = true;
        break;
    }
    case itertools_kind::filterfalse:
        for (;;) {
            bool done = false;
            value item = draw(it.source, done);
            if (done) break;
            const bool keep = it.function.is(value_kind::none) ? truthy(item) : truthy(call_sync(it.function, {item}));
            if (!keep) return item;
        }
        break;
    case itertools_kind::islice: {
        if (!it.source.obj) break;
        bool done = false;
        while (it.drawn < it.next_index) {
            (void)draw(it.source, done);
            if (done) break;
            ++it.drawn;
        }
        if (done || (it.stop != -1 && it.drawn >= it.stop)) break;
        value item = draw(it.source, done);
        if (done) break;
        ++it.drawn;
        const std::int64_t old = it.next_index;
        it.next_index = static_cast<std::int64_t>(static_cast<std::uint64_t>(it.next_index) + static_cast<std::uint64_t>(it.skip));
        if (it.next_index < old || (it.stop != -1 && it.next_index > it.stop)) it.next_index = it.stop;
        return item;
    }
    case itertools_kind::starmap: {
        bool done = false;
        value item = draw(it.source, done);
        if (done) break;
        std::vector<value> call_args = item.is(value_kind::tuple) ? item.as<sequence_object>().items : to_vector(item);
        return call_sync(it.function, std::move(call_args));
    }
    case itertools_kind::zip_longest: {
        if (it.inners.empty() || it.remaining == 0) break;
        std::vector<value> row;
        row.reserve(it.inners.size());
        for (auto& inner : it.inners) {
            if (!inner.obj) {
                row.push_back(it.current);
                continue;
            }
            bool done = false;
            value item = draw(inner, done);
            if (done) {
                if (--it.remaining == 0) {
                    it.inners.clear();
                    exhausted = true;
                    return {};
                }
                inner = value{};
                row.push_back(it.current);
            } else {
                row.push_back(std::move(item));
            }
        }
        return value::tuple(std::move(row));
    }
    case itertools_kind::pairwise: {
        if (!it.source.obj) break;
        bool done = false;
        if (it.current.is_unbound()) {
            it.current = draw(it.source, done);
            if (done) {
                it.current = value::unbound();
                break;
            }
        }
        value item = draw(it.source, done);
        if (done) {
            it.current = value::unbound();
            break;
        }
        value pair = value::tuple({std::move(it.current), item});
        it.current = std::move(item);
        return pair;
    }
    case itertools_kind::product: {
        if (it.stopped) break;
        // The offset of each pool in `saved`.
        auto row = [&] {
            charge_work(it.r);
            std::vector<value> out;
            out.reserve(it.r);
            std::size_t offset = 0;
            for (std::size_t j = 0; j < it.r; ++j) {
                out.push_back(it.saved[offset + it.indices[j]]);
                offset += it.pool_sizes[j];
            }
            return value::tuple(std::move(out));
        };
        if (it.first) {
            it.first = false;
            for (std::size_t size : it.pool_sizes)
                if (size == 0) {
                    it.stopped = true;
                    exhausted = true;
                    return {};
                }
            return row();
        }
        // The odometer: the rightmost index that can move on moves, those after it go back to 0.
        std::size_t j = it.r;
        while (j > 0) {
            --j;
            charge_work(1);
            if (++it.indices[j] < it.pool_sizes[j]) return row();
            it.indices[j] = 0;
        }
        it.stopped = true;
        break;
    }
    case itertools_kind::permutations: {
        if (it.stopped) break;
        const std::size_t n = it.saved.size();
        if (it.first) {
            it.first = false;
            return pick();
        }
        if (n == 0) {
            it.stopped = true;
            break;
        }
        // Decrement the rightmost cycle, moving leftward upon zero rollover (itertoolsmodule.c).
        std::size_t i = it.r;
        while (i > 0) {
            --i;
            if (--it.cycles[i] == 0) {
                charge_work(n - i);
                const std::size_t index = it.indices[i];
                for (std::size_t j = i; j + 1 < n; ++j) it.indices[j] = it.indices[j + 1];
                it.indices[n - 1] = index;
                it.cycles[i] = n - i;
            } else {
                const std::size_t j = it.cycles[i];
                std::swap(it.indices[i], it.indices[n - j]);
                return pick();
            }
        }
        it.stopped = true;
        break;
    }
    case itertools_kind::combinations: {
        if (it.stopped) break;
        const std::size_t n = it.saved.size();
        if (it.first) {
            it.first = false;
            return pick();
        }
        // The rightmost index not at its maximum (i + n - r) moves on; those after it follow it.
        std::size_t i = it.r;
        while (i > 0 && it.indices[i - 1] == i - 1 + n - it.r) {
            charge_work(1);
            --i;
        }
        if (i == 0) {
            it.stopped = true;
            break;
        }
        --i;
        ++it.indices[i];
        for (std::size_t j = i + 1; j < it.r; ++j) it.indices[j] = it.indices[j - 1] + 1;
        return pick();
    }
    case itertools_kind::combinations_with_replacement: {
        if (it.stopped) break;
        const std::size_t n = it.saved.size();
        if (it.first) {
            it.first = false;
            return pick();
        }
        std::size_t i = it.r;
        while (i > 0 && it.indices[i - 1] == n - 1) {
            charge_work(1);
            --i;
        }
        if (i == 0) {
            it.stopped = true;
            break;
        }
        --i;
        const std::size_t index = it.indices[i] + 1;
        for (std::size_t j = i; j < it.r; ++j) it.indices[j] = index;
        return pick();
    }
    }
    exhausted = true;
    return {};
}

} // namespace loopscope::engine
