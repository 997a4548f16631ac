# Construct: json.dumps with indent= and allow_nan=False: floatstr's ValueError, whose words name the float (the C encoder's do not).
import json

try:
    json.dumps([float("inf")], allow_nan=False)
except ValueError as e:
    print("C encoder:", e)
json.dumps({"values": [1.0, float("nan")]}, indent=1, allow_nan=False)
