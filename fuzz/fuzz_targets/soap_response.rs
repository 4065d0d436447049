//! SOAP envelope and fault parsing on arbitrary bytes: no panic, and faults that read
//! survive a write-and-read-again round trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    ews_xml::fuzzing::soap_response(data);
});
