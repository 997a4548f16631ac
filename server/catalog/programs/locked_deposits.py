import asyncio

balance = 0

async def deposit(lock: asyncio.Lock, who: str, amount: int):
	global balance
	async with lock:			# one task at a time between read and write
		seen = balance			# 1. read
		await asyncio.sleep(0.1)	# 2. a call to the bank's database
		balance = seen + amount		# 3. write what we read, plus amount
	print(f"{who} saw {seen}, wrote {balance}")

async def main():
	lock = asyncio.Lock()
	await asyncio.gather(*(deposit(lock, who, 10) for who in ("Ann", "Bob", "Cat")))
	print("The balance is", balance)

asyncio.run(main())
