# One group held fifteen times at each of ten levels: CPython would print 15**10 boxes. The traceback
# stops at max_sequence_length characters, and the run ends on time.
# expect: ExceptionGroup level 9
g = ValueError("leaf")
for i in range(10):
    g = ExceptionGroup(f"level {i}", [g] * 15)
raise g
