# 책 속 gbl의 문장 (src/book, src/plot): 한국어, 합니다체. 영어는 ../en/book.ftl입니다.

## 연습 문제 (`exercise` 지시문)

book-trace-item = { $text } 출력 형식은 { $templates }이고, 모두 { $lines }줄입니다.
book-command-line = 명령줄에서 확인할 수도 있습니다(점 자리에 답을 채우십시오):
book-show = { $show }는 과제를 보여 줍니다.
book-show-and-hint = { $show }는 과제를 보여 주고, { $hint }는 실행할 때마다 힌트를 하나씩 더 보여 줍니다.
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
