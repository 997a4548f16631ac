a = 2 ** 100 + 7
b = -(3 ** 70)
print(a + b, a * b, a // b, a % b, divmod(a, b), a & b, a | b, a ^ b, ~a, a >> 3, b << 65)
print(hex(a), oct(b), bin(-5), int("1" * 40), pow(a, b % 50, 97), hash(a) == hash(a + 0))
print(-2 ** 63 // -1, abs(-2 ** 63), (2 ** 63 - 1) + 1, 1 << 64, -1 >> 70, chr(ord("a") + 1))
