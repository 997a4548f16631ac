# Construct: the string module's constants (ascii_letters, digits, punctuation, whitespace, printable …) as a learner uses them: making random ids, counting character classes, stripping punctuation.
import random
import string

print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(len(string.printable), string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
random.seed(5)
print("".join(random.choice(string.ascii_letters + string.digits) for _ in range(12)))
text = "Hello, World! It's 2024... asyncio: fun?"
counts = {name: sum(ch in getattr(string, name) for ch in text) for name in ("ascii_letters", "digits", "punctuation", "whitespace")}
print(counts)
print("".join(ch for ch in text if ch not in string.punctuation).lower().split())
from string import ascii_uppercase as upper, digits
print(upper[::-1], digits[1::2])
