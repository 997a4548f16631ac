# One call site, one attribute read and one store seeing instances of two and then three classes in turn while the classes change: a subclass overriding the method later, the base's method replaced and deleted, a property put on one class only, an instance attribute shadowing on one object, a third class joining
class Account:
    def __init__(self, name):
        self.name = name
        self.balance = 0

    def deposit(self, amount):
        self.balance = self.balance + amount
        return self.name + " " + str(self.balance)


class Savings(Account):
    pass


class Other:
    def __init__(self):
        self.balance = 100
        self.name = "other"

    def deposit(self, amount):
        return "Other.deposit " + str(amount)


def run(objs, rounds):
    out = []
    for i in range(rounds):
        for o in objs:
            try:
                out.append(o.deposit(i))
            except Exception as e:
                out.append(type(e).__name__ + ": " + str(e))
            out.append(o.balance)
    return out


objs = [Account("a"), Savings("s")]
print(run(objs, 2))


def savings_deposit(self, amount):
    return "Savings.deposit " + str(amount)


Savings.deposit = savings_deposit
print(run(objs, 2))
Account.deposit = lambda self, amount: "replaced " + str(amount)
print(run(objs, 2))
del Savings.deposit
print(run(objs, 2))
Savings.balance = property(lambda self: "property balance", lambda self, v: None)
print(run(objs, 2))
del Savings.balance
objs[0].deposit = lambda amount: "instance " + str(amount)
print(run(objs, 2))
del objs[0].deposit
objs.append(Other())
print(run(objs, 2))
del Account.deposit
print(run(objs, 1))
