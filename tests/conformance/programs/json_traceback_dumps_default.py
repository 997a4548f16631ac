# Construct: json.dumps of a set with no default=: JSONEncoder.default's TypeError through the C encoder (dumps, encode, iterencode).
import json

print(json.dumps({"a": [1, 2.5, None]}))
json.dumps({"tags": {"x"}})
