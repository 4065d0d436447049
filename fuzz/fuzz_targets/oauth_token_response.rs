//! OAuth token endpoint responses on arbitrary bytes (the first byte picks the status): no
//! panic, and the parser and the flow agree.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_auth::fuzzing::oauth_token_response(data);
});
