//! `machine.Pin` from Python, on simulated pins and on a bank whose pins
//! fail.

use std::sync::{Arc, Mutex};

use embedded_hal::digital::{ErrorKind, ErrorType, InputPin, OutputPin, StatefulOutputPin};
use emberpy_machine::sim::SimBank;
use emberpy_machine::{Mode, PinBank, PinBankCell, PinError, install};
use sched_api::{
    Instant, Interpreter, Scheduler, SpawnError, SpawnOptions, Step, TaskCounters, ThreadId,
};
use vm_core::{Config, Host, Vm};

/// Script output, shared with the test.
struct Out(Arc<Mutex<String>>);

impl Host for Out {
    fn write_stdout(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
    fn write_stderr(&mut self, text: &str) {
        self.0.lock().unwrap().push_str(text);
    }
}

/// A single-threaded scheduler for scripts that start no threads.
struct Solo;

impl Scheduler for Solo {
    fn name(&self) -> &'static str {
        "solo"
    }
    fn spawn(&self, _: ThreadId, _: SpawnOptions) -> Result<(), SpawnError> {
        Err(SpawnError::NoSlot)
    }
    fn wake(&self, _: ThreadId) {}
    fn reap(&self, _: ThreadId) {}
    fn now(&self) -> Instant {
        Instant::from_micros(0)
    }
    fn counters(&self) -> TaskCounters {
        TaskCounters::default()
    }
    fn take_stop_request(&self) -> bool {
        false
    }
}

/// Run `source` on a fresh VM with `machine` over `bank`; the output, the
/// exit status, and whether the heap went back to its baseline.
fn run<B: PinBank>(bank: &'static PinBankCell<B>, source: &str) -> (String, i32) {
    let out = Arc::new(Mutex::new(String::new()));
    let mut vm = Vm::new(Config::default(), Box::new(Out(out.clone()))).unwrap();
    install(&mut vm, bank);
    let main = vm.load_main(source, "t.py", vec![]).unwrap();
    loop {
        match vm.run_slice(&Solo, main, 10_000) {
            Step::Exit => break,
            Step::Yield => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    let outcome = vm.finish_run();
    let stats = vm.stats();
    assert_eq!(
        stats.heap.bytes, stats.heap_baseline,
        "heap back to baseline"
    );
    let text = out.lock().unwrap().clone();
    (text, outcome.exit_status)
}

fn sim_bank() -> &'static PinBankCell<SimBank<30>> {
    Box::leak(Box::new(PinBankCell::new(SimBank::new())))
}

#[test]
fn outputs_drive_simulated_pins() {
    let bank = sim_bank();
    let (out, status) = run(
        bank,
        "from machine import Pin\n\
         led = Pin(25, Pin.OUT)\n\
         print(Pin.IN, Pin.OUT, led.value())\n\
         led.toggle()\n\
         print(led.value())\n\
         led.toggle()\n\
         led.on()\n\
         led.on()\n\
         print(led.value())\n\
         led.off()\n\
         led.value(7)\n\
         led.value(0)\n\
         print(led.value(), type(led).__name__)\n",
    );
    assert_eq!((out.as_str(), status), ("0 1 0\n1\n1\n0 Pin\n", 0));
    bank.with(|b| {
        let pin = b.get(25).unwrap();
        assert_eq!(pin.mode(), Some(Mode::Out));
        assert_eq!(pin.transitions(), 6);
        assert!(!pin.driven_high());
    });
}

#[test]
fn inputs_read_the_outside_level_and_modes_persist_across_vms() {
    let bank = sim_bank();
    bank.with(|b| b.get(3).unwrap().set_external(true));
    let (out, _) = run(
        bank,
        "from machine import Pin\n\
         print(Pin(3, Pin.IN).value(), Pin(4).value())\n\
         Pin(5, mode=Pin.OUT, value=1)\n",
    );
    assert_eq!(out, "1 0\n");
    bank.with(|b| {
        assert_eq!(b.get(4).unwrap().mode(), Some(Mode::In));
        let five = b.get(5).unwrap();
        assert!(five.driven_high());
        assert_eq!(five.transitions(), 1);
    });
    // A second VM sees pin 5 as the output the first one left it.
    let (out, _) = run(bank, "from machine import Pin\nprint(Pin(5).value())\n");
    assert_eq!(out, "1\n");
}

#[test]
fn bad_ids_modes_and_arguments_raise() {
    let bank = sim_bank();
    let (out, status) = run(
        bank,
        "from machine import Pin\n\
         def attempt(f):\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except Exception as e:\n\
         \x20       print(type(e).__name__ + ':', e)\n\
         attempt(lambda: Pin(30, Pin.OUT))\n\
         attempt(lambda: Pin(-1))\n\
         attempt(lambda: Pin(2 ** 40))\n\
         attempt(lambda: Pin(2, 5))\n\
         attempt(lambda: Pin('x'))\n\
         attempt(lambda: Pin(2, 'out'))\n\
         attempt(lambda: Pin())\n\
         attempt(lambda: Pin(1, Pin.OUT, mode=Pin.IN))\n\
         attempt(lambda: Pin(1, pull=1))\n\
         attempt(lambda: Pin.value(3))\n\
         attempt(lambda: Pin(1).value(1, 2))\n\
         attempt(lambda: Pin(1).toggle(1))\n\
         print('done')\n",
    );
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        out,
        "ValueError: invalid pin: 30\n\
         ValueError: invalid pin: -1\n\
         ValueError: invalid pin: 1099511627776\n\
         ValueError: invalid pin mode: 5\n\
         TypeError: 'str' object cannot be interpreted as an integer\n\
         TypeError: 'str' object cannot be interpreted as an integer\n\
         TypeError: Pin() takes from 1 to 2 positional arguments but 0 were given\n\
         TypeError: Pin() got multiple values for argument 'mode'\n\
         TypeError: Pin() got an unexpected keyword argument 'pull'\n\
         TypeError: expected a Pin, not 'int'\n\
         TypeError: value() takes from 0 to 1 positional arguments but 2 were given\n\
         TypeError: toggle() takes 0 positional arguments but 1 were given\n\
         done\n"
    );
}

/// A pin whose driver always fails.
struct Broken;

impl ErrorType for Broken {
    type Error = ErrorKind;
}

impl OutputPin for Broken {
    fn set_low(&mut self) -> Result<(), ErrorKind> {
        Err(ErrorKind::Other)
    }
    fn set_high(&mut self) -> Result<(), ErrorKind> {
        Err(ErrorKind::Other)
    }
}

impl StatefulOutputPin for Broken {
    fn is_set_high(&mut self) -> Result<bool, ErrorKind> {
        Err(ErrorKind::Other)
    }
    fn is_set_low(&mut self) -> Result<bool, ErrorKind> {
        Err(ErrorKind::Other)
    }
}

impl InputPin for Broken {
    fn is_high(&mut self) -> Result<bool, ErrorKind> {
        Err(ErrorKind::Other)
    }
    fn is_low(&mut self) -> Result<bool, ErrorKind> {
        Err(ErrorKind::Other)
    }
}

/// One broken pin, number 0, which is an input only.
struct InputOnly(Broken);

impl PinBank for InputOnly {
    type Pin = Broken;

    fn claim(&mut self, id: u32, mode: Mode) -> Result<(), PinError> {
        match (id, mode) {
            (0, Mode::In) => Ok(()),
            (0, Mode::Out) => Err(PinError::UnsupportedMode),
            _ => Err(PinError::NoSuchPin),
        }
    }

    fn pin(&mut self, id: u32) -> Option<&mut Broken> {
        (id == 0).then_some(&mut self.0)
    }
}

#[test]
fn unsupported_modes_and_driver_errors_raise() {
    let bank: &'static PinBankCell<InputOnly> =
        Box::leak(Box::new(PinBankCell::new(InputOnly(Broken))));
    let (out, status) = run(
        bank,
        "from machine import Pin\n\
         for f in (lambda: Pin(0, Pin.OUT), lambda: Pin(0).value(), lambda: Pin(0).toggle(), lambda: Pin(1)):\n\
         \x20   try:\n\
         \x20       f()\n\
         \x20   except Exception as e:\n\
         \x20       print(type(e).__name__ + ':', e)\n",
    );
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        out,
        "ValueError: Pin(0) cannot be used as Pin.OUT\n\
         RuntimeError: Pin(0): A different error occurred. The original error may contain more information\n\
         RuntimeError: Pin(0): A different error occurred. The original error may contain more information\n\
         ValueError: invalid pin: 1\n"
    );
}
