import asyncio

balance = 0

async def deposit(who: str, amount: int):
	global balance
	seen = balance				# 1. read
	await asyncio.sleep(0)			# 2. let the other tasks run
	balance = seen + amount			# 3. write what we read, plus amount
	print(f"{who} saw {seen}, wrote {balance}")

async def deposit_locked(lock: asyncio.Lock, who: str, amount: int):
	async with lock:			# one task at a time between read and write
		await deposit(who, amount)

async def main():
	global balance
	await asyncio.gather(deposit("Ann", 10), deposit("Bob", 10), deposit("Cat", 10))
	print("Without a lock the balance is", balance, "- expected 30")

	balance = 0
	lock = asyncio.Lock()
	await asyncio.gather(*(deposit_locked(lock, who, 10) for who in ("Ann", "Bob", "Cat")))
	print("With a lock the balance is", balance)

asyncio.run(main())
