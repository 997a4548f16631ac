# A learner's bank: custom exceptions with attributes, try/except/else/finally, and transfers in tasks.
import asyncio


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, needed):
        super().__init__(f"{account.owner} needs {needed} more")
        self.account = account
        self.needed = needed


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(self, amount - self.balance)
        self.balance -= amount


async def transfer(source, target, amount, delay):
    await asyncio.sleep(delay)
    try:
        source.withdraw(amount)
    except InsufficientFunds as e:
        print(f"declined: {e} (short by {e.needed})")
        return False
    except BankError:
        print("other bank error")
        return False
    else:
        target.balance += amount
        print(f"moved {amount} {source.owner} -> {target.owner}")
        return True
    finally:
        print(f"  balances: {source.owner}={source.balance} {target.owner}={target.balance}")


async def main():
    a, b = Account("amy", 100), Account("ben", 20)
    done = await asyncio.gather(transfer(a, b, 70, 0.2), transfer(b, a, 50, 0.1), transfer(a, b, 40, 0.3))
    print(done)
    try:
        await transfer(a, b, -5, 0)
    except ValueError as e:
        print("ValueError:", e)
    print(issubclass(InsufficientFunds, BankError), isinstance(InsufficientFunds(a, 1), Exception))


asyncio.run(main())
