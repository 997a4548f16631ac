# A generator let go at a yield inside try/finally whose finally never ends: the close runs the
# cleanup as a call of its own (gen.close()), counted as one operation, so the run ends at the bound
# of one operation instead of holding the thread.
# expect: ResourceLimitError max_operation_steps
def endless():
    try:
        yield 1
    finally:
        while True:
            pass


for item in endless():
    break
