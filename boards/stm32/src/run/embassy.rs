//! The scenarios on embassy tasks: the firmware's main task drives the
//! suite, each run on `EmbassyRuntime::run_on`.

use embassy_executor::Spawner;
use emberpy_board_suite::Suite;
use sched_embassy::{EmbassyConfig, EmbassyRuntime, TASK_POOL_SIZE};

use crate::{board, bsp};

#[embassy_executor::main]
async fn main(spawner: Spawner) {
    board::init_heap();
    bsp::init();
    let runtime = EmbassyRuntime::new(EmbassyConfig::default());
    let suite = Suite::new(
        board::board(runtime.name(), TASK_POOL_SIZE, &[]),
        bsp::Console::new(),
    );
    let mut suite = emberpy_board_suite::embassy::run(spawner, &runtime, suite).await;
    board::report_memory(suite.console());
    let ok = suite.finish();
    bsp::exit(ok)
}
