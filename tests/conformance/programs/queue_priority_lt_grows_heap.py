# A PriorityQueue item whose __lt__ adds to the queue: heapq's RuntimeError, list changed size during iteration
import asyncio
q = None
class K:
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        if s.v == 2: q.put_nowait(K(9)); q.put_nowait(K(8))
        return s.v < o.v
    def __repr__(s): return f"K{s.v}"
async def main():
    global q
    q = asyncio.PriorityQueue()
    for i in [5, 1, 4, 7, 2, 0, 3]:
        try:
            q.put_nowait(K(i))
        except Exception as e: print(type(e).__name__, e)
    print(q)
    while not q.empty():
        try: print(q.get_nowait())
        except Exception as e: print(type(e).__name__, e); break
asyncio.run(main())
