# sys.exit(): no keywords, one argument at most; None and () make SystemExit(), a tuple SystemExit(*tuple); it is no Exception
import sys
try:
    sys.exit(1, 2)
except TypeError as e:
    print(e)
try:
    sys.exit(status=1)
except TypeError as e:
    print(e)
for a in [(), (None,), (5,), ((1,2),), ('msg',), ((),)]:
    try: sys.exit(*a)
    except SystemExit as e: print(a, e.args)
try:
    sys.exit(4)
except Exception:
    print('not here')
except BaseException as e:
    print('base', type(e).__name__)
