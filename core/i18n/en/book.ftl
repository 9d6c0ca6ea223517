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
