//! What to run: source text or precompiled bytecode, with its file name,
//! `sys.argv` and the directory its imports come from.

use std::path::{Path, PathBuf};

use sched_api::ThreadId;
use vm_core::bytecode::CodeProto;
use vm_core::{Vm, ebc};

/// The program's code.
pub enum Code {
    /// Python source.
    Source(String),
    /// A precompiled `.ebc` module.
    Compiled(Box<CodeProto>),
}

/// A program ready to run.
pub struct Program {
    /// Its code.
    pub code: Code,
    /// The file name tracebacks show.
    pub filename: String,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Where `import` looks for the script's own modules.
    pub module_dir: PathBuf,
}

impl Program {
    /// `-c CODE args…`.
    pub fn inline(code: &str, args: &[String]) -> Program {
        let mut argv = vec![String::from("-c")];
        argv.extend(args.iter().cloned());
        Program {
            code: Code::Source(code.to_string()),
            filename: String::from("<string>"),
            argv,
            module_dir: PathBuf::from("."),
        }
    }

    /// A script file (source or bytecode, told apart by content) and its
    /// arguments; `args[0]` is the script.
    pub fn file(args: &[String]) -> Result<Program, String> {
        let script = &args[0];
        let bytes = std::fs::read(script)
            .map_err(|e| format!("emberpy: can't open file '{script}': {e}"))?;
        let code = if ebc::is_bytecode(&bytes) {
            Code::Compiled(Box::new(
                ebc::read(&bytes).map_err(|e| format!("emberpy: {script}: {e}"))?,
            ))
        } else {
            Code::Source(
                String::from_utf8(bytes)
                    .map_err(|_| format!("emberpy: {script}: the file is not UTF-8 text"))?,
            )
        };
        let module_dir = Path::new(script)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Ok(Program {
            code,
            filename: script.clone(),
            argv: args.to_vec(),
            module_dir,
        })
    }

    /// Prepare the main thread on `vm`; `Err` carries the exit status after
    /// a syntax error.
    pub fn load(&self, vm: &mut Vm) -> Result<ThreadId, i32> {
        match &self.code {
            Code::Source(s) => vm.load_main(s, &self.filename, self.argv.clone()),
            Code::Compiled(c) => {
                let main = vm.load_main_code(c, self.argv.clone())?;
                // Like CPython running a `.pyc`: tracebacks quote the
                // source file the code was compiled from, if it is there.
                if let Ok(source) = std::fs::read_to_string(&c.filename) {
                    vm.add_traceback_source(&c.filename, &source);
                }
                Ok(main)
            }
        }
    }
}
