//! Functions written in Rust and callable from Python.
//!
//! A [`Native`] is a `'static` descriptor, so built-in functions and the
//! methods of built-in types cost no heap: a [`Value::Native`] points at one.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::PyResult;
use crate::interp::Ctx;
use crate::objects::Object;
use crate::value::{ObjRef, Value};

/// The signature every native function has. Positional and keyword
/// arguments stay on the calling thread's stack; [`Args`] says where.
pub type NativeFn = fn(&mut Ctx<'_>, Args) -> PyResult<Value>;

/// How a native behaves when found on a type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeKind {
    /// A plain function (module level): `<built-in function len>`.
    Function,
    /// A method of a built-in type: binds `self` as argument 0.
    Method,
    /// A class method of a built-in type: binds the class as argument 0.
    ClassMethod,
    /// A static method of a built-in type: binds nothing.
    StaticMethod,
    /// A read-only attribute: called with the instance when the attribute
    /// is read (`pin.id`).
    Getter,
}

/// A built-in function or method.
#[derive(Debug)]
pub struct Native {
    /// The Python-visible name.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// How it binds when looked up on a type.
    pub kind: NativeKind,
}

impl Native {
    /// A module-level function.
    pub const fn function(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::Function,
        }
    }

    /// A method of a built-in type.
    pub const fn method(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::Method,
        }
    }

    /// A class method of a built-in type.
    pub const fn class_method(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::ClassMethod,
        }
    }

    /// A static method of a built-in type.
    pub const fn static_method(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::StaticMethod,
        }
    }

    /// A read-only attribute computed by `func(instance)`.
    pub const fn getter(name: &'static str, func: NativeFn) -> Self {
        Native {
            name,
            func,
            kind: NativeKind::Getter,
        }
    }
}

/// The order of the method tables of the built-in types: by name length,
/// then by name, so the binary search of a method lookup mostly compares
/// lengths.
#[inline]
pub fn name_order(a: &str, b: &str) -> core::cmp::Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    // An inline loop: a `memcmp` call costs more than the few bytes names
    // differ in.
    for (x, y) in a.bytes().zip(b.bytes()) {
        if x != y {
            return x.cmp(&y);
        }
    }
    core::cmp::Ordering::Equal
}

/// Whether a method table is in [`name_order`] (checked by unit tests).
pub fn is_ordered(table: &[Native]) -> bool {
    table
        .windows(2)
        .all(|w| name_order(w[0].name, w[1].name) == core::cmp::Ordering::Less)
}

/// Where a native call's arguments are: `count` values on the caller's
/// stack starting at `start`, the last `kwnames.len()` of which are keyword
/// arguments named by the tuple `kwnames`.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    pub(crate) start: usize,
    pub(crate) count: usize,
    pub(crate) kwnames: Option<ObjRef>,
    pub(crate) nkw: usize,
}

impl Args {
    /// Number of positional arguments.
    pub fn positional(&self) -> usize {
        self.count - self.nkw
    }

    /// Number of keyword arguments.
    pub fn keywords(&self) -> usize {
        self.nkw
    }

    /// The same arguments without the first positional one (used when a
    /// method was called through its type with `self` explicit).
    pub(crate) fn shifted(self) -> Args {
        Args {
            start: self.start + 1,
            count: self.count - 1,
            ..self
        }
    }
}

/// How many parameters a native's signature has and which of them are
/// positional-only, required or keyword-only, for binding a call the way
/// CPython's argument clinic does (with its error messages).
#[derive(Clone, Copy, Debug)]
pub struct Sig {
    /// The function name as messages show it (`split`, `int.to_bytes`).
    pub name: &'static str,
    /// Parameter names, in order.
    pub params: &'static [&'static str],
    /// How many leading parameters are positional-only.
    pub posonly: usize,
    /// How many leading parameters are required.
    pub required: usize,
    /// How many leading parameters may be given by position (the rest are
    /// keyword-only).
    pub maxpos: usize,
}

impl Sig {
    /// A signature whose parameters may all be given by position or name.
    pub const fn new(name: &'static str, params: &'static [&'static str], required: usize) -> Sig {
        Sig {
            name,
            params,
            posonly: 0,
            required,
            maxpos: params.len(),
        }
    }

    /// The same signature with the first `n` parameters positional-only.
    pub const fn posonly(self, n: usize) -> Sig {
        Sig { posonly: n, ..self }
    }

    /// The same signature with only the first `n` parameters positional.
    pub const fn maxpos(self, n: usize) -> Sig {
        Sig { maxpos: n, ..self }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Whether `qualname` (`owner.__name__`) is one of CPython's slot
/// wrappers (operator and protocol dunders), whose argument errors read
/// `expected 1 argument, got 0` rather than naming the method.
fn is_slot_wrapper(qualname: &str) -> bool {
    let (owner, name) = qualname.rsplit_once('.').unwrap_or(("", qualname));
    if !(name.starts_with("__") && name.ends_with("__")) {
        return false;
    }
    let method = matches!(
        name,
        "__format__"
            | "__round__"
            | "__trunc__"
            | "__floor__"
            | "__ceil__"
            | "__reversed__"
            | "__init_subclass__"
            | "__bytes__"
            | "__sizeof__"
    ) || (name == "__getitem__" && matches!(owner, "list" | "dict"))
        || (name == "__contains__" && matches!(owner, "dict" | "set" | "frozenset"));
    !method
}

/// `owner.name`, or `name` for a function.
fn qualify(owner: &str, name: &str) -> String {
    if owner.is_empty() {
        String::from(name)
    } else {
        format!("{owner}.{name}")
    }
}

/// The `TypeError` for a method of `owner` called through its type without
/// any argument (`str.upper()`).
pub fn unbound_error(ctx: &mut Ctx<'_>, owner: &str, name: &str) -> crate::Flow {
    if is_slot_wrapper(&qualify(owner, name)) {
        ctx.type_error(format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        ))
    } else {
        ctx.type_error(format!("unbound method {owner}.{name}() needs an argument"))
    }
}

/// The `TypeError` for a method of `owner` called on a `t` object.
pub fn descriptor_error(ctx: &mut Ctx<'_>, owner: &str, name: &str, v: Value) -> crate::Flow {
    let t = ctx.type_name(v);
    if is_slot_wrapper(&qualify(owner, name)) {
        ctx.type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{t}'"
        ))
    } else {
        ctx.type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{t}' object"
        ))
    }
}

impl Ctx<'_> {
    /// The keyword names of a call, as text.
    fn keyword_names(&self, args: Args) -> Vec<String> {
        let Some(names) = args.kwnames else {
            return Vec::new();
        };
        match self.vm.heap.get(names) {
            Object::Tuple(t) => t
                .iter()
                .map(|n| String::from(self.str_ref(*n).unwrap_or("")))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The first keyword of a call that is not one of `allowed`, if any.
    pub fn unknown_keyword(&self, args: Args, allowed: &[&str]) -> Option<String> {
        self.keyword_names(args)
            .into_iter()
            .find(|n| !allowed.contains(&n.as_str()))
    }

    /// Bind a native call's arguments to `sig`'s parameters, skipping the
    /// first `skip` positional arguments (a method's `self`). Each slot is
    /// the argument given for that parameter, if any.
    pub fn bind<const N: usize>(
        &mut self,
        args: Args,
        skip: usize,
        sig: &Sig,
    ) -> PyResult<[Option<Value>; N]> {
        let mut out = [None; N];
        let nargs = args.positional().saturating_sub(skip);
        let nkw = args.keywords();
        let f = sig.name;
        let total = sig.params.len();
        if nkw == 0 && nargs >= sig.required && nargs <= sig.maxpos {
            for (i, slot) in out.iter_mut().enumerate().take(nargs) {
                *slot = Some(self.arg(args, skip + i));
            }
            return Ok(out);
        }
        if nkw > 0 && sig.posonly == total {
            return Err(self.type_error(format!("{f}() takes no keyword arguments")));
        }
        if nargs + nkw > total {
            let kw = if nargs == 0 { "keyword " } else { "" };
            return Err(self.type_error(format!(
                "{f}() takes at most {total} {kw}argument{} ({} given)",
                plural(total),
                nargs + nkw
            )));
        }
        if nargs > sig.maxpos {
            let msg = if sig.maxpos == 0 {
                format!("{f}() takes no positional arguments")
            } else {
                let how = if sig.required.min(sig.maxpos) < sig.maxpos {
                    "at most"
                } else {
                    "exactly"
                };
                format!(
                    "{f}() takes {how} {} positional argument{} ({nargs} given)",
                    sig.maxpos,
                    plural(sig.maxpos)
                )
            };
            return Err(self.type_error(msg));
        }
        let min_posonly = sig.posonly.min(sig.required);
        if nargs < min_posonly {
            let how = if min_posonly < sig.maxpos {
                "at least"
            } else {
                "exactly"
            };
            return Err(self.type_error(format!(
                "{f}() takes {how} {min_posonly} positional argument{} ({nargs} given)",
                plural(min_posonly)
            )));
        }
        for (i, slot) in out.iter_mut().enumerate().take(nargs) {
            *slot = Some(self.arg(args, skip + i));
        }
        let names = self.keyword_names(args);
        let first_kw = args.start + args.positional();
        let mut used = 0;
        for (i, slot) in out.iter_mut().enumerate().skip(nargs.max(sig.posonly)) {
            if let Some(k) = names.iter().position(|n| n == sig.params[i]) {
                *slot = Some(self.th.stack[first_kw + k]);
                used += 1;
            } else if i < sig.required {
                return Err(self.type_error(format!(
                    "{f}() missing required argument '{}' (pos {})",
                    sig.params[i],
                    i + 1
                )));
            }
        }
        if used < nkw {
            for i in sig.posonly..nargs {
                if names.iter().any(|n| n == sig.params[i]) {
                    return Err(self.type_error(format!(
                        "argument for {f}() given by name ('{}') and position ({})",
                        sig.params[i],
                        i + 1
                    )));
                }
            }
            let bad = names
                .iter()
                .find(|n| !sig.params[sig.posonly..].contains(&n.as_str()))
                .cloned()
                .unwrap_or_default();
            return Err(
                self.type_error(format!("'{bad}' is an invalid keyword argument for {f}()"))
            );
        }
        Ok(out)
    }

    /// Check a call of a native taking only positional arguments, as
    /// CPython's `_PyArg_CheckPositional` does (`name expected at most 2
    /// arguments, got 3`), skipping `skip` leading arguments; `owner` is the
    /// type of a method (empty for a function).
    pub fn positional_only(
        &mut self,
        args: Args,
        skip: usize,
        owner: &str,
        name: &str,
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = args.positional().saturating_sub(skip);
        if args.keywords() == 0 && n >= min && n <= max {
            return Ok(());
        }
        if args.keywords() > 0 {
            let q = qualify(owner, name);
            return Err(self.type_error(format!("{q}() takes no keyword arguments")));
        }
        let (how, count) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        Err(self.type_error(format!(
            "{name} expected {how}{count} argument{}, got {n}",
            plural(count)
        )))
    }

    /// Check a call of a method of `owner` taking no arguments
    /// (`str.upper() takes no arguments (1 given)`).
    pub fn no_args(&mut self, args: Args, owner: &str, name: &str) -> PyResult<()> {
        let n = args.positional().saturating_sub(1);
        if n == 0 && args.keywords() == 0 {
            return Ok(());
        }
        let qualname = qualify(owner, name);
        if args.keywords() > 0 {
            return Err(self.type_error(format!("{qualname}() takes no keyword arguments")));
        }
        if is_slot_wrapper(&qualname) {
            return Err(self.type_error(format!("expected 0 arguments, got {n}")));
        }
        Err(self.type_error(format!("{qualname}() takes no arguments ({n} given)")))
    }

    /// The single argument of a call of a method of `owner` (or, with an
    /// empty `owner`, a function) taking exactly one (`list.append() takes
    /// exactly one argument (0 given)`); `skip` is 1 for methods.
    pub fn one_arg(&mut self, args: Args, skip: usize, owner: &str, name: &str) -> PyResult<Value> {
        let n = args.positional().saturating_sub(skip);
        if n == 1 && args.keywords() == 0 {
            return Ok(self.arg(args, skip));
        }
        let qualname = qualify(owner, name);
        if args.keywords() > 0 {
            return Err(self.type_error(format!("{qualname}() takes no keyword arguments")));
        }
        if is_slot_wrapper(&qualname) {
            return Err(self.type_error(format!("expected 1 argument, got {n}")));
        }
        Err(self.type_error(format!(
            "{qualname}() takes exactly one argument ({n} given)"
        )))
    }
    /// Check a call the way `PyArg_ParseTuple` does (`find() takes at least
    /// 1 argument (0 given)`), skipping `skip` leading arguments; `owner` is
    /// the type of a method (empty for a function).
    pub fn varargs(
        &mut self,
        args: Args,
        skip: usize,
        owner: &str,
        name: &str,
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = args.positional().saturating_sub(skip);
        if args.keywords() == 0 && n >= min && n <= max {
            return Ok(());
        }
        if args.keywords() > 0 {
            let q = qualify(owner, name);
            return Err(self.type_error(format!("{q}() takes no keyword arguments")));
        }
        let (how, count) = if n < min {
            (if min == max { "exactly" } else { "at least" }, min)
        } else {
            (if min == max { "exactly" } else { "at most" }, max)
        };
        Err(self.type_error(format!(
            "{name}() takes {how} {count} argument{} ({n} given)",
            plural(count)
        )))
    }

    /// Argument `i` of a native call if it was given by position.
    pub fn opt_arg(&self, args: Args, i: usize) -> Option<Value> {
        (i < args.positional()).then(|| self.arg(args, i))
    }

    /// Refuse to build a buffer of `bytes` that could not fit in what is
    /// left of the heap (`MemoryError`), before building it.
    pub fn room(&mut self, bytes: usize) -> PyResult<()> {
        let stats = self.vm.heap.stats();
        if bytes > stats.limit.saturating_sub(stats.bytes) {
            return Err(crate::Flow::Raise(self.vm.memory_error));
        }
        Ok(())
    }
}
