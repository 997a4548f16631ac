# json.loads of 450,000 items in one call: each value is charged as it is scanned.
# expect: ResourceLimitError max_operation_steps
import json
text = "[" + "1," * 450_000 + "1]"
print(len(json.loads(text)))
