//! The Korean of the engine's sentences: expression parse errors (with the same column and
//! caret as in English), the verdict's reason for one and several variables and for a run,
//! evaluation errors, work budgets and "did you mean" suggestions; end to end through the
//! page's API (`"lang": "ko"`) for a parse error in an answer and for the worked solution.
//! Each Korean sentence is asserted whole, and its numbers are those of the English one.

mod common;
use common::numbers;

use gbl_core::engine::budget::try_derivative;
use gbl_core::engine::diff::Rules;
use gbl_core::engine::eval::eval;
use gbl_core::engine::verdict::judge;
use gbl_core::engine::{Problem, PyNum, Run, parse};
use gbl_core::exercise::suggest::did_you_mean;
use gbl_core::i18n::{self, Lang};
use serde_json::{Value, json};

use PyNum::{Float, Int};

/// `f()` in Korean, asserted whole, with the numbers of `f()` in English; the English too.
fn check_ko(f: impl Fn() -> String, ko: &str) -> String {
    let en = i18n::with(Lang::En, &f);
    let got = i18n::with(Lang::Ko, &f);
    assert_eq!(got, ko, "in Korean (English: {en})");
    assert_eq!(numbers(&got), numbers(&en), "'{got}' and '{en}'");
    en
}

/// A parse error of `src`, rendered with its caret.
fn parse_error(src: &str) -> String {
    match parse(src) {
        Ok(e) => panic!("'{src}' parses as {e}"),
        Err(err) => err.render(src),
    }
}

#[test]
fn parse_errors_in_korean_with_the_same_column_and_caret() {
    for (src, ko) in [
        (
            "(x-2/5",
            "이 '(' 괄호가 닫히지 않았습니다 (1번째 열)\n  (x-2/5\n  ^",
        ),
        (
            "2x",
            "이름 'x' 앞에 연산자가 있어야 합니다(곱은 2*x처럼 '*'로 쓰십시오) (2번째 열)\n  2x\n   ^",
        ),
        (
            "x +",
            "여기에는 '+' 뒤의 피연산자이(가) 와야 합니다(나온 것: 식의 끝) (4번째 열)\n  x +\n     ^",
        ),
        (
            "x × 2",
            "예상하지 못한 문자 '×'입니다; 곱은 '*'로 쓰십시오 (3번째 열)\n  x × 2\n    ^",
        ),
        (
            "foo(x)",
            "'foo'은(는) 알 수 없는 함수입니다(쓸 수 있는 함수: exp, log, sqrt, sin, cos, tanh, abs) (1번째 열)\n  foo(x)\n  ^^^",
        ),
        ("", "식이 비어 있습니다 (1번째 열)\n  \n  ^"),
        (
            "1.2.3",
            "'1.2.3'은(는) 수가 아닙니다 (1번째 열)\n  1.2.3\n  ^^^^^",
        ),
        (
            "x)",
            "')' 괄호에 짝이 되는 '(' 괄호가 없습니다 (2번째 열)\n  x)\n   ^",
        ),
        (
            "exp x",
            "함수 'exp'의 인수는 exp(x)처럼 괄호 안에 써야 합니다 (1번째 열)\n  exp x\n  ^^^",
        ),
        (
            "x = 2",
            "예상하지 못한 문자 '='입니다; 식에는 '='가 들어가지 않습니다(우변만 쓰십시오) (3번째 열)\n  x = 2\n    ^",
        ),
    ] {
        let en = check_ko(|| parse_error(src), ko);
        // The source line and its caret are the same in both languages.
        let tail = |s: &str| s.split_once('\n').map(|(_, t)| t.to_string());
        assert_eq!(tail(&en), tail(ko), "{src}");
    }
}

/// The verdict on `f` from `x0` with `lr`, and its reason.
fn reason(f: &str, vars: &[&str], x0: &[PyNum], lr: PyNum) -> String {
    let vars: Vec<String> = vars.iter().map(|v| v.to_string()).collect();
    let f = parse(f).expect("f parses");
    let p = Problem::new(&f, &vars, None).expect("a problem");
    let run = Run::new(&p, x0, lr, 3);
    let j = judge(&p, x0, lr, &run);
    format!("{}: {}", j.verdict, j.reason)
}

#[test]
fn the_verdict_of_a_quadratic_in_one_variable_in_korean() {
    let head = |a: &str, lr: &str, r: &str| {
        format!(
            "f는 f'' = 4인 이차함수이므로, 한 단계마다 최소점까지의 거리에 곱해지는 수는 r = 1 - 2·a·lr = 1 - 2·{a}·{lr} = {r}입니다"
        )
    };
    for (lr, ko) in [
        (
            Int(1),
            format!(
                "diverges: {}: |r| > 1이므로 거리가 단계마다 커집니다",
                head("2", "1", "-3")
            ),
        ),
        (
            Float(0.1),
            format!(
                "converges: {}: 0 <= r < 1이므로 x는 한쪽에서 최소점에 다가갑니다",
                head("2", "0.1", "0.6")
            ),
        ),
        (
            Float(0.4),
            format!(
                "oscillates: {}: -1 < r < 0이므로 x는 최소점에 가까워지면서 단계마다 최소점을 넘나듭니다(lr < 0.5이면 수렴합니다)",
                head("2", "0.4", "-0.6")
            ),
        ),
        (
            Float(0.5),
            format!(
                "cycles: {}: |r| = 1이므로 x는 같은 점들 사이를 끝없이 오갑니다",
                head("2", "0.5", "-1")
            ),
        ),
        (
            Int(0),
            "converges: 학습률이 0이므로 x는 전혀 움직이지 않습니다: 시작점에 그대로 머뭅니다"
                .to_string(),
        ),
        (
            Float(-0.1),
            "diverges: 학습률이 음수이면 내려가는 대신 올라갑니다".to_string(),
        ),
    ] {
        check_ko(|| reason("2*x^2", &["x"], &[Int(3)], lr), &ko);
    }
}

#[test]
fn the_verdict_of_a_quadratic_in_two_variables_in_korean() {
    let head = |lr: &str, r1: &str, r2: &str| {
        format!(
            "f는 이차함수입니다; 헤세 행렬의 각 고유 방향을 따라 한 단계마다 최소점까지의 거리에 r = 1 - lr·λ가 곱해지며, lr = {lr}일 때 λ = 2이면 r = {r1}, λ = 8이면 r = {r2}입니다"
        )
    };
    for (lr, ko) in [
        (
            Float(0.2),
            format!(
                "oscillates: {}; 모든 |r| < 1이므로 x는 수렴하고, λ = 8 방향에서 r = -0.6 < 0이므로 x는 그 방향으로 단계마다 최소점을 넘나듭니다(lr < 0.25이면 수렴합니다)",
                head("0.2", "0.6", "-0.6")
            ),
        ),
        (
            Float(0.1),
            format!(
                "converges: {}; 모든 r이 0과 1 사이에 있으므로(가장 큰 것은 λ = 2 방향의 r = 0.8입니다), x는 최소점을 넘지 않고 다가갑니다",
                head("0.1", "0.8", "0.2")
            ),
        ),
        (
            Float(0.25),
            format!(
                "cycles: {}; λ = 8 방향에서 |r| = 1이고 이보다 큰 |r|은 없으므로, x는 같은 점들 사이를 끝없이 오갑니다",
                head("0.25", "0.5", "-1")
            ),
        ),
        (
            Float(0.3),
            format!(
                "diverges: {}; λ = 8 방향에서 |r| = 1.4 > 1이므로, 그 방향으로 거리가 단계마다 커집니다",
                head("0.3", "0.4", "-1.4")
            ),
        ),
    ] {
        check_ko(
            || reason("x^2 + 4*y^2", &["x", "y"], &[Int(1), Int(1)], lr),
            &ko,
        );
    }
}

#[test]
fn the_verdict_read_off_a_run_in_korean() {
    check_ko(
        || reason("x^4", &["x"], &[Int(1)], Float(0.1)),
        "converges: 2000단계가 지난 뒤에도 f는 계속 줄어들고 한 단계의 크기는 천천히 계속 작아집니다",
    );
    check_ko(
        || reason("exp(-x)", &["x"], &[Int(1)], Float(0.1)),
        "diverges: f가 계속 줄어드는 동안 x는 같은 방향으로 계속 움직입니다: 도달할 최소점이 없습니다",
    );
    check_ko(
        || reason("(x-1)^2 + exp(x)", &["x"], &[Int(1)], Float(0.1)),
        "converges: 2000단계 뒤 실행이 x = 0.314923에 자리 잡습니다",
    );
    check_ko(
        || reason("x^4", &["x"], &[Int(3)], Float(1.0)),
        "diverges: 2번째 단계에서 |x|가 1000000보다 커집니다",
    );
    check_ko(
        || reason("log(x)", &["x"], &[Int(1)], Float(2.0)),
        "diverges: 1번째 단계(x = -1.0)에서 실행이 중단됩니다: log의 인수 -1.0은(는) 양수가 아닙니다 ('log(x)'에서)",
    );
}

#[test]
fn evaluation_errors_budgets_and_suggestions_in_korean() {
    let fails = |src: &str, x: PyNum| {
        let e = parse(src).expect("parses");
        match eval(&e, &[("x".into(), x)]) {
            Ok(v) => panic!("{src} is {v}"),
            Err(err) => err.to_string(),
        }
    };
    // English says "division by zero"; Korean writes the 0 as a digit ("0으로").
    let ko = i18n::with(Lang::Ko, || fails("1/x", Int(0)));
    assert_eq!(ko, "0으로 나누었습니다 ('1/x'에서)");
    check_ko(
        || fails("sqrt(x)", Int(-2)),
        "음수 -2의 제곱근을 구하려 했습니다 ('sqrt(x)'에서)",
    );
    check_ko(
        || fails("x^0.5", Int(-2)),
        "-2.0을(를) 정수가 아닌 지수 0.5(으)로 거듭제곱했습니다(실수가 아닙니다) ('x^0.5'에서)",
    );
    check_ko(|| fails("y", Int(1)), "변수 'y'에 값이 없습니다 (y에서)");
    let tower = parse(&vec!["x"; 199].join("^")).expect("parses");
    check_ko(
        || match try_derivative(&tower, "x", Rules::default()) {
            Ok(_) => panic!("within the budget"),
            Err(e) => e.to_string(),
        },
        "x에 대한 'x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^x^…'의 도함수에는 식의 노드 80587개가 필요하며, 이는 작업 예산인 식의 노드 12000개보다 많습니다; 함수를 더 간단하게 쓰십시오(거듭제곱과 함수를 덜 중첩하십시오)",
    );
    check_ko(
        || did_you_mean("gd-one-stp", ["gd-one-step", "gd-diverge"]).unwrap_or_default(),
        "혹시 gd-one-step입니까?",
    );
}

/// The response of `api` to a request for exercise `id` in `lang`.
fn call(api: fn(&str) -> String, id: &str, text: &str, extra: Value, lang: &str) -> Value {
    let mut r = json!({"file": format!("{id}.yaml"), "source": text, "lang": lang});
    for (k, v) in extra.as_object().expect("an object") {
        r[k] = v.clone();
    }
    serde_json::from_str(&api(&r.to_string())).expect("the response is JSON")
}

#[test]
fn a_parse_error_in_an_answer_through_the_api_in_korean() {
    let text = include_str!("../../exercises/gd-shifted-minimum.yaml");
    let feedback = |lang: &str| {
        let answers = json!({"answers": {"df": "(x-2/5", "x_star": "2"}});
        let v = call(
            gbl_core::api::check,
            "gd-shifted-minimum",
            text,
            answers,
            lang,
        );
        let qs = v["exercises"][0]["questions"].as_array().cloned();
        let q = qs
            .unwrap_or_default()
            .into_iter()
            .find(|q| q["id"] == "df")
            .unwrap_or_else(|| panic!("no question df: {v}"));
        q["feedback"].as_str().unwrap_or_default().to_string()
    };
    let (ko, en) = (feedback("ko"), feedback("en"));
    assert!(
        en.contains("this '(' is never closed (column 1)"),
        "English: {en}"
    );
    assert!(
        ko.contains("이 '(' 괄호가 닫히지 않았습니다 (1번째 열)"),
        "Korean: {ko}"
    );
    assert_eq!(numbers(&ko), numbers(&en), "'{ko}' and '{en}'");
}

#[test]
fn the_verdict_of_the_worked_solution_through_the_api_in_korean() {
    let text = include_str!("../../exercises/gd-diverge.yaml");
    let lines = |lang: &str| -> Vec<String> {
        let v = call(gbl_core::api::solution, "gd-diverge", text, json!({}), lang);
        v["lines"]
            .as_array()
            .unwrap_or_else(|| panic!("no lines: {v}"))
            .iter()
            .map(|l| l.as_str().unwrap_or_default().to_string())
            .collect()
    };
    let verdict = |lines: Vec<String>, word: &str| {
        lines
            .into_iter()
            .find(|l| l.starts_with(word))
            .unwrap_or_else(|| panic!("no verdict line"))
    };
    let ko = verdict(lines("ko"), "판정");
    let en = verdict(lines("en"), "Verdict");
    assert_eq!(
        ko,
        "판정: diverges(발산) (f는 f'' = 4인 이차함수이므로, 한 단계마다 최소점까지의 거리에 곱해지는 수는 r = 1 - 2·a·lr = 1 - 2·2·1 = -3입니다: |r| > 1이므로 거리가 단계마다 커집니다)."
    );
    assert_eq!(numbers(&ko), numbers(&en), "'{ko}' and '{en}'");
}
