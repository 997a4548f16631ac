# Construct: the random module seeded — random(), uniform, randint, randrange, choice, choices, getrandbits, gauss draw CPython's numbers for the same seed (str, int and float seeds), and its errors.
import random

random.seed(2024)
print(random.random(), random.uniform(0.5, 2), random.uniform(1, 3))
print([random.randint(1, 6) for _ in range(12)])
print(random.randrange(100), random.randrange(10, 20), random.randrange(0, 100, 7), random.randrange(10, 0, -2))
print(random.choice(["red", "green", "blue"]), random.choice("xyz"), random.choice(range(1000)))
print(random.choices(["a", "b", "c"], k=4))
print(random.choices(["win", "lose"], weights=[1, 9], k=8))
print(random.choices(range(4), cum_weights=[0.5, 1, 1.5, 4], k=5))
print(random.getrandbits(8), random.getrandbits(40), random.getrandbits(128))
print(round(random.gauss(100, 15), 6), round(random.expovariate(0.5), 6), round(random.normalvariate(0, 1), 6))

for seed in ["learner", 7, -7, 3.5, 2**80]:
    random.seed(seed)
    print(repr(seed), random.randint(1, 1000), random.random())

random.seed(1)
first = [random.random() for _ in range(3)]
random.seed(1)
print(first == [random.random() for _ in range(3)])

for attempt in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randint(3, 1),
                lambda: random.randrange(1, 10, 0), lambda: random.choices([1, 2], [1])]:
    try:
        attempt()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
