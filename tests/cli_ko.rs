//! The command line in Korean: the sentences of `gbl check`, `hint`, `show`, `list`, `watch`
//! and `init` and the errors a student meets, run end to end with `--lang ko` or
//! `LANG=ko_KR.UTF-8`, each beside its English, with the same numbers in both.

use std::path::Path;

use assert_cmd::Command;

/// gbl in a language (`--lang`, or `LANG` when `env` is true), with its own state folder.
fn gbl(lang: &str, env: bool, state: &Path) -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    c.env_remove("GBL_EXERCISES")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .env("GBL_STATE_DIR", state);
    if env {
        c.env(
            "LANG",
            if lang == "ko" {
                "ko_KR.UTF-8"
            } else {
                "en_US.UTF-8"
            },
        );
    } else {
        c.args(["--lang", lang]);
    }
    c
}

/// Standard output and standard error, whatever the exit code.
fn run(c: &mut Command) -> (String, String) {
    let out = c.output().expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The numbers of a text (runs of digits, with a point or slash inside), sorted: a
/// translation moves them, never changes them.
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() || (!cur.is_empty() && (c == '.' || c == '/')) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches(['.', '/']).to_string());
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches(['.', '/']).to_string());
    }
    out.sort();
    out
}

/// The line of `text` that contains `part`.
fn line<'a>(text: &'a str, part: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(part))
        .unwrap_or_else(|| panic!("no line with {part:?} in:\n{text}"))
}

/// Asserts that `en` and `ko` hold these lines, and that each pair has the same numbers.
fn both(en: &str, ko: &str, pairs: &[(&str, &str)]) {
    for (e, k) in pairs {
        let (e, k) = (line(en, e), line(ko, k));
        assert_eq!(numbers(e), numbers(k), "the numbers of:\n{e}\n{k}");
    }
}

#[test]
fn check_frames_the_answer_in_korean() {
    let state = tempfile::tempdir().expect("a temp dir");
    let args = ["check", "gd-one-step", "x1=3.6", "grad=0.6", "--reveal"];
    let (en, _) = run(gbl("en", true, state.path()).args(args));
    let (ko, _) = run(gbl("ko", true, state.path()).args(args));
    assert!(en.contains("  (answer: 2.4)"), "{en}");
    assert!(ko.contains("  (정답: 2.4)"), "{ko}");
    both(&en, &ko, &[("(answer: 2.4)", "(정답: 2.4)")]);
}

#[test]
fn hints_are_numbered_and_closed_in_korean() {
    let state = tempfile::tempdir().expect("a temp dir");
    let hint = |extra: &[&str]| {
        run(gbl("ko", false, state.path())
            .args(["hint", "gd-one-step"])
            .args(extra))
        .0
    };
    assert!(hint(&[]).starts_with("힌트 1/3: "));
    let all = hint(&["--all"]);
    assert!(all.contains("힌트 3/3: "), "{all}");
    assert!(
        all.contains(
            "마지막 힌트였습니다. 이제 'gbl check'가 정답을 보여 주고, \
             'gbl solve gd-one-step'은(는) 풀이를 보여 줍니다"
        ),
        "{all}"
    );
    assert_eq!(
        hint(&["--reset"]).trim_end(),
        "'gd-one-step'의 힌트를 첫 힌트부터 다시 보여 주고, 정답도 다시 숨깁니다"
    );
}

#[test]
fn show_says_how_to_check_in_korean() {
    let state = tempfile::tempdir().expect("a temp dir");
    let (ko, _) = run(gbl("ko", true, state.path()).args(["show", "gd-one-step"]));
    assert!(
        ko.contains("확인 방법: gbl check gd-one-step grad=... x1=...\n"),
        "{ko}"
    );
    assert!(ko.contains("막혔습니까? gbl hint gd-one-step\n"), "{ko}");
    let (en, _) = run(gbl("en", true, state.path()).args(["show", "gd-trace"]));
    let (ko, _) = run(gbl("ko", true, state.path()).args(["show", "gd-trace"]));
    assert!(ko.contains("     (21줄을 출력해야 합니다)\n"), "{ko}");
    assert!(
        ko.contains(
            "추적 출력 확인 방법: python3 gd-trace.py > out.txt; gbl check gd-trace --trace out.txt\n"
        ),
        "{ko}"
    );
    assert!(
        ko.contains(
            "(gd-trace.py가 여러분의 프로그램입니다. \
             'gbl init'이 이 줄들을 출력하는 시작 프로그램을 만들어 줍니다)"
        ),
        "{ko}"
    );
    both(&en, &ko, &[("lines expected", "줄을 출력해야")]);
}

#[test]
fn list_and_the_answer_file_totals_in_korean() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let f = dir.path().join("a.yaml");
    std::fs::write(
        &f,
        "gd-one-step: {grad: 0.6, x1: 2.4}\ngd-diverge: {verdict: converges, x3: -81}\n",
    )
    .expect("written");
    let list = |lang: &str| {
        run(gbl(lang, false, state.path())
            .arg("list")
            .arg("--answers")
            .arg(&f))
        .0
    };
    let (en, ko) = (list("en"), list("ko"));
    assert!(line(&ko, "gd-one-step").ends_with("✓ 완료"), "{ko}");
    assert!(
        line(&ko, "gd-diverge").ends_with("✗ 진행 중: 2문항 중 1문항 정답"),
        "{ko}"
    );
    assert!(line(&ko, "gd-zigzag").ends_with("· 시작 전"), "{ko}");
    assert!(
        ko.contains("점수 3/83 · 연습 문제 16개 중 2개에 답했고, 1개를 모두 맞혔습니다\n"),
        "{ko}"
    );
    both(
        &en,
        &ko,
        &[
            ("score 3/83", "점수 3/83"),
            ("started: 1 of 2 right", "진행 중: 2문항 중 1문항 정답"),
        ],
    );
    let (ko, _) = run(gbl("ko", true, state.path())
        .args(["check", "--answers"])
        .arg(&f));
    assert!(ko.contains("답하지 않은 연습 문제:\n"), "{ko}");
    assert!(
        ko.contains("점수 3/83 · 연습 문제 16개 중 2개에 답했고, 1개를 모두 맞혔습니다"),
        "{ko}"
    );
}

#[test]
fn a_trace_diff_and_its_scoring_rule_in_korean() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let t = dir.path().join("t.txt");
    std::fs::write(
        &t,
        "Initial x: 3\n1-th x: 2.4000\n2-th x: 1.0000\n3-th x: 1.5360\n",
    )
    .expect("written");
    let check = |lang: &str| {
        run(gbl(lang, false, state.path())
            .args(["check", "gd-trace", "--trace"])
            .arg(&t))
        .0
    };
    let (en, ko) = (check("en"), check("ko"));
    assert!(
        ko.contains("      --- 기대한 출력 +++ 출력한 내용\n"),
        "{ko}"
    );
    assert!(ko.contains("      @@ 2번째 줄 @@\n"), "{ko}");
    assert!(ko.contains("4-th x: 1.2288   빠진 줄\n"), "{ko}");
    assert!(
        ko.contains(
            "      점수: 21줄 중 3줄이 맞았습니다(정답과 같은 줄 3개, 직전 줄에서 이어진 줄 0개). \
             한 줄의 수가 템플릿의 자릿수에서 기준 값과 같거나, \
             직전 줄에서 갱신 규칙을 한 번 적용한 값이면 그 줄은 맞습니다\n"
        ),
        "{ko}"
    );
    both(
        &en,
        &ko,
        &[("score: 3 of 21", "점수: 21줄 중"), ("@@ line", "@@ 2번째")],
    );
}

#[test]
fn the_errors_a_student_meets_in_korean() {
    let state = tempfile::tempdir().expect("a temp dir");
    let err = |lang: &str, args: &[&str], dir: &Path| {
        let (_, e) = run(gbl(lang, true, state.path()).current_dir(dir).args(args));
        e
    };
    let here = tempfile::tempdir().expect("a temp dir");
    let here = here.path();

    let ko = err("ko", &["check", "gd-on", "x1=1"], here);
    assert!(
        ko.contains("'gd-on' 연습 문제는 없습니다(혹시 gd-one-step입니까?)"),
        "{ko}"
    );
    let en = err("en", &["check", "gd-on", "x1=1"], here);
    assert!(
        en.contains("there is no exercise 'gd-on' (did you mean gd-one-step?)"),
        "{en}"
    );
    let ko = err("ko", &["show", "zzzzzzzz"], here);
    assert!(
        ko.contains("'zzzzzzzz' 연습 문제는 없습니다('gbl list'를 참고하십시오)"),
        "{ko}"
    );

    let ko = err("ko", &["check", "gd-one-step", "xx=1"], here);
    assert!(
        ko.contains("'gd-one-step'에는 'xx' 문항이 없습니다(문항: grad, x1)"),
        "{ko}"
    );
    let ko = err("ko", &["check", "gd-one-step", "x1"], here);
    assert!(
        ko.contains("QUESTION=VALUE 형식이어야 하는데 'x1'을(를) 받았습니다"),
        "{ko}"
    );

    let ko = err("ko", &["check"], here);
    assert!(
        ko.contains(
            "연습 문제를 지정하거나(gbl check ID QUESTION=VALUE...) --answers FILE을 주십시오\
             (./answers.yaml이 없습니다. 'gbl init'이 만들어 줍니다)"
        ),
        "{ko}"
    );
    let ko = err("ko", &["watch"], here);
    assert!(
        ko.contains(
            "answers.yaml: 그런 파일이 없습니다('gbl init'이 시작용 answers.yaml을 만들어 줍니다. \
             또는 --answers FILE로 파일을 지정하십시오)"
        ),
        "{ko}"
    );
    let ko = err("ko", &["check", "gd-trace", "--trace", "nothing.txt"], here);
    assert!(ko.contains("nothing.txt: 읽을 수 없습니다: "), "{ko}");
}

#[test]
fn init_writes_korean_comments_and_says_what_is_next() {
    let state = tempfile::tempdir().expect("a temp dir");
    let dir = tempfile::tempdir().expect("a temp dir");
    let (out, _) = run(gbl("ko", true, state.path())
        .arg("init")
        .arg(dir.path().join("course")));
    assert!(out.contains("만들었습니다: "), "{out}");
    assert!(
        out.contains("&& gbl list를 실행하고, 'gbl show ID'로 문제를 보고, 답하는 동안 'gbl watch'를 켜 두십시오"),
        "{out}"
    );
    let answers = std::fs::read_to_string(dir.path().join("course/answers.yaml")).expect("written");
    assert!(
        answers.starts_with(
            "# 여러분의 답안입니다. 'gbl check'가 확인하고, 'gbl watch'는 저장할 때마다 확인합니다.\n"
        ),
        "{answers}"
    );
    assert!(
        answers.contains("#   gd-trace: {trace: traces/gd-trace.txt}\n"),
        "{answers}"
    );
    let py = std::fs::read_to_string(dir.path().join("course/gd-trace.py")).expect("written");
    assert!(py.contains("x = 0.0  # TODO: 시작할 때 x의 값\n"), "{py}");
    // Existing files are never overwritten, and the refusal is in Korean too.
    let (_, e) = run(gbl("ko", true, state.path())
        .arg("init")
        .arg(dir.path().join("course")));
    assert!(
        e.contains(
            "이미 있습니다. gbl init은 파일을 덮어쓰지 않습니다(다른 폴더를 고르십시오: gbl init DIR)"
        ),
        "{e}"
    );
}

#[test]
fn a_mistake_on_the_command_line_is_told_in_korean() {
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("gbl")
            .expect("the gbl binary")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "ko_KR.UTF-8")
            .args(args)
            .output()
            .expect("gbl runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(&["chek", "gd-one-step"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.starts_with("오류: 'chek'은(는) gbl의 명령이 아닙니다\n"),
        "{err}"
    );
    assert!(err.contains("혹시 다음을 뜻했습니까: "), "{err}");
    assert!(err.contains("check"), "{err}");
    let (code, err) = run(&["check", "gd-one-step", "--color", "sometimes"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("'sometimes'은(는) --color <COLOR>에 줄 수 있는 값이 아닙니다"),
        "{err}"
    );
    assert!(err.contains("줄 수 있는 값: auto, always, never"), "{err}");
    let (code, err) = run(&["show"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("꼭 필요한 인수가 빠졌습니다: <ID>"), "{err}");
    assert!(err.contains("사용법: gbl show <ID>"), "{err}");
    // --lang en on the same machine: clap's own English.
    let (_, err) = run(&["--lang", "en", "chek"]);
    assert!(
        err.starts_with("error: unrecognized subcommand 'chek'"),
        "{err}"
    );
}
