// Exception groups as CPython 3.11 has them (Objects/exceptions.c, Python/ceval.c): the
// constructor's checks, derive/split/subgroup, and what `except*` does with them — the match of one
// clause (CHECK_EG_MATCH) and the exception left to raise after the last clause
// (PREP_RERAISE_STAR).

#include "classes.hpp"
#include "runtime.hpp"

#include <algorithm>
#include <unordered_set>

namespace loopscope::engine {

// What split() and subgroup() test each exception with (CPython's three matcher kinds)
struct group_matcher {
    enum class kind { by_type, by_predicate, by_leaf } how = kind::by_type;
    value condition;                                // by_type: a type or tuple of types; by_predicate: the callable
    std::unordered_set<const object*> leaves;      // by_leaf: the leaf exceptions to keep
};

namespace {

ref<exception_type_object> base_group_type()
{
    thread_local const auto t = builtin_exception_type("BaseExceptionGroup");
    return t;
}

ref<exception_type_object> group_type()
{
    thread_local const auto t = builtin_exception_type("ExceptionGroup");
    return t;
}

bool is_exception_subclass(const exception_type_object& t)
{
    thread_local const auto exception = builtin_exception_type("Exception");
    return t.is_subclass_of(*exception);
}

} // namespace

// BaseExceptionGroup.__new__(cls, message, exceptions): its checks, in its order, and the class it
// picks (BaseExceptionGroup of Exceptions only is an ExceptionGroup).
void runtime::shape_exception_group(exception_object& e, const std::vector<value>& args)
{
    if (args.size() != 2)
        raise_error("TypeError", "BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(args.size()) + " given)");
    if (!args[0].is(value_kind::string))
        raise_error("TypeError", "BaseExceptionGroup.__new__() argument 1 must be str, not " + type_name(args[0]));
    const value& given = args[1];
    std::vector<value> items;
    switch (given.kind) {
    case value_kind::list:
    case value_kind::tuple:
    case value_kind::string:
    case value_kind::range: items = to_vector(given); break;
    case value_kind::instance: raise_unsupported("an exception group made from a sequence of a program's class");
    default: raise_error("TypeError", "second argument (exceptions) must be a sequence");
    }
    if (items.empty()) raise_error("ValueError", "second argument (exceptions) must be a non-empty sequence");
    bool nested_base_exceptions = false;
    charge_work(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (!items[k].is(value_kind::exception))
            raise_error("ValueError", "Item " + std::to_string(k) + " of second argument (exceptions) is not an exception");
        if (!is_exception_subclass(*items[k].as<exception_object>().type)) nested_base_exceptions = true;
    }
    if (e.type == group_type()) {
        if (nested_base_exceptions) raise_error("TypeError", "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (e.type == base_group_type()) {
        if (!nested_base_exceptions) e.type = group_type();
    } else if (nested_base_exceptions && is_exception_subclass(*e.type)) {
        raise_error("TypeError", "Cannot nest BaseExceptions in '" + e.type->name + "'");
    }
    auto& rare = e.rare_for_writing();
    rare.group_message = args[0];
    rare.group_exceptions = value::tuple(std::move(items));
}

// BaseExceptionGroup(self.message, excs): a plain group, whatever self's class
value runtime::derive_group(const exception_object& self, const value& excs)
{
    auto e = make_ref<exception_object>();
    e->type = base_group_type();
    std::vector<value> args{self.rare->group_message, excs};
    shape_exception_group(*e, args);
    e->args = std::move(args);
    return value::of(value_kind::exception, e);
}

// orig.derive(excs) — a program's own derive() when its class has one — with orig's traceback,
// cause and context (CPython's exceptiongroup_subset; setting the cause also sets
// __suppress_context__, as PyException_SetCause does). Nothing when excs is empty.
value runtime::group_subset(const value& orig, std::vector<value> excs)
{
    if (excs.empty()) return value::none();
    const auto& o = orig.as<exception_object>();
    value list = value::list(std::move(excs));
    value derived;
    if (const value* own = exception_method(*o.type, "derive"); own && own->is(value_kind::function))
        derived = call_sync(*own, {orig, list});
    else
        derived = derive_group(o, list);
    if (!derived.is(value_kind::exception) || !derived.as<exception_object>().is_group())
        raise_error("TypeError", "derive must return an instance of BaseExceptionGroup");
    auto& d = derived.as<exception_object>();
    d.traceback = o.traceback;
    d.context = o.context;
    note_nesting(derived, o.context);
    auto& rare = d.rare_for_writing();
    rare.cause = o.cause();
    note_nesting(derived, rare.cause);
    rare.suppress_context = true;
    return derived;
}

// CPython's exceptiongroup_split_recursive: the part of `exc` that matches and (construct_rest) the
// part that does not, each none when empty; a group is kept whole when it matches itself.
void runtime::split_group(const value& exc, const group_matcher& m, bool construct_rest, value& match, value& rest, int depth)
{
    const auto& e = exc.as<exception_object>();
    charge_work(1);
    bool is_match = false;
    switch (m.how) {
    case group_matcher::kind::by_type: is_match = e.type->matches(m.condition); break;
    case group_matcher::kind::by_predicate: is_match = truthy(call_sync(m.condition, {exc})); break;
    case group_matcher::kind::by_leaf: is_match = !e.is_group() && m.leaves.count(exc.obj.get()) != 0; break;
    }
    match = value::none();
    rest = value::none();
    if (is_match) {
        match = exc;
        return;
    }
    if (!e.is_group()) {
        if (construct_rest) rest = exc;
        return;
    }
    // C++ recursion, one level per nested group: CPython's recursion limit counts it with the frames.
    const std::size_t frames = frames_below_ + (running_ ? running_->frames.size() : 0);
    if (frames + static_cast<std::size_t>(depth) >= config_.max_call_depth)
        raise_error("RecursionError", "maximum recursion depth exceeded in exceptiongroup_split_recursive");
    check_native_stack();
    std::vector<value> matched, others;
    const value items = e.rare->group_exceptions;  // a predicate could not change it, but keep it alive
    for (const auto& item : items.as<sequence_object>().items) {
        value item_match, item_rest;
        split_group(item, m, construct_rest, item_match, item_rest, depth + 1);
        if (!item_match.is(value_kind::none)) matched.push_back(std::move(item_match));
        if (!item_rest.is(value_kind::none)) others.push_back(std::move(item_rest));
    }
    match = group_subset(exc, std::move(matched));
    if (construct_rest) rest = group_subset(exc, std::move(others));
}

value runtime::call_exception_group_method(const std::string& name, const value& self, std::vector<value>& args,
                                           std::vector<std::pair<std::string, value>>& kwargs)
{
    if (!kwargs.empty()) raise_error("TypeError", "BaseExceptionGroup." + name + "() takes no keyword arguments");
    if (args.size() != 1) {
        // derive parses its arguments with PyArg_ParseTuple, split and subgroup with PyArg_UnpackTuple
        if (name == "derive") raise_error("TypeError", "function takes exactly 1 argument (" + std::to_string(args.size()) + " given)");
        raise_error("TypeError", name + " expected 1 argument, got " + std::to_string(args.size()));
    }
    const auto& e = self.as<exception_object>();
    if (name == "derive") return derive_group(e, args[0]);
    group_matcher m;
    const value& condition = args[0];
    auto is_type = [](const value& v) { return v.is(value_kind::exception_type); };
    if (is_type(condition) || (condition.is(value_kind::tuple) && std::all_of(condition.as<sequence_object>().items.begin(),
                                                                              condition.as<sequence_object>().items.end(), is_type))) {
        m.how = group_matcher::kind::by_type;
    } else if (condition.is(value_kind::function) || condition.is(value_kind::method) ||
               (condition.is(value_kind::builtin) && !is_type_builtin(condition.as<builtin_object>()))) {
        m.how = group_matcher::kind::by_predicate;
    } else if (condition.is(value_kind::instance)) {
        raise_unsupported("a program's object as the condition of " + name + "()");
    } else {
        raise_error("TypeError", "expected a function, exception type or tuple of exception types");
    }
    m.condition = condition;
    value match, rest;
    split_group(self, m, name == "split", match, rest, 0);
    if (name == "subgroup") return match;
    return value::tuple({match, rest});
}

// One `except* T` clause (CPython's CHECK_EG_MATCH): what of `rest` the clause handles (none:
// nothing), and `rest` becomes what is left for the next clauses. A naked exception that matches
// is handled wrapped in a new group.
value runtime::except_star_match(value& rest, const value& type)
{
    auto check = [](const value& t) {
        if (!t.is(value_kind::exception_type))
            raise_error("TypeError", "catching classes that do not inherit from BaseException is not allowed");
    };
    if (type.is(value_kind::tuple)) {
        for (const auto& t : type.as<sequence_object>().items) check(t);
    } else {
        check(type);
    }
    auto is_group_type = [](const value& t) { return t.as<exception_type_object>().is_subclass_of(*base_group_type()); };
    bool names_group = false;
    if (type.is(value_kind::tuple)) {
        for (const auto& t : type.as<sequence_object>().items) names_group = names_group || is_group_type(t);
    } else {
        names_group = is_group_type(type);
    }
    if (names_group) raise_error("TypeError", "catching ExceptionGroup with except* is not allowed. Use except instead.");
    if (rest.is(value_kind::none)) return value::none();
    const auto& e = rest.as<exception_object>();
    if (e.type->matches(type)) {
        value match = rest;
        if (!e.is_group()) {
            // _PyExc_CreateExceptionGroup("", (exc,)), with the naked exception's traceback
            auto wrapped = make_ref<exception_object>();
            wrapped->type = base_group_type();
            std::vector<value> args{value::string(""), value::tuple({rest})};
            shape_exception_group(*wrapped, args);
            wrapped->args = std::move(args);
            wrapped->traceback = e.traceback;
            match = value::of(value_kind::exception, wrapped);
        }
        rest = value::none();
        return match;
    }
    if (!e.is_group()) return value::none();
    group_matcher m;
    m.condition = type;
    value match, left;
    split_group(rest, m, true, match, left, 0);
    if (!match.is(value_kind::none)) rest = std::move(left);
    return match;
}

namespace {

// CPython's is_same_exception_metadata: a group reraised by a bare `raise` (or left unhandled) still
// has the original's traceback, cause and context; one raised anew does not.
bool same_metadata(const exception_object& a, const exception_object& b)
{
    auto same_entries = [](const std::vector<traceback_entry>& x, const std::vector<traceback_entry>& y) {
        return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](const traceback_entry& p, const traceback_entry& q) {
                   return p.line == q.line && p.function == q.function && std::string_view(p.file ? p.file : "") == (q.file ? q.file : "");
               });
    };
    return same_entries(a.traceback, b.traceback) && a.cause().obj == b.cause().obj && a.context.obj == b.context.obj;
}

void collect_leaves(const value& exc, std::unordered_set<const object*>& leaves)
{
    std::vector<const value*> todo{&exc};
    while (!todo.empty()) {
        const value* v = todo.back();
        todo.pop_back();
        const auto& e = v->as<exception_object>();
        charge_work(1);
        if (!e.is_group()) {
            leaves.insert(v->obj.get());
            continue;
        }
        for (const auto& item : e.group_items()) todo.push_back(&item);
    }
}

} // namespace

// After the last `except*` clause (CPython's _PyExc_PrepReraiseStar): what to raise, from what the
// clauses raised and what none of them handled (`excs`, none for nothing). Reraised parts keep the
// original's shape; exceptions raised anew become its siblings in a new group.
value runtime::prep_reraise_star(const value& orig, const std::vector<value>& excs)
{
    if (excs.empty()) return value::none();
    const auto& o = orig.as<exception_object>();
    if (!o.is_group()) return excs.front();  // a naked exception: one clause at most ran
    std::vector<value> raised;
    std::vector<const value*> reraised;
    for (const auto& x : excs) {
        if (x.is(value_kind::none)) continue;
        if (same_metadata(x.as<exception_object>(), o)) reraised.push_back(&x);
        else raised.push_back(x);
    }
    group_matcher m;
    m.how = group_matcher::kind::by_leaf;
    for (const value* r : reraised) collect_leaves(*r, m.leaves);
    value kept, unused;
    split_group(orig, m, false, kept, unused, 0);
    if (raised.empty()) return kept;
    if (!kept.is(value_kind::none)) raised.push_back(std::move(kept));
    if (raised.size() == 1) return raised.front();
    auto group = make_ref<exception_object>();
    group->type = base_group_type();
    std::vector<value> args{value::string(""), value::list(std::move(raised))};
    shape_exception_group(*group, args);
    group->args = std::move(args);
    return value::of(value_kind::exception, group);
}

} // namespace loopscope::engine
