# A bound method asks its function for the attributes it lacks itself, so CPython's error names the
# function's type; a method call through obj.method(...) and the method object read first agree.
class Account:
    def deposit(self, amount):
        return amount

    @classmethod
    def open(cls):
        return cls()


account = Account()
for get in (lambda: account.deposit.limit, lambda: Account.open.limit, lambda: account.deposit.limit()):
    try:
        get()
    except AttributeError as e:
        print("AttributeError:", e)
print(account.deposit(5), Account.open().deposit(6))
account.deposit.total
