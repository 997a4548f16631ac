# A learner's chat room: members as objects, messages delivered by tasks, a history dict per member.
import asyncio


class Member:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        self.inbox = []

    async def receive(self, sender, text):
        await asyncio.sleep(self.delay)
        self.inbox.append(f"{sender}: {text}")
        return self.name

    def __str__(self):
        return f"{self.name} ({len(self.inbox)} messages)"


class Room:
    def __init__(self, *members):
        self.members = {m.name: m for m in members}

    async def post(self, sender, text):
        others = [m for name, m in self.members.items() if name != sender]
        order = await asyncio.gather(*(m.receive(sender, text) for m in others))
        print(f"{sender} -> {order}")

    def __len__(self):
        return len(self.members)

    def __contains__(self, name):
        return name in self.members


async def main():
    room = Room(Member("ana", 0.3), Member("bo", 0.1), Member("cy", 0.2))
    print(len(room), "ana" in room, "zed" in room)
    await room.post("ana", "hi all")
    await asyncio.gather(room.post("bo", "hey"), room.post("cy", "yo"))
    for member in room.members.values():
        print(member, member.inbox)


asyncio.run(main())
