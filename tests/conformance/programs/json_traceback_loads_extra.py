# Construct: json.loads: "Extra data" is raised in decode, after a value that parsed.
import json

print(json.loads("[1]"))
json.loads('[1] [2]')
