#pragma once

#include "ast.hpp"
#include "code.hpp"
#include "engine_names.hpp"
#include "syntax_error.hpp"

#include <memory>

namespace loopscope::engine {

// AST to bytecode. Scope errors CPython reports at compile time ('await' outside async function,
// 'return' outside function, ...) are thrown as syntax_error, as are closures, which the subset
// leaves out.
// A class may derive from a module's class that `names` says is written in Python (asyncio.Lock).
std::shared_ptr<code_object> compile_module(const module_ast& module, const engine_names& names);

} // namespace loopscope::engine
