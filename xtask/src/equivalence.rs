//! `cargo xtask equivalence`: a script compiled to bytecode behaves as its
//! source. Each program (some Python behaviour tests and every thread
//! conformance scenario a script can run alone) is compiled with
//! `emberpy compile` by every host backend's binary, which must write the
//! same bytes, and then run as source and as `.ebc` on every backend: the
//! standard output, standard error and exit status must be identical. (A
//! traceback through code from an `.ebc` quotes the source file the code
//! was compiled from when it is there, as CPython does for a `.pyc`, so
//! even tracebacks compare exactly.)
//!
//! The emulated boards make the same comparison on the board: see
//! `boards/suite` and `cargo xtask boards`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::util::{build_emberpy, root};

/// The host backends.
const BACKENDS: [&str; 3] = ["std", "embassy", "freertos"];

/// Python behaviour tests (`tests/py`) compared: arithmetic, classes,
/// closures, generators, exceptions and their tracebacks, formatting,
/// `sys.exit`. (Tests that import the script's own modules are left out:
/// a compiled script imports from the directory of its `.ebc`.)
const PROGRAMS: [&str; 16] = [
    "arith_float",
    "int_big",
    "class_super_diamond",
    "class_descriptors",
    "closure_nonlocal",
    "comp_scope",
    "gen_yield_from_throw",
    "with_generator_manager",
    "exc_context_chain",
    "exc_chain_uncaught",
    "err_in_nested_calls",
    "err_generator_uncaught",
    "fstring_format",
    "str_format_spec",
    "global_name_cache",
    "sys_exit_code",
];

/// Longest one run may take.
const TIMEOUT: Duration = Duration::from_secs(120);

/// One program to compare: its source and the command-line options it
/// runs with.
struct Program {
    name: String,
    source: PathBuf,
    options: Vec<String>,
}

/// What one run printed and how it ended.
#[derive(PartialEq, Eq, Debug)]
struct Run {
    stdout: String,
    stderr: String,
    status: Option<i32>,
}

/// Run the comparison on every host backend.
pub fn run() -> Result<(), String> {
    let programs = programs()?;
    let binaries = BACKENDS
        .iter()
        .map(|b| Ok((*b, build_emberpy(b)?)))
        .collect::<Result<Vec<_>, String>>()?;
    let dir = root().join("target").join("equivalence");
    let mut failures = Vec::new();
    let mut compiled = Vec::new();
    for program in &programs {
        let mut first: Option<(Vec<u8>, PathBuf)> = None;
        for (backend, binary) in &binaries {
            let out = dir.join(backend).join(format!("{}.ebc", program.name));
            let bytes = compile(binary, &program.source, &out)?;
            match &first {
                None => first = Some((bytes, out)),
                Some((reference, _)) if *reference != bytes => failures.push(format!(
                    "{}: `emberpy compile` of the {backend} build wrote other bytes than the std build's",
                    program.name
                )),
                Some(_) => {}
            }
        }
        if let Some((_, ebc)) = first {
            compiled.push((program, ebc));
        }
    }
    println!(
        "\n| {:<24} | {:<10} | {:<10} | {:<10} |",
        "program (source vs .ebc)", BACKENDS[0], BACKENDS[1], BACKENDS[2]
    );
    println!("|{}|", "-".repeat(65));
    for (program, ebc) in &compiled {
        let mut cells = Vec::new();
        for (backend, binary) in &binaries {
            let source = execute(binary, &program.options, &program.source)?;
            let bytecode = execute(binary, &program.options, ebc)?;
            if source == bytecode && source.status.is_some() {
                cells.push(format!("same ({})", source.status.unwrap_or(-1)));
            } else {
                cells.push(String::from("DIFFERENT"));
                failures.push(format!(
                    "{} on {backend}: source {source:?}, bytecode {bytecode:?}",
                    program.name
                ));
            }
        }
        println!(
            "| {:<24} | {:<10} | {:<10} | {:<10} |",
            program.name, cells[0], cells[1], cells[2]
        );
    }
    if failures.is_empty() {
        println!(
            "equivalence: {} programs give the same output as source and as bytecode on {} backends",
            compiled.len(),
            binaries.len()
        );
        Ok(())
    } else {
        for f in &failures {
            eprintln!("FAIL {f}");
        }
        Err(format!("{} equivalence check(s) failed", failures.len()))
    }
}

/// The programs: [`PROGRAMS`] and the conformance scenarios, but for those
/// that need the host to stop them (their output depends on when the
/// signal lands).
fn programs() -> Result<Vec<Program>, String> {
    let mut out: Vec<Program> = PROGRAMS
        .iter()
        .map(|name| Program {
            name: String::from(*name),
            source: PathBuf::from("tests/py").join(format!("{name}.py")),
            options: Vec::new(),
        })
        .collect();
    let dir = root().join("conformance").join("scenarios");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    specs.sort();
    for spec in specs {
        let text =
            std::fs::read_to_string(&spec).map_err(|e| format!("{}: {e}", spec.display()))?;
        let table: toml::Table = text
            .parse()
            .map_err(|e| format!("{}: {e}", spec.display()))?;
        if table.contains_key("stop_after_line") {
            continue;
        }
        let mut options: Vec<String> = table
            .get("args")
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str().map(String::from))
            .collect();
        if let Some(repeat) = table.get("repeat").and_then(toml::Value::as_integer) {
            options.extend([String::from("--repeat"), repeat.to_string()]);
        }
        let name = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Program {
            source: PathBuf::from("conformance/scenarios").join(format!("{name}.py")),
            name,
            options,
        });
    }
    Ok(out)
}

/// `emberpy compile source -o out` with `binary`; the bytes written.
fn compile(binary: &Path, source: &Path, out: &Path) -> Result<Vec<u8>, String> {
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    crate::util::run(
        Command::new(binary)
            .arg("compile")
            .arg(source)
            .arg("-o")
            .arg(out),
    )?;
    std::fs::read(out).map_err(|e| format!("cannot read {}: {e}", out.display()))
}

/// Run `binary options… script` in the workspace root; a run that takes
/// longer than [`TIMEOUT`] is killed and has no status.
fn execute(binary: &Path, options: &[String], script: &Path) -> Result<Run, String> {
    let mut child = Command::new(binary)
        .current_dir(root())
        .args(options)
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let stdout = std::thread::spawn(move || read_all(stdout));
    let stderr = std::thread::spawn(move || read_all(stderr));
    let status =
        match crate::util::wait_with_timeout(&mut child, TIMEOUT, Duration::from_millis(5))? {
            (status, false) => status.code(),
            (_, true) => None,
        };
    Ok(Run {
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        status,
    })
}

/// Everything `stream` gives, as text.
fn read_all(mut stream: impl Read) -> String {
    let mut text = String::new();
    let _ = stream.read_to_string(&mut text);
    text
}
