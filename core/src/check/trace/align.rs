//! Pairing printed lines with expected ones, bounded by work, never by time.
//!
//! 1. As many printed lines as expected: line by line.
//! 2. Else the agreeing first and last lines are paired, and the stretch between them by a
//!    Myers diff in which a printed line *equals* an expected one when it agrees with it
//!    (so a missing or an extra line does not shift every line after it). The diff gives up
//!    past [`Limits::max_edits`] edits or [`Limits::max_compares`] line comparisons, and the
//!    stretch is then paired as in 3. The same file is paired the same way on any machine.
//! 3. What the diff leaves unpaired (a stretch of deletions and insertions) is paired by
//!    *shape*: an edit distance in which pairing a printed line with an expected line of the
//!    same shape (its words contain the template line's words: `1-th x: 2.4` with `1-th x:
//!    2.4000`) costs 0, with another shape 1, and leaving a line unpaired 1 (so a missing
//!    `Initial x: 3` does not pair every step line one off). Ties leave the unpaired lines
//!    at the end. Past [`Limits::max_cells`] cells, line by line.

use super::judge::{Judge, MAX_LINE_BYTES, Pair, Paired};
use super::line_shape::words;
use std::ops::Range;

/// How much work the pairing may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Limits {
    /// The longest stretch (expected plus printed lines) given to the diff.
    pub max_lines: usize,
    /// The most edits (missing plus extra lines) the diff looks for.
    pub max_edits: usize,
    /// The most line comparisons the diff may make.
    pub max_compares: usize,
    /// The largest edit-distance table (expected × printed lines) for pairing by shape.
    pub max_cells: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_lines: 4_000,
            max_edits: 1_000,
            max_compares: 500_000,
            max_cells: 4_000_000,
        }
    }
}

/// One diff operation over the middle stretch (indices relative to its start).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Equal(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// Whether printed line j agrees with expected line k (the iteration number included).
fn agree(judge: &Judge, k: usize, j: usize, buf: &mut String) -> bool {
    let r = judge.against_reference(k, j, buf);
    r.ok && !r.index_differs
}

/// Pairs the printed lines with the expected ones.
pub(crate) fn align(judge: &Judge, limits: Limits) -> Vec<Pair> {
    let ne = judge.layout.len();
    let np = judge.printed.len();
    if ne == np {
        return (0..ne).map(|k| Pair::from(Paired::Both(k, k))).collect();
    }
    let mut buf = String::new();
    let mut pre = 0;
    while pre < ne.min(np) && agree(judge, pre, pre, &mut buf) {
        pre += 1;
    }
    let mut suf = 0;
    while suf < ne.min(np) - pre && agree(judge, ne - 1 - suf, np - 1 - suf, &mut buf) {
        suf += 1;
    }
    let (exp, got) = (pre..ne - suf, pre..np - suf);
    let mut pairs: Vec<Pair> = (0..pre).map(|k| Pair::from(Paired::Both(k, k))).collect();
    let ops = if exp.len() + got.len() <= limits.max_lines && !exp.is_empty() && !got.is_empty() {
        myers(judge, exp.clone(), got.clone(), limits)
    } else {
        None
    };
    match ops {
        Some(ops) => pairs.extend(pair_ops(judge, &ops, exp.start, got.start, limits)),
        None => pairs.extend(by_shape(judge, exp.clone(), got.clone(), limits)),
    }
    pairs.extend((0..suf).map(|t| Pair::from(Paired::Both(exp.end + t, got.end + t))));
    pairs
}

/// The diff's operations turned into pairs: runs of deletions and insertions between equal
/// lines are paired by shape.
fn pair_ops(judge: &Judge, ops: &[Op], e0: usize, p0: usize, limits: Limits) -> Vec<Pair> {
    let mut out = Vec::with_capacity(ops.len());
    let mut n = 0;
    while n < ops.len() {
        if let Op::Equal(k, j) = ops[n] {
            out.push(Pair::from(Paired::Both(e0 + k, p0 + j)));
            n += 1;
            continue;
        }
        let (mut del, mut ins) = (Vec::new(), Vec::new());
        while let Some(op) = ops.get(n) {
            match *op {
                Op::Delete(k) => del.push(e0 + k),
                Op::Insert(j) => ins.push(p0 + j),
                Op::Equal(..) => break,
            }
            n += 1;
        }
        // Deletions and insertions of one run are each contiguous.
        let exp = del.first().map_or(0..0, |&a| a..a + del.len());
        let got = ins.first().map_or(0..0, |&a| a..a + ins.len());
        out.extend(by_shape(judge, exp, got, limits));
    }
    out
}

/// Myers' O((N+M)·D) diff with equality by agreement, bounded by edits and comparisons;
/// `None` past either bound.
fn myers(judge: &Judge, exp: Range<usize>, got: Range<usize>, limits: Limits) -> Option<Vec<Op>> {
    let (n, m) = (exp.len() as isize, got.len() as isize);
    let max = ((n + m) as usize).min(limits.max_edits) as isize;
    let off = max + 1;
    let mut v = vec![0isize; (2 * off + 1) as usize];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut compares = 0usize;
    let mut buf = String::new();
    let mut eq = |x: isize, y: isize, compares: &mut usize| {
        *compares += 1;
        agree(
            judge,
            exp.start + x as usize,
            got.start + y as usize,
            &mut buf,
        )
    };
    for d in 0..=max {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let idx = (k + off) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && eq(x, y, &mut compares) {
                x += 1;
                y += 1;
            }
            if compares > limits.max_compares {
                return None;
            }
            v[idx] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, off, n, m, d));
            }
            k += 2;
        }
    }
    None
}

/// The operations, from the saved frontiers (`trace[d]`: the frontier before edit d).
fn backtrack(trace: &[Vec<isize>], off: isize, n: isize, m: isize, last: isize) -> Vec<Op> {
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..=last).rev() {
        if d == 0 {
            while x > 0 && y > 0 {
                x -= 1;
                y -= 1;
                ops.push(Op::Equal(x as usize, y as usize));
            }
            break;
        }
        let v = &trace[d as usize];
        let k = x - y;
        let at = |k: isize| v[(k + off) as usize];
        let prev_k = if k == -d || (k != d && at(k - 1) < at(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            ops.push(Op::Equal(x as usize, y as usize));
        }
        if x == prev_x {
            y -= 1;
            ops.push(Op::Insert(y as usize));
        } else {
            x -= 1;
            ops.push(Op::Delete(x as usize));
        }
    }
    ops.reverse();
    ops
}

/// The words of each line of a stretch (none for a line too long to judge).
fn shapes_of(lines: impl Iterator<Item = String>) -> Vec<Vec<String>> {
    lines
        .map(|l| {
            if l.len() > MAX_LINE_BYTES {
                Vec::new()
            } else {
                words(&l)
            }
        })
        .collect()
}

/// Whether a printed line's words contain an expected line's words, in order.
fn same_shape(want: &[String], got: &[String]) -> bool {
    let mut it = got.iter();
    want.iter().all(|w| it.any(|g| g == w))
}

/// Pairs two stretches by shape (see the module's rule 3); line by line past the bound.
fn by_shape(judge: &Judge, exp: Range<usize>, got: Range<usize>, limits: Limits) -> Vec<Pair> {
    let (n, m) = (exp.len(), got.len());
    if n == 0 || m == 0 || n == m || n.saturating_mul(m) > limits.max_cells {
        return by_position(exp, got);
    }
    let want = shapes_of(exp.clone().map(|k| judge.layout.line(k)));
    let printed = shapes_of(got.clone().map(|j| {
        let line = judge.printed.get(j).copied().unwrap_or_default();
        if line.len() > MAX_LINE_BYTES {
            " ".repeat(MAX_LINE_BYTES + 1)
        } else {
            line.to_string()
        }
    }));
    let w = m + 1;
    // cost[a][b]: pairing the first a expected lines with the first b printed ones.
    let mut cost = vec![0u32; (n + 1) * w];
    for a in 0..=n {
        for b in 0..=m {
            cost[a * w + b] = if a == 0 {
                b as u32
            } else if b == 0 {
                a as u32
            } else {
                let sub = u32::from(!same_shape(&want[a - 1], &printed[b - 1]));
                (cost[(a - 1) * w + b - 1] + sub)
                    .min(cost[(a - 1) * w + b] + 1)
                    .min(cost[a * w + b - 1] + 1)
            };
        }
    }
    // Back from the end, leaving lines unpaired at the end on a tie.
    let mut out = Vec::with_capacity(n.max(m));
    let (mut a, mut b) = (n, m);
    while a > 0 || b > 0 {
        let here = cost[a * w + b];
        if a > 0 && cost[(a - 1) * w + b] + 1 == here {
            a -= 1;
            out.push(Pair::from(Paired::Missing(exp.start + a)));
        } else if b > 0 && cost[a * w + b - 1] + 1 == here {
            b -= 1;
            out.push(Pair::from(Paired::Extra(got.start + b)));
        } else {
            a -= 1;
            b -= 1;
            out.push(Pair::from(Paired::Both(exp.start + a, got.start + b)));
        }
    }
    out.reverse();
    out
}

/// Pairs two stretches line by line; the longer one's rest is missing or extra.
fn by_position(exp: Range<usize>, got: Range<usize>) -> Vec<Pair> {
    let n = exp.len().min(got.len());
    let mut out: Vec<Pair> = (0..n)
        .map(|t| Pair::from(Paired::Both(exp.start + t, got.start + t)))
        .collect();
    out.extend((exp.start + n..exp.end).map(|k| Pair::from(Paired::Missing(k))));
    out.extend((got.start + n..got.end).map(|j| Pair::from(Paired::Extra(j))));
    out
}
