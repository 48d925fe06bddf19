//! Time: the VM's [`Instant`] on embassy-time's monotonic clock.
//!
//! embassy-time counts ticks of the platform's driver (1 MHz on the host);
//! the VM counts microseconds since the clock started. Both start at the
//! driver's zero, so the conversion is a change of unit only.

use sched_api::Instant;

/// Now, on embassy-time's clock.
pub(crate) fn now() -> Instant {
    Instant::from_micros(embassy_time::Instant::now().as_micros())
}

/// The embassy-time instant of `at`; instants past the end of embassy's
/// clock mean "never".
pub(crate) fn to_embassy(at: Instant) -> embassy_time::Instant {
    embassy_time::Instant::try_from_micros(at.as_micros()).unwrap_or(embassy_time::Instant::MAX)
}

/// Microseconds since the Unix epoch, where the platform knows the date.
pub(crate) fn unix_time_micros() -> Option<u64> {
    #[cfg(feature = "platform-std")]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
    }
    #[cfg(not(feature = "platform-std"))]
    {
        None
    }
}
