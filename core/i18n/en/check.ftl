# gbl's sentences about answers (core/src/check, core/src/solve.rs, core/src/api.rs): English.
# Each message is one sentence or clause; { $name } is an argument, already formatted by gbl
# (numbers as Python prints them). Keep the Korean file (../ko/check.ftl) in step: the same
# ids, the same arguments (core/src/i18n/tests.rs checks both).
# Arguments are text, so a plural is chosen by an argument that holds its category
# (`one` or `other`), e.g. { $k_plural -> [one] update *[other] updates }.

## Named mistakes (the "mistake" ids of gbl check's JSON)

mistake-add-gradient = you added the gradient instead of subtracting it: the update is x := x - lr·f'(x)
mistake-no-learning-rate = you left out the learning rate: the update is x := x - lr·f'(x) with lr = { $lr }
mistake-sign = right size, wrong sign
mistake-lr-below-one-habit = 1 is the '0 < lr < 1' habit, not this function's bound: for f = a·x^2 an update multiplies x by 1 - 2·a·lr, and the run converges exactly when that factor lies between -1 and 1
mistake-power-rule-factor-lr = you dropped the exponent's factor of the power rule: f'(x) of a·x^2 is 2·a·x, so an update multiplies x by 1 - 2·a·lr
mistake-value-for-gradient = this is f(x), not f'(x)
mistake-value-in-update = you used f(x) in the update instead of f'(x)
mistake-gradient-for-value = this is the gradient f'(x), not the new x
mistake-power-rule-factor-descent = you dropped the exponent's factor of the power rule: d/dx x^n = n·x^(n-1) (for a square, the factor 2)
mistake-missed-inner-derivative = you missed the inner derivative of the chain rule: multiply by the derivative of the inside
mistake-one-step-too-many = that is the value one step later: you took one step too many
mistake-one-step-too-few = that is the value one step earlier: you took one step too few (or gave the value before the update)
mistake-wrong-step = that is the value after { $k } { $k_plural ->
    [one] update
   *[other] updates
}; the question asks for the value after { $asked }
mistake-rounded-too-early = you rounded to { $digits } { $digits_plural ->
    [one] decimal
   *[other] decimals
} along the way; keep full precision until the end
mistake-outer-at-input = you evaluated the outer derivative at the input x instead of at the inner node's value
mistake-missed-inner-derivative-graph = you missed the inner derivative of the chain rule: multiply by the local derivative of each inner node on the path
mistake-power-rule-factor-graph = you dropped the exponent's factor of the power rule: d/dz z^n = n·z^(n-1) (for a square, the factor 2)
mistake-forward-value-for-gradient = that is the value of { $name } from the forward pass, not the gradient d{ $out }/d{ $asked }
mistake-wrong-node = that is d{ $out }/d{ $name }, the gradient at { $name }; the question asks for d{ $out }/d{ $asked }
mistake-function-for-derivative = this is the function itself, not its derivative
mistake-power-rule-factor-derivative = you dropped the exponent's factor of the power rule: d/dx u^n = n·u^(n-1)·u'

## How far a wrong value is off (never the value itself). $way is `big` or `small`.

off-way = { $way ->
    [big] too big
   *[small] too small
}
off-wrong-sign = right size, wrong sign
off-wrong-sign-sized = wrong sign, and { $size } in size
off-last-digits = { $way ->
    [big] too big
   *[small] too small
}, in the last digits
off-sized = { $way ->
    [big] too big
   *[small] too small
} ({ $size } in size)
off-band = { $way ->
    [big] too big
   *[small] too small
}, { $size }

## Sizes and bands, the $size of the messages above

size-times-big = { $k } times too big
size-times-small = { $k } times too small
size-more-than-ten-times = more than 10 times too big
size-more-than-twice = more than 2 times too big
size-under-a-tenth = less than a tenth of the right size
size-under-half = less than half the right size
size-band-1 = by less than 1%
size-band-10 = by less than 10%
size-band-50 = by 10% to 50%
size-band-more = by more than 50%

## A question's answer: right, wrong, or not an answer of its kind

answer-correct = correct
answer-missing = not answered
answer-broken = the exercise is broken: { $error }
answer-wrong-kind = the exercise is broken: '{ $answer }' does not suit a { $kind } question
answer-file-not-value = expected a value, not the file { $file }
answer-too-few-digits = too few digits: { $given } is right as far as it goes; give at least { $sig } significant digits
answer-empty = no answer: give a number
answer-not-finite = { $given } is not a number: give a finite value
answer-too-large = { $given } is not a number: it is too large for a float
answer-decimal-comma = { $given } is not a number: write decimals with a point ({ $with_point })
answer-not-a-number = { $given } is not a number
answer-exact-off = { $given } = { $value }: { $off }
answer-not-exact = { $error }; give a number, a fraction such as 12/5 or an expression of numbers
answer-not-whole = { $given } is not a whole number
answer-not-expression = { $given } is not an expression: { $error }
answer-not-same-function = not the same function: at { $point } yours gives { $value } ({ $off } there)
answer-not-comparable = yours cannot be compared with the answer (it is undefined almost everywhere)
answer-not-an-option = { $given } is not one of: { $options }
answer-not-an-option-near = { $given } is not one of: { $options } (did you mean { $near }?)
answer-converges-oscillates = correct: it converges; more exactly it oscillates (x jumps across the minimum at every step while getting closer)
answer-wrong-verdict = the run does not do that ({ $given }): follow how one step changes the distance to the minimum
answer-wrong-choice = not { $given }
answer-expression-right = '{ $given }' is an expression in { $names }, and the right one; the question asks for its value at { $point }: put { $point } in
answer-expression-wrong = '{ $given }' is an expression in { $names }; the question asks for a value at { $point }: put { $point } in (here yours gives { $value }, { $off })
answer-no-files = there are no files here: paste the trace's text

## Answer files

answers-empty-file = the answer file is empty
answers-not-mapping = an answer file maps exercise ids to their answers, e.g. 'gd-one-step: {"{"}grad: 0.6, x1: 2.4{"}"}'
answers-not-pairs = expected the answers of '{ $exercise }' as 'question: answer' pairs
answers-not-exercise-id = { $value } is not an exercise id
answers-no-exercise = there is no exercise { $exercise } ({ $hint })
answers-see-list = see 'gbl list'
answers-not-question-id = { $value } is not a question id
answers-no-question = '{ $exercise }' has no question { $question } (its questions: { $ids })
answers-no-question-near = '{ $exercise }' has no question { $question } ({ $near } its questions: { $ids })
answers-trace-form = a trace answer is written {"{"}trace: PATH{"}"}
answers-trace-only-key = a trace answer has only the key 'trace'
answers-not-trace = { $value } is not a trace file: write {"{"}trace: PATH{"}"}
answers-not-answer = { $value } is not an answer: give a number, a fraction or expression in quotes, or a word
# What a value in an answer file is, where it is not an answer.
value-empty = an empty value
value-list = a list
value-mapping = a mapping
value-tagged = a tagged value

## Worked solutions (gbl solve, the book): the words around the engine's formulas and numbers

solve-run = Run `{ $run }`:
solve-different-update = This update does not use f's own derivative ({ $own }) on purpose: { $why }
solve-start = Start at { $var } = { $value } with learning rate lr = { $lr }; each update is x := x - lr·f'(x).
solve-more-updates = … ({ $n } more updates) …
solve-step = Step { $k }: { $gradients }; { $updates }; f = { $f }
# $verdict is the answer word (converges, oscillates, cycles, diverges); $reason the engine's.
solve-verdict = Verdict: { $verdict } ({ $reason }).
solve-forward = Forward pass:
solve-input = { $name } = { $value } (input)
solve-local = Local derivatives:
solve-backward = Backward pass (d{ $out }/d{ $out } = 1, then each node in reverse order):
solve-value-at-point = Its value at the given point: { $value }
solve-answers = Answers:
solve-trace-answer = the printed trace (see `gbl show`)

## Hints and the page's requests (core/src/api.rs)

hint-none = '{ $id }' has no hints; try 'gbl solve { $id }'
hint-last = that was the last hint; 'gbl check' now shows the answers, and 'gbl solve { $id }' a worked solution
hint-no-such = '{ $id }' has { $of } hints, not a hint { $n }
api-request-invalid = the request is not valid: { $error }
api-solution-error = { $file }: solution: { $error }
