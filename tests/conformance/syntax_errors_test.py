#!/usr/bin/env python3
"""SyntaxErrors as CPython 3.11 prints them for a program file: the line, the carets, the message.

    python3 syntax_errors_test.py --loopscope PATH_TO_BINARY

Each case is a short program that does not compile, a mistake a learner makes. It runs under the real
python3 and under `loopscope run`; their whole stderr and exit status must agree (the runner is
traceback_carets_test.py's). The cases are where CPython's printer (Python/pythonrun.c) and its
parser's error rules have something of their own: carets from the error's offset to its end offset,
in bytes of the line, to the line's end for a statement over several lines, one for an
IndentationError, none for an unexpected indent; the token the parser stopped at; a compiler error
under its whole statement or expression; and the hints ("Maybe you meant '==' or ':='", "Missing
parentheses in call to 'print'", "Perhaps you forgot a comma?").
Exit status 0 when every case agrees, 1 otherwise (with a diff per case).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from traceback_carets_test import run_all  # noqa: E402

CASES = {
    # The token the parser stopped at
    "expected_colon_at_line_end": "def f()\n    pass\n",
    "expected_colon_at_token": "def f() pass\n",
    "keyword_out_of_place": "else:\n    pass\n",
    "operator_at_line_end": "x = 5 +\n",
    "walrus_statement": "x := 5\n",
    "unmatched_bracket": "x = [1, 2, 3]]\n",
    "never_closed": "x = (1, 2\ny = 3\n",
    "non_ascii_before": "x = \"\u00e9\" 5 6\n",
    "non_ascii_line_end": "s = 'h\u00e9llo' +\n",
    "dict_key_without_colon": "d = {'a': 1, 'b' 2}\n",
    # Indentation
    "unexpected_indent": "x = 1\n  y = 2\n",
    "unexpected_indent_tab": "x = 1\n\tif x:\n\t\tpass\n",
    "unindent_mismatch": "def f():\n    x = 1\n  y = 2\n",
    "expected_indented_block": "def f():\nreturn 1\n",
    "expected_indented_block_if": "x = 1\nif x:\npass\n",
    # The compiler's errors: under the whole statement or expression
    "return_outside_function": "return 1\n",
    "return_over_lines": "x = 1\nreturn (1,\n        2, 3)\n",
    "return_after_non_ascii": "x = \"\u00e9\u00e9\"; return 1\n",
    "await_outside_function": "await foo()\n",
    "await_outside_async": "def f():\n    await g()\n",
    "yield_outside_function": "x = yield 1\n",
    "break_outside_loop": "if True:\n    break\n",
    "continue_outside_loop": "continue\n",
    "async_with_outside_async": "def f():\n    async with a:\n        pass\n",
    "async_for_outside_async": "def f():\n    async for x in y:\n        pass\n",
    "nonlocal_at_module": "nonlocal x\n",
    # The hints
    "assign_in_if": "x = 1\nif x = 1:\n    pass\n",
    "assign_in_while": "n = 3\nwhile n = 0:\n    n -= 1\n",
    "assign_in_elif": "x = 1\nif x == 2:\n    pass\nelif x = 1 :\n    pass\n",
    "assign_to_attribute_in_if": "class A:\n    v = 1\nif A.v = 1:\n    pass\n",
    "assign_to_call_in_if": "def f():\n    return 1\nif f() = 1:\n    pass\n",
    "assign_twice_in_if": "x = 1\nif x = y = 1:\n    pass\n",
    "if_then_junk": "x = 1\nif x y:\n    pass\n",
    "while_without_colon": "while True\n    pass\n",
    "class_without_colon": "class A\n    pass\n",
    "for_then_junk": "for x in range(3) y:\n    pass\n",
    "for_without_colon": "for x in range(3)\n    pass\n",
    "with_then_junk": "with open('f') as f x:\n    pass\n",
    "elif_then_junk": "x = 1\nif x:\n    pass\nelif x y:\n    pass\n",
    "except_then_junk": "try:\n    pass\nexcept ValueError x:\n    pass\n",
    "try_then_junk": "try x:\n    pass\nexcept:\n    pass\n",
    "else_then_junk": "x = 1\nif x:\n    pass\nelse x:\n    pass\n",
    "dict_second_key_without_colon": "d = {'a': 1, 'b' 2, 'c' 3}\n",
    "dict_value_missing": "d = {1: 2, 3}\n",
    "print_statement": "print \"hello\"\n",
    "print_statement_tuple": "print 'a', 'b'\n",
    "exec_statement": "exec \"x = 1\"\n",
    "print_in_an_assignment": "x = print 'hi'\n",
    "print_in_a_call": "f(print 'x')\n",
    "forgot_comma_before_an_unfinished_if": "xs = [1 2 if 3]\n",
    "junk_after_a_conditional": "a = b = c = d = 1\nxs = [a if b else c d]\n",
    "forgot_comma_after_a_conditional": "xs = [1, 2\n      if 1 else 3 4]\n",
    "no_hint_after_a_name": "c = d = 1\nxs = [c d]\n",
    "no_hint_after_a_call": "xs = [c() d]\n",
    "hint_after_a_sum": "x = 1\nxs = [x + 1 2]\n",
    "no_hint_after_a_comparison": "c = 1\nxs = [c == 1 2]\n",
    "tab_error": "if 1:\n\tx = 1\n        y = 2\n",
    "forgot_comma_list": "xs = [1 2]\n",
    "forgot_comma_call": "print(\"total:\" total)\n",
    "forgot_comma_dict": "d = {'b' 2}\n",
    "forgot_comma_nested": "f(1, (2 3), 4)\n",
}


def check(name, expected):
    if "Error" not in expected or "Traceback" in expected:
        return ["python3 printed no SyntaxError: the case does not test what it says"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loopscope", required=True)
    args = parser.parse_args()
    return 1 if run_all(args.loopscope, CASES, "syntax errors as python3 prints them", expect_traceback=False, check=check) else 0


if __name__ == "__main__":
    sys.exit(main())
