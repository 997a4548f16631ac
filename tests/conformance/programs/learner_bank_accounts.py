# Learner program: bank accounts as classes with async transfers run concurrently — methods, class-level counters, custom exceptions, __repr__, sorting objects with key=.
import asyncio


class InsufficientFunds(Exception):
    """Raised when a withdrawal is larger than the balance."""


class Account:
    opened = 0

    def __init__(self, owner, balance=0):
        Account.opened += 1
        self.number = Account.opened
        self.owner = owner
        self.balance = balance
        self.history = []

    def __repr__(self):
        return f"<Account #{self.number} {self.owner}: {self.balance}>"

    async def deposit(self, amount):
        await asyncio.sleep(0.01)
        self.balance += amount
        self.history.append(("deposit", amount))

    async def withdraw(self, amount):
        await asyncio.sleep(0.02)
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))


class SavingsAccount(Account):
    rate = 0.05

    def __init__(self, owner, balance=0):
        super().__init__(owner, balance)
        self.interest_paid = 0

    async def add_interest(self):
        await asyncio.sleep(0.05)
        interest = round(self.balance * self.rate, 2)
        await self.deposit(interest)
        self.interest_paid += interest
        return interest


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}

    def open(self, kind, owner, balance):
        account = kind(owner, balance)
        self.accounts[owner] = account
        return account

    async def transfer(self, source, target, amount):
        try:
            await self.accounts[source].withdraw(amount)
        except InsufficientFunds as e:
            print(f"transfer {source}->{target} refused: {e}")
            return False
        await self.accounts[target].deposit(amount)
        print(f"transfer {source}->{target}: {amount}")
        return True


async def main():
    bank = Bank("Asyncio Savings")
    bank.open(Account, "ann", 100)
    bank.open(SavingsAccount, "bob", 50)
    bank.open(Account, "cid", 0)
    results = await asyncio.gather(
        bank.transfer("ann", "bob", 30),
        bank.transfer("cid", "ann", 10),
        bank.transfer("bob", "cid", 70),
        bank.accounts["bob"].add_interest(),
    )
    print(results)
    for account in sorted(bank.accounts.values(), key=lambda a: a.balance, reverse=True):
        print(account, account.history)
    savings = [a for a in bank.accounts.values() if isinstance(a, SavingsAccount)]
    print(savings, savings[0].interest_paid, Account.opened, SavingsAccount.rate)
    total = sum(a.balance for a in bank.accounts.values())
    print(f"{bank.name} holds {total:.2f}")


asyncio.run(main())
