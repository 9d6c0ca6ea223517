"""A common mistake on mv-trace: y is printed for the point before the update.

The exercise asks for y = f(x1, x2) at the new point; this program computes y first and
updates afterwards, so each `y:` line belongs to the previous point. Its output is
exercises/traces/mv-trace-value-before-update.txt, which the exercise's author's tests
(`tests:`) say must be marked wrong with the mistake `value-before-update`.
"""


def f(x1, x2):
    return x1**2 + x2**2


def main():
    x1, x2 = 3, -2
    learning_rate = 0.1
    updates = 10

    print(f"Initial (x1, x2): ({x1}, {x2})")
    print(f"Initial y: {f(x1, x2)}")
    for i in range(1, updates + 1):
        y = f(x1, x2)  # the mistake: f at the old point
        x1, x2 = x1 - learning_rate * 2 * x1, x2 - learning_rate * 2 * x2
        print(f"{i}-th (x1, x2): ({x1:.3f}, {x2:.3f})")
        print(f"y: {y:.3f}")


if __name__ == "__main__":
    main()
