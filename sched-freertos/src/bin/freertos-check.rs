//! Runs one scenario of the FreeRTOS backend with a small mock interpreter
//! and prints its figures, one `key=value` line per run. The crate's tests
//! run it as a child process: FreeRTOS tasks need `panic = "abort"`, which
//! test harnesses do not have.
//!
//! Usage: `freertos-check SCENARIO [RUNS]`, with SCENARIO one of `wake`,
//! `seed`, `spin`, `churn`, `stop`.
//!
//! Only meaningful on the host (FreeRTOS's Posix port); on other targets it
//! is an empty program.
#![cfg_attr(not(freertos_posix), no_std, no_main)]

#[cfg(not(freertos_posix))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[cfg(freertos_posix)]
fn main() {
    host::main()
}

#[cfg(freertos_posix)]
mod host {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    use std::time::Duration;

    use sched_api::{Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, ThreadId};
    use sched_freertos::{FreeRtosConfig, FreeRtosRuntime, free_heap_now};

    /// The system allocator, counting live bytes (to show that runs leave
    /// nothing behind on the Rust side either).
    struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);

    // SAFETY: every call forwards to `System` unchanged; the counter is
    // arithmetic on the side.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: forwarded as is.
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: forwarded as is.
            unsafe { System.dealloc(ptr, layout) };
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// What a mock thread does.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    enum Kind {
        /// The scenario's main program.
        Main,
        /// Sleeps 10 s at a time until cancelled.
        Sleeper,
        /// Waits without a deadline until woken, then exits.
        Blocker,
        /// Yields forever until cancelled, counting its slices.
        Spinner,
        /// Exits at its first slice.
        Quick,
    }

    struct Thread {
        kind: Kind,
        cancelled: bool,
        slices: u64,
    }

    /// A tiny interpreter: each thread is a state machine.
    struct Mock {
        scenario: String,
        threads: BTreeMap<ThreadId, Thread>,
        next: u32,
        phase: u32,
        figures: BTreeMap<&'static str, i64>,
        marks: BTreeMap<&'static str, Instant>,
        main_finished_at: Option<Instant>,
        blocker: Option<ThreadId>,
        churn_left: u32,
    }

    impl Mock {
        fn new(scenario: &str) -> Self {
            Mock {
                scenario: scenario.to_string(),
                threads: BTreeMap::new(),
                next: 1,
                phase: 0,
                figures: BTreeMap::new(),
                marks: BTreeMap::new(),
                main_finished_at: None,
                blocker: None,
                churn_left: 0,
            }
        }

        /// Prepare a run: the main thread, as `Vm::load_main` would.
        fn load_main(&mut self) -> ThreadId {
            self.phase = 0;
            self.figures.clear();
            self.marks.clear();
            self.main_finished_at = None;
            self.add(Kind::Main)
        }

        fn add(&mut self, kind: Kind) -> ThreadId {
            let id = ThreadId(self.next);
            self.next += 1;
            self.threads.insert(
                id,
                Thread {
                    kind,
                    cancelled: false,
                    slices: 0,
                },
            );
            id
        }

        fn start(
            &mut self,
            sched: &dyn Scheduler,
            kind: Kind,
            stack_size: Option<usize>,
        ) -> Result<ThreadId, SpawnError> {
            let id = self.add(kind);
            let options = SpawnOptions {
                stack_size,
                is_main: false,
            };
            sched.spawn(id, options).inspect_err(|_| {
                self.threads.remove(&id);
            })?;
            let live = self.threads.len() as i64;
            let peak = self.figures.entry("peak_threads").or_insert(0);
            *peak = (*peak).max(live);
            Ok(id)
        }

        fn set(&mut self, key: &'static str, value: i64) {
            self.figures.insert(key, value);
        }

        /// The thread ends: release it, report it, and when it is the main
        /// thread cancel every other one (THREADS.md rule 5).
        fn exit(&mut self, sched: &dyn Scheduler, thread: ThreadId) -> Step {
            let t = self.threads.remove(&thread);
            sched.reap(thread);
            if t.is_some_and(|t| t.kind == Kind::Main) {
                self.main_finished_at = Some(sched.now());
                for (id, t) in &mut self.threads {
                    t.cancelled = true;
                    sched.wake(*id);
                }
            }
            Step::Exit
        }

        fn main_slice(&mut self, sched: &dyn Scheduler, me: ThreadId) -> Step {
            let now = sched.now();
            let after = |ms: u64| now.saturating_add(Duration::from_millis(ms));
            self.phase += 1;
            match (self.scenario.as_str(), self.phase) {
                // A blocked thread is woken at once; a wake sent before the
                // wait is not lost.
                ("wake", 1) => {
                    let blocker = self.start(sched, Kind::Blocker, None).expect("spawn");
                    let early = self.start(sched, Kind::Blocker, None).expect("spawn");
                    self.blocker = Some(blocker);
                    // Wake `early` before its task ever ran: the wait it
                    // starts with must return at once.
                    self.threads.get_mut(&early).expect("early").cancelled = true;
                    sched.wake(early);
                    Step::Sleep(after(20))
                }
                ("wake", 2) => {
                    let blocker = self.blocker.expect("started in phase 1");
                    self.marks.insert("wake_sent", now);
                    self.threads.get_mut(&blocker).expect("blocker").cancelled = true;
                    sched.wake(blocker);
                    Step::Yield
                }
                ("wake", _) if self.threads.len() > 1 => Step::Block(Some(after(5))),
                // The seed: a child sleeps in 10 s steps; main ticks and ends.
                ("seed", 1) => {
                    self.start(sched, Kind::Sleeper, None).expect("spawn");
                    Step::Sleep(after(1))
                }
                ("seed", 2..=3) => Step::Sleep(after(1)),
                // A spinning child does not starve main.
                ("spin", 1) => {
                    self.start(sched, Kind::Spinner, None).expect("spawn");
                    Step::Sleep(after(10))
                }
                ("spin", 2..=3) => Step::Sleep(after(10)),
                // Short threads one after another: each one's task is gone
                // and the FreeRTOS heap is back where it was before the
                // spawn, while main never waits (so the idle task never
                // runs). A spawn too big for the heap fails cleanly.
                ("churn", 1) => {
                    let before = free_heap_now();
                    let huge = self.start(sched, Kind::Quick, Some(1 << 30));
                    self.set("huge_spawn_failed", i64::from(huge.is_err()));
                    self.set(
                        "huge_spawn_heap_delta",
                        free_heap_now() as i64 - before as i64,
                    );
                    self.set("churn_heap_mismatches", 0);
                    self.churn_left = 200;
                    self.churn_spawn(sched)
                }
                ("churn", _) => {
                    let reaped = sched.counters().reaped as i64;
                    if reaped < self.figures["churn_wait_for"] {
                        return Step::Yield;
                    }
                    if free_heap_now() as i64 != self.figures["churn_heap_before"] {
                        *self.figures.entry("churn_heap_mismatches").or_insert(0) += 1;
                    }
                    if self.churn_left == 0 {
                        return self.exit(sched, me);
                    }
                    self.churn_spawn(sched)
                }
                // The host stops the script while main waits for good.
                ("stop", 1) => {
                    self.start(sched, Kind::Sleeper, None).expect("spawn");
                    self.start(sched, Kind::Spinner, None).expect("spawn");
                    self.start(sched, Kind::Blocker, None).expect("spawn");
                    println!("ready");
                    Step::Block(None)
                }
                ("stop", _) => {
                    if sched.take_stop_request() {
                        self.marks.insert("stopped", now);
                        self.exit(sched, me)
                    } else {
                        Step::Block(None)
                    }
                }
                _ => self.exit(sched, me),
            }
        }

        fn churn_spawn(&mut self, sched: &dyn Scheduler) -> Step {
            self.churn_left -= 1;
            self.set("churn_heap_before", free_heap_now() as i64);
            self.set("churn_wait_for", sched.counters().reaped as i64 + 1);
            self.start(sched, Kind::Quick, None).expect("spawn");
            Step::Yield
        }
    }

    impl Interpreter for Mock {
        fn run_slice(&mut self, sched: &dyn Scheduler, thread: ThreadId, _budget: u32) -> Step {
            let Some(t) = self.threads.get_mut(&thread) else {
                return Step::Exit;
            };
            t.slices += 1;
            let (kind, cancelled, slices) = (t.kind, t.cancelled, t.slices);
            let now = sched.now();
            match kind {
                Kind::Main => self.main_slice(sched, thread),
                _ if cancelled => {
                    if kind == Kind::Blocker
                        && let Some(sent) = self.marks.get("wake_sent")
                        && !self.figures.contains_key("wake_latency_us")
                    {
                        let latency = now.saturating_duration_since(*sent).as_micros();
                        self.set("wake_latency_us", latency as i64);
                    }
                    if kind == Kind::Spinner {
                        self.set("spinner_slices", slices as i64);
                    }
                    self.exit(sched, thread)
                }
                Kind::Sleeper => Step::Sleep(now.saturating_add(Duration::from_secs(10))),
                Kind::Blocker => Step::Block(None),
                Kind::Spinner => Step::Yield,
                Kind::Quick => self.exit(sched, thread),
            }
        }
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let scenario = args.first().cloned().unwrap_or_default();
        let runs: u32 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
        let runtime = FreeRtosRuntime::new(FreeRtosConfig::default());
        let stop_sent = AtomicU64::new(0);
        std::thread::scope(|scope| {
            if scenario == "stop" {
                let stop = runtime.stop_handle();
                let (runtime, stop_sent) = (&runtime, &stop_sent);
                scope.spawn(move || {
                    std::thread::sleep(Duration::from_millis(30));
                    stop_sent.store(runtime.now().as_micros(), Ordering::Release);
                    stop.stop();
                });
            }
            let mut mock = Mock::new(&scenario);
            for run in 0..runs {
                let main = mock.load_main();
                mock = runtime.run(mock, main);
                let returned = runtime.now();
                print_figures(&runtime, &mock, run, returned, &stop_sent);
            }
        });
    }

    fn print_figures(
        runtime: &FreeRtosRuntime,
        mock: &Mock,
        run: u32,
        returned: Instant,
        stop_sent: &AtomicU64,
    ) {
        let counters = runtime.counters();
        let heap = runtime.free_heap().expect("the run started");
        let latency = mock
            .main_finished_at
            .map(|t| returned.saturating_duration_since(t).as_micros() as i64)
            .unwrap_or(-1);
        let mut line = format!(
            "run={run} spawned={} reaped={} live={} threads_live={} free_heap_baseline={} free_heap_after={} alloc_live={} exit_latency_us={latency}",
            counters.spawned,
            counters.reaped,
            counters.live(),
            mock.threads.len(),
            heap.baseline,
            heap.after,
            LIVE.load(Ordering::Relaxed),
        );
        if let Some(stopped) = mock.marks.get("stopped") {
            let sent = Instant::from_micros(stop_sent.load(Ordering::Acquire));
            let latency = stopped.saturating_duration_since(sent).as_micros();
            let _ = write!(line, " stop_latency_us={latency}");
        }
        for (k, v) in &mock.figures {
            if !k.starts_with("churn_wait") && *k != "churn_heap_before" {
                let _ = write!(line, " {k}={v}");
            }
        }
        println!("{line}");
    }
}
