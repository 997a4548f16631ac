#pragma once

// What CPython 3.11 itself has, so that the engine can keep its rule: a program runs exactly as
// CPython runs it, or is refused before its first line. A name CPython has and the engine does not
// model is unsupported (UnsupportedError, naming it); only a name CPython lacks too is a NameError or
// an AttributeError. The lists come from python3 itself (scripts/cpython_names.py).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace loopscope::engine {

struct cpython_exception {
    const char* name;
    const char* base;  // "" for BaseException
};

struct cpython_type_names {
    const char* kind;   // "list", "Task", "loop", "module" …
    const char* names;  // dir() of such an object, separated by spaces
};

struct cpython_code_range {
    std::uint32_t first, last;
};

// The builtin exception classes, each after its base, and their other names (IOError is OSError).
struct cpython_exception_table {
    const cpython_exception* classes;
    std::size_t class_count;
    const cpython_exception* aliases;
    std::size_t alias_count;
};
cpython_exception_table cpython_exceptions_table();

// Is `name` in CPython's builtins module?
bool cpython_has_builtin(std::string_view name);
// Does an object of kind `kind` (a key of cpython_types, e.g. "list") have attribute `name` in CPython?
bool cpython_type_has(std::string_view kind, std::string_view name);
// dir() of an object of kind `kind`, sorted as dir() sorts it; empty for a kind the table lacks.
std::vector<std::string_view> cpython_dir(std::string_view kind);
// The builtins module's names in its dict's order (where a NameError's suggestion is looked for last).
std::span<const char* const> cpython_builtins_in_dict_order();
// Does any kind of object the engine makes have attribute `name` in CPython?
bool cpython_any_type_has(std::string_view name);
// A special ("dunder") name such as __init__: CPython gives these meaning, so the engine refuses the
// ones it does not model wherever they are defined or set. `__x` alone is a private name, not one.
constexpr bool is_dunder(std::string_view name)
{
    return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}
// Does repr() write code point `code` as itself (str.isprintable()), not escaped?
bool cpython_printable(std::uint32_t code);

} // namespace loopscope::engine
