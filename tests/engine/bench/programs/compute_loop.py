total = 0
for i in range(600_000):
    total += i % 7
print(total)
