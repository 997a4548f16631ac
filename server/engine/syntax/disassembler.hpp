#pragma once

#include "code.hpp"

#include <string>

namespace loopscope::engine {

// A code object and every code object inside it (functions, class bodies, comprehensions: depth
// first), one instruction a line: source line, offset, opcode, argument and what the argument names.
void disassemble_code(const code_object& code, std::string& out);

} // namespace loopscope::engine
