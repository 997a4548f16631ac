# An endless loop ends at the step bound.
# expect: ResourceLimitError steps
while True:
    pass
