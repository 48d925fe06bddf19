//! Simulated pins: for host tests, and for emulators that do not model
//! GPIO (QEMU's STM32F405). Each pin remembers the level it drives, the
//! level an input would read, and how often its output changed.

use core::convert::Infallible;

use embedded_hal::digital::{ErrorType, InputPin, OutputPin, StatefulOutputPin};

use crate::bank::{Mode, PinBank, PinError};

/// One simulated pin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SimPin {
    mode: Option<Mode>,
    driven: bool,
    external: bool,
    transitions: u32,
}

impl SimPin {
    /// The mode the pin was last switched to, if any.
    pub fn mode(&self) -> Option<Mode> {
        self.mode
    }

    /// The level the pin drives (as an output).
    pub fn driven_high(&self) -> bool {
        self.driven
    }

    /// How many times the driven level changed.
    pub fn transitions(&self) -> u32 {
        self.transitions
    }

    /// Set the level an input reads, as a test's outside world.
    pub fn set_external(&mut self, high: bool) {
        self.external = high;
    }
}

impl ErrorType for SimPin {
    type Error = Infallible;
}

impl OutputPin for SimPin {
    fn set_low(&mut self) -> Result<(), Infallible> {
        if self.driven {
            self.transitions = self.transitions.wrapping_add(1);
        }
        self.driven = false;
        Ok(())
    }

    fn set_high(&mut self) -> Result<(), Infallible> {
        if !self.driven {
            self.transitions = self.transitions.wrapping_add(1);
        }
        self.driven = true;
        Ok(())
    }
}

impl StatefulOutputPin for SimPin {
    fn is_set_high(&mut self) -> Result<bool, Infallible> {
        Ok(self.driven)
    }

    fn is_set_low(&mut self) -> Result<bool, Infallible> {
        Ok(!self.driven)
    }
}

impl InputPin for SimPin {
    fn is_high(&mut self) -> Result<bool, Infallible> {
        Ok(match self.mode {
            Some(Mode::Out) => self.driven,
            _ => self.external,
        })
    }

    fn is_low(&mut self) -> Result<bool, Infallible> {
        self.is_high().map(|high| !high)
    }
}

/// `N` simulated pins, numbered from 0, every one usable in either mode.
#[derive(Clone, Copy, Debug)]
pub struct SimBank<const N: usize> {
    pins: [SimPin; N],
}

impl<const N: usize> SimBank<N> {
    /// Pins that are all unclaimed, low, and read low.
    pub const fn new() -> Self {
        SimBank {
            pins: [SimPin {
                mode: None,
                driven: false,
                external: false,
                transitions: 0,
            }; N],
        }
    }

    /// Pin `id`, to look at or to drive its input.
    pub fn get(&mut self, id: u32) -> Option<&mut SimPin> {
        self.pins.get_mut(usize::try_from(id).ok()?)
    }
}

impl<const N: usize> Default for SimBank<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> PinBank for SimBank<N> {
    type Pin = SimPin;

    fn claim(&mut self, id: u32, mode: Mode) -> Result<(), PinError> {
        let pin = self.get(id).ok_or(PinError::NoSuchPin)?;
        pin.mode = Some(mode);
        Ok(())
    }

    fn pin(&mut self, id: u32) -> Option<&mut SimPin> {
        self.get(id)
    }
}
