# asyncio.Lock: a lost update on a shared balance without it, none with it; FIFO order of the waiters
import asyncio

balance = 0


async def deposit_unsafe(n):
    global balance
    read = balance
    await asyncio.sleep(0)
    balance = read + n


async def deposit(lock, n, name):
    global balance
    async with lock:
        print(name, "holds the lock", lock)
        read = balance
        await asyncio.sleep(0.1)
        balance = read + n


async def main():
    global balance
    await asyncio.gather(*(deposit_unsafe(10) for _ in range(5)))
    print("without a lock:", balance)
    balance = 0
    lock = asyncio.Lock()
    print(lock, lock.locked())
    await asyncio.gather(*(deposit(lock, 10, f"d{i}") for i in range(5)))
    print("with a lock:", balance, lock)
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
