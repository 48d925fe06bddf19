//! Matching expected output with `*` wildcards, as the host's conformance
//! runner does, and tracebacks without their source lines.

use alloc::string::String;

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

/// `text` without the source lines of its tracebacks: the indented line
/// after each `  File "…", line N, in …` line. Code run from bytecode has
/// no source to quote, so its tracebacks name the file and line only.
pub(crate) fn without_source_lines(text: &str) -> String {
    code_lines(text).collect()
}

/// The lines of `text` (each with its newline) but for the source lines
/// of tracebacks.
pub(crate) fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut after_file_line = false;
    text.split_inclusive('\n').filter(move |line| {
        let quoted = after_file_line && line.starts_with("    ");
        after_file_line = line.starts_with("  File \"");
        !quoted
    })
}

#[cfg(test)]
mod tests {
    use super::{matches, without_source_lines};

    #[test]
    fn source_lines_leave_tracebacks() {
        let traceback = "Traceback (most recent call last):\n  File \"S13.py\", line 15, in <module>\n    raise RuntimeError(\"main failed\")\nRuntimeError: main failed\n";
        assert_eq!(
            without_source_lines(traceback),
            "Traceback (most recent call last):\n  File \"S13.py\", line 15, in <module>\nRuntimeError: main failed\n"
        );
        let printed = "  File names\n    indented\n";
        assert_eq!(without_source_lines(printed), printed);
    }

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
