//! Entry points for the fuzz targets (not a public API).

use crate::operations::{OPERATIONS, parse_response};

/// Parses `data[1..]` as the response of the operation `data[0]` picks; for responses that
/// parse, writes them back and checks that a second parse gives the same value.
pub fn parse_any_response(data: &[u8]) {
    let Some((&pick, doc)) = data.split_first() else {
        return;
    };
    let operation = OPERATIONS[usize::from(pick) % OPERATIONS.len()];
    let Ok(response) = parse_response(operation, doc) else {
        return;
    };
    let mut out = Vec::new();
    let written =
        ews_xml::soap::write_response_envelope(&mut out, None, |w| response.write_body(w));
    if let Err(e) = written {
        panic!("writing a parsed {operation} response failed: {e}");
    }
    match parse_response(operation, &out) {
        Ok(again) => assert_eq!(response, again, "{operation} round trip"),
        Err(e) => panic!(
            "a written {operation} response does not parse: {e}: {}",
            String::from_utf8_lossy(&out)
        ),
    }
}
