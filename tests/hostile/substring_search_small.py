# The same search on 100,000 characters: linear, so it runs, as in CPython.
# expect: ok
# stdout: False 0 0 50000
s = 'x' * 100000
n = 'x' * 50000 + 'y'
print(n in s, s.count(n), s.find('x' * 50000), s.count('xx'))
