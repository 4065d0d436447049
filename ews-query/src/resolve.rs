//! Checking a query against a field table: names resolved, indexes, lookups and values
//! checked, constants converted to the field's kind; and the paths of targets.

use ews_model::fields::{FieldDef, FieldTable, FieldUri};
use ews_model::operations::FieldPath;
use ews_model::restriction::CompareOp;
use ews_model::version::ExchangeVersion;

use crate::error::QueryError;
use crate::expr::{FieldRef, Leaf, Op, Q, Target};
use crate::value::Class;

/// The indexed property whose entries have components, and its components: the
/// exchangelib name and the suffix of the `FieldURI` (`contacts:PhysicalAddress:Street`).
pub(crate) const PARTED_URI: &str = "contacts:PhysicalAddress";
pub(crate) const PARTS: [(&str, &str); 5] = [
    ("street", "Street"),
    ("city", "City"),
    ("state", "State"),
    ("country", "CountryOrRegion"),
    ("zipcode", "PostalCode"),
];

/// What a resolved target holds.
pub(crate) struct Shape {
    pub(crate) class: Class,
}

impl Q {
    /// This query with every field resolved against `table` and every leaf checked: the
    /// field exists (a typed field must belong to the table), is searchable, has a valid
    /// index; the lookup fits the field's kind; the value has the field's type (text is
    /// converted: `"2014-07-01T07:00:00Z"` for a date-time field becomes a date-time).
    pub fn resolve(&self, table: &FieldTable) -> Result<Self, QueryError> {
        Ok(match self {
            Self::All => Self::All,
            Self::Nothing => Self::Nothing,
            Self::Leaf(l) => Self::Leaf(check_leaf(l, table)?),
            Self::Not(q) => Self::Not(Box::new(q.resolve(table)?)),
            Self::And(v) => Self::And(
                v.iter()
                    .map(|q| q.resolve(table))
                    .collect::<Result<_, _>>()?,
            ),
            Self::Or(v) => Self::Or(
                v.iter()
                    .map(|q| q.resolve(table))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }

    /// Checks that a server speaking `version` has every field this query uses.
    pub fn check_version(&self, version: ExchangeVersion) -> Result<(), QueryError> {
        for leaf in self.leaves() {
            if let FieldRef::Def(def) = &leaf.target.field {
                check_def_version(def, version)?;
            }
        }
        Ok(())
    }
}

/// [`QueryError::NotInVersion`] unless `version` has `def`.
pub(crate) fn check_def_version(
    def: &FieldDef,
    version: ExchangeVersion,
) -> Result<(), QueryError> {
    if def.is_supported_by(version) {
        return Ok(());
    }
    Err(QueryError::NotInVersion {
        what: format!("field {:?}", def.name),
        target: version,
        since: def.since,
        until: def.deprecated_from,
    })
}

/// `leaf` with its target resolved and its op checked.
fn check_leaf(leaf: &Leaf, table: &FieldTable) -> Result<Leaf, QueryError> {
    let (target, shape) = resolve_target(&leaf.target, table)?;
    let name = target.display();
    if let FieldRef::Def(def) = &target.field
        && !def.is_searchable()
    {
        return Err(QueryError::NotSearchable(def.name.to_owned()));
    }
    let not_valid = || QueryError::LookupNotValid {
        field: name.clone(),
        lookup: leaf.op.lookup_name(),
        kind: shape.class.name(),
    };
    let op = match &leaf.op {
        Op::Compare(op, value) => {
            let ordered = !matches!(op, CompareOp::Equal | CompareOp::NotEqual);
            if shape.class == Class::Other || (ordered && !shape.class.is_ordered()) {
                return Err(not_valid());
            }
            let value = shape
                .class
                .coerce(value)
                .ok_or_else(|| QueryError::wrong_value(&name, shape.class.name(), value))?;
            Op::Compare(*op, value)
        }
        Op::Contains { .. } if shape.class != Class::Text => return Err(not_valid()),
        Op::Excludes(_) if shape.class != Class::Int => return Err(not_valid()),
        op => op.clone(),
    };
    Ok(Leaf::new(target, op))
}

/// The target with its field resolved, and what it holds.
pub(crate) fn resolve_target(
    target: &Target,
    table: &FieldTable,
) -> Result<(Target, Shape), QueryError> {
    // A table may describe each part of physical addresses as a field of its own
    // (`contacts:PhysicalAddress:City`, as ews-model's `Contact` does): then
    // `physical_addresses__Home__city` names that field with the index `Home`.
    if let (FieldRef::Name(name), Some(part)) = (&target.field, target.part.as_deref())
        && table.get(name).is_none_or(|d| d.uri.uri() != PARTED_URI)
        && let Some((_, suffix)) = PARTS.iter().find(|(n, _)| *n == part)
        && let Some(def) = table.by_uri(&format!("{PARTED_URI}:{suffix}"))
    {
        let per_part = Target {
            field: FieldRef::Def(def),
            index: target.index.clone(),
            part: None,
        };
        return resolve_target(&per_part, table);
    }
    let def = match &target.field {
        FieldRef::Extended(uri) => {
            if target.index.is_some() || target.part.is_some() {
                return Err(bad_index(target));
            }
            let t = uri.mapi_type();
            let shape = Shape {
                class: Class::of_mapi(t),
            };
            return Ok((target.clone(), shape));
        }
        FieldRef::Name(name) => table
            .get(name)
            .ok_or_else(|| QueryError::UnknownField(name.clone()))?,
        FieldRef::Def(def) => table
            .iter()
            .find(|f| f == def)
            .ok_or_else(|| QueryError::UnknownField(def.name.to_owned()))?,
    };
    let resolved = Target {
        field: FieldRef::Def(def),
        index: target.index.clone(),
        part: target.part.clone(),
    };
    let shape = match def.uri {
        FieldUri::Unindexed(_) => {
            if target.index.is_some() || target.part.is_some() {
                return Err(bad_index(target));
            }
            Shape {
                class: Class::of(def.kind.value),
            }
        }
        FieldUri::Indexed { uri, labels } => {
            let index_ok = target.index.as_deref().is_some_and(|i| labels.contains(&i));
            let part_ok = match target.part.as_deref() {
                None => uri != PARTED_URI,
                Some(p) => uri == PARTED_URI && PARTS.iter().any(|(n, _)| *n == p),
            };
            if !index_ok || !part_ok {
                return Err(bad_index(target));
            }
            Shape { class: Class::Text }
        }
        _ => {
            return Err(QueryError::Unsupported(
                "a field URI form newer than this crate",
            ));
        }
    };
    Ok((resolved, shape))
}

fn bad_index(target: &Target) -> QueryError {
    let index = [&target.index, &target.part]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("__");
    let field = match &target.field {
        FieldRef::Def(d) => d.name.to_owned(),
        FieldRef::Name(n) => n.clone(),
        FieldRef::Extended(_) => target.display(),
    };
    QueryError::BadIndex { field, index }
}

/// The path of a resolved target (`None` for an unresolved name).
pub(crate) fn path_of(target: &Target) -> Option<FieldPath> {
    match &target.field {
        FieldRef::Name(_) => None,
        FieldRef::Extended(uri) => Some(FieldPath::Extended(uri.clone())),
        FieldRef::Def(def) => match (def.uri, &target.index) {
            (FieldUri::Unindexed(uri), None) => Some(FieldPath::field(uri)),
            (FieldUri::Indexed { uri, .. }, Some(index)) => match &target.part {
                None => Some(FieldPath::indexed(uri, index.clone())),
                Some(part) => {
                    let suffix = PARTS.iter().find(|(n, _)| n == part)?.1;
                    Some(FieldPath::indexed(format!("{uri}:{suffix}"), index.clone()))
                }
            },
            _ => None,
        },
    }
}

/// The target a path names in `table`.
pub(crate) fn target_of(path: &FieldPath, table: &FieldTable) -> Result<Target, QueryError> {
    let unknown = |uri: &str| QueryError::UnknownUri(uri.chars().take(80).collect());
    match path {
        FieldPath::Field(p) => match table.by_uri(&p.uri) {
            Some(def) if matches!(def.uri, FieldUri::Unindexed(_)) => Ok(Target::def(def)),
            _ => Err(unknown(&p.uri)),
        },
        FieldPath::Indexed(p) => {
            if let Some(def) = table.by_uri(&p.uri)
                && matches!(def.uri, FieldUri::Indexed { .. })
                && p.uri != PARTED_URI
            {
                return Ok(Target::def(def).at(p.index.clone()));
            }
            let (base, suffix) = p.uri.rsplit_once(':').ok_or_else(|| unknown(&p.uri))?;
            let part = PARTS.iter().find(|(_, s)| *s == suffix).map(|(n, _)| *n);
            match (table.by_uri(base), part) {
                (Some(def), Some(part)) if base == PARTED_URI => {
                    Ok(Target::def(def).at(p.index.clone()).part(part))
                }
                _ => Err(unknown(&p.uri)),
            }
        }
        FieldPath::Extended(uri) => Ok(Target::extended(uri.clone())),
        _ => Err(QueryError::Unsupported("a t:ExceptionFieldURI path")),
    }
}
