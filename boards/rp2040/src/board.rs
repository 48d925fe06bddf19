//! The RP2040 itself: the heap, embassy-rp's clocks and time driver, the
//! console on UART0, GPIO for `machine.Pin` and the temperature sensor
//! (ADC channel 4) for `sensor`. In rp2040js the harness feeds the ADC the
//! sensor's readings.

use core::cell::{Cell, RefCell};
use core::fmt::{self, Write};
use core::mem::MaybeUninit;

use critical_section::Mutex;
use embassy_rp::adc::{self, Adc, Channel};
use embassy_rp::gpio::{Flex, Pull};
use embassy_rp::uart::{self, Blocking, UartTx};
use emberpy_board_memory::Heap;
use emberpy_board_suite::Board;
use emberpy_machine::{Mode, PinBank, PinBankCell, PinError};
use vm_core::Vm;

/// Bytes of RAM for the heap, out of 264 KiB; the stack gets what the
/// static data leaves of the rest.
const HEAP_SIZE: usize = 200 * 1024;

/// The VM's own limit, below the heap: the VM raises `MemoryError` before
/// the allocator runs dry.
const VM_HEAP_LIMIT: usize = 160 * 1024;

/// Most runs of one scenario (S09 asks for 1,000: about 45 s in rp2040js).
const MAX_REPEAT: u32 = 1000;

/// GPIO pins: GPIO0 and GPIO1 carry the console.
const GPIO_COUNT: usize = 30;

#[global_allocator]
static HEAP: Heap = Heap::empty();

/// UART0's transmitter, once [`init`] has set it up.
static UART: Mutex<RefCell<Option<UartTx<'static, Blocking>>>> = Mutex::new(RefCell::new(None));

/// The pins `machine.Pin` hands out, once [`init`] has set them up.
static PINS: Mutex<Cell<Option<&'static PinBankCell<Pins>>>> = Mutex::new(Cell::new(None));

/// The ADC and its temperature sensor channel.
type Thermometer = (Adc<'static, adc::Blocking>, Channel<'static>);

/// The thermometer, once [`init`] has set it up.
static THERMOMETER: Mutex<RefCell<Option<Thermometer>>> = Mutex::new(RefCell::new(None));

/// Give the heap its RAM; call first thing.
pub fn init_heap() {
    if let Some(memory) = cortex_m::singleton!(
        : [MaybeUninit<u8>; HEAP_SIZE] = [MaybeUninit::uninit(); HEAP_SIZE]
    ) {
        HEAP.init(memory);
    }
}

/// Bring the chip up: clocks and time (embassy-rp), the console on UART0
/// (GPIO0 transmits), GPIO2 to GPIO29 for `machine.Pin` and the ADC's
/// temperature sensor.
pub fn init() {
    let p = embassy_rp::init(Default::default());
    let uart = UartTx::new_blocking(p.UART0, p.PIN_0, uart::Config::default());
    critical_section::with(|cs| UART.borrow(cs).replace(Some(uart)));
    let thermometer = (
        Adc::new_blocking(p.ADC, adc::Config::default()),
        Channel::new_temp_sensor(p.ADC_TEMP_SENSOR),
    );
    critical_section::with(|cs| THERMOMETER.borrow(cs).replace(Some(thermometer)));
    let mut pins: [Option<Flex<'static>>; GPIO_COUNT] = [const { None }; GPIO_COUNT];
    macro_rules! gpio {
        ($($n:literal => $pin:ident),* $(,)?) => {
            $(pins[$n] = Some(Flex::new(p.$pin));)*
        };
    }
    gpio!(
        2 => PIN_2, 3 => PIN_3, 4 => PIN_4, 5 => PIN_5, 6 => PIN_6, 7 => PIN_7,
        8 => PIN_8, 9 => PIN_9, 10 => PIN_10, 11 => PIN_11, 12 => PIN_12,
        13 => PIN_13, 14 => PIN_14, 15 => PIN_15, 16 => PIN_16, 17 => PIN_17,
        18 => PIN_18, 19 => PIN_19, 20 => PIN_20, 21 => PIN_21, 22 => PIN_22,
        23 => PIN_23, 24 => PIN_24, 25 => PIN_25, 26 => PIN_26, 27 => PIN_27,
        28 => PIN_28, 29 => PIN_29,
    );
    if let Some(bank) = cortex_m::singleton!(: PinBankCell<Pins> = PinBankCell::new(Pins { pins }))
    {
        let bank: &'static PinBankCell<Pins> = bank;
        critical_section::with(|cs| PINS.borrow(cs).set(Some(bank)));
    }
}

/// This firmware, for the suite; `scheduler` is the backend's name.
pub fn board(scheduler: &'static str) -> Board {
    Board {
        name: "rp2040",
        scheduler,
        platform: "rp2",
        vm_heap_limit: VM_HEAP_LIMIT,
        max_threads: sched_embassy::TASK_POOL_SIZE,
        max_repeat: MAX_REPEAT,
        allocated,
        install,
        observed_toggles,
        unsupported: &[],
    }
}

fn allocated() -> usize {
    HEAP.used()
}

/// Make `machine` importable, over the chip's GPIO, and `sensor`, over
/// its temperature sensor.
fn install(vm: &mut Vm) {
    if let Some(bank) = critical_section::with(|cs| PINS.borrow(cs).get()) {
        emberpy_machine::install(vm, bank);
    }
    emberpy_board_suite::sensor::install(vm, read_temperature);
}

/// The die temperature in degrees Celsius, from the sensor's voltage
/// (datasheet: 0.706 V at 27 °C, -1.721 mV/°C; ADC reference 3.3 V).
fn read_temperature() -> Option<f64> {
    let raw = critical_section::with(|cs| {
        let mut thermometer = THERMOMETER.borrow_ref_mut(cs);
        let (adc, channel) = thermometer.as_mut()?;
        adc.blocking_read(channel).ok()
    })?;
    let volts = f64::from(raw) * 3.3 / 4096.0;
    Some(27.0 - (volts - 0.706) / 0.001721)
}

/// The pins are real: the emulator's harness counts their transitions.
fn observed_toggles(_pin: u32) -> Option<u32> {
    None
}

/// Print the heap and stack figures.
pub fn report_memory(out: &mut impl Write) {
    emberpy_board_memory::report(&HEAP, out);
}

/// Stop here for good.
pub fn halt() -> ! {
    loop {
        cortex_m::asm::wfi();
    }
}

/// GPIO0 to GPIO29 as embassy-rp `Flex` pins, numbered as on the chip.
pub struct Pins {
    pins: [Option<Flex<'static>>; GPIO_COUNT],
}

impl PinBank for Pins {
    type Pin = Flex<'static>;

    fn claim(&mut self, id: u32, mode: Mode) -> Result<(), PinError> {
        let pin = self.pin(id).ok_or(PinError::NoSuchPin)?;
        match mode {
            Mode::In => {
                pin.set_pull(Pull::None);
                pin.set_as_input();
            }
            Mode::Out => pin.set_as_output(),
        }
        Ok(())
    }

    fn pin(&mut self, id: u32) -> Option<&mut Flex<'static>> {
        self.pins.get_mut(usize::try_from(id).ok()?)?.as_mut()
    }
}

/// UART0, a line at a time.
pub struct Console {
    line: [u8; 256],
    len: usize,
}

impl Console {
    /// The console.
    pub const fn new() -> Self {
        Console {
            line: [0; 256],
            len: 0,
        }
    }

    fn flush(&mut self) {
        // Write outside the critical section: a line at 115200 baud takes
        // milliseconds, and interrupts must go on meanwhile.
        if let Some(mut uart) = critical_section::with(|cs| UART.borrow(cs).take()) {
            let _ = uart.blocking_write(&self.line[..self.len]);
            critical_section::with(|cs| UART.borrow(cs).replace(Some(uart)));
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
