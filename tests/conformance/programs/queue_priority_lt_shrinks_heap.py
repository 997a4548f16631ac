# A PriorityQueue item whose __lt__ takes from the queue: heapq's RuntimeError
import asyncio
q = None
class K:
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        if q.qsize() > 3 and s.v == 2:
            q.get_nowait()
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
