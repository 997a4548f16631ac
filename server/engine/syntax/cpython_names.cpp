#include "cpython_names.hpp"

#include <loopscope/engine/memory.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

namespace {

#include "cpython_names.inc"

struct name_sets {
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> types;
};

const name_sets& sets()
{
    // Built once for the process: not charged to the run that happens to ask first.
    static const name_sets built = [] {
        memory_scope process_wide(nullptr);
        name_sets s;
        for (const auto& t : cpython_types) {
            auto& names = s.types[t.kind];
            std::string_view all = t.names;
            while (!all.empty()) {
                auto space = all.find(' ');
                auto name = all.substr(0, space);
                names.emplace(name);
                all = space == std::string_view::npos ? std::string_view{} : all.substr(space + 1);
            }
        }
        return s;
    }();
    return built;
}

// The builtins' names, and every name of any type or module, sorted: views of the table's text, made
// once for the process without a string each (the up-front name check asks them of every program;
// sets() above, with its set per type, is made only when a type's own names are asked for)
const std::vector<std::string_view>& sorted_builtins()
{
    static const std::vector<std::string_view> names = [] {
        memory_scope process_wide(nullptr);
        std::vector<std::string_view> v(std::begin(cpython_builtins), std::end(cpython_builtins));
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    return names;
}

const std::vector<std::string_view>& sorted_any_type()
{
    static const std::vector<std::string_view> names = [] {
        memory_scope process_wide(nullptr);
        std::vector<std::string_view> v;
        for (const auto& t : cpython_types) {
            std::string_view all = t.names;
            while (!all.empty()) {
                auto space = all.find(' ');
                v.push_back(all.substr(0, space));
                all = space == std::string_view::npos ? std::string_view{} : all.substr(space + 1);
            }
        }
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }();
    return names;
}

} // namespace

cpython_exception_table cpython_exceptions_table()
{
    return {cpython_exceptions, std::size(cpython_exceptions), cpython_exception_aliases, std::size(cpython_exception_aliases)};
}

bool cpython_has_builtin(std::string_view name) { return std::binary_search(sorted_builtins().begin(), sorted_builtins().end(), name); }

bool cpython_type_has(std::string_view kind, std::string_view name)
{
    const auto& types = sets().types;
    auto it = types.find(kind);
    return it != types.end() && it->second.count(name) != 0;
}

std::vector<std::string_view> cpython_dir(std::string_view kind)
{
    std::vector<std::string_view> out;
    const auto& types = sets().types;
    if (auto it = types.find(kind); it != types.end()) out.assign(it->second.begin(), it->second.end());
    return out;
}

std::span<const char* const> cpython_builtins_in_dict_order() { return {std::begin(cpython_builtins_in_order), std::end(cpython_builtins_in_order)}; }

bool cpython_any_type_has(std::string_view name) { return std::binary_search(sorted_any_type().begin(), sorted_any_type().end(), name); }

bool cpython_printable(std::uint32_t code)
{
    if (code < 0x80) return code >= 0x20 && code != 0x7F;
    // The first range that ends at or after `code`: unprintable if it also starts at or before it.
    const auto* end = std::end(cpython_unprintable);
    const auto* at = std::lower_bound(std::begin(cpython_unprintable), end, code,
                                      [](const cpython_code_range& r, std::uint32_t c) { return r.last < c; });
    return at == end || at->first > code;
}

} // namespace loopscope::engine
