# remove_done_callback whose __eq__ adds callbacks meanwhile (once a crash of loopscope's)
# conformance: whole stderr
import asyncio

added = False

class CB:
    def __init__(self, fut):
        self.fut = fut
    def __call__(self, f):
        pass
    def __eq__(self, other):
        global added
        if not added:
            added = True
            for i in range(100):
                self.fut.add_done_callback(len)
        return False

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(CB(fut))
    fut.add_done_callback(CB(fut))
    print(fut.remove_done_callback(CB(fut)))
    print(fut)

asyncio.run(main())
