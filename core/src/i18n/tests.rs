//! Messages in each language, and the language the environment chooses (the catalogues
//! themselves are checked by tests/i18n_catalogue.rs, which reads the sources).

use super::*;

#[test]
fn a_message_in_each_language() {
    assert_eq!(
        tr_in(Lang::En, "mistake-no-learning-rate", &[("lr", "0.1")]),
        "you left out the learning rate: the update is x := x - lr·f'(x) with lr = 0.1"
    );
    assert_eq!(
        tr_in(Lang::Ko, "mistake-no-learning-rate", &[("lr", "0.1")]),
        "학습률을 빠뜨렸습니다: 갱신 규칙은 x := x - lr·f'(x)이고 lr = 0.1입니다"
    );
    // No id falls through silently: an unknown one comes back as itself.
    assert_eq!(tr_in(Lang::Ko, "no-such-message", &[]), "no-such-message");
}

#[test]
fn the_environment_chooses_the_language_as_posix_does() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        }
    };
    assert_eq!(Lang::from_env(env(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "ko")])),
        Lang::Ko
    );
    assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "ko")])),
        Lang::Ko
    );
    assert_eq!(Lang::from_env(env(&[])), Lang::En);
    assert_eq!(Lang::parse("KO"), Some(Lang::Ko));
    assert_eq!(Lang::parse("fr"), None);
}

#[test]
fn whole_numbers_choose_a_plural_and_print_as_given() {
    let mut bundle = FluentBundle::new_concurrent(vec![unic_langid::LanguageIdentifier::default()]);
    bundle.set_use_isolating(false);
    let res = FluentResource::try_new(
        "m = { $n } { $n -> \n    [one] update\n   *[other] updates\n} at { $x }\n".to_string(),
    )
    .unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(res);
    let Some(pattern) = bundle.get_message("m").and_then(|m| m.value()) else {
        panic!("the message parses");
    };
    for (n, x, want) in [
        ("1", "0.10", "1 update at 0.10"),
        ("2", "2.4000", "2 updates at 2.4000"),
        ("0", "1e-05", "0 updates at 1e-05"),
        ("-3", "z", "-3 updates at z"),
        ("1000000", "x", "1000000 updates at x"),
        ("007", "y", "007 updates at y"),
    ] {
        let args = [("n", n), ("x", x)];
        let mut errors = Vec::new();
        let got = bundle.format_pattern(pattern, Some(&fluent_args(&args)), &mut errors);
        assert_eq!(got, want, "{errors:?}");
    }
}
