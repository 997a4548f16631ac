#pragma once

#include <cstddef>
#include <string>

namespace loopscope::engine {

// A program's bytecode as text (`loopscope run --dis`): each code object (the module, then each
// function, class body and comprehension inside it, depth first) with one instruction a line — its
// source line, offset, opcode and argument, and what the argument names. A program that does not
// compile gives its error instead ("SyntaxError: ... (line N)") and false.
bool disassemble(const std::string& source, std::size_t max_nesting, std::string& text);

} // namespace loopscope::engine
