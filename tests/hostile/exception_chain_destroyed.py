# 200,000 exceptions, each the argument of the next, destroyed at the end without recursion.
# expect: ok
# stdout: built
x = ValueError()
for i in range(200000):
    x = ValueError(x)
print('built')
