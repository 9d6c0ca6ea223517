//! The exercises' runs, computed once per variant of a class rather than once per student.
//!
//! Rules:
//! - A context (the correct runs and, on demand, the runs with each usual mistake) depends
//!   only on the exercise and its parameters, so students with the same parameters share one.
//! - The parameters are compared bit for bit (an int and a float of the same value are
//!   different variants, as they are for the engine).
//! - At most [`MAX_CACHED`] contexts are kept; past that, contexts are computed for each
//!   student and dropped, so memory stays flat however many variants a class has.
//! - Which thread computes a context first changes nothing: the runs are deterministic.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use indexmap::IndexMap;

use crate::check::Context;
use crate::engine::PyNum;
use crate::exercise::load::Loaded;

/// The most contexts kept for a class.
pub(crate) const MAX_CACHED: usize = 1024;

/// An exercise's parameters, as a key compared bit for bit.
type Key = (String, Vec<(String, bool, u64)>);

/// A context, or why the exercise cannot be checked with these parameters.
pub type Computed<'a> = Arc<Result<Context<'a>, super::CannotCompute>>;

/// The contexts computed so far for a class.
#[derive(Default)]
pub struct Contexts<'a> {
    kept: Mutex<HashMap<Key, Computed<'a>>>,
}

impl<'a> Contexts<'a> {
    /// The context of exercise `l` for `params`, computed on first use.
    pub fn get(&self, l: &'a Loaded, params: &IndexMap<String, PyNum>) -> Computed<'a> {
        let key = key(l, params);
        if let Some(c) = self.lock().get(&key) {
            return Arc::clone(c);
        }
        let c: Computed<'a> =
            Arc::new(
                Context::new(l, params.clone()).map_err(|error| super::CannotCompute {
                    file: l.source.name.clone(),
                    error,
                }),
            );
        let mut kept = self.lock();
        if let Some(other) = kept.get(&key) {
            return Arc::clone(other);
        }
        if kept.len() < MAX_CACHED {
            kept.insert(key, Arc::clone(&c));
        }
        c
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Computed<'a>>> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn key(l: &Loaded, params: &IndexMap<String, PyNum>) -> Key {
    let values = params
        .iter()
        .map(|(name, v)| match v {
            PyNum::Int(i) => (name.clone(), false, *i as u64),
            PyNum::Float(f) => (name.clone(), true, f.to_bits()),
        })
        .collect();
    (l.id.clone(), values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::load::{Source, parse_exercise};

    fn exercise(id: &str) -> Loaded {
        assert_eq!(id, "gd-one-step", "the bundled exercise read here");
        let text = include_str!("../../../exercises/gd-one-step.yaml");
        parse_exercise(
            id,
            Source {
                name: format!("{id}.yaml"),
                text: text.into(),
            },
        )
        .expect("bundled exercise")
    }

    #[test]
    fn same_parameters_share_one_context_and_others_do_not() {
        let l = exercise("gd-one-step");
        let cache = Contexts::default();
        let p = crate::exercise::compute::default_params(&l.exercise).expect("defaults");
        let a = cache.get(&l, &p);
        let b = cache.get(&l, &p);
        assert!(Arc::ptr_eq(&a, &b));
        let mut q = p.clone();
        let first = q.keys().next().cloned().expect("a parameter");
        let shifted = match q[&first] {
            PyNum::Int(i) => PyNum::Int(i + 1),
            PyNum::Float(f) => PyNum::Float(f + 0.5),
        };
        q.insert(first, shifted);
        let c = cache.get(&l, &q);
        assert!(!Arc::ptr_eq(&a, &c));
        let (Ok(ca), Ok(cc)) = (a.as_ref(), c.as_ref()) else {
            panic!("both variants compute");
        };
        assert_eq!(ca.params, p);
        assert_eq!(cc.params, q);
    }

    #[test]
    fn an_int_and_a_float_of_the_same_value_are_different_keys() {
        let l = exercise("gd-one-step");
        let mut a = IndexMap::new();
        a.insert("x".to_string(), PyNum::Int(1));
        let mut b = IndexMap::new();
        b.insert("x".to_string(), PyNum::Float(1.0));
        assert_ne!(key(&l, &a), key(&l, &b));
    }
}
