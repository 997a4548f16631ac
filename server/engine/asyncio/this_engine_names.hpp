#pragma once

#include "engine_names.hpp"

namespace loopscope::engine {

// This engine's answers to the syntax layer's up-front checks: the vm's modules, builtins and
// attributes (vm/modules.hpp), and asyncio's — the module's functions and classes in C++ and its
// library written in Python (library.hpp). One object for the process.
const engine_names& engine_names_of_this_engine();

} // namespace loopscope::engine
