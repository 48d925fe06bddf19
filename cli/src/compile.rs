//! `emberpy compile script.py -o script.ebc`: write precompiled bytecode.

use std::process::ExitCode;

use clap::Parser;
use vm_core::ebc;

/// Arguments of `emberpy compile`.
#[derive(Parser, Debug)]
#[command(
    name = "emberpy compile",
    about = "Compile a Python script to emberpy bytecode (.ebc)"
)]
struct CompileArgs {
    /// The Python source file.
    script: String,
    /// Where to write the bytecode (default: the script with `.ebc`).
    #[arg(short = 'o', value_name = "OUT")]
    out: Option<String>,
}

/// Run `emberpy compile` with the arguments after `compile`.
pub fn main(args: &[String]) -> ExitCode {
    let args = CompileArgs::parse_from(
        std::iter::once("emberpy compile".to_string()).chain(args.iter().cloned()),
    );
    let source = match std::fs::read_to_string(&args.script) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("emberpy: can't open file '{}': {e}", args.script);
            return ExitCode::from(2);
        }
    };
    let code = match vm_core::compiler::compile_module(&source, &args.script) {
        Ok(c) => c,
        Err(e) => {
            eprint!(
                "{}",
                vm_core::interp::unwind::format_syntax_error(&e, &args.script, &source)
            );
            return ExitCode::from(1);
        }
    };
    let out = args.out.unwrap_or_else(|| {
        let stem = args.script.strip_suffix(".py").unwrap_or(&args.script);
        format!("{stem}.ebc")
    });
    if let Err(e) = std::fs::write(&out, ebc::write(&code)) {
        eprintln!("emberpy: can't write '{out}': {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
