//! The STM32F405 itself. embassy-stm32 sets the clocks (168 MHz from the
//! internal oscillator through the PLL, so no crystal is assumed), runs
//! embassy-time on a timer (under embassy), drives the console on USART2
//! (PA2 transmits, 115200 baud 8N1), gives GPIO ports A to C to
//! `machine.Pin`, numbered port × 16 + pin (PA5 = 5, PB7 = 23, PC13 = 45),
//! except the console's pins (PA2, PA3) and the debugger's (PA13, PA14),
//! and reads the chip's temperature sensor (ADC1) for `sensor`.

use core::cell::{Cell, RefCell};
use core::fmt::{self, Write};

use critical_section::Mutex;
use embassy_stm32::adc::{Adc, SampleTime, Temperature};
use embassy_stm32::gpio::{Flex, Pull, Speed};
use embassy_stm32::mode::Blocking;
use embassy_stm32::peripherals::ADC1;
use embassy_stm32::rcc::{
    AHBPrescaler, APBPrescaler, Pll, PllMul, PllPDiv, PllPreDiv, PllQDiv, PllSource, Sysclk,
};
use embassy_stm32::usart::{self, UartTx};
use emberpy_machine::{Mode, PinBank, PinBankCell, PinError};
use vm_core::Vm;

/// The board's name in the result lines.
pub const NAME: &str = "stm32";

/// Most runs of one scenario (S09 asks for 1,000).
pub const MAX_REPEAT: u32 = 1000;

/// Pins of ports A to C.
const PIN_COUNT: usize = 48;

/// USART2's transmitter, once [`init`] has set it up.
static UART: Mutex<RefCell<Option<UartTx<'static, Blocking>>>> = Mutex::new(RefCell::new(None));

/// The pins `machine.Pin` hands out, once [`init`] has set them up.
static PINS: Mutex<Cell<Option<&'static PinBankCell<Pins>>>> = Mutex::new(Cell::new(None));

/// ADC1 and its temperature sensor channel.
type Thermometer = (Adc<'static, ADC1>, Temperature);

/// The thermometer, once [`init`] has set it up.
static THERMOMETER: Mutex<RefCell<Option<Thermometer>>> = Mutex::new(RefCell::new(None));

/// Bring the chip up: clocks (and time), the console, the pins.
pub fn init() {
    let mut config = embassy_stm32::Config::default();
    config.rcc.hsi = true;
    config.rcc.pll_src = PllSource::HSI;
    // 16 MHz / 16 × 336 / 2 = 168 MHz; / 7 = 48 MHz for USB.
    config.rcc.pll = Some(Pll {
        prediv: PllPreDiv::DIV16,
        mul: PllMul::MUL336,
        divp: Some(PllPDiv::DIV2),
        divq: Some(PllQDiv::DIV7),
        divr: None,
    });
    config.rcc.sys = Sysclk::PLL1_P;
    config.rcc.ahb_pre = AHBPrescaler::DIV1;
    config.rcc.apb1_pre = APBPrescaler::DIV4;
    config.rcc.apb2_pre = APBPrescaler::DIV2;
    let p = embassy_stm32::init(config);
    if let Ok(uart) = UartTx::new_blocking(p.USART2, p.PA2, usart::Config::default()) {
        critical_section::with(|cs| UART.borrow(cs).replace(Some(uart)));
    }
    let adc = Adc::new(p.ADC1);
    let temperature = adc.enable_temperature();
    critical_section::with(|cs| THERMOMETER.borrow(cs).replace(Some((adc, temperature))));
    let mut pins: [Option<Flex<'static>>; PIN_COUNT] = [const { None }; PIN_COUNT];
    macro_rules! gpio {
        ($($n:literal => $pin:ident),* $(,)?) => {
            $(pins[$n] = Some(Flex::new(p.$pin));)*
        };
    }
    gpio!(
        0 => PA0, 1 => PA1, 4 => PA4, 5 => PA5, 6 => PA6, 7 => PA7, 8 => PA8,
        9 => PA9, 10 => PA10, 11 => PA11, 12 => PA12, 15 => PA15,
        16 => PB0, 17 => PB1, 18 => PB2, 19 => PB3, 20 => PB4, 21 => PB5,
        22 => PB6, 23 => PB7, 24 => PB8, 25 => PB9, 26 => PB10, 27 => PB11,
        28 => PB12, 29 => PB13, 30 => PB14, 31 => PB15,
        32 => PC0, 33 => PC1, 34 => PC2, 35 => PC3, 36 => PC4, 37 => PC5,
        38 => PC6, 39 => PC7, 40 => PC8, 41 => PC9, 42 => PC10, 43 => PC11,
        44 => PC12, 45 => PC13, 46 => PC14, 47 => PC15,
    );
    if let Some(bank) = cortex_m::singleton!(: PinBankCell<Pins> = PinBankCell::new(Pins { pins }))
    {
        let bank: &'static PinBankCell<Pins> = bank;
        critical_section::with(|cs| PINS.borrow(cs).set(Some(bank)));
    }
}

/// Make `machine` importable, over the chip's GPIO, and `sensor`, over
/// its temperature sensor.
pub fn install(vm: &mut Vm) {
    if let Some(bank) = critical_section::with(|cs| PINS.borrow(cs).get()) {
        emberpy_machine::install(vm, bank);
    }
    emberpy_board_suite::sensor::install(vm, read_temperature);
}

/// The die temperature in degrees Celsius, from the sensor's voltage
/// (datasheet: 0.76 V at 25 °C, 2.5 mV/°C; VDDA taken as 3.3 V). The
/// longest sample time covers the sensor's 10 µs minimum.
fn read_temperature() -> Option<f64> {
    let raw = critical_section::with(|cs| {
        let mut thermometer = THERMOMETER.borrow_ref_mut(cs);
        let (adc, channel) = thermometer.as_mut()?;
        Some(adc.blocking_read(channel, SampleTime::CYCLES480))
    })?;
    let volts = f64::from(raw) * 3.3 / 4095.0;
    Some((volts - 0.76) / 0.0025 + 25.0)
}

/// The pins are real: only an outside observer sees their transitions.
pub fn observed_toggles(_pin: u32) -> Option<u32> {
    None
}

/// Ports A to C as embassy-stm32 `Flex` pins.
pub struct Pins {
    pins: [Option<Flex<'static>>; PIN_COUNT],
}

impl PinBank for Pins {
    type Pin = Flex<'static>;

    fn claim(&mut self, id: u32, mode: Mode) -> Result<(), PinError> {
        let pin = self.pin(id).ok_or(PinError::NoSuchPin)?;
        match mode {
            Mode::In => pin.set_as_input(Pull::None),
            Mode::Out => pin.set_as_output(Speed::Low),
        }
        Ok(())
    }

    fn pin(&mut self, id: u32) -> Option<&mut Flex<'static>> {
        self.pins.get_mut(usize::try_from(id).ok()?)?.as_mut()
    }
}

/// USART2, a line at a time.
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

/// Stop here: the result is on the console.
pub fn exit(_ok: bool) -> ! {
    loop {
        cortex_m::asm::wfi();
    }
}
