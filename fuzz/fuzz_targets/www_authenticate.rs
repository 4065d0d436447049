//! `WWW-Authenticate` parsing on arbitrary bytes (header values split on `\n`): no panic,
//! and what parses survives a write-and-parse-again round trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_auth::fuzzing::www_authenticate(data);
});
