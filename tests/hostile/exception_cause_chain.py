# 100,000 exceptions, each raised from the one before (__cause__), destroyed at the end without recursion.
# expect: ok
# stdout: built 100000
last = None
for i in range(100000):
    try:
        raise ValueError(i) from last
    except ValueError as e:
        last = e
n = 0
e = last
while e is not None:
    n += 1
    e = e.__cause__
print('built', n)
