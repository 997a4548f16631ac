#!/usr/bin/env python3
"""The engine's layers point one way: run -> asyncio -> vm -> syntax (server/engine/CMakeLists.txt).

A file of a layer may #include the headers of its own layer and of the layers below it. The edges that
still point up are listed below, each with the reason it exists; this test fails on a new one (a file
reaching up a layer it did not reach before) and on a listed one that is gone (strike it from the list,
so that the list only shrinks).

    python3 tests/engine/layers_test.py
"""
import os
import re
import sys

ENGINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "server", "engine")
LAYERS = ["syntax", "vm", "asyncio", "run"]  # bottom to top

# file -> headers of a higher layer it includes, and why (to be untangled)
KNOWN_UPWARD = {
    # A code object's constants and the AST's literals are values (as in clox's chunk and CPython's
    # code objects, which hold PyObjects): values would have to sink below syntax, or constants become
    # a representation of their own that the vm turns into values once per code object.
    "syntax/ast.hpp": {"value.hpp"},
    "syntax/code.hpp": {"value.hpp"},
    # ... and the parser reads int literals of any size into them.
    "syntax/parser.cpp": {"integers.hpp"},
    "syntax/compiler.cpp": {"integers.hpp"},
    # `runtime` is still one class: the interpreter's state (frames, exceptions, calls) and the loop's
    # (tasks, handles, the runner). The vm's natives are its methods. Splitting it in two (the
    # interpreter, which the asyncio layer extends) removes every edge below.
    "vm/bisect_module.cpp": {"runtime.hpp"},
    "vm/builtins.cpp": {"runtime.hpp", "library.hpp"},
    "vm/interpreter.cpp": {"runtime.hpp", "library.hpp"},
    "vm/collections_counter.cpp": {"runtime.hpp"},
    "vm/collections_module.cpp": {"runtime.hpp"},
    "vm/collections_ordered_dict.cpp": {"runtime.hpp"},
    "vm/contextlib_module.cpp": {"runtime.hpp"},
    "vm/dataclasses_module.cpp": {"runtime.hpp"},
    "vm/did_you_mean.cpp": {"runtime.hpp"},
    "vm/enum_module.cpp": {"runtime.hpp"},
    "vm/exception_groups.cpp": {"runtime.hpp"},
    "vm/functools_module.cpp": {"runtime.hpp"},
    "vm/itertools_module.cpp": {"runtime.hpp"},
    "vm/heapq_module.cpp": {"runtime.hpp"},
    "vm/json_module.cpp": {"runtime.hpp"},
    "vm/math_module.cpp": {"runtime.hpp"},
    "vm/named_tuples.cpp": {"runtime.hpp"},
    "vm/objects.cpp": {"runtime.hpp"},
    "vm/operators.cpp": {"runtime.hpp"},
    "vm/random_module.cpp": {"runtime.hpp"},
    "vm/set_methods.cpp": {"runtime.hpp"},
    "vm/str_methods.cpp": {"runtime.hpp"},
    "vm/text_format.cpp": {"runtime.hpp"},
    "vm/tracebacks.cpp": {"runtime.hpp"},
    "vm/typing_forms.cpp": {"runtime.hpp"},
}

INCLUDE = re.compile(r'\s*#\s*include\s+"([\w./]+)"')


def main():
    layer_of = {}
    files = []
    for layer in LAYERS:
        folder = os.path.join(ENGINE, layer)
        for name in sorted(os.listdir(folder)):
            if os.path.isfile(os.path.join(folder, name)) and name.endswith((".cpp", ".hpp", ".inc")):
                layer_of[name] = layer
                files.append((layer, name))
    stray = [n for n in os.listdir(ENGINE) if n.endswith((".cpp", ".hpp"))]
    problems = ["%s is in server/engine/ itself: put it in a layer's folder" % n for n in stray]
    found = {}
    for layer, name in files:
        with open(os.path.join(ENGINE, layer, name), encoding="utf-8") as f:
            for line in f:
                m = INCLUDE.match(line)
                if not m or m.group(1) not in layer_of:
                    continue
                target = layer_of[m.group(1)]
                if LAYERS.index(target) > LAYERS.index(layer):
                    found.setdefault("%s/%s" % (layer, name), set()).add(m.group(1))
    for path in sorted(set(found) | set(KNOWN_UPWARD)):
        new = found.get(path, set()) - KNOWN_UPWARD.get(path, set())
        gone = KNOWN_UPWARD.get(path, set()) - found.get(path, set())
        for h in sorted(new):
            problems.append("%s includes %s, a layer above its own (%s): move the code to the layer it "
                            "needs, or turn the dependency around" % (path, h, " -> ".join(reversed(LAYERS))))
        for h in sorted(gone):
            problems.append("%s no longer includes %s: strike it from KNOWN_UPWARD in %s" % (path, h, __file__))
    edges = sum(len(v) for v in found.values())
    if problems:
        print("\n".join(problems))
        return 1
    print("%d files in %d layers; %d upward includes, all known" % (len(files), len(LAYERS), edges))
    return 0


if __name__ == "__main__":
    sys.exit(main())
