//! The VM's [`Host`] on a board: a script's output is kept (up to a bound)
//! for the checks instead of going to the console.

use alloc::string::String;
use core::cell::RefCell;

use critical_section::Mutex;
use portable_atomic_util::Arc;
use vm_core::Host;

/// Bytes kept of each stream; more counts as a failure.
const LIMIT: usize = 4096;

/// What a script printed.
#[derive(Default)]
pub(crate) struct Captured {
    pub stdout: String,
    pub stderr: String,
    /// A stream went past [`LIMIT`] and was cut.
    pub truncated: bool,
}

impl Captured {
    fn push(&mut self, stderr: bool, text: &str) {
        let stream = if stderr {
            &mut self.stderr
        } else {
            &mut self.stdout
        };
        let room = LIMIT.saturating_sub(stream.len());
        if text.len() <= room {
            stream.push_str(text);
        } else {
            let mut cut = room;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            stream.push_str(&text[..cut]);
            self.truncated = true;
        }
    }
}

/// A script's output, shared by the VM's host and the suite.
#[derive(Clone)]
pub(crate) struct Capture(Arc<Mutex<RefCell<Captured>>>);

impl Capture {
    pub(crate) fn new() -> Self {
        Capture(Arc::new(Mutex::new(RefCell::new(Captured::default()))))
    }

    /// The output so far, leaving the capture empty.
    pub(crate) fn take(&self) -> Captured {
        critical_section::with(|cs| self.0.borrow(cs).take())
    }

    /// The VM's host writing into this capture.
    pub(crate) fn host(&self, platform: &'static str) -> CaptureHost {
        CaptureHost {
            capture: self.clone(),
            platform,
        }
    }

    fn push(&self, stderr: bool, text: &str) {
        critical_section::with(|cs| self.0.borrow_ref_mut(cs).push(stderr, text));
    }
}

/// The [`Host`] of a suite's VMs.
pub(crate) struct CaptureHost {
    capture: Capture,
    platform: &'static str,
}

impl Host for CaptureHost {
    fn write_stdout(&mut self, text: &str) {
        self.capture.push(false, text);
    }

    fn write_stderr(&mut self, text: &str) {
        self.capture.push(true, text);
    }

    fn platform(&self) -> &'static str {
        self.platform
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_bounded_and_taken() {
        let mut c = Captured::default();
        c.push(false, "ab");
        c.push(true, "é");
        assert_eq!((c.stdout.as_str(), c.stderr.as_str()), ("ab", "é"));
        let long = "x".repeat(LIMIT);
        c.push(false, &long);
        assert!(c.truncated);
        assert_eq!(c.stdout.len(), LIMIT);
    }
}
