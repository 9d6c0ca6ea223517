# gbl: trace feedback (core/src/check/trace): English.
# Each message is one sentence, or one clause where the code joins clauses with "; ".
# { $name } is an argument, already formatted by gbl (numbers as Python prints them, line
# numbers as integers, printed text as printed). Keep ../ko/trace.ftl in step: the same ids,
# the same arguments.
# The arguments are text, so a Fluent select cannot choose a plural form from them: where the
# English says "line"/"lines", the code chooses between a message ending in -one and the
# message without it.

## Reading the trace (mod.rs)

trace-no-trace-given = no trace given
trace-cannot-read = cannot read { $name }: { $error }
trace-too-many-lines = { $name } has { $count } lines, more than the { $budget } a trace may have (the task prints { $lines }): print only what the task asks
trace-crashed-before-printing = your program stopped with an error before printing anything: { $error }
trace-crashed-after-one = your program stopped with an error after { $count } line: { $error }
trace-crashed-after = your program stopped with an error after { $count } lines: { $error }
trace-printed-nothing = your program printed nothing
trace-no-answer-lines = none of the lines your program printed is part of the answer
trace-header-alone = no line after an update earns credit, so the lines before the loop earn nothing either
trace-expected-lines = { $count } lines
trace-broken-not-descent = the exercise is broken: '{ $run }' is not a descent run
trace-broken-cannot-start = the exercise is broken: its run cannot even start
trace-broken = the exercise is broken: { $error }
trace-field-no-value = the field '{ $field }' names no value of the run
trace-no-step-template = a trace needs a step template

## The feedback line (summary.rs)

trace-all-right = all { $count } lines right
trace-all-right-see-note = all { $count } lines right (see the note)
trace-right-of = { $right } of { $counted } lines right
trace-right-of-carried = { $right } of { $counted } lines right ({ $follows } carried forward)

## One sentence per departure (summary.rs); { $lines } is trace-line or trace-line-range

trace-line = line { $line }
trace-line-range = lines { $first }-{ $last }
trace-line-number = line { $line }: { $number }
trace-line-note = line { $line }: { $note }
trace-line-wrong = line { $line } is wrong
trace-also-wrong = { $lines } are wrong too
trace-follows-one = { $lines } follows correctly from your line { $from }
trace-follows = { $lines } follow correctly from your line { $from }
trace-not-printed = expected { $lines } not printed
trace-not-expected = { $lines } not expected

## A number that differs (report.rs, precision.rs, judge.rs)

trace-number-expected = expected { $expected }, printed { $printed }
trace-number-coarse = printed { $printed } where the task { $asks } ({ $expected })
trace-asks = asks { $amount }
trace-asks-full = prints the value in full
trace-digits-full = the value in full
trace-digits-decimals-one = { $count } decimal
trace-digits-decimals = { $count } decimals
trace-digits-significant-one = { $count } significant digit
trace-digits-significant = { $count } significant digits
trace-no-number = no number
trace-line-too-long = the line is { $bytes } bytes long
trace-expected-numbers-one = expected { $count } number, found { $found }
trace-expected-numbers = expected { $count } numbers, found { $found }
trace-labels-differ = the labels differ from the template's

## Length: stopping early, running too long, lines left out (summary.rs)

trace-missing-line = the line printed like `{ $line }` is missing from { $count } of the { $iterations } iterations: print every line of the step after each update
trace-stopped-early-one = the last { $count } expected line is missing: your program stopped after { $done } of { $iterations } iterations
trace-stopped-early = the last { $count } expected lines are missing: your program stopped after { $done } of { $iterations } iterations
trace-ran-too-long-one = your program printed { $count } line more than expected: the exercise asks for { $iterations } iterations
trace-ran-too-long = your program printed { $count } lines more than expected: the exercise asks for { $iterations } iterations
trace-ran-too-long-one-step = your program printed { $count } line more than expected ({ $steps } iteration too many): the exercise asks for { $iterations } iterations
trace-ran-too-long-step = your program printed { $count } lines more than expected ({ $steps } iteration too many): the exercise asks for { $iterations } iterations
trace-ran-too-long-steps = your program printed { $count } lines more than expected ({ $steps } iterations too many): the exercise asks for { $iterations } iterations

## Notes that cost nothing (summary.rs, shape.rs)

trace-extras-note-one = { $count } line prints more values than the template (e.g. `{ $example }`); only the template's values count
trace-extras-note = { $count } lines print more values than the template (e.g. `{ $example }`); only the template's values count
trace-other-labels-one = { $count } line uses other labels than the template (e.g. `{ $example }` for `{ $template }`); only the numbers count
trace-other-labels = { $count } lines use other labels than the template (e.g. `{ $example }` for `{ $template }`); only the numbers count
trace-index-differs-one = { $count } line number the iterations differently from the template
trace-index-differs = { $count } lines number the iterations differently from the template
trace-combined-one = { $count } line prints several of the template's lines side by side (e.g. line { $line }); each is read as those lines
trace-combined = { $count } lines print several of the template's lines side by side (e.g. line { $line }); each is read as those lines
trace-skipped-one = { $count } line skipped as not part of the answer ({ $kinds }); skipped lines cost nothing
trace-skipped = { $count } lines skipped as not part of the answer ({ $kinds }); skipped lines cost nothing
trace-skipped-blank = { $count } blank
trace-skipped-console = { $count } without numbers or from the console, like line { $line }: `{ $text }`
trace-skipped-debug = { $count } without the iteration's shape, like line { $line }: `{ $text }`

## Named mistakes (findings.rs, diagnose.rs, reference_pass.rs, start.rs)

trace-other-output = none of your lines has the labels of this exercise's output (`{ $line }`) and no line after an update is right: is this the output of another exercise or program?
trace-precision = your numbers have fewer digits than the task asks ({ $amount }): print them as the template `{ $template }` does
# Between two lines of a template of several lines, inside trace-precision's `...`.
trace-template-and = ` and `
trace-no-rule = from your line { $line } on, the numbers follow no gradient-descent rule found: not one step of the exercise's update from your own previous values, nor a usual mistake (another learning rate, the gradient added, a scaled derivative, f for f', printing before the update, rounding every step)
trace-print-before-update = each line shows x before its update, not after it (off by one): update x first, then print
trace-value-before-update = your y lines show f at the point before the update: compute y = f(x) after the update, at the new point
trace-swapped-variables = your lines show { $second } where { $first } belongs and { $first } where { $second } belongs: print them in the template's order
trace-gradient-factor = your gradient is { $factor } times the right one: your steps match { $wrong } instead of { $right }
# Added after trace-gradient-factor and inside trace-learning-rate-or-derivative's parentheses.
trace-factor-half = — a factor 2 missing, as when x² is differentiated as x (d/dx x^n = n·x^(n-1))
trace-factor-double = — a factor 2 too many
trace-add-gradient-lr = you added the gradient instead of subtracting it, and your steps match lr = { $lr }; the exercise uses { $ours }
trace-no-learning-rate = your steps match lr = 1: you left out the learning rate (the exercise uses { $ours })
trace-learning-rate = your steps match lr = { $lr }; the exercise uses { $ours }
trace-learning-rate-or-derivative = your steps match lr = { $lr }; the exercise uses { $ours } (or, with the same steps, a derivative { $factor } times the right one: { $wrong } instead of { $right })
trace-learning-rate-or-derivative-factor = your steps match lr = { $lr }; the exercise uses { $ours } (or, with the same steps, a derivative { $factor } times the right one: { $wrong } instead of { $right } { $why })
trace-sequential-update = your update of { $second } uses the new { $first } (one variable after the other): compute every partial derivative at the old point first, then move all variables together
trace-rounded-each-step = your values match rounding x to { $digits } decimals at every step: keep full precision and round only when printing
trace-value-for-gradient = your steps use f(x) instead of f'(x): the update is x := x - lr·f'(x)
trace-constant-lines = your lines after each update print the same numbers in every iteration ({ $values }): that is no gradient-descent run, so no line earns credit
trace-other-start = your run starts at { $theirs } (your line { $line }), not at this exercise's start { $ours }: lines computed from another start earn no credit carried forward
trace-worked-back-start = your lines follow from a start { $theirs } (worked back from your line { $line }), not from this exercise's start { $ours }: lines computed from another start earn no credit carried forward
trace-first-update-departs-follows = your first update already departs (your line { $line }) and the lines after it follow the update from that value, not from your start { $start }: credit is carried forward only from your own start
trace-first-update-departs = your first update already departs (your line { $line }): credit is carried forward only from a run that follows from your start { $start }, so the lines after it are judged against the reference
