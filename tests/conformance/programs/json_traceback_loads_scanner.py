# Construct: json.loads: an error the C scanner raises (a missing comma deep inside) ends the program with loads, decode and raw_decode frames.
import json

def parse(text):
    return json.loads(text)

print(parse('{"ok": [1, 2]}'))
parse('{"items": [1, 2 3]}')
