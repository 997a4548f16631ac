// `loopscope run --dis`: what the compiler made of a program, as clox's debug.c and CPython's dis
// show a chunk. Every opcode has its name here; a new opcode that is not named does not compile
// (the switch has no default).

#include "disassembler.hpp"

#include "code.hpp"

#include <cstdio>

namespace loopscope::engine {

namespace {

const char* opcode_name(opcode op)
{
    switch (op) {
    case opcode::load_const: return "load_const";
    case opcode::load_local: return "load_local";
    case opcode::store_local: return "store_local";
    case opcode::delete_local: return "delete_local";
    case opcode::reset_local: return "reset_local";
    case opcode::load_global: return "load_global";
    case opcode::store_global: return "store_global";
    case opcode::delete_global: return "delete_global";
    case opcode::load_deref: return "load_deref";
    case opcode::store_deref: return "store_deref";
    case opcode::delete_deref: return "delete_deref";
    case opcode::load_name: return "load_name";
    case opcode::store_name: return "store_name";
    case opcode::delete_name: return "delete_name";
    case opcode::annotate_name: return "annotate_name";
    case opcode::load_attr: return "load_attr";
    case opcode::store_attr: return "store_attr";
    case opcode::delete_attr: return "delete_attr";
    case opcode::load_subscript: return "load_subscript";
    case opcode::store_subscript: return "store_subscript";
    case opcode::delete_subscript: return "delete_subscript";
    case opcode::build_slice: return "build_slice";
    case opcode::pop_top: return "pop_top";
    case opcode::dup_top: return "dup_top";
    case opcode::dup_top_two: return "dup_top_two";
    case opcode::rot_two: return "rot_two";
    case opcode::rot_three: return "rot_three";
    case opcode::binary: return "binary";
    case opcode::unary_neg: return "unary_neg";
    case opcode::unary_pos: return "unary_pos";
    case opcode::unary_not: return "unary_not";
    case opcode::unary_invert: return "unary_invert";
    case opcode::compare: return "compare";
    case opcode::jump: return "jump";
    case opcode::pop_jump_if_false: return "pop_jump_if_false";
    case opcode::pop_jump_if_true: return "pop_jump_if_true";
    case opcode::jump_if_false_or_pop: return "jump_if_false_or_pop";
    case opcode::jump_if_true_or_pop: return "jump_if_true_or_pop";
    case opcode::build_list: return "build_list";
    case opcode::build_tuple: return "build_tuple";
    case opcode::list_append: return "list_append";
    case opcode::list_extend: return "list_extend";
    case opcode::list_to_tuple: return "list_to_tuple";
    case opcode::build_string: return "build_string";
    case opcode::format_value: return "format_value";
    case opcode::build_map: return "build_map";
    case opcode::build_set: return "build_set";
    case opcode::build_set_folded: return "build_set_folded";
    case opcode::set_add: return "set_add";
    case opcode::set_update: return "set_update";
    case opcode::map_add: return "map_add";
    case opcode::dict_update: return "dict_update";
    case opcode::dict_merge: return "dict_merge";
    case opcode::yield_value: return "yield_value";
    case opcode::unpack_sequence: return "unpack_sequence";
    case opcode::unpack_ex: return "unpack_ex";
    case opcode::call: return "call";
    case opcode::call_kw: return "call_kw";
    case opcode::call_ex: return "call_ex";
    case opcode::load_method: return "load_method";
    case opcode::call_method: return "call_method";
    case opcode::get_iter: return "get_iter";
    case opcode::for_iter: return "for_iter";
    case opcode::get_yield_from_iter: return "get_yield_from_iter";
    case opcode::send: return "send";
    case opcode::make_function: return "make_function";
    case opcode::build_class: return "build_class";
    case opcode::finish_class: return "finish_class";
    case opcode::set_return: return "set_return";
    case opcode::return_value: return "return_value";
    case opcode::setup_try: return "setup_try";
    case opcode::pop_block: return "pop_block";
    case opcode::pop_except: return "pop_except";
    case opcode::reraise: return "reraise";
    case opcode::raise_: return "raise";
    case opcode::raise_bare: return "raise_bare";
    case opcode::exception_matches: return "exception_matches";
    case opcode::check_eg_match: return "check_eg_match";
    case opcode::push_exc_info: return "push_exc_info";
    case opcode::prep_reraise_star: return "prep_reraise_star";
    case opcode::get_awaitable: return "get_awaitable";
    case opcode::await_: return "await";
    case opcode::before_with: return "before_with";
    case opcode::setup_with: return "setup_with";
    case opcode::with_exit_args: return "with_exit_args";
    case opcode::get_aiter: return "get_aiter";
    case opcode::get_anext: return "get_anext";
    case opcode::import_module: return "import_module";
    case opcode::import_from: return "import_from";
    case opcode::assert_fail: return "assert_fail";
    }
    return "?";
}

const char* binary_symbol(std::int32_t op)
{
    static const char* const symbols[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    return op >= 0 && op < 12 ? symbols[op] : "?";
}

const char* compare_symbol(std::int32_t op)
{
    static const char* const symbols[] = {"==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"};
    return op >= 0 && op < 10 ? symbols[op] : "?";
}

template <class T> std::string named(const std::vector<T>& table, std::int32_t k)
{
    return k >= 0 && static_cast<std::size_t>(k) < table.size() ? std::string(table[static_cast<std::size_t>(k)]) : "?";
}

// What an instruction's argument stands for, in words
std::string argument_text(const code_object& code, const instruction& in)
{
    switch (in.op) {
    case opcode::load_const: {
        if (in.arg < 0 || static_cast<std::size_t>(in.arg) >= code.constants.size()) return "?";
        const value& v = code.constants[static_cast<std::size_t>(in.arg)];
        return v.is_unbound() ? "<unbound>" : repr(v);
    }
    case opcode::load_global: case opcode::store_global: case opcode::delete_global:
    case opcode::load_name: case opcode::store_name: case opcode::delete_name: case opcode::annotate_name:
    case opcode::load_attr: case opcode::store_attr: case opcode::delete_attr: case opcode::load_method:
    case opcode::import_module: case opcode::import_from:
        return named(code.names, in.arg);
    case opcode::load_local: case opcode::store_local: case opcode::delete_local: case opcode::reset_local:
        return named(code.local_names, in.arg);
    case opcode::load_deref: case opcode::store_deref: case opcode::delete_deref: return named(code.free_names, in.arg);
    case opcode::binary: return std::string(binary_symbol(in.arg & 0xff)) + ((in.arg & 0x100) ? "=" : "");
    case opcode::compare: return compare_symbol(in.arg);
    case opcode::jump: case opcode::pop_jump_if_false: case opcode::pop_jump_if_true: case opcode::jump_if_false_or_pop:
    case opcode::jump_if_true_or_pop: case opcode::for_iter: case opcode::send: case opcode::setup_try: case opcode::setup_with: case opcode::check_eg_match:
        return "to " + std::to_string(in.arg);
    case opcode::make_function: {
        const auto k = static_cast<std::size_t>(in.arg & 0xffff);
        return k < code.functions.size() ? code.functions[k]->qualname : "?";
    }
    default: return "";
    }
}

} // namespace

void disassemble_code(const code_object& code, std::string& out)
{
    out += "Disassembly of " + code.qualname + (code.is_module ? "" : " (line " + std::to_string(code.first_line) + ")");
    if (code.is_async && code.is_generator) out += ", an asynchronous generator";
    else if (code.is_async) out += ", a coroutine function";
    else if (code.is_generator) out += ", a generator";
    out += ":\n";
    std::int32_t last_line = -1;
    char row[160];
    for (std::size_t pc = 0; pc < code.instructions.size(); ++pc) {
        const instruction& in = code.instructions[pc];
        std::string line = in.line && in.line != last_line ? std::to_string(in.line) : "";
        if (in.line) last_line = in.line;
        std::snprintf(row, sizeof row, "%6s %6zu  %-22s %6d", line.c_str(), pc, opcode_name(in.op), static_cast<int>(in.arg));
        out += row;
        const std::string detail = argument_text(code, in);
        if (!detail.empty()) out += "  (" + detail + ")";
        out += "\n";
    }
    for (const auto& inner : code.functions) {
        out += "\n";
        disassemble_code(*inner, out);
    }
}

} // namespace loopscope::engine
