#!/usr/bin/env python3
"""CPython 3.11's own names, for the engine's rule "exactly CPython, or refused up front".

    python3 scripts/cpython_names.py            # rewrites server/engine/syntax/cpython_names.inc
    python3 scripts/cpython_names.py --check    # exits 1 if the file is not what this python3 says

The engine needs, while it runs and without python3 at hand, to tell a name CPython has but the engine
does not model (UnsupportedError, up front where it can) from a name CPython lacks too (NameError,
AttributeError as CPython raises them). This script asks the real python3: the names of `builtins`,
the builtin exception hierarchy, and the attributes of every type whose objects the engine makes. The
test suite runs it with --check, so the table is never copied by hand and never goes stale.
"""
import asyncio
import bisect
import builtins
import collections
import contextlib
import dataclasses
import functools
import itertools
import heapq
import json
import enum
import logging
import math
import os
import random
import string
import typing
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "server", "engine", "syntax", "cpython_names.inc")


class _Colour(enum.Enum):
    RED = 1


async def _async_generator():
    yield


def exception_classes():
    """Every builtin exception class, each after its base (single inheritance: the first base)."""
    found = [v for v in vars(builtins).values() if isinstance(v, type) and issubclass(v, BaseException)]
    out, seen = [], set()

    def add(cls):
        if cls in seen:
            return
        base = cls.__bases__[0]
        if base is not object:
            add(base)
        seen.add(cls)
        out.append((cls.__name__, "" if base is object else base.__name__))

    for cls in sorted(found, key=lambda c: c.__name__):
        add(cls)
    return out


def _generator():
    yield


async def _coroutine():
    pass


def _traceback():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__


def type_attributes():
    """The attributes of each kind of object the engine makes, as dir() lists them."""
    loop = asyncio.new_event_loop()
    coro = _coroutine()
    task = loop.create_task(_coroutine())
    kinds = {
        "object": object(), "NoneType": None, "bool": True, "int": 0, "float": 0.0, "str": "", "list": [], "tuple": (),
        "range": range(0), "list_iterator": iter([]), "function": lambda: 0, "builtin_function_or_method": len,
        "coroutine": coro, "Task": task, "Future": loop.create_future(), "loop": loop,
        "Handle": loop.call_soon(int), "TimerHandle": loop.call_later(1, int),
        "asyncio.Lock": asyncio.Lock(), "asyncio.Event": asyncio.Event(), "asyncio.Semaphore": asyncio.Semaphore(),
        "asyncio.BoundedSemaphore": asyncio.BoundedSemaphore(), "asyncio.Queue": asyncio.Queue(),
        "asyncio.PriorityQueue": asyncio.PriorityQueue(), "asyncio.LifoQueue": asyncio.LifoQueue(),
        "module": asyncio, "module random": random, "module typing": typing, "module sys": sys, "TextIOWrapper": sys.stdout,
        "module enum": enum, "module math": math, "module json": json, "module logging": logging, "module heapq": heapq, "module string": string, "module bisect": bisect, "module time": time, "module dataclasses": dataclasses, "EnumType": enum.Enum, "Enum member": _Colour.RED, "ellipsis": ..., "slice": slice(0),
        "dict": {}, "dict_keys": {}.keys(), "dict_values": {}.values(), "dict_items": {}.items(),
        "dict_keyiterator": iter({}), "dict_valueiterator": iter({}.values()), "dict_itemiterator": iter({}.items()),
        "dict_reversekeyiterator": reversed({}), "tuple_iterator": iter(()), "range_iterator": iter(range(0)),
        "str_ascii_iterator": iter(""), "str_iterator": iter("é"), "list_reverseiterator": reversed([]),
        "reversed": reversed(()), "generator": (x for x in ()), "enumerate": enumerate([]), "zip": zip(), "map": map(len, []), "filter": filter(None, []),
        "traceback": _traceback(),
        "async_generator": _async_generator(), "async_generator_asend": _async_generator().__anext__(),
        "set": set(), "frozenset": frozenset(), "set_iterator": iter(set()),
        "module collections": collections, "collections.deque": collections.deque(),
        "collections.defaultdict": collections.defaultdict(),
        "collections.Counter": collections.Counter(),
        "collections.OrderedDict": collections.OrderedDict(), "odict_keys": collections.OrderedDict().keys(),
        "odict_values": collections.OrderedDict().values(), "odict_items": collections.OrderedDict().items(),
        "odict_iterator": iter(collections.OrderedDict()),
        "_collections._deque_iterator": iter(collections.deque()),
        "_collections._deque_reverse_iterator": reversed(collections.deque()),
        "module itertools": itertools,
        "module functools": functools, "functools.partial": functools.partial(len),
        "functools._lru_cache_wrapper": functools.lru_cache(lambda a: a),
        "module contextlib": contextlib, "contextlib.suppress": contextlib.suppress(),
        "contextlib.nullcontext": contextlib.nullcontext(), "contextlib.closing": contextlib.closing(None),
        "contextlib._GeneratorContextManager": contextlib.contextmanager(_generator)(),
        "contextlib._AsyncGeneratorContextManager": contextlib.asynccontextmanager(_async_generator)(),
    }
    # Each iterator of itertools the engine models, by the name type() gives it.
    for made in (itertools.count(), itertools.repeat(0), itertools.cycle(()), itertools.accumulate(()), itertools.chain(),
                 itertools.compress((), ()), itertools.dropwhile(len, ()), itertools.takewhile(len, ()),
                 itertools.filterfalse(len, ()), itertools.islice((), 0), itertools.starmap(len, ()), itertools.zip_longest(),
                 itertools.pairwise(()), itertools.product(), itertools.permutations(()), itertools.combinations((), 0),
                 itertools.combinations_with_replacement((), 0), itertools.groupby(()), next(itertools.groupby("a"))[1],
                 itertools.tee(())[0]):
        kinds["itertools." + type(made).__name__] = made
    out = {name: sorted(dir(obj)) for name, obj in kinds.items()}
    # Where 3.11's patch releases differ, the table holds the names of both, so that it is the same
    # whichever python3 3.11 writes it: enum gained two names in 3.11.5, and before 3.11.3 a
    # member's dir() listed its class's members too.
    out["module enum"] = sorted(set(out["module enum"]) | {"pickle_by_enum_name", "pickle_by_global_name"})
    # math is an extension module (with a __file__) in some builds, built into the interpreter in Debian's.
    out["module math"] = sorted(set(out["module math"]) | {"__file__"})
    # collections.abc is an attribute of collections once something has imported it (3.11.7's site does).
    out["module collections"] = sorted(set(out["module collections"]) | {"abc"})
    out["Enum member"] = [n for n in out["Enum member"] if n != "RED"]
    # A class: what dir() shows of it, and what its metaclass gives it (__name__, __mro__ ...).
    out["type"] = sorted(set(dir(type)) | set(dir(BaseException)))
    # An exception: each class its own, since OSError has errno and StopIteration has value.
    for name, _ in exception_classes():
        out["exception " + name] = sorted(dir(getattr(builtins, name)))
    task.cancel()
    loop.run_until_complete(asyncio.sleep(0))
    coro.close()
    loop.close()
    return out


def unprintable_ranges():
    """The code points beyond ASCII that repr() escapes (str.isprintable() is False), as ranges."""
    out, start = [], None
    for code in range(0x80, 0x110000):
        unprintable = not chr(code).isprintable()
        if unprintable and start is None:
            start = code
        elif not unprintable and start is not None:
            out.append((start, code - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def render():
    lines = [
        "// Generated by scripts/cpython_names.py from python3 %d.%d; do not edit." % sys.version_info[:2],
        "// The test suite checks it against the python3 it runs (ctest -R cpython_names).",
        "",
        "// dir(builtins)",
        "inline constexpr const char* cpython_builtins[] = {",
    ]
    lines += ['    "%s",' % n for n in sorted(dir(builtins))]
    lines += ["};", "", "// The builtins module's dict in its order (vars(builtins)), where a NameError's suggestion looks last",
              "inline constexpr const char* cpython_builtins_in_order[] = {"]
    lines += ['    "%s",' % n for n in vars(builtins)]
    lines += ["};", "", "// The builtin exception classes, each after its base: {name, base}",
              "inline constexpr cpython_exception cpython_exceptions[] = {"]
    lines += ['    {"%s", "%s"},' % pair for pair in exception_classes()]
    lines += ["};", "", "// Other names of those classes in builtins: {alias, class}",
              "inline constexpr cpython_exception cpython_exception_aliases[] = {"]
    lines += ['    {"%s", "%s"},' % (n, v.__name__) for n, v in sorted(vars(builtins).items())
              if isinstance(v, type) and issubclass(v, BaseException) and v.__name__ != n]
    lines += ["};", "", "// dir() of each kind of object the engine makes: {kind, names separated by spaces}",
              "inline constexpr cpython_type_names cpython_types[] = {"]
    for kind, names in sorted(type_attributes().items()):
        lines.append('    {"%s", "%s"},' % (kind, " ".join(names)))
    lines += ["};", "", "// Code points beyond ASCII that repr() escapes (not str.isprintable()): {first, last}",
              "inline constexpr cpython_code_range cpython_unprintable[] = {"]
    lines += ["    {0x%X, 0x%X}," % r for r in unprintable_ranges()]
    lines += ["};", ""]
    return "\n".join(lines)


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        try:
            with open(TARGET) as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print("cpython_names.py: %s is not what python3 %d.%d says; run scripts/cpython_names.py"
                  % (os.path.relpath(TARGET), *sys.version_info[:2]), file=sys.stderr)
            return 1
        print("cpython_names.inc matches python3 %d.%d" % sys.version_info[:2])
        return 0
    with open(TARGET, "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
