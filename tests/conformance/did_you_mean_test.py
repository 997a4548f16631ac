#!/usr/bin/env python3
""""Did you mean": the suggestion CPython 3.11 adds to an uncaught NameError or AttributeError.

    python3 did_you_mean_test.py --loopscope PATH_TO_BINARY

Each case is a short program that ends in an uncaught NameError or AttributeError, a typo a learner
makes. It runs under the real python3 and under `loopscope run`; their whole stderr must agree line for
line (as in traceback_carets_test.py, whose runner this shares). The cases are where CPython's
Python/suggestions.c has rules of its own: the frame's local variables first (not a closure's cells;
a comprehension's own frame), then the module's globals, then the builtins in their dict's order; an
attribute among dir() of the object (a class, an instance, an exception, a module, the builtin types,
asyncio's tasks and loop); a change of case costs less than a change of letter; nothing further than a
third of the name; only for the exact types and only for an error the interpreter raised; none for an
exception asyncio logs (3.11's traceback module has no suggestions).
Exit status 0 when every case agrees, 1 otherwise (with a diff per case).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from traceback_carets_test import run_all  # noqa: E402

ASYNC_MAIN = "import asyncio\nasync def main():\n{body}asyncio.run(main())\n"


def in_main(body):
    return ASYNC_MAIN.format(body="".join("    " + line + "\n" for line in body.splitlines()))


CASES = {
    # NameError: the frame's variables, the module's globals, the builtins
    "local_variable": in_main("counter = 1\nprint(countr)"),
    "parameter": "def greet(name):\n    print(nme)\ngreet('a')\n",
    "global_variable": "total_count = 3\ndef f():\n    return total_cont\nf()\n",
    "builtin_function": "pritn('hello')\n",
    "builtin_by_case": "Print('hello')\n",
    "builtin_exception_name": "try:\n    pass\nexcept ValueErorr:\n    pass\nraise ValueErorr('x')\n",
    "module_name": "import asyncio\nasyncoi.run(None)\n",
    "too_far": "print(completely_different)\n",
    "long_name": "number_of_items_in_the_shopping_cart_total = 3\nprint(number_of_items_in_the_shopping_cart_totl)\n",
    "longer_than_forty": "a_variable_name_that_is_much_longer_than_forty_characters = 1\nprint(a_variable_name_that_is_much_longer_than_forty_characterz)\n",
    "local_before_global": "value_a = 1\ndef f(value_b):\n    return value_c\nf(2)\n",
    "cell_is_not_a_local": "def outer():\n    counter = 0\n    def inner():\n        return counter\n    print(countr)\nouter()\n",
    "cell_parameter_is": "def outer(counter):\n    def inner():\n        return counter\n    print(countr)\nouter(1)\n",
    "comprehension_frame": "def f(values):\n    total = 0\n    return [totl + v for v in values]\nf([1])\n",
    "comprehension_variable": "items = [1, 2]\nprint([itme for item in items])\n",
    "class_body": "class A:\n    limit = 3\n    double = limt * 2\n",
    "unbound_local_none": "def f():\n    x = 1\n    del x\n    return x\nf()\n",
    "raised_by_program_none": "raise NameError(\"name 'pritn' is not defined\")\n",
    "deleted_global": "price = 1\ndel price\nprint(price)\n",
    "non_ascii_name": "caf\u00e9 = 1\nprint(cafe)\n",
    "in_a_task_awaited": in_main("async def work():\n    result = 1\n    return reslt\nawait asyncio.create_task(work())"),
    "chained": "try:\n    {}['k']\nexcept KeyError:\n    pritn('x')\n",
    # AttributeError: dir() of the object
    "instance_attribute": "class Worker:\n    def __init__(self):\n        self.name = 'w'\nw = Worker()\nprint(w.nme)\n",
    "instance_method": "class Worker:\n    def start(self):\n        pass\nWorker().strat()\n",
    "inherited_method": "class Base:\n    def process(self):\n        pass\nclass Child(Base):\n    pass\nChild().proces()\n",
    "class_attribute": "class A:\n    limit = 1\nprint(A.limt)\n",
    "exception_attribute": "class AppError(Exception):\n    def __init__(self, code):\n        super().__init__(code)\n        self.code = code\ntry:\n    raise AppError(3)\nexcept AppError as e:\n    print(e.cod)\n",
    "list_method": "xs = [3, 1]\nxs.apend(4)\n",
    "str_method": "print('abc'.uper())\n",
    "dict_method": "d = {'a': 1}\nd.itmes()\n",
    "asyncio_function": in_main("await asyncio.slep(1)"),
    "random_function": "import random\nrandom.randit(1, 2)\n",
    "time_function": "import time\ntime.slep(1)\n",
    "task_method": in_main("t = asyncio.create_task(asyncio.sleep(0))\nt.cancle()"),
    "loop_method": in_main("loop = asyncio.get_running_loop()\nloop.tme()"),
    "function_attribute": "def f():\n    pass\nf.__nme__\n",
    "stdout_method": "import sys\nsys.stdout.wirte('x')\n",
    "getattr_builtin": "class P:\n    def __init__(self):\n        self.name = 1\ngetattr(P(), 'nme')\n",
    "dataclass_field": "from dataclasses import dataclass\n@dataclass\nclass Box:\n    width: int\n    height: int\nprint(Box(1, 2).widht)\n",
    "raised_by_program_attribute_none": "raise AttributeError(\"'list' object has no attribute 'apend'\")\n",
    "method_of_bound_method": "class A:\n    def run(self):\n        pass\nA().run.__nme__\n",
    "int_method": "x = 5\nprint(x.bit_lenght())\n",
    "float_method": "print(1.5.is_integr())\n",
    "own_task_method": in_main("asyncio.current_task().get_nam()"),
    "empty_exception_subclass": "class E(Exception):\n    pass\nE().arg\n",
    "counter_method": "import collections\nc = collections.Counter()\nc.most_comon()\n",
    "caught_then_reraised": "class W:\n    def __init__(self):\n        self.name = 'w'\nw = W()\ntry:\n    w.nme\nexcept AttributeError:\n    print('caught')\n    raise\n",
    "generator_expression_frame": "print(list(xy for xz in range(2)))\n",
    "enum_member_attribute": "from enum import Enum\nclass Color(Enum):\n    RED = 1\nprint(Color.RED.nme)\n",
    "builtin_type_attribute": "print(int.from_byte)\n",
    # Logged through the traceback module: no suggestion in 3.11
    "never_retrieved_none": in_main("async def work():\n    result = 1\n    return reslt\nasyncio.create_task(work())\nawait asyncio.sleep(0.01)"),
}

# Cases where python3 offers no suggestion (the others must show one, or they test nothing)
WITHOUT = {"too_far", "cell_is_not_a_local", "unbound_local_none", "raised_by_program_none", "comprehension_frame",
           "raised_by_program_attribute_none", "never_retrieved_none"}


def check(name, expected):
    offered = "Did you mean" in expected
    if offered == (name in WITHOUT):
        return ["python3 " + ("offers" if offered else "offers no") + " suggestion: the case does not test what it says"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loopscope", required=True)
    args = parser.parse_args()
    return 1 if run_all(args.loopscope, CASES, "suggestions as python3 makes them", check=check) else 0


if __name__ == "__main__":
    sys.exit(main())
