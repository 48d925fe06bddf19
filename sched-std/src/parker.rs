//! Per-task wake-up state: a wake permit for sleeps and blocks, and a
//! grant flag for the VM lock's hand-over.

use std::time::Instant;

use crate::sync::{Condvar, Mutex, MutexGuard};

#[derive(Default)]
struct Flags {
    woken: bool,
    granted: bool,
}

/// Where one task waits.
#[derive(Default)]
pub struct Parker {
    flags: Mutex<Flags>,
    cv: Condvar,
}

impl Parker {
    fn lock(&self) -> MutexGuard<'_, Flags> {
        self.flags.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// End the current (or next) [`Parker::park_until`] early.
    pub fn wake(&self) {
        self.lock().woken = true;
        self.cv.notify_all();
    }

    /// Wait until `deadline` (forever when `None`) or a [`Parker::wake`],
    /// consuming the wake.
    pub fn park_until(&self, deadline: Option<Instant>) {
        let mut flags = self.lock();
        while !flags.woken {
            match deadline {
                None => flags = self.cv.wait(flags).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        break;
                    }
                    flags = self
                        .cv
                        .wait_timeout(flags, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
        flags.woken = false;
    }

    /// Hand the VM lock to this task.
    pub fn grant(&self) {
        self.lock().granted = true;
        self.cv.notify_all();
    }

    /// Wait for [`Parker::grant`].
    pub fn wait_grant(&self) {
        let mut flags = self.lock();
        while !flags.granted {
            flags = self.cv.wait(flags).unwrap_or_else(|e| e.into_inner());
        }
        flags.granted = false;
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn a_wake_before_parking_is_not_lost() {
        let p = Parker::default();
        p.wake();
        let start = Instant::now();
        p.park_until(Some(start + Duration::from_secs(5)));
        assert!(start.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn park_times_out() {
        let p = Parker::default();
        let start = Instant::now();
        p.park_until(Some(start + Duration::from_millis(20)));
        assert!(start.elapsed() >= Duration::from_millis(20));
    }

    #[test]
    fn wake_from_another_thread_ends_a_long_park() {
        let p = Arc::new(Parker::default());
        let q = p.clone();
        let waker = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(10));
            q.wake();
        });
        let start = Instant::now();
        p.park_until(Some(start + Duration::from_secs(10)));
        assert!(start.elapsed() < Duration::from_secs(2));
        waker.join().unwrap();
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;
    use crate::sync::Arc;

    /// However the two threads interleave, a wake is never lost: the parked
    /// thread always returns (loom reports a deadlock otherwise).
    #[test]
    fn wake_is_never_lost() {
        loom::model(|| {
            let p = Arc::new(Parker::default());
            let q = p.clone();
            let waker = loom::thread::spawn(move || q.wake());
            p.park_until(None);
            waker.join().unwrap();
        });
    }

    /// Grants and wakes use one condition variable without stealing each
    /// other's notifications.
    #[test]
    fn grant_and_wake_do_not_interfere() {
        loom::model(|| {
            let p = Arc::new(Parker::default());
            let q = p.clone();
            let other = loom::thread::spawn(move || {
                q.grant();
                q.wake();
            });
            p.wait_grant();
            p.park_until(None);
            other.join().unwrap();
        });
    }
}
