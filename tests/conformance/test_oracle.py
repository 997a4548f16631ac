#!/usr/bin/env python3
"""Self-test of the conformance harness: the oracle sees what python3 does, and compare.py fails on
each kind of mistake an engine can make (driven through fake_engine.py, a stand-in for `loopscope run`).

    python3 test_oracle.py
"""

import copy
import os
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oracle  # noqa: E402

PROGRAMS = os.path.join(HERE, "programs")
ORACLE_PROGRAMS = os.path.join(HERE, "oracle_programs")
CATALOG = os.path.join(HERE, "..", "..", "server", "catalog", "programs")
TOLERANCE = 0.05


def program(name):
    return os.path.join(PROGRAMS, name)


def compare(path, mode):
    env = dict(os.environ, LOOPSCOPE_FAKE_ENGINE=mode)
    # compare.py bounds each of its two runs (60 s by default) and reports which one hung; this bound
    # only catches compare.py itself hanging. All stay within CTest's timeout for this test.
    return subprocess.run([sys.executable, os.path.join(HERE, "compare.py"), path,
                           "--loopscope", os.path.join(HERE, "fake_engine.py")],
                          env=env, capture_output=True, text=True, timeout=150)


def run_source(test, source, **kwargs):
    """The oracle's observation of a program given as text (written to a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="loopscope-oracle-test-") as tmp:
        path = os.path.join(tmp, "program.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(source))
        result = oracle.run(path, **kwargs)
    test.assertEqual(result["exit"], 0, result["stderr_text"])
    return result


def texts(result):
    return [p["text"] for p in result["stdout"]]


class oracle_test(unittest.TestCase):
    def test_gather_prints_at_exact_program_times(self):
        result = oracle.run(os.path.join(CATALOG, "gather.py"))
        self.assertEqual([p["t"] for p in result["stdout"]], [0.0, 0.0, 3.0, 3.0, 3.0, 3.0])
        self.assertEqual(result["stdout"][-1]["text"], "Bagel is ready!\n")
        self.assertEqual(result["exit"], 0)
        self.assertIsNone(result["error_last_line"])
        self.assertEqual(result["clock"], "virtual")

    def test_time_sleep_blocks_and_adds_exactly(self):
        result = oracle.run(os.path.join(CATALOG, "blocking_sleep.py"))
        self.assertEqual(result["stdout"][-1]["t"], 6.0)

    def test_virtual_clock_never_waits_for_real(self):
        began = time.perf_counter()
        result = run_source(self, """
            import asyncio, time
            async def main():
                await asyncio.sleep(500)
                time.sleep(500)
                print("done")
            asyncio.run(main())
        """)
        self.assertEqual(result["stdout"][0]["t"], 1000.0)
        self.assertLess(time.perf_counter() - began, 30)  # python3's start-up, on a loaded machine

    def test_clocks_read_program_time_exactly(self):
        # The engine's arithmetic: deadline = now + delay, and the clock jumps to the deadline itself.
        result = run_source(self, """
            import asyncio, time
            async def main():
                loop = asyncio.get_running_loop()
                for _ in range(10):
                    await asyncio.sleep(0.1)
                print(loop.time(), time.monotonic(), time.perf_counter())
                time.sleep(0.5)
                print(time.time() - 1_700_000_000)
            asyncio.run(main())
        """)
        after_sleeps = 0.0
        for _ in range(10):
            after_sleeps += 0.1
        self.assertEqual(texts(result), [f"{after_sleeps} {after_sleeps} {after_sleeps}\n",
                                         f"{after_sleeps + 0.5}\n"])

    def test_equal_deadlines_fire_in_scheduling_order(self):
        # Four timers due at t=1; heapq alone pops them b before a (the order tie_equal_deadlines.py
        # forbids), so this fails if the oracle's timers lose their order of scheduling.
        woke = [t for t in texts(oracle.run(program("tie_equal_deadlines.py"))) if t.startswith("woke")]
        self.assertEqual(woke, ["woke a\n", "woke b\n", "woke c\n"])
        with mock.patch.dict(os.environ, LOOPSCOPE_ORACLE_TIES="heap"):
            frozen = [t for t in texts(oracle.run(program("tie_equal_deadlines.py"))) if t.startswith("woke")]
        self.assertNotEqual(frozen, woke, "the trap this model avoids no longer shows: drop the model?")

    def test_timer_handles_keep_their_name(self):
        result = run_source(self, """
            import asyncio
            async def main():
                handle = asyncio.get_running_loop().call_later(1, print, "later")
                print(type(handle).__name__, isinstance(handle, asyncio.TimerHandle))
                await asyncio.sleep(2)
            asyncio.run(main())
        """)
        self.assertEqual(texts(result), ["TimerHandle True\n", "later\n"])

    def test_executor_thread_holds_the_clock(self):
        result = oracle.run(os.path.join(ORACLE_PROGRAMS, "to_thread_sleep.py"))
        self.assertEqual([(p["text"], p["t"]) for p in result["stdout"]],
                         [("thread sleeps 1.25\n", 0.0), ("tick 1\n", 0.5), ("tick 2\n", 1.0),
                          ("thread wakes\n", 1.25), ("thread gave 12.5\n", 1.25),
                          ("tick 3\n", 1.5), ("tick 4\n", 2.0), ("result 12.5\n", 2.0),
                          ("elapsed 2\n", 2.0)])

    def test_executor_sleeps_interleave_with_the_loop(self):
        result = oracle.run(os.path.join(ORACLE_PROGRAMS, "executor_chained.py"))
        self.assertEqual([p["t"] for p in result["stdout"]], [0.5, 1.0, 1.5, 1.8])
        self.assertEqual(result["stdout"][1]["text"], "worker gave 1.0 at 1.0\n")
        self.assertEqual(result["elapsed"], 2.0)  # asyncio.run waits for the timed-out thread

    def test_scaled_clock_is_still_available(self):
        result = oracle.run(os.path.join(CATALOG, "blocking_sleep.py"), clock="scaled")
        self.assertEqual(result["clock"], "scaled")
        self.assertAlmostEqual(result["stdout"][-1]["t"], 6.0, delta=TOLERANCE / 2)
        self.assertNotEqual(result["stdout"][-1]["t"], 6.0)  # real time never lands exactly

    def test_unknown_clock_is_refused(self):
        with self.assertRaises(oracle.oracle_error):
            oracle.run(os.path.join(CATALOG, "hello.py"), clock="sundial")

    def test_never_awaited_warnings_are_recorded_in_order(self):
        result = oracle.run(os.path.join(CATALOG, "sequential_unawaited.py"))
        self.assertEqual(result["stdout"], [])
        self.assertEqual([(w["category"], w["message"]) for w in result["warnings"]],
                         [("RuntimeWarning", "coroutine 'brew_coffee' was never awaited"),
                          ("RuntimeWarning", "coroutine 'toast_bagel' was never awaited")])

    def test_warning_between_prints_keeps_its_position(self):
        result = oracle.run(program("unawaited_discarded.py"))
        self.assertEqual([e["kind"] for e in oracle.timeline(result)],
                         ["print", "warning", "print", "print"])

    def test_warning_at_interpreter_exit_is_found_in_stderr(self):
        result = oracle.run(program("unawaited_module_level.py"))
        self.assertEqual(len(result["warnings"]), 1)
        self.assertTrue(result["warnings"][0].get("at_exit"))
        self.assertGreater(result["warnings"][0]["seq"], result["stdout"][-1]["seq"])

    def test_uncaught_error_gives_exit_1_and_final_line(self):
        result = oracle.run(program("uncaught_zero_division.py"))
        self.assertEqual(result["exit"], 1)
        self.assertEqual(result["error_last_line"], "ZeroDivisionError: division by zero")
        self.assertTrue(result["stderr_text"].startswith("Traceback (most recent call last):\n"))
        self.assertNotIn("oracle_child", result["stderr_text"])


class real_time_check_test(unittest.TestCase):
    """check_virtual_clock.py's judgement (its runs take minutes; see the README)."""

    def test_accepts_equal_observations_and_rejects_each_difference(self):
        import check_virtual_clock
        virtual = oracle.run(program("unawaited_discarded.py"))
        self.assertEqual(check_virtual_clock.differences(virtual, virtual, 0.03), [])
        late = copy.deepcopy(virtual)
        late["stdout"][-1]["t"] += 0.04
        self.assertIn("in real time", " ".join(check_virtual_clock.differences(virtual, late, 0.03)))
        reordered = copy.deepcopy(virtual)
        reordered["stdout"][0]["text"], reordered["stdout"][1]["text"] = \
            reordered["stdout"][1]["text"], reordered["stdout"][0]["text"]
        self.assertIn("differ", " ".join(check_virtual_clock.differences(virtual, reordered, 0.03)))
        failed = dict(virtual, exit=1)
        self.assertIn("exit", " ".join(check_virtual_clock.differences(virtual, failed, 0.03)))


class compare_test(unittest.TestCase):
    def assert_accepts(self, path):
        done = compare(path, "faithful")
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

    def assert_rejects(self, path, mode, expected_words):
        done = compare(path, mode)
        self.assertEqual(done.returncode, 1, done.stdout + done.stderr)
        self.assertIn(expected_words, done.stdout)

    def test_accepts_what_python3_does(self):
        self.assert_accepts(program("unawaited_discarded.py"))
        self.assert_accepts(program("uncaught_zero_division.py"))

    def test_rejects_prints_out_of_order(self):
        self.assert_rejects(program("unawaited_discarded.py"), "swap", "differ in content or order")

    def test_rejects_a_late_print(self):
        self.assert_rejects(program("unawaited_discarded.py"), "late", "tolerance")

    def test_rejects_a_missing_warning(self):
        self.assert_rejects(program("unawaited_discarded.py"), "drop_warning", "differ in content or order")

    def test_rejects_different_stdout(self):
        self.assert_rejects(program("unawaited_discarded.py"), "stdout", "stdout differs")

    def test_rejects_a_different_exit_status(self):
        self.assert_rejects(program("uncaught_zero_division.py"), "exit", "exit status")

    def test_rejects_a_different_final_error_line(self):
        self.assert_rejects(program("uncaught_zero_division.py"), "error_line", "stderr ends with")

    def test_rejects_a_gap_in_seq(self):
        self.assert_rejects(program("unawaited_discarded.py"), "seq_gap", "seq")

    def test_rejects_the_engine_stub(self):
        self.assert_rejects(program("unawaited_discarded.py"), "stub", "no events file")


if __name__ == "__main__":
    unittest.main(verbosity=2)
