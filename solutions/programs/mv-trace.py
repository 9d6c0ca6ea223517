"""Gradient descent on f(x1, x2) = x1^2 + x2^2, printing the point and f after every update.

Exercise: mv-trace. Run it with
    python3 solutions/programs/mv-trace.py > out.txt
and check the output with
    gbl check mv-trace --trace out.txt
"""


def f(x1, x2):
    return x1**2 + x2**2


def gradient(x1, x2):
    """Both partial derivatives, taken at the same point."""
    return 2 * x1, 2 * x2


def main():
    x1, x2 = 3, -2
    learning_rate = 0.1
    updates = 10

    print(f"Initial (x1, x2): ({x1}, {x2})")
    print(f"Initial y: {f(x1, x2)}")
    for i in range(1, updates + 1):
        # A simultaneous update: both slopes come from the old point.
        g1, g2 = gradient(x1, x2)
        x1, x2 = x1 - learning_rate * g1, x2 - learning_rate * g2
        print(f"{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})")
        print(f"y: {f(x1, x2):.3f}")


if __name__ == "__main__":
    main()
