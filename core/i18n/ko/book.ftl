# 책 속 gbl의 문장 (src/book, src/plot): 한국어, 합니다체. 영어는 ../en/book.ftl입니다.

## 연습 문제 (`exercise` 지시문)

book-trace-item = { $text } 출력 형식은 { $templates }이고, 모두 { $lines }줄입니다.
book-command-line = 명령줄에서 확인할 수도 있습니다(점 자리에 답을 채우십시오):
book-show = { $show } 명령은 과제를 보여 줍니다.
book-show-and-hint = { $show } 명령은 과제를 보여 주고, { $hint } 명령은 실행할 때마다 힌트를 하나씩 더 보여 줍니다.
book-worked-solution = 풀이
book-program-prints = 프로그램의 출력({ $question }):
book-form-noscript = 페이지에서 확인하려면 JavaScript가 필요합니다. 아래 명령으로도 같은 답을 확인할 수 있습니다.
book-form-paste = 프로그램이 출력한 내용을 붙여 넣거나, 아래에서 파일을 고르십시오
book-form-file = 프로그램의 출력을 저장한 파일({ $question })

## 표 (`table`, `backprop` 지시문)

book-next = 다음 { $rule }
book-forward-pass = **순전파**, 입력에서 출력으로:
book-backward-pass = **역전파**, 출력에서 거꾸로(d{ $output }/d{ $output } = 1):
book-backward-pass-fan-out = **역전파**, 출력에서 거꾸로(d{ $output }/d{ $output } = 1, 여러 번 쓰인 노드는 모든 경로를 더합니다):
book-node = 노드
book-defined-as = 정의
book-value = 값
book-local-derivatives = 국소 미분
book-gradient-of = 기울기 d{ $output }/d(노드)
book-input = 입력
book-the-output = (출력)
book-unused-one = { $nodes }에서 { $output }까지 이어지는 경로가 없습니다. 그 기울기는 0입니다.
book-unused = { $nodes }에서 { $output }까지 이어지는 경로가 없습니다. 그 기울기는 0입니다.

## 그림 (`plot` 지시문, `gbl descend --plot`, `gbl backprop --plot`)

plot-graph-title = { $output }의 계산 그래프
plot-iterates-title = 반복에 따른 x: f = { $f }, lr = { $lr }
plot-after-k-updates = k번 업데이트한 뒤의 { $var }
plot-rate = lr = { $lr } ({ $verdict })
plot-verdict-converges = 수렴
plot-verdict-oscillates = 진동
plot-verdict-cycles = 순환
plot-verdict-diverges = 발산
plot-rates-title = 학습률 비교: { $f }
plot-contour-title = { $z }의 등고선과 하강 경로, lr = { $lr }
plot-from = 시작 { $var } = { $x0 }
plot-compare-title = 경사하강법: { $start }, lr = { $lr }, { $steps }스텝
plot-iteration = 반복
plot-iterates-fx = 반복점 (x_k, f(x_k)), 색은 반복 횟수
plot-function = 함수
plot-iterates = 반복점, 색은 반복 횟수
plot-descent-path = 하강 경로
plot-start = 시작
plot-end = 끝
plot-contours = { $z }의 등고선
plot-path-title = 경사하강법: f = { $f }, lr = { $lr }
plot-node-value = 값 = { $value }
plot-node-grad = 기울기 = { $grad }
plot-forward-value = 순전파 값
plot-gradient = 기울기 d(출력)/d(노드)
plot-local-derivative = 국소 미분
plot-empty-graph = 빈 그래프
book-exercise-heading = 연습 문제: { $title }
