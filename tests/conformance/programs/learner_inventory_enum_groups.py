# An inventory with Enum categories and validation that collects every problem into one
# ExceptionGroup, split with subgroup() and split(), and reported per category.
from enum import Enum, auto


class Category(Enum):
    FRUIT = auto()
    TOOL = auto()
    BOOK = auto()


class BadPrice(ValueError):
    pass


class BadName(ValueError):
    pass


items = [("apple", Category.FRUIT, 1.5), ("", Category.TOOL, 10), ("saw", Category.TOOL, -3), ("novel", Category.BOOK, 12.0),
         ("pear", Category.FRUIT, 0)]


def validate(items):
    problems = []
    for name, category, price in items:
        if not name:
            problems.append(BadName(f"an item of {category.name} has no name"))
        if price <= 0:
            problems.append(BadPrice(f"{name or '?'} costs {price}"))
    if problems:
        raise ExceptionGroup("inventory is invalid", problems)


try:
    validate(items)
except ExceptionGroup as eg:
    prices, others = eg.split(BadPrice)
    print(prices.message, [str(e) for e in prices.exceptions])
    print(others.message, [str(e) for e in others.exceptions])
    print(eg.subgroup(lambda e: "saw" in str(e)))
    print(repr(eg.subgroup(KeyError)))
totals = {c: sum(p for _, cat, p in items if cat is c and p > 0) for c in Category}
for category, total in totals.items():
    print(f"{category.name.title():6} {total:7.2f}")
