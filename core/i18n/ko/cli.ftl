# gbl: 명령줄이 학생에게 쓰는 문장 (src/): 한국어, 합니다체.
# 영어 파일(../en/cli.ftl)과 같은 id, 같은 인수를 씁니다. 수, id, 파일 이름, 명령과 옵션
# (gbl check, --trace), 학생이 입력하는 답의 낱말은 번역하지 않습니다.

## gbl check: 채점 결과 (src/check/render.rs)

cli-check-answer = (정답: { $answer })
cli-check-score = 점수 { $score }/{ $max } · 연습 문제 { $count }개 중 { $right }개를 모두 맞혔습니다

## gbl check: 추적 출력의 줄 (src/check/trace_text.rs)

cli-trace-mistake-label = 실수:
cli-trace-note-label = 참고:
cli-trace-more = … 그 밖에 { $count }개가 더 있습니다
cli-trace-diff-expected = --- 기대한 출력
cli-trace-diff-printed = +++ 출력한 내용
cli-trace-hunk = @@ { $line }번째 줄 @@
cli-trace-omitted-correct = (맞은 줄 { $count }개는 싣지 않았습니다)
cli-trace-omitted-departing = (어긋난 줄 { $count }개를 더 싣지 않았습니다)
cli-trace-skipped-follows-one = 직전 줄에서 이어지는 줄 { $count }개
cli-trace-skipped-follows = 직전 줄에서 이어지는 줄 { $count }개
cli-trace-skipped-departing = 어긋난 줄 { $count }개 더
cli-trace-scoring = 점수: { $counted }줄 중 { $right }줄이 맞았습니다(정답과 같은 줄 { $correct }개, 직전 줄에서 이어진 줄 { $follows }개). 한 줄의 수가 템플릿의 자릿수에서 기준 값과 같거나, 직전 줄에서 갱신 규칙을 한 번 적용한 값이면 그 줄은 맞습니다
cli-trace-scoring-skipped-one = 점수: { $counted }줄 중 { $right }줄이 맞았습니다(정답과 같은 줄 { $correct }개, 직전 줄에서 이어진 줄 { $follows }개, 세지 않은 건너뛴 줄 { $skipped }개). 한 줄의 수가 템플릿의 자릿수에서 기준 값과 같거나, 직전 줄에서 갱신 규칙을 한 번 적용한 값이면 그 줄은 맞습니다
cli-trace-scoring-skipped = 점수: { $counted }줄 중 { $right }줄이 맞았습니다(정답과 같은 줄 { $correct }개, 직전 줄에서 이어진 줄 { $follows }개, 세지 않은 건너뛴 줄 { $skipped }개). 한 줄의 수가 템플릿의 자릿수에서 기준 값과 같거나, 직전 줄에서 갱신 규칙을 한 번 적용한 값이면 그 줄은 맞습니다
cli-trace-line-missing = 빠진 줄
cli-trace-line-extra = 기대하지 않은 줄
cli-trace-line-follows = 여러분의 { $line }번째 줄에서 이어집니다
cli-trace-line-wrong = 틀린 줄

## 답안 파일과 그 파일이 가리키는 추적 출력 (src/check/answer_files.rs, src/student/answer_file.rs)

cli-answer-file-unreadable = 답안 파일을 읽을 수 없습니다: { $error }
cli-trace-leaves-folder = { $file }은(는) 답안 파일의 폴더 밖을 가리킵니다. 그 폴더 안의 파일을 적으십시오
cli-trace-leads-outside = { $file }은(는) 답안 파일의 폴더 밖으로 이어집니다
cli-trace-unreadable = { $file }을(를) 읽을 수 없습니다: { $error }
cli-answer-file-empty = 답안 파일이 비어 있어 답한 것이 없습니다('gbl init'이 모든 문항이 담긴 답안 파일을 만들어 줍니다)
cli-quiz-no-exercise = { $quiz } 퀴즈에는 '{ $id }' 연습 문제가 없습니다
cli-next-all-right = 모든 연습 문제를 맞혔습니다. 잘했습니다
cli-next-fix-problems = 위의 문제점을 답안 파일에서 고치십시오
cli-next-show = 다음: 'gbl show { $id }'로 문제를 보고, 그 답을 파일에 쓰십시오
cli-next-fix = 다음: { $id }을(를) 고치고 저장하십시오(막히면 'gbl hint { $id }')

## 확인한 답안 파일과 gbl list (src/student/render.rs)

cli-not-answered-heading = 답하지 않은 연습 문제:
cli-problem-label = 문제점:
cli-totals = 점수 { $score }/{ $max } · 연습 문제 { $count }개 중 { $answered }개에 답했고, { $right }개를 모두 맞혔습니다
cli-list-done = ✓ 완료
cli-list-started = ✗ 진행 중: { $count }문항 중 { $right }문항 정답
cli-list-not-started = · 시작 전

## 풀이를 닫은 퀴즈 (src/student/mod.rs, src/student/solution.rs)

cli-quiz-no-reveal = { $quiz } 퀴즈는 풀이를 공개하지 않습니다: --reveal을 쓸 수 없습니다
cli-quiz-no-solution = { $quiz } 퀴즈는 풀이를 공개하지 않습니다('gbl hint { $id } --quiz ... --student ...'는 여전히 도움이 됩니다)

## gbl hint (src/student/hints.rs)

cli-hint-label = 힌트 { $n }/{ $of }:
cli-hint-reset = '{ $id }'의 힌트를 첫 힌트부터 다시 보여 주고, 정답도 다시 숨깁니다
cli-hint-none = '{ $id }'에는 힌트가 없습니다. 'gbl solve { $id }'을(를) 실행해 보십시오
cli-hint-last-reveal = 마지막 힌트였습니다. 이제 'gbl check'가 정답을 보여 주고, 'gbl solve { $id }'은(는) 풀이를 보여 줍니다
cli-hint-last = 마지막 힌트였습니다

## gbl solve (src/student/solution.rs)

cli-solve-steps = 단계별 풀이:

## gbl show (src/student/task.rs)

cli-task-heading = ({ $id }, 장 '{ $chapter }')
cli-task-print-with = 출력 형식: { $shape }
cli-task-lines-expected = ({ $count }줄을 출력해야 합니다)
cli-task-check-with = 확인 방법: { $command }
cli-task-check-trace-with = 추적 출력 확인 방법: { $command }
cli-task-starter = ({ $id }.py가 여러분의 프로그램입니다. 'gbl init'이 이 줄들을 출력하는 시작 프로그램을 만들어 줍니다)
cli-task-stuck = 막혔습니까? gbl hint { $id }

## 연습 문제 찾기 (src/exercise/catalog.rs)

cli-no-folder = 연습 문제 폴더가 없습니다: { $folder }
cli-invalid-exercises = 모든 문제점은 'gbl validate'로 확인하십시오
cli-no-exercise = '{ $id }' 연습 문제는 없습니다(혹시 { $near }입니까?)
cli-no-exercise-see-list = '{ $id }' 연습 문제는 없습니다('gbl list'를 참고하십시오)

## 명령줄에서 준 답 (src/student/given.rs, src/cmd/check.rs)

cli-not-an-answer = QUESTION=VALUE 형식이어야 하는데 '{ $arg }'을(를) 받았습니다
cli-no-question = '{ $exercise }'에는 '{ $question }' 문항이 없습니다(문항: { $ids })
cli-no-question-near = '{ $exercise }'에는 '{ $question }' 문항이 없습니다(혹시 { $near }입니까? 문항: { $ids })
cli-trace-question = '{ $question }' 문항은 추적 출력 문항입니다: --trace FILE로 파일을 주십시오
cli-answered-twice = '{ $question }' 문항에 두 번 답했습니다
cli-no-trace-question = '{ $exercise }'에는 추적 출력 문항이 없습니다
cli-stdin-unreadable = 표준 입력: { $error }
cli-trace-file-unreadable = { $path }: 읽을 수 없습니다: { $error }
cli-trace-file-unreadable-pipe = { $path }: 읽을 수 없습니다: { $error } (프로그램이 파이프로 보내는 출력을 읽으려면 --trace -라고 쓰십시오)
cli-check-params-with-answers = --params는 연습 문제 하나의 수를 정합니다: --answers가 아니라 연습 문제 id와 함께 쓰십시오
cli-check-answers-twice = 답은 명령줄이나 --answers 중 한 곳에만 주십시오
cli-check-answers-with-id = --answers를 쓸 때는 연습 문제 id를 빼십시오(파일에 연습 문제가 적혀 있습니다)
cli-check-nothing = 연습 문제를 지정하거나(gbl check ID QUESTION=VALUE...) --answers FILE을 주십시오(./answers.yaml이 없습니다. 'gbl init'이 만들어 줍니다)
cli-check-no-answers = 답을 QUESTION=VALUE로 주거나('{ $id }'의 문항: { $ids }) --trace FILE로 추적 출력을 주십시오

## gbl watch (src/cmd/watch.rs)

cli-watch-no-file = { $file }: 그런 파일이 없습니다('gbl init'이 시작용 answers.yaml을 만들어 줍니다. 또는 --answers FILE로 파일을 지정하십시오)
cli-watch-watching = { $files }을(를) 지켜보는 중입니다(Ctrl-C로 멈춥니다)
cli-watch-changed = { $files }이(가) 바뀌었습니다: 다시 확인합니다
cli-watch-cannot-watch = { $folder }을(를) 지켜보는 중
cli-watch-cannot-start = 파일 감시를 시작하는 중

## gbl init (src/cmd/init.rs)

cli-init-exists = { $path }: 이미 있습니다. gbl init은 파일을 덮어쓰지 않습니다(다른 폴더를 고르십시오: gbl init DIR)
cli-init-cannot-write = { $path }: 쓸 수 없습니다
cli-init-cannot-create = { $path }: 만들 수 없습니다
cli-init-next = 다음: cd { $dir } && gbl list를 실행하고, 'gbl show ID'로 문제를 보고, 답하는 동안 'gbl watch'를 켜 두십시오
cli-init-wrote = 만들었습니다: { $path }

## gbl init이 만드는 파일: answers.yaml과 시작 프로그램의 주석 (src/student/starter.rs)

cli-starter-answers-header =
    여러분의 답안입니다. 'gbl check'가 확인하고, 'gbl watch'는 저장할 때마다 확인합니다.
    각 답은 콜론 뒤에 쓰십시오: 수(2.4), 따옴표로 감싼 분수나 식("7/4", "3*x^2 - 1"),
    또는 낱말(diverges)입니다. 비어 있으면 아직 답하지 않은 것입니다.
    추적 출력 문항의 답에는 프로그램의 출력을 저장한 파일을 적습니다. 예:
      gd-trace: {"{"}trace: traces/gd-trace.txt{"}"}
cli-starter-trace-answer = python3 { $id }.py > traces/{ $id }.txt를 실행한 뒤 다음과 같이 쓰십시오: {"{"}trace: traces/{ $id }.txt{"}"}
cli-starter-py-header =
    { $title }: 시작 프로그램입니다(문제: gbl show { $id }).
    gbl이 기대하는 줄을 이미 출력합니다. 자리 표시자를 바꾸고 갱신을 작성하십시오.
    그런 다음 출력을 확인하십시오:
      python3 { $id }.py > traces/{ $id }.txt
      gbl check { $id } --trace traces/{ $id }.txt
cli-starter-py-start = TODO: 시작할 때 { $name }의 값
cli-starter-py-update =
    TODO: 갱신(현재 점에서의 기울기, 그다음 한 걸음)과
    새 점에서 출력할 모든 값

## 표준 오류에 쓰는 오류 앞의 말
cli-error = 오류

## 명령줄의 실수 (영어에서는 clap의 문장을 그대로 씁니다)
cli-parse-subcommand = '{ $name }'은(는) gbl의 명령이 아닙니다
cli-parse-argument = 인수 '{ $name }'은(는) 이 명령에 없습니다
cli-parse-value = '{ $value }'은(는) { $name }에 줄 수 있는 값이 아닙니다
cli-parse-missing = 꼭 필요한 인수가 빠졌습니다: { $names }
cli-parse-conflict = { $name }은(는) { $other }와(과) 함께 쓸 수 없습니다
cli-parse-other = 명령줄을 읽을 수 없습니다
cli-parse-did-you-mean = 혹시 다음을 뜻했습니까: { $names }
cli-parse-valid-values = 줄 수 있는 값: { $names }
cli-parse-help = 자세한 내용은 --help에서 볼 수 있습니다.
cli-parse-usage = 사용법:
