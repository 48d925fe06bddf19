//! `cargo xtask boards`: build every firmware of `boards/` (the hardware
//! configurations too, build only), lint it for its target, run the
//! emulated ones (QEMU for the STM32F405, rp2040js for the RP2040) and
//! print one result table per board × scheduler pair from the lines the
//! firmware prints. Fails on any failed scenario, missing line, timeout,
//! wrong pin toggle count, or a bytecode run that printed something else
//! than its source run.
//!
//! Each firmware freezes its scripts in a [`Frozen`] form: as bytecode
//! (no compiler on the board), as source (with the compiler), or both, in
//! which case every scenario runs in both forms and the board compares the
//! two runs. `--frozen` builds every firmware in one form instead.
//!
//! `cargo xtask size`: the same builds, then each firmware's flash, static
//! RAM and heap from its ELF file, and what its flash is made of.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::util::{cargo, root, run};

/// The cargo profile of every firmware (root `Cargo.toml`).
const PROFILE: &str = "firmware";
/// How long one emulator run may take.
const TIMEOUT: Duration = Duration::from_secs(900);
/// The RP2040 harness, relative to the workspace root.
const HARNESS: &str = "boards/rp2040/harness";

/// The crates every firmware is built from, besides its own.
const BOARD_CRATES: [&str; 3] = [
    "emberpy-machine",
    "emberpy-board-suite",
    "emberpy-board-memory",
];

/// How a firmware runs, if it does here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Emulator {
    /// Built only: real hardware.
    None,
    /// QEMU's `netduinoplus2`, output and exit status through semihosting.
    Qemu,
    /// rp2040js through `boards/rp2040/harness/run.mjs`.
    Rp2040js,
}

/// How a firmware freezes its scripts (its cargo features `source` and
/// `bytecode`).
#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Frozen {
    /// Source, compiled on the board: the firmware carries the compiler.
    Source,
    /// Bytecode compiled at build time: no compiler on the board.
    Bytecode,
    /// Both: every scenario runs from source and from bytecode, and the
    /// two runs are compared.
    Both,
}

impl Frozen {
    /// The firmware's cargo features for this form.
    fn features(self) -> &'static str {
        match self {
            Frozen::Source => "source",
            Frozen::Bytecode => "bytecode",
            Frozen::Both => "source,bytecode",
        }
    }
}

/// One firmware configuration.
struct Firmware {
    /// Its name in tables and file names.
    name: &'static str,
    /// The board, as the firmware reports it.
    board: &'static str,
    /// The scheduler backend.
    scheduler: &'static str,
    package: &'static str,
    target: &'static str,
    /// The scheduler and board features.
    features: &'static str,
    /// How the scripts are frozen, unless `--frozen` says otherwise.
    frozen: Frozen,
    emulator: Emulator,
}

/// Every firmware, in build order.
const FIRMWARE: [Firmware; 5] = [
    Firmware {
        name: "stm32-qemu-embassy",
        board: "stm32-qemu",
        scheduler: "embassy",
        package: "emberpy-stm32",
        target: "thumbv7em-none-eabihf",
        features: "embassy,qemu",
        frozen: Frozen::Both,
        emulator: Emulator::Qemu,
    },
    Firmware {
        name: "stm32-qemu-freertos",
        board: "stm32-qemu",
        scheduler: "freertos",
        package: "emberpy-stm32",
        target: "thumbv7em-none-eabihf",
        features: "freertos,qemu",
        frozen: Frozen::Bytecode,
        emulator: Emulator::Qemu,
    },
    Firmware {
        name: "stm32-hw-embassy",
        board: "stm32",
        scheduler: "embassy",
        package: "emberpy-stm32",
        target: "thumbv7em-none-eabihf",
        features: "embassy,hw",
        frozen: Frozen::Bytecode,
        emulator: Emulator::None,
    },
    Firmware {
        name: "stm32-hw-freertos",
        board: "stm32",
        scheduler: "freertos",
        package: "emberpy-stm32",
        target: "thumbv7em-none-eabihf",
        features: "freertos,hw",
        frozen: Frozen::Bytecode,
        emulator: Emulator::None,
    },
    Firmware {
        name: "rp2040-embassy",
        board: "rp2040",
        scheduler: "embassy",
        package: "emberpy-rp2040",
        target: "thumbv6m-none-eabi",
        features: "embassy",
        frozen: Frozen::Bytecode,
        emulator: Emulator::Rp2040js,
    },
];

/// Command-line options of `cargo xtask boards`.
#[derive(clap::Args, Default, Debug)]
pub struct Options {
    /// Only this firmware (repeatable), e.g. `rp2040-embassy`.
    #[arg(long)]
    pub firmware: Vec<String>,
    /// Skip `cargo clippy` on the firmware crates.
    #[arg(long)]
    pub no_clippy: bool,
    /// Freeze the scripts of every firmware in this form.
    #[arg(long, value_enum)]
    pub frozen: Option<Frozen>,
}

/// Command-line options of `cargo xtask size`.
#[derive(clap::Args, Default, Debug)]
pub struct SizeOptions {
    /// Freeze the scripts of every firmware in this form (`source`: with
    /// the compiler; `bytecode`: without).
    #[arg(long, value_enum)]
    pub frozen: Option<Frozen>,
}

/// `cargo xtask boards`.
pub fn run_boards(options: &Options) -> Result<(), String> {
    let chosen = choose(&options.firmware)?;
    crate::checks::ensure_targets()?;
    if !options.no_clippy {
        for fw in &chosen {
            lint(fw, options.frozen)?;
        }
    }
    let titles = scenario_titles()?;
    let toggles = expected_toggles()?;
    let mut failures = Vec::new();
    for fw in &chosen {
        let frozen = options.frozen.unwrap_or(fw.frozen);
        let elf = build(fw, frozen)?;
        let output = match fw.emulator {
            Emulator::None => {
                println!(
                    "\nboards: {} built (hardware, not run): {}",
                    fw.name,
                    elf.display()
                );
                continue;
            }
            Emulator::Qemu => run_qemu(&elf)?,
            Emulator::Rp2040js => run_rp2040js(&elf)?,
        };
        let report = Report::parse(&output.text);
        let mut failed = report.check(fw, frozen, &toggles);
        if output.timed_out {
            failed.push(format!("no end within {} s", TIMEOUT.as_secs()));
        }
        if !output.success {
            failed.push(String::from("the emulator ended with a failing status"));
        }
        report.print_table(fw, frozen, &titles, &toggles);
        failures.extend(failed.into_iter().map(|f| format!("{}: {f}", fw.name)));
    }
    if failures.is_empty() {
        println!("\nboards: every firmware passed");
        Ok(())
    } else {
        for f in &failures {
            eprintln!("FAIL {f}");
        }
        Err(format!("{} board check(s) failed", failures.len()))
    }
}

/// `cargo xtask size`.
pub fn run_size(options: &SizeOptions) -> Result<(), String> {
    crate::checks::ensure_targets()?;
    let mut rows = Vec::new();
    for fw in &FIRMWARE {
        let frozen = options.frozen.unwrap_or(fw.frozen);
        let elf = build(fw, frozen)?;
        let bytes = std::fs::read(&elf).map_err(|e| format!("{}: {e}", elf.display()))?;
        let image = Elf::parse(&bytes).map_err(|e| format!("{}: {e}", elf.display()))?;
        rows.push((fw, frozen, image));
    }
    println!();
    println!(
        "| {:<20} | {:<15} | {:>10} | {:>11} | {:>15} | {:>10} | {:>15} |",
        "firmware",
        "frozen",
        "flash (B)",
        "flash (KiB)",
        "static RAM (B)",
        "heap (KiB)",
        "RTOS heap (KiB)"
    );
    println!("|{}|", "-".repeat(117));
    for (fw, frozen, image) in &rows {
        let flash = image.flash();
        let kib = |bytes: u32| format!("{:.1}", f64::from(bytes) / 1024.0);
        println!(
            "| {:<20} | {:<15} | {:>10} | {:>11.1} | {:>15} | {:>10} | {:>15} |",
            fw.name,
            frozen.features(),
            flash,
            flash as f64 / 1024.0,
            image.static_ram(),
            image
                .symbol_size(is_heap)
                .map_or_else(|| String::from("-"), kib),
            image
                .symbol_size(|name| name == "ucHeap")
                .map_or_else(|| String::from("-"), kib),
        );
    }
    if let Some((fw, _, image)) = rows.first() {
        println!("\nflash of {} by crate (symbols in flash, bytes):", fw.name);
        for (krate, bytes) in image.flash_by_crate().into_iter().take(16) {
            println!("  {bytes:>8}  {krate}");
        }
    }
    Ok(())
}

/// The firmware named in `names`, or all of them.
fn choose(names: &[String]) -> Result<Vec<&'static Firmware>, String> {
    if names.is_empty() {
        return Ok(FIRMWARE.iter().collect());
    }
    names
        .iter()
        .map(|n| {
            FIRMWARE
                .iter()
                .find(|f| f.name == n)
                .ok_or_else(|| format!("no firmware named {n}"))
        })
        .collect()
}

/// `cargo clippy` on the firmware crate and the board crates it uses, for
/// its target and features (and no others: the board suite's default
/// features stay off, so that it is linted in the firmware's form).
fn lint(fw: &Firmware, frozen: Option<Frozen>) -> Result<(), String> {
    let features: Vec<String> = fw
        .features_with(frozen.unwrap_or(fw.frozen))
        .split(',')
        .map(|f| format!("{}/{f}", fw.package))
        .collect();
    run(cargo()
        .args(["clippy", "--quiet", "--no-deps", "-p", fw.package])
        .args(BOARD_CRATES.iter().flat_map(|c| ["-p", c]))
        .args(["--no-default-features", "--target", fw.target, "--features"])
        .arg(features.join(","))
        .args(["--", "-D", "warnings"]))
}

impl Firmware {
    /// Its cargo features, with its scripts frozen as `frozen`.
    fn features_with(&self, frozen: Frozen) -> String {
        format!("{},{}", self.features, frozen.features())
    }
}

/// Build `fw` with its scripts frozen as `frozen` and copy its ELF file to
/// `target/boards/<name>.elf`.
fn build(fw: &Firmware, frozen: Frozen) -> Result<PathBuf, String> {
    run(cargo()
        .args([
            "build",
            "--quiet",
            "-p",
            fw.package,
            "--target",
            fw.target,
            "--features",
        ])
        .arg(fw.features_with(frozen))
        .args(["--profile", PROFILE]))?;
    let target = root().join("target");
    let built = target.join(fw.target).join(PROFILE).join(fw.package);
    let dir = target.join("boards");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let copy = dir.join(format!("emberpy-{}.elf", fw.name));
    std::fs::copy(&built, &copy)
        .map_err(|e| format!("cannot copy {} to {}: {e}", built.display(), copy.display()))?;
    Ok(copy)
}

/// What an emulator printed and how it ended.
struct Output {
    text: String,
    success: bool,
    timed_out: bool,
}

/// Run `cmd`, echoing its output as it comes, until it ends or `TIMEOUT`.
fn stream(mut cmd: Command) -> Result<Output, String> {
    cmd.current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let out_reader = std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("  {line}");
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    let (status, timed_out) =
        crate::util::wait_with_timeout(&mut child, TIMEOUT, Duration::from_millis(20))?;
    let text = out_reader.join().unwrap_or_default();
    let errors = err_reader.join().unwrap_or_default();
    for line in errors.lines() {
        eprintln!("  {line}");
    }
    Ok(Output {
        text,
        success: status.success(),
        timed_out,
    })
}

/// Run STM32 firmware in QEMU (under `timeout`, as a second guard).
fn run_qemu(elf: &Path) -> Result<Output, String> {
    println!(
        "\n$ qemu-system-arm -M netduinoplus2 … -kernel {}",
        elf.display()
    );
    let mut cmd = Command::new("timeout");
    cmd.arg(format!("{}", TIMEOUT.as_secs() + 30))
        .args([
            "qemu-system-arm",
            "-M",
            "netduinoplus2",
            "-nographic",
            "-monitor",
            "none",
            "-serial",
            "none",
            "-semihosting-config",
            "enable=on,target=native",
            "-kernel",
        ])
        .arg(elf);
    stream(cmd)
}

/// Run RP2040 firmware in rp2040js through the harness, installing the
/// harness's packages first if they are missing.
fn run_rp2040js(elf: &Path) -> Result<Output, String> {
    let harness = root().join(HARNESS);
    if !harness.join("node_modules").join("rp2040js").exists() {
        run(Command::new("npm").args(["ci", "--prefix"]).arg(&harness))?;
    }
    println!(
        "\n$ node {HARNESS}/run.mjs {} --watch-pin 25",
        elf.display()
    );
    let mut cmd = Command::new("node");
    cmd.arg(harness.join("run.mjs"))
        .arg(elf)
        .args(["--watch-pin", "25", "--timeout-s"])
        .arg(TIMEOUT.as_secs().to_string());
    stream(cmd)
}

/// `key=value` fields of a line, a quoted value running to the line's end.
fn fields(line: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut rest = line.trim();
    while let Some((key, tail)) = rest.split_once('=') {
        let key = key.trim().to_string();
        if let Some(quoted) = tail.strip_prefix('"') {
            map.insert(key, quoted.trim_end_matches('"').to_string());
            break;
        }
        let (value, next) = tail.split_once(' ').unwrap_or((tail, ""));
        map.insert(key, value.to_string());
        rest = next;
    }
    map
}

/// What one firmware run printed.
#[derive(Default)]
struct Report {
    /// `emberpy-result:` lines by scenario, in order.
    rows: Vec<BTreeMap<String, String>>,
    /// `emberpy-fail:` and `emberpy-panic:` lines.
    problems: Vec<String>,
    summary: Option<BTreeMap<String, String>>,
    /// Pin transitions the harness counted, by pin.
    harness_toggles: BTreeMap<u32, u32>,
}

impl Report {
    fn parse(text: &str) -> Report {
        let mut report = Report::default();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("emberpy-result:") {
                report.rows.push(fields(rest));
            } else if let Some(rest) = line.strip_prefix("emberpy-summary:") {
                report.summary = Some(fields(rest));
            } else if line.starts_with("emberpy-fail:") || line.starts_with("emberpy-panic:") {
                report.problems.push(line.to_string());
            } else if let Some(rest) = line.strip_prefix("harness: gpio") {
                let f = fields(rest);
                if let (Some(pin), Some(count)) = (
                    f.get("pin").and_then(|p| p.parse().ok()),
                    f.get("toggles").and_then(|c| c.parse().ok()),
                ) {
                    report.harness_toggles.insert(pin, count);
                }
            }
        }
        report
    }

    /// Everything wrong with this run of `fw`.
    /// Everything wrong with this run of `fw`, built with its scripts
    /// frozen as `frozen`.
    fn check(
        &self,
        fw: &Firmware,
        frozen: Frozen,
        toggles: &BTreeMap<String, (u32, u32)>,
    ) -> Vec<String> {
        let mut failed: Vec<String> = self.problems.clone();
        match &self.summary {
            None => failed.push(String::from("no summary line")),
            Some(s) => {
                if s.get("result").map(String::as_str) != Some("pass") {
                    failed.push(format!("summary: {s:?}"));
                }
                if s.get("board").map(String::as_str) != Some(fw.board)
                    || s.get("scheduler").map(String::as_str) != Some(fw.scheduler)
                {
                    failed.push(format!("summary names another firmware: {s:?}"));
                }
                let expected = s.get("results").and_then(|n| n.parse::<usize>().ok());
                if expected != Some(self.rows.len()) {
                    failed.push(format!(
                        "{} result lines, {expected:?} announced",
                        self.rows.len()
                    ));
                }
                let forms = String::from(frozen.features());
                if s.get("forms") != Some(&forms) {
                    failed.push(format!(
                        "summary: forms {:?}, built with {forms}",
                        s.get("forms")
                    ));
                }
            }
        }
        // Transitions of each pin the harness must have counted: the
        // board counts its own pins' transitions (and checks them) when it
        // can; otherwise the harness's count must match every passing run.
        let mut harness_expected: BTreeMap<u32, u32> = BTreeMap::new();
        for row in &self.rows {
            let id = row.get("id").cloned().unwrap_or_default();
            let result = row.get("result").map(String::as_str);
            match result {
                Some("pass") | Some("skip") => {}
                other => failed.push(format!("{id}: result {other:?}")),
            }
            if let Some((pin, count)) = toggles.get(&id)
                && result == Some("pass")
                && !row.contains_key("toggles")
            {
                *harness_expected.entry(*pin).or_default() += count;
            }
            // With both forms, the board compared every bytecode run with
            // the source run before it.
            if frozen == Frozen::Both
                && result == Some("pass")
                && row.get("form").map(String::as_str) == Some("bytecode")
                && row.get("same_as_source").map(String::as_str) != Some("yes")
            {
                failed.push(format!(
                    "{id}: the bytecode run was not compared with the source run"
                ));
            }
        }
        for (pin, count) in harness_expected {
            match self.harness_toggles.get(&pin) {
                Some(&seen) if seen == count => {}
                seen => failed.push(format!(
                    "pin {pin} toggled {seen:?} times, expected {count}"
                )),
            }
        }
        failed
    }

    fn print_table(
        &self,
        fw: &Firmware,
        frozen: Frozen,
        titles: &BTreeMap<String, String>,
        toggles: &BTreeMap<String, (u32, u32)>,
    ) {
        println!();
        println!(
            "boards: {} + {} ({}, scripts frozen as {})",
            fw.board,
            fw.scheduler,
            fw.name,
            frozen.features()
        );
        println!(
            "| {:<4} | {:<46} | {:<4} | {:<6} | {:>9} | {:>4} | {:>10} | {:>10} | {:>11} | {:>9} | {:>7} | {:>5} |",
            "id",
            "scenario",
            "form",
            "result",
            "exit (ms)",
            "peak",
            "heap delta",
            "task delta",
            "alloc delta",
            "rtos heap",
            "toggles",
            "runs"
        );
        println!("|{}|", "-".repeat(155));
        for row in &self.rows {
            let get = |k: &str| row.get(k).cloned().unwrap_or_else(|| String::from("-"));
            let id = get("id");
            let title = titles.get(&id).cloned().unwrap_or_default();
            let exit_ms = row
                .get("exit_us")
                .and_then(|v| v.parse::<f64>().ok())
                .map_or_else(|| String::from("-"), |us| format!("{:.3}", us / 1000.0));
            // The board's own count, or the harness's (marked "h").
            let toggled = row.get("toggles").cloned().unwrap_or_else(|| {
                toggles
                    .get(&id)
                    .and_then(|(pin, _)| self.harness_toggles.get(pin))
                    .map_or_else(|| String::from("-"), |n| format!("{n} h"))
            });
            // `src`, `ebc`, and `ebc=` for a bytecode run the board found
            // identical to the source run.
            let form = match (
                row.get("form").map(String::as_str),
                row.contains_key("same_as_source"),
            ) {
                (Some("source"), _) => "src",
                (Some("bytecode"), true) => "ebc=",
                (Some("bytecode"), false) => "ebc",
                _ => "-",
            };
            println!(
                "| {:<4} | {:<46} | {:<4} | {:<6} | {:>9} | {:>4} | {:>10} | {:>10} | {:>11} | {:>9} | {:>7} | {:>5} |",
                id,
                truncate(&title, 46),
                form,
                get("result"),
                exit_ms,
                get("peak"),
                get("heap_delta"),
                get("task_delta"),
                get("alloc_delta"),
                get("rtos_heap_delta"),
                toggled,
                get("runs")
            );
        }
        for row in self.rows.iter().filter(|r| r.contains_key("reason")) {
            println!(
                "{} ({}) skipped: {}",
                row.get("id").map_or("?", String::as_str),
                row.get("form").map_or("?", String::as_str),
                row.get("reason").map_or("", String::as_str)
            );
        }
        if frozen == Frozen::Both {
            println!("ebc= : the bytecode run printed what the source run printed");
        }
        if let Some(s) = &self.summary {
            println!(
                "passed {} failed {} skipped {} of {} ({} scenarios × forms {})",
                s.get("passed").map_or("?", String::as_str),
                s.get("failed").map_or("?", String::as_str),
                s.get("skipped").map_or("?", String::as_str),
                s.get("results").map_or("?", String::as_str),
                s.get("scenarios").map_or("?", String::as_str),
                s.get("forms").map_or("?", String::as_str),
            );
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(['…']).collect()
    }
}

/// The scenario files the firmware freeze: the conformance scenarios and
/// the board scenarios, by id.
fn scenario_files() -> Result<Vec<(String, toml::Table)>, String> {
    let mut out = Vec::new();
    for dir in [
        root().join("conformance").join("scenarios"),
        root().join("boards").join("scenarios"),
    ] {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let table: toml::Table = text
                .parse()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            out.push((id, table));
        }
    }
    Ok(out)
}

/// Scenario titles by id.
fn scenario_titles() -> Result<BTreeMap<String, String>, String> {
    Ok(scenario_files()?
        .into_iter()
        .filter_map(|(id, t)| Some((id, t.get("title")?.as_str()?.to_string())))
        .collect())
}

/// The pin and transition count each toggling scenario expects, by id.
fn expected_toggles() -> Result<BTreeMap<String, (u32, u32)>, String> {
    Ok(scenario_files()?
        .into_iter()
        .filter_map(|(id, t)| {
            let toggles = t.get("toggles")?;
            let pin = u32::try_from(toggles.get("pin")?.as_integer()?).ok()?;
            let count = u32::try_from(toggles.get("count")?.as_integer()?).ok()?;
            Some((id, (pin, count)))
        })
        .collect())
}

/// Whether a symbol is a firmware's heap memory (`board::init_heap`'s
/// buffer, with the one-byte flag of `cortex_m::singleton!`).
fn is_heap(name: &str) -> bool {
    name.contains("init_heap")
}

/// The parts of a 32-bit little-endian ELF file `size` needs.
struct Elf {
    sections: Vec<Section>,
    symbols: Vec<(String, u32, u32)>,
}

struct Section {
    kind: u32,
    flags: u32,
    addr: u32,
    size: u32,
}

/// `SHT_NOBITS`: memory without contents in the file (`.bss`).
const SHT_NOBITS: u32 = 8;
/// `SHF_WRITE` and `SHF_ALLOC`.
const SHF_WRITE: u32 = 1;
const SHF_ALLOC: u32 = 2;

impl Elf {
    fn parse(b: &[u8]) -> Result<Elf, String> {
        let u16_at = |o: usize| -> Result<u32, String> {
            b.get(o..o + 2)
                .map(|s| u32::from(u16::from_le_bytes([s[0], s[1]])))
                .ok_or_else(|| String::from("truncated ELF file"))
        };
        let u32_at = |o: usize| -> Result<u32, String> {
            b.get(o..o + 4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
                .ok_or_else(|| String::from("truncated ELF file"))
        };
        if b.get(..6) != Some(&[0x7f, b'E', b'L', b'F', 1, 1]) {
            return Err(String::from("not a 32-bit little-endian ELF file"));
        }
        let shoff = u32_at(0x20)? as usize;
        let shentsize = u16_at(0x2e)? as usize;
        let shnum = u16_at(0x30)? as usize;
        let header = |i: usize| shoff + i * shentsize;
        let name_at = |table: usize, o: usize| -> String {
            let start = table + o;
            let end = b[start.min(b.len())..]
                .iter()
                .position(|&c| c == 0)
                .map_or(b.len(), |p| start + p);
            String::from_utf8_lossy(&b[start.min(end)..end]).into_owned()
        };
        let mut sections = Vec::new();
        let mut symtab = None;
        for i in 0..shnum {
            let h = header(i);
            let kind = u32_at(h + 4)?;
            if kind == 2 {
                symtab = Some((
                    u32_at(h + 0x10)? as usize,
                    u32_at(h + 0x14)? as usize,
                    u32_at(h + 0x18)? as usize,
                ));
            }
            sections.push(Section {
                kind,
                flags: u32_at(h + 8)?,
                addr: u32_at(h + 0xc)?,
                size: u32_at(h + 0x14)?,
            });
        }
        let mut symbols = Vec::new();
        if let Some((offset, size, link)) = symtab {
            let strings = u32_at(header(link) + 0x10)? as usize;
            for s in (offset..offset + size).step_by(16) {
                symbols.push((
                    name_at(strings, u32_at(s)? as usize),
                    u32_at(s + 4)?,
                    u32_at(s + 8)?,
                ));
            }
        }
        Ok(Elf { sections, symbols })
    }

    fn allocated(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.flags & SHF_ALLOC != 0)
    }

    /// Bytes in flash: code, read-only data, the vector table and the
    /// initial values of `.data`.
    fn flash(&self) -> u64 {
        self.allocated()
            .filter(|s| s.kind != SHT_NOBITS)
            .map(|s| u64::from(s.size))
            .sum()
    }

    /// Bytes of RAM taken before the program runs: `.data`, `.bss` and
    /// other sections without contents (the stack gets the rest).
    fn static_ram(&self) -> u64 {
        self.allocated()
            .filter(|s| s.kind == SHT_NOBITS || s.flags & SHF_WRITE != 0)
            .map(|s| u64::from(s.size))
            .sum()
    }

    /// The size of the first symbol whose name `pick` accepts.
    fn symbol_size(&self, pick: impl Fn(&str) -> bool) -> Option<u32> {
        self.symbols
            .iter()
            .find(|(name, _, size)| *size > 0 && pick(name))
            .map(|(_, _, size)| *size)
    }

    /// Bytes of flash per crate, largest first, from the symbols in
    /// flash sections (Rust symbols by their crate; C symbols together).
    fn flash_by_crate(&self) -> Vec<(String, u64)> {
        let in_flash = |addr: u32| {
            self.allocated().any(|s| {
                s.kind != SHT_NOBITS
                    && s.flags & SHF_WRITE == 0
                    && addr >= s.addr
                    && addr < s.addr.wrapping_add(s.size)
            })
        };
        let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
        for (name, addr, size) in &self.symbols {
            if *size == 0 || !in_flash(*addr) {
                continue;
            }
            *by_crate.entry(crate_of(name)).or_default() += u64::from(*size);
        }
        let named: u64 = by_crate.values().sum();
        let total: u64 = self
            .allocated()
            .filter(|s| s.kind != SHT_NOBITS && s.flags & SHF_WRITE == 0)
            .map(|s| u64::from(s.size))
            .sum();
        by_crate.insert(
            String::from("(no symbol: padding, inlined literals)"),
            total.saturating_sub(named),
        );
        let mut list: Vec<(String, u64)> = by_crate.into_iter().collect();
        list.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        list
    }
}

/// The crate a Rust symbol belongs to: for legacy mangling (`_ZN`) the
/// first path segment, or the type's crate in `<Type as Trait>` segments;
/// for v0 mangling (`_R`, the standard library's) the first crate root
/// (`Cs<hash>_<len><name>`). `.L` symbols are anonymous constants; the
/// rest is C and the linker's (FreeRTOS, libgcc, the vector table).
fn crate_of(symbol: &str) -> String {
    if let Some(rest) = symbol.strip_prefix("_R") {
        return v0_crate(rest).unwrap_or_else(|| String::from("(other)"));
    }
    if symbol.starts_with(".L") {
        return String::from("(anonymous constants: strings, tables)");
    }
    let Some(rest) = symbol.strip_prefix("_ZN") else {
        return String::from("(C and linker: FreeRTOS, libgcc, vectors)");
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let Ok(len) = digits.parse::<usize>() else {
        return String::from("(other)");
    };
    let segment = rest
        .get(digits.len()..digits.len() + len)
        .unwrap_or_default();
    let segment = segment
        .trim_start_matches('_')
        .trim_start_matches("$LT$")
        .trim_start_matches("$RF$")
        .trim_start_matches("$u5b$");
    let krate = segment.split("..").next().unwrap_or(segment);
    let krate = krate.split('$').next().unwrap_or(krate);
    if krate.len() < 2 {
        String::from("(generic)")
    } else {
        krate.to_string()
    }
}

/// The first crate root of a v0-mangled path.
fn v0_crate(path: &str) -> Option<String> {
    let at = path.find("Cs")?;
    let after = &path[at + 2..];
    let tail = &after[after.find('_')? + 1..];
    let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
    let len: usize = digits.parse().ok()?;
    tail.get(digits.len()..digits.len() + len).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_lines_split_into_fields() {
        let f = fields(" id=S04 result=skip reason=\"17 threads at once; the heap holds 6\"");
        assert_eq!(f["id"], "S04");
        assert_eq!(f["result"], "skip");
        assert_eq!(f["reason"], "17 threads at once; the heap holds 6");
    }

    #[test]
    fn reports_need_a_passing_summary_and_toggles() {
        let fw = &FIRMWARE[4];
        let text = "emberpy-result: id=B01 form=bytecode result=pass runs=1\n\
                    emberpy-summary: board=rp2040 scheduler=embassy scenarios=1 forms=bytecode results=1 passed=1 failed=0 skipped=0 result=pass\n\
                    harness: gpio pin=25 toggles=19\n";
        let toggles = BTreeMap::from([(String::from("B01"), (25, 20))]);
        let report = Report::parse(text);
        assert_eq!(report.check(fw, Frozen::Bytecode, &toggles).len(), 1);
        let fixed = text.replace("toggles=19", "toggles=20");
        assert!(
            Report::parse(&fixed)
                .check(fw, Frozen::Bytecode, &toggles)
                .is_empty()
        );
        // Built with both forms, the summary must say so (and every
        // bytecode run must have been compared with its source run).
        let problems = Report::parse(&fixed).check(fw, Frozen::Both, &toggles);
        assert!(
            problems.iter().any(|p| p.starts_with("summary: forms")),
            "{problems:?}"
        );
        assert!(
            !Report::parse("")
                .check(fw, Frozen::Bytecode, &toggles)
                .is_empty()
        );
    }

    #[test]
    fn with_both_forms_bytecode_runs_must_match_the_source_runs() {
        let fw = &FIRMWARE[0];
        let text = "emberpy-result: id=S01 form=source result=pass runs=1\n\
                    emberpy-result: id=S01 form=bytecode result=pass runs=1 same_as_source=yes\n\
                    emberpy-summary: board=stm32-qemu scheduler=embassy scenarios=1 forms=source,bytecode results=2 passed=2 failed=0 skipped=0 result=pass\n";
        let none = BTreeMap::new();
        assert!(
            Report::parse(text)
                .check(fw, Frozen::Both, &none)
                .is_empty()
        );
        let uncompared = text.replace(" same_as_source=yes", "");
        assert_eq!(
            Report::parse(&uncompared)
                .check(fw, Frozen::Both, &none)
                .len(),
            1
        );
    }

    #[test]
    fn symbols_belong_to_crates() {
        assert_eq!(
            crate_of("_ZN7vm_core6interp11step_frames17h0123E"),
            "vm_core"
        );
        assert_eq!(
            crate_of(
                "_ZN68_$LT$sched_freertos..run..Shared$u20$as$u20$sched_api..Scheduler$GT$4name17hE"
            ),
            "sched_freertos"
        );
        assert_eq!(
            crate_of("xTaskCreate"),
            "(C and linker: FreeRTOS, libgcc, vectors)"
        );
        assert_eq!(
            crate_of("_RNvNtCs7ldSeZOOJos_4core9panicking18panic_bounds_check"),
            "core"
        );
    }
}
