// typing's names and the builtin generic aliases (typing_forms.hpp): their reprs, subscription and
// equality as CPython 3.11's typing.py and Objects/genericaliasobject.c give them.
#include "typing_forms.hpp"

#include "functions.hpp"
#include "classes.hpp"
#include "dicts.hpp"
#include "runtime.hpp"

#include <algorithm>
#include <array>
#include <functional>

namespace loopscope::engine {

namespace {

struct typing_name {
    const char* name;
    typing_form::kind what;
    int arity;
};

// What the engine models of typing: each generic with its number of parameters (-1: any)
constexpr std::array<typing_name, 40> typing_names{{
    {"Any", typing_form::kind::plain, 0},
    {"NoReturn", typing_form::kind::plain, 0},
    {"Optional", typing_form::kind::optional, 0},
    {"Union", typing_form::kind::union_, 0},
    {"Literal", typing_form::kind::literal, 0},
    {"ClassVar", typing_form::kind::wrapper, 0},
    {"Final", typing_form::kind::wrapper, 0},
    {"Callable", typing_form::kind::generic, 2},
    {"Tuple", typing_form::kind::generic, -1},
    {"List", typing_form::kind::generic, 1},
    {"Set", typing_form::kind::generic, 1},
    {"FrozenSet", typing_form::kind::generic, 1},
    {"Deque", typing_form::kind::generic, 1},
    {"Type", typing_form::kind::generic, 1},
    {"Counter", typing_form::kind::generic, 1},
    {"Iterable", typing_form::kind::generic, 1},
    {"Iterator", typing_form::kind::generic, 1},
    {"AsyncIterable", typing_form::kind::generic, 1},
    {"AsyncIterator", typing_form::kind::generic, 1},
    {"Awaitable", typing_form::kind::generic, 1},
    {"Sequence", typing_form::kind::generic, 1},
    {"MutableSequence", typing_form::kind::generic, 1},
    {"Collection", typing_form::kind::generic, 1},
    {"Container", typing_form::kind::generic, 1},
    {"Reversible", typing_form::kind::generic, 1},
    {"AbstractSet", typing_form::kind::generic, 1},
    {"MutableSet", typing_form::kind::generic, 1},
    {"KeysView", typing_form::kind::generic, 1},
    {"ValuesView", typing_form::kind::generic, 1},
    {"Dict", typing_form::kind::generic, 2},
    {"DefaultDict", typing_form::kind::generic, 2},
    {"OrderedDict", typing_form::kind::generic, 2},
    {"ChainMap", typing_form::kind::generic, 2},
    {"Mapping", typing_form::kind::generic, 2},
    {"MutableMapping", typing_form::kind::generic, 2},
    {"ItemsView", typing_form::kind::generic, 2},
    {"AsyncGenerator", typing_form::kind::generic, 2},
    {"Coroutine", typing_form::kind::generic, 3},
    {"Generator", typing_form::kind::generic, 3},
    {"TYPE_CHECKING", typing_form::kind::plain, 0},
}};

const typing_name* find_typing_name(std::string_view name)
{
    for (const auto& n : typing_names)
        if (name == n.name) return &n;
    return nullptr;
}

value make_form(typing_form::kind what, std::string name, int arity = 0)
{
    auto f = make_ref<typing_form>();
    f->what = what;
    f->name = std::move(name);
    f->arity = arity;
    return value::of(value_kind::typing_form, f);
}

const typing_form& form_of(const value& v) { return v.as<typing_form>(); }

bool is_form(const value& v, typing_form::kind what) { return v.is(value_kind::typing_form) && form_of(v).what == what; }

// typing._type_repr: how a type argument is written inside typing's reprs
std::string type_repr(const value& v)
{
    switch (v.kind) {
    case value_kind::typing_form: return v.as<typing_form>().repr_text();
    case value_kind::builtin:
        if (is_type_builtin(v.as<builtin_object>())) return v.as<builtin_object>().name;
        break;
    case value_kind::class_type: {
        const auto& c = v.as<class_object>();
        return c.module == "builtins" ? c.qualname : c.module + "." + c.qualname;
    }
    case value_kind::exception_type: {
        const auto& t = v.as<exception_type_object>();
        if (t.in_main) return "__main__." + t.qualified;
        return t.qualified;
    }
    case value_kind::ellipsis: return "...";
    case value_kind::function: return v.as<function_object>().code->name;
    default: break;
    }
    return repr(v);
}

// types.GenericAlias's ga_repr_item: a type by its qualified name, `...`, anything else by repr()
std::string alias_item_repr(const value& v)
{
    if (v.is(value_kind::function)) return repr(v);
    return type_repr(v);
}

std::string join(const std::vector<value>& items, std::string (*one)(const value&), std::size_t from = 0)
{
    charge_work(items.size());  // a Literal of 100,000 values is written in one operation
    std::string out;
    for (std::size_t k = from; k < items.size(); ++k) {
        if (k > from) out += ", ";
        out += one(items[k]);
    }
    return out;
}

std::string literal_item_repr(const value& v) { return repr(v); }

// repr() of forms nested in forms recurses in C++ once a level (type_repr, repr_text): bounded at
// about where CPython's recursion limit stops typing's Python-level __repr__ (list[...] 100,000 deep
// would overflow the thread's stack).
thread_local int form_repr_depth = 0;
constexpr int max_form_repr_depth = 990;

struct form_repr_guard {
    form_repr_guard()
    {
        if (form_repr_depth >= max_form_repr_depth)
            raise_error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        ++form_repr_depth;
    }
    ~form_repr_guard() { --form_repr_depth; }
    form_repr_guard(const form_repr_guard&) = delete;
    form_repr_guard& operator=(const form_repr_guard&) = delete;
};

// typing's subscriptions go through functools.lru_cache, which hashes the arguments: a form nested
// about 500 deep (List[List[...]]) fails there with RecursionError in CPython, so it does here.
constexpr int max_typing_nesting = 498;

int nesting_of(const value& v)
{
    if (v.is(value_kind::typing_form)) return v.as<typing_form>().depth;
    if (v.is(value_kind::list) || v.is(value_kind::tuple)) {
        int deepest = 0;
        for (const auto& item : v.as<sequence_object>().items)
            if (item.is(value_kind::typing_form)) deepest = std::max(deepest, item.as<typing_form>().depth);
        return deepest;
    }
    return 0;
}

int nesting_of_args(const std::vector<value>& args)
{
    int deepest = 0;
    for (const auto& a : args) deepest = std::max(deepest, nesting_of(a));
    return deepest + 1;
}

} // namespace

bool typing_has(std::string_view name) { return find_typing_name(name) != nullptr; }

value typing_member(std::string_view name)
{
    const typing_name* n = find_typing_name(name);
    if (!n) return value::unbound();
    if (name == "TYPE_CHECKING") return value::boolean(false);
    return make_form(n->what, n->name, n->arity);
}

std::string typing_form::repr_text() const
{
    form_repr_guard guard;
    switch (what) {
    case kind::builtin_alias: return name + "[" + join(args, alias_item_repr) + "]";
    case kind::forward_ref: return "ForwardRef(" + repr(value::string(name)) + ")";
    case kind::none_type: return "NoneType";
    case kind::union_:
        if (!subscripted) return "typing.Union";
        if (args.size() == 2 && (is_form(args[0], kind::none_type) || is_form(args[1], kind::none_type)))
            return "typing.Optional[" + type_repr(is_form(args[0], kind::none_type) ? args[1] : args[0]) + "]";
        return "typing.Union[" + join(args, type_repr) + "]";
    case kind::literal:
        if (!subscripted) return "typing.Literal";
        return "typing.Literal[" + join(args, literal_item_repr) + "]";
    case kind::generic:
        if (subscripted && name == "Callable") {
            const value& params = args[0];
            std::string text = params.is(value_kind::ellipsis) ? "..." : "[" + join(params.as<sequence_object>().items, type_repr) + "]";
            return "typing.Callable[" + text + ", " + type_repr(args[1]) + "]";
        }
        [[fallthrough]];
    default:
        if (!subscripted) return "typing." + name;
        return "typing." + name + "[" + join(args, type_repr) + "]";
    }
}

namespace {

// typing._type_convert: None is NoneType, a string a forward reference
value type_argument(const value& v)
{
    if (v.is(value_kind::none)) return make_form(typing_form::kind::none_type, "NoneType");
    if (v.is(value_kind::string)) return make_form(typing_form::kind::forward_ref, v.as<string_object>().s);
    if (v.is(value_kind::typing_form) && !form_of(v).subscripted &&
        (form_of(v).what == typing_form::kind::optional || form_of(v).what == typing_form::kind::union_ ||
         form_of(v).what == typing_form::kind::literal || form_of(v).what == typing_form::kind::wrapper))
        raise_unsupported("a plain " + form_of(v).repr_text() + " as a type argument");
    return v;
}

// A bucket for the deduplication of Union's and Literal's members (CPython puts them in a set):
// python_hash for what it hashes, a key of their shape for forms (which it does not hash).
// Members found by hash, as CPython's set finds them: an open-addressing table of (hash, position)
// pairs in one allocation, not a node per member (a Literal of 100,000 values is one operation, and
// a node allocation each held the thread for 30 ms). Every slot looked at is charged, so keys that
// share a hash cost their probes' work.
class member_index {
public:
    explicit member_index(std::size_t members)
    {
        std::size_t capacity = 8;
        while (capacity < 2 * members) capacity *= 2;
        charge_work(capacity / 4);
        slots_.assign(capacity, slot{0, empty});
    }
    // Whether a member of hash `h` is one for which same(position) holds.
    template <typename Same>
    bool contains(std::int64_t h, Same&& same) const
    {
        for (std::size_t at = start(h);; at = (at + 1) & (slots_.size() - 1)) {
            charge_work(1);
            const slot& s = slots_[at];
            if (s.position == empty) return false;
            if (s.hash == h && same(s.position)) return true;
        }
    }
    void insert(std::int64_t h, std::size_t position)
    {
        std::size_t at = start(h);
        while (slots_[at].position != empty) at = (at + 1) & (slots_.size() - 1);
        slots_[at] = slot{h, position};
    }

private:
    static constexpr std::size_t empty = static_cast<std::size_t>(-1);
    struct slot {
        std::int64_t hash;
        std::size_t position;
    };
    std::size_t start(std::int64_t h) const
    {
        // The hash's bits mixed, so that runs of small ints do not fill one run of slots.
        auto x = static_cast<std::uint64_t>(h) * 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(x >> 20) & (slots_.size() - 1);
    }
    std::vector<slot> slots_;
};

std::int64_t bucket_of(const value& v)
{
    if (v.is(value_kind::typing_form)) {
        const auto& f = v.as<typing_form>();
        return static_cast<std::int64_t>(std::hash<std::string>{}(f.name) * 31 + f.args.size() * 7 + static_cast<std::size_t>(f.what));
    }
    return python_hash(v);
}

value subscripted_form(const typing_form& origin, std::vector<value> args)
{
    auto f = make_ref<typing_form>();
    f->what = origin.what == typing_form::kind::optional ? typing_form::kind::union_ : origin.what;
    f->name = origin.what == typing_form::kind::optional ? "Union" : origin.name;
    f->arity = origin.arity;
    f->subscripted = true;
    f->args = std::move(args);
    f->depth = nesting_of_args(f->args);
    if (f->depth > max_typing_nesting)
        raise_error("RecursionError", f->name == "Callable" ? "maximum recursion depth exceeded"
                                                            : "maximum recursion depth exceeded while calling a Python object");
    return value::of(value_kind::typing_form, f);
}

} // namespace

value runtime::typing_subscript(const value& container, const value& index)
{
    const auto& form = form_of(container);
    std::vector<value> items = index.is(value_kind::tuple) ? index.as<sequence_object>().items : std::vector<value>{index};
    charge_work(items.size() * 2);  // copied, then hashed or checked
    if (form.subscripted || form.what == typing_form::kind::builtin_alias)
        raise_unsupported("subscripting " + form.repr_text());  // a generic alias of type variables, which the engine has not
    switch (form.what) {
    case typing_form::kind::plain:
        if (form.name == "Any") raise_error("TypeError", "type 'Any' is not subscriptable");
        raise_error("TypeError", "typing." + form.name + " is not subscriptable");
    case typing_form::kind::forward_ref:
    case typing_form::kind::none_type:
    case typing_form::kind::builtin_alias: break;
    case typing_form::kind::optional: {
        if (items.size() != 1) raise_error("TypeError", "typing.Optional requires a single type. Got " + repr(index) + ".");
        std::vector<value> both{items[0], value::none()};
        return typing_subscript(make_form(typing_form::kind::union_, "Union"), value::tuple(std::move(both)));
    }
    case typing_form::kind::union_: {
        if (index.is(value_kind::tuple) && items.empty()) raise_error("TypeError", "Cannot take a Union of no types.");
        // Flattened (a union inside is its members) and without repeats, in first-seen order; found
        // by hash, as CPython's set finds them (a Union of 100,000 names is not 10**10 comparisons)
        std::vector<value> members;
        std::size_t most = 0;
        for (const auto& item : items) most += is_form(item, typing_form::kind::union_) ? form_of(item).args.size() : 1;
        member_index by_hash{most};
        auto add = [&](const value& v) {
            const std::int64_t h = bucket_of(v);
            if (by_hash.contains(h, [&](std::size_t k) { return equals(members[k], v); })) return;
            by_hash.insert(h, members.size());
            members.push_back(v);
        };
        for (const auto& item : items) {
            const value t = type_argument(item);
            if (is_form(t, typing_form::kind::union_))
                for (const auto& inner : form_of(t).args) add(inner);
            else
                add(t);
        }
        if (members.size() == 1) {
            if (is_form(members[0], typing_form::kind::none_type)) raise_unsupported("Union[None]");  // CPython gives type(None)
            return members[0];
        }
        return subscripted_form(form, std::move(members));
    }
    case typing_form::kind::literal: {
        // typing's _flatten_literal_params: a Literal inside is its values
        std::vector<value> flat;
        for (const auto& item : items) {
            if (is_form(item, typing_form::kind::literal) && form_of(item).subscripted)
                flat.insert(flat.end(), form_of(item).args.begin(), form_of(item).args.end());
            else
                flat.push_back(item);
        }
        charge_work(flat.size());
        // Repeats (the same value of the same type) dropped through a set, as CPython does; when a
        // value is unhashable (Literal[[1], [1]]) CPython's set fails and it keeps them all.
        std::vector<std::int64_t> hashes;
        hashes.reserve(flat.size());
        try {
            for (const auto& item : flat) hashes.push_back(bucket_of(item));
        } catch (const python_error&) {
            return subscripted_form(form, std::move(flat));
        }
        std::vector<value> members;
        member_index by_hash{flat.size()};
        for (std::size_t k = 0; k < flat.size(); ++k) {
            const bool seen = by_hash.contains(hashes[k], [&](std::size_t j) {
                const value& m = members[j];
                return m.kind == flat[k].kind && equals(m, flat[k]);
            });
            if (seen) continue;
            by_hash.insert(hashes[k], members.size());
            members.push_back(flat[k]);
        }
        return subscripted_form(form, std::move(members));
    }
    case typing_form::kind::wrapper:
        if (items.size() != 1 || index.is(value_kind::tuple)) raise_unsupported(form.repr_text() + " of several types");
        return subscripted_form(form, {type_argument(items[0])});
    case typing_form::kind::generic: {
        if (form.name == "Callable") {
            if (items.size() != 2) raise_error("TypeError", "Callable must be used as Callable[[arg, ...], result].");
            value params = items[0];
            if (params.is(value_kind::list)) {
                std::vector<value> converted;
                for (const auto& p : params.as<sequence_object>().items) converted.push_back(type_argument(p));
                params = value::list(std::move(converted));
            } else if (!params.is(value_kind::ellipsis)) {
                raise_unsupported("Callable[...] whose parameters are not a list");
            }
            return subscripted_form(form, {params, type_argument(items[1])});
        }
        if (index.is(value_kind::tuple) && items.empty()) raise_unsupported("typing." + form.name + "[()]");
        if (form.arity >= 0 && static_cast<int>(items.size()) != form.arity)
            raise_error("TypeError", std::string(static_cast<int>(items.size()) > form.arity ? "Too many" : "Too few") + " arguments for typing." +
                                         form.name + "; actual " + std::to_string(items.size()) + ", expected " + std::to_string(form.arity));
        std::vector<value> args;
        for (const auto& item : items) args.push_back(item.is(value_kind::ellipsis) ? item : type_argument(item));
        return subscripted_form(form, std::move(args));
    }
    }
    raise_unsupported("subscripting " + form.repr_text());
}

value runtime::builtin_generic_alias(const std::string& type, const value& index)
{
    auto f = make_ref<typing_form>();
    f->what = typing_form::kind::builtin_alias;
    f->name = type;
    f->subscripted = true;
    f->args = index.is(value_kind::tuple) ? index.as<sequence_object>().items : std::vector<value>{index};
    if (index.is(value_kind::tuple) && f->args.empty()) raise_unsupported(type + "[()]");
    f->depth = nesting_of_args(f->args);  // not cached in CPython: as deep as the program likes
    return value::of(value_kind::typing_form, f);
}

bool runtime::typing_equal(const value& a, const value& b, int depth)
{
    const auto& x = form_of(a);
    const auto& y = form_of(b);
    // Unions and Literals compare as CPython's sets of their members (a Literal's by value and type),
    // found by hash: in any order, and in time proportional to their sizes.
    auto same_members = [&](bool by_type) {
        charge_work(x.args.size() + y.args.size());
        member_index theirs{y.args.size()};
        for (std::size_t k = 0; k < y.args.size(); ++k) theirs.insert(bucket_of(y.args[k]), k);
        for (const auto& m : x.args) {
            const bool found = theirs.contains(bucket_of(m), [&](std::size_t k) {
                const value& n = y.args[k];
                return (!by_type || m.kind == n.kind) && equals(m, n, depth + 1);
            });
            if (!found) return false;
        }
        return true;
    };
    if (x.what == typing_form::kind::literal && x.subscripted && y.what == x.what && y.subscripted) {
        // TypeError for a value that cannot be hashed, whatever the sizes
        for (const auto* side : {&x, &y})
            for (const auto& v : side->args) (void)bucket_of(v);
        return x.args.size() == y.args.size() && same_members(true);
    }
    if (x.what != y.what || x.name != y.name || x.subscripted != y.subscripted || x.args.size() != y.args.size()) return false;
    if (x.what == typing_form::kind::union_) return same_members(false);
    for (std::size_t k = 0; k < x.args.size(); ++k)
        if (!equals(x.args[k], y.args[k], depth + 1)) return false;
    return true;
}

std::string typing_type_name(const typing_form& f)
{
    using k = typing_form::kind;
    switch (f.what) {
    case k::builtin_alias: return "GenericAlias";
    case k::forward_ref: return "ForwardRef";
    case k::none_type: return "type";
    case k::plain: return f.name == "Any" ? "_AnyMeta" : "_SpecialForm";
    case k::generic:
        if (f.name == "Callable") return f.subscripted ? "_CallableGenericAlias" : "_CallableType";
        if (f.name == "Tuple" && !f.subscripted) return "_TupleType";
        return f.subscripted ? "_GenericAlias" : "_SpecialGenericAlias";
    case k::union_: return f.subscripted ? "_UnionGenericAlias" : "_SpecialForm";
    case k::literal: return f.subscripted ? "_LiteralGenericAlias" : "_SpecialForm";
    case k::wrapper: return f.subscripted ? "_GenericAlias" : "_SpecialForm";
    case k::optional: return "_SpecialForm";
    }
    return "_SpecialForm";
}

} // namespace loopscope::engine
