# Construct: private names — __name attributes and class variables mangled to _Class__name inside a class (a leading underscore of the class name dropped), reachable by the mangled name outside, AttributeError by the plain one.
class Account:
    __count = 0
    def __init__(self, owner):
        self.__balance = 0
        self.owner = owner
        Account.__count += 1
    def __audit(self):
        return f"{self.owner}: {self.__balance}"
    def deposit(self, n):
        self.__balance += n
        return self.__audit()
    @classmethod
    def count(cls):
        return cls.__count

class _Hidden:
    def __init__(self):
        self.__x = 1
    def get(self):
        return self.__x

a = Account("ann")
print(a.deposit(5), a._Account__balance, Account.count(), Account._Account__count, _Hidden().get(), _Hidden()._Hidden__x)
try:
    print(a.__balance)
except AttributeError as e:
    print("AttributeError", e)
try:
    a.__audit()
except AttributeError as e:
    print("AttributeError", e)
a.__balance = 99
print(a.__balance, a.deposit(1))
# Outside a class nothing is mangled: a class attribute set from outside keeps its name
Account.__limit = 500
print(Account.__limit, a.__limit)
