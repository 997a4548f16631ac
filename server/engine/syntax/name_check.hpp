#pragma once

#include "code.hpp"
#include "engine_names.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace loopscope::engine {

// Before the first line runs: a builtin or an attribute that CPython 3.11 has and the engine does not
// model refuses the program (syntax_error, type UnsupportedError, naming it and where it is). A name
// CPython lacks too is left alone: it fails at run time with CPython's own NameError/AttributeError.
// Attributes are checked by name, since the engine cannot know an object's type up front; one that
// some engine type has but the object's type lacks ends the run when reached (raise_unsupported).
void check_names_up_front(const code_object& module, const std::vector<std::string>& source_lines, const engine_names& names);
// A global every CPython module has besides __name__ (__file__, __doc__, __builtins__ ...), which the
// engine does not model.
bool cpython_module_global(std::string_view name);

} // namespace loopscope::engine
