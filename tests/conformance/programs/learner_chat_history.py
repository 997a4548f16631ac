# A chat room: users as classes with __repr__ and __eq__, messages from asynchronous generators, a
# history kept in a dict of lists, a summary with sorted(key=) and zip(strict=True).
import asyncio
from enum import Enum


class Mood(Enum):
    HAPPY = ":)"
    SAD = ":("
    NEUTRAL = ":|"


class User:
    def __init__(self, name, mood):
        self.name = name
        self.mood = mood

    def __repr__(self):
        return f"User({self.name!r}, {self.mood.value})"

    def __eq__(self, other):
        return isinstance(other, User) and self.name == other.name

    def __hash__(self):
        return hash(self.name)


async def chatter(user, lines, pause):
    for line in lines:
        await asyncio.sleep(pause)
        yield user, f"{line} {user.mood.value}"


async def room(users, scripts, pauses):
    history = {}
    async def listen(user, lines, pause):
        async for who, text in chatter(user, lines, pause):
            history.setdefault(who.name, []).append(text)
            print(f"[{asyncio.get_running_loop().time():.1f}] {who.name}: {text}")
    await asyncio.gather(*(listen(u, s, p) for u, s, p in zip(users, scripts, pauses, strict=True)))
    return history


async def main():
    users = [User("ana", Mood.HAPPY), User("bo", Mood.SAD), User("cy", Mood.NEUTRAL)]
    history = await room(users, [["hi", "how are you?"], ["meh"], ["hello", "hey", "bye"]], [0.3, 0.5, 0.2])
    for name, lines in sorted(history.items(), key=lambda item: -len(item[1])):
        print(name, len(lines), lines)
    print(User("ana", Mood.SAD) in users, users.index(User("cy", Mood.HAPPY)), {Mood.HAPPY: 1}.get(Mood(":)")))
    try:
        await room(users[:2], [["x"]], [0.1, 0.1])
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
