//! The NTLM client on arbitrary CHALLENGE_MESSAGE bytes: no panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_auth::fuzzing::ntlm_challenge(data);
});
