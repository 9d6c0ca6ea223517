# 엔진의 문장 (core/src/engine/parse, core/src/engine/verdict*, eval.rs, budget.rs,
# core/src/exercise/suggest.rs): 식의 구문 오류, 판정의 이유, 계산 오류, 작업 예산, "혹시 …입니까?"
# 제안. 한국어, 합니다체. 영어 파일(../en/engine.ftl)과 같은 id, 같은 인수를 씁니다.
# 수, 식, 이름은 번역하지 않습니다. 조사는 자리표시자의 받침에 기대지 않습니다.

## 구문 오류 (열 번호와 캐럿은 코드가 붙입니다)

parse-at-column = { $problem } ({ $column }번째 열)
parse-empty = 식이 비어 있습니다
parse-expected = 여기에는 { $expected }이(가) 와야 합니다(나온 것: { $found })
parse-missing-operator = { $found } 앞에 연산자가 있어야 합니다(곱은 2*x처럼 '*'로 쓰십시오)
parse-unclosed = 이 '(' 괄호가 닫히지 않았습니다
parse-unmatched = ')' 괄호에 짝이 되는 '(' 괄호가 없습니다
parse-unknown-function = '{ $name }'은(는) 알 수 없는 함수입니다(쓸 수 있는 함수: exp, log, sqrt, sin, cos, tanh, abs)
parse-function-without-parens = 함수 '{ $name }'의 인수는 { $name }(x)처럼 괄호 안에 써야 합니다
parse-comma = 함수는 인수를 하나만 받습니다; ','는 식에 쓸 수 없습니다
parse-bad-char = 예상하지 못한 문자 '{ $ch }'입니다
parse-bad-number = '{ $text }'은(는) 수가 아닙니다
parse-too-long = 식의 길이가 { $len }자입니다; 한도는 { $max }자입니다
parse-too-deep = 식이 너무 깊이 중첩되었습니다(괄호, 부호, 거듭제곱은 { $max }단계까지 중첩할 수 있습니다)

# 구문 분석기가 만난 것 (위의 $found).
parse-found-end = 식의 끝
parse-found-number = 수 '{ $text }'
parse-found-name = 이름 '{ $text }'
parse-found-token = '{ $text }'

# 구문 분석기에 필요했던 것 (위의 $expected).
parse-expected-operator = 연산자
parse-expected-operand-after = '{ $op }' 뒤의 피연산자
parse-expected-operand = 수, 이름 또는 '('
parse-expected-operator-or-close = 연산자 또는 ')'

# parse-bad-char 뒤에 "; "로 이어지는 제안.
parse-hint-product = 곱은 '*'로 쓰십시오
parse-hint-division = 나눗셈은 '/'로 쓰십시오
parse-hint-minus = 빼기 부호는 '-'로 쓰십시오
parse-hint-power = 거듭제곱은 x^2처럼 '^'로 쓰십시오
parse-hint-group = 묶을 때는 '('와 ')'를 쓰십시오
parse-hint-equals = 식에는 '='가 들어가지 않습니다(우변만 쓰십시오)

## 판정의 이유

verdict-lr-zero = 학습률이 0이므로 x는 전혀 움직이지 않습니다: 시작점에 그대로 머뭅니다
verdict-at-minimum = 시작점이 이미 최소점입니다
verdict-negative-lr = 학습률이 음수이면 내려가는 대신 올라갑니다

# 변수 하나: f'' = $f2, a = f''/2, 학습률 $lr, 인수 $r.
verdict-one-cycles = f는 f'' = { $f2 }인 이차함수이므로, 한 단계마다 최소점까지의 거리에 곱해지는 수는 r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }입니다: |r| = 1이므로 x는 같은 점들 사이를 끝없이 오갑니다
verdict-one-diverges = f는 f'' = { $f2 }인 이차함수이므로, 한 단계마다 최소점까지의 거리에 곱해지는 수는 r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }입니다: |r| > 1이므로 거리가 단계마다 커집니다
verdict-one-oscillates = f는 f'' = { $f2 }인 이차함수이므로, 한 단계마다 최소점까지의 거리에 곱해지는 수는 r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }입니다: -1 < r < 0이므로 x는 최소점에 가까워지면서 단계마다 최소점을 넘나듭니다(lr < { $max }이면 수렴합니다)
verdict-one-converges = f는 f'' = { $f2 }인 이차함수이므로, 한 단계마다 최소점까지의 거리에 곱해지는 수는 r = 1 - 2·a·lr = 1 - 2·{ $a }·{ $lr } = { $r }입니다: 0 <= r < 1이므로 x는 한쪽에서 최소점에 다가갑니다

# 변수 여러 개: 앞부분, 그리고 "; " 뒤에 판정을 가르는 절.
verdict-many-direction = λ = { $lambda }이면 r = { $r }
verdict-many-head = f는 이차함수입니다; 헤세 행렬의 각 고유 방향을 따라 한 단계마다 최소점까지의 거리에 r = 1 - lr·λ가 곱해지며, lr = { $lr }일 때 { $directions }입니다
verdict-many-cycles = λ = { $lambda } 방향에서 |r| = 1이고 이보다 큰 |r|은 없으므로, x는 같은 점들 사이를 끝없이 오갑니다
verdict-many-diverges = λ = { $lambda } 방향에서 |r| = { $rho } > 1이므로, 그 방향으로 거리가 단계마다 커집니다
verdict-many-oscillates = 모든 |r| < 1이므로 x는 수렴하고, λ = { $lambda } 방향에서 r = { $r } < 0이므로 x는 그 방향으로 단계마다 최소점을 넘나듭니다(lr < { $max }이면 수렴합니다)
verdict-many-converges = 모든 r이 0과 1 사이에 있으므로(가장 큰 것은 λ = { $lambda } 방향의 r = { $r }입니다), x는 최소점을 넘지 않고 다가갑니다

# 실행에서 읽어 낸 판정.
verdict-passes-bound = { $step }번째 단계에서 |x|가 { $bound }보다 커집니다
verdict-breaks-down = { $step }번째 단계({ $point })에서 실행이 중단됩니다: { $error }
verdict-too-few-steps = 판단하기에는 단계가 너무 적습니다
verdict-returns = x는 한곳에 자리 잡지 못하고 같은 점 { $period }개로 계속 되돌아옵니다
verdict-steps-grow = 한 단계의 크기가 계속 커집니다
verdict-no-minimum = f가 계속 줄어드는 동안 x는 같은 방향으로 계속 움직입니다: 도달할 최소점이 없습니다
verdict-slowly = { $steps }단계가 지난 뒤에도 f는 계속 줄어들고 한 단계의 크기는 천천히 계속 작아집니다
verdict-bouncing = x는 한곳에 자리 잡지 못하고 계속 이리저리 오갑니다
verdict-settles = { $steps }단계 뒤 실행이 { $point }에 자리 잡습니다
verdict-settles-crossing = 실행이 최소점을 이쪽저쪽으로 넘나들다가 { $steps }단계 뒤 { $point }에 자리 잡습니다
verdict-more-variables = … (변수 { $count }개 더)

## 계산 오류

eval-in-node = { $problem } ({ $node }에서)
eval-division-by-zero = 0으로 나누었습니다
eval-zero-to-negative-power = 0을 음수 지수로 거듭제곱했습니다
eval-log-domain = log의 인수 { $value }은(는) 양수가 아닙니다
eval-sqrt-domain = 음수 { $value }의 제곱근을 구하려 했습니다
eval-domain = { $value }에서 { $func }의 값은 정의되지 않습니다
eval-negative-fractional-power = { $base }을(를) 정수가 아닌 지수 { $exp }(으)로 거듭제곱했습니다(실수가 아닙니다)
eval-overflow = 오버플로: 결과가 float로 나타내기에 너무 큽니다
eval-unbound = 변수 '{ $name }'에 값이 없습니다

## 작업 예산

budget-over = { $what }에는 { $unit } { $needed }개가 필요하며, 이는 작업 예산인 { $unit } { $limit }개보다 많습니다; { $advice }
budget-derivative = { $var }에 대한 { $expr }의 도함수
budget-simplify-derivative = { $var }에 대한 { $expr }의 도함수를 정리하는 일
budget-unit-nodes = 식의 노드
budget-unit-steps = 단계
budget-unit-operations = 연산
budget-unit-numbers = 수
budget-advice-simpler = 함수를 더 간단하게 쓰십시오(거듭제곱과 함수를 덜 중첩하십시오)
budget-advice-fewer-variables = 변수를 줄이거나 더 간단한 함수를 쓰십시오
budget-advice-fewer-steps-simpler = 단계를 줄이거나 더 간단한 함수를 쓰십시오
budget-advice-fewer-steps = 단계를 줄이십시오

## 제안

suggest-did-you-mean = 혹시 { $ids }입니까?

## 예산이 잰 것 (경사하강법 실행, engine/descent)
budget-what-gradient = { $f }의 기울기(변수 { $n }개)
budget-what-run = { $steps }스텝짜리 실행
budget-what-kept-run = 변수 { $n }개로 된 { $steps }스텝짜리 실행을 모두 보관하는 일
