# The engine's sentences (core/src/engine/parse, core/src/engine/verdict*, eval.rs, budget.rs,
# core/src/exercise/suggest.rs): expression parse errors, the verdict's reason, evaluation
# errors, work budgets and "did you mean" suggestions. The Korean file (../ko/engine.ftl)
# has the same ids with the same arguments. Numbers arrive formatted by gbl.

## Parse errors (the column and the caret are added by the code)

parse-at-column = { $problem } (column { $column })
parse-empty = the expression is empty
parse-expected = expected { $expected }, found { $found }
parse-missing-operator = expected an operator before { $found } (write a product with '*', as in 2*x)
parse-unclosed = this '(' is never closed
parse-unmatched = ')' without a matching '('
parse-unknown-function = unknown function '{ $name }' (known: exp, log, sqrt, sin, cos, tanh, abs)
parse-function-without-parens = the function '{ $name }' needs its argument in parentheses, as in { $name }(x)
parse-comma = functions take one argument; ',' is not part of an expression
parse-bad-char = unexpected character '{ $ch }'
parse-bad-number = '{ $text }' is not a number
parse-too-long = the expression is { $len } characters long; the limit is { $max }
parse-too-deep = the expression nests too deeply (the limit is { $max } levels of parentheses, signs and powers)

# What the parser found ($found above).
parse-found-end = the end of the expression
parse-found-number = the number '{ $text }'
parse-found-name = the name '{ $text }'
parse-found-token = '{ $text }'

# What the parser needed ($expected above).
parse-expected-operator = an operator
parse-expected-operand-after = an operand after '{ $op }'
parse-expected-operand = a number, a name or '('
parse-expected-operator-or-close = an operator or ')'

# A suggestion after parse-bad-char, joined with "; ".
parse-hint-product = write a product with '*'
parse-hint-division = write a division with '/'
parse-hint-minus = write a minus sign with '-'
parse-hint-power = write a power with '^', as in x^2
parse-hint-group = group with '(' and ')'
parse-hint-equals = an expression has no '=' (give only the right-hand side)

## The verdict's reason

verdict-lr-zero = the learning rate is 0, so x never moves: it stays at the start
verdict-at-minimum = the start is already the minimum
verdict-negative-lr = a negative learning rate climbs instead of descending

# One variable: f'' = $f2, a = f''/2, the learning rate $lr and the factor $r.
verdict-one-cycles = f is a quadratic with f'' = { $f2 }, so each step multiplies the distance to the minimum by r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }: |r| = 1, so x jumps between the same points for ever
verdict-one-diverges = f is a quadratic with f'' = { $f2 }, so each step multiplies the distance to the minimum by r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }: |r| > 1, so the distance grows every step
verdict-one-oscillates = f is a quadratic with f'' = { $f2 }, so each step multiplies the distance to the minimum by r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }: -1 < r < 0, so x crosses the minimum every step while getting closer (lr < { $max } converges)
verdict-one-converges = f is a quadratic with f'' = { $f2 }, so each step multiplies the distance to the minimum by r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }: 0 <= r < 1, so x approaches the minimum from one side

# Several variables: the head, then "; " and the clause that decides.
verdict-many-direction = λ = { $lambda } gives r = { $r }
verdict-many-head = f is a quadratic; along each eigen-direction of its Hessian a step multiplies the distance to the minimum by r = 1 - lr·λ, with lr = { $lr }: { $directions }
verdict-many-cycles = along λ = { $lambda } |r| = 1 and no |r| is larger, so x jumps between the same points for ever
verdict-many-diverges = along λ = { $lambda } |r| = { $rho } > 1, so the distance grows every step in that direction
verdict-many-oscillates = every |r| < 1, so x converges, and along λ = { $lambda } r = { $r } < 0, so x crosses the minimum in that direction every step (lr < { $max } converges)
verdict-many-converges = every r is between 0 and 1 (the largest, r = { $r }, is along λ = { $lambda }), so x approaches the minimum without crossing it

# Read off a run.
verdict-passes-bound = |x| passes { $bound } at step { $step }
verdict-breaks-down = the run breaks down at step { $step } ({ $point }): { $error }
verdict-too-few-steps = too few steps to tell
verdict-returns = x returns to the same { $period } points over and over without settling
verdict-steps-grow = the steps keep growing
verdict-no-minimum = x keeps moving the same way while f keeps decreasing: there is no minimum to reach
verdict-slowly = f keeps decreasing and the steps keep shrinking, slowly, after { $steps } steps
verdict-bouncing = x keeps bouncing without settling
verdict-settles = the run settles at { $point } after { $steps } steps
verdict-settles-crossing = the run settles at { $point } after { $steps } steps, crossing the minimum from side to side
verdict-more-variables = … ({ $count } more variables)

## Evaluation errors

eval-in-node = { $problem } in { $node }
eval-division-by-zero = division by zero
eval-zero-to-negative-power = 0 raised to a negative power
eval-log-domain = log of { $value }, which is not positive
eval-sqrt-domain = square root of the negative number { $value }
eval-domain = { $func } of { $value } is not defined
eval-negative-fractional-power = { $base } raised to the non-integer power { $exp } (not a real number)
eval-overflow = overflow: the result is too large for a float
eval-unbound = the variable '{ $name }' has no value

## Work budgets

budget-over = { $what } needs { $needed } { $unit }, more than the work budget of { $limit } { $unit }; { $advice }
budget-derivative = the derivative of { $expr } by { $var }
budget-simplify-derivative = simplifying the derivative of { $expr } by { $var }
budget-unit-nodes = expression nodes
budget-unit-steps = steps
budget-unit-operations = operations
budget-unit-numbers = numbers
budget-advice-simpler = write the function more simply (fewer nested powers and functions)
budget-advice-fewer-variables = use fewer variables or a simpler function
budget-advice-fewer-steps-simpler = take fewer steps or a simpler function
budget-advice-fewer-steps = take fewer steps

## Suggestions

suggest-did-you-mean = did you mean { $ids }?

## What a budget measured, for a descent (engine/descent)
budget-what-gradient = the gradient of { $f } ({ $n } variables)
budget-what-run = a run of { $steps } steps
budget-what-kept-run = keeping a run of { $steps } steps in { $n } variables
