//! The XML reader on arbitrary bytes: no panic, and documents that read survive a
//! write-and-read-again round trip with the same events.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_xml::fuzzing::reader_round_trip(data);
});
