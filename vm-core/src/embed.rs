//! The embedding surface of the VM: Python values as Rust values
//! ([`PyValue`]), uncaught exceptions as [`PyError`], and *sessions*, in
//! which one `__main__` namespace outlives many runs (a REPL, or a host
//! program calling into a script it loaded once).
//!
//! Every run inside a session still keeps the thread contract: when the
//! entry (or call) returns, its threads are cancelled and reaped; only the
//! session's globals and imported modules stay.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use sched_api::ThreadId;

use crate::heap::HeapFull;
use crate::objects::{Dict, Module, Object, StrObj};
use crate::thread::StartCall;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// A Python value copied out of (or into) the VM.
#[derive(Clone, PartialEq, Debug)]
pub enum PyValue {
    /// `None`.
    None,
    /// A `bool`.
    Bool(bool),
    /// An `int` in `i64` range.
    Int(i64),
    /// A larger `int`, as decimal digits.
    BigInt(String),
    /// A `float`.
    Float(f64),
    /// A `str`.
    Str(String),
    /// `bytes` or `bytearray`.
    Bytes(Vec<u8>),
    /// A `list`.
    List(Vec<PyValue>),
    /// A `tuple`.
    Tuple(Vec<PyValue>),
    /// A `dict`, in insertion order.
    Dict(Vec<(PyValue, PyValue)>),
    /// Anything else, described by its type name.
    Other(String),
}

/// An exception that ended a run, as the embedder sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PyError {
    /// The exception's class name, e.g. `ValueError`.
    pub type_name: String,
    /// `str(exception)`.
    pub message: String,
    /// The whole report, as printed to stderr (traceback included).
    pub traceback: String,
}

/// The persistent part of a session.
pub(crate) struct Session {
    /// `sys.modules`.
    pub modules: Value,
    /// The `__main__` module's globals.
    pub globals: ObjRef,
    /// Source texts seen so far, for traceback lines.
    pub sources: Vec<(String, String)>,
}

/// Deepest container nesting copied into a [`PyValue`].
const MAX_DEPTH: u32 = 64;

impl Vm {
    /// Start a session: a `__main__` module and `sys.modules` that persist
    /// across [`Vm::load_entry`] and [`Vm::load_call`] runs until
    /// [`Vm::close_session`].
    pub fn open_session(&mut self) -> Result<(), HeapFull> {
        self.close_session();
        let modules = self.heap.alloc(Object::Dict(Box::default()))?;
        let main_name = Value::Obj(self.interner.intern(&mut self.heap, "__main__")?);
        let name_key = Value::Obj(self.interner.intern(&mut self.heap, "__name__")?);
        let mut globals = Dict::new();
        globals.push(
            crate::objects::str::hash_str("__name__"),
            name_key,
            main_name,
        );
        let globals = self.heap.alloc(Object::Dict(Box::new(globals)))?;
        let module = self.heap.alloc(Object::Module(Box::new(Module {
            name: main_name,
            dict: globals,
        })))?;
        if let Object::Dict(d) = self.heap.get_mut(modules) {
            d.push(
                crate::objects::str::hash_str("__main__"),
                main_name,
                Value::Obj(module),
            );
        }
        self.session = Some(Session {
            modules: Value::Obj(modules),
            globals,
            sources: Vec::new(),
        });
        Ok(())
    }

    /// End the session; its globals and modules are freed.
    pub fn close_session(&mut self) {
        if self.session.take().is_some() {
            self.collect_garbage(None);
        }
    }

    /// Compile one entry and prepare its main thread in the session's
    /// `__main__` (opening a session if none is open). With `interactive`,
    /// expression statements print their value as in a REPL. Errors as
    /// for [`Vm::load_main`].
    #[cfg(feature = "compiler")]
    pub fn load_entry(
        &mut self,
        source: &str,
        filename: &str,
        interactive: bool,
    ) -> Result<ThreadId, i32> {
        if self.session.is_none() && self.open_session().is_err() {
            return Err(1);
        }
        self.begin_run(Vec::new());
        // Like CPython, tracebacks of interactive entries show no source
        // lines; other entries replace earlier text under the same name.
        if let (Some(s), false) = (&mut self.session, interactive) {
            s.sources.retain(|(f, _)| f != filename);
            s.sources
                .push((String::from(filename), String::from(source)));
            self.run.sources = s.sources.clone();
        }
        let compiled = if interactive {
            crate::compiler::compile_interactive(source, filename)
        } else {
            crate::compiler::compile_module(source, filename)
        };
        match compiled {
            Ok(proto) => self.start_main(&proto),
            Err(e) => {
                let text = crate::interp::unwind::format_syntax_error(&e, filename, source);
                self.record_error("SyntaxError", &e.msg, &text);
                self.host.write_stderr(&text);
                self.end_run();
                self.run.exit_status = Some(1);
                Err(1)
            }
        }
    }

    /// Prepare precompiled code (see [`crate::ebc`]) as an entry of the
    /// session, as [`Vm::load_entry`] does for source. Works without the
    /// compiler.
    pub fn load_entry_code(&mut self, code: &crate::bytecode::CodeProto) -> Result<ThreadId, i32> {
        if self.session.is_none() && self.open_session().is_err() {
            return Err(1);
        }
        self.begin_run(Vec::new());
        self.start_main(code)
    }

    /// Quote `source` in tracebacks of the run prepared last, for code
    /// from `filename`, as for code compiled from source. For precompiled
    /// code whose source is at hand: the CLI reads the file an `.ebc`
    /// names, as CPython does for a `.pyc`. Call it after
    /// [`Vm::load_main_code`] or [`Vm::load_entry_code`].
    pub fn add_traceback_source(&mut self, filename: &str, source: &str) {
        self.run.sources.retain(|(f, _)| f != filename);
        self.run
            .sources
            .push((String::from(filename), String::from(source)));
    }

    /// Prepare a run whose main thread calls the session global `name`
    /// with `args`; its return value is [`crate::RunOutcome::result`].
    pub fn load_call(&mut self, name: &str, args: &[PyValue]) -> Result<ThreadId, i32> {
        let Some(func) = self.global_value(name) else {
            let msg = alloc::format!("name '{name}' is not defined");
            let text = alloc::format!("NameError: {msg}\n");
            self.record_error("NameError", &msg, &text);
            return Err(1);
        };
        self.begin_run(Vec::new());
        let started = (|| -> Result<ThreadId, HeapFull> {
            let mut values = Vec::with_capacity(args.len());
            for a in args {
                values.push(self.value_from(a)?);
            }
            let args = if values.is_empty() {
                Value::Obj(self.types.empty_tuple)
            } else {
                Value::Obj(self.heap.alloc(Object::Tuple(values.into_boxed_slice()))?)
            };
            self.run.modules = self.session.as_ref().map_or(Value::None, |s| s.modules);
            let id = self.new_thread(true).map_err(|_| HeapFull)?;
            self.run.main = Some(id);
            self.note_live_threads();
            if let Ok(at) = self.threads.binary_search_by_key(&id, |t| t.id) {
                self.threads[at].start = Some(Box::new(StartCall {
                    func,
                    args,
                    kwargs: Value::None,
                }));
                self.threads[at].entry = func;
            }
            Ok(id)
        })();
        started.map_err(|_| {
            self.end_run();
            1
        })
    }

    /// A session global, copied out.
    pub fn get_global(&self, name: &str) -> Option<PyValue> {
        self.global_value(name).map(|v| self.value_to(v, 0))
    }

    /// Set a session global (opening a session if none is open).
    pub fn set_global(&mut self, name: &str, value: &PyValue) -> Result<(), HeapFull> {
        if self.session.is_none() {
            self.open_session()?;
        }
        let v = self.value_from(value)?;
        let key = Value::Obj(self.interner.intern(&mut self.heap, name)?);
        let hash = crate::objects::str::hash_str(name);
        let Some(globals) = self.session.as_ref().map(|s| s.globals) else {
            return Ok(());
        };
        let found = match self.heap.get(globals) {
            Object::Dict(d) => d.find(
                hash,
                |k| matches!(k, Value::Obj(r) if self.str_text(r) == Some(name)),
            ),
            _ => None,
        };
        let grown = match self.heap.get_mut(globals) {
            Object::Dict(d) => match found {
                Some(p) => {
                    d.set_value(p, v);
                    0
                }
                None => d.push(hash, key, v),
            },
            _ => 0,
        };
        self.heap.reserve(grown)
    }

    fn global_value(&self, name: &str) -> Option<Value> {
        let globals = self.session.as_ref()?.globals;
        let Object::Dict(d) = self.heap.get(globals) else {
            return None;
        };
        let hash = crate::objects::str::hash_str(name);
        let p = d.find(
            hash,
            |k| matches!(k, Value::Obj(r) if self.str_text(r) == Some(name)),
        )?;
        d.entry(p).map(|e| e.value)
    }

    fn str_text(&self, r: ObjRef) -> Option<&str> {
        match self.heap.get(r) {
            Object::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// Remember the exception that ended the run for the embedder.
    pub(crate) fn record_error(&mut self, type_name: &str, message: &str, traceback: &str) {
        self.run.error = Some(PyError {
            type_name: String::from(type_name),
            message: String::from(message),
            traceback: String::from(traceback),
        });
    }

    /// Copy a VM value out as a [`PyValue`].
    pub(crate) fn value_to(&self, v: Value, depth: u32) -> PyValue {
        let deeper = |items: &[Value]| -> Vec<PyValue> {
            items.iter().map(|i| self.value_to(*i, depth + 1)).collect()
        };
        match v {
            Value::None => PyValue::None,
            Value::Bool(b) => PyValue::Bool(b),
            Value::Int(i) => PyValue::Int(i),
            Value::Float(f) => PyValue::Float(f),
            Value::Obj(r) if depth < MAX_DEPTH => match self.heap.get(r) {
                Object::Str(s) => PyValue::Str(String::from(s.as_str())),
                Object::BigInt(b) => PyValue::BigInt(alloc::format!("{b}")),
                Object::Bytes(b) => PyValue::Bytes(b.to_vec()),
                Object::ByteArray(b) => PyValue::Bytes(b.clone()),
                Object::List(items) => PyValue::List(deeper(items)),
                Object::Tuple(items) => PyValue::Tuple(deeper(items)),
                Object::Dict(d) => PyValue::Dict(
                    d.iter()
                        .map(|e| {
                            (
                                self.value_to(e.key, depth + 1),
                                self.value_to(e.value, depth + 1),
                            )
                        })
                        .collect(),
                ),
                _ => PyValue::Other(self.type_name_of(v)),
            },
            other => PyValue::Other(self.type_name_of(other)),
        }
    }

    fn type_name_of(&self, v: Value) -> String {
        let ty = match v {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Instance(i) => i.class,
                Object::Function(_) => self.types.function,
                Object::Type(_) => self.types.type_,
                Object::Module(_) => self.types.module,
                _ => self.types.object,
            },
            Value::Native(_) => self.types.builtin_function,
            Value::Ellipsis => self.types.ellipsis_type,
            Value::NotImplemented => self.types.not_implemented_type,
            _ => self.types.object,
        };
        match self.heap.get(ty) {
            Object::Type(t) => match t.name {
                Value::Obj(n) => String::from(self.str_text(n).unwrap_or("object")),
                _ => String::from("object"),
            },
            _ => String::from("object"),
        }
    }

    /// Make a VM value from a [`PyValue`] (`Other` becomes `None`).
    pub(crate) fn value_from(&mut self, v: &PyValue) -> Result<Value, HeapFull> {
        Ok(match v {
            PyValue::None | PyValue::Other(_) => Value::None,
            PyValue::Bool(b) => Value::Bool(*b),
            PyValue::Int(i) => Value::Int(*i),
            PyValue::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
                Ok(b) => Value::Obj(self.heap.alloc(Object::BigInt(Box::new(b)))?),
                Err(_) => Value::None,
            },
            PyValue::Float(f) => Value::Float(*f),
            PyValue::Str(s) => Value::Obj(self.heap.alloc(Object::Str(StrObj::new(s)))?),
            PyValue::Bytes(b) => Value::Obj(
                self.heap
                    .alloc(Object::Bytes(b.clone().into_boxed_slice()))?,
            ),
            PyValue::List(items) | PyValue::Tuple(items) => {
                let mut values = Vec::with_capacity(items.len());
                for i in items {
                    values.push(self.value_from(i)?);
                }
                let obj = match v {
                    PyValue::List(_) => Object::List(values),
                    _ => Object::Tuple(values.into_boxed_slice()),
                };
                Value::Obj(self.heap.alloc(obj)?)
            }
            PyValue::Dict(pairs) => {
                let mut d = Dict::new();
                for (k, val) in pairs {
                    let key = self.value_from(k)?;
                    let value = self.value_from(val)?;
                    let hash = match k {
                        PyValue::Str(s) => crate::objects::str::hash_str(s),
                        PyValue::Int(i) => crate::objects::int::hash_i64(*i),
                        PyValue::Bool(b) => *b as i64,
                        _ => continue,
                    };
                    d.push(hash, key, value);
                }
                Value::Obj(self.heap.alloc(Object::Dict(Box::new(d)))?)
            }
        })
    }
}
