# Lexicographic comparison of two long lists, a hundred times.
# expect: ok
# stdout: False
x = [0] * 100000
y = [0] * 100000
for i in range(100):
    x < y
print(x < y)
