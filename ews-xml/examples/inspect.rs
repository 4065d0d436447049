//! Reads captured EWS SOAP responses and prints what they hold: the server version, the body
//! element with its response messages, or the fault with its response code and back-off.
//!
//! ```text
//! cargo run -p ews-xml --example inspect -- FILE...
//! ```
//!
//! Exits with status 1 if any file fails to read (the error says where), 2 on bad usage.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use ews_xml::soap::{self, ResponseBody};
use ews_xml::{Name, ReadError, Reader};

/// Prints each response message of a body element: class, code and the first child names.
fn summarize_messages(r: &mut Reader<'_>) -> Result<usize, ReadError> {
    let mut count = 0;
    while let Some(child) = r.next_child()? {
        if !child.is(Name::m("ResponseMessages")) {
            r.skip_element()?;
            continue;
        }
        while let Some(msg) = r.next_child()? {
            count += 1;
            let class = msg.attr("ResponseClass").unwrap_or("?").to_owned();
            let mut code = String::new();
            let mut parts = Vec::new();
            while let Some(part) = r.next_child()? {
                if part.is(Name::m("ResponseCode")) {
                    code = r.read_text()?;
                } else {
                    parts.push(part.local_name().to_owned());
                    r.skip_element()?;
                }
            }
            println!(
                "  {} {class} {code} [{}]",
                msg.local_name(),
                parts.join(", ")
            );
        }
    }
    Ok(count)
}

fn inspect(path: &str) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let resp = soap::read_response(&bytes[..]).map_err(|e| match &e {
        soap::SoapError::Read(inner) => format!("{path}: {e}: {inner}"),
        _ => format!("{path}: {e}"),
    })?;
    println!("{path}");
    if let Some(v) = &resp.server_version {
        let n = |x: Option<i32>| x.map_or_else(|| "?".to_owned(), |x| x.to_string());
        println!(
            "  server {}.{}.{}.{} ({})",
            n(v.major_version),
            n(v.minor_version),
            n(v.major_build_number),
            n(v.minor_build_number),
            v.version.as_deref().unwrap_or("no version")
        );
    }
    match resp.body {
        ResponseBody::Fault(f) => {
            println!("  fault {}: {}", f.code, f.string.trim());
            if let Some(code) = f.response_code() {
                println!("  response code {code}");
            }
            if let Some(wait) = f.back_off() {
                println!("  back off {wait:?}");
            }
        }
        ResponseBody::Message(mut body) => {
            println!("  {}", body.start().name());
            let n = summarize_messages(body.reader()).map_err(|e| format!("{path}: {e}"))?;
            println!("  {n} response message(s)");
            body.finish().map_err(|e| format!("{path}: {e}"))?;
        }
        _ => println!("  (a body this version does not describe)"),
    }
    Ok(())
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: inspect FILE...");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for f in &files {
        if let Err(e) = inspect(f) {
            eprintln!("error: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
