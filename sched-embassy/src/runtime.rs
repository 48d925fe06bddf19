//! The host-facing side: a runtime that runs a VM's main thread on embassy
//! tasks until every thread it started has finished.

use alloc::boxed::Box;

use embassy_executor::Spawner;
use portable_atomic_util::Arc;
use sched_api::{Instant, Interpreter, SpawnOptions, TaskCounters, ThreadId};

use crate::clock;
use crate::pool;
use crate::shared::{NAME, Shared, Vm};

/// Tunables of the embassy backend. The task pool's size is fixed at build
/// time: see [`TASK_POOL_SIZE`](crate::TASK_POOL_SIZE).
#[derive(Clone, Copy, Debug)]
pub struct EmbassyConfig {
    /// Bytecodes a thread runs before it lets the other tasks run.
    pub slice_budget: u32,
}

impl Default for EmbassyConfig {
    fn default() -> Self {
        EmbassyConfig {
            slice_budget: 10_000,
        }
    }
}

/// Asks a running script to stop, from any thread or interrupt handler
/// (THREADS.md rule 6).
#[derive(Clone)]
pub struct StopHandle {
    shared: Arc<Shared>,
}

impl StopHandle {
    /// Raise `KeyboardInterrupt` in the main thread as soon as possible: set
    /// the stop flag and wake the main thread's task.
    pub fn stop(&self) {
        self.shared.stop();
    }
}

/// Runs scripts on embassy tasks, one run at a time.
pub struct EmbassyRuntime {
    shared: Arc<Shared>,
}

impl EmbassyRuntime {
    /// A runtime with the given tunables. Starts embassy-time's clock if it
    /// has not started yet.
    pub fn new(config: EmbassyConfig) -> Self {
        clock::now();
        EmbassyRuntime {
            shared: Arc::new(Shared::new(config.slice_budget)),
        }
    }

    /// The backend's name.
    pub fn name(&self) -> &'static str {
        NAME
    }

    /// A handle that stops the running script.
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            shared: self.shared.clone(),
        }
    }

    /// The clock the VM sees: embassy-time's.
    pub fn now(&self) -> Instant {
        clock::now()
    }

    /// Tasks spawned and reaped over every run so far.
    pub fn counters(&self) -> TaskCounters {
        self.shared.counters()
    }

    /// Run the VM's prepared main thread `main` on the host's embassy
    /// executor (one per OS thread, reused by every run on it) until it and
    /// every thread it started have finished; give the VM back.
    ///
    /// # Panics
    ///
    /// If another run is in progress on this runtime.
    #[cfg(feature = "platform-std")]
    pub fn run<V: Interpreter + Send + 'static>(&self, vm: V, main: ThreadId) -> V {
        crate::host::run_until(
            |spawner| self.start(spawner, Box::new(vm), main),
            || self.shared.is_finished(),
        );
        self.finish()
    }

    /// Run the VM's prepared main thread `main` on tasks of `spawner`'s
    /// executor until it and every thread it started have finished; give
    /// the VM back. For firmware, which awaits this from one of its tasks.
    ///
    /// # Panics
    ///
    /// If another run is in progress on this runtime.
    pub async fn run_on<V: Interpreter + Send + 'static>(
        &self,
        spawner: Spawner,
        vm: V,
        main: ThreadId,
    ) -> V {
        self.start(spawner, Box::new(vm), main);
        self.shared.wait_finished().await;
        self.finish()
    }

    fn start(&self, spawner: Spawner, vm: Box<dyn Vm>, main: ThreadId) {
        self.shared.install(vm);
        let options = SpawnOptions {
            stack_size: None,
            is_main: true,
        };
        if pool::spawn(&self.shared, spawner, main, options).is_err() {
            // Without a main task nothing runs; the VM reports the script
            // as not started.
            self.shared.abandon();
        }
    }

    fn finish<V: 'static>(&self) -> V {
        match self.shared.uninstall().into_any().downcast::<V>() {
            Ok(vm) => *vm,
            Err(_) => unreachable!("the VM installed by this run is handed back"),
        }
    }
}
