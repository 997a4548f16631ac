# Construct: itertools' product, permutations, combinations and combinations_with_replacement: the
# order CPython gives, their lengths, empty pools and r past the pool.
import asyncio
from itertools import combinations, combinations_with_replacement, permutations, product


async def main():
    print(list(product("AB", "xy")), list(product(range(2), repeat=3)), list(product()), list(product("ab", [])))
    print(list(product("ab", repeat=0)), list(product([], repeat=0)), len(list(product(range(3), range(4), "ab"))))
    print(list(permutations("ABC")), list(permutations("ABCD", 2)), list(permutations(range(3), 0)))
    print(list(permutations([], 0)), list(permutations([])), list(permutations("AB", 3)), list(permutations("AB", None)))
    print([len(list(permutations(range(n), k))) for n in range(5) for k in range(n + 2)])
    print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("AB", 0)), list(combinations("AB", 3)))
    print([len(list(combinations(range(n), k))) for n in range(6) for k in range(n + 2)])
    print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)))
    print([len(list(combinations_with_replacement(range(n), k))) for n in range(5) for k in range(4)])
    print(list(permutations([1, 1, 2])), list(combinations([3, 1, 3], 2)), next(permutations(range(6))))
    p = permutations(range(4))
    print([next(p) for _ in range(7)])
    total = 0
    for a, b, c in product(range(5), repeat=3):
        total += a * 25 + b * 5 + c
    print(total)
    await asyncio.sleep(0)
    # A schedule of every pair of workers, as a teacher would print it
    workers = ["ann", "bo", "cy"]
    for first, second in combinations(workers, 2):
        print(f"{first} meets {second}")


asyncio.run(main())
