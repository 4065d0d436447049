//! Parses captured EWS responses and prints them as JSON.
//!
//! ```text
//! cargo run -p ews-model --example parse_response -- OPERATION FILE...
//! ```
//!
//! `OPERATION` is the EWS operation name (`GetItem`, `FindFolder`, ...). Exits with status 1 if
//! any file fails to parse (the error says where), 2 on bad usage.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use ews_model::operations::{OPERATIONS, parse_response};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(operation), files) = (args.next(), args.collect::<Vec<_>>()) else {
        eprintln!(
            "usage: parse_response OPERATION FILE...\noperations: {}",
            OPERATIONS.join(", ")
        );
        return ExitCode::from(2);
    };
    if files.is_empty() || !OPERATIONS.contains(&operation.as_str()) {
        eprintln!(
            "usage: parse_response OPERATION FILE...\noperations: {}",
            OPERATIONS.join(", ")
        );
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let parsed = std::fs::read(file)
            .map_err(|e| format!("cannot read {file}: {e}"))
            .and_then(|bytes| {
                parse_response(&operation, &bytes).map_err(|e| {
                    let mut msg = format!("{file}: {e}");
                    let mut source = std::error::Error::source(&e);
                    while let Some(s) = source {
                        msg.push_str(&format!(": {s}"));
                        source = s.source();
                    }
                    msg
                })
            });
        match parsed.and_then(|r| serde_json::to_string_pretty(&r).map_err(|e| e.to_string())) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
