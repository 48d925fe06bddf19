//! The VM lock: one Python thread runs at a time, and waiting tasks get the
//! VM in arrival order, so a busy thread cannot starve the others
//! (THREADS.md rule 3).

use std::collections::VecDeque;

use crate::parker::Parker;
use crate::sync::{Arc, Mutex, MutexGuard};

#[derive(Default)]
struct Queue {
    held: bool,
    waiting: VecDeque<Arc<Parker>>,
}

/// A fair lock around the VM.
pub struct Gil<V> {
    queue: Mutex<Queue>,
    vm: Mutex<V>,
}

impl<V> Gil<V> {
    /// A lock around `vm`.
    pub fn new(vm: V) -> Self {
        Gil {
            queue: Mutex::new(Queue::default()),
            vm: Mutex::new(vm),
        }
    }

    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Run `f` with the VM once it is this task's turn; `me` is where the
    /// task waits for its turn.
    pub fn with<R>(&self, me: &Arc<Parker>, f: impl FnOnce(&mut V) -> R) -> R {
        let mut q = self.queue();
        if q.held {
            q.waiting.push_back(me.clone());
            drop(q);
            me.wait_grant();
        } else {
            q.held = true;
            drop(q);
        }
        let result = {
            let mut vm = self.vm.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut vm)
        };
        let mut q = self.queue();
        match q.waiting.pop_front() {
            Some(next) => next.grant(),
            None => q.held = false,
        }
        result
    }

    /// The VM back, once no task uses it.
    pub fn into_inner(self) -> V {
        self.vm.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn turns_are_exclusive_and_first_come_first_served() {
        let gil = Arc::new(Gil::new(Vec::<usize>::new()));
        let inside = Arc::new(AtomicUsize::new(0));
        let mut handles = Vec::new();
        for t in 0..4 {
            let gil = gil.clone();
            let inside = inside.clone();
            handles.push(std::thread::spawn(move || {
                let me = Arc::new(Parker::default());
                for _ in 0..200 {
                    gil.with(&me, |log| {
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0);
                        log.push(t);
                        inside.fetch_sub(1, Ordering::SeqCst);
                    });
                }
            }));
        }
        for h in handles {
            h.join().unwrap();
        }
        let log = Arc::try_unwrap(gil).ok().unwrap().into_inner();
        assert_eq!(log.len(), 800);
    }
}

#[cfg(all(test, loom))]
mod loom_tests {
    use super::*;

    /// Two tasks taking turns twice each: every interleaving keeps the turns
    /// exclusive, hands the lock over without deadlock, and loses no turn.
    #[test]
    fn turns_are_exclusive_in_every_interleaving() {
        loom::model(|| {
            let gil = Arc::new(Gil::new((0u32, false)));
            let other = {
                let gil = gil.clone();
                loom::thread::spawn(move || {
                    let me = Arc::new(Parker::default());
                    for _ in 0..2 {
                        gil.with(&me, |(n, inside)| {
                            assert!(!*inside);
                            *inside = true;
                            *n += 1;
                            *inside = false;
                        });
                    }
                })
            };
            let me = Arc::new(Parker::default());
            for _ in 0..2 {
                gil.with(&me, |(n, inside)| {
                    assert!(!*inside);
                    *inside = true;
                    *n += 1;
                    *inside = false;
                });
            }
            other.join().unwrap();
            let gil = Arc::try_unwrap(gil).ok().expect("sole owner");
            assert_eq!(gil.into_inner().0, 4);
        });
    }
}
