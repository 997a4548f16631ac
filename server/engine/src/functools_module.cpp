// The functools module, as much of it as the engine models: partial (a value of its own kind, called
// through call_value like any callable), reduce, wraps and update_wrapper, with CPython 3.11's errors.
// lru_cache and the rest are refused by name.
#include "functools_module.hpp"

#include "classes.hpp"
#include "code.hpp"
#include "runtime.hpp"

#include <algorithm>

namespace loopscope::engine {

bool functools_has(std::string_view name)
{
    return name == "partial" || name == "reduce" || name == "wraps" || name == "update_wrapper" || name == "WRAPPER_ASSIGNMENTS" ||
           name == "WRAPPER_UPDATES";
}

value functools_constant(const std::string& name)
{
    if (name == "WRAPPER_UPDATES") return value::tuple({value::string("__dict__")});
    return value::tuple({value::string("__module__"), value::string("__name__"), value::string("__qualname__"), value::string("__doc__"),
                         value::string("__annotations__")});
}

void merge_keywords(std::vector<std::pair<std::string, value>>& into, std::vector<std::pair<std::string, value>>& given)
{
    for (auto& kw : given) {
        auto same = std::find_if(into.begin(), into.end(), [&](const auto& old) { return old.first == kw.first; });
        if (same != into.end()) same->second = std::move(kw.second);
        else into.push_back(std::move(kw));
    }
}

namespace {

// The parameters of a function functools.py defines in Python: a call binds them as that function's
// would (the same TypeErrors, named after it).
std::shared_ptr<function_object> python_signature(const char* name, std::vector<std::string> params, std::vector<value> defaults)
{
    auto code = std::make_shared<code_object>();
    code->name = code->qualname = name;
    code->param_count = params.size();
    code->positional_defaults = defaults.size();
    code->local_names = std::move(params);
    auto fn = std::make_shared<function_object>();
    fn->code = std::move(code);
    fn->defaults = std::move(defaults);
    return fn;
}

} // namespace

// functools.update_wrapper: the wrapped's names copied onto the wrapper, its __dict__ merged, __wrapped__ set
value runtime::update_wrapper(const value& wrapper, const value& wrapped, const value& assigned, const value& updated)
{
    value names = make_iterator(assigned);
    for (;;) {
        bool done = false;
        value attr = iterate_next(names, done);
        if (done) break;
        if (!attr.is(value_kind::string)) raise_error("TypeError", "attribute name must be string, not '" + type_name(attr) + "'");
        const std::string& name = attr.as<string_object>().s;
        // A function's annotations: the engine does not evaluate them, and a program cannot read them
        // (__annotations__ is refused up front), so copying them changes nothing it can see.
        if (name == "__annotations__" && (wrapped.is(value_kind::function) || wrapped.is(value_kind::method))) continue;
        value v;
        try {
            v = load_attribute(wrapped, name);
        } catch (const python_error& e) {
            if (!is_instance_of(e.exc, "AttributeError")) throw;
            continue;
        }
        store_attribute(wrapper, name, std::move(v));
    }
    value dicts = make_iterator(updated);
    for (;;) {
        bool done = false;
        value attr = iterate_next(dicts, done);
        if (done) break;
        if (!attr.is(value_kind::string)) raise_error("TypeError", "attribute name must be string, not '" + type_name(attr) + "'");
        if (attr.as<string_object>().s != "__dict__") raise_unsupported("functools.update_wrapper's updated=" + repr(updated));
        // getattr(wrapper, '__dict__').update(getattr(wrapped, '__dict__', {}))
        attribute_table* into = wrapper.is(value_kind::function) ? &wrapper.as<function_object>().writable_namespace().attributes
                                : wrapper.is(value_kind::instance) && !wrapper.as<instance_object>().cls->is_object ? &wrapper.as<instance_object>().attributes
                                                                                                                      : nullptr;
        if (!into) raise_unsupported("functools.update_wrapper of a " + type_name(wrapper) + " wrapper");
        const attribute_table* from = nullptr;
        if (wrapped.is(value_kind::function)) from = wrapped.as<function_object>().ns ? &wrapped.as<function_object>().ns->attributes : nullptr;
        else if (wrapped.is(value_kind::instance)) from = &wrapped.as<instance_object>().attributes;
        else if (wrapped.is(value_kind::class_type) || wrapped.is(value_kind::method) || wrapped.is(value_kind::partial))
            raise_unsupported("functools.update_wrapper of a wrapped " + type_name(wrapped));
        if (!from) continue;
        charge_work(from->entries.size());
        const auto entries = from->entries;  // the wrapper may be the wrapped
        for (const auto& [key, v] : entries) {
            note_nesting(wrapper, v);
            into->set(key, v);
        }
    }
    store_attribute(wrapper, "__wrapped__", wrapped);
    return wrapper;
}

value runtime::call_functools(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    if (name == "wraps" || name == "update_wrapper") {
        const bool wraps = name == "wraps";
        auto signature = wraps ? python_signature("wraps", {"wrapped", "assigned", "updated"}, {functools_constant("WRAPPER_ASSIGNMENTS"), functools_constant("WRAPPER_UPDATES")})
                               : python_signature("update_wrapper", {"wrapper", "wrapped", "assigned", "updated"},
                                                  {functools_constant("WRAPPER_ASSIGNMENTS"), functools_constant("WRAPPER_UPDATES")});
        std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
        if (!wraps) return update_wrapper(bound[0], bound[1], bound[2], bound[3]);
        // wraps(wrapped, ...) is partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)
        auto p = std::make_shared<partial_object>();
        p->function = load_attribute(import_module("functools"), "update_wrapper");
        p->keywords = {{"wrapped", bound[0]}, {"assigned", bound[1]}, {"updated", bound[2]}};
        return value::of(value_kind::partial, p);
    }
    if (name == "partial") {
        // partial_new
        if (args.empty()) raise_error("TypeError", "type 'partial' takes at least one argument");
        if (!is_callable(args[0])) raise_error("TypeError", "the first argument must be callable");
        auto p = std::make_shared<partial_object>();
        charge_work(args.size() + kwargs.size());
        std::vector<std::pair<std::string, value>> keywords;
        if (args[0].is(value_kind::partial)) {
            // A partial of a partial is one partial: its arguments first, its keywords updated by these
            const auto& inner = args[0].as<partial_object>();
            p->function = inner.function;
            p->args = inner.args;
            keywords = inner.keywords;
            charge_work(inner.args.size() + inner.keywords.size());
        } else {
            p->function = args[0];
        }
        p->args.insert(p->args.end(), args.begin() + 1, args.end());
        check_length(p->args.size());
        merge_keywords(keywords, kwargs);
        p->keywords = std::move(keywords);
        return value::of(value_kind::partial, p);
    }
    // reduce(function, iterable[, initial]): positional only
    if (!kwargs.empty()) raise_error("TypeError", "reduce() takes no keyword arguments");
    if (args.size() < 2) raise_error("TypeError", "reduce expected at least 2 arguments, got " + std::to_string(args.size()));
    if (args.size() > 3) raise_error("TypeError", "reduce expected at most 3 arguments, got " + std::to_string(args.size()));
    value it;
    try {
        it = make_iterator(args[1]);
    } catch (const python_error& e) {
        if (!is_instance_of(e.exc, "TypeError")) throw;
        raise_error("TypeError", "reduce() arg 2 must support iteration");
    }
    value total = args.size() == 3 ? args[2] : value::unbound();
    for (;;) {
        bool done = false;
        value item = iterate_next(it, done);
        if (done) break;
        if (total.is_unbound()) total = std::move(item);
        else total = call_sync(args[0], {std::move(total), std::move(item)});
    }
    if (total.is_unbound()) raise_error("TypeError", "reduce() of empty iterable with no initial value");
    return total;
}

} // namespace loopscope::engine
