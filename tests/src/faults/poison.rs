//! Spoiling a response with a character XML 1.0 forbids ([`FaultKind::InvalidXmlChar`]).
//!
//! [`FaultKind::InvalidXmlChar`]: super::FaultKind::InvalidXmlChar

/// Inserts the byte 0x01 at the start of every `DisplayName` text, or of the first text
/// node when there is none.
pub(super) fn poison(xml: &[u8]) -> Vec<u8> {
    // Positions just after the `>` of start tags, with whether the tag is a DisplayName.
    let mut starts = Vec::new();
    let mut i = 0;
    while i < xml.len() {
        if xml[i] != b'<' {
            i += 1;
            continue;
        }
        let open = i;
        let mut quote = None;
        let mut end = None;
        for (j, &b) in xml.iter().enumerate().skip(open + 1) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if b == q => quote = None,
                (None, b'>') => {
                    end = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else { break };
        let tag = &xml[open + 1..end];
        let is_start =
            !matches!(tag.first(), Some(b'/' | b'?' | b'!')) && tag.last() != Some(&b'/');
        if is_start {
            let name_end = tag
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(tag.len());
            let name = &tag[..name_end];
            let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
            starts.push((end + 1, local == b"DisplayName"));
        }
        i = end + 1;
    }
    let mut at: Vec<usize> = starts
        .iter()
        .filter(|(_, display)| *display)
        .map(|(p, _)| *p)
        .collect();
    if at.is_empty() {
        at.extend(
            starts
                .iter()
                .map(|(p, _)| *p)
                .find(|&p| xml.get(p).is_some_and(|&b| b != b'<')),
        );
    }
    let mut out = Vec::with_capacity(xml.len() + at.len());
    let mut last = 0;
    for p in at {
        out.extend_from_slice(&xml[last..p]);
        out.push(0x01);
        last = p;
    }
    out.extend_from_slice(&xml[last..]);
    out
}
