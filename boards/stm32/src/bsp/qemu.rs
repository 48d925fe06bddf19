//! QEMU's `netduinoplus2` machine (an STM32F405): semihosting carries the
//! console and the exit status, the pins and the temperature sensor are
//! simulated (QEMU 7.2 models neither the GPIO ports nor the sensor: its
//! ADC returns a counter), and under embassy SysTick is the clock
//! (embassy-stm32's initialisation waits forever there).

use core::cell::Cell;
use core::fmt::{self, Write};

use cortex_m_semihosting::{debug, hio};
use critical_section::Mutex;
use emberpy_machine::PinBankCell;
use emberpy_machine::sim::SimBank;
use vm_core::Vm;

/// The board's name in the result lines.
pub const NAME: &str = "stm32-qemu";

/// Most runs of one scenario (S09 asks for 1,000).
pub const MAX_REPEAT: u32 = 1000;

/// GPIO ports A to I, 16 pins each, simulated: `machine.Pin` number
/// port × 16 + pin, as on the hardware build.
static PINS: PinBankCell<SimBank<144>> = PinBankCell::new(SimBank::new());

/// Bring the board up: start the clock (embassy).
pub fn init() {
    #[cfg(feature = "embassy")]
    {
        let core = cortex_m::Peripherals::take().expect("first and only take");
        crate::systick::start(core.SYST);
    }
}

/// Readings taken so far of the simulated temperature sensor.
static READINGS: Mutex<Cell<u32>> = Mutex::new(Cell::new(0));

/// Make `machine` importable, over the simulated pins, and `sensor`, over
/// the simulated temperature sensor.
pub fn install(vm: &mut Vm) {
    emberpy_machine::install(vm, &PINS);
    emberpy_board_suite::sensor::install(vm, read_temperature);
}

/// The simulated die temperature in degrees Celsius: a deterministic
/// sawtooth from 26 to 27.75 in steps of a quarter degree.
fn read_temperature() -> Option<f64> {
    let n = critical_section::with(|cs| {
        let readings = READINGS.borrow(cs);
        let n = readings.get();
        readings.set(n.wrapping_add(1));
        n
    });
    Some(26.0 + f64::from(n % 8) * 0.25)
}

/// The transitions the simulated pin `pin` has made so far.
pub fn observed_toggles(pin: u32) -> Option<u32> {
    PINS.with(|bank| bank.get(pin).map(|p| p.transitions()))
}

/// Semihosting's standard output, a line at a time.
pub struct Console {
    host: Option<hio::HostStream>,
    line: [u8; 256],
    len: usize,
}

impl Console {
    /// The console.
    pub fn new() -> Self {
        Console {
            host: hio::hstdout().ok(),
            line: [0; 256],
            len: 0,
        }
    }

    fn flush(&mut self) {
        if let Some(host) = self.host.as_mut() {
            let _ = host.write_all(&self.line[..self.len]);
        }
        self.len = 0;
    }
}

impl Write for Console {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &byte in s.as_bytes() {
            self.line[self.len] = byte;
            self.len += 1;
            if byte == b'\n' || self.len == self.line.len() {
                self.flush();
            }
        }
        Ok(())
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        self.flush();
    }
}

/// End the emulation with a passing or failing exit status.
pub fn exit(ok: bool) -> ! {
    debug::exit(if ok {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    loop {
        cortex_m::asm::wfi();
    }
}
