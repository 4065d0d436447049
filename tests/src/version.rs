//! The server's version: what `ServerVersionInfo` reports and the newest
//! `RequestServerVersion` it takes.

use ews_model::version::{Build, ExchangeVersion, Product};
use ews_xml::soap::ServerVersionInfo;

/// The newest `RequestServerVersion` a build takes: its own version, and for Exchange Online
/// builds (15.20 and later) the newest dated schema.
pub(crate) fn newest_version(build: Build) -> ExchangeVersion {
    match (build.product(), ExchangeVersion::ALL.last()) {
        (Product::ExchangeOnline, Some(newest)) => *newest,
        _ => build.api_version(),
    }
}

/// The `ServerVersionInfo` header every response carries.
pub(crate) fn server_version_info(build: Build) -> ServerVersionInfo {
    let mut v = ServerVersionInfo::default();
    v.major_version = Some(i32::from(build.major));
    v.minor_version = Some(i32::from(build.minor));
    v.major_build_number = Some(i32::from(build.major_build));
    v.minor_build_number = Some(i32::from(build.minor_build));
    v.version = Some(newest_version(build).as_str().to_owned());
    v
}
