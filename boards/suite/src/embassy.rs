//! The suite on embassy tasks: every run on
//! [`EmbassyRuntime::run_on`](sched_embassy::EmbassyRuntime::run_on).

use core::fmt::Write;

use embassy_executor::Spawner;
use sched_embassy::EmbassyRuntime;

use crate::{RunEnd, Suite};

/// Run every scenario of `suite` on tasks of `spawner`'s executor and
/// hand the suite back, for [`Suite::finish`].
pub async fn run<W: Write>(
    spawner: Spawner,
    runtime: &EmbassyRuntime,
    mut suite: Suite<W>,
) -> Suite<W> {
    while let Some((vm, main)) = suite.next_run() {
        let vm = runtime.run_on(spawner, vm, main).await;
        let end = RunEnd {
            returned_at: runtime.now(),
            counters: runtime.counters(),
            rtos_heap_delta: None,
        };
        suite.finish_run(vm, end);
    }
    suite
}
