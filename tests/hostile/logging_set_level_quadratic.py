# setLevel() clears the cache of every logger there is (as CPython's does): a new logger and a
# setLevel each time is quadratic work, charged as it runs, that the step bound ends.
# expect: ResourceLimitError max_steps
import logging

i = 0
while True:
    logging.getLogger("svc.%d" % i).setLevel(logging.INFO)
    i += 1
