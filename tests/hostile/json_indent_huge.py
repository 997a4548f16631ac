# indent=10**9 would make a billion-space indentation: asked of the memory bound before it is made.
# expect: ResourceLimitError max_memory_bytes
import json
print(len(json.dumps([[1]], indent=10**9)))
