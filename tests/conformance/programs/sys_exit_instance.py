# sys.exit(a SystemExit) raises that very exception; a code whose str() raises prints an empty line.
import sys

e = SystemExit(4)
try:
    sys.exit(e)
except SystemExit as caught:
    print(caught is e, caught.args)


class Unprintable:
    def __str__(self):
        raise ValueError("no text")


sys.exit(Unprintable())
