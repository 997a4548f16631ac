# insort at the front of a list of 200,000 items, again and again: each call moves every item up one,
# and is charged for them, so the loop goes over many slices and ends at max_steps.
# expect: ResourceLimitError max_steps
import bisect
xs = list(range(1, 200_000))
while True:
    bisect.insort(xs, 0)
    xs.pop(0)
