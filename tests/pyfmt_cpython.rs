//! Differential test of `gbl::pyfmt` against CPython.
//!
//! A few thousand (value, spec) cases are generated deterministically (ties such as 0.125 and
//! 2.675, repr boundaries such as 1e16 and 1e-5, negative zero, huge and tiny values, random bit
//! patterns and random specs), written to a temporary file and formatted by one `python3` run.
//! Every result must match digit for digit; every error must carry CPython's message. If
//! `python3` is not installed the test prints a notice and passes.

use std::fmt::Write as _;
use std::io::ErrorKind;
use std::process::Command;

use gbl::engine::PyNum;
use gbl::pyfmt::{Template, format_value, repr_float};

/// Formats every line of the input file with CPython; each output line is `OK <hex>` or
/// `ERR <hex>` (the UTF-8 of the result or of the exception's message, hex-encoded).
const PYTHON: &str = r#"
import struct, sys

def value(kind, text):
    if kind == "i":
        return int(text)
    return struct.unpack("<d", struct.pack("<Q", int(text, 16)))[0]

def unhex(text):
    return bytes.fromhex(text).decode("utf-8")

def run(parts):
    if parts[0] == "F":
        return format(value(parts[1], parts[2]), unhex(parts[3]))
    if parts[0] == "R":
        return repr(value("f", parts[1]))
    env = {}
    for item in filter(None, parts[2].split(";")):
        name, kind, text = item.split(":")
        env[name] = value(kind, text)
    return eval("f" + repr(unhex(parts[1])), {}, env)

out = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        try:
            result = "OK\t" + run(line.rstrip("\n").split("\t")).encode("utf-8", "surrogatepass").hex()
        except Exception as e:
            result = "ERR\t" + str(e).encode("utf-8").hex()
        out.append(result)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
"#;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One case to run through both implementations.
enum Case {
    Format(PyNum, String),
    Repr(f64),
    Template(String, Vec<(&'static str, PyNum)>),
}

fn hex(text: &str) -> String {
    text.bytes().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn unhex(text: &str) -> String {
    let bytes: Vec<u8> = (0..text.len() / 2)
        .filter_map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn encode_value(v: PyNum) -> String {
    match v {
        PyNum::Int(i) => format!("i\t{i}"),
        PyNum::Float(f) => format!("f\t{:x}", f.to_bits()),
    }
}

fn encode(case: &Case) -> String {
    match case {
        Case::Format(v, spec) => format!("F\t{}\t{}", encode_value(*v), hex(spec)),
        Case::Repr(f) => format!("R\t{:x}", f.to_bits()),
        Case::Template(src, vars) => {
            let vars: Vec<String> = vars
                .iter()
                .map(|(name, v)| format!("{name}:{}", encode_value(*v).replace('\t', ":")))
                .collect();
            format!("T\t{}\t{}", hex(src), vars.join(";"))
        }
    }
}

/// gbl's answer in the same `OK`/`ERR` form as the Python script.
fn ours(case: &Case) -> Result<String, String> {
    match case {
        Case::Format(v, spec) => format_value(*v, spec).map_err(|e| e.message),
        Case::Repr(f) => Ok(repr_float(*f)),
        Case::Template(src, vars) => {
            let template = Template::parse(src).map_err(|e| e.message)?;
            let lookup = |name: &str| vars.iter().find(|(n, _)| *n == name).map(|&(_, v)| v);
            template.render(&lookup).map_err(|e| e.message)
        }
    }
}

const SPECIAL_FLOATS: &[f64] = &[
    0.0,
    -0.0,
    0.125,
    0.375,
    -0.125,
    2.675,
    1e16,
    1e-5,
    9.9999e-5,
    1e-4,
    0.5,
    1.5,
    2.5,
    -2.5,
    3.5,
    0.05,
    0.015,
    0.025,
    1.005,
    1.15,
    1.25,
    1.35,
    4.35,
    9.5,
    99.5,
    999.5,
    99.995,
    0.9999999,
    9.9999,
    15.0,
    25.0,
    125.0,
    1234.5,
    123456.789,
    0.1,
    0.2,
    0.3,
    1.0 / 3.0,
    2.0 / 3.0,
    2.4000000000000004,
    12.0,
    100.0,
    1e15,
    9999999999999998.0,
    1e17,
    1e22,
    1e23,
    1e100,
    1e-100,
    1e-7,
    1.234e-5,
    123456789012345678.0,
    9007199254740992.0,
    9007199254740994.0,
    5e-324,
    2.2250738585072014e-308,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    -f64::NAN,
    -1e-5,
    -0.001,
    -0.0004,
    -1234567.891,
];

const SPECIAL_INTS: &[i64] = &[
    0,
    1,
    -1,
    3,
    12,
    65,
    255,
    -255,
    1000,
    1234,
    -1234,
    1234567,
    -1234567,
    9_007_199_254_740_993,
    i64::MAX,
    i64::MIN,
    15,
    25,
    125,
];

/// A float from one of several families: random bits, short decimals, exact binary ties,
/// and wide-range magnitudes.
fn random_float(rng: &mut Rng) -> f64 {
    match rng.below(6) {
        0 => f64::from_bits(rng.next()),
        1 => {
            let m = rng.below(2_000_001) as f64 - 1_000_000.0;
            m / 10f64.powi(rng.below(9) as i32)
        }
        2 => {
            let m = rng.below(20_001) as f64 - 10_000.0;
            m / 2f64.powi(rng.below(14) as i32)
        }
        3 => {
            let m = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
            m * 10f64.powi(rng.below(60) as i32 - 30)
        }
        4 => {
            // Near 2^50..2^53 a float's exact value can lie halfway between two shortest
            // 17-digit candidates (…64.25): repr must round that tie to even.
            let whole = (1u64 << 50) + rng.below(7 << 50);
            whole as f64 + rng.pick(&[0.25, 0.75, 0.125, 0.375, 0.5])
        }
        _ => rng.pick(SPECIAL_FLOATS),
    }
}

fn random_int(rng: &mut Rng) -> i64 {
    match rng.below(4) {
        0 => rng.pick(SPECIAL_INTS),
        1 => rng.below(2001) as i64 - 1000,
        2 => rng.below(20_000_001) as i64 - 10_000_000,
        _ => rng.next() as i64,
    }
}

/// A spec built from the mini-language's parts, each present with some probability.
fn structured_spec(rng: &mut Rng, types: &[char]) -> String {
    let mut s = String::new();
    if rng.chance(25) {
        s.push(rng.pick(&[' ', '*', '0', '=', 'é', '<', 'x', '_', ',', '.']));
        s.push(rng.pick(&['<', '>', '=', '^']));
    } else if rng.chance(15) {
        s.push(rng.pick(&['<', '>', '=', '^']));
    }
    if rng.chance(30) {
        s.push(rng.pick(&['+', '-', ' ']));
    }
    if rng.chance(10) {
        s.push('z');
    }
    if rng.chance(15) {
        s.push('#');
    }
    if rng.chance(15) {
        s.push('0');
    }
    if rng.chance(40) {
        let _ = write!(s, "{}", rng.below(25));
    }
    if rng.chance(20) {
        s.push(rng.pick(&[',', '_']));
    }
    if rng.chance(60) {
        let precision = match rng.below(10) {
            0 => rng.below(120),
            1 => 20 + rng.below(40),
            _ => rng.below(20),
        };
        let _ = write!(s, ".{precision}");
    }
    if rng.chance(85) {
        s.push(rng.pick(types));
    }
    s
}

/// A spec of random characters, mostly invalid, for the error paths.
fn random_spec(rng: &mut Rng) -> String {
    let alphabet: Vec<char> = " <>=^+-z#0123456789,_.eEfFgGn%bcdoxXsq*".chars().collect();
    let len = rng.below(8);
    (0..len).map(|_| rng.pick(&alphabet)).collect()
}

/// Whether every run of digits in the spec is at most 1000 (gbl's limit; CPython would
/// allocate the huge width instead).
fn within_limits(spec: &str) -> bool {
    spec.split(|c: char| !c.is_ascii_digit())
        .all(|run| run.len() <= 4 && run.parse::<u32>().map_or(true, |n| n <= 1000))
}

const FLOAT_TYPES: &[char] = &['e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'd', 'x', 's'];
const INT_TYPES: &[char] = &[
    'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's',
];

/// An int for a spec: a printable code point when the spec asks for a character.
fn int_for_spec(rng: &mut Rng, spec: &str) -> i64 {
    if spec.ends_with('c') {
        rng.pick(&[65, 0x3b1, 0x1f600, 32, 0x10ffff + 1, -1, 0x7e])
    } else {
        random_int(rng)
    }
}

fn generate() -> Vec<Case> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = Vec::new();
    for &f in SPECIAL_FLOATS {
        cases.push(Case::Repr(f));
        for spec in [
            "", ".0f", ".1f", ".2f", ".3f", ".4f", ".0e", ".1e", ".2e", "g", ".3g", ".3", "%",
            "z.2f", "015,.3f",
        ] {
            cases.push(Case::Format(PyNum::Float(f), spec.to_string()));
        }
    }
    for _ in 0..6000 {
        cases.push(Case::Repr(random_float(&mut rng)));
    }
    for _ in 0..4000 {
        let spec = structured_spec(&mut rng, FLOAT_TYPES);
        cases.push(Case::Format(PyNum::Float(random_float(&mut rng)), spec));
    }
    for _ in 0..2000 {
        let spec = structured_spec(&mut rng, INT_TYPES);
        let i = int_for_spec(&mut rng, &spec);
        cases.push(Case::Format(PyNum::Int(i), spec));
    }
    for _ in 0..2000 {
        let spec = random_spec(&mut rng);
        if !within_limits(&spec) {
            continue;
        }
        let v = if rng.chance(50) {
            PyNum::Float(random_float(&mut rng))
        } else {
            PyNum::Int(rng.pick(&[0, 7, 65, -3, 1234567, 0x12d687]))
        };
        cases.push(Case::Format(v, spec));
    }
    cases.extend(template_cases(&mut rng));
    cases
}

/// The lecture's templates with random values, compared with Python's own f-strings.
fn template_cases(rng: &mut Rng) -> Vec<Case> {
    let templates = [
        "{i}-th x: {x:.4f}",
        "Initial x: {x}",
        "{dy_dx = :.4f}",
        "({x1:.3f}, {x2:.3f})",
        "{x=}",
        "{ x = }",
        "{x=:>12.3e}",
        "{x!r:>12}",
        "{x!s:^9} {{literal}} {i:+05d}",
        "{i=!a} | {x:10,.2f} | {x:%}",
        "step {i:>3}: f(x) = {x:.6g}",
    ];
    let mut cases = Vec::new();
    for _ in 0..40 {
        for t in templates {
            let vars = vec![
                ("i", PyNum::Int(rng.below(1000) as i64)),
                ("x", PyNum::Float(random_float(rng))),
                ("x1", PyNum::Float(random_float(rng))),
                ("x2", PyNum::Int(random_int(rng))),
                (
                    "dy_dx",
                    if rng.chance(50) {
                        PyNum::Int(12)
                    } else {
                        PyNum::Float(random_float(rng))
                    },
                ),
            ];
            cases.push(Case::Template(t.to_string(), vars));
        }
    }
    cases
}

fn describe(case: &Case) -> String {
    match case {
        Case::Format(v, spec) => format!("format({v:?}, {spec:?})"),
        Case::Repr(f) => format!("repr({f:?} = bits {:#x})", f.to_bits()),
        Case::Template(src, vars) => format!("f{src:?} with {vars:?}"),
    }
}

fn python_results(cases: &[Case]) -> Option<Vec<Result<String, String>>> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let script = dir.path().join("fmt.py");
    let input = dir.path().join("cases.tsv");
    let output = dir.path().join("results.tsv");
    std::fs::write(&script, PYTHON).expect("write script");
    let lines: Vec<String> = cases.iter().map(encode).collect();
    std::fs::write(&input, lines.join("\n") + "\n").expect("write cases");
    let status = match Command::new("python3")
        .arg(&script)
        .arg(&input)
        .arg(&output)
        .status()
    {
        Ok(status) => status,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            eprintln!("python3 not found: skipping the CPython comparison");
            return None;
        }
        Err(e) => panic!("could not run python3: {e}"),
    };
    assert!(status.success(), "python3 failed: {status}");
    let text = std::fs::read_to_string(&output).expect("read results");
    let results: Vec<Result<String, String>> = text
        .lines()
        .map(|line| match line.split_once('\t') {
            Some(("OK", h)) => Ok(unhex(h)),
            Some((_, h)) => Err(unhex(h)),
            None => Err(format!("bad line {line:?}")),
        })
        .collect();
    assert_eq!(results.len(), cases.len(), "one result per case");
    Some(results)
}

#[test]
fn matches_cpython() {
    let cases = generate();
    let Some(expected) = python_results(&cases) else {
        return;
    };
    let mut mismatches = Vec::new();
    let mut errors = 0;
    for (case, want) in cases.iter().zip(&expected) {
        errors += usize::from(want.is_err());
        let got = ours(case);
        if &got != want {
            mismatches.push(format!(
                "{}:\n  CPython {want:?}\n  gbl     {got:?}",
                describe(case)
            ));
        }
    }
    eprintln!(
        "compared {} cases with CPython ({} of them errors)",
        cases.len(),
        errors
    );
    assert!(
        mismatches.is_empty(),
        "{} of {} cases differ from CPython:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
