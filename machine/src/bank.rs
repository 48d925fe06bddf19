//! The pin bank: the board's concrete pins, behind one lock, and the mode
//! each one was last claimed in.

use core::cell::RefCell;

use critical_section::Mutex;
use embedded_hal::digital::{
    Error as _, ErrorKind, ErrorType, InputPin, OutputPin, StatefulOutputPin,
};

/// Highest pin number `machine` accepts, whatever the bank has.
pub const MAX_PIN_ID: u32 = 255;

/// A pin's direction: `Pin.IN` or `Pin.OUT`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// A digital input (`Pin.IN`, 0).
    In,
    /// A push-pull digital output (`Pin.OUT`, 1).
    Out,
}

impl Mode {
    /// The Python constant's value.
    pub const fn number(self) -> i64 {
        match self {
            Mode::In => 0,
            Mode::Out => 1,
        }
    }

    /// The mode a Python constant stands for.
    pub const fn from_number(n: i64) -> Option<Mode> {
        match n {
            0 => Some(Mode::In),
            1 => Some(Mode::Out),
            _ => None,
        }
    }
}

/// Why a pin operation failed; each becomes a Python exception.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PinError {
    /// The board has no pin with this number (`ValueError`).
    NoSuchPin,
    /// The pin cannot be used in this mode (`ValueError`).
    UnsupportedMode,
    /// The pin's driver reported an error (`RuntimeError`).
    Io(ErrorKind),
}

/// What a board supplies: its pins, by number, as embedded-hal 1.0 pins
/// that can be both read and driven (embassy's `Flex` pins, for example).
///
/// Switching a pin's direction is not part of embedded-hal, so it is the
/// one thing a bank does itself, in [`PinBank::claim`].
pub trait PinBank: Send + 'static {
    /// The pin type.
    type Pin: InputPin + StatefulOutputPin;

    /// Switch pin `id` to `mode`. [`PinError::NoSuchPin`] for numbers the
    /// board does not have (or keeps for itself, like a console's UART
    /// pins), [`PinError::UnsupportedMode`] for a mode the pin cannot do.
    fn claim(&mut self, id: u32, mode: Mode) -> Result<(), PinError>;

    /// Pin `id`, if the board has it.
    fn pin(&mut self, id: u32) -> Option<&mut Self::Pin>;
}

/// A set of pin numbers up to [`MAX_PIN_ID`].
#[derive(Clone, Copy, Default)]
struct PinSet([u32; 8]);

impl PinSet {
    fn contains(&self, id: u32) -> bool {
        self.0[(id / 32) as usize] & (1 << (id % 32)) != 0
    }

    fn set(&mut self, id: u32, on: bool) {
        let word = &mut self.0[(id / 32) as usize];
        if on {
            *word |= 1 << (id % 32);
        } else {
            *word &= !(1 << (id % 32));
        }
    }
}

/// A bank and the modes of its claimed pins.
struct Claims<B> {
    bank: B,
    claimed: PinSet,
    output: PinSet,
}

/// A [`PinBank`] behind a critical-section lock, so that it can live in a
/// `static` (or be leaked) and serve every VM the board creates. The lock
/// is held for one pin operation at a time.
pub struct PinBankCell<B> {
    inner: Mutex<RefCell<Claims<B>>>,
}

impl<B: PinBank> PinBankCell<B> {
    /// A cell holding `bank`, with no pin claimed yet.
    pub const fn new(bank: B) -> Self {
        PinBankCell {
            inner: Mutex::new(RefCell::new(Claims {
                bank,
                claimed: PinSet([0; 8]),
                output: PinSet([0; 8]),
            })),
        }
    }

    /// Run `f` on the bank, for example to look at simulated pins.
    pub fn with<R>(&self, f: impl FnOnce(&mut B) -> R) -> R {
        critical_section::with(|cs| f(&mut self.inner.borrow_ref_mut(cs).bank))
    }

    fn claims<R>(&self, f: impl FnOnce(&mut Claims<B>) -> R) -> R {
        critical_section::with(|cs| f(&mut self.inner.borrow_ref_mut(cs)))
    }

    /// Run `f` on claimed pin `id`.
    fn on_pin<R>(
        &self,
        id: u32,
        f: impl FnOnce(&mut B::Pin) -> Result<R, <B::Pin as ErrorType>::Error>,
    ) -> Result<R, PinError> {
        self.claims(|c| {
            let pin = c.bank.pin(id).ok_or(PinError::NoSuchPin)?;
            f(pin).map_err(|e| PinError::Io(e.kind()))
        })
    }
}

/// The bank as the `Pin` class uses it: object-safe, shared, and free of
/// the board's pin type.
pub(crate) trait Pins: Sync {
    /// Switch pin `id` to `mode` and remember it.
    fn claim(&self, id: u32, mode: Mode) -> Result<(), PinError>;
    /// The mode pin `id` was last claimed in.
    fn mode(&self, id: u32) -> Option<Mode>;
    /// Drive pin `id` high or low (`OutputPin`).
    fn write(&self, id: u32, high: bool) -> Result<(), PinError>;
    /// Invert pin `id`'s output (`StatefulOutputPin`).
    fn toggle(&self, id: u32) -> Result<(), PinError>;
    /// Pin `id`'s level: the level it drives when it is an output
    /// (`StatefulOutputPin`), the level it reads otherwise (`InputPin`).
    fn read(&self, id: u32) -> Result<bool, PinError>;
}

impl<B: PinBank> Pins for PinBankCell<B> {
    fn claim(&self, id: u32, mode: Mode) -> Result<(), PinError> {
        if id > MAX_PIN_ID {
            return Err(PinError::NoSuchPin);
        }
        self.claims(|c| {
            c.bank.claim(id, mode)?;
            c.claimed.set(id, true);
            c.output.set(id, mode == Mode::Out);
            Ok(())
        })
    }

    fn mode(&self, id: u32) -> Option<Mode> {
        if id > MAX_PIN_ID {
            return None;
        }
        self.claims(|c| match (c.claimed.contains(id), c.output.contains(id)) {
            (false, _) => None,
            (true, true) => Some(Mode::Out),
            (true, false) => Some(Mode::In),
        })
    }

    fn write(&self, id: u32, high: bool) -> Result<(), PinError> {
        self.on_pin(id, |p| if high { p.set_high() } else { p.set_low() })
    }

    fn toggle(&self, id: u32) -> Result<(), PinError> {
        self.on_pin(id, StatefulOutputPin::toggle)
    }

    fn read(&self, id: u32) -> Result<bool, PinError> {
        if self.mode(id) == Some(Mode::Out) {
            self.on_pin(id, StatefulOutputPin::is_set_high)
        } else {
            self.on_pin(id, InputPin::is_high)
        }
    }
}
