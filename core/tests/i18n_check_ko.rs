//! The Korean of answers and their feedback, end to end through the page's API (`"lang":
//! "ko"`, as the book's Korean page asks): the named mistakes, the feedback of number,
//! exact, expression and choice answers, the errors of a request, the hint notes and the
//! worked solution. Each sentence is asserted whole, and its numbers are the same as in the
//! English sentence of the same answer.

mod common;
use common::numbers;

use gbl_core::check::answers;
use gbl_core::check::report::Given;
use gbl_core::exercise::load::{Loaded, Source, parse_exercise};
use gbl_core::i18n::{self, Lang};
use serde_json::{Value, json};

fn source(id: &str) -> &'static str {
    match id {
        "gd-one-step" => include_str!("../../exercises/gd-one-step.yaml"),
        "gd-learning-rate" => include_str!("../../exercises/gd-learning-rate.yaml"),
        "gd-diverge" => include_str!("../../exercises/gd-diverge.yaml"),
        "chain-rule-x5" => include_str!("../../exercises/chain-rule-x5.yaml"),
        "neuron-gradient" => include_str!("../../exercises/neuron-gradient.yaml"),
        _ => panic!("no exercise {id} in this test"),
    }
}

/// The response of `api` to a request for exercise `id` (with the YAML `text`) in `lang`.
fn call_with(api: fn(&str) -> String, id: &str, text: &str, extra: Value, lang: &str) -> Value {
    let mut r = json!({"file": format!("{id}.yaml"), "source": text, "lang": lang});
    for (k, v) in extra.as_object().expect("an object") {
        r[k] = v.clone();
    }
    serde_json::from_str(&api(&r.to_string())).expect("the response is JSON")
}

fn call(api: fn(&str) -> String, id: &str, extra: Value, lang: &str) -> Value {
    call_with(api, id, source(id), extra, lang)
}

/// The feedback and mistake of question `q` when exercise `id` is answered with `answers`.
fn feedback(id: &str, answers: Value, q: &str, lang: &str) -> (String, Option<String>) {
    let v = call(
        gbl_core::api::check,
        id,
        json!({ "answers": answers }),
        lang,
    );
    let qs = v["exercises"][0]["questions"]
        .as_array()
        .unwrap_or_else(|| panic!("no questions: {v}"));
    let found = qs
        .iter()
        .find(|x| x["id"] == q)
        .unwrap_or_else(|| panic!("no question {q}: {v}"));
    (
        found["feedback"].as_str().unwrap_or_default().to_string(),
        found["mistake"].as_str().map(str::to_string),
    )
}

/// The Korean feedback of question `q`, asserted whole, with the mistake named as in English
/// and the same numbers as the English feedback (sorted: Korean may order them otherwise).
fn assert_ko(id: &str, answers: Value, q: &str, want: &str) -> Option<String> {
    let (en, en_mistake) = feedback(id, answers.clone(), q, "en");
    let (ko, ko_mistake) = feedback(id, answers, q, "ko");
    assert_eq!(ko, want, "{id}.{q} in Korean (English: {en})");
    assert_eq!(
        ko_mistake, en_mistake,
        "{id}.{q}: the mistake id does not change"
    );
    let mut n_en = numbers(&en);
    let mut n_ko = numbers(&ko);
    n_en.sort();
    n_ko.sort();
    assert_eq!(n_ko, n_en, "{id}.{q}: the numbers of '{ko}' and '{en}'");
    ko_mistake
}

#[test]
fn the_key_check_names_the_mistake_and_the_decimal_comma_in_korean() {
    // gbl check gd-one-step x1=3.6: the gradient added.
    let m = assert_ko(
        "gd-one-step",
        json!({"x1": "3.6"}),
        "x1",
        "기울기를 빼지 않고 더했습니다: 갱신 규칙은 x := x - lr·f'(x)입니다",
    );
    assert_eq!(m.as_deref(), Some("add-gradient"));
    // gbl check gd-one-step x1=2,4: a comma is not a decimal point.
    assert_ko(
        "gd-one-step",
        json!({"x1": "2,4"}),
        "x1",
        "'2,4'은(는) 수가 아닙니다: 소수점은 쉼표가 아니라 점으로 쓰십시오(2.4)",
    );
    assert_eq!(
        feedback("gd-one-step", json!({"x1": "2,4"}), "x1", "en").0,
        "'2,4' is not a number: write decimals with a point (2.4)"
    );
}

#[test]
fn right_missing_and_not_a_number_in_korean() {
    assert_ko("gd-one-step", json!({"x1": "2.4"}), "x1", "정답입니다");
    assert_ko(
        "gd-one-step",
        json!({"x1": "2.4"}),
        "grad",
        "답하지 않았습니다",
    );
    assert_ko(
        "gd-one-step",
        json!({"x1": "nope"}),
        "x1",
        "'nope'은(는) 수가 아닙니다",
    );
    assert_ko(
        "gd-one-step",
        json!({"grad": "inf"}),
        "grad",
        "'inf'은(는) 수가 아닙니다: 유한한 값을 쓰십시오",
    );
}

#[test]
fn how_far_a_wrong_value_is_off_in_korean() {
    assert_ko(
        "gd-one-step",
        json!({"x1": "2.5"}),
        "x1",
        "너무 큽니다: 10% 미만으로 차이 납니다",
    );
    let m = assert_ko(
        "gd-one-step",
        json!({"grad": "-0.6"}),
        "grad",
        "크기는 맞지만 부호가 틀렸습니다",
    );
    assert_eq!(m.as_deref(), Some("sign"));
    assert_ko(
        "gd-one-step",
        json!({"grad": "6/5"}),
        "grad",
        "6/5 = 1.2: 2배 큽니다",
    );
    assert_ko(
        "gd-learning-rate",
        json!({"lr_max": "0.6"}),
        "lr_max",
        "너무 큽니다: 10%에서 50% 사이로 차이 납니다",
    );
    // A negative value too big in size is too small as a value: both are said.
    assert_ko(
        "gd-diverge",
        json!({"x3": "-200"}),
        "x3",
        "값으로는 너무 작습니다(크기로는 2배 넘게 큽니다)",
    );
}

#[test]
fn named_mistakes_of_a_descent_in_korean() {
    let m = assert_ko(
        "gd-learning-rate",
        json!({"x3": "-81"}),
        "x3",
        "학습률을 빠뜨렸습니다: 갱신 규칙은 x := x - lr·f'(x)이고 lr = 0.1입니다",
    );
    assert_eq!(m.as_deref(), Some("no-learning-rate"));
    assert_ko(
        "gd-learning-rate",
        json!({"x3": "1.08"}),
        "x3",
        "한 단계 앞의 값입니다: 한 단계를 덜 진행했습니다(또는 갱신하기 전의 값을 답했습니다)",
    );
    assert_ko(
        "gd-learning-rate",
        json!({"x3": "0.3888"}),
        "x3",
        "한 단계 뒤의 값입니다: 한 단계를 더 진행했습니다",
    );
    // The English chooses "update" or "updates"; the Korean needs no plural.
    assert_ko(
        "gd-learning-rate",
        json!({"x3": "1.8"}),
        "x3",
        "1번 갱신한 뒤의 값입니다; 문항은 3번 갱신한 뒤의 값을 묻습니다",
    );
    assert_eq!(
        feedback("gd-learning-rate", json!({"x3": "1.8"}), "x3", "en").0,
        "that is the value after 1 update; the question asks for the value after 3"
    );
    assert_eq!(
        feedback("gd-learning-rate", json!({"x3": "3"}), "x3", "en").0,
        "that is the value after 0 updates; the question asks for the value after 3"
    );
    assert_ko(
        "gd-learning-rate",
        json!({"lr_max": "1"}),
        "lr_max",
        "1은 '0 < lr < 1'이라는 습관에서 나온 값이지 이 함수의 한계가 아닙니다: f = a·x^2에서 한 번 갱신할 때마다 x에 1 - 2·a·lr이 곱해지고, 이 인수가 -1과 1 사이에 있을 때, 그리고 그때에만 수렴합니다",
    );
}

#[test]
fn named_mistakes_of_a_graph_and_expressions_in_korean() {
    let m = assert_ko(
        "chain-rule-x5",
        json!({"dy_dz": "6"}),
        "dy_dz",
        "거듭제곱의 미분에서 지수를 계수로 곱하는 것을 빠뜨렸습니다: d/dz z^n = n·z^(n-1)입니다(제곱이면 계수 2)",
    );
    assert_eq!(m.as_deref(), Some("power-rule-factor"));
    assert_ko(
        "chain-rule-x5",
        json!({"dy_dx": "4*(x-2)"}),
        "dy_dx",
        "'4*(x-2)'은(는) x에 대한 식이고, 올바른 식입니다; 문항은 x = 5에서의 값을 묻습니다: x = 5을(를) 대입하십시오",
    );
    assert_ko(
        "chain-rule-x5",
        json!({"dy_dx": "4*(x-3)"}),
        "dy_dx",
        "'4*(x-3)'은(는) x에 대한 식입니다; 문항은 x = 5에서의 값을 묻습니다: x = 5을(를) 대입하십시오(입력한 식은 여기서 8이고, 너무 작습니다: 10%에서 50% 사이로 차이 납니다)",
    );
}

#[test]
fn a_wrong_verdict_in_korean_keeps_the_answer_word() {
    assert_ko(
        "gd-diverge",
        json!({"verdict": "converges"}),
        "verdict",
        "이 실행은 수렴하지 않습니다(converges): 한 단계가 최솟값까지의 거리를 어떻게 바꾸는지 따라가 보십시오",
    );
    assert_ko(
        "gd-diverge",
        json!({"verdict": "발산"}),
        "verdict",
        "정답입니다",
    );
    assert_ko(
        "gd-diverge",
        json!({"verdict": "stays"}),
        "verdict",
        "'stays'은(는) 다음 중 하나가 아닙니다: converges, oscillates, cycles, diverges",
    );
}

#[test]
fn errors_and_hint_notes_in_korean() {
    let err = |v: Value| {
        v["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let unknown = json!({"answers": {"nope": "1"}});
    assert_eq!(
        err(call(
            gbl_core::api::check,
            "gd-one-step",
            unknown.clone(),
            "ko"
        )),
        "'gd-one-step'에는 문항 'nope'이(가) 없습니다(문항: grad, x1)"
    );
    assert_eq!(
        err(call(gbl_core::api::check, "gd-one-step", unknown, "en")),
        "'gd-one-step' has no question 'nope' (its questions: grad, x1)"
    );
    assert_eq!(
        err(call(
            gbl_core::api::hint,
            "gd-one-step",
            json!({"hint": 9}),
            "ko"
        )),
        "'gd-one-step'의 힌트는 3개이므로, 9번째 힌트는 없습니다"
    );
    let last = call(gbl_core::api::hint, "gd-one-step", json!({"hint": 3}), "ko");
    assert_eq!(
        last["note"],
        "마지막 힌트였습니다. 이제 'gbl check'에서 정답을 볼 수 있고, 'gbl solve gd-one-step' 명령으로 풀이를 볼 수 있습니다"
    );
    // The hint itself is the exercise's own text: not translated here.
    assert_eq!(last["hints"][0]["text"], "x := 3 - 1 × f'(3).");
    let text = source("gd-one-step");
    let no_hints = format!(
        "{}{}",
        &text[..text.find("hints:").expect("hints")],
        &text[text.find("# The author's tests").expect("tests")..]
    );
    let v = call_with(
        gbl_core::api::hint,
        "gd-one-step",
        &no_hints,
        json!({}),
        "ko",
    );
    assert_eq!(
        v["note"],
        "'gd-one-step'에는 힌트가 없습니다. 'gbl solve gd-one-step' 명령을 실행해 보십시오"
    );
    let v = call_with(
        gbl_core::api::hint,
        "gd-one-step",
        &no_hints,
        json!({}),
        "en",
    );
    assert_eq!(
        v["note"],
        "'gd-one-step' has no hints; try 'gbl solve gd-one-step'"
    );
}

#[test]
fn the_worked_solution_in_korean_has_the_english_numbers() {
    let lines = |id: &str, lang: &str| -> Vec<String> {
        call(gbl_core::api::solution, id, json!({}), lang)["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| l.as_str().unwrap_or_default().to_string())
            .collect()
    };
    let ko = lines("gd-one-step", "ko");
    let en = lines("gd-one-step", "en");
    assert_eq!(
        ko[2],
        "x = 3에서 시작하고, 학습률은 lr = 1입니다. 갱신은 매번 x := x - lr·f'(x)입니다."
    );
    assert_eq!(
        ko[3],
        "1단계: ∂f/∂x(3) = 0.6; x := 3 - 1 × 0.6 = 2.4; f = 0.576"
    );
    assert!(ko[4].starts_with("판정: converges(수렴) ("), "{}", ko[4]);
    assert_eq!(ko[5], "정답:");
    assert_eq!(
        ko[6..],
        en[6..],
        "the answers' lines are numbers and ids only"
    );
    assert_eq!(ko.len(), en.len());
    for (k, e) in ko.iter().zip(&en) {
        assert_eq!(numbers(k), numbers(e), "'{k}' and '{e}'");
    }
    let ko = lines("neuron-gradient", "ko");
    let en = lines("neuron-gradient", "en");
    for line in [
        "실행 `model`:",
        "순전파:",
        "w = 0.5 (입력)",
        "국소 미분:",
        "역전파 과정 (dJ/dJ = 1에서 시작하여 각 노드를 역순으로):",
        "(w, b) = (0.5, 0)에서 시작하고, 학습률은 lr = 0.05입니다. 갱신은 매번 x := x - lr·f'(x)입니다.",
    ] {
        assert!(ko.iter().any(|l| l == line), "no line '{line}' in {ko:?}");
    }
    assert_eq!(ko.len(), en.len());
    for (k, e) in ko.iter().zip(&en) {
        assert_eq!(numbers(k), numbers(e), "'{k}' and '{e}'");
    }
}

#[test]
fn an_answer_files_problems_in_korean() {
    let loaded: Loaded = parse_exercise(
        "gd-one-step",
        Source {
            name: "gd-one-step.yaml".into(),
            text: source("gd-one-step").into(),
        },
    )
    .expect("the exercise loads");
    let exercises = [loaded];
    let mut no_trace = |_: &str| Given::Text(String::new());
    let problems = |text: &str, lang: Lang, trace: &mut dyn FnMut(&str) -> Given| {
        i18n::with(lang, || {
            let src = Source {
                name: "answers.yaml".into(),
                text: text.into(),
            };
            match answers::parse(src, &exercises, trace) {
                Ok(_) => Vec::new(),
                Err(ds) => ds.into_iter().map(|d| d.message).collect::<Vec<_>>(),
            }
        })
    };
    assert_eq!(
        problems("", Lang::Ko, &mut no_trace),
        ["답 파일이 비어 있습니다"]
    );
    assert_eq!(
        problems("[1, 2]", Lang::Ko, &mut no_trace),
        ["답 파일은 연습 문제 id를 그 답에 대응시킵니다. 예: 'gd-one-step: {grad: 0.6, x1: 2.4}'"]
    );
    assert_eq!(
        problems("gd-one-step: {zzz: 1}", Lang::Ko, &mut no_trace),
        ["gd-one-step.zzz: 'gd-one-step'에는 문항 'zzz'이(가) 없습니다(문항: grad, x1)"]
    );
    assert_eq!(
        problems("gd-one-step: {x1: [1, 2]}", Lang::Ko, &mut no_trace),
        [
            "gd-one-step.x1: 목록은(는) 답이 아닙니다: 수, 따옴표로 감싼 분수나 식, 또는 단어를 쓰십시오"
        ]
    );
    // The same in English, unchanged.
    assert_eq!(
        problems("gd-one-step: {x1: [1, 2]}", Lang::En, &mut no_trace),
        [
            "gd-one-step.x1: a list is not an answer: give a number, a fraction or expression in quotes, or a word"
        ]
    );
}
