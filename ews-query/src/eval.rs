//! Evaluating a query against an item, the way Exchange does.

use std::cmp::Ordering as CmpOrdering;

use ews_model::extended::ExtendedFieldUri;
use ews_model::fields::FieldDef;
use ews_model::restriction::{CompareOp, ContainmentComparison, ContainmentMode};

use crate::expr::{FieldRef, Leaf, Op, Q, Target};
use crate::value::{Value, fold};

/// The item side of [`eval`] and [`sort`](crate::sort): the values of an item's fields.
///
/// Item types implement it to be filtered and sorted client-side (and by the fake server).
/// Return `None` for a field the item does not have; an empty list counts as absent too.
///
/// See [Restriction](https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/restriction).
pub trait FieldValues {
    /// The value of `field`; for an indexed field, of its entry `index` (`CarPhone`).
    fn value(&self, field: &FieldDef, index: Option<&str>) -> Option<Value>;

    /// The component `part` (`street`, `city`, `state`, `country`, `zipcode`) of the entry
    /// `index` of an indexed field with components (physical addresses). None by default.
    fn component(&self, field: &FieldDef, index: &str, part: &str) -> Option<Value> {
        let _ = (field, index, part);
        None
    }

    /// The value of an extended property. None by default.
    fn extended(&self, uri: &ExtendedFieldUri) -> Option<Value> {
        let _ = uri;
        None
    }
}

/// The value of `target` on `item` (`None` when absent, an empty list included; an
/// unresolved name is absent).
pub(crate) fn value_of(item: &impl FieldValues, target: &Target) -> Option<Value> {
    let v = match &target.field {
        FieldRef::Def(def) => match (&target.index, &target.part) {
            (Some(i), Some(p)) => item.component(def, i, p),
            (i, _) => item.value(def, i.as_deref()),
        },
        FieldRef::Extended(uri) => item.extended(uri),
        FieldRef::Name(_) => None,
    };
    v.filter(|v| !v.is_empty_list())
}

/// Whether `item` matches `q`, as Exchange would decide.
///
/// - A comparison or containment test on an absent field is false (so `!(x == v)` and
///   `x != v` differ on items without `x`, as on the server).
/// - On a list field, a test is true when it is true for any element.
/// - Text comparisons (`=`, `<`, `in`...) ignore case; `t:Contains` compares exactly
///   or ignoring case as its `ContainmentComparison` says (the `Loose` forms ignore case,
///   the `NonSpacing` forms are treated as exact); `PrefixOnWords` and `ExactPhrase` match
///   at word starts.
/// - Date-times compare as instants, whatever zone the constant was written in.
/// - A leaf whose field was never resolved (a string-form query not yet
///   [resolved](Q::resolve)) sees an absent field.
pub fn eval(q: &Q, item: &impl FieldValues) -> bool {
    match q {
        Q::All => true,
        Q::Nothing => false,
        Q::Leaf(leaf) => eval_leaf(leaf, item),
        Q::Not(inner) => !eval(inner, item),
        Q::And(v) => v.iter().all(|q| eval(q, item)),
        Q::Or(v) => v.iter().any(|q| eval(q, item)),
    }
}

fn eval_leaf(leaf: &Leaf, item: &impl FieldValues) -> bool {
    let Some(value) = value_of(item, &leaf.target) else {
        return false;
    };
    match &leaf.op {
        Op::Exists => true,
        op => any_element(&value, &|v| test(op, v)),
    }
}

fn any_element(value: &Value, f: &dyn Fn(&Value) -> bool) -> bool {
    match value {
        Value::List(v) => v.iter().any(|x| any_element(x, f)),
        v => f(v),
    }
}

fn test(op: &Op, v: &Value) -> bool {
    match op {
        Op::Compare(op, constant) => v.compare(constant).is_some_and(|o| match op {
            CompareOp::Equal => o == CmpOrdering::Equal,
            CompareOp::NotEqual => o != CmpOrdering::Equal,
            CompareOp::GreaterThan => o == CmpOrdering::Greater,
            CompareOp::GreaterThanOrEqual => o != CmpOrdering::Less,
            CompareOp::LessThan => o == CmpOrdering::Less,
            CompareOp::LessThanOrEqual => o != CmpOrdering::Greater,
        }),
        Op::Contains {
            text,
            mode,
            comparison,
        } => match v {
            Value::Text(s) => contains(s, text, mode, comparison),
            _ => false,
        },
        Op::Excludes(mask) => match v {
            Value::Int(i) => (*i as u64) & mask == 0,
            _ => false,
        },
        Op::Exists => true,
    }
}

fn contains(
    haystack: &str,
    needle: &str,
    mode: &ContainmentMode,
    comparison: &ContainmentComparison,
) -> bool {
    use ContainmentComparison as C;
    let ignore_case = matches!(
        comparison,
        C::IgnoreCase
            | C::IgnoreCaseAndNonSpacingCharacters
            | C::Loose
            | C::LooseAndIgnoreCase
            | C::LooseAndIgnoreNonSpace
            | C::LooseAndIgnoreCaseAndIgnoreNonSpace
    );
    if matches!(comparison, C::Other(_)) {
        return false;
    }
    let (h, n) = if ignore_case {
        (fold(haystack), fold(needle))
    } else {
        (haystack.to_owned(), needle.to_owned())
    };
    match mode {
        ContainmentMode::FullString => h == n,
        ContainmentMode::Prefixed => h.starts_with(&n),
        ContainmentMode::Substring => h.contains(&n),
        ContainmentMode::PrefixOnWords | ContainmentMode::ExactPhrase => {
            h.match_indices(&n).any(|(i, _)| {
                h[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        }
        _ => false,
    }
}
