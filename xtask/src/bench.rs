//! `cargo xtask bench`: each program in `bench/` run on emberpy (release
//! build, `std` backend) and on CPython 3.11 alternately, several rounds;
//! medians, ranges and the emberpy/CPython ratio.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::util::{build_emberpy, median, root};

/// Command-line options.
#[derive(clap::Args, Default, Debug)]
pub struct Options {
    /// Rounds per program.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Only programs whose name contains this text.
    #[arg(long)]
    pub filter: Option<String>,
}

fn time_once(interpreter: &Path, script: &Path) -> Result<f64, String> {
    let start = Instant::now();
    let out = Command::new(interpreter)
        .arg(script)
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", interpreter.display()))?;
    let elapsed = start.elapsed().as_secs_f64() * 1000.0;
    if !out.status.success() {
        return Err(format!(
            "{} failed on {}: {}",
            interpreter.display(),
            script.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(elapsed)
}

/// Run the benchmarks and print the table.
pub fn run(options: &Options) -> Result<(), String> {
    let emberpy = build_emberpy("std")?;
    let python = PathBuf::from("python3");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(root().join("bench"))
        .map_err(|e| format!("cannot read bench/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            options
                .filter
                .as_deref()
                .is_none_or(|f| p.to_string_lossy().contains(f))
        })
        .collect();
    scripts.sort();
    println!(
        "| {:<14} | {:>12} | {:>17} | {:>12} | {:>17} | {:>6} |",
        "program", "emberpy (ms)", "range", "CPython (ms)", "range", "ratio"
    );
    println!("|{}|", "-".repeat(96));
    let mut log_sum = 0.0;
    for script in &scripts {
        let rel = script.strip_prefix(root()).unwrap_or(script).to_path_buf();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..options.rounds.max(1) {
            ours.push(time_once(&emberpy, &rel)?);
            theirs.push(time_once(&python, &rel)?);
        }
        let (m_ours, m_theirs) = (median(&mut ours), median(&mut theirs));
        let ratio = m_ours / m_theirs;
        log_sum += ratio.ln();
        let name = script
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        println!(
            "| {:<14} | {:>12.1} | {:>7.1} – {:>7.1} | {:>12.1} | {:>7.1} – {:>7.1} | {:>6.2} |",
            name,
            m_ours,
            ours[0],
            ours[ours.len() - 1],
            m_theirs,
            theirs[0],
            theirs[theirs.len() - 1],
            ratio
        );
    }
    if !scripts.is_empty() {
        println!(
            "geometric mean of ratios: {:.2}",
            (log_sum / scripts.len() as f64).exp()
        );
    }
    Ok(())
}
