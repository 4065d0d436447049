//! Tests of the Exchange versions and builds.

use super::*;

#[test]
fn builds_parse_order_and_map_to_schema_versions() {
    use ExchangeVersion as V;
    let cases = [
        ("8.0.685.24", V::Exchange2007, Product::Exchange2007),
        ("8.3.83.6", V::Exchange2007Sp1, Product::Exchange2007),
        ("14.0.639.21", V::Exchange2010, Product::Exchange2010),
        ("14.1.218.15", V::Exchange2010Sp1, Product::Exchange2010),
        ("14.3.123.4", V::Exchange2010Sp2, Product::Exchange2010),
        ("15.0.516.32", V::Exchange2013, Product::Exchange2013),
        ("15.0.847.32", V::Exchange2013Sp1, Product::Exchange2013),
        ("15.1.2507.6", V::Exchange2016, Product::Exchange2016),
        ("15.2.1544.4", V::Exchange2016, Product::Exchange2019),
        ("15.20.7249.22", V::Exchange2016, Product::ExchangeOnline),
        ("16.0", V::Exchange2016, Product::Unknown),
    ];
    for (text, api, product) in cases {
        let b: Build = text.parse().unwrap();
        assert_eq!(b.to_string().parse::<Build>().unwrap(), b);
        assert_eq!((b.api_version(), b.product()), (api, product), "{text}");
    }
    assert!("15.1".parse::<Build>().unwrap() < "15.1.0.1".parse().unwrap());
    for bad in ["", "15", "15.x", "1.2.3.4.5", "70000.1", "-1.0"] {
        assert!(bad.parse::<Build>().is_err(), "{bad}");
    }
}

#[test]
fn versions_are_ordered_as_the_schema_lists_them() {
    let all = ExchangeVersion::ALL;
    assert_eq!(all.len(), 21);
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    for v in all {
        assert_eq!(ExchangeVersion::from_name(v.as_str()), Some(*v));
        assert_eq!(ExchangeVersion::from_xml_value(v.as_str()), Ok(*v));
    }
    assert_eq!(ExchangeVersion::from_name("Exchange2019"), None);
    assert!(ExchangeVersion::from_xml_value("exchange2016").is_err());
}

#[test]
fn server_version_info_forms() {
    let info = |major, minor, version: Option<&str>| {
        let mut info = ServerVersionInfo::default();
        (info.major_version, info.minor_version) = (major, minor);
        (info.major_build_number, info.minor_build_number) = (Some(944), Some(11));
        info.version = version.map(str::to_owned);
        info
    };
    // Exchange 2013 reports V2_xx, outside the schema: the build decides.
    let v = Version::from_server_version_info(&info(Some(15), Some(0), Some("V2_12"))).unwrap();
    assert_eq!(v.api_version, ExchangeVersion::Exchange2013Sp1);
    // Exchange Online: a schema value with build 15.20.
    let v =
        Version::from_server_version_info(&info(Some(15), Some(20), Some("V2017_07_11"))).unwrap();
    assert_eq!(v.api_version, ExchangeVersion::V2017_07_11);
    assert_eq!(v.build.unwrap().product(), Product::ExchangeOnline);
    assert!(v.supports(ExchangeVersion::Exchange2013Sp1));
    // A version without a build, a build without a version, neither.
    let v = Version::from_server_version_info(&info(None, None, Some("Exchange2010_SP2")));
    assert_eq!(
        v.map(|v| v.api_version),
        Some(ExchangeVersion::Exchange2010Sp2)
    );
    let v = Version::from_server_version_info(&info(Some(14), Some(2), None)).unwrap();
    assert_eq!(v.api_version, ExchangeVersion::Exchange2010Sp2);
    assert_eq!(
        Version::from_server_version_info(&info(None, None, Some("V2_1"))),
        None
    );
    // Hostile numbers are not builds.
    assert_eq!(
        Version::from_server_version_info(&info(Some(-1), Some(99999), None)),
        None
    );
}

#[test]
fn every_fixture_server_version_reads() {
    let mut seen = 0;
    for path in ews_test_support::ms_docs(None, "response-") {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(resp) = ews_xml::soap::read_response(&bytes[..]) else {
            continue;
        };
        if let Some(info) = resp.server_version {
            let v = Version::from_server_version_info(&info)
                .unwrap_or_else(|| panic!("{}: {info:?}", path.display()));
            assert!(v.build.is_some(), "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen > 0 || !ews_test_support::require_schema());
}
