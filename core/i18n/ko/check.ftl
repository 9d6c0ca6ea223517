# 답에 대한 gbl의 문장 (core/src/check): 한국어, 합니다체.
# 영어 파일(../en/check.ftl)과 같은 id, 같은 인수를 씁니다. 수, id, 파일 이름은 번역하지 않습니다.

## 이름 붙은 실수

mistake-add-gradient = 기울기를 빼지 않고 더했습니다: 갱신 규칙은 x := x - lr·f'(x)입니다
mistake-no-learning-rate = 학습률을 빠뜨렸습니다: 갱신 규칙은 x := x - lr·f'(x)이고 lr = { $lr }입니다
