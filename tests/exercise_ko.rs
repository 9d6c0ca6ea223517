//! Exercises in Korean (`ko:`): the texts a student reads replace the English ones in Korean,
//! with the same numbers, and a translation that does not fit its English text is refused by
//! `gbl validate` at its line.

use assert_cmd::Command;

fn gbl() -> Command {
    let mut c = Command::cargo_bin("gbl").expect("the gbl binary");
    c.env_remove("GBL_EXERCISES")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .env(
            "GBL_STATE_DIR",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("exercise-ko-state"),
        );
    c
}

fn stdout(c: &mut Command) -> String {
    String::from_utf8_lossy(&c.output().expect("gbl runs").stdout).into_owned()
}

#[test]
fn show_and_hint_read_the_korean_texts_with_the_same_numbers() {
    let en = stdout(gbl().args(["show", "gd-one-step", "--params", "x0=4"]));
    let ko =
        stdout(
            gbl()
                .env("LANG", "ko_KR.UTF-8")
                .args(["show", "gd-one-step", "--params", "x0=4"]),
        );
    assert!(en.contains("What is f'(4)?"), "{en}");
    assert!(ko.contains("f'(4)의 값은 얼마입니까?"), "{ko}");
    assert!(ko.contains("경사하강법 한 스텝"), "{ko}");
    assert!(ko.contains("시작점은 x = 4, 학습률은"), "{ko}");
    // --lang wins over the environment, both ways.
    let en_again = stdout(gbl().env("LANG", "ko_KR.UTF-8").args([
        "--lang",
        "en",
        "show",
        "gd-one-step",
        "--params",
        "x0=4",
    ]));
    assert_eq!(en_again, en);
    let hint = stdout(gbl().args(["--lang", "ko", "hint", "gd-one-step", "--all"]));
    assert!(
        hint.contains("x^2/10의 도함수는 2x/10 = x/5입니다. x = 3일 때의 값을 구하십시오."),
        "{hint}"
    );
}

#[test]
fn a_korean_student_is_told_the_mistake_in_korean() {
    // x1 = 3.6 from x0 = 3 with f'(3) = 0.6: the gradient added (3 + 0.6).
    let out = gbl()
        .env("LANG", "ko_KR.UTF-8")
        .args(["check", "gd-one-step", "x1=3.6", "--format", "json"])
        .output()
        .expect("gbl runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "\"feedback\": \"기울기를 빼지 않고 더했습니다: 갱신 규칙은 x := x - lr·f'(x)입니다\""
        ),
        "{text}"
    );
    // The mistake's id, the numbers and the keys stay as they are.
    assert!(text.contains("\"mistake\": \"add-gradient\""), "{text}");
    assert!(text.contains("\"given\": \"3.6\""), "{text}");
}

/// `gbl validate` on a copy of gd-one-step with `edit` applied to its text.
fn validate_edited(edit: impl Fn(&str) -> String) -> (i32, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/gd-one-step.yaml"),
    )
    .expect("read");
    let file = dir.path().join("gd-one-step.yaml");
    std::fs::write(&file, edit(&text)).expect("write");
    let out = gbl()
        .arg("validate")
        .arg(&file)
        .args(["--color", "never"])
        .output()
        .expect("gbl runs");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), all)
}

#[test]
fn a_translation_that_does_not_fit_is_refused_at_its_line() {
    let (code, all) = validate_edited(|t| t.to_string());
    assert_eq!(code, 0, "{all}");
    let (code, all) =
        validate_edited(|t| t.replace("grad: f'({{x0}})의 값은", "grad: f'({{lr}})의 값은"));
    assert_eq!(code, 1, "{all}");
    assert!(
        all.contains("ko.questions.grad: the translation's placeholders ({{lr}}) are not the English text's ({{x0}})"),
        "{all}"
    );
    let (code, all) = validate_edited(|t| t.replace("    grad: f'(", "    gradd: f'("));
    assert_eq!(code, 1, "{all}");
    assert!(all.contains("there is no question 'gradd'"), "{all}");
    let (code, all) = validate_edited(|t| {
        t.replace(
            "    - \"x := {{x0}} - {{lr}} × f'({{x0}}).\"\n# The author",
            "# The author",
        )
    });
    assert_eq!(code, 1, "{all}");
    assert!(all.contains("2 hints in Korean for 3 in English"), "{all}");
}
