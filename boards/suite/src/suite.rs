//! Running the scenarios one after another and checking each run.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use core::fmt::Write;

use sched_api::{Instant, TaskCounters, ThreadId};
#[cfg(feature = "bytecode")]
use vm_core::bytecode::CodeProto;
use vm_core::{Config, Vm};

use crate::capture::Capture;
use crate::scenario::{FORMS, Form, SCENARIOS, Scenario};

/// What a firmware tells the suite about itself.
#[derive(Clone, Copy)]
pub struct Board {
    /// The board's name in the result lines (`rp2040`, `stm32-qemu`).
    pub name: &'static str,
    /// The scheduler backend's name.
    pub scheduler: &'static str,
    /// `sys.platform`.
    pub platform: &'static str,
    /// The VM's heap limit in bytes: well below the allocator's heap, so
    /// that the VM raises `MemoryError` before the allocator runs dry.
    pub vm_heap_limit: usize,
    /// Python threads alive at once, unless a scenario sets its own limit.
    pub max_threads: usize,
    /// Most repetitions of one scenario (S09 asks for 1,000).
    pub max_repeat: u32,
    /// Bytes in use in the global allocator.
    pub allocated: fn() -> usize,
    /// Make the board's native modules (`machine`) importable in a VM.
    pub install: fn(&mut Vm),
    /// The transitions the board has seen so far on output pin `pin`, when
    /// it can see them itself (simulated pins); `None` when an outside
    /// observer counts them.
    pub observed_toggles: fn(u32) -> Option<u32>,
    /// Scenarios the board cannot hold, each with the reason: reported as
    /// skipped, not run.
    pub unsupported: &'static [(&'static str, &'static str)],
}

/// The scheduler's figures at the end of one run.
#[derive(Clone, Copy, Debug)]
pub struct RunEnd {
    /// When the scheduler's `run` returned, on its clock.
    pub returned_at: Instant,
    /// The scheduler's task counters, over every run so far.
    pub counters: TaskCounters,
    /// The RTOS heap's free bytes after the run minus before it, on an
    /// RTOS that has a heap of its own.
    pub rtos_heap_delta: Option<i64>,
}

/// The figures of one scenario over its runs.
#[derive(Default)]
struct Row {
    runs: u32,
    failures: u32,
    status: i32,
    exit_us: u64,
    peak: usize,
    heap_delta: i64,
    /// The largest RTOS heap change, once a run reported one.
    rtos_heap_delta: Option<i64>,
    /// Heap bytes and allocator bytes after the first run.
    first: Option<(usize, usize)>,
}

/// What the first run of a scenario's source form printed, for the
/// bytecode form to be compared with: hashes, so that keeping it from one
/// form to the next allocates nothing.
#[cfg(both_forms)]
#[derive(Clone, Copy, PartialEq, Eq)]
struct Reference {
    id: &'static str,
    status: i32,
    stdout: u64,
    /// Standard error without the source lines of tracebacks, which a
    /// bytecode run cannot show.
    stderr: u64,
}

#[cfg(both_forms)]
impl Reference {
    fn new(id: &'static str, status: i32, stdout: &str, stderr: &str) -> Self {
        Reference {
            id,
            status,
            stdout: hash([stdout]),
            stderr: hash(crate::glob::code_lines(stderr)),
        }
    }
}

/// FNV-1a over some pieces of text.
#[cfg(both_forms)]
fn hash<'a>(pieces: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in pieces.into_iter().flat_map(str::bytes) {
        h = (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The scenario in progress, in one form.
struct Active {
    scenario: &'static Scenario,
    form: Form,
    /// The decoded bytecode, for a bytecode run.
    #[cfg(feature = "bytecode")]
    code: Option<Box<CodeProto>>,
    repeat: u32,
    /// The scenario's VM, between runs.
    vm: Option<Vm>,
    capture: Capture,
    row: Row,
    alloc_before: usize,
    counters_before: TaskCounters,
    toggles_before: Option<u32>,
}

/// Most failure lines printed for one scenario.
const MAX_DETAILS: u32 = 4;

/// The scenarios, run one after another on VMs the suite makes, with one
/// result line per scenario on `out`.
pub struct Suite<W: Write> {
    board: Board,
    out: W,
    next: usize,
    active: Option<Active>,
    passed: u32,
    failed: u32,
    skipped: u32,
    /// Failures of the firmware's own checks, outside any scenario.
    board_failures: u32,
    last_counters: TaskCounters,
    /// The last source run's output, while its scenario's bytecode form
    /// is still to come.
    #[cfg(both_forms)]
    reference: Option<Reference>,
    /// Whether the scenario in progress was compared with its source run.
    #[cfg(both_forms)]
    compared: bool,
}

/// Result lines a suite prints: one per scenario and form.
fn results() -> usize {
    SCENARIOS.len() * FORMS.len()
}

impl<W: Write> Suite<W> {
    /// A suite that prints to `out`, starting with a line about the board.
    pub fn new(board: Board, mut out: W) -> Self {
        let _ = writeln!(
            out,
            "emberpy-board: board={} scheduler={} vm_heap_limit={} max_threads={} max_repeat={} scenarios={} forms={}",
            board.name,
            board.scheduler,
            board.vm_heap_limit,
            board.max_threads,
            board.max_repeat,
            SCENARIOS.len(),
            forms()
        );
        Suite {
            board,
            out,
            next: 0,
            active: None,
            passed: 0,
            failed: 0,
            skipped: 0,
            board_failures: 0,
            last_counters: TaskCounters::default(),
            #[cfg(both_forms)]
            reference: None,
            #[cfg(both_forms)]
            compared: false,
        }
    }

    /// The console, for the firmware's own lines.
    pub fn console(&mut self) -> &mut W {
        &mut self.out
    }

    /// The next run: a VM with a scenario's main thread loaded, to run on
    /// the scheduler and hand back to [`Suite::finish_run`]. `None` once
    /// every scenario has run.
    pub fn next_run(&mut self) -> Option<(Vm, ThreadId)> {
        loop {
            if self.active.is_none() {
                let scenario = SCENARIOS.get(self.next / FORMS.len())?;
                let form = FORMS[self.next % FORMS.len()];
                self.next += 1;
                if let Some((_, reason)) = self
                    .board
                    .unsupported
                    .iter()
                    .find(|(id, _)| *id == scenario.id)
                {
                    self.skipped += 1;
                    let _ = writeln!(
                        self.out,
                        "emberpy-result: id={} form={} result=skip reason={reason:?}",
                        scenario.id,
                        form.name()
                    );
                    continue;
                }
                self.active = Some(self.start(scenario, form));
            }
            let active = self.active.as_mut()?;
            let Some(mut vm) = active.vm.take() else {
                self.end_scenario();
                continue;
            };
            if active.row.runs == active.repeat {
                active.vm = Some(vm);
                self.end_scenario();
                continue;
            }
            let s = active.scenario;
            let argv = vec![s.file.into()];
            let loaded = match active.form {
                #[cfg(feature = "source")]
                Form::Source => vm.load_main(s.source, s.file, argv),
                #[cfg(feature = "bytecode")]
                Form::Bytecode => match &active.code {
                    Some(code) => vm.load_main_code(code, argv),
                    None => Err(1),
                },
            };
            match loaded {
                Ok(main) => {
                    active.row.runs += 1;
                    return Some((vm, main));
                }
                Err(status) => {
                    active.vm = Some(vm);
                    let out = active.capture.take();
                    self.fail(format_args!(
                        "did not load (status {status}): {:?}",
                        out.stderr
                    ));
                    self.end_scenario();
                }
            }
        }
    }

    /// Check a run the scheduler has finished; `vm` is the VM
    /// [`Suite::next_run`] handed out.
    pub fn finish_run(&mut self, mut vm: Vm, end: RunEnd) {
        let outcome = vm.finish_run();
        let stats = vm.stats();
        let allocated = (self.board.allocated)();
        self.last_counters = end.counters;
        let Some(active) = self.active.as_mut() else {
            return;
        };
        let s = active.scenario;
        let form = active.form;
        let out = active.capture.take();
        let run = active.row.runs;
        active.vm = Some(vm);
        let latency_us = outcome
            .main_finished_at
            .map(|t| end.returned_at.saturating_duration_since(t).as_micros())
            .unwrap_or(0);
        let latency_us = u64::try_from(latency_us).unwrap_or(u64::MAX);
        let heap_delta = stats.heap.bytes as i64 - stats.heap_baseline as i64;
        let row = &mut active.row;
        row.status = outcome.exit_status;
        row.exit_us = row.exit_us.max(latency_us);
        row.peak = row.peak.max(outcome.peak_threads);
        if heap_delta.abs() > row.heap_delta.abs() {
            row.heap_delta = heap_delta;
        }
        let rtos_delta = end.rtos_heap_delta.unwrap_or(0);
        if let Some(delta) = end.rtos_heap_delta {
            let worst = row.rtos_heap_delta.get_or_insert(delta);
            if delta.abs() > worst.abs() {
                *worst = delta;
            }
        }
        let first = *row.first.get_or_insert((stats.heap.bytes, allocated));

        if outcome.exit_status != s.exit_status {
            self.fail_run(
                run,
                format_args!(
                    "exit status {}, expected {}",
                    outcome.exit_status, s.exit_status
                ),
            );
        }
        if out.truncated {
            self.fail_run(run, format_args!("output longer than the capture"));
        }
        if out.stdout != s.stdout {
            self.fail_run(
                run,
                format_args!("stdout {:?}, expected {:?}", out.stdout, s.stdout),
            );
        }
        let expected_stderr = match form {
            #[cfg(feature = "source")]
            Form::Source => String::from(s.stderr),
            #[cfg(feature = "bytecode")]
            Form::Bytecode => crate::glob::without_source_lines(s.stderr),
        };
        if !crate::glob::matches(&expected_stderr, &out.stderr) {
            self.fail_run(
                run,
                format_args!("stderr {:?}, expected {:?}", out.stderr, expected_stderr),
            );
        }
        #[cfg(both_forms)]
        if run == 1 {
            let printed = Reference::new(s.id, outcome.exit_status, &out.stdout, &out.stderr);
            self.compare(form, printed, &out.stdout, &out.stderr);
        }
        if stats.threads_live != 0 {
            self.fail_run(run, format_args!("threads_live={}", stats.threads_live));
        }
        if end.counters.live() != 0 {
            self.fail_run(run, format_args!("tasks_live={}", end.counters.live()));
        }
        if heap_delta != 0 {
            self.fail_run(run, format_args!("VM heap grew by {heap_delta} bytes"));
        }
        if rtos_delta != 0 {
            self.fail_run(
                run,
                format_args!("RTOS free heap changed by {rtos_delta} bytes"),
            );
        }
        if latency_us > s.max_exit_latency_ms * 1000 {
            self.fail_run(
                run,
                format_args!(
                    "exit latency {latency_us} us over {} ms",
                    s.max_exit_latency_ms
                ),
            );
        }
        if outcome.peak_threads > s.max_peak_threads {
            self.fail_run(
                run,
                format_args!(
                    "peak threads {} over {}",
                    outcome.peak_threads, s.max_peak_threads
                ),
            );
        }
        if (stats.heap.bytes, allocated) != first {
            self.fail_run(
                run,
                format_args!(
                    "heap/allocator bytes {:?} after run 1, {:?} now",
                    first,
                    (stats.heap.bytes, allocated)
                ),
            );
        }
    }

    /// Record a failure of a check the firmware makes itself, outside any
    /// scenario (the RTOS heap over the whole boot, for example).
    pub fn fail_board(&mut self, args: core::fmt::Arguments<'_>) {
        self.board_failures += 1;
        let _ = writeln!(self.out, "emberpy-fail: board: {args}");
    }

    /// Print the summary line; whether every scenario passed and the
    /// firmware's own checks held.
    pub fn finish(mut self) -> bool {
        if self.active.is_some() {
            self.end_scenario();
        }
        let ok = self.failed == 0 && self.board_failures == 0 && self.next == results();
        let _ = writeln!(
            self.out,
            "emberpy-summary: board={} scheduler={} scenarios={} forms={} results={} passed={} failed={} skipped={} result={}",
            self.board.name,
            self.board.scheduler,
            SCENARIOS.len(),
            forms(),
            results(),
            self.passed,
            self.failed,
            self.skipped,
            if ok { "pass" } else { "FAIL" }
        );
        ok
    }

    fn start(&mut self, scenario: &'static Scenario, form: Form) -> Active {
        let alloc_before = (self.board.allocated)();
        #[cfg(both_forms)]
        {
            self.compared = false;
        }
        let capture = Capture::new();
        let config = Config {
            heap_limit: self.board.vm_heap_limit,
            max_threads: scenario.max_threads.unwrap_or(self.board.max_threads),
            ..Config::default()
        };
        let vm = match Vm::new(config, Box::new(capture.host(self.board.platform))) {
            Ok(mut vm) => {
                vm.add_frozen_modules(form.modules());
                (self.board.install)(&mut vm);
                Some(vm)
            }
            Err(e) => {
                let _ = writeln!(self.out, "emberpy-fail: {}: {e}", scenario.id);
                None
            }
        };
        let mut row = Row::default();
        if vm.is_none() {
            row.failures = 1;
        }
        #[cfg(feature = "bytecode")]
        let code = match form {
            Form::Bytecode => match vm_core::ebc::read(scenario.bytecode) {
                Ok(code) => Some(Box::new(code)),
                Err(e) => {
                    row.failures += 1;
                    let _ = writeln!(self.out, "emberpy-fail: {}: bytecode: {e}", scenario.id);
                    None
                }
            },
            #[cfg(feature = "source")]
            Form::Source => None,
        };
        Active {
            scenario,
            form,
            #[cfg(feature = "bytecode")]
            code,
            repeat: scenario.repeat.min(self.board.max_repeat).max(1),
            vm,
            capture,
            row,
            alloc_before,
            counters_before: self.last_counters,
            toggles_before: scenario
                .toggles
                .and_then(|t| (self.board.observed_toggles)(t.pin)),
        }
    }

    /// Drop the scenario's VM, make the scenario-wide checks and print its
    /// result line.
    fn end_scenario(&mut self) {
        let Some(mut active) = self.active.take() else {
            return;
        };
        let s = active.scenario;
        drop(active.vm.take());
        drop(active.capture);
        #[cfg(feature = "bytecode")]
        drop(active.code.take());
        let alloc_delta = (self.board.allocated)() as i64 - active.alloc_before as i64;
        let before = active.counters_before;
        let task_delta = self.last_counters.spawned as i64
            - before.spawned as i64
            - (self.last_counters.reaped as i64 - before.reaped as i64);
        let mut row = active.row;
        if alloc_delta != 0 {
            detail(
                &mut self.out,
                s.id,
                &mut row.failures,
                format_args!("allocator holds {alloc_delta} more bytes after the scenario"),
            );
        }
        if task_delta != 0 {
            detail(
                &mut self.out,
                s.id,
                &mut row.failures,
                format_args!("{task_delta} more tasks spawned than reaped"),
            );
        }
        let runs = row.runs;
        if runs != active.repeat {
            detail(
                &mut self.out,
                s.id,
                &mut row.failures,
                format_args!("{runs} of {} runs", active.repeat),
            );
        }
        let mut toggles = None;
        if let Some(want) = s.toggles
            && let Some(now) = (self.board.observed_toggles)(want.pin)
        {
            let seen = now.wrapping_sub(active.toggles_before.unwrap_or(0));
            toggles = Some(seen);
            if seen != want.count {
                detail(
                    &mut self.out,
                    s.id,
                    &mut row.failures,
                    format_args!(
                        "pin {} changed {seen} times, expected {}",
                        want.pin, want.count
                    ),
                );
            }
        }
        if row.failures == 0 {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        let _ = write!(
            self.out,
            "emberpy-result: id={} form={} result={} runs={} status={} exit_us={} peak={} heap_delta={} task_delta={} alloc_delta={}",
            s.id,
            active.form.name(),
            if row.failures == 0 { "pass" } else { "FAIL" },
            row.runs,
            row.status,
            row.exit_us,
            row.peak,
            row.heap_delta,
            task_delta,
            alloc_delta
        );
        if let Some(delta) = row.rtos_heap_delta {
            let _ = write!(self.out, " rtos_heap_delta={delta}");
        }
        if let Some(t) = toggles {
            let _ = write!(self.out, " toggles={t}");
        }
        #[cfg(both_forms)]
        if self.compared {
            let _ = write!(self.out, " same_as_source=yes");
        }
        let _ = writeln!(self.out);
    }

    /// Keep what the first source run of a scenario printed, or compare
    /// what the first bytecode run printed with it: the same exit status,
    /// standard output and standard error (but for the source lines of
    /// tracebacks).
    #[cfg(both_forms)]
    fn compare(&mut self, form: Form, printed: Reference, stdout: &str, stderr: &str) {
        match form {
            Form::Source => self.reference = Some(printed),
            Form::Bytecode => {
                let Some(reference) = self.reference.take().filter(|r| r.id == printed.id) else {
                    return;
                };
                if reference == printed {
                    self.compared = true;
                } else {
                    self.fail(format_args!(
                        "the bytecode run (status {}, stdout {stdout:?}, stderr {stderr:?}) differs from the source run",
                        printed.status
                    ));
                }
            }
        }
    }

    /// Record a failure of the scenario in progress.
    fn fail(&mut self, args: core::fmt::Arguments<'_>) {
        let Some(active) = self.active.as_mut() else {
            return;
        };
        detail(
            &mut self.out,
            active.scenario.id,
            &mut active.row.failures,
            args,
        );
    }

    /// Record a failure of run `run` of the scenario in progress.
    fn fail_run(&mut self, run: u32, args: core::fmt::Arguments<'_>) {
        self.fail(format_args!("run {run}: {args}"));
    }
}

/// The forms every scenario runs in, for the result lines.
fn forms() -> String {
    let names: alloc::vec::Vec<&str> = FORMS.iter().map(|f| f.name()).collect();
    names.join(",")
}

/// Count one more failure of scenario `id` and print it, up to
/// [`MAX_DETAILS`] lines per scenario.
fn detail<W: Write>(out: &mut W, id: &str, failures: &mut u32, args: core::fmt::Arguments<'_>) {
    *failures += 1;
    if *failures <= MAX_DETAILS {
        let _ = writeln!(out, "emberpy-fail: {id}: {args}");
    }
}
