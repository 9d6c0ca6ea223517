# 답에 대한 gbl의 문장 (core/src/check, core/src/solve.rs, core/src/api.rs): 한국어, 합니다체.
# 영어 파일(../en/check.ftl)과 같은 id, 같은 인수를 씁니다. 수, id, 파일 이름은 번역하지 않습니다.
# 인수는 텍스트이므로 복수형은 범주(`one`, `other`)를 담은 인수로 고릅니다. 한국어에는
# 복수형이 없으므로 { $k_plural -> *[other] 번 }처럼 한 가지만 씁니다.

## 이름 붙은 실수

mistake-add-gradient = 기울기를 빼지 않고 더했습니다: 갱신 규칙은 x := x - lr·f'(x)입니다
mistake-no-learning-rate = 학습률을 빠뜨렸습니다: 갱신 규칙은 x := x - lr·f'(x)이고 lr = { $lr }입니다
mistake-sign = 크기는 맞지만 부호가 틀렸습니다
mistake-lr-below-one-habit = 1은 '0 < lr < 1'이라는 습관에서 나온 값이지 이 함수의 한계가 아닙니다: f = a·x^2에서 한 번 갱신할 때마다 x에 1 - 2·a·lr이 곱해지고, 이 인수가 -1과 1 사이에 있을 때, 그리고 그때에만 수렴합니다
mistake-power-rule-factor-lr = 거듭제곱의 미분에서 지수를 계수로 곱하는 것을 빠뜨렸습니다: a·x^2의 f'(x)는 2·a·x이므로, 한 번 갱신할 때마다 x에 1 - 2·a·lr이 곱해집니다
mistake-value-for-gradient = 이것은 f'(x)가 아니라 f(x)입니다
mistake-value-in-update = 갱신에 f'(x) 대신 f(x)를 썼습니다
mistake-gradient-for-value = 이것은 새 x가 아니라 기울기 f'(x)입니다
mistake-power-rule-factor-descent = 거듭제곱의 미분에서 지수를 계수로 곱하는 것을 빠뜨렸습니다: d/dx x^n = n·x^(n-1)입니다(제곱이면 계수 2)
mistake-missed-inner-derivative = 연쇄법칙에서 안쪽 함수의 미분을 빠뜨렸습니다: 안쪽 식의 도함수를 곱하십시오
mistake-one-step-too-many = 한 단계 뒤의 값입니다: 한 단계를 더 진행했습니다
mistake-one-step-too-few = 한 단계 앞의 값입니다: 한 단계를 덜 진행했습니다(또는 갱신하기 전의 값을 답했습니다)
mistake-wrong-step = { $k }{ $k_plural ->
   *[other] 번
} 갱신한 뒤의 값입니다; 문항은 { $asked }번 갱신한 뒤의 값을 묻습니다
mistake-rounded-too-early = 계산 도중에 소수점 아래 { $digits }{ $digits_plural ->
   *[other] 자리
}로 반올림했습니다; 끝까지 반올림하지 말고 전체 정밀도를 유지하십시오
mistake-outer-at-input = 바깥 함수의 도함수를 안쪽 노드의 값이 아니라 입력 x에서 계산했습니다
mistake-missed-inner-derivative-graph = 연쇄법칙에서 안쪽 함수의 미분을 빠뜨렸습니다: 경로 위에 있는 각 안쪽 노드의 국소 미분을 곱하십시오
mistake-power-rule-factor-graph = 거듭제곱의 미분에서 지수를 계수로 곱하는 것을 빠뜨렸습니다: d/dz z^n = n·z^(n-1)입니다(제곱이면 계수 2)
mistake-forward-value-for-gradient = 이것은 순전파에서 구한 { $name }의 값이지, 기울기 d{ $out }/d{ $asked }가 아닙니다
mistake-wrong-node = 이것은 d{ $out }/d{ $name }, 즉 { $name }에서의 기울기입니다; 문항이 묻는 것은 d{ $out }/d{ $asked }입니다
mistake-function-for-derivative = 이것은 도함수가 아니라 함수 자체입니다
mistake-power-rule-factor-derivative = 거듭제곱의 미분에서 지수를 계수로 곱하는 것을 빠뜨렸습니다: d/dx u^n = n·u^(n-1)·u'입니다

## 틀린 값이 얼마나 벗어났는지 (값 자체는 말하지 않습니다). $way는 `big` 또는 `small`입니다.

off-way = { $way ->
    [big] 너무 큽니다
   *[small] 너무 작습니다
}
off-wrong-sign = 크기는 맞지만 부호가 틀렸습니다
off-wrong-sign-sized = 부호가 틀렸고, 크기도 { $size }
off-last-digits = { $way ->
    [big] 너무 큽니다
   *[small] 너무 작습니다
}: 마지막 몇 자리가 다릅니다
off-sized = 값으로는 { $way ->
    [big] 너무 큽니다
   *[small] 너무 작습니다
}(크기로는 { $size })
off-band = { $way ->
    [big] 너무 큽니다
   *[small] 너무 작습니다
}: { $size }

## 크기와 차이의 범위 (위 문장들의 $size)

size-times-big = { $k }배 큽니다
size-times-small = { $k }배 작습니다
size-more-than-ten-times = 10배 넘게 큽니다
size-more-than-twice = 2배 넘게 큽니다
size-under-a-tenth = 올바른 크기의 10분의 1도 되지 않습니다
size-under-half = 올바른 크기의 절반도 되지 않습니다
size-band-1 = 1% 미만으로 차이 납니다
size-band-10 = 10% 미만으로 차이 납니다
size-band-50 = 10%에서 50% 사이로 차이 납니다
size-band-more = 50% 넘게 차이 납니다

## 문항의 답: 맞음, 틀림, 또는 그 종류의 답이 아님

answer-correct = 정답입니다
answer-missing = 답하지 않았습니다
answer-broken = 연습 문제에 오류가 있습니다: { $error }
answer-wrong-kind = 연습 문제에 오류가 있습니다: '{ $answer }'은(는) { $kind } 문항에 맞지 않습니다
answer-file-not-value = 파일 { $file }이(가) 아니라 값을 답해야 합니다
answer-too-few-digits = 자릿수가 부족합니다: { $given }은(는) 거기까지는 맞습니다; 유효숫자를 { $sig }자리 이상 쓰십시오
answer-empty = 답이 없습니다: 수를 쓰십시오
answer-not-finite = { $given }은(는) 수가 아닙니다: 유한한 값을 쓰십시오
answer-too-large = { $given }은(는) 수가 아닙니다: float로 나타내기에 너무 큽니다
answer-decimal-comma = { $given }은(는) 수가 아닙니다: 소수점은 쉼표가 아니라 점으로 쓰십시오({ $with_point })
answer-not-a-number = { $given }은(는) 수가 아닙니다
answer-exact-off = { $given } = { $value }: { $off }
answer-not-exact = { $error }; 수, 12/5 같은 분수, 또는 수로 된 식을 쓰십시오
answer-not-whole = { $given }은(는) 정수가 아닙니다
answer-not-expression = { $given }은(는) 식이 아닙니다: { $error }
answer-not-same-function = 같은 함수가 아닙니다: { $point }에서 입력한 식의 값은 { $value }입니다(그 점에서 { $off })
answer-not-comparable = 입력한 식은 정답과 비교할 수 없습니다(거의 모든 곳에서 정의되지 않습니다)
answer-not-an-option = { $given }은(는) 다음 중 하나가 아닙니다: { $options }
answer-not-an-option-near = { $given }은(는) 다음 중 하나가 아닙니다: { $options } (혹시 { $near }입니까?)
answer-converges-oscillates = 정답입니다: 수렴합니다. 더 정확히 말하면 진동합니다(x가 최솟값에 가까워지면서 매 단계 최솟값을 건너뜁니다)
answer-wrong-verdict = 이 실행은 { $given ->
    [converges] 수렴하지
    [oscillates] 진동하지
    [cycles] 순환하지
    [diverges] 발산하지
   *[other] 그렇게 움직이지
} 않습니다({ $given }): 한 단계가 최솟값까지의 거리를 어떻게 바꾸는지 따라가 보십시오
answer-wrong-choice = { $given }이(가) 아닙니다
answer-expression-right = '{ $given }'은(는) { $names }에 대한 식이고, 올바른 식입니다; 문항은 { $point }에서의 값을 묻습니다: { $point }을(를) 대입하십시오
answer-expression-wrong = '{ $given }'은(는) { $names }에 대한 식입니다; 문항은 { $point }에서의 값을 묻습니다: { $point }을(를) 대입하십시오(입력한 식은 여기서 { $value }이고, { $off })
answer-no-files = 여기에는 파일이 없습니다: 트레이스의 텍스트를 붙여 넣으십시오

## 답 파일

answers-empty-file = 답 파일이 비어 있습니다
answers-not-mapping = 답 파일은 연습 문제 id를 그 답에 대응시킵니다. 예: 'gd-one-step: {"{"}grad: 0.6, x1: 2.4{"}"}'
answers-not-pairs = '{ $exercise }'의 답은 '문항: 답' 쌍으로 써야 합니다
answers-not-exercise-id = { $value }은(는) 연습 문제 id가 아닙니다
answers-no-exercise = 연습 문제 { $exercise }이(가) 없습니다({ $hint })
answers-see-list = 'gbl list'를 보십시오
answers-not-question-id = { $value }은(는) 문항 id가 아닙니다
answers-no-question = '{ $exercise }'에는 문항 { $question }이(가) 없습니다(문항: { $ids })
answers-no-question-near = '{ $exercise }'에는 문항 { $question }이(가) 없습니다({ $near } 문항: { $ids })
answers-trace-form = 트레이스 답은 {"{"}trace: PATH{"}"}로 씁니다
answers-trace-only-key = 트레이스 답에는 'trace' 키 하나만 있어야 합니다
answers-not-trace = { $value }은(는) 트레이스 파일이 아닙니다: {"{"}trace: PATH{"}"}로 쓰십시오
answers-not-answer = { $value }은(는) 답이 아닙니다: 수, 따옴표로 감싼 분수나 식, 또는 단어를 쓰십시오
# 답 파일의 값이 답이 아닐 때, 그 값이 무엇인지.
value-empty = 빈 값
value-list = 목록
value-mapping = 매핑
value-tagged = 태그가 붙은 값

## 풀이 (gbl solve, 책): 엔진이 계산한 식과 수를 둘러싼 말

solve-run = 실행 `{ $run }`:
solve-different-update = 이 갱신은 일부러 f 자신의 도함수({ $own })를 쓰지 않습니다: { $why }
solve-start = { $var } = { $value }에서 시작하고, 학습률은 lr = { $lr }입니다. 갱신은 매번 x := x - lr·f'(x)입니다.
solve-more-updates = … (갱신 { $n }번 더) …
solve-step = { $k }단계: { $gradients }; { $updates }; f = { $f }
# $verdict는 답으로 쓰는 단어(converges, oscillates, cycles, diverges)이므로 번역하지 않고 옆에 한국어를 덧붙입니다.
solve-verdict = 판정: { $verdict ->
    [converges] converges(수렴)
    [oscillates] oscillates(진동)
    [cycles] cycles(순환)
    [diverges] diverges(발산)
   *[other] { $verdict }
} ({ $reason }).
solve-forward = 순전파:
solve-input = { $name } = { $value } (입력)
solve-local = 국소 미분:
solve-backward = 역전파 과정 (d{ $out }/d{ $out } = 1에서 시작하여 각 노드를 역순으로):
solve-value-at-point = 주어진 점에서의 값: { $value }
solve-answers = 정답:
solve-trace-answer = 출력된 트레이스(`gbl show` 참고)

## 힌트와 페이지의 요청 (core/src/api.rs)

hint-none = '{ $id }'에는 힌트가 없습니다. 'gbl solve { $id }' 명령을 실행해 보십시오
hint-last = 마지막 힌트였습니다. 이제 'gbl check'에서 정답을 볼 수 있고, 'gbl solve { $id }' 명령으로 풀이를 볼 수 있습니다
hint-no-such = '{ $id }'의 힌트는 { $of }개이므로, { $n }번째 힌트는 없습니다
api-request-invalid = 요청이 올바르지 않습니다: { $error }
api-solution-error = { $file }: 풀이: { $error }
