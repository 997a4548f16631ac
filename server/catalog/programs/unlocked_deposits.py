import asyncio

balance = 0

async def deposit(who: str, amount: int):
	global balance
	seen = balance				# 1. read
	await asyncio.sleep(0.1)		# 2. a call to the bank's database
	balance = seen + amount			# 3. write what we read, plus amount
	print(f"{who} saw {seen}, wrote {balance}")

async def main():
	await asyncio.gather(deposit("Ann", 10), deposit("Bob", 10), deposit("Cat", 10))
	print("The balance is", balance, "- expected 30")

asyncio.run(main())
