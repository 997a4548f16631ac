# Construct: json.loads of something that is not a str: the TypeError of loads itself.
import json

json.loads(["not", "text"])
