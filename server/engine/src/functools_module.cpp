// The functools module, as much of it as the engine models: partial (a value of its own kind, called
// through call_value like any callable) and reduce, with CPython 3.11's errors. wraps, lru_cache and
// the rest are refused by name.
#include "functools_module.hpp"

#include "runtime.hpp"

#include <algorithm>

namespace loopscope::engine {

bool functools_has(std::string_view name) { return name == "partial" || name == "reduce"; }

value runtime::call_functools(const std::string& name, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
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
        for (auto& given : kwargs) {
            auto same = std::find_if(keywords.begin(), keywords.end(), [&](const auto& kw) { return kw.first == given.first; });
            if (same != keywords.end()) same->second = std::move(given.second);
            else keywords.push_back(std::move(given));
        }
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
