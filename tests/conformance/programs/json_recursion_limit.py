# Construct: json at the recursion limit: loads and dumps counted as CPython counts their Python frames and C levels, RecursionError with the C scanner's and encoder's words.
import json
try:
    json.loads("[" * 100000)
except RecursionError as e:
    print("loads", e)
try:
    json.loads('{"a":' * 5000)
except RecursionError as e:
    print("loads obj", e)
x = []
for i in range(5000):
    x = [x]
try:
    json.dumps(x)
except RecursionError as e:
    print("dumps", e)
def f(n):
    if n == 0:
        return json.loads("[[[[1]]]]")
    return f(n - 1)
for depth in (990, 993, 994, 995, 996, 997, 998):
    try:
        print(depth, f(depth))
    except RecursionError as e:
        print(depth, "RecursionError", e)
def g(n):
    if n == 0:
        return json.dumps([[[[1]]]])
    return g(n - 1)
for depth in (990, 993, 994, 995, 996, 997, 998):
    try:
        print(depth, g(depth))
    except RecursionError as e:
        print(depth, "RecursionError", e)
