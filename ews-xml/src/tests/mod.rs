//! Reader and writer tests, by concept: hostile inputs and limits first, then reading,
//! writing and SOAP documents.

use crate::Reader;

mod hostile;
mod reading;
mod soap;
mod writing;

fn read_err(doc: &[u8]) -> crate::ReadError {
    Reader::from_bytes(doc).read_to_end().unwrap_err()
}

#[test]
fn fuzz_entry_points_accept_samples() {
    crate::fuzzing::reader_round_trip(
        b"<a xmlns='urn:d' xmlns:p='urn:p' p:x='1\t2'>t&amp;<b/>\r\n<p:c>x</p:c><![CDATA[]]></a>",
    );
    crate::fuzzing::reader_round_trip(b"<a>\x01&#x2;</a>");
    crate::fuzzing::soap_response(b"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>");
}
