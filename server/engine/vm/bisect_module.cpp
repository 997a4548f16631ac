// bisect's C functions (CPython's Modules/_bisectmodule.c): bisect_left/bisect_right (bisect),
// insort_left/insort_right (insort), with lo, hi and key=, probing the sequence by its own indexing
// (a list, a tuple, a str, a range, a program's __getitem__) and comparing by `<` in CPython's order;
// Argument Clinic's errors for their arguments.
#include "integers.hpp"
#include "runtime.hpp"

#include <string>
#include <utility>
#include <vector>

namespace loopscope::engine {

namespace {

// A Py_ssize_t argument: an int (or bool), else CPython's TypeError
std::int64_t index_argument(const value& v)
{
    if (!is_int(v)) raise_error("TypeError", "'" + type_name(v) + "' object cannot be interpreted as an integer");
    if (auto n = small_int(v)) return *n;
    raise_error("OverflowError", "Python int too large to convert to C ssize_t");
}

} // namespace

value runtime::call_bisect(const std::string& called, std::vector<value>& args, std::vector<std::pair<std::string, value>>& kwargs)
{
    // bisect and insort are bisect_right and insort_right under another name
    const std::string name = called == "bisect" ? "bisect_right" : called == "insort" ? "insort_right" : called;
    const bool right = name == "bisect_right" || name == "insort_right";
    const bool insort = name.rfind("insort", 0) == 0;
    if (args.size() > 4) raise_error("TypeError", name + "() takes at most 4 positional arguments (" + std::to_string(args.size()) + " given)");
    static const char* const names[] = {"a", "x", "lo", "hi"};
    value slots[4] = {value::unbound(), value::unbound(), value::unbound(), value::unbound()};
    for (std::size_t k = 0; k < args.size(); ++k) slots[k] = args[k];
    value key = value::none();
    for (auto& [keyword, v] : kwargs) {
        std::size_t k = 0;
        while (k < 4 && keyword != names[k]) ++k;
        if (k < 4) {
            if (k < args.size())
                raise_error("TypeError", "argument for " + name + "() given by name ('" + keyword + "') and position (" + std::to_string(k + 1) + ")");
            slots[k] = v;
        } else if (keyword == "key") {
            key = v;
        } else {
            raise_error("TypeError", "'" + keyword + "' is an invalid keyword argument for " + name + "()");
        }
    }
    for (std::size_t k = 0; k < 2; ++k)
        if (slots[k].is_unbound()) raise_error("TypeError", name + "() missing required argument '" + names[k] + "' (pos " + std::to_string(k + 1) + ")");
    const value& a = slots[0];
    const value& x = slots[1];
    const std::int64_t lo_given = slots[2].is_unbound() ? 0 : index_argument(slots[2]);
    std::int64_t hi = -1;
    if (!slots[3].is_unbound() && !slots[3].is(value_kind::none)) {
        if (!is_int(slots[3])) raise_error("TypeError", "argument should be integer or None, not '" + type_name(slots[3]) + "'");
        hi = index_argument(slots[3]);
    }
    if (lo_given < 0) raise_error("ValueError", "lo must be non-negative");
    // insort with a key bisects by key(x)
    const bool keyed = !key.is(value_kind::none);
    const value item = insort && keyed ? call_sync(key, {x}) : x;
    if (hi == -1) {
        const value n = call_sync(load_builtin("len"), {a});
        hi = index_argument(n);
    }
    std::int64_t lo = lo_given;
    while (lo < hi) {
        const std::int64_t mid = static_cast<std::int64_t>((static_cast<std::uint64_t>(lo) + static_cast<std::uint64_t>(hi)) / 2);
        charge_work(16);
        value probe = subscript(a, value::integer(mid));
        if (keyed) probe = call_sync(key, {probe});
        const bool less = right ? truthy(compare(static_cast<std::int32_t>(compare_op::lt), item, probe))
                                : truthy(compare(static_cast<std::int32_t>(compare_op::lt), probe, item));
        if (right == less) hi = mid;
        else lo = mid + 1;
    }
    if (!insort) return value::integer(lo);
    if (a.is(value_kind::list)) {
        auto& items = a.as<sequence_object>().items;
        check_items(items.size() + 1);
        const auto at = static_cast<std::size_t>(std::min<std::int64_t>(lo, static_cast<std::int64_t>(items.size())));
        charge_work(items.size() - at);  // the items after it move up one
        items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), x);
        return value::none();
    }
    call_sync(load_attribute(a, "insert"), {value::integer(lo), x});
    return value::none();
}

} // namespace loopscope::engine
