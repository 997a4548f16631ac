// Programs rejected before they run: CPython's error type and message, with line and column.
#include "engine_test_support.hpp"

#include <gtest/gtest.h>

using loopscope::engine::testing::run_virtual;

namespace {

struct rejection {
    std::string type;
    std::string message;
    int line = 0;
    std::string stderr_text;
    bool ran = false;
};

rejection reject(const std::string& source)
{
    auto out = run_virtual(source);
    rejection r;
    const auto* end = out.last("run_finished");
    if (!end || !end->error) return r;
    r.type = end->error->type;
    r.message = end->error->message;
    r.line = end->error->line;
    r.stderr_text = out.stderr_text;
    r.ran = !out.stdout_text.empty();
    EXPECT_EQ(out.exit_status, 1);
    return r;
}

} // namespace

TEST(parser, unclosed_bracket_names_where_it_opened)
{
    auto r = reject("print('a')\nx = (1,\n  2\nprint(x)\n");
    EXPECT_EQ(r.type, "SyntaxError");
    EXPECT_EQ(r.message, "'(' was never closed");
    EXPECT_EQ(r.line, 2);
    EXPECT_FALSE(r.ran) << "nothing runs when the program does not parse";
    EXPECT_NE(r.stderr_text.find("line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed"), std::string::npos) << r.stderr_text;
}

TEST(parser, dangling_operator_is_invalid_syntax_with_a_caret)
{
    auto r = reject("x = 1 +\n");
    EXPECT_EQ(r.type, "SyntaxError");
    EXPECT_EQ(r.message, "invalid syntax");
    EXPECT_NE(r.stderr_text.find("    x = 1 +\n           ^\n"), std::string::npos) << r.stderr_text;
}

TEST(parser, bad_dedent_is_an_indentation_error)
{
    auto r = reject("if True:\n    x = 1\n  y = 2\n");
    EXPECT_EQ(r.type, "IndentationError");
    EXPECT_EQ(r.message, "unindent does not match any outer indentation level");
    EXPECT_EQ(r.line, 3);
}

TEST(parser, missing_block_names_the_statement)
{
    auto r = reject("async def main():\nprint('x')\n");
    EXPECT_EQ(r.type, "IndentationError");
    EXPECT_EQ(r.message, "expected an indented block after function definition on line 1");
    EXPECT_EQ(r.line, 2);
}

TEST(parser, unexpected_indent)
{
    auto r = reject("x = 1\n    y = 2\n");
    EXPECT_EQ(r.type, "IndentationError");
    EXPECT_EQ(r.message, "unexpected indent");
}

TEST(parser, mixing_tabs_and_spaces_ambiguously_is_a_tab_error)
{
    auto r = reject("if True:\n        x = 1\n\ty = 2\n");
    EXPECT_EQ(r.type, "TabError");
}

TEST(parser, tabs_alone_are_fine)
{
    auto out = run_virtual("if True:\n\tx = 1\n\tif x:\n\t\tprint('tabs')\n");
    EXPECT_EQ(out.stdout_text, "tabs\n");
}

TEST(parser, missing_colon)
{
    auto r = reject("while True\n    pass\n");
    EXPECT_EQ(r.message, "expected ':'");
    EXPECT_EQ(r.line, 1);
}

TEST(parser, await_outside_async_function)
{
    auto r = reject("import asyncio\ndef f():\n    await asyncio.sleep(1)\n");
    EXPECT_EQ(r.type, "SyntaxError");
    EXPECT_EQ(r.message, "'await' outside async function");
    EXPECT_EQ(r.line, 3);
}

TEST(parser, return_and_break_outside_their_place)
{
    EXPECT_EQ(reject("return 1\n").message, "'return' outside function");
    EXPECT_EQ(reject("break\n").message, "'break' outside loop");
}

TEST(parser, unterminated_string)
{
    auto r = reject("print('hello)\n");
    EXPECT_EQ(r.type, "SyntaxError");
    EXPECT_EQ(r.message, "unterminated string literal (detected at line 1)");
}

TEST(parser, constructs_outside_the_subset_are_refused_with_name_and_line)
{
    auto cls = reject("x = 1\nclass A(metaclass=type):\n    pass\n");
    EXPECT_EQ(cls.type, "UnsupportedError");
    EXPECT_EQ(cls.message, "a keyword argument ('metaclass=') in a class definition is not supported by loopscope");
    EXPECT_EQ(cls.line, 2);
    EXPECT_EQ(reject("import os\n").message, "module 'os' is not supported by loopscope");
    EXPECT_EQ(reject("async def f():\n    return (x async for x in y)\n").message,
              "an asynchronous generator expression ('async for' in a generator expression) is not supported by loopscope");
    // A set item inside a dict display is CPython's SyntaxError (sets themselves are supported).
    EXPECT_EQ(reject("s = {1: 2, 3}\n").message, "':' expected after dictionary key");
    auto no_binding = reject("def outer():\n    x = 1\n    def inner():\n        nonlocal y\n        return x\n    return inner\n");
    EXPECT_EQ(no_binding.type, "SyntaxError");
    EXPECT_EQ(no_binding.message, "no binding for nonlocal 'y' found");
    EXPECT_EQ(reject("nonlocal x\n").message, "nonlocal declaration not allowed at module level");
}

TEST(parser, escapes_the_engine_does_not_model_are_refused)
{
    auto named = reject("print('\\N{DEGREE SIGN}')\n");
    EXPECT_EQ(named.type, "UnsupportedError");
    EXPECT_EQ(named.message, "the \\N{...} escape is not supported by loopscope");
    EXPECT_EQ(reject("print(f'\\N{DEGREE SIGN}')\n").type, "UnsupportedError");
    EXPECT_EQ(reject("print('\\ud800')\n").type, "UnsupportedError");
    EXPECT_EQ(reject("print('\\U00110000')\n").type, "SyntaxError");
}

TEST(parser, fstring_errors_are_syntax_errors)
{
    EXPECT_EQ(reject("print(f'{}')\n").message, "f-string: empty expression not allowed");
    EXPECT_EQ(reject("print(f'{x')\n").message, "f-string: expecting '}'");
}

TEST(parser, escape_errors_name_the_positions_cpython_names)
{
    // Positions count in the literal (or in the f-string's literal part since the last field or
    // doubled brace), a character beyond ASCII as ten: CPython decodes it spelled \UXXXXXXXX.
    const std::string codec = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
    EXPECT_EQ(reject("print('ab\\x4')\n").message, codec + "2-4: truncated \\xXX escape");
    EXPECT_EQ(reject("print('\\xg0')\n").message, codec + "0-1: truncated \\xXX escape");
    EXPECT_EQ(reject("print('\\u12')\n").message, codec + "0-3: truncated \\uXXXX escape");
    EXPECT_EQ(reject("print('\\xe9\\n\\x4')\n").message, codec + "6-8: truncated \\xXX escape");
    EXPECT_EQ(reject("print('\xc3\xa9\\x4')\n").message, codec + "10-12: truncated \\xXX escape");
    EXPECT_EQ(reject("print('a\\\nb\\x4')\n").message, codec + "4-6: truncated \\xXX escape");
    EXPECT_EQ(reject("print('\\U00110000')\n").message, codec + "0-9: illegal Unicode character");
    EXPECT_EQ(reject("print(f'{1}ab\\x4')\n").message, codec + "2-4: truncated \\xXX escape");
    EXPECT_EQ(reject("print(f'a{{b\\x4')\n").message, codec + "1-3: truncated \\xXX escape");
    EXPECT_EQ(reject("print(f'{1:ab\\x4}')\n").message, codec + "2-4: truncated \\xXX escape");
}

TEST(parser, fstring_expressions_as_cpython_scans_them)
{
    EXPECT_EQ(reject("print(f'{\"\\n\"}')\n").message, "f-string expression part cannot include a backslash");
    EXPECT_EQ(reject("print(f'{1#}')\n").message, "f-string expression part cannot include '#'");
    EXPECT_EQ(reject("print(f'{1!rr}')\n").message, "f-string: expecting '}'");
    EXPECT_EQ(reject("print(f'{1= ')\n").message, "f-string: expecting '}'");
    EXPECT_EQ(reject("print(f'{1:{2:{3}}}')\n").message, "f-string: expressions nested too deeply");
}

TEST(parser, a_match_statement_is_refused_whatever_its_subject_and_match_stays_a_name)
{
    for (const char* source : {"match x:\n    case 1:\n        pass\n", "match f():\n    case 1:\n        pass\n",
                               "def g(x):\n    match x, 1:\n        case [a, b]:\n            return a\n", "match (x):\n    case _:\n        pass\n",
                               "match -x:\n    case 1:\n        pass\n"}) {
        auto r = reject(source);
        EXPECT_EQ(r.type, "UnsupportedError") << source;
        EXPECT_EQ(r.message, "'match' statement is not supported by loopscope") << source;
    }
    // `match` as a name (a soft keyword): an assignment, an annotation, a call
    auto out = run_virtual("match = 5\nmatch: int = 3\ndef f(m):\n    return m\nprint(match, f(match), match + 1)\n");
    EXPECT_EQ(out.stdout_text, "3 3 4\n");
}

// := where CPython's grammar does not take it, and the symtable's checks of its target in a
// comprehension: CPython's messages and carets (each expected text is python3 3.11's)
TEST(parser, assignment_expression_errors_are_cpythons)
{
    const std::pair<const char*, const char*> cases[] = {
        {"f(x := 1 = 2)\n", "    f(x := 1 = 2)\n             ^\nSyntaxError: invalid syntax\n"},
        {"(a.b := 1)\n", "    (a.b := 1)\n     ^^^\nSyntaxError: cannot use assignment expressions with attribute\n"},
        {"[i := 0 for i in range(3)]\n", "    [i := 0 for i in range(3)]\n     ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'i'\n"},
        {"f(x=y:=1)\n", "    f(x=y:=1)\n         ^^\nSyntaxError: invalid syntax\n"},
        {"x := 1\n", "    x := 1\n      ^^\nSyntaxError: invalid syntax\n"},
        {"lambda: x := 1\n", "    lambda: x := 1\n    ^^^^^^^^^\nSyntaxError: cannot use assignment expressions with lambda\n"},
        {"x + 1 := 2\n", "    x + 1 := 2\n    ^^^^^\nSyntaxError: cannot use assignment expressions with expression\n"},
        {"f() := 1\n", "    f() := 1\n    ^^^\nSyntaxError: cannot use assignment expressions with function call\n"},
        {"(a[0] := 1)\n", "    (a[0] := 1)\n     ^^^^\nSyntaxError: cannot use assignment expressions with subscript\n"},
        {"((a, b) := (1, 2))\n", "    ((a, b) := (1, 2))\n     ^^^^^^\nSyntaxError: cannot use assignment expressions with tuple\n"},
        {"[x for x in (y := [1])]\n", "    [x for x in (y := [1])]\n                 ^^^^^^^^\nSyntaxError: assignment expression cannot be used in a comprehension iterable expression\n"},
        {"[i for i in range(5) if (j := 0) for j in range(5)]\n", "    [i for i in range(5) if (j := 0) for j in range(5)]\n                                         ^\nSyntaxError: comprehension inner loop cannot rebind assignment expression target 'j'\n"},
        {"(True := 1)\n", "    (True := 1)\n     ^^^^\nSyntaxError: cannot use assignment expressions with True\n"},
        {"(None := 1)\n", "    (None := 1)\n     ^^^^\nSyntaxError: cannot use assignment expressions with None\n"},
        {"(x := 1) := 2\n", "    (x := 1) := 2\n     ^^^^^^\nSyntaxError: cannot use assignment expressions with named expression\n"},
        {"print((a.b) := 1)\n", "    print((a.b) := 1)\n                ^^\nSyntaxError: invalid syntax\n"},
        {"del (x := 1)\n", "    del (x := 1)\n         ^^^^^^\nSyntaxError: cannot delete named expression\n"},
        {"for (x := 1) in y: pass\n", "    for (x := 1) in y: pass\n         ^^^^^^\nSyntaxError: cannot assign to named expression\n"},
        {"(x := 1) = 2\n", "    (x := 1) = 2\n     ^^^^^^\nSyntaxError: cannot assign to named expression here. Maybe you meant '==' instead of '='?\n"},
        {"[x for x in [1] if y := 1]\n", "    [x for x in [1] if y := 1]\n                         ^^\nSyntaxError: invalid syntax\n"},
        {"a[x := 1:2]\n", "    a[x := 1:2]\n            ^\nSyntaxError: invalid syntax\n"},
        {"{x := 1: 2}\n", "    {x := 1: 2}\n           ^\nSyntaxError: invalid syntax\n"},
        {"(x := *y)\n", "    (x := *y)\n          ^\nSyntaxError: invalid syntax\n"},
        {"f(a.b := 1)\n", "    f(a.b := 1)\n          ^^\nSyntaxError: invalid syntax\n"},
        {"[1 for (x := 1) in y]\n", "    [1 for (x := 1) in y]\n            ^^^^^^\nSyntaxError: cannot assign to named expression\n"},
        {"(x := 1 := 2)\n", "    (x := 1 := 2)\n            ^^\nSyntaxError: invalid syntax\n"},
        {"[[(i := 1) for j in range(2)] for i in range(2)]\n", "    [[(i := 1) for j in range(2)] for i in range(2)]\n       ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'i'\n"},
        {"[j for i in range(2) for j in range(2) if (i := 1)]\n", "    [j for i in range(2) for j in range(2) if (i := 1)]\n                                               ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'i'\n"},
        {"[x for x in (lambda: (y := [1]))()]\n", "    [x for x in (lambda: (y := [1]))()]\n                          ^^^^^^^^\nSyntaxError: assignment expression cannot be used in a comprehension iterable expression\n"},
        {"y = [1]\nprint([x for x in [(y := 1) for z in y]], y)\n", "    print([x for x in [(y := 1) for z in y]], y)\n                        ^^^^^^\nSyntaxError: assignment expression cannot be used in a comprehension iterable expression\n"},
        {"class C:\n    [(y := x) for x in range(3)]\n", "    [(y := x) for x in range(3)]\n      ^\nSyntaxError: assignment expression within a comprehension cannot be used in a class body\n"},
        {"def f(): (a := yield)\n", "    def f(): (a := yield)\n                   ^^^^^\nSyntaxError: invalid syntax\n"},
        {"a, b := 1\n", "    a, b := 1\n         ^^\nSyntaxError: invalid syntax\n"},
        {"f(**x, y := 1)\n", "    f(**x, y := 1)\n                 ^\nSyntaxError: positional argument follows keyword argument unpacking\n"},
        {"f(x = 1, y := 2)\n", "    f(x = 1, y := 2)\n                   ^\nSyntaxError: positional argument follows keyword argument\n"},
        {"x = y := 1\n", "    x = y := 1\n          ^^\nSyntaxError: invalid syntax\n"},
        {"return x := 1\n", "    return x := 1\n             ^^\nSyntaxError: invalid syntax\n"},
        {"{a: b := 1}\n", "    {a: b := 1}\n          ^^\nSyntaxError: invalid syntax\n"},
        {"def f(x := 1): pass\n", "    def f(x := 1): pass\n            ^^\nSyntaxError: invalid syntax\n"},
        {"(x.y := 1)\n", "    (x.y := 1)\n     ^^^\nSyntaxError: cannot use assignment expressions with attribute\n"},
        {"{(a := 1) for a in range(2)}\n", "    {(a := 1) for a in range(2)}\n      ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'a'\n"},
        {"{a: (a := 1) for a in range(2)}\n", "    {a: (a := 1) for a in range(2)}\n         ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'a'\n"},
        {"((b := a) for a in range(2) for b in range(2))\n", "    ((b := a) for a in range(2) for b in range(2))\n      ^\nSyntaxError: assignment expression cannot rebind comprehension iteration variable 'b'\n"},
        {"(a, b) := 1\n", "    (a, b) := 1\n    ^^^^^^\nSyntaxError: cannot use assignment expressions with tuple\n"},
        {"[a] := 1\n", "    [a] := 1\n    ^^^\nSyntaxError: cannot use assignment expressions with list\n"},
        {"f(x=1, y)\n", "    f(x=1, y)\n            ^\nSyntaxError: positional argument follows keyword argument\n"},
        {"f(x=1, y, z)\n", "    f(x=1, y, z)\n               ^\nSyntaxError: positional argument follows keyword argument\n"},
        {"f(**x, y)\n", "    f(**x, y)\n            ^\nSyntaxError: positional argument follows keyword argument unpacking\n"},
        {"f(x=1, y := 2, z)\n", "    f(x=1, y := 2, z)\n                    ^\nSyntaxError: positional argument follows keyword argument\n"},
        {"f(x=1, a.b)\n", "    f(x=1, a.b)\n              ^\nSyntaxError: positional argument follows keyword argument\n"},
    };
    for (const auto& [source, expected] : cases) {
        auto r = reject(source);
        EXPECT_EQ(r.type, "SyntaxError") << source;
        EXPECT_FALSE(r.ran) << source;
        EXPECT_NE(r.stderr_text.find(expected), std::string::npos) << source << "\n" << r.stderr_text;
    }
}
