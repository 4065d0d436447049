//! The simplifier: double negations removed, nested `And`/`Or` flattened, constants folded,
//! duplicates dropped, `x & !x` and `x | !x` decided.

use crate::expr::Q;

impl Q {
    /// An equivalent, smaller query: `!!x` is `x`; nested `And`s and `Or`s are flattened;
    /// [`Q::All`] and [`Q::Nothing`] are folded away (so they only remain as the whole
    /// result); repeated operands are dropped (the first is kept, so the order is stable);
    /// an `And` holding `x` and `!x` is [`Q::Nothing`], an `Or` holding both [`Q::All`]; a
    /// one-operand `And`/`Or` is its operand.
    ///
    /// Never changes what the query matches ([`eval`](crate::eval) gives the same result).
    ///
    /// ```
    /// use ews_query::Q;
    ///
    /// let a = Q::lookup("subject", "a")?;
    /// assert_eq!((!!a.clone()).simplified(), a);
    /// assert_eq!((a.clone() & !a.clone()).simplified(), Q::Nothing);
    /// assert_eq!(Q::And(vec![Q::All, Q::Or(vec![a.clone()])]).simplified(), a);
    /// # Ok::<(), ews_query::QueryError>(())
    /// ```
    #[must_use]
    pub fn simplified(&self) -> Self {
        match self {
            Self::All | Self::Nothing | Self::Leaf(_) => self.clone(),
            Self::Not(inner) => match inner.simplified() {
                Self::All => Self::Nothing,
                Self::Nothing => Self::All,
                Self::Not(x) => *x,
                x => Self::Not(Box::new(x)),
            },
            Self::And(v) => join(v, true),
            Self::Or(v) => join(v, false),
        }
    }
}

/// Simplifies an `And` (`and == true`) or an `Or`.
fn join(operands: &[Q], and: bool) -> Q {
    // For an And: All is neutral, Nothing absorbs; for an Or the reverse.
    let (neutral, absorbing) = if and {
        (Q::All, Q::Nothing)
    } else {
        (Q::Nothing, Q::All)
    };
    let mut out: Vec<Q> = Vec::new();
    let mut stack: Vec<Q> = operands.iter().rev().map(Q::simplified).collect();
    while let Some(q) = stack.pop() {
        match q {
            Q::And(inner) if and => stack.extend(inner.into_iter().rev()),
            Q::Or(inner) if !and => stack.extend(inner.into_iter().rev()),
            q if q == neutral => {}
            q if q == absorbing => return absorbing,
            q => {
                if out.contains(&q) {
                    continue;
                }
                let complement = match &q {
                    Q::Not(x) => (**x).clone(),
                    x => Q::Not(Box::new(x.clone())),
                };
                if out.contains(&complement) {
                    return absorbing;
                }
                out.push(q);
            }
        }
    }
    match out.len() {
        0 => neutral,
        1 => out.pop().unwrap_or(neutral),
        _ if and => Q::And(out),
        _ => Q::Or(out),
    }
}
