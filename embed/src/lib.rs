//! Embed emberpy in a Rust program: a [`Python`] runs scripts on OS
//! threads (the `std` backend) in one persistent namespace, calls Python
//! functions with Rust values, reads and sets globals, and loads modules
//! written in Rust.
//!
//! ```no_run
//! use emberpy_embed::{PyValue, Python};
//!
//! let mut py = Python::builder().heap_limit(1 << 20).build().unwrap();
//! py.run("def area(w, h):\n    return w * h\n").unwrap();
//! assert_eq!(py.call("area", &[PyValue::Int(3), PyValue::Int(4)]).unwrap(), PyValue::Int(12));
//! ```
//!
//! Each `run` or `call` is one run of the VM: when it returns, every thread
//! the script started has been cancelled and reaped; only the globals stay.
#![forbid(unsafe_code)]

use std::any::Any;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sched_std::{StdConfig, StdRuntime, StopHandle};
use vm_core::extension::NativeModule;
use vm_core::{Config, Host, Vm};

pub use vm_core::extension::{FromPy, IntoPy, NativeClass};
pub use vm_core::native::{Args, Native};
pub use vm_core::{PyError, PyResult, PyValue, Value, VmError, native_fn};

/// Output of the embedded scripts: the process's streams, or a buffer.
struct EmbedHost {
    capture: Option<Arc<Mutex<String>>>,
}

impl Host for EmbedHost {
    fn write_stdout(&mut self, text: &str) {
        match &self.capture {
            Some(buf) => buf.lock().unwrap_or_else(|e| e.into_inner()).push_str(text),
            None => print!("{text}"),
        }
    }

    fn write_stderr(&mut self, text: &str) {
        match &self.capture {
            Some(buf) => buf.lock().unwrap_or_else(|e| e.into_inner()).push_str(text),
            None => eprint!("{text}"),
        }
    }
}

/// Installs the embedder's extension state on a new VM.
type InstallExtension = Box<dyn FnOnce(&mut Vm)>;

/// Configures a [`Python`].
pub struct Builder {
    config: Config,
    modules: Vec<&'static NativeModule>,
    capture: bool,
    extension: Option<InstallExtension>,
}

impl Builder {
    /// Bytes the Python heap may hold (`MemoryError` beyond).
    pub fn heap_limit(mut self, bytes: usize) -> Self {
        self.config.heap_limit = bytes;
        self
    }

    /// Python threads alive at once, the main one included.
    pub fn max_threads(mut self, n: usize) -> Self {
        self.config.max_threads = n;
        self
    }

    /// Deepest Python call stack (`RecursionError` beyond).
    pub fn recursion_limit(mut self, depth: u32) -> Self {
        self.config.recursion_limit = depth;
        self
    }

    /// Bytecodes one run may execute before all its threads are stopped.
    pub fn instruction_limit(mut self, n: u64) -> Self {
        self.config.instruction_limit = Some(n);
        self
    }

    /// Wall-clock time one run may take before all its threads are stopped.
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.config.time_limit = Some(limit);
        self
    }

    /// Make a module written in Rust importable.
    pub fn module(mut self, module: &'static NativeModule) -> Self {
        self.modules.push(module);
        self
    }

    /// Give native functions access to `state` (through
    /// `Ctx::extension::<T>()`).
    pub fn extension<T: Any + Send>(mut self, state: T) -> Self {
        self.extension = Some(Box::new(move |vm: &mut Vm| vm.set_extension(state)));
        self
    }

    /// Keep the scripts' output for [`Python::take_output`] instead of
    /// writing it to this process's stdout and stderr.
    pub fn capture_output(mut self) -> Self {
        self.capture = true;
        self
    }

    /// The interpreter.
    pub fn build(self) -> Result<Python, VmError> {
        let capture = self.capture.then(|| Arc::new(Mutex::new(String::new())));
        let host = EmbedHost {
            capture: capture.clone(),
        };
        let mut vm = Vm::new(self.config, Box::new(host))?;
        for m in self.modules {
            vm.add_module(m);
        }
        if let Some(set) = self.extension {
            set(&mut vm);
        }
        Ok(Python {
            vm: Some(vm),
            runtime: StdRuntime::new(StdConfig::default()),
            capture,
        })
    }
}

/// An embedded Python interpreter.
pub struct Python {
    vm: Option<Vm>,
    runtime: StdRuntime,
    capture: Option<Arc<Mutex<String>>>,
}

/// The error for a run that could not even start.
fn not_started(kind: &str) -> PyError {
    PyError {
        type_name: String::from(kind),
        message: String::from("the run could not start"),
        traceback: String::new(),
    }
}

impl Python {
    /// Configure an interpreter.
    pub fn builder() -> Builder {
        Builder {
            config: Config::default(),
            modules: Vec::new(),
            capture: false,
            extension: None,
        }
    }

    fn vm(&mut self) -> &mut Vm {
        self.vm.as_mut().expect("the VM is only out during a run")
    }

    /// Run a prepared main thread to the end; the result or the error.
    fn drive(&mut self, main: Result<sched_api::ThreadId, i32>) -> Result<PyValue, PyError> {
        let vm = self.vm.take().expect("the VM is only out during a run");
        let mut vm = match main {
            Ok(main) => self.runtime.run(vm, main),
            Err(_) => {
                let mut vm = vm;
                let outcome = vm.finish_run();
                self.vm = Some(vm);
                return Err(outcome.error.unwrap_or_else(|| not_started("SyntaxError")));
            }
        };
        let outcome = vm.finish_run();
        self.vm = Some(vm);
        match outcome.error {
            Some(e) => Err(e),
            None => Ok(outcome.result),
        }
    }

    /// Run Python source in the interpreter's namespace.
    pub fn run(&mut self, source: &str) -> Result<(), PyError> {
        let main = self.vm().load_entry(source, "<embedded>", false);
        self.drive(main).map(|_| ())
    }

    /// Run a Python file in the interpreter's namespace.
    pub fn run_file(&mut self, path: &std::path::Path) -> Result<(), PyError> {
        let source = std::fs::read_to_string(path).map_err(|e| PyError {
            type_name: String::from("OSError"),
            message: e.to_string(),
            traceback: String::new(),
        })?;
        let name = path.display().to_string();
        let main = self.vm().load_entry(&source, &name, false);
        self.drive(main).map(|_| ())
    }

    /// Run precompiled bytecode (an `.ebc` file's bytes).
    pub fn run_compiled(&mut self, bytes: &[u8]) -> Result<(), PyError> {
        let code = vm_core::ebc::read(bytes).map_err(|e| PyError {
            type_name: String::from("ImportError"),
            message: e.to_string(),
            traceback: String::new(),
        })?;
        let main = self.vm().load_entry_code(&code);
        self.drive(main).map(|_| ())
    }

    /// Call the global function `name` with `args`; its return value.
    pub fn call(&mut self, name: &str, args: &[PyValue]) -> Result<PyValue, PyError> {
        let main = self.vm().load_call(name, args);
        match main {
            Ok(_) => self.drive(main),
            Err(_) => {
                let outcome = self.vm().finish_run();
                Err(outcome.error.unwrap_or_else(|| not_started("NameError")))
            }
        }
    }

    /// A global of the interpreter's namespace.
    pub fn get(&self, name: &str) -> Option<PyValue> {
        self.vm.as_ref()?.get_global(name)
    }

    /// Set a global of the interpreter's namespace.
    pub fn set(&mut self, name: &str, value: &PyValue) -> Result<(), PyError> {
        self.vm().set_global(name, value).map_err(|_| PyError {
            type_name: String::from("MemoryError"),
            message: String::new(),
            traceback: String::new(),
        })
    }

    /// A handle that stops the running script from another thread (as
    /// Ctrl-C does: `KeyboardInterrupt` in the main thread, then every
    /// thread is cancelled).
    pub fn stop_handle(&self) -> StopHandle {
        self.runtime.stop_handle()
    }

    /// The output captured so far (with [`Builder::capture_output`]).
    pub fn take_output(&self) -> String {
        self.capture
            .as_ref()
            .map(|b| std::mem::take(&mut *b.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default()
    }
}
