// "Did you mean": what CPython 3.11 adds to the last line of an uncaught NameError or AttributeError
// the interpreter raised (its `name` set), looked for when the exception is printed
// (Python/suggestions.c). What asyncio logs goes through the traceback module, which has none in 3.11.

#include "cpython_names.hpp"
#include "runtime.hpp"

#include <algorithm>
#include <set>

namespace loopscope::engine {

namespace {

// What a `python3 prog.py` module's globals hold before its first line runs, in their order.
constexpr const char* module_dunders[] = {"__name__", "__doc__", "__package__", "__loader__", "__spec__",
                                          "__annotations__", "__builtins__", "__file__", "__cached__"};

// A comprehension's variables are hidden slots "<comprehension NAME #k>": NAME.
std::string_view hidden_variable(std::string_view slot)
{
    constexpr std::string_view prefix = "<comprehension ";
    if (slot.substr(0, prefix.size()) != prefix) return {};
    slot.remove_prefix(prefix.size());
    return slot.substr(0, slot.find(' '));
}

// co_varnames of the frame a NameError was raised in: the parameters, then the other local variables
// but those a nested function takes as a cell (CPython keeps them apart, as cellvars). In a
// comprehension, its own frame's: ".0" and its variables.
std::vector<std::string_view> frame_names(const code_object& code, std::int32_t inline_frame)
{
    std::vector<std::string_view> out;
    if (inline_frame >= 0 && static_cast<std::size_t>(inline_frame) < code.inline_frames.size()) {
        const auto& f = code.inline_frames[static_cast<std::size_t>(inline_frame)];
        out.push_back(".0");
        for (auto k = f.locals_begin; k < f.locals_end && static_cast<std::size_t>(k) < code.local_names.size(); ++k)
            if (auto n = hidden_variable(code.local_names[static_cast<std::size_t>(k)]); !n.empty()) out.push_back(n);
        return out;
    }
    if (code.is_module) return out;
    if (code.name == "<genexpr>") {
        // Its argument, the outermost iterator, is ".0"; then its variables
        out.push_back(".0");
        for (const auto& n : code.local_names)
            if (auto v = hidden_variable(n); !v.empty()) out.push_back(v);
        return out;
    }
    const std::size_t params = code.param_count + code.keyword_only + (code.var_positional ? 1 : 0) + (code.var_keyword ? 1 : 0);
    std::vector<bool> cell(code.local_names.size(), false);
    for (const auto& inner : code.functions)
        for (const auto& source : inner->free_sources)
            if (source.from_local && source.index >= 0 && static_cast<std::size_t>(source.index) < cell.size()) cell[static_cast<std::size_t>(source.index)] = true;
    for (std::size_t k = 0; k < code.local_names.size(); ++k) {
        const std::string& n = code.local_names[k];
        if (n.empty() || n[0] == '<' || n[0] == '.') continue;  // the engine's own hidden slots
        if (k >= params && cell[k]) continue;
        out.push_back(n);
    }
    return out;
}

void add_class_names(const class_object& cls, std::set<std::string>& names)
{
    for (const class_object* c : cls.mro) {
        for (const auto& [n, v] : c->attributes.entries) names.insert(n);
        if (!c->is_object) {
            // What type() puts in every class's namespace
            for (const char* n : {"__module__", "__dict__", "__weakref__", "__doc__"}) names.insert(n);
            if (!c->annotations.empty()) names.insert("__annotations__");
            if (c->is_dataclass)
                for (const char* n : {"__dataclass_fields__", "__dataclass_params__", "__match_args__", "__annotations__"}) names.insert(n);
        }
    }
}

void add_kind(std::string_view kind, std::set<std::string>& names)
{
    for (auto n : cpython_dir(kind)) names.emplace(n);
}

} // namespace

std::vector<std::string> runtime::attribute_names(const value& obj) const
{
    std::set<std::string> names;
    switch (obj.kind) {
    case value_kind::module: {
        const std::string& m = obj.as<module_object>().name;
        add_kind(m == "asyncio" ? "module" : "module " + m, names);
        break;
    }
    case value_kind::instance: {
        const auto& inst = obj.as<instance_object>();
        for (const auto& [n, v] : inst.attributes.entries) names.insert(n);
        add_class_names(*inst.cls, names);
        add_kind(inst.cls->enumeration ? "Enum member" : "object", names);
        break;
    }
    case value_kind::builtin:
        // A builtin class (int.from_byte): its instances' names; a function: a builtin function's
        add_kind(is_type_builtin(obj.as<builtin_object>()) ? obj.as<builtin_object>().name : type_name(obj), names);
        break;
    case value_kind::class_type:
        add_class_names(obj.as<class_object>(), names);
        add_kind("object", names);
        break;
    case value_kind::exception: {
        const auto& e = obj.as<exception_object>();
        for (const auto& [n, v] : e.attributes.entries) names.insert(n);
        // The program's classes (with or without a body), then the builtin class they derive from
        const exception_type_object* t = e.type.get();
        for (; t && t->in_main; t = t->base.get()) {
            if (t->methods) add_class_names(*t->methods, names);
            else for (const char* n : {"__module__", "__dict__", "__weakref__", "__doc__"}) names.insert(n);
        }
        if (t) add_kind("exception " + t->name, names);
        break;
    }
    case value_kind::function: {
        const auto& fn = obj.as<function_object>();
        if (fn.ns)
            for (const auto& [n, v] : fn.ns->attributes.entries) names.insert(n);
        add_kind("function", names);
        break;
    }
    case value_kind::loop: add_kind("loop", names); break;
    case value_kind::dict:
        // Counter and defaultdict are dicts here, their own classes in CPython
        add_kind(obj.as<dict_object>().is_counter ? "collections.Counter" : type_name(obj), names);
        break;
    case value_kind::future: add_kind(obj.as<future_object>().is_task() ? "Task" : "Future", names); break;
    default: add_kind(type_name(obj), names); break;
    }
    return {names.begin(), names.end()};
}

std::string runtime::did_you_mean(const exception_object& e) const
{
    const name_lookup* lookup = e.lookup();
    if (!lookup) return {};
    if (lookup->found) return *lookup->found;
    const bool attribute = lookup->attribute;
    // For these two exact types only
    if (e.type.get() != builtin_exception_type(attribute ? "AttributeError" : "NameError").get()) return {};
    if (attribute) {
        const value in = lookup->object_in();
        if (in.is(value_kind::none) && lookup->weak_kind_set()) return {};  // gone since it was caught
        const std::vector<std::string> owned = attribute_names(in);
        const std::vector<std::string_view> candidates(owned.begin(), owned.end());
        return nearest_name(lookup->name, candidates);
    }
    if (!lookup->frame) return {};
    std::vector<std::string_view> locals = frame_names(*lookup->frame, lookup->inline_frame);
    std::vector<std::string_view> globals(std::begin(module_dunders), std::end(module_dunders));
    for (const auto& [n, v] : globals_)
        if (!v.is_unbound()) globals.push_back(n);
    std::vector<std::string_view> builtins;
    for (const char* n : cpython_builtins_in_dict_order()) builtins.push_back(n);
    for (const auto* list : {&locals, &globals, &builtins})
        if (std::string s = nearest_name(lookup->name, *list); !s.empty()) return s;
    return {};
}

} // namespace loopscope::engine
