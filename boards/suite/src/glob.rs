//! Matching expected output with `*` wildcards, as the host's conformance
//! runner does.

/// Whether `text` matches `pattern` line by line, where `*` matches any run
/// of characters within a line.
pub(crate) fn matches(pattern: &str, text: &str) -> bool {
    let mut p = pattern.lines();
    let mut t = text.lines();
    loop {
        match (p.next(), t.next()) {
            (None, None) => return true,
            (Some(p), Some(t)) if line_matches(p, t) => {}
            _ => return false,
        }
    }
}

fn line_matches(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let mut parts = parts.peekable();
    if parts.peek().is_none() {
        return rest.is_empty();
    }
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn globs_match_within_lines_only() {
        assert!(matches("a *\nb", "a xyz\nb"));
        assert!(matches("<f at 0x*>", "<f at 0x7f00>"));
        assert!(matches(
            "  File \"*S13.py\", line 15",
            "  File \"S13.py\", line 15"
        ));
        assert!(!matches("a *", "a x\nextra"));
        assert!(!matches("x*y", "xz"));
        assert!(!matches("abc", "abcd"));
        assert!(matches("", ""));
    }
}
