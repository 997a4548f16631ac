#!/usr/bin/env python3
"""The engine's rule, name by name: exactly what CPython 3.11 does, or refused before the first line.

    python3 cpython_names_test.py --loopscope PATH/TO/loopscope

For every name in this python3's `builtins`, and every attribute of every kind of object the engine
makes (as this python3's dir() lists them), a two-line program uses the name and prints 'ok'. Under
loopscope it must end as python3 does ('ok', or python3's own NameError/AttributeError), or be refused
with UnsupportedError: up front (no event before the refusal), or, for an attribute that the engine
models on other types only, when it is reached. Never a NameError or AttributeError that python3 does
not raise. Also checks that server/engine/syntax/cpython_names.inc is what this python3 says.
"""
import argparse
import asyncio
import bisect
import builtins
import collections
import contextlib
import dataclasses
import functools
import itertools
import concurrent.futures
import heapq
import json
import logging
import math
import os
import random
import string
import typing
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")

# Each kind of object the engine makes: how a program gets one (the lines before the use, which
# leave it in `x`), and the same object here, to ask python3 what it has.
async def _nothing():
    pass


def _generator():
    yield


async def _async_generator():
    yield


class Program:
    """Stands for a class a program defines (class Program: ...)."""

    def method(self):
        pass


@dataclasses.dataclass
class _DataPoint:
    """Stands for a dataclass a program defines, for its fields()."""
    x: int


class ProgramError(Exception):
    pass


def kinds():
    loop = asyncio.new_event_loop()
    coro = _nothing()
    made = {
        "str": ("x = 'ab'", "ab"),
        "list": ("x = [1]", [1]),
        "tuple": ("x = (1,)", (1,)),
        "int": ("x = 3", 3),
        "float": ("x = 1.5", 1.5),
        "bool": ("x = True", True),
        "NoneType": ("x = None", None),
        "range": ("x = range(2)", range(2)),
        "set": ("x = {1}", {1}),
        "frozenset": ("x = frozenset({1})", frozenset({1})),
        "loop": ("import asyncio\nx = asyncio.new_event_loop()", loop),
        "ValueError": ("x = ValueError('v')", ValueError("v")),
        "OSError": ("x = OSError(2, 'gone')", OSError(2, "gone")),
        "StopIteration": ("x = StopIteration(1)", StopIteration(1)),
        "exception class": ("x = KeyError", KeyError),
        "function": ("def x(): pass", lambda: 0),
        "instance": ("class Program:\n    def method(self):\n        pass\nx = Program()", Program()),
        "class": ("class Program:\n    def method(self):\n        pass\nx = Program", Program),
        "bound method": ("class Program:\n    def method(self):\n        pass\nx = Program().method", Program().method),
        "object": ("x = object()", object()),
        "exception of a program's class": ("class ProgramError(Exception):\n    pass\nx = ProgramError('v')", ProgramError("v")),
        "property": ("x = property(None)", property(None)),
        "staticmethod": ("x = staticmethod(len)", staticmethod(len)),
        "module math": ("import math\nx = math", math),
        "module random": ("import random\nx = random", random),
        "module json": ("import json\nx = json", json),
        "module heapq": ("import heapq\nx = heapq", heapq),
        "module logging": ("import logging\nx = logging", logging),
        "module string": ("import string\nx = string", string),
        "module bisect": ("import bisect\nx = bisect", bisect),
        "json.JSONDecodeError": ("import json\nx = json.JSONDecodeError('Expecting value', '[', 1)", json.JSONDecodeError("Expecting value", "[", 1)),
        "module typing": ("import typing\nx = typing", typing),
        "module collections": ("import collections\nx = collections", collections),
        "collections.deque": ("from collections import deque\nx = deque([1], 3)", collections.deque([1], 3)),
        "collections.defaultdict": ("from collections import defaultdict\nx = defaultdict(list, a=1)", collections.defaultdict(list, a=1)),
        "collections.Counter": ("from collections import Counter\nx = Counter('abca')", collections.Counter("abca")),
        "collections.namedtuple": ("from collections import namedtuple\nP = namedtuple('P', 'x y')\nx = P(1, 2)",
                                   collections.namedtuple("P", "x y")(1, 2)),
        "namedtuple class": ("from collections import namedtuple\nx = namedtuple('P', 'x y', defaults=[0])",
                             collections.namedtuple("P", "x y", defaults=[0])),
        "module itertools": ("import itertools\nx = itertools", itertools),
        "module functools": ("import functools\nx = functools", functools),
        "functools.partial": ("import functools\nx = functools.partial(max, 1, key=abs)", functools.partial(max, 1, key=abs)),
        "functools._lru_cache_wrapper": ("import functools\n@functools.lru_cache\ndef x(a):\n    return a", functools.lru_cache(lambda a: a)),
        "module contextlib": ("import contextlib\nx = contextlib", contextlib),
        "contextlib.suppress": ("import contextlib\nx = contextlib.suppress(KeyError)", contextlib.suppress(KeyError)),
        "contextlib.nullcontext": ("import contextlib\nx = contextlib.nullcontext(1)", contextlib.nullcontext(1)),
        "contextlib.closing": ("import contextlib\nx = contextlib.closing(1)", contextlib.closing(1)),
        "contextlib._GeneratorContextManager": ("import contextlib\n@contextlib.contextmanager\ndef g():\n    yield\nx = g()",
                                                contextlib.contextmanager(_generator)()),
        "contextlib._AsyncGeneratorContextManager": ("import contextlib\n@contextlib.asynccontextmanager\nasync def g():\n    yield\nx = g()",
                                                     contextlib.asynccontextmanager(_async_generator)()),
        "itertools.chain": ("import itertools\nx = itertools.chain([1])", itertools.chain([1])),
        "itertools.count": ("import itertools\nx = itertools.count(2)", itertools.count(2)),
        "itertools.product": ("import itertools\nx = itertools.product([1], repeat=2)", itertools.product([1], repeat=2)),
        "itertools.groupby": ("import itertools\nx = itertools.groupby([1])", itertools.groupby([1])),
        "itertools._grouper": ("import itertools\nx = next(itertools.groupby([1]))[1]", next(itertools.groupby([1]))[1]),
        "slice": ("x = slice(1, 5, 2)", slice(1, 5, 2)),
        "module dataclasses": ("import dataclasses\nx = dataclasses", dataclasses),
        "dataclasses.Field": ("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: int\nx = fields(P)[0]",
                              dataclasses.fields(_DataPoint)[0]),
        "functools CacheInfo": ("import functools\n@functools.cache\ndef f(a):\n    return a\nx = f.cache_info()", functools.lru_cache(lambda a: a).cache_info()),
    }
    return made, (loop, coro)


def run_loopscope(loopscope, source):
    """(stdout, error type or None, events before the end other than run_started)."""
    with tempfile.TemporaryDirectory() as d:
        program, events = os.path.join(d, "p.py"), os.path.join(d, "e.jsonl")
        with open(program, "w") as f:
            f.write(source)
        done = subprocess.run([loopscope, "run", program, "--clock", "virtual", "--events", events],
                              capture_output=True, text=True, timeout=30)
        # The first line of a run file is its header (protocol/README.md, "Run files"); then the events.
        lines = [e for e in (json.loads(l) for l in open(events) if l.strip()) if "kind" in e]
    end = lines[-1]
    error = end.get("error", {}).get("type") if end.get("error") else None
    before = [e for e in lines[:-1] if e["kind"] not in ("run_started",)]
    return done.stdout, error, before


def python_outcome(source):
    """What python3 does with the program: 'ok', or the name of the exception it raises."""
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=30)
    if done.returncode == 0 and done.stdout == "ok\n":
        return "ok"
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return last.split(":")[0] or "exit %d" % done.returncode


def judge(loopscope, what, source, python_has):
    stdout, error, before = run_loopscope(loopscope, source)
    if error == "UnsupportedError":
        return None  # refused (up front, or where the engine cannot go on), as the rule allows
    if python_has:
        if error is None and stdout == "ok\n":
            return None
        return "%s: python3 has it, loopscope ended with %s (stdout %r)" % (what, error, stdout)
    expected = python_outcome(source)
    if error == expected:
        return None
    # An attribute dir() does not list but python3 has all the same (a module's __class__)
    if expected == "ok" and error is None and stdout == "ok\n":
        return None
    return "%s: python3 raises %s, loopscope ended with %s" % (what, expected, error)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--loopscope", required=True)
    args = parser.parse_args()

    check = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "cpython_names.py"), "--check"])
    failures = [] if check.returncode == 0 else ["cpython_names.inc is out of date"]

    cases = []
    for name in sorted(dir(builtins)):
        cases.append(("builtin %s" % name, "%s\nprint('ok')\n" % name, True))
    made, keep = kinds()
    every_attribute = set()
    for _, obj in made.values():
        every_attribute |= set(dir(obj))
    for kind, (setup, obj) in sorted(made.items()):
        has = set(dir(obj))
        # Its own attributes, and a few it lacks that other kinds have (python3: AttributeError).
        lacks = sorted(every_attribute - has)[:12] + ["no_such_attribute"]
        for name in sorted(has) + lacks:
            cases.append(("%s.%s" % (kind, name), "%s\nx.%s\nprint('ok')\n" % (setup, name), name in has))
    keep[0].close()
    keep[1].close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda c: judge(args.loopscope, *c), cases))
    failures += [r for r in results if r]
    for f in failures:
        print("FAIL", f)
    print("%d names checked, %d failures" % (len(cases), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
