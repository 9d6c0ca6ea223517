# gbl: the command line's sentences (src/).
# Each message is one sentence, clause or label; { $name } is an argument, already formatted by
# gbl (numbers as gbl prints them, commands and ids as they are). Keep the Korean file
# (../ko/cli.ftl) in step: the same ids, the same arguments.

## gbl check: a report as text (src/check/render.rs)

# After a question's feedback, once the answer is revealed.
cli-check-answer = (answer: { $answer })
# Under several exercises checked at once.
cli-check-score = score { $score }/{ $max } · { $right } of { $count } exercises fully right

## gbl check: a trace's lines (src/check/trace_text.rs)

cli-trace-mistake-label = mistake:
cli-trace-note-label = note:
cli-trace-more = … and { $count } more
cli-trace-diff-expected = --- expected
cli-trace-diff-printed = +++ printed
cli-trace-hunk = @@ line { $line } @@
cli-trace-omitted-correct = ({ $count } correct lines not listed)
cli-trace-omitted-departing = ({ $count } more departing lines not listed)
# Pieces of one line "  … A, B" about lines not shown. (Two messages, not a select: gbl's
# arguments are text, and a select on text never matches [one].)
cli-trace-skipped-follows-one = { $count } line that follow from your previous line
cli-trace-skipped-follows = { $count } lines that follow from your previous line
cli-trace-skipped-departing = { $count } more departing
# The scoring rule, with this trace's counts.
cli-trace-scoring = score: { $right } of { $counted } lines right ({ $correct } correct, { $follows } carried forward): a line is right when its numbers are the reference at the template's digits, or one step of the rule from your own previous line
cli-trace-scoring-skipped-one = score: { $right } of { $counted } lines right ({ $correct } correct, { $follows } carried forward; { $skipped } skipped line not counted): a line is right when its numbers are the reference at the template's digits, or one step of the rule from your own previous line
cli-trace-scoring-skipped = score: { $right } of { $counted } lines right ({ $correct } correct, { $follows } carried forward; { $skipped } skipped lines not counted): a line is right when its numbers are the reference at the template's digits, or one step of the rule from your own previous line
cli-trace-line-missing = missing
cli-trace-line-extra = not expected
cli-trace-line-follows = follows from your line { $line }
cli-trace-line-wrong = wrong

## Answer files and the traces they name (src/check/answer_files.rs, src/student/answer_file.rs)

cli-answer-file-unreadable = cannot read the answer file: { $error }
cli-trace-leaves-folder = { $file } leaves the answer file's folder; name a file inside it
cli-trace-leads-outside = { $file } leads outside the answer file's folder
cli-trace-unreadable = cannot read { $file }: { $error }
cli-answer-file-empty = the answer file is empty: nothing is answered ('gbl init' writes one with every question)
cli-quiz-no-exercise = the quiz { $quiz } has no exercise '{ $id }'
# What to do next (gbl watch, after each check).
cli-next-all-right = every exercise is right: well done
cli-next-fix-problems = fix the problems above in the answer file
cli-next-show = next: 'gbl show { $id }' for the task, then write its answers in the file
cli-next-fix = next: fix { $id } and save ('gbl hint { $id }' if you are stuck)

## An answer file checked, and gbl list (src/student/render.rs)

cli-not-answered-heading = not answered:
cli-problem-label = problem:
cli-totals = score { $score }/{ $max } · { $answered } of { $count } exercises answered, { $right } fully right
cli-list-done = ✓ done
cli-list-started = ✗ started: { $right } of { $count } right
cli-list-not-started = · not started

## A quiz's closed solutions (src/student/mod.rs, src/student/solution.rs)

cli-quiz-no-reveal = the quiz { $quiz } keeps its solutions closed: --reveal is not available
cli-quiz-no-solution = the quiz { $quiz } keeps its solutions closed ('gbl hint { $id } --quiz ... --student ...' still helps)

## gbl hint (src/student/hints.rs)

cli-hint-label = hint { $n }/{ $of }:
cli-hint-reset = hints for '{ $id }' start again from the first, and its answers are hidden again
cli-hint-none = '{ $id }' has no hints; try 'gbl solve { $id }'
cli-hint-last-reveal = that was the last hint; 'gbl check' now shows the answers, and 'gbl solve { $id }' a worked solution
cli-hint-last = that was the last hint

## gbl solve (src/student/solution.rs)

cli-solve-steps = Step by step:

## gbl show (src/student/task.rs)

cli-task-heading = ({ $id }, chapter '{ $chapter }')
cli-task-print-with = print with: { $shape }
cli-task-lines-expected = ({ $count } lines expected)
cli-task-check-with = check with: { $command }
cli-task-check-trace-with = check a trace with: { $command }
cli-task-starter = ({ $id }.py is your program; 'gbl init' writes a starter that prints these lines)
cli-task-stuck = stuck? gbl hint { $id }

## Finding an exercise (src/exercise/catalog.rs)

cli-no-folder = the exercise folder { $folder } does not exist
cli-invalid-exercises = run 'gbl validate' for every problem
cli-no-exercise = there is no exercise '{ $id }' (did you mean { $near }?)
cli-no-exercise-see-list = there is no exercise '{ $id }' (see 'gbl list')

## Answers on the command line (src/student/given.rs, src/cmd/check.rs)

cli-not-an-answer = expected QUESTION=VALUE, found '{ $arg }'
cli-no-question = '{ $exercise }' has no question '{ $question }' (its questions: { $ids })
cli-no-question-near = '{ $exercise }' has no question '{ $question }' (did you mean { $near }? its questions: { $ids })
cli-trace-question = '{ $question }' is a trace question: give the file with --trace FILE
cli-answered-twice = '{ $question }' is answered twice
cli-no-trace-question = '{ $exercise }' has no trace question
cli-stdin-unreadable = standard input: { $error }
cli-trace-file-unreadable = { $path }: cannot read it: { $error }
cli-trace-file-unreadable-pipe = { $path }: cannot read it: { $error } (to read what a program pipes in, write --trace -)
cli-check-params-with-answers = --params gives the numbers of one exercise: use it with an exercise id, not --answers
cli-check-answers-twice = give answers either on the command line or in --answers, not both
cli-check-answers-with-id = with --answers, leave out the exercise id (the file names its exercises)
cli-check-nothing = name an exercise (gbl check ID QUESTION=VALUE...) or give --answers FILE (there is no ./answers.yaml; 'gbl init' writes one)
cli-check-no-answers = give answers as QUESTION=VALUE (questions of '{ $id }': { $ids }) or a trace with --trace FILE

## gbl watch (src/cmd/watch.rs)

cli-watch-no-file = { $file }: no such file ('gbl init' writes a starter answers.yaml; or name one with --answers FILE)
cli-watch-watching = watching { $files } (Ctrl-C stops)
cli-watch-changed = { $files } changed: checking again
cli-watch-cannot-watch = watching { $folder }
cli-watch-cannot-start = starting the file watcher

## gbl init (src/cmd/init.rs)

cli-init-exists = { $path }: already exists; gbl init never overwrites a file (choose another folder: gbl init DIR)
cli-init-cannot-write = { $path }: cannot write it
cli-init-cannot-create = { $path }: cannot create it
cli-init-next = next: cd { $dir } && gbl list, then 'gbl show ID' for a task and 'gbl watch' while you answer
cli-init-wrote = wrote { $path }

## gbl init's files: the comments of answers.yaml and of a starter program (src/student/starter.rs)
# Each line becomes a comment line ("# " before it); keep the lines short.

cli-starter-answers-header =
    Your answers, checked by 'gbl check' (and on every save by 'gbl watch').
    Write each answer after its colon: a number (2.4), a fraction or expression in
    quotes ("7/4", "3*x^2 - 1"), or a word (diverges). Empty means not answered yet.
    A trace answer names the file your program's output went to, e.g.
      gd-trace: {"{"}trace: traces/gd-trace.txt{"}"}
cli-starter-trace-answer = python3 { $id }.py > traces/{ $id }.txt, then write: {"{"}trace: traces/{ $id }.txt{"}"}
cli-starter-py-header =
    { $title }: a starter program (the task: gbl show { $id }).
    It already prints the lines gbl expects; replace the placeholders and write the
    update. Then check what it prints:
      python3 { $id }.py > traces/{ $id }.txt
      gbl check { $id } --trace traces/{ $id }.txt
cli-starter-py-start = TODO: the value of { $name } at the start
cli-starter-py-update =
    TODO: the update (the gradient at the current point, then the step),
    and every printed value at the new point

## The word before an error on stderr
cli-error = error

## A mistake on the command line (clap's own text is used in English; these are for the
## other languages, and must read the same)
cli-parse-subcommand = '{ $name }' is not a gbl command
cli-parse-argument = the argument '{ $name }' is not one of this command's
cli-parse-value = '{ $value }' is not a value { $name } takes
cli-parse-missing = a required argument is missing: { $names }
cli-parse-conflict = { $name } cannot be given with { $other }
cli-parse-other = the command line cannot be read
cli-parse-did-you-mean = did you mean: { $names }?
cli-parse-valid-values = the values it takes: { $names }
cli-parse-help = For more, see --help.
cli-parse-usage = Usage:
