#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_query::fuzzing::restriction(data);
});
