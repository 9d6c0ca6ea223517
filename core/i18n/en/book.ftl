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
