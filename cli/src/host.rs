//! The CLI's [`Host`]: standard output and error, and user modules found
//! next to the script.

use std::io::Write;
use std::path::PathBuf;

use vm_core::Host;

/// Output to the process's streams; modules from one directory.
pub struct CliHost {
    stdout: std::io::BufWriter<std::io::Stdout>,
    module_dir: PathBuf,
}

impl CliHost {
    /// A host that imports user modules from `module_dir`.
    pub fn new(module_dir: PathBuf) -> Self {
        CliHost {
            stdout: std::io::BufWriter::new(std::io::stdout()),
            module_dir,
        }
    }
}

impl Host for CliHost {
    fn write_stdout(&mut self, text: &str) {
        let _ = self.stdout.write_all(text.as_bytes());
        if text.contains('\n') && text.len() < 4096 {
            // Keep output visible line by line without a syscall per print
            // of long runs: flush on newlines only.
            let _ = self.stdout.flush();
        }
    }

    fn write_stderr(&mut self, text: &str) {
        let _ = self.stdout.flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    fn read_module(&mut self, name: &str) -> Option<(String, String)> {
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return None;
        }
        let path = self.module_dir.join(format!("{name}.py"));
        let source = std::fs::read_to_string(&path).ok()?;
        Some((path.display().to_string(), source))
    }

    fn platform(&self) -> &'static str {
        std::env::consts::OS
    }
}

impl Drop for CliHost {
    fn drop(&mut self) {
        let _ = self.stdout.flush();
    }
}
