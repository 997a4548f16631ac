# Builtins that call a builtin once per item — sorted's keys, map, filter, max with key= — make no
# instruction steps between the calls: each call is charged, so 200,000 of them in one operation end the
# run at the operation's bound instead of holding the thread for 100 ms (sorted with key=str.lower did).
# expect: ResourceLimitError max_operation_steps
words = [str(i) for i in range(200000)]
for i in range(20):
    n = len(list(map(len, words)))
    n = len(list(filter(len, words)))
    w = max(words, key=len)
    ws = sorted(words, key=str.lower)
print('ok')
