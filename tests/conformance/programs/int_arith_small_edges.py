# + - * % // of two 64-bit ints at the edges (the interpreter's in-place path): signs, overflow past 64 bits, LONG_MIN // -1, division by zero, bools, augmented assignments
M = 9223372036854775807
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (M, 1), (-M - 1, 1), (M, 2), (-M - 1, -1), (5, 0), (-1, 3), (True, 3), (3, True)]:
    r = []
    for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a % b, lambda: a // b):
        try:
            r.append(f())
        except Exception as e:
            r.append(f"{type(e).__name__}: {e}")
    print(a, b, r)
x = 5
x += 3
x -= 10
x *= -4
x %= 3
x //= 2
print(x, -(2**63) // 3, (2**63 - 1) % 1000)
