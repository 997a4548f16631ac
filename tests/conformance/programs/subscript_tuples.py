# Several indices in one subscript are a tuple: grid[r, c] as a dict key, and CPython's errors
# for a tuple index into a sequence.
grid = {}
for r in range(2):
    for c in range(3):
        grid[r, c] = r * 10 + c
print(grid[1, 2], grid[(0, 1)], grid[1, 2,])
del grid[0, 0]
grid[1, 1] += 5
print(len(grid), grid[1, 1])
try:
    print(grid[5, 5])
except KeyError as e:
    print("KeyError", e)
t = (1, 2)
try:
    t[0, 1]
except TypeError as e:
    print(e)
xs = [1, 2, 3]
try:
    xs[0:1, 2]
except TypeError as e:
    print(e)
