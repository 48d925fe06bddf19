//! embassy-time's clock on SysTick, for QEMU, whose STM32F405 model has no
//! working timer compare interrupts: a 1 ms interrupt counts milliseconds,
//! the SysTick counter gives the microseconds in between, and one timer
//! queue holds every timer.

use core::cell::{Cell, RefCell};
use core::task::Waker;

use cortex_m::peripheral::syst::SystClkSource;
use cortex_m::peripheral::{SCB, SYST};
use cortex_m_rt::exception;
use critical_section::{CriticalSection, Mutex};
use embassy_time_driver::Driver;
use embassy_time_queue_utils::Queue;

/// The core clock SysTick counts (QEMU's netduinoplus2 runs at 168 MHz).
const CORE_HZ: u32 = 168_000_000;
/// SysTick counts per millisecond.
const COUNTS_PER_MS: u32 = CORE_HZ / 1000;

/// The driver's state.
struct SysTickDriver {
    /// Milliseconds since the clock started.
    millis: Mutex<Cell<u64>>,
    /// When the queue next needs looking at, in microseconds.
    alarm: Mutex<Cell<u64>>,
    queue: Mutex<RefCell<Queue>>,
}

impl SysTickDriver {
    /// Microseconds since the clock started.
    fn now_in(&self, cs: CriticalSection<'_>) -> u64 {
        let mut millis = self.millis.borrow(cs).get();
        let mut counter = SYST::get_current();
        if SCB::is_pendst_pending() {
            // The counter wrapped and the interrupt has not run yet.
            millis += 1;
            counter = SYST::get_current();
        }
        let elapsed = COUNTS_PER_MS - 1 - counter.min(COUNTS_PER_MS - 1);
        millis * 1000 + u64::from(elapsed) * 1000 / u64::from(COUNTS_PER_MS)
    }

    /// One millisecond has passed: wake the timers that are due.
    fn tick(&self) {
        critical_section::with(|cs| {
            let millis = self.millis.borrow(cs);
            millis.set(millis.get() + 1);
            let now = self.now_in(cs);
            let alarm = self.alarm.borrow(cs);
            if now >= alarm.get() {
                alarm.set(self.queue.borrow_ref_mut(cs).next_expiration(now));
            }
        });
    }
}

impl Driver for SysTickDriver {
    fn now(&self) -> u64 {
        critical_section::with(|cs| self.now_in(cs))
    }

    fn schedule_wake(&self, at: u64, waker: &Waker) {
        critical_section::with(|cs| {
            let mut queue = self.queue.borrow_ref_mut(cs);
            if queue.schedule_wake(at, waker) {
                let now = self.now_in(cs);
                self.alarm.borrow(cs).set(queue.next_expiration(now));
            }
        });
    }
}

embassy_time_driver::time_driver_impl!(static DRIVER: SysTickDriver = SysTickDriver {
    millis: Mutex::new(Cell::new(0)),
    alarm: Mutex::new(Cell::new(u64::MAX)),
    queue: Mutex::new(RefCell::new(Queue::new())),
});

/// Start the clock: SysTick from the core clock, interrupting every
/// millisecond.
pub fn start(mut syst: SYST) {
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(COUNTS_PER_MS - 1);
    syst.clear_current();
    syst.enable_counter();
    syst.enable_interrupt();
}

#[exception]
fn SysTick() {
    DRIVER.tick();
}
