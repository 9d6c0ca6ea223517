# gbl's sentences in the book (src/book, src/plot): English. The Korean is ../ko/book.ftl.

## An exercise (the `exercise` directive)

book-trace-item = { $text } It prints with { $templates }: { $lines } lines in all.
book-command-line = Or on the command line (fill in your answers for the dots):
book-show = { $show } prints the task.
book-show-and-hint = { $show } prints the task; { $hint } gives one more hint each time.
book-worked-solution = Worked solution
book-program-prints = The program prints ({ $question }):
book-form-noscript = Checking in the page needs JavaScript; the commands below check the same answers.
book-form-paste = Paste what your program printed, or choose the file below
book-form-file = The file your program printed to ({ $question })

## Tables (the `table` and `backprop` directives)

book-next = next { $rule }
book-forward-pass = **Forward pass**, from the inputs to the output:
book-backward-pass = **Backward pass**, from the output back (d{ $output }/d{ $output } = 1):
book-backward-pass-fan-out = **Backward pass**, from the output back (d{ $output }/d{ $output } = 1; a node used several times adds up its paths):
book-node = node
book-defined-as = defined as
book-value = value
book-local-derivatives = local derivatives
book-gradient-of = gradient d{ $output }/d(node)
book-input = input
book-the-output = (the output)
book-unused-one = { $nodes } does not reach { $output }: its gradient is 0.
book-unused = { $nodes } do not reach { $output }: their gradient is 0.

## Plots (the `plot` directives, and `gbl descend --plot`, `gbl backprop --plot`)

plot-graph-title = computational graph of { $output }
plot-iterates-title = x against the iteration: f = { $f }, lr = { $lr }
plot-after-k-updates = { $var } after k updates
plot-rate = lr = { $lr } ({ $verdict })
plot-verdict-converges = converges
plot-verdict-oscillates = oscillates
plot-verdict-cycles = cycles
plot-verdict-diverges = diverges
plot-rates-title = learning rates compared on { $f }
plot-contour-title = contours of { $z } with the descent path, lr = { $lr }
plot-from = from { $var } = { $x0 }
plot-compare-title = gradient descent { $start }, lr = { $lr }, { $steps } steps
plot-iteration = iteration
plot-iterates-fx = iterates (x_k, f(x_k)), colored by iteration
plot-function = function
plot-iterates = iterates, colored by iteration
plot-descent-path = descent path
plot-start = start
plot-end = end
plot-contours = contours of { $z }
plot-path-title = gradient descent on f = { $f }, lr = { $lr }
plot-node-value = value = { $value }
plot-node-grad = grad = { $grad }
plot-forward-value = forward value
plot-gradient = gradient d(output)/d(node)
plot-local-derivative = local derivative
plot-empty-graph = empty graph
book-exercise-heading = Exercise: { $title }
