// dir(): the names in the calling scope, or an object's attributes, sorted as CPython 3.11 lists them.
// What the engine lists it knows CPython lists the same: the program's own plain classes and their
// instances (their namespaces, the instance's attributes, and what `object` gives every class),
// builtin values and types and exceptions, whose dir() CPython's names table holds (cpython_names.inc,
// made by python3 itself). Anything else (dataclasses, enums, named tuples, asyncio's library classes,
// modules) is refused where it is reached: its namespace here is not CPython's name for name.
#include "dir_builtin.hpp"
#include "classes.hpp"
#include "cpython_names.hpp"
#include "frame.hpp"
#include "functions.hpp"
#include "work_meter.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace loopscope::engine {

namespace {

// What a class statement puts in every class's namespace that the engine keeps elsewhere, and what
// `object` adds (its dir() is the table's "object")
constexpr const char* class_statement_names[] = {"__dict__", "__doc__", "__module__", "__weakref__"};

// The module globals `python3 program.py` has before the first line runs
constexpr const char* module_names[] = {"__annotations__", "__builtins__", "__cached__", "__doc__", "__file__",
                                        "__loader__", "__name__", "__package__", "__spec__"};

// Each name is four steps of work (gathered, sorted, made a str of the list), charged before the names
// are gathered: a namespace of 25,000 names or more (a program's setattr in a loop) ends the run at
// max_operation_steps instead of holding the thread
void charge_names(std::size_t count) { charge_work(64 * count); }

void add_table(std::vector<std::string_view>& names, const attribute_table& table)
{
    charge_names(table.entries.size());
    for (const auto& [name, v] : table.entries)
        if (!v.is_unbound()) names.emplace_back(name);
}

// A class of the program's own whose namespace is CPython's, name for name
bool plain_program_class(const class_object& cls)
{
    for (const class_object* c : cls.mro) {
        if (c->module != "__main__" || c->enumeration || c->named_tuple || c->from_typing_named_tuple || c->exception_base ||
            c->is_dataclass || c->frozen_setattr)
            return false;
    }
    return true;
}

} // namespace

std::vector<std::string_view> dir_names(const value* object, const frame* caller, const std::vector<std::pair<std::string, value>>& globals)
{
    std::vector<std::string_view> names;
    auto finish = [&] {
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        return std::move(names);
    };
    if (!object) {
        // The calling scope: a function's bound variables (its cells and free variables too), or the
        // module's globals
        const frame* f = caller;
        if (!f || f->code->is_module) {
            charge_names(globals.size());
            for (const auto& [name, v] : globals)
                if (!v.is_unbound()) names.emplace_back(name);
            for (const char* n : module_names) names.emplace_back(n);
            return finish();
        }
        if (f->building_class) raise_unsupported("dir() in a class body");
        for (const auto& inline_frame : f->code->inline_frames)
            if (f->pc >= inline_frame.begin && f->pc < inline_frame.end) raise_unsupported("dir() in a comprehension");
        for (std::size_t k = 0; k < f->code->local_names.size() && k < f->locals.size(); ++k) {
            const std::string& name = f->code->local_names[k];
            if (name.empty() || name[0] == '<') continue;  // a comprehension's hidden slot
            const value& v = f->locals[k];
            if (v.is(value_kind::cell) ? !v.as<cell_object>().content.is_unbound() : !v.is_unbound()) names.emplace_back(name);
        }
        for (std::size_t k = 0; k < f->code->free_names.size() && k < f->free.size(); ++k)
            if (!f->free[k].is(value_kind::cell) || !f->free[k].as<cell_object>().content.is_unbound()) names.emplace_back(f->code->free_names[k]);
        return finish();
    }
    const value& v = *object;
    auto from_table = [&](std::string_view kind) {
        const auto listed = cpython_dir(kind);
        if (listed.empty()) return false;
        for (auto n : listed) names.push_back(n);
        return true;
    };
    switch (v.kind) {
    case value_kind::instance:
    case value_kind::class_type: {
        const class_object& cls = v.is(value_kind::instance) ? *v.as<instance_object>().cls : v.as<class_object>();
        if (!plain_program_class(cls))
            raise_unsupported("dir() of " + std::string(v.is(value_kind::instance) ? "an instance of " : "") + "the class " + cls.name);
        if (v.is(value_kind::instance)) add_table(names, v.as<instance_object>().attributes);
        for (const class_object* c : cls.mro) {
            add_table(names, c->attributes);
            if (!c->annotations.empty()) names.emplace_back("__annotations__");
        }
        for (const char* n : class_statement_names) names.emplace_back(n);
        from_table("object");
        return finish();
    }
    case value_kind::module:
        // A module's names differ between 3.11's patch releases and builds (math's __file__, enum's
        // pickle_by_*_name, collections.abc once imported): the names table holds their union
        raise_unsupported("dir() of the module " + v.as<module_object>().name);
    case value_kind::exception:
    case value_kind::exception_type: {
        // The program's exception classes (their bodies' names, and what a class statement adds to a
        // builtin exception's), then the nearest builtin class's, then the instance's own attributes
        const exception_type_object* t =
            v.is(value_kind::exception) ? v.as<exception_object>().type.get() : &v.as<exception_type_object>();
        for (; t && t->in_main; t = t->base.get()) {
            if (t->second_base) raise_unsupported("dir() of a subclass of ExceptionGroup");
            if (t->methods) {
                add_table(names, t->methods->attributes);
                if (!t->methods->annotations.empty()) names.emplace_back("__annotations__");
            }
            names.emplace_back("__module__");
            names.emplace_back("__weakref__");
        }
        if (!t || !from_table("exception " + t->name)) raise_unsupported("dir() of " + type_name(v) + " objects");
        if (v.is(value_kind::exception)) add_table(names, v.as<exception_object>().attributes);
        return finish();
    }
    case value_kind::builtin:
        // int, str, list … as types: dir(int) is dir(1)
        if (is_type_builtin(v.as<builtin_object>()) && from_table(v.as<builtin_object>().name)) return finish();
        break;
    case value_kind::function:
        // A function's own attributes (f.calls = 0) are in its __dict__
        if (v.as<function_object>().ns) add_table(names, v.as<function_object>().ns->attributes);
        break;
    default: break;
    }
    // A named tuple's class adds its fields and methods to tuple's
    if (!named_tuple_of(v) && from_table(cpython_type_key(v))) return finish();
    raise_unsupported("dir() of " + type_name(v) + " objects");
}

} // namespace loopscope::engine
