#!/usr/bin/env python3
"""Self-test of the conformance harness: the oracle sees what python3 does, and compare.py fails on
each kind of mistake an engine can make (driven through fake_engine.py, a stand-in for `loopscope run`).

    python3 test_oracle.py
"""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import oracle  # noqa: E402

PROGRAMS = os.path.join(HERE, "programs")
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


class oracle_test(unittest.TestCase):
    def test_gather_prints_at_program_times(self):
        result = oracle.run(os.path.join(CATALOG, "gather.py"))
        times = [round(p["t"]) for p in result["stdout"]]
        self.assertEqual(times, [0, 0, 3, 3, 3, 3])
        for p in result["stdout"]:
            self.assertLess(abs(p["t"] - round(p["t"])), TOLERANCE / 2, p)
        self.assertEqual(result["stdout"][-1]["text"], "Bagel is ready!\n")
        self.assertEqual(result["exit"], 0)
        self.assertIsNone(result["error_last_line"])

    def test_time_sleep_is_scaled_and_blocks(self):
        result = oracle.run(os.path.join(CATALOG, "blocking_sleep.py"))
        self.assertAlmostEqual(result["stdout"][-1]["t"], 6.0, delta=TOLERANCE / 2)

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
