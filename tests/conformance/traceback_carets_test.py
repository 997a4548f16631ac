#!/usr/bin/env python3
"""Tracebacks as CPython 3.11 prints them, caret for caret (PEP 657).

    python3 traceback_carets_test.py --loopscope PATH_TO_BINARY

Each case below is a short program that ends in an uncaught exception. It runs under the real python3
and under `loopscope run`; their whole stderr must agree line for line (the standard library's frames
by file name and function: paths and line numbers differ between 3.11 releases). The cases are where
CPython's carets have rules of their own: the expression a frame stands at ('^'), a binary operator or
a subscript's brackets inside it ('~' and '^'), none when the expression is the whole line, up to the
line's end for an expression over several lines, columns counted in characters after a tab or a
non-ASCII character, inside f-strings, comprehensions (a frame of their own in 3.11), method calls,
augmented assignments, `del`, unpacking, `assert`, awaits and the asyncio frames above them.
Exit status 0 when every case agrees, 1 otherwise (with a diff per case).
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import tempfile

CASES = {
    "call_in_assignment": "def parse(text):\n    return int(text) * 2\nvalue = parse('x')\n",
    "call_is_the_line": "def f():\n    raise ValueError('x')\nf()\n",
    "comment_after_call": "def f():\n    raise ValueError('x')\nf()  # a comment\n",
    "blanks_after_call": "def f():\n    raise ValueError('x')\nf()   \n",
    "raise_with_comment": "raise ValueError('x')  # c\n",
    "call_over_lines": "def f(a):\n    raise ValueError('x')\nx = f(\n    1)\n",
    "call_over_lines_whole": "def f(a):\n    raise ValueError('x')\nf(\n    1)\n",
    "unpack_too_many": "a, b = [1, 2, 3]\n",
    "unpack_not_iterable": "for a, b in [1]:\n    pass\n",
    "binary_operator": "a = 1\nb = 0\nc = a // b + 1\n",
    "binary_parenthesized": "a = 1\nb = 0\nc = (a) / b\nprint(c)\n",
    "floor_division_parenthesized": "a = 1\nb = 0\nc = (a) // b\n",
    "subscript_parenthesized": "d = {}\nx = (d)['k']\n",
    "binary_spaced": "x = 'a'  +  1\n",
    "power": "x = 2 ** 'a'\n",
    "subscript_missing_key": "d = {}\nx = d['k']\n",
    "subscript_is_the_line": "d = {}\nd['k']\n",
    "slice_step_zero": "x = [1][1:2:0]\n",
    "attribute_chain": "class A:\n    pass\nx = A().y.z\n",
    "method_missing": "x = [].missing()\n",
    "method_chain": "s = 'a'\nx = s.upper().missing\n",
    "second_statement": "def f():\n    raise ValueError('x')\nx = 1; f()\n",
    "tab_indentation": "def f():\n\traise ValueError('x')\ndef g():\n\tx = f()\ng()\n",
    "non_ascii_before": "def f(a):\n    raise ValueError('x')\ns = 'h\u00e9llo \u00fcber'; x = f(s)\n",
    "name_error": "x = 1 + undefined_name\n",
    "comparison": "x = 1 < 'a'\n",
    "unary": "x = -'a'\n",
    "augmented_name": "x = 'a'\nx += 1\n",
    "augmented_unbound": "y += 1  # c\n",
    "augmented_subscript": "d = {}\nd['k'] += 1  # c\n",
    "augmented_attribute": "class A:\n    pass\na = A()\na.b += 1\n",
    "del_subscript": "d = {}\ndel d['k']\n",
    "del_attribute": "class A:\n    pass\na = A()\ndel a.b\n",
    "del_name": "y = 1; del z\n",
    # At the recursion limit a print() needs two C levels (sys.stdout's write and its buffer): a
    # recursive function that prints stops two calls sooner than one that does not, at the print
    "recursion_pure": "def f(n):\n    return f(n + 1)\nf(0)\n",
    "recursion_printing": "def f(n):\n    print(n)\n    f(n + 1)\nf(0)\n",
    "recursion_printing_in_task": "import asyncio\nasync def count(n):\n    print('count', n)\n    await count(n + 1)\nasyncio.run(count(0))\n",
    # Nested containers and reprs count CPython's C levels (PyObject_Repr, PyObject_RichCompare, the
    # builtin's call, the class call) with the Python frames: the deepest that works, and the first
    # that does not, with its message
    "recursion_nested_lists": ("def chain(d, end):\n    x = [end]\n    for _ in range(d):\n        x = [x]\n    return x\n"
                               "for d in (995, 996, 997, 998):\n    try:\n        print(d, chain(d, 1) == chain(d, 1), chain(d, 1) < chain(d, 2), len(repr(chain(d, 1))))\n"
                               "    except RecursionError as e:\n        print(d, e)\n"
                               "print(f'{chain(994, 1)}'[:3], format(chain(994, 1))[:3], str(chain(995, 1))[:3])\n"
                               "print(len(str(chain(999, 'x'))))\n"),
    "recursion_nested_reprs": ("class N:\n    def __init__(self, d):\n        self.d = d\n    def __repr__(self):\n"
                               "        return 'N' if self.d == 0 else repr(N(self.d - 1))\n"
                               "for d in (329, 330, 331, 332):\n    try:\n        print(d, len(repr(N(d))))\n"
                               "    except RecursionError as e:\n        print(d, e)\nrepr(N(400))\n"),
    "nested_call_argument": "def f(x):\n    return x[5]\nprint(f([1]) + 1)\n",
    "keyword_call": "print(int('x', base=10))\n",
    "fstring_field": "x = 0\ns = f'{1/x}'\n",
    "fstring_after_literal": "x = 0\ns = 'ab' f'{1/x}'\n",
    "fstring_spec_field": "x = 0\ns = f'a{x!r:>{1/x}}'\n",
    "fstring_format_error": "x = 'a'\ns = f'{x:d}'\n",
    "fstring_over_lines": "x = 0\ns = f'''abc\n  {1/x}'''\n",
    "raw_fstring": "x = 0\ns = rf'\\d{1/x}'\n",
    "assert_comparison": "x = 0\nassert x == 1, 'no'  # c\n",
    "assert_chained": "x = 0\nassert 1 < x < 2\n",
    "assert_name": "x = 0\nassert x\n",
    "list_comprehension": "x = [1/0 for i in range(3)]\n",
    "comprehension_calls": "def f(i):\n    return 1/i\ny = [f(i) for i in range(3)]\n",
    "comprehension_over_lines": "def f(i):\n    return 1/i\nx = [\n    f(i)\n    for i in range(3)\n]\n",
    "comprehension_from_generator": "def g():\n    for i in range(3):\n        yield 1/0\nx = [\n    i\n    for i in g()\n]\n",
    "nested_comprehensions": "x = {k: [1/v for v in range(k)] for k in range(3)}\n",
    "set_comprehension": "x = {1/i for i in range(2)}\n",
    "generator_expression": "x = sum(1/i for i in range(3))\n",
    "lambda_body": "f = lambda: 1/0\nx = f()\n",
    "decorator_call": "def f():\n    raise ValueError\n@f()\ndef g():\n    pass\n",
    "await_in_assignment": "import asyncio\nasync def f():\n    raise ValueError('x')\nasync def main():\n    r = await f()\nasyncio.run(main())\n",
    "gather": ("import asyncio\ndef parse(text):\n    return int(text) * 2\nasync def worker(n):\n    await asyncio.sleep(0.1)\n"
               "    value = parse('x' + str(n))\n    return value\nasync def main():\n"
               "    results = await asyncio.gather(worker(1), worker(2))\nasyncio.run(main())\n"),
    "task_result": ("import asyncio\nasync def work():\n    return {}['missing']\nasync def main():\n"
                    "    task = asyncio.create_task(work())\n    print('made', task.get_name())\n    value = await task\n"
                    "asyncio.run(main())\n"),
    "chained": "try:\n    x = {}['a']\nexcept KeyError:\n    y = 1 + None\n",
    "decorator_applied": "def d(cls):\n    return cls.nope\n@d\nclass A:\n    pass\n",
    "decorator_with_arguments": "def deco(n):\n    raise ValueError(n)\n@deco(3)\ndef f():\n    pass\n",
    "decorators_stacked": "def d1(f):\n    return f\ndef d2(f):\n    return f.nope\n@d1\n@d2\ndef g():\n    pass\n",
    "assert_comparison_below": "x = 1\nassert (\n    x == 3\n)\n",
    "assert_conditional": "y = [1]\nassert y[0] == 2 if y else y\n",
    "fstring_nested": "x = 1\nmsg = f\"{f'{x.nope}'}\"\n",
    "fstring_nested_after_field": "x = 1\nmsg = f\"{'a'} {f'{x.nope}'}\"\n",
    "keyboard_interrupt_in_main_task": "import asyncio\nasync def main():\n    print('working')\n    raise KeyboardInterrupt\nasyncio.run(main())\n",
    "system_exit_with_message": "import sys\nprint('a')\nsys.exit('stopped: ' + str(2))\n",
    "stop_iteration_in_coroutine": "import asyncio\nasync def main():\n    next(iter([]))\nasyncio.run(main())\n",
    "stop_iteration_awaited": ("import asyncio\nasync def inner():\n    raise StopIteration(5)\nasync def main():\n    try:\n"
                               "        await inner()\n    except RuntimeError as e:\n        print('caught', repr(e), repr(e.__cause__))\n"
                               "    x = await inner()\nasyncio.run(main())\n"),
    "method_on_next_line": "s = [1]\nr = (s\n     .pop(5))\n",
    "missing_method_on_next_line": "s = [1]\nr = (s\n     .missing(5))\n",
    "attribute_on_next_line": "s = [1]\nr = (s\n     .missing)\n",
    "method_chain_over_lines": "s = 'ab'\nr = (s\n     .upper()\n     .index('z'))\n",
    "name_after_dot_on_next_line": "s = [1]\nr = (s.\n     pop(5))\n",
    "attribute_store_on_next_line": "b = 1\n(b\n .y) = 3\n",
    "enum_extended": "from enum import Enum\nclass Base(Enum):\n    X = 1\nclass More(Base):\n    print('never')\n    Y = 2\n",
    "contextmanager_enter": ("from contextlib import contextmanager\n@contextmanager\ndef cm():\n    raise ValueError('no')\n"
                             "    yield\nwith cm() as x:\n    pass\n"),
    # A cancellation lands inside asyncio.sleep: its frames (and __sleep0's for sleep(0)) are shown
    "cancelled_in_sleep": "import asyncio\nasync def worker():\n    await asyncio.sleep(10)\nasync def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(1)\n    t.cancel()\n    await t\nasyncio.run(main())\n",
    "cancelled_in_sleep_zero": "import asyncio\nasync def worker():\n    while True:\n        await asyncio.sleep(0)\nasync def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(0)\n    t.cancel()\n    await t\nasyncio.run(main())\n",
    "cancelled_itself": "import asyncio\nasync def main():\n    asyncio.current_task().cancel()\n    await asyncio.sleep(1)\nasyncio.run(main())\n",
    "cancelled_through_gather": "import asyncio\nasync def worker():\n    await asyncio.sleep(10)\nasync def main():\n    t = asyncio.create_task(worker())\n    await asyncio.sleep(0)\n    t.cancel()\n    await asyncio.gather(t)\nasyncio.run(main())\n",
    # A failed task's exception keeps the task's frames for the first result()/await only
    "failed_task_awaited_again": "import asyncio\nasync def fail():\n    raise ValueError('boom')\nasync def main():\n    t = asyncio.create_task(fail())\n    await asyncio.sleep(0)\n    for i in range(2):\n        try:\n            await t\n        except ValueError as e:\n            print('caught', e)\n    await t\nasyncio.run(main())\n",
    "failed_task_after_gather": "import asyncio\nasync def fail(n):\n    raise ValueError(n)\nasync def main():\n    t = asyncio.create_task(fail(1))\n    try:\n        await asyncio.gather(t)\n    except ValueError:\n        print('gather raised')\n    await t\nasyncio.run(main())\n",
    "failed_task_result_then_gather": "import asyncio\nasync def fail(n):\n    raise ValueError(n)\nasync def main():\n    t = asyncio.create_task(fail(1))\n    await asyncio.sleep(0)\n    try:\n        t.result()\n    except ValueError:\n        print('result raised')\n    await asyncio.gather(t)\nasyncio.run(main())\n",
    # A learner's mistakes with asyncio's functions: the error where asyncio's own code raises it
    "run_a_function": "import asyncio\nasync def main():\n    print('hi')\nasyncio.run(main)\n",
    "run_inside_run": "import asyncio\nasync def inner():\n    pass\nasync def main():\n    c = inner()\n    try:\n        asyncio.run(c)\n    finally:\n        await c\nasyncio.run(main())\n",
    "create_task_of_a_function": "import asyncio\nasync def worker():\n    pass\nasync def main():\n    asyncio.create_task(worker)\nasyncio.run(main())\n",
    "loop_create_task_of_a_function": "import asyncio\nasync def worker():\n    pass\nasync def main():\n    asyncio.get_running_loop().create_task(worker)\nasyncio.run(main())\n",
    "gather_of_a_function": "import asyncio\nasync def worker():\n    pass\nasync def main():\n    await asyncio.gather(worker)\nasyncio.run(main())\n",
    "gather_of_a_result": "import asyncio\ndef work():\n    return 1\nasync def main():\n    await asyncio.gather(work())\nasyncio.run(main())\n",
    "ensure_future_of_a_number": "import asyncio\nasync def main():\n    asyncio.ensure_future(5)\nasyncio.run(main())\n",
    "run_until_complete_of_a_number": "import asyncio\nloop = asyncio.new_event_loop()\nloop.run_until_complete(5)\n",
    "sleep_of_a_string": "import asyncio\nasync def main():\n    await asyncio.sleep('1')\nasyncio.run(main())\n",
    "sleep_of_none": "import asyncio\nasync def main():\n    s = asyncio.sleep(None)\n    print('made')\n    await s\nasyncio.run(main())\n",
    "sleep_task_cancelled": "import asyncio\nasync def main():\n    t = asyncio.create_task(asyncio.sleep(10))\n    await asyncio.sleep(0)\n    t.cancel()\n    await t\nasyncio.run(main())\n",
    # What only the uncaught exception kept (a coroutine passed to the call that failed) goes at shutdown
    "run_inside_run_unawaited": "import asyncio\nasync def inner():\n    pass\nasync def main():\n    asyncio.run(inner())\nasyncio.run(main())\n",
    # A name the module lacks: ImportError when the import runs, naming where the module is
    "import_missing_name_builtin_module": "import asyncio\nprint('before')\nfrom itertools import chian\n",
    "import_missing_name_asyncio": "print('before')\nfrom asyncio import sleep, slep\n",
    # What asyncio logs when a failed future goes unretrieved: a gather's too; a list lets its tasks go last first
    "gather_never_retrieved": "import asyncio\nasync def fail(n):\n    raise ValueError(n)\nasync def main():\n    g = asyncio.gather(fail(1), fail(2))\n    await asyncio.sleep(0.1)\n    print('end')\nasyncio.run(main())\n",
    "tasks_in_a_list_never_retrieved": "import asyncio\nasync def fail(n):\n    raise ValueError(n)\nasync def main():\n    tasks = [asyncio.create_task(fail(i)) for i in range(3)]\n    await asyncio.sleep(0)\n    print('end')\nasyncio.run(main())\nprint('after')\n",
    "coroutines_in_a_tuple_never_awaited": "async def f(n):\n    pass\ndef make():\n    return [f(1), f(2), f(3)], (f(4), f(5))\nx = make()\ndel x\nraise ValueError('end')\n",
    "task_fails_on_its_own_attribute": "import asyncio\nasync def run():\n    asyncio.current_task().foo\nasync def main():\n    asyncio.create_task(run())\n    await asyncio.sleep(0.1)\n    print('end')\nasyncio.run(main())\n",
    "failed_task_awaited_while_pending_then_again": "import asyncio\nasync def w():\n    await asyncio.sleep(0)\n    raise ValueError('v')\nasync def main():\n    t = asyncio.create_task(w())\n    try:\n        await t\n    except ValueError:\n        pass\n    await t\nasyncio.run(main())\n",
}

# Where 3.11 releases draw differently: after 3.11.2 (Debian 12's python3, which loopscope draws as),
# a binary operator's '^' moved past a closing parenthesis, and a subscript's to its '['.
# An ImportError names the module's file, which is Debian's /usr/lib/python3.11 as loopscope draws it.
VERSION_SENSITIVE = {"binary_parenthesized", "floor_division_parenthesized", "subscript_parenthesized", "import_missing_name_asyncio"}
DRAWN_AS = (3, 11, 2)

LIBRARY_FRAME = re.compile(r'File "[^"]*/lib/python3\.11/([^"]+)", line \d+')


def normalized(stderr):
    return [LIBRARY_FRAME.sub(r'File "LIB/\1", line N', re.sub(r"0x[0-9a-f]+", "0x", line)) for line in stderr.splitlines()]


def run_case(binary, folder, name, source, expect_traceback=True):
    path = os.path.join(folder, name + ".py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    expected = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60, cwd=folder)
    got = subprocess.run([binary, "run", path], capture_output=True, text=True, timeout=60, cwd=folder)
    problems = []
    if expect_traceback and "Traceback (most recent call last):" not in expected.stderr and not name.startswith("system_exit"):
        problems.append("python3 printed no traceback: the case does not test what it says")
    want, have = normalized(expected.stderr), normalized(got.stderr)
    if want != have:
        problems.append("stderr differs:\n" + "\n".join(difflib.unified_diff(want, have, "python3", "loopscope", lineterm="")))
    if got.returncode != expected.returncode:
        problems.append(f"exit status {got.returncode}, python3 exits {expected.returncode}")
    if got.stdout != expected.stdout:
        problems.append(f"stdout {got.stdout!r}, python3 prints {expected.stdout!r}")
    return name, problems, expected.stderr


def run_all(binary, cases, what, expect_traceback=True, check=None):
    """Runs every case against python3 and loopscope, prints what differs and a count; `check(name,
    python3's stderr)` may add problems of its own (a case that does not test what it says). Returns
    the number of cases that differ."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="loopscope-cases-") as folder:
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            jobs = {name: pool.submit(run_case, binary, folder, name, source, expect_traceback) for name, source in cases.items()}
            for name, job in jobs.items():
                _, problems, expected = job.result()
                if check:
                    problems += check(name, expected)
                if problems:
                    failed += 1
                    print(f"{name}: differs from python3")
                    for p in problems:
                        print("  - " + p.replace("\n", "\n    "))
    print(f"{len(cases) - failed} of {len(cases)} {what}")
    return failed


# Cases whose recursion runs deep in the engine's own C++ (a repr inside a repr, hundreds of levels):
# in a build with AddressSanitizer a level takes ten times the stack, and max_native_stack_bytes ends
# the run first (engine tests check that bound); they run against the optimised build.
NATIVE_DEPTH = {"recursion_nested_lists", "recursion_nested_reprs"}


def sanitized(binary):
    with open(binary, "rb") as f:
        return b"__asan_init" in f.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loopscope", required=True)
    args = parser.parse_args()
    cases = {name: source for name, source in CASES.items() if name not in VERSION_SENSITIVE or sys.version_info[:3] == DRAWN_AS}
    if len(cases) < len(CASES):
        print(f"python3 is {sys.version.split()[0]}, not {'.'.join(map(str, DRAWN_AS))}: "
              f"{len(CASES) - len(cases)} cases left out ({', '.join(sorted(VERSION_SENSITIVE))})")
    if sanitized(args.loopscope):
        cases = {name: source for name, source in cases.items() if name not in NATIVE_DEPTH}
        print(f"a sanitized build: {', '.join(sorted(NATIVE_DEPTH))} left out")
    return 1 if run_all(args.loopscope, cases, "tracebacks as python3 prints them") else 0


if __name__ == "__main__":
    sys.exit(main())
