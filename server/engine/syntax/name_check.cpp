#include "name_check.hpp"

#include "cpython_names.hpp"
#include "syntax_error.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace loopscope::engine {

namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Where `name` stands in the line (1-based column of its first letter; after a dot for an attribute),
// for the caret under it. 0 if it is not there as a whole word.
std::int32_t column_of(const std::string& line, const std::string& name, bool attribute)
{
    for (std::size_t at = line.find(name); at != std::string::npos; at = line.find(name, at + 1)) {
        bool starts = at == 0 || !is_name_char(line[at - 1]);
        bool ends = at + name.size() == line.size() || !is_name_char(line[at + name.size()]);
        if (!starts || !ends) continue;
        if (attribute) {
            auto before = line.find_last_not_of(" \t", at == 0 ? 0 : at - 1);
            if (at == 0 || before == std::string::npos || line[before] != '.') continue;
        }
        return static_cast<std::int32_t>(at + 1);
    }
    return 0;
}

// The globals the program binds, and the attributes it gives its classes and objects (a method, a
// class attribute, self.x): those names are the program's own wherever they are read.
void collect_stored(const code_object& code, std::set<std::string>& stored, std::set<std::string>& attributes)
{
    for (const auto& in : code.instructions) {
        switch (in.op) {
        case opcode::store_global:
        case opcode::delete_global: stored.insert(code.names[static_cast<std::size_t>(in.arg)]); break;
        case opcode::store_name:
        case opcode::delete_name:
        case opcode::store_attr:
        case opcode::delete_attr: attributes.insert(code.names[static_cast<std::size_t>(in.arg)]); break;
        default: break;
        }
    }
    for (const auto& f : code.functions) collect_stored(*f, stored, attributes);
}

void check_code(const code_object& code, const std::set<std::string>& stored, const std::set<std::string>& attributes,
                const std::vector<std::string>& lines, const engine_names& names)
{
    for (const auto& in : code.instructions) {
        // Setting a special attribute (obj.__class__, C.__name__) does more in CPython than storing it
        if (in.op == opcode::store_attr || in.op == opcode::delete_attr) {
            const std::string& name = code.names[static_cast<std::size_t>(in.arg)];
            // Of the special attributes, those a function, a class or an instance keep as plain data (functools.wraps sets them)
            const bool plain = name == "__name__" || name == "__qualname__" || name == "__doc__" || name == "__module__" || name == "__wrapped__";
            if (is_dunder(name) && !plain) {
                std::int32_t column = 0;
                if (in.line >= 1 && static_cast<std::size_t>(in.line) <= lines.size())
                    column = column_of(lines[static_cast<std::size_t>(in.line - 1)], name, true);
                throw syntax_error{"UnsupportedError", "setting the special attribute '" + name + "' is not supported by loopscope", in.line, column};
            }
        }
        // A class body's names are its own, then the module's and the builtins
        const bool global = in.op == opcode::load_global || in.op == opcode::load_name;
        if (!global && in.op != opcode::load_attr && in.op != opcode::load_method) continue;
        const std::string& name = code.names[static_cast<std::size_t>(in.arg)];
        if (in.op == opcode::load_name && attributes.count(name)) continue;
        std::string what;
        if (global && !stored.count(name) && !names.has_builtin(name) && cpython_has_builtin(name))
            what = "the builtin '" + name + "'";
        else if (global && !stored.count(name) && cpython_module_global(name))
            what = "the module global '" + name + "'";
        // (the engine's names asked last: asking about the library's compiles it)
        else if (!global && !attributes.count(name) && cpython_any_type_has(name) && !names.has_attribute(name))
            what = "the attribute '" + name + "'";
        if (what.empty()) continue;
        std::int32_t column = 0;
        if (in.line >= 1 && static_cast<std::size_t>(in.line) <= lines.size())
            column = column_of(lines[static_cast<std::size_t>(in.line - 1)], name, !global);
        throw syntax_error{"UnsupportedError", what + " is not supported by loopscope", in.line, column};
    }
    for (const auto& f : code.functions) check_code(*f, stored, attributes, lines, names);
}

} // namespace

bool cpython_module_global(std::string_view name)
{
    for (const char* global : {"__file__", "__builtins__", "__doc__", "__package__", "__loader__", "__spec__", "__cached__"})
        if (name == global) return true;
    return false;
}

void check_names_up_front(const code_object& module, const std::vector<std::string>& source_lines, const engine_names& names)
{
    std::set<std::string> stored, attributes;
    collect_stored(module, stored, attributes);
    check_code(module, stored, attributes, source_lines, names);
}

} // namespace loopscope::engine
