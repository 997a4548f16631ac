// The functools module, as much of it as the engine models: partial and lru_cache's wrapper (values of
// their own kinds, called through call_value like any callable), reduce, wraps, update_wrapper, cache,
// with CPython 3.11's errors. The rest (cached_property, singledispatch …) is refused by name.
#include "functools_module.hpp"

#include "classes.hpp"
#include "code.hpp"
#include "dicts.hpp"
#include "integers.hpp"
#include "runtime.hpp"

#include <algorithm>

namespace loopscope::engine {

bool functools_has(std::string_view name)
{
    return name == "partial" || name == "reduce" || name == "wraps" || name == "update_wrapper" || name == "WRAPPER_ASSIGNMENTS" ||
           name == "WRAPPER_UPDATES" || name == "lru_cache" || name == "cache";
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

ref<function_object> python_signature(const char* name, std::vector<std::string> params, std::vector<value> defaults)
{
    auto code = std::make_shared<code_object>();
    code->name = code->qualname = name;
    code->param_count = params.size();
    code->positional_defaults = defaults.size();
    code->local_names = std::move(params);
    auto fn = make_ref<function_object>();
    fn->code = std::move(code);
    fn->defaults = std::move(defaults);
    return fn;
}

value runtime::lru_key(const lru_cache_object& cache, const std::vector<value>& args, const std::vector<std::pair<std::string, value>>& kwargs)
{
    // lru_cache_make_key: an exact int or str alone is its own key; otherwise a tuple of the arguments,
    // the keyword mark and the keywords' names and values, then (typed) every argument's type
    if (!cache.typed && kwargs.empty()) {
        if (args.size() == 1 && (args[0].is(value_kind::string) || args[0].is(value_kind::integer))) return args[0];
        charge_work(args.size());
        return value::tuple(args);
    }
    std::vector<value> key = args;
    if (!kwargs.empty()) {
        key.push_back(cache.kwd_mark);
        for (const auto& [name, v] : kwargs) {
            key.push_back(value::string(name));
            key.push_back(v);
        }
    }
    if (cache.typed) {
        const value type = load_global("type");
        for (const auto& a : args) key.push_back(call_sync(type, {a}));
        for (const auto& kw : kwargs) key.push_back(call_sync(type, {kw.second}));
    }
    charge_work(key.size());
    check_length(key.size());
    return value::tuple(std::move(key));
}

std::optional<value> runtime::lru_lookup(lru_cache_object& cache, const value& key)
{
    auto& d = as_dict(cache.cache);
    const std::int64_t hash = python_hash(key);
    const std::int64_t at = d.find(key, hash, dict_equality());
    if (at < 0) {
        ++cache.misses;
        return std::nullopt;
    }
    ++cache.hits;
    value result = d.entries[static_cast<std::size_t>(at)].item;
    if (cache.maxsize > 0) {
        // The most recently used goes last
        value stored_key = d.entries[static_cast<std::size_t>(at)].key;
        d.remove(stored_key, hash, dict_equality());
        d.set(std::move(stored_key), hash, result, dict_equality());
    }
    return result;
}

void runtime::lru_store(lru_cache_object& cache, const value& key, const value& result)
{
    auto& d = as_dict(cache.cache);
    const std::int64_t hash = python_hash(key);
    note_nesting(cache.cache, result);
    if (cache.maxsize < 0) {
        // infinite_lru_cache_wrapper: set, even when the call itself stored it
        d.set(key, hash, result, dict_equality());
        return;
    }
    // bounded_lru_cache_wrapper: a key the call itself stored (recursion) is left as it is
    if (d.find(key, hash, dict_equality()) >= 0) return;
    if (static_cast<std::int64_t>(d.used) >= cache.maxsize) {
        if (cache.hint_compactions != d.compactions || cache.oldest_hint > d.entries.size()) {
            cache.oldest_hint = 0;
            cache.hint_compactions = d.compactions;
        }
        std::size_t k = cache.oldest_hint;
        while (k < d.entries.size() && d.entries[k].key.is_unbound()) ++k;
        charge_work(k - cache.oldest_hint);
        if (k < d.entries.size()) {
            const value oldest = d.entries[k].key;
            d.remove(oldest, d.entries[k].hash, dict_equality());
            cache.oldest_hint = k + 1;
        }
    }
    d.set(key, hash, result, dict_equality());
}

value runtime::make_lru_cache(const value& function, const value& maxsize, bool typed, const char* lambda_name)
{
    // _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo), then update_wrapper
    if (!is_callable(function)) raise_error("TypeError", "the first argument must be callable");
    if (maxsize.is(value_kind::integer) && maxsize.obj) raise_error("OverflowError", "cannot fit 'int' into an index-sized integer");
    auto c = make_ref<lru_cache_object>();
    c->function = function;
    c->maxsize = maxsize.is(value_kind::none) ? -1 : maxsize.i < 0 ? 0 : maxsize.i;
    c->typed = typed;
    c->cache = make_dict();
    auto mark = make_ref<instance_object>();
    mark->cls = object_class();
    c->kwd_mark = value::of(value_kind::instance, mark);
    // wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    value parameters = make_builtin(functools_builtin_id("cache_parameters"), lambda_name,
                                    value::tuple({maxsize, value::boolean(typed), value::string(lambda_name)}));
    parameters.as<builtin_object>().python_function = true;
    c->attributes.set("cache_parameters", std::move(parameters));
    value wrapper = value::of(value_kind::lru_cache, c);
    remember_container(c);  // its cache may hold what holds it
    return update_wrapper(wrapper, function, functools_constant("WRAPPER_ASSIGNMENTS"), functools_constant("WRAPPER_UPDATES"));
}

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
        // A function's annotations (and those an lru_cache wrapper took from its function): the engine
        // does not evaluate them, and a program cannot read them (__annotations__ is refused up front),
        // so copying them changes nothing it can see.
        if (name == "__annotations__" && (wrapped.is(value_kind::function) || wrapped.is(value_kind::method) || wrapped.is(value_kind::lru_cache)))
            continue;
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
        attribute_table* into = wrapper.is(value_kind::function)    ? &wrapper.as<function_object>().writable_namespace().attributes
                                : wrapper.is(value_kind::lru_cache) ? &wrapper.as<lru_cache_object>().attributes
                                : wrapper.is(value_kind::instance) && !wrapper.as<instance_object>().cls->is_object ? &wrapper.as<instance_object>().attributes
                                                                                                                      : nullptr;
        if (!into) raise_unsupported("functools.update_wrapper of a " + type_name(wrapper) + " wrapper");
        const attribute_table* from = nullptr;
        if (wrapped.is(value_kind::function)) from = wrapped.as<function_object>().ns ? &wrapped.as<function_object>().ns->attributes : nullptr;
        else if (wrapped.is(value_kind::instance)) from = &wrapped.as<instance_object>().attributes;
        else if (wrapped.is(value_kind::lru_cache)) from = &wrapped.as<lru_cache_object>().attributes;
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

value runtime::call_functools(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs,
                              const value& self)
{
    if (name == "wraps" || name == "update_wrapper") {
        const bool wraps = name == "wraps";
        auto signature = wraps ? python_signature("wraps", {"wrapped", "assigned", "updated"}, {functools_constant("WRAPPER_ASSIGNMENTS"), functools_constant("WRAPPER_UPDATES")})
                               : python_signature("update_wrapper", {"wrapper", "wrapped", "assigned", "updated"},
                                                  {functools_constant("WRAPPER_ASSIGNMENTS"), functools_constant("WRAPPER_UPDATES")});
        std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
        if (!wraps) return update_wrapper(bound[0], bound[1], bound[2], bound[3]);
        // wraps(wrapped, ...) is partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)
        auto p = make_ref<partial_object>();
        p->function = load_attribute(import_module("functools"), "update_wrapper");
        p->keywords = {{"wrapped", bound[0]}, {"assigned", bound[1]}, {"updated", bound[2]}};
        return value::of(value_kind::partial, p);
    }
    if (name == "lru_cache" || name == "cache") {
        auto signature = name == "cache" ? python_signature("cache", {"user_function"}, {})
                                         : python_signature("lru_cache", {"maxsize", "typed"}, {value::integer(128), value::boolean(false)});
        std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
        if (name == "cache") return make_lru_cache(bound[0], value::none(), false, "lru_cache.<locals>.decorating_function.<locals>.<lambda>");
        value maxsize = bound[0];
        if (maxsize.is(value_kind::boolean)) maxsize = value::integer(maxsize.b ? 1 : 0);
        if (maxsize.is(value_kind::integer)) {
            if (int_is_negative(maxsize)) maxsize = value::integer(0);  // a big positive one overflows in make_lru_cache
        } else if (is_callable(maxsize) && bound[1].is(value_kind::boolean)) {
            // @lru_cache without parentheses: the function itself, maxsize 128
            return make_lru_cache(maxsize, value::integer(128), bound[1].b, "lru_cache.<locals>.<lambda>");
        } else if (!maxsize.is(value_kind::none)) {
            raise_error("TypeError", "Expected first argument to be an integer, a callable, or None");
        }
        value decorating = make_builtin(functools_builtin_id("decorating_function"), "lru_cache.<locals>.decorating_function", value::tuple({maxsize, bound[1]}));
        decorating.as<builtin_object>().python_function = true;
        return decorating;
    }
    if (name == "decorating_function") {
        auto signature = python_signature("decorating_function", {"user_function"}, {});
        signature->code->qualname = "lru_cache.<locals>.decorating_function";
        std::vector<value> bound = bind_arguments(*signature, std::move(args), kwargs);
        const auto& params = self.as<sequence_object>().items;
        return make_lru_cache(bound[0], params[0], truthy(params[1]), "lru_cache.<locals>.decorating_function.<locals>.<lambda>");
    }
    if (name == "cache_parameters") {
        // Its qualname is the lambda's where lru_cache made it (decorating_function's for lru_cache(...))
        const auto& params = self.as<sequence_object>().items;
        auto signature = python_signature("<lambda>", {}, {});
        signature->code->qualname = params[2].as<string_object>().s;
        bind_arguments(*signature, std::move(args), kwargs);
        value d = make_dict();
        store_subscript(d, value::string("maxsize"), params[0]);
        store_subscript(d, value::string("typed"), params[1]);
        return d;
    }
    if (name == "cache_clear" || name == "cache_info") {
        // METH_NOARGS: keywords are refused first
        if (!kwargs.empty()) raise_error("TypeError", "_lru_cache_wrapper." + name + "() takes no keyword arguments");
        if (!args.empty()) raise_error("TypeError", "_lru_cache_wrapper." + name + "() takes no arguments (" + std::to_string(args.size()) + " given)");
    }
    if (name == "cache_info") {
        // _CacheInfo(hits, misses, maxsize, currsize): functools.py's namedtuple("CacheInfo", ...), made once per run;
        // maxsize None for an unbounded cache
        if (!lru_cache_info_class_.obj) {
            std::vector<value> class_args{value::string("CacheInfo"),
                                          value::list({value::string("hits"), value::string("misses"), value::string("maxsize"), value::string("currsize")})};
            std::vector<std::pair<std::string, value>> class_kwargs{{"module", value::string("functools")}};
            lru_cache_info_class_ = new_named_tuple_class(class_args, class_kwargs);
        }
        const auto& c = self.as<lru_cache_object>();
        return make_named_tuple(static_ref_cast<class_object>(lru_cache_info_class_.obj),
                                {value::integer(c.hits), value::integer(c.misses), c.maxsize < 0 ? value::none() : value::integer(c.maxsize),
                                 value::integer(static_cast<std::int64_t>(as_dict(c.cache).used))});
    }
    if (name == "cache_clear") {
        // lru_cache_cache_clear: the same dict emptied (its compactions move on, so the eviction hint
        // into it starts again from its first entry)
        auto& c = self.as<lru_cache_object>();
        c.hits = c.misses = 0;
        as_dict(c.cache).clear();
        return value::none();
    }
    if (name == "partial") {
        // partial_new
        if (args.empty()) raise_error("TypeError", "type 'partial' takes at least one argument");
        if (!is_callable(args[0])) raise_error("TypeError", "the first argument must be callable");
        auto p = make_ref<partial_object>();
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
