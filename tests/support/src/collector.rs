//! Batching documents for one schema-gate run.

use std::fmt;

use crate::gate::assert_all_valid;

/// Gathers EWS documents during a test and validates them all in one
/// schema-gate run (one schema compilation), with [`assert_all_valid`].
///
/// Call [`finish`](Self::finish) at the end of the test. A collector dropped
/// without `finish` validates in its destructor, unless the thread is already
/// panicking (so a failing test does not double-panic).
///
/// ```
/// let mut docs = ews_test_support::Collector::new();
/// for folder in ["inbox", "drafts"] {
///     let xml = format!(
///         r#"<m:GetFolder xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
///              xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
///            <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
///            <m:FolderIds><t:DistinguishedFolderId Id="{folder}"/></m:FolderIds>
///          </m:GetFolder>"#
///     );
///     docs.add(format!("getfolder-{folder}"), xml);
/// }
/// docs.finish();
/// ```
#[derive(Default)]
pub struct Collector {
    /// `(name, document)` pairs not yet validated.
    docs: Vec<(String, Vec<u8>)>,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a document; `name` identifies it in the failure report.
    pub fn add(&mut self, name: impl Into<String>, doc: impl Into<Vec<u8>>) {
        self.docs.push((name.into(), doc.into()));
    }

    /// How many documents are waiting to be validated.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no documents are waiting to be validated.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Validates all collected documents in one run.
    ///
    /// # Panics
    ///
    /// Like [`assert_all_valid`]: with the report when a document is invalid,
    /// or when the gate is unavailable while `EWS_REQUIRE_SCHEMA=1`.
    pub fn finish(mut self) {
        self.validate_pending();
    }

    /// Validates and clears the pending documents.
    fn validate_pending(&mut self) {
        let docs = std::mem::take(&mut self.docs);
        if docs.is_empty() {
            return;
        }
        let refs: Vec<(&str, &[u8])> = docs
            .iter()
            .map(|(name, doc)| (name.as_str(), doc.as_slice()))
            .collect();
        assert_all_valid(&refs);
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.validate_pending();
        }
    }
}

impl fmt::Debug for Collector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let docs: Vec<(&str, usize)> = self
            .docs
            .iter()
            .map(|(name, doc)| (name.as_str(), doc.len()))
            .collect();
        f.debug_struct("Collector").field("docs", &docs).finish()
    }
}
