# A key function of the program called once per item by sorted(): its instructions are stepped inside
# the one sorted() operation, and each call is charged as the work of setting it up.
# expect: ResourceLimitError max_operation_steps
words = [str(i) for i in range(200000)]
for i in range(20):
    ws = sorted(words, key=lambda w: w)
print('ok')
