"""Gradient descent on f(x) = x^2 / 10, printing x after every update.

Exercise: gd-trace. Run it with
    python3 solutions/programs/gd-trace.py > out.txt
and check the output with
    gbl check gd-trace --trace out.txt
"""


def slope(x):
    """f'(x) for f(x) = x^2 / 10."""
    return x / 5


def main():
    x = 3              # the start; an int, so Python prints it as 3
    learning_rate = 1
    updates = 20

    print(f"Initial x: {x}")
    for i in range(1, updates + 1):
        # Take the slope at the current point first, then move against it.
        x = x - learning_rate * slope(x)
        print(f"{i}-th x: {x:.4f}")


if __name__ == "__main__":
    main()
