// `loopscope run --dis`: a program compiled as a run compiles it (the same names refused up front),
// then shown by the syntax layer's disassembler.
#include <loopscope/engine/disassemble.hpp>

#include "compiler.hpp"
#include "disassembler.hpp"
#include "parser.hpp"
#include "syntax_error.hpp"
#include "this_engine_names.hpp"

namespace loopscope::engine {

bool disassemble(const std::string& source, std::size_t max_nesting, std::string& text)
{
    try {
        const auto& names = engine_names_of_this_engine();
        auto module = parse_module(source, max_nesting, names);
        auto code = compile_module(module, names);
        text.clear();
        disassemble_code(*code, text);
        return true;
    } catch (const syntax_error& e) {
        text = e.type + ": " + e.message + " (line " + std::to_string(e.line) + ")\n";
        return false;
    }
}

} // namespace loopscope::engine
