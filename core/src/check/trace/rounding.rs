//! Rounding at a power of ten, exactly: a float as Python's format rounds it (with its
//! neighbours a few ulps away, for values a hair from a tie), and a printed decimal digit by
//! digit (both neighbours on an exact tie). `precision.rs` judges printed numbers with them.

use crate::check::number::Printed;

/// `v` rounded at the power of ten `t` (as a decimal), and its neighbours a few ulps away.
pub(super) fn rounded_at(v: f64, t: i64) -> Vec<Printed> {
    let mut candidates = vec![v];
    let (mut lo, mut hi) = (v, v);
    for _ in 0..4 {
        lo = lo.next_down();
        hi = hi.next_up();
        candidates.push(lo);
        candidates.push(hi);
    }
    candidates
        .into_iter()
        .filter_map(|c| {
            if t <= 0 {
                let d = (-t).min(340) as usize;
                Printed::parse(&format!("{c:.d$}"))
            } else {
                let lead = if c == 0.0 {
                    0
                } else {
                    c.abs().log10().floor() as i64
                };
                let sig = lead - t;
                if sig < 0 {
                    Printed::parse("0")
                } else {
                    Printed::parse(&format!("{:.*e}", sig.min(340) as usize, c))
                }
            }
        })
        .collect()
}

/// A printed decimal rounded at the power of ten `t` (both neighbours on an exact tie).
pub(super) fn round_printed(n: &Printed, t: i64) -> Vec<Printed> {
    let drop = t - n.exp;
    if drop <= 0 {
        return vec![n.clone()];
    }
    let digits = n.digits.as_bytes();
    let drop = drop as usize;
    let (kept, gone) = if digits.len() > drop {
        digits.split_at(digits.len() - drop)
    } else {
        (&digits[..0], digits)
    };
    // `gone` as a fraction of one unit at t: compare with one half.
    let padded: Vec<u8> = std::iter::repeat_n(b'0', drop - gone.len())
        .chain(gone.iter().copied())
        .collect();
    let half: Vec<u8> = std::iter::once(b'5')
        .chain(std::iter::repeat_n(b'0', drop - 1))
        .collect();
    let down = String::from_utf8_lossy(kept).into_owned();
    let up = increment(&down);
    let make = |d: String| Printed {
        negative: n.negative && !d.trim_start_matches('0').is_empty(),
        digits: d.trim_start_matches('0').to_string(),
        exp: t,
    };
    match padded.cmp(&half) {
        std::cmp::Ordering::Less => vec![make(down)],
        std::cmp::Ordering::Greater => vec![make(up)],
        std::cmp::Ordering::Equal => vec![make(down), make(up)],
    }
}

/// A string of decimal digits plus one.
fn increment(d: &str) -> String {
    let mut b: Vec<u8> = d.bytes().collect();
    for c in b.iter_mut().rev() {
        if *c == b'9' {
            *c = b'0';
        } else {
            *c += 1;
            return String::from_utf8_lossy(&b).into_owned();
        }
    }
    b.insert(0, b'1');
    String::from_utf8_lossy(&b).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_decimals_round_exactly() {
        let r = round_printed(&Printed::parse("2.40005").expect("n"), -4);
        assert_eq!(r.len(), 2);
        let r = round_printed(&Printed::parse("0.99996").expect("n"), -4);
        assert!(r[0].same_value(&Printed::parse("1").expect("n")));
    }
}
