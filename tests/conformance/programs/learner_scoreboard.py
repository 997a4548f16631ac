# Learner program: a scoreboard of racing tasks — dict updates from tasks, sorted with key and reverse, enumerate, f-string alignment, big int scores.
import asyncio

async def racer(name, laps, board):
    for lap in range(1, laps + 1):
        await asyncio.sleep(0.1 * (len(name) % 4 + 1))
        board[name] = board.get(name, 0) + 10 ** lap
    return name

async def main():
    board = {}
    finish_order = []
    tasks = [asyncio.create_task(racer(n, l, board)) for n, l in [("ann", 3), ("bob", 2), ("charlotte", 4), ("di", 25)]]
    for t in tasks:
        finish_order.append(await t)
    ranking = sorted(board.items(), key=lambda kv: kv[1], reverse=True)
    for place, (name, score) in enumerate(ranking, 1):
        print(f"{place}. {name:<10}{score:>30,}")
    print(finish_order, len(str(board["di"])), board["di"] // 10 ** 20, max(board, key=board.get))

asyncio.run(main())
