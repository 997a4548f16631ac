# max(key=len) over 4,000 copies of a string of 40,001 characters: len() counts a string's code
# points once and keeps the count, so this is as quick as in CPython (it was 2 * 10**8 bytes scanned).
# expect: ok
# stdout: 40001 40001
a = 'a' * 40000 + 'b'
l = [a] * 4000
print(len(max(l, key=len)), sum(map(len, l)) // 4000)
