# Construct: json.dumps with indent= of a dict with a tuple key: _iterencode_dict's TypeError.
import json

json.dumps({"ok": 1, (1, 2): "pair"}, indent=4)
