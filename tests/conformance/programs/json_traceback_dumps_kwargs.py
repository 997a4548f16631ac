# Construct: json.dumps with sort_keys=: dumps makes a JSONEncoder (line 238); a user default= that raises shows its own frame innermost.
import json

def encode_object(o):
    return o.missing

json.dumps({"b": 1, "a": object()}, sort_keys=True, default=encode_object)
