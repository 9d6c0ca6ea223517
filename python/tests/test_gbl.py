"""Tests of the Python helper against the gbl program it wraps.

Run with: python -m unittest discover -s python/tests -v   (gbl-checker installed, or GBL_BIN set)

Each result is compared with what the CLI itself prints for the same input (the helper adds
nothing), and the numbers are the lecture's, worked out by hand: f(x) = x^2/10, f'(x) = x/5,
from x = 3 with lr = 1: f'(3) = 0.6 and x1 = 3 - 0.6 = 2.4; adding the gradient gives 3.6.
"""

import contextlib
import io
import json
import os
import subprocess
import tempfile
import unittest

import gbl

_STATE = tempfile.TemporaryDirectory(prefix="gbl-state-")


def setUpModule():
    # English sentences, and no hints or solutions seen before (they reveal answers).
    os.environ["LC_ALL"] = "C.UTF-8"
    os.environ["GBL_STATE_DIR"] = _STATE.name


def tearDownModule():
    _STATE.cleanup()


def cli(args, stdin=None, fmt="json"):
    """Runs the gbl program itself: (exit code, JSON document or text)."""
    done = subprocess.run(
        [gbl.binary()] + args + ["--format", fmt, "--color", "never"],
        input=None if stdin is None else stdin.encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    out = done.stdout.decode("utf-8")
    return done.returncode, json.loads(out) if fmt == "json" else out


def descent_program(add_gradient=False):
    """The gd-trace program (solutions/programs/gd-trace.py's logic): 20 updates from 3."""
    x = 3
    print(f"Initial x: {x}")
    for i in range(1, 21):
        slope = x / 5
        x = x + slope if add_gradient else x - slope
        print(f"{i}-th x: {x:.4f}")


class CheckAnswers(unittest.TestCase):
    def test_right_answers_score_full_marks_like_the_cli(self):
        r = gbl.check("gd-one-step", grad=0.6, x1=2.4)
        self.assertEqual((r.score, r.max_score), (2.0, 2.0))
        self.assertTrue(r.correct)
        self.assertEqual(r.returncode, 0)
        self.assertEqual([q.id for q in r.questions], ["grad", "x1"])
        self.assertEqual([q.status for q in r.questions], ["correct", "correct"])
        self.assertEqual(r.question("x1").expected, 2.4)
        code, doc = cli(["check", "gd-one-step", "grad=0.6", "x1=2.4"])
        self.assertEqual(code, 0)
        self.assertEqual(r.json, doc)

    def test_added_gradient_scores_less_and_names_the_mistake(self):
        r = gbl.check("gd-one-step", grad=0.6, x1=3.6)
        self.assertEqual((r.score, r.max_score), (1.0, 2.0))
        self.assertFalse(r.correct)
        self.assertEqual(r.returncode, 1)
        x1 = r.question("x1")
        self.assertEqual((x1.status, x1.score, x1.mistake), ("wrong", 0.0, "add-gradient"))
        self.assertIn("you added the gradient instead of subtracting it", x1.feedback)
        self.assertIsNone(x1.expected)  # not revealed to a student
        code, doc = cli(["check", "gd-one-step", "grad=0.6", "x1=3.6"])
        self.assertEqual(code, 1)
        self.assertEqual(r.json, doc)

    def test_text_is_the_cli_text(self):
        r = gbl.check("gd-one-step", grad=0.6, x1=3.6)
        _, text = cli(["check", "gd-one-step", "grad=0.6", "x1=3.6"], fmt="text")
        self.assertEqual(str(r), text)
        self.assertEqual(repr(r), text.rstrip("\n"))  # what a Python prompt shows
        self.assertIn("1/2", str(r))
        self.assertIn("✗ x1", str(r))

    def test_unanswered_question_is_missing(self):
        r = gbl.check("gd-one-step", grad=0.6)
        self.assertEqual([q.status for q in r.questions], ["correct", "missing"])
        self.assertEqual((r.score, r.max_score), (1.0, 2.0))
        self.assertFalse(r.correct)

    def test_fraction_and_expression_strings(self):
        r = gbl.check("gd-shifted-minimum", df="(x - 2)/5", x_star="4/2")
        self.assertEqual([q.status for q in r.questions], ["correct", "correct"])
        self.assertTrue(r.correct)

    def test_html_is_escaped(self):
        r = gbl.check("gd-one-step", grad=0.6, x1="<b>2.4")
        self.assertEqual(r.question("x1").status, "invalid")
        page = r._repr_html_()
        self.assertIn("&lt;b&gt;2.4", page)
        self.assertNotIn("<b>2.4", page)
        self.assertIn("<table>", page)
        self.assertIn("1/2", page)

    def test_unknown_exercise_raises(self):
        with self.assertRaises(gbl.GblError) as caught:
            gbl.check("no-such-exercise", x=1)
        self.assertIn("there is no exercise 'no-such-exercise'", str(caught.exception))
        code, doc = cli(["check", "no-such-exercise", "x=1"])
        self.assertEqual(code, 2)
        self.assertEqual(caught.exception.message, doc["error"]["message"])

    def test_unknown_question_and_no_answer_raise(self):
        with self.assertRaises(gbl.GblError) as caught:
            gbl.check("gd-one-step", grad=0.6, nope=1)
        self.assertEqual(
            caught.exception.message,
            "'gd-one-step' has no question 'nope' (its questions: grad, x1)",
        )
        with self.assertRaises(gbl.GblError) as caught:
            gbl.check("gd-one-step")
        self.assertIn("give answers as QUESTION=VALUE", caught.exception.message)

    def test_an_id_is_never_an_option(self):
        with self.assertRaises(gbl.GblError) as caught:
            gbl.check("--reveal", x=1)
        self.assertIn("there is no exercise '--reveal'", caught.exception.message)

    def test_float_answers_keep_their_digits(self):
        # 3 - 0.6 in float64 is 2.4 exactly as Python prints it; a tiny answer keeps its exponent.
        r = gbl.check("gd-one-step", grad=3 / 5, x1=3 - 3 / 5)
        self.assertTrue(r.correct)
        r = gbl.check("gd-one-step", grad=0.6, x1=5.08e-05)
        self.assertEqual(r.question("x1").given, "5.08e-05")

    def test_boolean_is_refused(self):
        with self.assertRaises(TypeError):
            gbl.check("gd-one-step", x1=True)


class CheckTraces(unittest.TestCase):
    def test_right_trace_in_a_block_scores_full_marks(self):
        with gbl.trace("gd-trace", show=False) as t:
            descent_program()
        self.assertTrue(t.output.startswith("Initial x: 3\n1-th x: 2.4000\n2-th x: 1.9200\n"))
        self.assertTrue(t.output.endswith("19-th x: 0.0432\n20-th x: 0.0346\n"))
        self.assertEqual((t.result.score, t.result.max_score), (20.0, 20.0))
        self.assertTrue(t.result.correct)
        self.assertEqual(t.result.question("trace").feedback, "all 21 lines right")
        code, doc = cli(["check", "gd-trace", "--trace", "-"], stdin=t.output)
        self.assertEqual(code, 0)
        self.assertEqual(t.result.json, doc)

    def test_wrong_trace_scores_less_and_names_the_mistake(self):
        with gbl.trace("gd-trace", show=False) as t:
            descent_program(add_gradient=True)
        # 3 + 3/5 = 3.6: the first update already departs.
        self.assertIn("1-th x: 3.6000\n", t.output)
        self.assertLess(t.result.score, t.result.max_score)
        self.assertFalse(t.result.correct)
        q = t.result.question("trace")
        self.assertEqual(q.status, "wrong")
        self.assertIn("added the gradient", q.feedback)
        code, doc = cli(["check", "gd-trace", "--trace", "-"], stdin=t.output)
        self.assertEqual(code, 1)
        self.assertEqual(t.result.json, doc)
        self.assertEqual(str(t.result), cli(["check", "gd-trace", "--trace", "-"], t.output, "text")[1])

    def test_check_trace_is_the_same_as_the_block(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            descent_program()
        self.assertEqual(gbl.check_trace("gd-trace", out.getvalue()).json,
                         cli(["check", "gd-trace", "--trace", "-"], out.getvalue())[1])

    def test_nothing_printed_leaks_without_echo_and_all_with_echo(self):
        outer = io.StringIO()
        with contextlib.redirect_stdout(outer):
            with gbl.trace("gd-trace", show=False):
                descent_program()
        self.assertEqual(outer.getvalue(), "")
        outer = io.StringIO()
        with contextlib.redirect_stdout(outer):
            with gbl.trace("gd-trace", echo=True, show=False) as t:
                descent_program()
        self.assertEqual(outer.getvalue(), t.output)
        self.assertEqual(len(t.output.splitlines()), 21)

    def test_show_prints_the_text_outside_jupyter(self):
        outer = io.StringIO()
        with contextlib.redirect_stdout(outer):
            with gbl.trace("gd-trace") as t:
                descent_program()
        self.assertEqual(outer.getvalue(), str(t.result))
        self.assertIn("20/20", outer.getvalue())

    def test_an_exception_in_the_block_is_not_checked(self):
        with self.assertRaises(ZeroDivisionError):
            with gbl.trace("gd-trace", show=False) as t:
                print("Initial x: 3")
                print(1 / 0)
        self.assertIsNone(t.result)
        self.assertEqual(t.output, "Initial x: 3\n")

    def test_trace_of_unknown_exercise_raises(self):
        with self.assertRaises(gbl.GblError):
            with gbl.trace("no-such-exercise", show=False):
                print("1")


if __name__ == "__main__":
    unittest.main()
