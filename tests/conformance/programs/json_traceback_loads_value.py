# Construct: json.loads: "Expecting value" at the top is raised `from None` in raw_decode: inside an except block no context is shown.
import json

try:
    {}["missing"]
except KeyError:
    json.loads("   ")
