# Construct: random.shuffle and random.sample seeded — both of CPython's sample algorithms (a pool for a small population, a set of picks for a large one), strings, tuples and ranges as populations, and their errors.
import random

random.seed(99)
deck = [f"{rank}{suit}" for suit in "SHDC" for rank in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:10])
hand = random.sample(deck, 5)
print(hand)
print(random.sample(range(10**9), 6))
print(random.sample(range(40), 30))
print(random.sample("abcdefgh", 3), random.sample((10, 20, 30), k=2))
print(random.sample(range(10000), 20))
items = list(range(10))
random.shuffle(items)
print(items)
empty = []
random.shuffle(empty)
print(empty, random.sample([], 0))

for attempt in [lambda: random.sample([1, 2], 3), lambda: random.sample({1: "a", 2: "b"}, 1), lambda: random.shuffle((1, 2))]:
    try:
        attempt()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
