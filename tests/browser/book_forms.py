"""The book's answer forms, driven in headless Chromium with no network.

Every form on every page is answered in the page, right and wrong, and each verdict and
sentence must be what `gbl check --params ... --format json` says for the same answers; a
pasted trace and a trace file chosen with the file picker likewise. Hints come one at a time,
what a reader typed survives a reload, the Korean edition labels its buttons in Korean, the
book works from disk (file://) and from a web server, and no request leaves the page.

Run after the book is built with its checker (see README.md, "The book"):

    python3 tests/browser/book_forms.py

It needs Playwright for Python (`pip install playwright`; the browser is Debian's chromium,
never a downloaded one), the built book in book/book and gbl in target/release (or $GBL).
It prints how long each check took in the page (the checks, not the page loads).
"""

import functools
import http.server
import json
import os
import statistics
import subprocess
import tempfile
import threading
import unittest
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
BOOK = REPO / "book" / "book"
GBL = os.environ.get("GBL", str(REPO / "target" / "release" / "gbl"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHECK_MS = []


def cli(*args, stdin=None, lang="en"):
    """`gbl --lang LANG ARGS --format json`, run in an empty folder (no hint state), as a dict."""
    with tempfile.TemporaryDirectory() as cwd:
        out = subprocess.run(
            [GBL, "--lang", lang, *args, "--format", "json"],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=cwd,
            env={**os.environ, "NO_COLOR": "1"},
        )
    # Exit 2 with a report: an answer that is not a number is "invalid" (and said on stderr).
    if out.returncode not in (0, 1, 2) or not out.stdout.startswith("{"):
        raise AssertionError(f"gbl {' '.join(args)}: exit {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)


def cli_check(exercise, params, answers, trace=None, stdin=None, lang="en"):
    """What `gbl check` says, by question: (status, feedback)."""
    args = ["check", exercise, "--params", params]
    args += [f"{q}={v}" for q, v in answers.items()]
    if trace is not None:
        args += ["--trace", trace]
    report = cli(*args, stdin=stdin, lang=lang)
    return {q["id"]: (q["status"], q["feedback"]) for q in report["exercises"][0]["questions"]}


def expected_answers(exercise, params, questions):
    """The right answer of every question but a trace, as a reader would type it."""
    answers = {q: "-123456" for q in questions}
    report = cli("check", exercise, "--params", params, "--reveal",
                 *[f"{q}={v}" for q, v in answers.items()])
    out = {}
    for q in report["exercises"][0]["questions"]:
        v = q["expected"]
        out[q["id"]] = v if isinstance(v, str) else json.dumps(v)
    return out


def python_trace(x0, steps, rate):
    """What a plain Python program prints for gd-trace (f'(x) = x/5, learning rate 1), with
    the update x := x - rate * f'(x): rate 1 is right, rate -1 adds the gradient."""
    x = x0
    lines = [f"Initial x: {x}"]
    for i in range(1, steps + 1):
        grad = 1 / 5 * x
        x = x - rate * grad
        lines.append(f"{i}-th x: {x:.4f}")
    return "\n".join(lines) + "\n"


class Server:
    """The built book on a local web server (a static host)."""

    def __init__(self):
        handler = functools.partial(QuietHandler, directory=str(BOOK))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Forms(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not (BOOK / "gbl-checker.js").is_file():
            raise AssertionError(f"{BOOK}/gbl-checker.js is missing: build the book with its checker")
        cls.server = Server()
        cls.pw = sync_playwright().start()
        cls.browser = cls.pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        cls.left = []

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.pw.stop()
        cls.server.close()
        if CHECK_MS:
            ms = sorted(CHECK_MS)
            print(f"\n{len(ms)} checks in the page: median {statistics.median(ms):.1f} ms, "
                  f"slowest {ms[-1]:.1f} ms")

    def open(self, page_path, base=None, context=None):
        """A page of the book in a fresh browser context (its own local storage); every
        request that is not the book itself is refused and recorded."""
        if context is None:
            context = self.browser.new_context()
            self.addCleanup(context.close)
        base = base or BOOK.as_uri() + "/"

        def route(r):
            url = r.request.url
            if url.startswith("file://") or url.startswith(self.server.url) or url.startswith("data:"):
                r.continue_()
            else:
                self.left.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        self.addCleanup(lambda: self.assertEqual(errors, [], f"script errors on {page_path}"))
        page.goto(base + page_path)
        return page

    def form(self, page, exercise):
        f = page.locator(f'form[data-gbl-exercise="{exercise}"]')
        self.assertEqual(f.count(), 1, f"one form for {exercise}")
        return f

    def check(self, page, exercise, answers):
        """Types `answers` (question -> text) into the form, checks, and returns what the
        page says by question: (status, feedback)."""
        f = self.form(page, exercise)
        for field in f.locator("[data-gbl-question]").all():
            q = field.get_attribute("data-gbl-question")
            field.fill(answers.get(q, ""))
        f.evaluate("f => f.removeAttribute('data-gbl-ms')")
        f.locator("[data-gbl-check]").click()
        page.wait_for_function(
            "f => f.hasAttribute('data-gbl-ms') || f.querySelector('[data-gbl-error]')",
            arg=f.element_handle(), timeout=15000)
        summary = f.locator("[data-gbl-summary]")
        self.assertIsNone(summary.get_attribute("data-gbl-error"), summary.text_content())
        CHECK_MS.append(float(f.get_attribute("data-gbl-ms")))
        return self.shown(f)

    def shown(self, f):
        out = {}
        for fb in f.locator("[data-gbl-feedback]").all():
            out[fb.get_attribute("data-gbl-feedback")] = (
                fb.get_attribute("data-gbl-status"), fb.text_content())
        return out

    def questions(self, f):
        return [x.get_attribute("data-gbl-question") for x in f.locator("[data-gbl-question]").all()]

    # --- the tests -------------------------------------------------------------------------

    def test_right_wrong_and_invalid_answers_read_as_on_the_command_line(self):
        page = self.open("aim.html")
        f = self.form(page, "gd-one-step")
        params = f.get_attribute("data-gbl-params")
        p = json.loads(params)
        self.assertNotEqual(p["x0"], 3, "the chapter's own start: the exercise must use another")
        # Worked by hand from the prompt: f'(x) = x/5, lr = 1.
        grad = p["x0"] / 5
        right = {"grad": repr(grad), "x1": repr(p["x0"] - p["lr"] * grad)}
        added = {"grad": repr(grad), "x1": repr(p["x0"] + p["lr"] * grad)}
        comma = {"grad": repr(grad).replace(".", ","), "x1": f"{p['x0'] * 4}/5"}
        for answers, statuses in [
            (right, {"grad": "correct", "x1": "correct"}),
            (added, {"grad": "correct", "x1": "wrong"}),
            (comma, {"grad": "invalid", "x1": "correct"}),
        ]:
            got = self.check(page, "gd-one-step", answers)
            self.assertEqual(got, cli_check("gd-one-step", params, answers))
            self.assertEqual({q: s for q, (s, _) in got.items()}, statuses, answers)
        self.assertIn("you added the gradient instead of subtracting it",
                      self.check(page, "gd-one-step", added)["x1"][1])

    def test_a_second_exercise_names_its_mistake(self):
        page = self.open("backpropagation.html")
        f = self.form(page, "chain-rule-x5")
        params = f.get_attribute("data-gbl-params")
        p = json.loads(params)
        z = p["x0"] - p["c"]
        # y = 2 z^2: dy/dz = 4z; the power rule's factor forgotten gives 2z.
        right = {"z": str(z), "y": str(2 * z * z), "dy_dz": str(4 * z), "dy_dx": str(4 * z)}
        slip = dict(right, dy_dz=str(2 * z))
        got = self.check(page, "chain-rule-x5", right)
        self.assertEqual({s for s, _ in got.values()}, {"correct"})
        self.assertEqual(got, cli_check("chain-rule-x5", params, right))
        got = self.check(page, "chain-rule-x5", slip)
        self.assertEqual(got["dy_dz"][0], "wrong")
        self.assertEqual(got, cli_check("chain-rule-x5", params, slip))

    def test_a_pasted_trace_and_a_chosen_file_read_as_on_the_command_line(self):
        page = self.open("iterating.html")
        f = self.form(page, "gd-trace")
        params = f.get_attribute("data-gbl-params")
        p = json.loads(params)
        right = python_trace(p["x0"], p["steps"], 1)
        added = python_trace(p["x0"], p["steps"], -1)
        with tempfile.TemporaryDirectory() as d:
            for text, status in [(right, "correct"), (added, "wrong")]:
                got = self.check(page, "gd-trace", {"trace": text})
                self.assertEqual(got["trace"][0], status, got)
                self.assertEqual(got, cli_check("gd-trace", params, {}, trace="-", stdin=text))
                # The same text as a file the reader picks.
                path = Path(d) / "out.txt"
                path.write_text(text)
                f.locator('[data-gbl-trace-file="trace"]').set_input_files(str(path))
                page.wait_for_function(
                    "([f, t]) => f.querySelector('[data-gbl-question=trace]').value === t",
                    arg=[f.element_handle(), text])
                f.evaluate("f => f.removeAttribute('data-gbl-ms')")
                f.locator("[data-gbl-check]").click()
                page.wait_for_function("f => f.hasAttribute('data-gbl-ms')", arg=f.element_handle())
                self.assertEqual(self.shown(f), cli_check("gd-trace", params, {}, trace=str(path)))
        self.assertIn("you added the gradient", self.check(page, "gd-trace", {"trace": added})["trace"][1])

    def test_every_exercise_on_every_page_right_and_wrong(self):
        pages = sorted(p.name for p in BOOK.glob("*.html") if p.name not in ("print.html", "404.html"))
        seen = 0
        for name in pages:
            page = self.open(name)
            for f in page.locator("form[data-gbl-exercise]").all():
                exercise = f.get_attribute("data-gbl-exercise")
                params = f.get_attribute("data-gbl-params")
                qs = [q for q in self.questions(f) if q != "trace"]
                if not qs:
                    continue
                seen += 1
                right = expected_answers(exercise, params, qs)
                right = {q: v for q, v in right.items() if q in qs}
                got = self.check(page, exercise, right)
                self.assertEqual({got[q][0] for q in qs}, {"correct"}, f"{name}: {exercise}: {got}")
                wrong = {q: "12345" for q in qs}
                got = self.check(page, exercise, wrong)
                self.assertEqual(got, cli_check(exercise, params, wrong), f"{name}: {exercise}")
                self.assertNotIn("correct", {got[q][0] for q in qs})
        self.assertGreaterEqual(seen, 14, "forms answered")

    def test_every_page_shows_its_math_rendered(self):
        # Both editions: no formula left as raw TeX, and the formulas are MathML the browser
        # lays out (a rendered <math> has a size).
        pages = sorted(str(p.relative_to(BOOK)) for p in BOOK.rglob("*.html"))
        with_math = 0
        for name in pages:
            page = self.open(name)
            text = page.inner_text("main") if page.locator("main").count() else ""
            self.assertNotIn("\\(", text, name)
            self.assertNotIn("\\[", text, name)
            sizes = page.eval_on_selector_all(
                "main math", "ms => ms.map(m => m.getBoundingClientRect().width)")
            if sizes:
                with_math += 1
                self.assertTrue(all(w > 0 for w in sizes), f"{name}: a formula has no width")
            page.context.close()
        self.assertGreaterEqual(with_math, 16, "pages with formulas, both editions")

    def test_hints_come_one_at_a_time(self):
        page = self.open("aim.html")
        f = self.form(page, "gd-one-step")
        params = f.get_attribute("data-gbl-params")
        hints = [h["text"] for h in cli("hint", "gd-one-step", "--params", params, "--all")["hints"]]
        shown = f.locator("[data-gbl-hints-shown] li")
        for n in range(1, len(hints) + 1):
            f.locator("[data-gbl-hint]").click()
            page.wait_for_function("([f, n]) => f.querySelectorAll('[data-gbl-hints-shown] li').length === n",
                                   arg=[f.element_handle(), n])
            # The hint's words; its `code` spans are shown as code.
            self.assertEqual(shown.nth(n - 1).text_content(),
                             f"hint {n}/{len(hints)}: {hints[n - 1].replace('`', '')}")
        self.assertTrue(f.locator("[data-gbl-hint]").is_disabled())

    def test_what_a_reader_typed_survives_a_reload(self):
        context = self.browser.new_context()
        self.addCleanup(context.close)
        page = self.open("aim.html", context=context)
        answers = {"grad": "1", "x1": "2"}
        before = self.check(page, "gd-one-step", answers)
        page.reload()
        f = self.form(page, "gd-one-step")
        page.wait_for_function("f => f.querySelector('[data-gbl-feedback=x1]').hasAttribute('data-gbl-status')",
                               arg=f.element_handle())
        self.assertEqual(f.locator('[data-gbl-question="x1"]').input_value(), "2")
        self.assertEqual(self.shown(f), before)

    def test_the_korean_edition_labels_its_form_in_korean(self):
        if not (BOOK / "ko" / "aim.html").is_file():
            self.skipTest("the Korean edition is not built")
        page = self.open("ko/aim.html")
        f = self.form(page, "gd-one-step")
        self.assertEqual(f.locator("[data-gbl-check]").text_content(), "확인")
        params = f.get_attribute("data-gbl-params")
        p = json.loads(params)
        grad = p["x0"] / 5
        # The gradient added, and a decimal comma: the Korean sentences of `gbl --lang ko`.
        answers = {"grad": repr(grad).replace(".", ","), "x1": repr(p["x0"] + grad)}
        got = self.check(page, "gd-one-step", answers)
        self.assertEqual(got, cli_check("gd-one-step", params, answers, lang="ko"))
        self.assertEqual(got["x1"][0], "wrong")
        self.assertIn("기울기를 빼지 않고 더했습니다", got["x1"][1])
        self.assertIn("수가 아닙니다", got["grad"][1])
        # The question's label is the exercise's Korean text, with the page's numbers.
        self.assertIn(f"f'({p['x0']})의 값은 얼마입니까?",
                      f.locator("label[for='gbl-gd-one-step-grad']").text_content())

    def test_from_a_web_server_too(self):
        page = self.open("aim.html", base=self.server.url)
        got = self.check(page, "gd-one-step", {"grad": "abc"})
        self.assertEqual(got["grad"][0], "invalid")

    def test_zz_no_request_left_the_book(self):
        # Named to run last (unittest sorts by name): every page above was opened by then.
        self.assertEqual(self.left, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
