//! `machine`: MicroPython's hardware module for emberpy, written once over
//! the embedded-hal 1.0 digital traits.
//!
//! A board (or a host test) owns the concrete pins: it puts them in a
//! [`PinBank`], wraps the bank in a [`PinBankCell`] that lives for the rest
//! of the program, and [`install`]s it in each VM. Python code then claims
//! pins by number:
//!
//! ```python
//! from machine import Pin
//! led = Pin(25, Pin.OUT)
//! led.toggle()
//! print(led.value())
//! ```
//!
//! `Pin(id, mode)` switches the bank's pin `id` to `mode`; `value()`,
//! `on()`, `off()` and `toggle()` go through [`embedded_hal::digital`]'s
//! `InputPin`, `OutputPin` and `StatefulOutputPin`. Unknown pin numbers,
//! unknown modes and pin errors raise Python exceptions; nothing a script
//! does can panic.
//!
//! [`sim`] has a simulated bank for host tests and for emulators that do
//! not model GPIO.
#![no_std]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

mod bank;
mod pin;
pub mod sim;

pub use bank::{MAX_PIN_ID, Mode, PinBank, PinBankCell, PinError};

use vm_core::Vm;
use vm_core::extension::NativeModule;

/// The `machine` module.
static MODULE: NativeModule = NativeModule {
    name: "machine",
    functions: &[],
    classes: &[&pin::PIN],
};

/// Make `machine` importable in `vm`, with the pins of `bank`.
///
/// This uses the VM's extension state (see [`Vm::set_extension`]), which
/// holds one value: install `machine` last if the embedder sets its own.
/// The bank is shared, so one bank serves any number of VMs in turn.
pub fn install<B: PinBank>(vm: &mut Vm, bank: &'static PinBankCell<B>) {
    vm.add_module(&MODULE);
    vm.set_extension(pin::Machine::new(bank));
}
