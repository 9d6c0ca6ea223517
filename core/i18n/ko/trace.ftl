# gbl: 출력 기록(trace)에 대한 피드백 (core/src/check/trace): 한국어, 합니다체.
# 영어 파일(../en/trace.ftl)과 같은 id, 같은 인수를 씁니다. 수, 줄 번호, id, 파일 이름,
# 출력된 텍스트와 템플릿, 코드와 식은 번역하지 않습니다.
# 코드가 "; "로 이어 붙이는 절은 각각 한 문장으로 끝맺습니다.

## 출력 기록 읽기 (mod.rs)

trace-no-trace-given = 출력 기록이 주어지지 않았습니다
trace-cannot-read = { $name }을(를) 읽을 수 없습니다: { $error }
trace-too-many-lines = { $name }은(는) { $count }줄로, 출력 기록이 가질 수 있는 { $budget }줄보다 많습니다(과제는 { $lines }줄을 출력합니다): 과제가 요구하는 것만 출력하십시오
trace-crashed-before-printing = 프로그램이 아무것도 출력하기 전에 오류로 멈췄습니다: { $error }
trace-crashed-after-one = 프로그램이 { $count }줄을 출력한 뒤 오류로 멈췄습니다: { $error }
trace-crashed-after = 프로그램이 { $count }줄을 출력한 뒤 오류로 멈췄습니다: { $error }
trace-printed-nothing = 프로그램이 아무것도 출력하지 않았습니다
trace-no-answer-lines = 프로그램이 출력한 줄 가운데 답에 해당하는 줄이 하나도 없습니다
trace-header-alone = 갱신 뒤의 줄이 하나도 점수를 얻지 못했으므로, 반복문 앞의 줄도 점수를 얻지 못합니다
trace-expected-lines = { $count }줄
trace-broken-not-descent = 연습 문제에 오류가 있습니다: '{ $run }'은(는) 경사하강법 실행이 아닙니다
trace-broken-cannot-start = 연습 문제에 오류가 있습니다: 실행을 시작조차 할 수 없습니다
trace-broken = 연습 문제에 오류가 있습니다: { $error }
trace-field-no-value = 필드 '{ $field }'에 해당하는 값이 실행에 없습니다
trace-no-step-template = 출력 기록 문항에는 스텝 템플릿(step)이 있어야 합니다

## 피드백 줄 (summary.rs)

trace-all-right = { $count }줄이 모두 맞았습니다
trace-all-right-see-note = { $count }줄이 모두 맞았습니다(참고 사항을 보십시오)
trace-right-of = { $counted }줄 중 { $right }줄이 맞았습니다
trace-right-of-carried = { $counted }줄 중 { $right }줄이 맞았습니다(그중 { $follows }줄은 이어서 인정되었습니다)

## 어긋난 곳마다 한 문장 (summary.rs); { $lines }는 trace-line 또는 trace-line-range입니다

trace-line = { $line }번 줄
trace-line-range = { $first }-{ $last }번 줄
trace-line-number = { $line }번 줄: { $number }
trace-line-note = { $line }번 줄: { $note }
trace-line-wrong = { $line }번 줄이 틀렸습니다
trace-also-wrong = { $lines }도 틀렸습니다
trace-follows-one = { $lines }은 여러분의 { $from }번 줄에서 올바르게 이어집니다
trace-follows = { $lines }은 여러분의 { $from }번 줄에서 올바르게 이어집니다
trace-not-printed = 기대한 { $lines }이 출력되지 않았습니다
trace-not-expected = { $lines }은 기대하지 않은 줄입니다

## 다른 수 (report.rs, precision.rs, judge.rs)

trace-number-expected = 기댓값은 { $expected }인데 출력한 값은 { $printed }입니다
trace-number-coarse = 출력한 값은 { $printed }인데 과제는 { $asks }({ $expected })
trace-asks = { $amount }를 요구합니다
trace-asks-full = 값을 자르지 않고 그대로 출력합니다
trace-digits-full = 값 전체
trace-digits-decimals-one = 소수점 아래 { $count }자리
trace-digits-decimals = 소수점 아래 { $count }자리
trace-digits-significant-one = 유효숫자 { $count }자리
trace-digits-significant = 유효숫자 { $count }자리
trace-no-number = 수 없음
trace-line-too-long = 이 줄은 { $bytes }바이트로 너무 깁니다
trace-expected-numbers-one = 수가 { $count }개 있어야 하는데 { $found }개 있습니다
trace-expected-numbers = 수가 { $count }개 있어야 하는데 { $found }개 있습니다
trace-labels-differ = 레이블이 템플릿과 다릅니다

## 길이: 일찍 멈춤, 너무 오래 실행됨, 빠진 줄 (summary.rs)

trace-missing-line = `{ $line }`처럼 출력되는 줄이 { $iterations }번의 반복 중 { $count }번에서 빠졌습니다: 매 갱신 뒤에 스텝의 모든 줄을 출력하십시오
trace-stopped-early-one = 기대한 마지막 { $count }줄이 없습니다: 프로그램이 { $iterations }번의 반복 중 { $done }번 뒤에 멈췄습니다
trace-stopped-early = 기대한 마지막 { $count }줄이 없습니다: 프로그램이 { $iterations }번의 반복 중 { $done }번 뒤에 멈췄습니다
trace-ran-too-long-one = 프로그램이 기대보다 { $count }줄 더 출력했습니다: 연습 문제는 { $iterations }번 반복하라고 합니다
trace-ran-too-long = 프로그램이 기대보다 { $count }줄 더 출력했습니다: 연습 문제는 { $iterations }번 반복하라고 합니다
trace-ran-too-long-one-step = 프로그램이 기대보다 { $count }줄 더 출력했습니다(반복이 { $steps }번 더 많습니다): 연습 문제는 { $iterations }번 반복하라고 합니다
trace-ran-too-long-step = 프로그램이 기대보다 { $count }줄 더 출력했습니다(반복이 { $steps }번 더 많습니다): 연습 문제는 { $iterations }번 반복하라고 합니다
trace-ran-too-long-steps = 프로그램이 기대보다 { $count }줄 더 출력했습니다(반복이 { $steps }번 더 많습니다): 연습 문제는 { $iterations }번 반복하라고 합니다

## 점수와 상관없는 참고 사항 (summary.rs, shape.rs)

trace-extras-note-one = { $count }줄이 템플릿보다 많은 값을 출력합니다(예: `{ $example }`). 템플릿에 있는 값만 채점합니다
trace-extras-note = { $count }줄이 템플릿보다 많은 값을 출력합니다(예: `{ $example }`). 템플릿에 있는 값만 채점합니다
trace-other-labels-one = { $count }줄이 템플릿과 다른 레이블을 씁니다(예: `{ $template }` 대신 `{ $example }`). 수만 채점합니다
trace-other-labels = { $count }줄이 템플릿과 다른 레이블을 씁니다(예: `{ $template }` 대신 `{ $example }`). 수만 채점합니다
trace-index-differs-one = { $count }줄이 반복 번호를 템플릿과 다르게 매깁니다
trace-index-differs = { $count }줄이 반복 번호를 템플릿과 다르게 매깁니다
trace-combined-one = { $count }줄이 템플릿의 여러 줄을 한 줄에 나란히 출력합니다(예: { $line }번 줄). 이런 줄은 그 여러 줄로 나누어 읽습니다
trace-combined = { $count }줄이 템플릿의 여러 줄을 한 줄에 나란히 출력합니다(예: { $line }번 줄). 이런 줄은 그 여러 줄로 나누어 읽습니다
trace-skipped-one = 답에 해당하지 않는 { $count }줄을 건너뛰었습니다({ $kinds }). 건너뛴 줄은 점수에 영향을 주지 않습니다
trace-skipped = 답에 해당하지 않는 { $count }줄을 건너뛰었습니다({ $kinds }). 건너뛴 줄은 점수에 영향을 주지 않습니다
trace-skipped-blank = 빈 줄 { $count }개
trace-skipped-console = 수가 없거나 콘솔에서 나온 줄 { $count }개, 예: { $line }번 줄 `{ $text }`
trace-skipped-debug = 반복의 형태가 아닌 줄 { $count }개, 예: { $line }번 줄 `{ $text }`

## 이름 붙은 실수 (findings.rs, diagnose.rs, reference_pass.rs, start.rs)

trace-other-output = 어느 줄에도 이 연습 문제 출력의 레이블(`{ $line }`)이 없고 갱신 뒤의 줄이 하나도 맞지 않습니다: 다른 연습 문제나 다른 프로그램의 출력이 아닙니까?
trace-precision = 출력한 수의 자릿수가 과제가 요구하는 것({ $amount })보다 적습니다: 템플릿 `{ $template }`처럼 출력하십시오
# 여러 줄로 된 템플릿의 두 줄 사이, trace-precision의 `...` 안에 들어갑니다.
trace-template-and = `, `
trace-no-rule = 여러분의 { $line }번 줄부터는 수가 어떤 경사하강법 규칙도 따르지 않습니다: 여러분 자신의 이전 값에서 연습 문제의 갱신을 한 번 적용한 값도 아니고, 흔한 실수(다른 학습률, 기울기를 더함, 배율이 곱해진 도함수, f' 대신 f 사용, 갱신 전에 출력, 매 스텝 반올림)로도 설명되지 않습니다
trace-print-before-update = 각 줄이 갱신 뒤가 아니라 갱신 전의 x를 보여 줍니다(한 줄씩 밀림): x를 먼저 갱신한 다음 출력하십시오
trace-value-before-update = y를 출력한 줄이 갱신 전 점에서의 함숫값 f를 보여 줍니다: 갱신한 뒤 새 점에서 y = f(x)를 계산하십시오
trace-swapped-variables = 출력한 줄에서 { $first }, { $second }의 자리가 서로 바뀌었습니다: 템플릿의 순서대로 출력하십시오
trace-gradient-factor = 기울기가 올바른 기울기의 { $factor }배입니다: 스텝이 { $right } 대신 { $wrong }에 맞습니다
# trace-gradient-factor 뒤와 trace-learning-rate-or-derivative의 괄호 안에 덧붙습니다.
trace-factor-half = — x²를 x로 미분했을 때처럼 인수 2가 빠졌습니다(d/dx x^n = n·x^(n-1))
trace-factor-double = — 인수 2가 더 곱해졌습니다
trace-add-gradient-lr = 기울기를 빼지 않고 더했고, 스텝은 lr = { $lr }에 맞습니다. 연습 문제의 학습률은 { $ours }입니다
trace-no-learning-rate = 스텝이 lr = 1에 맞습니다: 학습률을 빠뜨렸습니다(연습 문제의 학습률은 { $ours }입니다)
trace-learning-rate = 스텝이 lr = { $lr }에 맞습니다. 연습 문제의 학습률은 { $ours }입니다
trace-learning-rate-or-derivative = 스텝이 lr = { $lr }에 맞습니다. 연습 문제의 학습률은 { $ours }입니다(또는, 같은 스텝으로 보면 도함수가 올바른 도함수의 { $factor }배입니다: { $right } 대신 { $wrong })
trace-learning-rate-or-derivative-factor = 스텝이 lr = { $lr }에 맞습니다. 연습 문제의 학습률은 { $ours }입니다(또는, 같은 스텝으로 보면 도함수가 올바른 도함수의 { $factor }배입니다: { $right } 대신 { $wrong } { $why })
trace-sequential-update = { $second }을(를) 갱신할 때 새 { $first } 값을 사용했습니다(변수를 하나씩 차례로 갱신): 모든 편미분계수를 먼저 이전 점에서 계산한 다음, 모든 변수를 함께 옮기십시오
trace-rounded-each-step = 값이 매 스텝마다 x를 소수점 아래 { $digits }자리로 반올림한 결과와 맞습니다: 계산은 전체 정밀도로 하고, 출력할 때만 반올림하십시오
trace-value-for-gradient = 스텝이 f'(x) 대신 f(x)를 사용합니다: 갱신 규칙은 x := x - lr·f'(x)입니다
trace-constant-lines = 매 갱신 뒤의 줄이 모든 반복에서 같은 수({ $values })를 출력합니다: 이것은 경사하강법 실행이 아니므로 어떤 줄도 점수를 얻지 못합니다
trace-other-start = 여러분의 실행은 { $theirs }에서 시작합니다(여러분의 { $line }번 줄). 이 연습 문제의 시작값은 { $ours }입니다: 다른 시작값에서 계산한 줄은 이어서 인정받지 못합니다
trace-worked-back-start = 여러분의 줄은 시작값 { $theirs }에서 이어집니다(여러분의 { $line }번 줄에서 거꾸로 계산했습니다). 이 연습 문제의 시작값은 { $ours }입니다: 다른 시작값에서 계산한 줄은 이어서 인정받지 못합니다
trace-first-update-departs-follows = 첫 갱신부터 이미 어긋나고(여러분의 { $line }번 줄), 그 뒤의 줄은 여러분의 시작값({ $start })이 아니라 그 값에서 갱신을 이어 갑니다: 이어서 인정은 여러분 자신의 시작값에서 출발한 경우에만 적용됩니다
trace-first-update-departs = 첫 갱신부터 이미 어긋납니다(여러분의 { $line }번 줄): 이어서 인정은 여러분의 시작값 { $start }에서 출발한 실행에만 적용되므로, 그 뒤의 줄은 기준 실행과 비교해 채점합니다
