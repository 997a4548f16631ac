// asyncio's library in Python: the embedded sources, their CPython places, compiled once.
#include "library.hpp"
#include <loopscope/engine/code_cache.hpp>
#include "this_engine_names.hpp"

#include "compiler.hpp"
#include <loopscope/engine/memory.hpp>
#include "parser.hpp"
#include "runtime.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace loopscope::engine {

namespace {

// The sources, embedded at build time (CMake writes library_sources.inc from server/engine/asyncio/library)
struct embedded_source {
    const char* file_name;
    std::string_view text;
};
#include "library_sources.inc"

constexpr std::string_view mark = "#@ ";

// A module's public names (what `asyncio.X` gives from it): the strings of its line `__all__ = (...)`,
// as CPython's modules list theirs, read from the text so that the parser and compiler can ask while the
// library is being compiled
std::vector<std::string> public_names(std::string_view text)
{
    constexpr std::string_view all = "\n__all__ = (";
    const auto at = text.find(all);
    if (at == std::string_view::npos) throw std::logic_error("a library module without its line __all__ = (...)");
    const auto end = text.find(')', at);
    std::vector<std::string> names;
    for (auto q = text.find('\'', at); q < end; q = text.find('\'', q + 1)) {
        const auto close = text.find('\'', q + 1);
        names.emplace_back(text.substr(q + 1, close - q - 1));
        q = close;
    }
    return names;
}

void mark_library(code_object& code, const library_module* module)
{
    code.library = module;
    for (const auto& f : code.functions) mark_library(*f, module);
}

library_module load(const embedded_source& embedded)
{
    library_module m;
    m.source = embedded.text;
    // First line: "#@module NAME FILE"
    const auto first_end = m.source.find('\n');
    const std::string_view header = m.source.substr(0, first_end);
    constexpr std::string_view module_mark = "#@module ";
    if (header.substr(0, module_mark.size()) != module_mark) throw std::logic_error(std::string(embedded.file_name) + ": no #@module line");
    const std::string_view rest = header.substr(module_mark.size());
    const auto space = rest.find(' ');
    m.name = std::string(rest.substr(0, space));
    m.file = std::string(rest.substr(space + 1));
    const std::string directory = m.file.substr(0, m.file.rfind('/') + 1);
    m.places.emplace_back();
    std::size_t begin = 0;
    while (begin <= m.source.size()) {
        auto end = m.source.find('\n', begin);
        if (end == std::string_view::npos) end = m.source.size();
        std::string_view line = m.source.substr(begin, end - begin);
        library_module::place p;
        // The mark is the line's last `#@ ` followed by C, N or FILE:N (the code before it may end in
        // CPython's own comment, which its traceback shows too)
        const auto at = line.rfind(mark);
        std::string_view where = at == std::string_view::npos ? std::string_view{} : line.substr(at + mark.size());
        const auto digits = where.substr(where.find(':') == std::string_view::npos ? 0 : where.find(':') + 1);
        const bool is_mark = where == "C" || (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }));
        if (is_mark) {
            if (where == "C") {
                p.c_code = true;
                m.places.push_back(std::move(p));
                begin = end + 1;
                continue;
            }
            std::string_view code_text = line.substr(0, at);
            while (!code_text.empty() && code_text.back() == ' ') code_text.remove_suffix(1);
            std::size_t indent = 0;
            while (indent < code_text.size() && code_text[indent] == ' ') ++indent;
            p.text = std::string(code_text.substr(indent));
            p.indent = static_cast<std::int32_t>(indent);
            if (auto colon = where.find(':'); colon != std::string_view::npos) {
                p.file = directory + std::string(where.substr(0, colon));
                where = where.substr(colon + 1);
            } else {
                p.file = m.file;
            }
            p.line = std::stoi(std::string(where));
        }
        m.places.push_back(std::move(p));
        begin = end + 1;
    }
    return m;
}

std::vector<library_module>& modules()
{
    // One copy a thread: its constants are values, whose counts are not atomic (ref.hpp)
    thread_local std::vector<library_module> all = [] {
        memory_scope process_wide(nullptr);  // built once a thread, charged to no run
        std::vector<library_module> made;
        made.reserve(std::size(library_sources));
        for (const auto& s : library_sources) made.push_back(load(s));
        for (auto& m : made) {
            auto ast = parse_module(m.source, 200, engine_names_of_this_engine());
            m.code = compile_module(ast, engine_names_of_this_engine());
            mark_library(*m.code, &m);
            m.exported = public_names(m.source);
        }
        return made;
    }();
    return all;
}

// The methods (and properties) the library's classes define: the names of the functions their bodies make
void collect_names(const code_object& code, std::set<std::string>& names, bool class_body)
{
    for (const auto& f : code.functions) {
        if (class_body) names.insert(f->name);
        // A class body's code is a function of the module named as the class, its first line a `class`
        const auto first = f->name.find_first_not_of('_');
        collect_names(*f, names, code.is_module && !f->is_async && first != std::string::npos && f->name[first] >= 'A' && f->name[first] <= 'Z');
    }
}

void collect_used_names(const code_object& code, std::set<std::string>& names)
{
    names.insert(code.names.begin(), code.names.end());
    for (const auto& f : code.functions) collect_used_names(*f, names);
}

} // namespace

const std::vector<library_module>& library_modules() { return modules(); }

void prepare_library() { (void)modules(); }

std::pair<std::string, std::int32_t> cpython_place(const library_module& module, std::int32_t line)
{
    const auto at = static_cast<std::size_t>(line);
    if (line > 0 && at < module.places.size() && !module.places[at].file.empty()) return {module.places[at].file, module.places[at].line};
    return {module.file, 0};
}

namespace {

// A source's module, from its first line "#@module NAME FILE"
std::string_view module_of(std::string_view text)
{
    constexpr std::string_view module_mark = "#@module ";
    const std::string_view rest = text.substr(module_mark.size());
    return rest.substr(0, rest.find(' '));
}

bool in_asyncio(std::string_view module) { return module.substr(0, 8) == "asyncio."; }

// The public names of each module that is not asyncio's (logging), read from the sources' text
const std::map<std::string, std::set<std::string, std::less<>>, std::less<>>& top_module_names()
{
    static const auto names = [] {
        memory_scope process_wide(nullptr);
        std::map<std::string, std::set<std::string, std::less<>>, std::less<>> made;
        for (const auto& s : library_sources) {
            const std::string_view module = module_of(s.text);
            if (in_asyncio(module)) continue;
            auto& mine = made[std::string(module)];
            for (auto& n : public_names(s.text)) mine.insert(std::move(n));
        }
        return made;
    }();
    return names;
}

} // namespace

bool library_exports(std::string_view name)
{
    static const std::set<std::string, std::less<>> exported = [] {
        memory_scope process_wide(nullptr);
        std::set<std::string, std::less<>> names;
        for (const auto& s : library_sources)
            if (in_asyncio(module_of(s.text)))
                for (auto& n : public_names(s.text)) names.insert(std::move(n));
        return names;
    }();
    return exported.count(name) > 0;
}

bool library_has_module(std::string_view module) { return top_module_names().count(module) > 0; }

bool library_module_exports(std::string_view module, std::string_view name)
{
    const auto found = top_module_names().find(module);
    return found != top_module_names().end() && found->second.count(name) > 0;
}

bool library_modules_export(std::string_view name)
{
    for (const auto& [module, names] : top_module_names())
        if (names.count(name)) return true;
    return false;
}

const library_module* library_top_module(std::string_view module)
{
    if (!library_has_module(module)) return nullptr;
    for (const auto& m : modules())
        if (m.name == module) return &m;
    return nullptr;
}

const library_module* library_for_asyncio_name(std::string_view name)
{
    // Read from the sources' text first: a name the library does not give (asyncio.run, asyncio.sleep)
    // does not compile the library
    if (!library_exports(name)) return nullptr;
    for (const auto& m : modules())
        if (in_asyncio(m.name) && std::find(m.exported.begin(), m.exported.end(), name) != m.exported.end()) return &m;
    return nullptr;
}

bool library_defines_attribute(std::string_view name)
{
    static const std::set<std::string> names = [] {
        memory_scope process_wide(nullptr);
        std::set<std::string> all;
        for (const auto& m : modules()) collect_names(*m.code, all, false);
        // logging's objects are plain Python objects: every name its code uses may be one of their
        // attributes (record.filename, handler.formatter)
        for (const auto& m : modules())
            if (!in_asyncio(m.name)) collect_used_names(*m.code, all);
        return all;
    }();
    return names.count(std::string(name)) > 0;
}

// ---- a run's instances of the library's modules ----

attribute_table& runtime::library_namespace(const library_module& module)
{
    if (auto found = library_namespaces_.find(&module); found != library_namespaces_.end()) return *found->second;
    auto& made = *library_namespaces_.emplace(&module, std::make_unique<attribute_table>()).first->second;
    // The module's body defines its classes and functions: it runs to its end inside the operation
    // that first named one of them, as an import would
    auto body = make_ref<function_object>();
    body->code = module.code;
    call_sync(value::of(value_kind::function, body), {});
    return made;
}

value runtime::library_global(const library_module& module, const std::string& name)
{
    if (const value* v = library_namespace(module).find(name)) return *v;
    if (value v = library_private(name); v.obj) return v;
    return load_builtin(name);
}

value runtime::library_global_slow(const code_object& code, std::int32_t index)
{
    const auto k = static_cast<std::size_t>(index);
    const std::string& name = code.names[k];
    code_object::global_cache* cache = k < code.global_caches.size() ? &code.global_caches[k] : nullptr;
    attribute_table& ns = library_namespace(*code.library);  // may run the module's body: a new epoch
    if (const std::size_t at = ns.position(name); at < ns.entries.size()) {
        if (cache) *cache = {globals_epoch_, code_object::global_cache::no_slot, -1, &ns.entries[at].second};
        return ns.entries[at].second;
    }
    // The engine's private helpers are made on each load, as they always were: never cached
    if (value v = library_private(name); v.obj) return v;
    value v = load_builtin(name);
    if (cache)
        if (const std::int32_t position = builtin_position(name); position >= 0) *cache = {globals_epoch_, code_object::global_cache::no_slot, position, nullptr};
    return v;
}

void runtime::library_store_global(const code_object& code, std::int32_t index, value v)
{
    const auto k = static_cast<std::size_t>(index);
    const std::string& name = code.names[k];
    attribute_table& ns = library_namespace(*code.library);
    std::size_t at = ns.position(name);
    if (at == ns.entries.size()) {
        ns.set(name, std::move(v));
        globals_epoch_ = next_globals_epoch();  // every cache that found no such name, or points into the entries, is stale
        at = ns.position(name);
    } else {
        ns.entries[at].second = std::move(v);
    }
    if (k < code.global_caches.size() && at < ns.entries.size()) code.global_caches[k] = {globals_epoch_, code_object::global_cache::no_slot, -1, &ns.entries[at].second};
}

std::optional<value> runtime::library_module_attribute(const std::string& module, const std::string& name)
{
    const library_module* m = library_top_module(module);
    if (!m || !library_module_exports(module, name)) return std::nullopt;
    const value* v = library_namespace(*m).find(name);
    if (!v) return std::nullopt;
    return *v;
}

bool runtime::library_module_imported(const std::string& module) const
{
    const library_module* m = library_top_module(module);
    return m && library_namespaces_.count(m) > 0;
}

value runtime::library_class(std::string_view name)
{
    const library_module* module = library_for_asyncio_name(name);
    if (!module) return value{};
    const value* v = library_namespace(*module).find(std::string(name));
    return v ? *v : value{};
}

} // namespace loopscope::engine
