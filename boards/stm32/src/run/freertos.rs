//! The scenarios on FreeRTOS tasks.
//!
//! sched-freertos's firmware runner, `run_forever`, runs one prepared main
//! thread per boot and keeps the VM. To run every scenario in one boot the
//! firmware hands it a [`Chain`]: an interpreter that runs a warm-up
//! script and then the scenarios' main threads one after another on the
//! task sched-freertos created for the first main thread (the *host
//! task*), while every other Python thread is an ordinary sched-freertos
//! task, created and deleted as usual. When a run's last thread has exited
//! and its task has been deleted, the host task checks the run and loads
//! the next scenario. After the last one the host thread ends for real,
//! the supervisor deletes the last tasks, and [`done`] checks the FreeRTOS
//! heap over the whole boot.
//!
//! Per run, the FreeRTOS free heap is compared with its value on the host
//! task's first slice, when the same kernel objects existed (the host and
//! supervisor tasks, the VM lock): a task whose stack or control block was
//! not freed shows up as a difference.
//!
//! Memory: every FreeRTOS task has a stack of its own, and a Python slice
//! writes about 5.8 KiB deep into its task's stack (the interpreter's
//! dispatch loop alone reserves a 3.7 KiB frame). The kernel heap is the
//! 64 KiB of CCM RAM (the VM's heap takes the SRAM): with 7.5 KiB per
//! Python thread it holds 6 of them next to the host task's larger stack
//! and the supervisor's, so the scenarios that need more at once are
//! reported as skipped. (Under embassy every task runs on one stack.)

use alloc::boxed::Box;
use alloc::sync::Arc;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::fmt::Write;
use core::time::Duration;

use critical_section::Mutex;
use emberpy_board_suite::{RunEnd, Suite};
use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, StopFlag, TaskCounters,
    ThreadId,
};
use sched_freertos::{FreeRtosConfig, RunReport};
use vm_core::{Config, Host, Vm};

use crate::{board, bsp};

/// Stacks, measured with painted memory: a Python slice writes up to
/// 5.8 KiB deep; the host task also compiles each scenario when they are
/// frozen as source (11 KiB deep); the supervisor prints the summary.
const CONFIG: FreeRtosConfig = FreeRtosConfig {
    slice_budget: 10_000,
    stack_size: 7 * 1024 + 512,
    main_stack_size: 14 * 1024,
    supervisor_stack_size: 6 * 1024,
    stop_poll: Duration::from_millis(10),
};

/// Python threads the kernel heap holds at once: the host task's and 5
/// more.
const MAX_THREADS: usize = 6;

/// Scenarios with more Python threads alive at once than the kernel heap
/// has stacks for.
const UNSUPPORTED: &[(&str, &str)] = &[
    (
        "S04",
        "17 threads at once; the 64 KiB FreeRTOS heap holds 6",
    ),
    ("S11", "8 threads at once; the 64 KiB FreeRTOS heap holds 6"),
    (
        "B02",
        "17 threads at once; the 64 KiB FreeRTOS heap holds 6",
    ),
];

/// Run before the scenarios (`warm_up.py`, compiled by `build.rs`): as
/// many threads as the kernel heap holds, which checks that they fit and
/// grows sched-freertos's task table to its full size, so that no scenario
/// pays for it.
const WARM_UP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/warm_up.ebc"));

/// Yields the host task allows the last task of a run to be deleted
/// before it checks the run anyway.
const SETTLE_YIELDS: u32 = 16;

/// The suite, from the last run until [`done`] prints its summary.
static FINISHED: Mutex<RefCell<Option<Suite<bsp::Console>>>> = Mutex::new(RefCell::new(None));

#[cortex_m_rt::entry]
fn main() -> ! {
    board::init_heap();
    bsp::init();
    let board = board::board("freertos", MAX_THREADS, UNSUPPORTED);
    let config = Config {
        heap_limit: board.vm_heap_limit,
        max_threads: board.max_threads,
        ..Config::default()
    };
    let mut suite = Suite::new(board, bsp::Console::new());
    let warm_up = Vm::new(config, Box::new(Silent))
        .map_err(|_| ())
        .and_then(|mut vm| {
            let code = vm_core::ebc::read(WARM_UP).map_err(|_| ())?;
            let main = vm.load_main_code(&code, Vec::new()).map_err(|_| ())?;
            Ok((vm, main))
        });
    let Ok((vm, main)) = warm_up else {
        suite.fail_board(format_args!("the warm-up script did not load"));
        let ok = suite.finish();
        bsp::exit(ok)
    };
    let chain = Chain {
        vm: Some(vm),
        suite: Some(suite),
        warming_up: true,
        host: main,
        current: main,
        main_done: false,
        rtos_baseline: None,
        settle: 0,
    };
    sched_freertos::run_forever(CONFIG, chain, main, Arc::new(StopFlag::new()), done)
}

/// The warm-up script's host: it prints nothing.
struct Silent;

impl Host for Silent {
    fn write_stdout(&mut self, _text: &str) {}
    fn write_stderr(&mut self, _text: &str) {}
}

/// The warm-up and the scenarios' runs, one after another on the host
/// task.
struct Chain {
    /// The current run's VM.
    vm: Option<Vm>,
    /// The suite, until the last run.
    suite: Option<Suite<bsp::Console>>,
    /// Whether the current run is the warm-up.
    warming_up: bool,
    /// The thread sched-freertos knows the host task by.
    host: ThreadId,
    /// The current run's main thread, on the host task.
    current: ThreadId,
    /// Whether the current run's main thread has exited.
    main_done: bool,
    /// The FreeRTOS free heap on the host task's first slice.
    rtos_baseline: Option<usize>,
    /// Yields spent so far waiting for the run's last task to be deleted.
    settle: u32,
}

impl Chain {
    /// A slice of the host task.
    fn host_slice(&mut self, scheduler: &dyn Scheduler, budget: u32) -> Step {
        let Some(vm) = self.vm.as_mut() else {
            return Step::Exit;
        };
        if !self.main_done {
            let mapped = Mapped {
                inner: scheduler,
                host: self.host,
                current: self.current,
            };
            match vm.run_slice(&mapped, self.current, budget) {
                Step::Exit => self.main_done = true,
                step => return step,
            }
        }
        if vm.stats().threads_live != 0 {
            // The other threads are unwinding; the last one wakes the host.
            return Step::Block(None);
        }
        let counters = scheduler.counters();
        if counters.live() > 1 && self.settle < SETTLE_YIELDS {
            // The last thread's task has not been deleted yet.
            self.settle += 1;
            return Step::Yield;
        }
        self.settle = 0;
        self.next_run(scheduler, counters)
    }

    /// Check the run that just ended and start the next, or end the host
    /// thread after the last one. Kept out of line: it is the host task's
    /// work only, and its frame would otherwise weigh on every task's
    /// stack.
    #[inline(never)]
    fn next_run(&mut self, scheduler: &dyn Scheduler, counters: TaskCounters) -> Step {
        let (Some(mut vm), Some(suite)) = (self.vm.take(), self.suite.as_mut()) else {
            return Step::Exit;
        };
        if self.warming_up {
            self.warming_up = false;
            let status = vm.finish_run().exit_status;
            drop(vm);
            if status != 0 {
                suite.fail_board(format_args!("the warm-up script failed (status {status})"));
            }
        } else {
            let free = sched_freertos::free_heap_now();
            let baseline = self.rtos_baseline.unwrap_or(free);
            let end = RunEnd {
                returned_at: scheduler.now(),
                // The host task lives on from run to run: leave it out.
                counters: TaskCounters {
                    spawned: counters.spawned.saturating_sub(1),
                    reaped: counters.reaped,
                },
                rtos_heap_delta: Some(free as i64 - baseline as i64),
            };
            suite.finish_run(vm, end);
        }
        match suite.next_run() {
            Some((vm, main)) => {
                self.vm = Some(vm);
                self.current = main;
                self.main_done = false;
                Step::Yield
            }
            None => {
                let suite = self.suite.take();
                critical_section::with(|cs| FINISHED.borrow(cs).replace(suite));
                Step::Exit
            }
        }
    }
}

impl Interpreter for Chain {
    fn run_slice(&mut self, scheduler: &dyn Scheduler, thread: ThreadId, budget: u32) -> Step {
        if self.rtos_baseline.is_none() {
            self.rtos_baseline = Some(sched_freertos::free_heap_now());
        }
        if thread == self.host {
            return self.host_slice(scheduler, budget);
        }
        let Some(vm) = self.vm.as_mut() else {
            return Step::Exit;
        };
        let mapped = Mapped {
            inner: scheduler,
            host: self.host,
            current: self.current,
        };
        let step = vm.run_slice(&mapped, thread, budget);
        if step == Step::Exit && self.main_done && vm.stats().threads_live == 0 {
            scheduler.wake(self.host);
        }
        step
    }
}

/// The scheduler as the VM sees it: the current run's main thread is the
/// host task, which outlives it.
struct Mapped<'a> {
    inner: &'a dyn Scheduler,
    host: ThreadId,
    current: ThreadId,
}

impl Scheduler for Mapped<'_> {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn spawn(&self, thread: ThreadId, options: SpawnOptions) -> Result<(), SpawnError> {
        self.inner.spawn(thread, options)
    }

    fn wake(&self, thread: ThreadId) {
        self.inner.wake(if thread == self.current {
            self.host
        } else {
            thread
        });
    }

    fn reap(&self, thread: ThreadId) {
        // The main thread's task is the host task, which goes on.
        if thread != self.current {
            self.inner.reap(thread);
        }
    }

    fn now(&self) -> Instant {
        self.inner.now()
    }

    fn unix_time_micros(&self) -> Option<u64> {
        self.inner.unix_time_micros()
    }

    fn counters(&self) -> TaskCounters {
        self.inner.counters()
    }

    fn take_stop_request(&self) -> bool {
        self.inner.take_stop_request()
    }
}

/// Every task is gone: check the FreeRTOS heap over the whole boot, print
/// the summary and exit.
fn done(report: RunReport) -> ! {
    let suite = critical_section::with(|cs| FINISHED.borrow(cs).take());
    let Some(mut suite) = suite else {
        bsp::exit(false)
    };
    let c = report.counters;
    match report.free_heap {
        Some(heap) => {
            let _ = writeln!(
                suite.console(),
                "emberpy-rtos: tasks_spawned={} tasks_reaped={} free_heap_baseline={} free_heap_after={} free_heap_delta={}",
                c.spawned,
                c.reaped,
                heap.baseline,
                heap.after,
                heap.delta()
            );
            if heap.delta() != 0 {
                suite.fail_board(format_args!(
                    "the FreeRTOS free heap changed by {} bytes over the boot",
                    heap.delta()
                ));
            }
        }
        None => suite.fail_board(format_args!("the supervisor did not start")),
    }
    if c.live() != 0 {
        suite.fail_board(format_args!("{} tasks never deleted", c.live()));
    }
    board::report_memory(suite.console());
    let ok = suite.finish();
    bsp::exit(ok)
}
