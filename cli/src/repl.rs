//! The interactive prompt: `>>>` and `...` for continued blocks, values of
//! expression statements echoed, tracebacks without exiting, line editing
//! and history, Ctrl-C to interrupt a running entry (its threads are
//! cancelled as at the end of a script), Ctrl-D to leave.
//!
//! Every entry is one run on the VM's session, so globals persist while
//! each entry keeps the thread contract.

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;
use vm_core::Vm;

use crate::backend::Runtime;

/// Whether `buffer` needs more lines: the parser saw it end too early, or
/// it opened a block that only an empty line closes (as in CPython).
fn needs_more(buffer: &str) -> bool {
    match vm_core::parser::parse_module(buffer) {
        Err(e) if e.incomplete => true,
        _ => {
            let opens_block = buffer.trim_end().ends_with(':')
                || buffer
                    .lines()
                    .next()
                    .is_some_and(|l| l.trim_end().ends_with(':'));
            opens_block && !buffer.ends_with("\n\n")
        }
    }
}

/// Run the prompt until end of input; returns the exit status.
pub fn run(mut vm: Vm, runtime: &Runtime) -> i32 {
    println!(
        "emberpy {} on {} — Ctrl-D to exit",
        crate::VERSION,
        std::env::consts::OS
    );
    let Ok(mut editor) = DefaultEditor::new() else {
        eprintln!("emberpy: cannot open the terminal");
        return 1;
    };
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        match editor.readline(prompt) {
            Ok(line) => {
                if buffer.is_empty() && line.trim().is_empty() {
                    continue;
                }
                buffer.push_str(&line);
                buffer.push('\n');
                if needs_more(&buffer) {
                    continue;
                }
                let _ = editor.add_history_entry(buffer.trim_end());
                let entry = std::mem::take(&mut buffer);
                if let Ok(main) = vm.load_entry(&entry, "<stdin>", true) {
                    vm = runtime.run(vm, main);
                    vm.finish_run();
                }
            }
            Err(ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt");
                buffer.clear();
            }
            Err(ReadlineError::Eof) => {
                println!();
                return 0;
            }
            Err(e) => {
                eprintln!("emberpy: {e}");
                return 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    #[test]
    fn blocks_continue_until_an_empty_line() {
        assert!(!needs_more("x = 1\n"));
        assert!(needs_more("def f():\n"));
        assert!(needs_more("def f():\n    return 1\n"));
        assert!(!needs_more("def f():\n    return 1\n\n"));
        assert!(needs_more("x = (1,\n"));
        assert!(!needs_more("x = (1,\n 2)\n"));
        assert!(
            !needs_more("x = )\n"),
            "a plain syntax error is reported at once"
        );
    }
}
