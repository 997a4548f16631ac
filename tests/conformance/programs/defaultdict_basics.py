# Construct: collections.defaultdict — default_factory (a type, a function, a lambda, None), __missing__ on d[key] only (not get, in, pop), the factory set later, a dict subclass (isinstance, methods, ==, |, |=, copy, dict()), repr (factory and contents, itself inside itself), type, and CPython's errors.
import asyncio
from collections import defaultdict


def zero_text():
    return "zero"


async def main():
    groups = defaultdict(list)
    for word in "apple avocado banana blueberry cherry apricot".split():
        groups[word[0]].append(word)
    print(groups, len(groups), groups["a"], dict(groups))

    counts = defaultdict(int)
    for letter in "mississippi":
        counts[letter] += 1
    print(counts, sorted(counts.items()), counts["z"], counts)
    print(counts.get("q"), "q" in counts, counts.get("q", 5), len(counts))
    try:
        counts.pop("nothing")
    except KeyError as exc:
        print("KeyError", repr(exc))

    nested = defaultdict(lambda: defaultdict(int))
    nested["x"]["y"] += 2
    nested["x"]["z"] += 1
    print(dict(nested["x"]), len(nested), list(nested))

    named = defaultdict(zero_text, {"one": "1"}, two="2")
    print(dict(named), named["three"], named.default_factory is zero_text, named.default_factory.__name__)
    plain = defaultdict()
    print(plain, plain.default_factory, defaultdict(None, [(1, 2)]), defaultdict(default_factory=list))
    try:
        plain["missing"]
    except KeyError as exc:
        print("KeyError", repr(exc))
    plain.default_factory = set
    plain["s"].add(3)
    print(plain, plain.default_factory)

    print(isinstance(groups, dict), isinstance(groups, defaultdict), isinstance({}, defaultdict), type(groups), defaultdict)
    print(type(groups) is defaultdict, groups == dict(groups), defaultdict(int) == {}, counts == {"m": 1})
    copied = counts.copy()
    copied["new"] += 10
    print(type(copied).__name__, copied["new"], "new" in counts, copied.default_factory)
    merged = counts | {"extra": 100}
    print(merged, {"first": 0} | defaultdict(str, b=1))
    counts |= {"i": 0}
    counts.update(p=9)
    print(counts, counts.setdefault("w", 7), counts.keys() - {"m"} == {"i", "s", "p", "w"})
    for key in list(counts):
        if counts[key] == 0:
            del counts[key]
    print(counts, sorted(counts, key=counts.get), max(counts.values()))
    loop = defaultdict(list)
    loop["me"].append(loop)
    print(loop)

    attempts = [
        ("defaultdict(1)", lambda: defaultdict(1)),
        ("defaultdict('list')", lambda: defaultdict("list")),
        ("defaultdict(list, 1)", lambda: defaultdict(list, 1)),
        ("defaultdict(list, {}, {})", lambda: defaultdict(list, {}, {})),
        ("hash(defaultdict())", lambda: hash(defaultdict())),
        ("defaultdict().nothing", lambda: defaultdict().nothing),
        ("defaultdict(list)[[1]]", lambda: defaultdict(list)[[1]]),
        ("defaultdict(list) | 1", lambda: defaultdict(list) | 1),
        ("defaultdict(int).get()", lambda: defaultdict(int).get()),
        ("defaultdict(int).keys(1)", lambda: defaultdict(int).keys(1)),
    ]
    for text, attempt in attempts:
        try:
            attempt()
            print(text, "did not raise")
        except Exception as exc:
            print(text, "->", type(exc).__name__, exc)


asyncio.run(main())
