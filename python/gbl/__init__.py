"""Check gbl exercises from Python and Jupyter notebooks.

A thin layer over the ``gbl`` program that this package installs: every verdict, score and
sentence comes from ``gbl check --format json``; nothing is computed here.

    import gbl
    gbl.check("gd-one-step", grad=0.6, x1=2.4)       # answers worked out by hand

    with gbl.trace("gd-trace") as t:                 # what your own code prints, as a trace
        x = 3
        print(f"Initial x: {x}")
        for i in range(1, 21):
            x = x - x / 5
            print(f"{i}-th x: {x:.4f}")
    t.result.score                                   # 20.0

Grading never runs code: your code runs in your notebook, gbl only reads what it printed.
"""

import contextlib
import html
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig

__all__ = [
    "GblError",
    "Question",
    "Result",
    "binary",
    "check",
    "check_trace",
    "trace",
]


class GblError(Exception):
    """gbl could not check (its exit code 2): an unknown exercise, a malformed answer file, ...

    ``message`` is gbl's own sentence; ``file``, ``line`` and ``column`` say where, when known.
    """

    def __init__(self, message, file=None, line=None, column=None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column


def binary():
    """The path of the ``gbl`` program to run.

    In order: the environment variable ``GBL_BIN``; the one installed beside the running
    Python (its scripts folder, where ``pip install gbl-checker`` puts it, or the user scripts
    folder after ``pip install --user``); else the first ``gbl`` on ``PATH``.
    """
    name = "gbl.exe" if os.name == "nt" else "gbl"
    env = os.environ.get("GBL_BIN")
    if env:
        if not os.path.isfile(env):
            raise GblError("GBL_BIN is set to %r, which is not a file" % env)
        return env
    folders = [sysconfig.get_path("scripts")]
    try:
        folders.append(sysconfig.get_path("scripts", "%s_user" % os.name))
    except KeyError:
        pass
    for folder in folders:
        if folder:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    path = shutil.which("gbl")
    if path:
        return path
    raise GblError(
        "cannot find the gbl program: install it with `pip install gbl-checker` "
        "(or set GBL_BIN to its path)"
    )


def _score(value):
    """A score as the CLI prints it: at most two decimals, no trailing zeros (19.05, 20)."""
    text = "%.2f" % value
    return text.rstrip("0").rstrip(".")


class Question:
    """One question of a checked exercise, as ``gbl check --format json`` reports it.

    ``status`` is ``correct``, ``wrong``, ``missing`` or ``invalid``; ``feedback`` is gbl's
    sentence; ``expected`` is None until the answer is revealed (``gbl solve``, the last
    hint); ``lines`` is the line-by-line verdict of a trace question, else None.
    """

    def __init__(self, exercise, data):
        self.exercise = exercise
        self.id = data.get("id")
        self.status = data.get("status")
        self.expected = data.get("expected")
        self.given = data.get("given")
        self.feedback = data.get("feedback")
        self.score = data.get("score")
        self.max_score = data.get("max_score")
        self.mistake = data.get("mistake")
        self.revealed = data.get("revealed")
        self.lines = data.get("lines")
        self.json = data

    @property
    def correct(self):
        """Whether gbl judged this question right."""
        return self.status == "correct"

    def __repr__(self):
        return "<gbl.Question %s.%s %s: %s>" % (
            self.exercise,
            self.id,
            self.status,
            self.feedback,
        )


_MARKS = {"correct": "✓", "wrong": "✗", "missing": "?", "invalid": "!"}
_COLOURS = {
    "correct": "#1a7f37",
    "wrong": "#cf222e",
    "missing": "#9a6700",
    "invalid": "#cf222e",
}


class Result:
    """What gbl said about one check: its JSON report, its exit code and its text.

    ``score`` and ``max_score`` are the totals, ``questions`` every question of every checked
    exercise in order, ``correct`` is true when gbl exited 0 (everything checked is right),
    ``json`` the whole report. ``str(result)`` and ``repr(result)`` are the CLI's own text
    (colour off); in Jupyter the result shows as an HTML table.
    """

    def __init__(self, report, returncode, text):
        self.json = report
        self.returncode = returncode
        self.text = text
        self.score = report.get("score")
        self.max_score = report.get("max_score")
        self.exercises = report.get("exercises", [])
        self.questions = [
            Question(e.get("id"), q)
            for e in self.exercises
            for q in e.get("questions", [])
        ]

    @property
    def correct(self):
        """Whether everything checked is right (gbl's exit code 0)."""
        return self.returncode == 0

    def question(self, qid):
        """The question with this id (the first one, when several exercises were checked)."""
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)

    def __str__(self):
        return self.text

    def __repr__(self):
        # What a student sees at a Python prompt: the verdict itself, not an object's address.
        return self.text.rstrip("\n")

    def _repr_html_(self):
        esc = html.escape
        parts = ['<div class="gbl-result">']
        for e in self.exercises:
            whole = e.get("score") == e.get("max_score")
            parts.append(
                '<p><strong>%s</strong> <span style="color:%s">%s/%s</span></p>'
                % (
                    esc(str(e.get("id"))),
                    _COLOURS["correct" if whole else "wrong"],
                    esc(_score(e.get("score", 0))),
                    esc(_score(e.get("max_score", 0))),
                )
            )
            parts.append(
                "<table><thead><tr><th></th><th>question</th><th>given</th>"
                "<th>feedback</th><th>score</th></tr></thead><tbody>"
            )
            for q in e.get("questions", []):
                status = q.get("status", "")
                parts.append(
                    '<tr class="gbl-%s"><td style="color:%s">%s</td><td><code>%s</code></td>'
                    "<td><code>%s</code></td><td>%s</td><td>%s/%s</td></tr>"
                    % (
                        esc(status),
                        _COLOURS.get(status, "inherit"),
                        esc(_MARKS.get(status, status)),
                        esc(str(q.get("id"))),
                        esc("" if q.get("given") is None else str(q.get("given"))),
                        esc(str(q.get("feedback", ""))),
                        esc(_score(q.get("score", 0))),
                        esc(_score(q.get("max_score", 0))),
                    )
                )
                parts.extend(_lines_html(q.get("lines")))
            parts.append("</tbody></table>")
        if len(self.exercises) > 1:
            parts.append(
                "<p>score %s/%s</p>"
                % (esc(_score(self.score)), esc(_score(self.max_score)))
            )
        parts.append("</div>")
        return "".join(parts)


def _lines_html(lines):
    """The lines of a trace that are not right, as rows under their question."""
    if not lines:
        return []
    rows = []
    for line in lines:
        if line.get("status") == "correct":
            continue
        expected = line.get("expected")
        printed = line.get("printed")
        rows.append(
            '<tr class="gbl-line"><td></td><td>line %s</td>'
            "<td><code>%s</code></td><td>%s%s</td><td></td></tr>"
            % (
                html.escape(str(line.get("line"))),
                html.escape("" if printed is None else printed),
                html.escape(str(line.get("status"))),
                ""
                if expected is None
                else ", expected <code>%s</code>" % html.escape(expected),
            )
        )
    return rows


def _run(options, operands, stdin=None):
    """Runs ``gbl check OPTIONS -- OPERANDS`` twice (JSON, then text without colour).

    The operands come after ``--``, so an id or an answer is never read as an option.
    """
    exe = binary()
    data = None if stdin is None else stdin.encode("utf-8")

    def run(fmt):
        command = [exe, "check"] + options + ["--format", fmt, "--color", "never", "--"]
        try:
            return subprocess.run(
                command + operands,
                input=data,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                check=False,
            )
        except OSError as err:
            raise GblError("cannot run %s: %s" % (exe, err)) from err

    done = run("json")
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace").strip()
    try:
        report = json.loads(out)
    except ValueError:
        raise GblError(
            "gbl printed no JSON report (exit code %d)%s"
            % (done.returncode, ": " + err if err else "")
        ) from None
    if not isinstance(report, dict):
        raise GblError("gbl printed JSON that is not a report: %r" % (out[:200],))
    if "exercises" not in report:
        problem = report.get("error") or {}
        raise GblError(
            problem.get("message") or err or "gbl could not check",
            problem.get("file"),
            problem.get("line"),
            problem.get("column"),
        )
    text = run("text").stdout.decode("utf-8", "replace")
    return Result(report, done.returncode, text)


def _answer(value):
    """An answer as gbl reads it on its command line (QUESTION=VALUE)."""
    if isinstance(value, bool):
        raise TypeError("an answer is a number, an expression or a choice, not %r" % value)
    if isinstance(value, float):
        return repr(value)  # Python's shortest form: 2.4, 5.08e-05
    return str(value)


def check(exercise, /, **answers):
    """Checks answers worked out by hand: ``check("gd-one-step", grad=0.6, x1=2.4)``.

    Each keyword is a question id; its value a number, a fraction or expression string
    (``"12/5"``, ``"(x-2)/5"``) or a choice (``"diverges"``); ``None`` leaves it unanswered.
    The same as ``gbl check gd-one-step grad=0.6 x1=2.4``. Returns a Result; raises GblError
    when gbl cannot check (an unknown exercise or question, no answer at all, ...).
    """
    operands = [exercise] + [
        "%s=%s" % (q, _answer(v)) for q, v in answers.items() if v is not None
    ]
    return _run([], operands)


def check_trace(exercise, text):
    """Checks ``text``, what a program printed, as the trace of ``exercise``.

    The same as ``python3 prog.py | gbl check EXERCISE --trace -``.
    """
    return _run(["--trace", "-"], [exercise], stdin=text)


class _Tee(io.TextIOBase):
    """Writes to two streams: the captured output and the real one."""

    def __init__(self, first, second):
        self._streams = (first, second)

    def write(self, s):
        for stream in self._streams:
            stream.write(s)
        return len(s)

    def flush(self):
        for stream in self._streams:
            stream.flush()


class trace:
    """Captures what a block prints and checks it as the trace of ``exercise``.

        with gbl.trace("gd-trace") as t:
            ...                      # your code, printing its iterations
        t.result                     # the Result; t.output is what was printed

    ``echo=True`` also lets the printed lines through; ``show=True`` (the default) displays
    the result when the block ends (as HTML in Jupyter, as text elsewhere). Only Python's
    ``print``/``sys.stdout`` is captured. If the block raises, nothing is checked and the
    exception goes on.
    """

    def __init__(self, exercise, echo=False, show=True):
        self.exercise = exercise
        self.echo = echo
        self.show = show
        self.output = None
        self.result = None
        self._buffer = None
        self._redirect = None

    def __enter__(self):
        self._buffer = io.StringIO()
        target = _Tee(self._buffer, sys.stdout) if self.echo else self._buffer
        self._redirect = contextlib.redirect_stdout(target)
        self._redirect.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb):
        self._redirect.__exit__(exc_type, exc, tb)
        self.output = self._buffer.getvalue()
        if exc_type is not None:
            return False
        self.result = check_trace(self.exercise, self.output)
        if self.show:
            _show(self.result)
        return False


def _show(result):
    """Displays a result: rich in IPython/Jupyter, as text elsewhere."""
    ipython = sys.modules.get("IPython")
    shell = None
    if ipython is not None:
        get = getattr(ipython, "get_ipython", None)
        shell = get() if get else None
    if shell is not None:
        from IPython.display import display

        display(result)
    else:
        print(str(result), end="" if str(result).endswith("\n") else "\n")
