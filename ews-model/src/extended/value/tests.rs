//! Tests of extended property values.

use super::*;

#[test]
fn numbers_by_type() {
    assert_eq!(
        ExtendedValue::parse_one(MapiType::Short, " -32768 "),
        Ok(ExtendedValue::Int(-32768))
    );
    assert!(matches!(
        ExtendedValue::parse_one(MapiType::Short, "32768"),
        Err(ExtendedError::OutOfRange { .. })
    ));
    assert!(matches!(
        ExtendedValue::parse_one(MapiType::Integer, "1.5"),
        Err(ExtendedError::InvalidValue { .. })
    ));
    assert_eq!(
        ExtendedValue::parse_one(MapiType::Double, "1E+20"),
        Ok(ExtendedValue::Float(1e20))
    );
    assert!(ExtendedValue::parse_one(MapiType::Double, "inf").is_err());
    assert!(matches!(
        ExtendedValue::parse_one(MapiType::Float, "1e39"),
        Err(ExtendedError::OutOfRange { .. })
    ));
    assert_eq!(
        ExtendedValue::Float(0.1).to_texts(MapiType::Float),
        Ok(vec!["0.1".to_owned()])
    );
    assert_eq!(
        ExtendedValue::Error(0x8004_010F).to_texts(MapiType::Error),
        Ok(vec!["-2147221233".to_owned()])
    );
    assert_eq!(
        ExtendedValue::parse_one(MapiType::Error, "0x8004010F"),
        Ok(ExtendedValue::Error(0x8004_010F))
    );
    assert_eq!(
        ExtendedValue::parse_one(MapiType::Boolean, "True"),
        Ok(ExtendedValue::Bool(true))
    );
}

#[test]
fn cardinality_and_fit() {
    assert_eq!(
        ExtendedValue::parse(MapiType::Integer, &["1", "2"]),
        Err(ExtendedError::ValueCount(MapiType::Integer, 2))
    );
    assert_eq!(
        ExtendedValue::parse::<&str>(MapiType::StringArray, &[]),
        Ok(ExtendedValue::StringArray(vec![]))
    );
    assert_eq!(
        ExtendedValue::StringArray(vec![]).to_texts(MapiType::StringArray),
        Err(ExtendedError::EmptyArray(MapiType::StringArray))
    );
    assert!(matches!(
        ExtendedValue::String("x".into()).to_texts(MapiType::Integer),
        Err(ExtendedError::TypeMismatch { .. })
    ));
}
