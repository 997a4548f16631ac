#pragma once

#include "value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::engine {

enum class expr_kind : std::uint8_t {
    constant, name, binary, unary, boolean_and, boolean_or, compare, call, attribute, subscript,
    list, tuple, fstring, formatted, await, conditional, starred, list_comprehension, slice,
    dict, dict_comprehension, lambda, generator_expression,
    set, set_comprehension,  // {a, *b}: items; {x for ...}: as list_comprehension
    yield,  // `yield` (a: the value or nothing)
    named   // `name := value` (a: the target, a name; b: the value)
};

enum class binary_op : std::uint8_t { add, sub, mul, div, floordiv, mod, pow, lshift, rshift, bit_and, bit_or, bit_xor };
enum class unary_op : std::uint8_t { neg, pos, not_, invert };
enum class compare_op : std::uint8_t { eq, ne, lt, le, gt, ge, in, not_in, is, is_not };

struct expr;
struct stmt;
using expr_ptr = std::unique_ptr<expr>;

struct keyword_arg {
    std::string name;
    expr_ptr value;
};

// One node type for all expressions: the fields a kind uses are listed next to it.
struct expr {
    expr_kind kind;
    std::int32_t line = 0;
    std::int32_t column = 0;      // 1-based, in bytes
    std::int32_t end_line = 0;    // where the node's last token ends (CPython's end_lineno)
    std::int32_t end_column = 0;  // the byte column just past it, 1-based (CPython's end_col_offset + 1)
    value constant;                 // constant
    std::string name;               // name, attribute (attribute name), formatted (format spec)
    std::string module;             // attribute of an imported module's name (`aio.Lock` after `import asyncio as aio`): the module
    binary_op bin = binary_op::add; // binary
    unary_op un = unary_op::neg;    // unary
    std::vector<compare_op> ops;    // compare: ops[k] between items[k] and items[k+1]
    char conversion = 0;            // formatted: 'r', 's' or 0
    expr_ptr a, b, c;               // operands; call: a = callee; subscript: a[b]; conditional: b if a else c
    std::vector<expr_ptr> items;    // call args, list/tuple items, fstring parts, compare operands
    std::vector<keyword_arg> keywords;  // call
    // dict: items are key, value, key, value ... (a null key: `**value`).
    // list_comprehension: a = element, then one (target, iterable, conditions) per `for` clause;
    // dict_comprehension: the same with a = key and b = value.
    struct comprehension_clause {
        expr_ptr target;
        expr_ptr iterable;
        std::vector<expr_ptr> conditions;
        bool is_async = false;  // `async for`: drawn from an asynchronous iterator, awaiting each item
        std::int32_t line = 0, column = 0;
    };
    std::vector<comprehension_clause> clauses;
    // lambda: a function_def named <lambda> whose body returns the expression.
    std::shared_ptr<stmt> function;
};

enum class stmt_kind : std::uint8_t {
    expression, assign, aug_assign, annotated, function_def, return_, if_, while_, for_, break_,
    continue_, pass, try_, raise, import, import_from, global, nonlocal, assert_, del, class_def,
    with  // one item: `value` the context manager, `targets` its `as` target or nothing; `is_async`
};

struct stmt;
using stmt_ptr = std::unique_ptr<stmt>;
using block = std::vector<stmt_ptr>;

enum class parameter_kind : std::uint8_t { positional, var_positional, keyword_only, var_keyword };

struct parameter {
    std::string name;
    expr_ptr default_value;
    parameter_kind kind = parameter_kind::positional;
};

struct except_clause {
    expr_ptr type;  // null: bare except
    bool star = false;  // except*: handles the matching part of an exception group
    std::string name;
    block body;
    std::int32_t line = 0;
};

struct import_name {
    std::string module;  // "asyncio"; for import_from, the imported name
    std::string as;
};

struct stmt {
    stmt_kind kind;
    std::int32_t line = 0;
    std::int32_t column = 0;
    std::int32_t end_line = 0;  // as expr's: a compound statement ends with its last clause's body
    std::int32_t end_column = 0;
    expr_ptr value;                 // expression, return, raise (exception), assign/aug/annotated (value), if/while test, for iterable, assert test
    std::vector<expr_ptr> targets;  // assign (chained: a = b = v), aug/annotated (one), for (one), del
    expr_ptr extra;                 // annotated: the annotation; raise: `from`; assert: message
    binary_op aug = binary_op::add; // aug_assign
    std::string name;               // function_def, class_def, import_from module
    bool is_async = false;          // function_def, with, for
    std::vector<parameter> params;  // function_def, in the order written
    std::size_t positional_only = 0;  // function_def: how many params come before `/`
    std::vector<expr_ptr> decorators;   // function_def, class_def, top to bottom
    block body, orelse, finally_body;
    std::vector<except_clause> handlers;
    std::vector<import_name> imports;  // import, import_from
    std::vector<std::string> names;    // global
    std::vector<expr_ptr> bases;       // class_def, in the order written
};

struct module_ast {
    block body;
};

} // namespace loopscope::engine
