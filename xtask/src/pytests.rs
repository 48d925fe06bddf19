//! The Python behaviour tests: `tests/py/NAME.py` with the output CPython
//! 3.11 gives, committed as `NAME.out` (stdout) and, when the program ends
//! with an uncaught exception, `NAME.err` (the exit status and the last
//! line of stderr, the exception itself).
//!
//! `tests/py/KNOWN_FAILURES` lists programs that cannot pass yet, one per
//! line as `NAME: reason`; such a program that starts passing fails the run
//! until it is taken off the list, so the list only shrinks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{build_emberpy, root};

/// Command-line options.
#[derive(clap::Args, Default, Debug)]
pub struct Options {
    /// Only tests whose name contains this text.
    #[arg(long)]
    pub filter: Option<String>,
    /// Show the output difference of each failure.
    #[arg(long)]
    pub verbose: bool,
}

fn dir() -> PathBuf {
    root().join("tests").join("py")
}

fn programs(filter: Option<&str>) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .map_err(|e| format!("cannot read tests/py: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            filter.is_none_or(|f| {
                p.file_stem()
                    .is_some_and(|s| s.to_string_lossy().contains(f))
            })
        })
        .collect();
    files.sort();
    Ok(files)
}

fn known_failures() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir().join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(n, why)| (n.trim().to_string(), why.trim().to_string()))
        .collect()
}

/// What a run gave, in the form the expected files hold.
struct Observed {
    stdout: String,
    err: String,
}

fn observe(interpreter: &Path, script: &Path) -> Result<Observed, String> {
    let out = Command::new(interpreter)
        .arg(script.file_name().unwrap_or_default())
        .current_dir(dir())
        .env("PYTHONHASHSEED", "0")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", interpreter.display()))?;
    let status = out.status.code().unwrap_or(-1);
    let err = if status == 0 {
        String::new()
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().last().unwrap_or("").to_string();
        format!("exit {status}\n{last}\n")
    };
    Ok(Observed {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    })
}

/// Run every test against emberpy.
pub fn run(options: &Options) -> Result<(), String> {
    let binary = build_emberpy("std")?;
    let known = known_failures();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut expected_failures = 0;
    let files = programs(options.filter.as_deref())?;
    for script in &files {
        let name = script
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let want_out = std::fs::read_to_string(script.with_extension("out"))
            .map_err(|_| format!("{name}: no .out file (run `cargo xtask regen-py`)"))?;
        let want_err = std::fs::read_to_string(script.with_extension("err")).unwrap_or_default();
        let got = observe(&binary, script)?;
        let ok = got.stdout == want_out && got.err == want_err;
        match (ok, known.get(&name)) {
            (true, None) => passed += 1,
            (true, Some(_)) => failures.push(format!(
                "{name}: passes now; remove it from tests/py/KNOWN_FAILURES"
            )),
            (false, Some(_)) => expected_failures += 1,
            (false, None) => {
                let mut msg = format!("{name}: output differs from CPython's");
                if options.verbose {
                    msg.push_str(&format!(
                        "\n--- expected stdout\n{want_out}--- got stdout\n{}--- expected err\n{want_err}--- got err\n{}",
                        got.stdout, got.err
                    ));
                }
                failures.push(msg);
            }
        }
    }
    println!(
        "python tests: {passed} passed, {} failed, {expected_failures} known failures, {} programs",
        failures.len(),
        files.len()
    );
    if failures.is_empty() {
        Ok(())
    } else {
        for f in &failures {
            eprintln!("FAIL {f}");
        }
        Err(format!("{} Python test(s) failed", failures.len()))
    }
}

/// Rewrite every `.out` / `.err` file from CPython's behaviour.
pub fn regenerate() -> Result<(), String> {
    let version = Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !version.starts_with("Python 3.11") {
        return Err(format!(
            "CPython 3.11 is the oracle; python3 is {version:?}"
        ));
    }
    for script in programs(None)? {
        let got = observe(Path::new("python3"), &script)?;
        std::fs::write(script.with_extension("out"), &got.stdout).map_err(|e| e.to_string())?;
        let err_path = script.with_extension("err");
        if got.err.is_empty() {
            let _ = std::fs::remove_file(err_path);
        } else {
            std::fs::write(err_path, &got.err).map_err(|e| e.to_string())?;
        }
    }
    println!("regenerated expected output with {}", version.trim());
    Ok(())
}
