# sys.exit with a message: printed on stderr (no traceback), exit status 1.
import sys

attempts = 3
print("trying", attempts, "times")
if attempts > 2:
    sys.exit(f"failed after {attempts} attempts")
print("never printed")
