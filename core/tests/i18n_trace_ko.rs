//! The feedback on a printed trace in Korean: the page's checker (`"lang": "ko"`) answers
//! with whole Korean sentences that carry the same line numbers and numbers as the English
//! ones, for the usual traces of a student (right, a wrong rule, a slip carried forward,
//! stopped early, run too long, too few digits, another start, nothing printed).

use gbl_core::i18n::{self, Lang, tr_in};
use serde_json::{Value, json};

const GD_TRACE: &str = include_str!("../../exercises/gd-trace.yaml");
const MV_TRACE: &str = include_str!("../../exercises/mv-trace.yaml");
const ADD_GRADIENT: &str = include_str!("../../exercises/traces/gd-trace-add-gradient.txt");
const MV_VALUE_BEFORE: &str =
    include_str!("../../exercises/traces/mv-trace-value-before-update.txt");

/// The trace question's report, as the page's checker gives it in `lang`.
fn question(lang: &str, file: &str, source: &str, trace: &str) -> Value {
    let request = json!({
        "file": file,
        "source": source,
        "answers": {"trace": trace},
        "lang": lang,
    });
    let out: Value = serde_json::from_str(&gbl_core::api::check(&request.to_string()))
        .expect("the checker answers JSON");
    out["exercises"][0]["questions"][0].clone()
}

/// The numbers of a text (runs of digits and points), in order of size: the same in both
/// languages, whatever order the sentence puts them in.
fn numbers(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

/// The feedback in English and in Korean for a trace of `gd-trace` (x0 = 3, lr = 1,
/// f'(x) = x/5, 20 updates printed as `{i}-th x: {x:.4f}`): the Korean must be `ko`, the
/// English `en` (as the English tests have it), with the same numbers, score and status.
fn gd_trace(trace: &str, en: &str, ko: &str) {
    both("gd-trace.yaml", GD_TRACE, trace, en, ko);
}

fn both(file: &str, source: &str, trace: &str, en: &str, ko: &str) {
    let e = question("en", file, source, trace);
    let k = question("ko", file, source, trace);
    assert_eq!(e["feedback"], en, "the English feedback");
    assert_eq!(k["feedback"], ko, "the Korean feedback");
    assert_eq!(
        numbers(en),
        numbers(ko),
        "the same numbers in both languages:\n{en}\n{ko}"
    );
    for key in [
        "status",
        "score",
        "max_score",
        "mistake",
        "expected",
        "given",
    ] {
        assert_eq!(e[key], k[key], "'{key}' is the same in both languages");
    }
    // The lines: the same verdicts and numbers; only the notes' words differ.
    let (el, kl) = (e["lines"].as_array(), k["lines"].as_array());
    assert_eq!(el.map(Vec::len), kl.map(Vec::len));
    for (a, b) in el.into_iter().flatten().zip(kl.into_iter().flatten()) {
        for key in [
            "line",
            "printed_line",
            "status",
            "expected",
            "printed",
            "judged_from",
        ] {
            assert_eq!(
                a[key], b[key],
                "'{key}' of a line is the same in both languages"
            );
        }
        assert_eq!(a["number"]["expected"], b["number"]["expected"]);
        assert_eq!(a["number"]["name"], b["number"]["name"]);
    }
}

/// `Initial x: 3` and the 20 updates of gd-trace, each printed by `print_x` from the index and
/// the value (x before and after the update), up to `stop` updates.
fn run(stop: usize, print_x: impl Fn(usize, f64, f64) -> Option<String>) -> String {
    let mut out = String::from("Initial x: 3\n");
    let mut x = 3.0f64;
    for i in 1..=stop {
        let before = x;
        x -= x / 5.0;
        if let Some(line) = print_x(i, before, x) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// 20 updates x := x - lr·x/5 from `x0`, printed as gd-trace prints them.
fn descent(x0: f64, lr: f64) -> String {
    let mut out = format!("Initial x: {x0}\n");
    let mut x = x0;
    for i in 1..=20 {
        x -= lr * x / 5.0;
        out.push_str(&format!("{i}-th x: {x:.4}\n"));
    }
    out
}

fn right(i: usize, _: f64, x: f64) -> Option<String> {
    Some(format!("{i}-th x: {x:.4}"))
}

#[test]
fn all_lines_right() {
    gd_trace(
        &run(20, right),
        "all 21 lines right",
        "21줄이 모두 맞았습니다",
    );
}

#[test]
fn the_gradient_added_names_the_mistake_and_the_first_wrong_line() {
    gd_trace(
        ADD_GRADIENT,
        "you added the gradient instead of subtracting it: the update is x := x - lr·f'(x); \
         line 2: expected 2.4000, printed 3.6000; lines 3-21 are wrong too; 0 of 21 lines right",
        "기울기를 빼지 않고 더했습니다: 갱신 규칙은 x := x - lr·f'(x)입니다; \
         2번 줄: 기댓값은 2.4000인데 출력한 값은 3.6000입니다; 3-21번 줄도 틀렸습니다; \
         21줄 중 0줄이 맞았습니다",
    );
}

#[test]
fn a_slip_is_carried_forward() {
    // Line 5 (the 4th update) 0.1 too large, the later lines one right step from it.
    let mut x = 3.0f64;
    let mut trace = String::from("Initial x: 3\n");
    for i in 1..=20 {
        x -= x / 5.0;
        if i == 4 {
            x += 0.1;
        }
        trace.push_str(&format!("{i}-th x: {x:.4}\n"));
    }
    gd_trace(
        &trace,
        "line 5: expected 1.2288, printed 1.3288; lines 6-21 follow correctly from your line 5; \
         20 of 21 lines right (16 carried forward)",
        "5번 줄: 기댓값은 1.2288인데 출력한 값은 1.3288입니다; \
         6-21번 줄은 여러분의 5번 줄에서 올바르게 이어집니다; \
         21줄 중 20줄이 맞았습니다(그중 16줄은 이어서 인정되었습니다)",
    );
}

#[test]
fn printing_before_the_update() {
    gd_trace(
        &run(20, |i, before, _| Some(format!("{i}-th x: {before:.4}"))),
        "each line shows x before its update, not after it (off by one): update x first, then \
         print; line 2 not expected; 20 of 22 lines right",
        "각 줄이 갱신 뒤가 아니라 갱신 전의 x를 보여 줍니다(한 줄씩 밀림): x를 먼저 갱신한 다음 \
         출력하십시오; 2번 줄은 기대하지 않은 줄입니다; 22줄 중 20줄이 맞았습니다",
    );
}

#[test]
fn stopped_early() {
    gd_trace(
        &run(10, right),
        "expected lines 12-21 not printed; the last 10 expected lines are missing: your program \
         stopped after 10 of 20 iterations; 11 of 21 lines right",
        "기대한 12-21번 줄이 출력되지 않았습니다; 기대한 마지막 10줄이 없습니다: \
         프로그램이 20번의 반복 중 10번 뒤에 멈췄습니다; 21줄 중 11줄이 맞았습니다",
    );
}

#[test]
fn ran_too_long() {
    let mut trace = run(20, right);
    let x = 3.0 * 0.8f64.powi(21);
    trace.push_str(&format!("21-th x: {x:.4}\n22-th x: {:.4}\n", x * 0.8));
    gd_trace(
        &trace,
        "lines 22-23 not expected; your program printed 2 lines more than expected (2 iterations \
         too many): the exercise asks for 20 iterations; 21 of 23 lines right",
        "22-23번 줄은 기대하지 않은 줄입니다; 프로그램이 기대보다 2줄 더 출력했습니다\
         (반복이 2번 더 많습니다): 연습 문제는 20번 반복하라고 합니다; 23줄 중 21줄이 맞았습니다",
    );
}

#[test]
fn another_learning_rate_or_a_derivative_half_the_right_one() {
    gd_trace(
        &descent(3.0, 0.5),
        "your steps match lr = 0.5; the exercise uses 1 (or, with the same steps, a derivative 0.5 \
         times the right one: f'(x) = 0.1*x instead of 1/5*x — a factor 2 missing, as when x² is \
         differentiated as x (d/dx x^n = n·x^(n-1))); line 2: expected 2.4000, printed 2.7000; \
         lines 3-21 are wrong too; 0 of 21 lines right",
        "스텝이 lr = 0.5에 맞습니다. 연습 문제의 학습률은 1입니다(또는, 같은 스텝으로 보면 \
         도함수가 올바른 도함수의 0.5배입니다: 1/5*x 대신 f'(x) = 0.1*x — x²를 x로 미분했을 때처럼 \
         인수 2가 빠졌습니다(d/dx x^n = n·x^(n-1))); 2번 줄: 기댓값은 2.4000인데 출력한 값은 \
         2.7000입니다; 3-21번 줄도 틀렸습니다; 21줄 중 0줄이 맞았습니다",
    );
}

#[test]
fn too_few_digits() {
    gd_trace(
        &run(20, |i, _, x| Some(format!("{i}-th x: {x:.1}"))),
        "your numbers have fewer digits than the task asks (4 decimals): print them as the \
         template `{i}-th x: {x:.4f}` does; line 3: printed 1.9 where the task asks 4 decimals \
         (1.9200); lines 4-21 are wrong too; 2 of 21 lines right",
        "출력한 수의 자릿수가 과제가 요구하는 것(소수점 아래 4자리)보다 적습니다: 템플릿 \
         `{i}-th x: {x:.4f}`처럼 출력하십시오; 3번 줄: 출력한 값은 1.9인데 과제는 소수점 아래 \
         4자리를 요구합니다(1.9200); 4-21번 줄도 틀렸습니다; 21줄 중 2줄이 맞았습니다",
    );
}

#[test]
fn another_start() {
    gd_trace(
        &descent(5.0, 1.0),
        "your run starts at x = 5 (your line 1), not at this exercise's start x = 3: lines \
         computed from another start earn no credit carried forward; line 1: expected 3, \
         printed 5; lines 2-21 are wrong too; 0 of 21 lines right",
        "여러분의 실행은 x = 5에서 시작합니다(여러분의 1번 줄). 이 연습 문제의 시작값은 x = 3입니다: \
         다른 시작값에서 계산한 줄은 이어서 인정받지 못합니다; 1번 줄: 기댓값은 3인데 출력한 값은 \
         5입니다; 2-21번 줄도 틀렸습니다; 21줄 중 0줄이 맞았습니다",
    );
}

#[test]
fn nothing_printed() {
    gd_trace(
        "",
        "your program printed nothing",
        "프로그램이 아무것도 출력하지 않았습니다",
    );
}

#[test]
fn the_value_before_the_update_in_two_variables() {
    both(
        "mv-trace.yaml",
        MV_TRACE,
        MV_VALUE_BEFORE,
        "your y lines show f at the point before the update: compute y = f(x) after the update, \
         at the new point; line 4: expected 8.320, printed 13.000; 12 of 22 lines right",
        "y를 출력한 줄이 갱신 전 점에서의 함숫값 f를 보여 줍니다: 갱신한 뒤 새 점에서 \
         y = f(x)를 계산하십시오; 4번 줄: 기댓값은 8.320인데 출력한 값은 13.000입니다; \
         22줄 중 12줄이 맞았습니다",
    );
}

/// A message, its arguments, and its Korean.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

/// The sentences a student meets less often, one message at a time: the Korean with the same
/// numbers as the English.
#[test]
fn sentences_in_korean() {
    let cases: &[Case] = &[
        (
            "trace-crashed-after",
            &[
                ("count", "3"),
                ("error", "NameError: name 'x' is not defined"),
            ],
            "프로그램이 3줄을 출력한 뒤 오류로 멈췄습니다: NameError: name 'x' is not defined",
        ),
        (
            "trace-stopped-early-one",
            &[("count", "1"), ("done", "19"), ("iterations", "20")],
            "기대한 마지막 1줄이 없습니다: 프로그램이 20번의 반복 중 19번 뒤에 멈췄습니다",
        ),
        (
            "trace-rounded-each-step",
            &[("digits", "2")],
            "값이 매 스텝마다 x를 소수점 아래 2자리로 반올림한 결과와 맞습니다: \
             계산은 전체 정밀도로 하고, 출력할 때만 반올림하십시오",
        ),
        (
            "trace-missing-line",
            &[("line", "y = 8.320"), ("count", "3"), ("iterations", "10")],
            "`y = 8.320`처럼 출력되는 줄이 10번의 반복 중 3번에서 빠졌습니다: \
             매 갱신 뒤에 스텝의 모든 줄을 출력하십시오",
        ),
        (
            "trace-no-rule",
            &[("line", "4")],
            "여러분의 4번 줄부터는 수가 어떤 경사하강법 규칙도 따르지 않습니다: 여러분 자신의 이전 \
             값에서 연습 문제의 갱신을 한 번 적용한 값도 아니고, 흔한 실수(다른 학습률, 기울기를 \
             더함, 배율이 곱해진 도함수, f' 대신 f 사용, 갱신 전에 출력, 매 스텝 반올림)로도 설명되지 \
             않습니다",
        ),
        (
            "trace-other-labels",
            &[
                ("count", "20"),
                ("example", "iter 1: x = 2.4000"),
                ("template", "1-th x: 2.4000"),
            ],
            "20줄이 템플릿과 다른 레이블을 씁니다(예: `1-th x: 2.4000` 대신 `iter 1: x = 2.4000`). \
             수만 채점합니다",
        ),
        (
            "trace-ran-too-long-one-step",
            &[("count", "1"), ("steps", "1"), ("iterations", "20")],
            "프로그램이 기대보다 1줄 더 출력했습니다(반복이 1번 더 많습니다): \
             연습 문제는 20번 반복하라고 합니다",
        ),
    ];
    for (id, args, ko) in cases {
        let en = tr_in(Lang::En, id, args);
        assert_eq!(&tr_in(Lang::Ko, id, args), ko, "{id}");
        assert_ne!(&en, ko, "{id}: English differs from Korean");
        assert_eq!(numbers(&en), numbers(ko), "{id}: the same numbers");
    }
}

/// The language of a thread (`i18n::with`) decides, not another thread's.
#[test]
fn the_thread_language_decides() {
    let ko = i18n::with(Lang::Ko, || question("en", "gd-trace.yaml", GD_TRACE, ""));
    // The request's own language wins over the thread's.
    assert_eq!(ko["feedback"], "your program printed nothing");
    let direct = i18n::with(Lang::Ko, || i18n::tr("trace-printed-nothing", &[]));
    assert_eq!(direct, "프로그램이 아무것도 출력하지 않았습니다");
}

/// The note on skipped lines, built from its pieces, in Korean.
#[test]
fn the_note_on_skipped_lines() {
    let note = i18n::with(Lang::Ko, || {
        let kinds = [
            i18n::tr("trace-skipped-blank", &[("count", "2")]),
            i18n::tr(
                "trace-skipped-debug",
                &[("count", "1"), ("line", "4"), ("text", "debug slope 0.384")],
            ),
        ]
        .join("; ");
        i18n::tr("trace-skipped", &[("count", "3"), ("kinds", &kinds)])
    });
    assert_eq!(
        note,
        "답에 해당하지 않는 3줄을 건너뛰었습니다(빈 줄 2개; 반복의 형태가 아닌 줄 1개, \
         예: 4번 줄 `debug slope 0.384`). 건너뛴 줄은 점수에 영향을 주지 않습니다"
    );
}
