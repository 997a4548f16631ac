import asyncio


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.history = {}

    def deposit(self, amount):
        self.balance += amount
        self.history[amount % 7] = self.history.get(amount % 7, 0) + 1
        return self.balance


class Savings(Account):
    def deposit(self, amount):
        return super().deposit(amount + 1)


async def main():
    accounts = [Account("a"), Savings("b")]
    total = 0
    for i in range(150_000):
        account = accounts[i % 2]
        total += account.deposit(i)
    print(total, accounts[0].history, accounts[1].balance)


asyncio.run(main())
