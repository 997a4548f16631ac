# A learner's grid game: tuple-keyed dicts, nested loops, comprehensions and a task per row.
import asyncio


def make_grid(rows, cols):
    return {(r, c): (r * cols + c) % 4 for r in range(rows) for c in range(cols)}


async def score_row(grid, row, cols):
    await asyncio.sleep(0.1 * (row + 1))
    total = sum(grid[row, c] for c in range(cols))
    best = max(range(cols), key=lambda c: (grid[row, c], -c))
    return row, total, best


async def main():
    grid = make_grid(3, 4)
    for r in range(3):
        print(" ".join(str(grid[r, c]) for c in range(4)))
    results = await asyncio.gather(*(score_row(grid, r, 4) for r in range(3)))
    for row, total, best in results:
        print(f"row {row}: total {total}, best column {best}")
    grid[1, 1] += 10
    del grid[0, 0]
    print(len(grid), grid[1, 1], (0, 0) in grid, sorted(grid)[:3])


asyncio.run(main())
