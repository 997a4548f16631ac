# Construct: for over range and lists, while, break, continue, pass, if/elif/else inside a coroutine.
import asyncio

async def main():
	for i in range(5):
		if i == 1:
			continue
		elif i == 3:
			pass
		elif i == 4:
			break
		else:
			print("else branch", i)
		print("loop", i)
	for word in ["tea", "coffee", "juice"]:
		if word == "coffee":
			print("found", word)
			break
	total = 0
	n = 0
	while True:
		n = n + 1
		if n % 2 == 0:
			continue
		total = total + n
		if n > 7:
			break
	print("total", total, "n", n)
	for i in range(2, 11, 4):
		print("step", i)
	for i in range(3, 0, -1):
		print("countdown", i)
		await asyncio.sleep(0.5)
	while n > 0:
		n = n - 3
	print("n", n)

asyncio.run(main())
