//! Every modelled operation's response parser on arbitrary bytes (the first byte picks the
//! operation): no panic, and what parses survives a write-and-parse-again round trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_model::fuzzing::parse_any_response(data);
});
