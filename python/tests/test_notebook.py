"""Runs notebook.ipynb headlessly (nbclient) and checks what its cells showed.

Skipped when nbclient, nbformat or ipykernel is missing, unless GBL_REQUIRE_NOTEBOOK=1 (as in
CI): then their absence is a failure.
"""

import os
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = os.environ.get("GBL_REQUIRE_NOTEBOOK") == "1"

try:
    import ipykernel  # noqa: F401  (the kernel that runs the notebook)
    import nbclient
    import nbformat

    MISSING = None
except ImportError as err:
    MISSING = str(err)


def text_of(output):
    """The text an output shows: a stream's text or a result's text/plain."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    return output.get("data", {}).get("text/plain", "")


class Notebook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if MISSING is not None:
            if REQUIRED:
                raise AssertionError(
                    "GBL_REQUIRE_NOTEBOOK=1 but the notebook cannot run: %s "
                    "(pip install nbclient nbformat ipykernel)" % MISSING
                )
            raise unittest.SkipTest(
                "nbclient, nbformat or ipykernel is not installed (%s): "
                "pip install nbclient nbformat ipykernel to run this test" % MISSING
            )
        cls.state = tempfile.TemporaryDirectory(prefix="gbl-state-")
        # The kernel inherits this environment: English sentences, no hints seen.
        os.environ["LC_ALL"] = "C.UTF-8"
        os.environ["GBL_STATE_DIR"] = cls.state.name
        nb = nbformat.read(os.path.join(HERE, "notebook.ipynb"), as_version=4)
        with tempfile.TemporaryDirectory(prefix="gbl-nb-") as cwd:
            nbclient.NotebookClient(
                nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": cwd}}
            ).execute()
        cls.cells = [c for c in nb.cells if c.cell_type == "code"]

    @classmethod
    def tearDownClass(cls):
        cls.state.cleanup()

    def outputs(self, start):
        """The outputs of the code cell whose source starts with `start`."""
        for cell in self.cells:
            if cell.source.startswith(start):
                return cell.outputs
        self.fail("no code cell starts with %r" % start)

    def test_no_cell_failed(self):
        for cell in self.cells:
            for out in cell.outputs:
                self.assertNotEqual(out.output_type, "error", cell.source)

    def test_right_answers_show_a_table_with_full_marks(self):
        (out,) = self.outputs('gbl.check("gd-one-step", grad=0.6, x1=2.4)')
        self.assertEqual(out.output_type, "execute_result")
        page = out.data["text/html"]
        self.assertIn("<table>", page)
        self.assertIn("gd-one-step", page)
        self.assertIn("2/2", page)
        self.assertEqual(page.count('class="gbl-correct"'), 2)
        self.assertIn("gd-one-step  One step of gradient descent  2/2", text_of(out))

    def test_wrong_answer_shows_the_mistake(self):
        (out,) = self.outputs('gbl.check("gd-one-step", grad=0.6, x1=3.6)')
        page = out.data["text/html"]
        self.assertIn("1/2", page)
        self.assertIn('class="gbl-wrong"', page)
        self.assertIn("you added the gradient instead of subtracting it", page)

    def test_right_trace_is_displayed_with_full_marks(self):
        (out,) = self.outputs('with gbl.trace("gd-trace") as t:')
        self.assertEqual(out.output_type, "display_data")  # nothing printed leaks through
        self.assertIn("20/20", out.data["text/html"])
        self.assertIn("all 21 lines right", out.data["text/html"])
        (printed,) = self.outputs("print(t.result.score")
        self.assertEqual(text_of(printed), "20.0 20.0 True\n")

    def test_wrong_trace_is_displayed_with_less(self):
        (out,) = self.outputs('with gbl.trace("gd-trace") as wrong:')
        page = out.data["text/html"]
        self.assertIn('class="gbl-wrong"', page)
        self.assertIn("added the gradient", page)
        self.assertIn("1-th x: 3.6000", page)  # the departing line, as printed
        (printed,) = self.outputs("print(wrong.result.score")
        self.assertEqual(text_of(printed), "True wrong\n")


if __name__ == "__main__":
    unittest.main()
