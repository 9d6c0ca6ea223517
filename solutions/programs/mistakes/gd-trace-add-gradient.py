"""A common mistake on gd-trace: the slope is added instead of subtracted.

The update should be x := x - f'(x); this program writes x := x + f'(x), so x moves uphill
and grows by a factor 6/5 each step. Its output is exercises/traces/gd-trace-add-gradient.txt,
which the exercise's author's tests (`tests:`) say must be marked wrong with the mistake
`add-gradient`.
"""


def slope(x):
    """f'(x) for f(x) = x^2 / 10."""
    return x / 5


def main():
    x = 3
    learning_rate = 1
    updates = 20

    print(f"Initial x: {x}")
    for i in range(1, updates + 1):
        x = x + learning_rate * slope(x)  # the mistake: + instead of -
        print(f"{i}-th x: {x:.4f}")


if __name__ == "__main__":
    main()
