# Construct: json.dumps with indent=: json/encoder.py's generators, a frame per level down to the set that default() refuses.
import json

data = {"name": "job", "steps": [1, {"when": 2.5, "tags": [set()]}]}
print(json.dumps([1, 2], indent=2))
json.dumps(data, indent=2)
