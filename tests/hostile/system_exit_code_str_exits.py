# sys.exit with an object whose __str__ calls sys.exit with another such object: printing the code at
# the end raises while the run is ending (it once crashed the process: the exception being printed was
# the one the __str__ call replaced). CPython prints an empty line and exits 1.
# expect: SystemExit __main__.C object at
import sys


class C:
    def __str__(self):
        sys.exit(C())


sys.exit(C())
