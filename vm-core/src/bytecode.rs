//! The instruction set, and code objects in their two forms: a
//! [`CodeProto`] is plain data (what the compiler produces and what a
//! precompiled `.ebc` file holds); a [`Code`] is the same code loaded into a
//! VM, with its constants and names turned into heap values.
//!
//! The interpreter is a stack machine. Locals live in numbered slots at the
//! bottom of each frame (resolved by the compiler), jumps hold absolute
//! instruction indices, and exception handlers are found through a table of
//! protected ranges, so entering a `try` costs nothing at run time.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::mem::size_of;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::ast::{BinOp, CmpOp};
use crate::value::Value;

/// One instruction. Operands are indices into the code's tables, slot
/// numbers, counts or absolute jump targets.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Instr {
    /// Do nothing.
    Nop,
    /// Drop the top of the stack.
    Pop,
    /// Push a copy of the n-th value from the top (1 is the top).
    Copy(u32),
    /// Swap the top with the n-th value from the top.
    Swap(u32),
    /// Push constant n.
    LoadConst(u32),
    /// Push a small integer.
    LoadInt(i32),
    /// Push local slot n (UnboundLocalError when empty).
    LoadFast(u32),
    /// Pop into local slot n.
    StoreFast(u32),
    /// Empty local slot n (`del x`).
    DeleteFast(u32),
    /// Push the value of the cell in slot n (NameError when empty).
    LoadDeref(u32),
    /// Pop into the cell in slot n.
    StoreDeref(u32),
    /// Empty the cell in slot n.
    DeleteDeref(u32),
    /// Push the cell object in slot n itself (to build a closure).
    LoadClosure(u32),
    /// In a class body: push name n from the namespace, else the cell in
    /// slot m. Encoded as (name, slot).
    LoadClassDeref(u32, u32),
    /// Push global name n (then builtins).
    LoadGlobal(u32),
    /// Pop into global name n.
    StoreGlobal(u32),
    /// Delete global name n.
    DeleteGlobal(u32),
    /// Push name n from the frame's namespace, then globals, then builtins.
    LoadName(u32),
    /// Pop into name n of the frame's namespace.
    StoreName(u32),
    /// Delete name n from the frame's namespace.
    DeleteName(u32),
    /// Replace the top with its attribute n.
    LoadAttr(u32),
    /// `tos.name = tos1`: pop both.
    StoreAttr(u32),
    /// Delete attribute n of the popped top.
    DeleteAttr(u32),
    /// Replace the top (an object) with method n and the object, or with the
    /// attribute and `Unbound`, for [`Instr::CallMethod`].
    LoadMethod(u32),
    /// Call `[callable, args…]` with n positional arguments.
    Call(u32),
    /// Call `[callable, args…, kwnames]` with n arguments, the last
    /// `len(kwnames)` of them by keyword.
    CallKw(u32),
    /// Call `[method, self_or_unbound, args…]` with n positional arguments.
    CallMethod(u32),
    /// Call `[callable, args_tuple]` (`flag` 0) or
    /// `[callable, args_tuple, kwargs_dict]` (`flag` 1).
    CallEx(u32),
    /// Binary operator.
    BinaryOp(BinOp),
    /// In-place operator (`+=`): tries `__iadd__` first.
    InplaceOp(BinOp),
    /// `-tos`.
    UnaryNeg,
    /// `+tos`.
    UnaryPos,
    /// `~tos`.
    UnaryInvert,
    /// `not tos`.
    UnaryNot,
    /// Rich comparison (only `Eq`..`GtE`).
    Compare(CmpOp),
    /// `is` (false) / `is not` (true).
    Is(bool),
    /// `in` (false) / `not in` (true).
    Contains(bool),
    /// `tos1[tos]`.
    Subscr,
    /// `tos1[tos] = tos2`.
    StoreSubscr,
    /// `del tos1[tos]`.
    DeleteSubscr,
    /// Build a slice from 2 or 3 values.
    BuildSlice(u32),
    /// Jump to n.
    Jump(u32),
    /// Pop; jump to n when false.
    PopJumpIfFalse(u32),
    /// Pop; jump to n when true.
    PopJumpIfTrue(u32),
    /// Jump to n keeping the top when false; else pop.
    JumpIfFalseOrPop(u32),
    /// Jump to n keeping the top when true; else pop.
    JumpIfTrueOrPop(u32),
    /// Replace the top with an iterator over it.
    GetIter,
    /// Push the next item of the iterator on top, or pop it and jump to n.
    ForIter(u32),
    /// Build a tuple from n values.
    BuildTuple(u32),
    /// Build a list from n values.
    BuildList(u32),
    /// Build a set from n values.
    BuildSet(u32),
    /// Build a dict from n key/value pairs.
    BuildMap(u32),
    /// Concatenate n strings.
    BuildString(u32),
    /// Format the top (with a spec below it when bit 2 is set); bits 0–1:
    /// 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FormatValue(u32),
    /// Append the top to the list n below it (comprehensions).
    ListAppend(u32),
    /// Add the top to the set n below it.
    SetAdd(u32),
    /// Store `tos1: tos` into the dict n below them.
    MapAdd(u32),
    /// Extend the list n below with the popped iterable.
    ListExtend(u32),
    /// Update the set n below with the popped iterable.
    SetUpdate(u32),
    /// Update the dict n below with the popped mapping.
    DictUpdate(u32),
    /// Like `DictUpdate` but a repeated key is an error (`**` in calls).
    DictMerge(u32),
    /// Replace the list on top with a tuple.
    ListToTuple,
    /// Unpack the top into n values (last item on top).
    UnpackSequence(u32),
    /// Unpack with a starred target: (before, after).
    UnpackEx(u32, u32),
    /// Make a function from code constant n; the flags say which of
    /// defaults tuple (1), keyword defaults dict (2) and closure tuple (4)
    /// are on the stack below, in that order.
    MakeFunction(u32, u32),
    /// `[body_function, name, bases_tuple]` → run the class body, push the
    /// class.
    BuildClass,
    /// Return the top from the frame.
    Return,
    /// Yield the top from the generator; the sent value is pushed on resume.
    Yield,
    /// Replace the top with an iterator for `yield from`.
    GetYieldFromIter,
    /// `yield from`: send the top into the iterator below it; when the
    /// iterator finishes, replace both with its result and go on at n.
    YieldFrom(u32),
    /// `raise` with 0 (re-raise), 1 (exception) or 2 (exception, cause)
    /// operands.
    Raise(u32),
    /// Re-raise the exception on top (end of a handler).
    Reraise,
    /// Handler entry: exception on top; push the previously handled
    /// exception below it and make this one the handled exception.
    PushExcInfo,
    /// Handler exit: pop the saved previous exception and restore it.
    PopExcept,
    /// `[exc, type]` → `[exc, matches]`.
    CheckExcMatch,
    /// Push `AssertionError`.
    LoadAssertionError,
    /// `with`: replace the manager with its bound `__exit__` and the result
    /// of `__enter__()`.
    BeforeWith,
    /// In a `with` handler: `[exit, …, exc]` → call `exit(type, exc, tb)`
    /// and push its result.
    WithExceptStart,
    /// `[level, fromlist]` → import module name n.
    ImportName(u32),
    /// Push attribute n of the module on top (`from m import n`).
    ImportFrom(u32),
    /// `from m import *` of the popped module into the namespace.
    ImportStar,
    /// Show the top in the REPL (when not None) and pop it.
    PrintExpr,
}

/// A protected range `[start, end)` of instructions whose exceptions go to
/// `target`, with the value stack cut to `depth` entries above the locals.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Handler {
    /// First protected instruction.
    pub start: u32,
    /// One past the last protected instruction.
    pub end: u32,
    /// The handler's first instruction.
    pub target: u32,
    /// Stack depth (above the locals) at the handler's entry, before the
    /// exception is pushed.
    pub depth: u32,
}

/// Properties of a code object.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct CodeFlags {
    /// Takes `*args` (its slot follows the keyword-only parameters).
    pub varargs: bool,
    /// Takes `**kwargs` (its slot follows `*args`).
    pub varkeywords: bool,
    /// Contains `yield`: calling it makes a generator.
    pub generator: bool,
    /// A class body: names live in a namespace dict.
    pub class_body: bool,
    /// Module-level code.
    pub module: bool,
    /// The first constant is the docstring.
    pub docstring: bool,
}

/// A constant of a [`CodeProto`].
#[derive(Clone, PartialEq, Debug)]
pub enum Const {
    /// `None`.
    None,
    /// A boolean.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An integer in range of `i64`.
    Int(i64),
    /// A larger integer, as decimal digits (with an optional `-`).
    BigInt(String),
    /// A float.
    Float(f64),
    /// A string.
    Str(String),
    /// A bytes value.
    Bytes(Vec<u8>),
    /// A tuple of constants (also keyword-name tuples for calls).
    Tuple(Vec<Const>),
    /// A nested code object (a function, lambda, class body, comprehension).
    Code(Box<CodeProto>),
}

/// Compiled code as plain data.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct CodeProto {
    /// The function name (`<module>`, `<lambda>`, `<listcomp>` …).
    pub name: String,
    /// The dotted qualified name.
    pub qualname: String,
    /// The source file name.
    pub filename: String,
    /// The line of the `def` (or 1 for a module).
    pub first_line: u32,
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// The constants.
    pub consts: Vec<Const>,
    /// Names used by global, attribute and import instructions.
    pub names: Vec<String>,
    /// Names of the local slots, parameters first (then `*args`,
    /// `**kwargs`), then other locals, cells and free variables.
    pub local_names: Vec<String>,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Cell slots made at frame entry, each with the parameter slot whose
    /// value it starts with, if the cell is a parameter.
    pub cells: Vec<(u32, Option<u32>)>,
    /// The first of the free-variable slots, which take the closure's cells
    /// in order; they run to the end of the slots.
    pub first_free: u32,
    /// Deepest the value stack gets above the locals.
    pub max_stack: u32,
    /// Flags.
    pub flags: CodeFlags,
    /// Exception handlers, innermost first for overlapping ranges.
    pub handlers: Vec<Handler>,
    /// `(first instruction, line)` pairs, by instruction.
    pub lines: Vec<(u32, u32)>,
}

/// Code loaded into a VM.
#[derive(Debug)]
pub struct Code {
    /// The function name, a heap `str`.
    pub name: Value,
    /// The qualified name, a heap `str`.
    pub qualname: Value,
    /// The file name, a heap `str`.
    pub filename: Value,
    /// The line of the `def`.
    pub first_line: u32,
    /// The instructions.
    pub instrs: Box<[Instr]>,
    /// The constants.
    pub consts: Box<[Value]>,
    /// Interned names.
    pub names: Box<[Value]>,
    /// Where each of [`Code::names`] was last found as a global or
    /// builtin (see [`NameCache`]).
    pub name_cache: Box<[NameCache]>,
    /// Interned local slot names.
    pub local_names: Box<[Value]>,
    /// Positional parameters.
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Cells made at frame entry.
    pub cells: Box<[(u32, Option<u32>)]>,
    /// First free-variable slot.
    pub first_free: u32,
    /// Deepest value stack above the locals.
    pub max_stack: u32,
    /// Flags.
    pub flags: CodeFlags,
    /// Exception handlers.
    pub handlers: Box<[Handler]>,
    /// Line table.
    pub lines: Box<[(u32, u32)]>,
}

/// Where a global name was last found, so that the next lookup checks one
/// dict entry instead of hashing: the entry's position in the globals, or
/// in the builtins (with [`NameCache::IN_BUILTINS`] set). A hit is only
/// taken when the entry there still holds the same interned key, so a stale
/// position (a deleted or moved key, another globals dict) just misses.
/// Atomic only so that `Code` may be shared; the VM lock orders accesses.
#[derive(Debug, Default)]
pub struct NameCache(AtomicU32);

impl NameCache {
    /// Flag: the position is in the builtins, and the globals lacked the
    /// name when it was found.
    pub const IN_BUILTINS: u32 = 1 << 31;

    /// The cached `(position, in builtins)`, if any.
    #[inline]
    pub fn get(&self) -> Option<(usize, bool)> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            v => Some((
                ((v & !Self::IN_BUILTINS) - 1) as usize,
                v & Self::IN_BUILTINS != 0,
            )),
        }
    }

    /// Remember `position` (positions past the flag bit are not cached).
    #[inline]
    pub fn set(&self, position: usize, in_builtins: bool) {
        let Ok(p) = u32::try_from(position + 1) else {
            return;
        };
        if p & Self::IN_BUILTINS == 0 {
            let flag = if in_builtins { Self::IN_BUILTINS } else { 0 };
            self.0.store(p | flag, Ordering::Relaxed);
        }
    }
}

impl Code {
    /// Number of local slots.
    pub fn nlocals(&self) -> usize {
        self.local_names.len()
    }

    /// Total parameter slots, `*args` and `**kwargs` included.
    pub fn param_slots(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
            + self.flags.varargs as usize
            + self.flags.varkeywords as usize
    }

    /// The source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        let pc = pc as u32;
        match self.lines.binary_search_by(|&(start, _)| start.cmp(&pc)) {
            Ok(i) => self.lines[i].1,
            Err(0) => self.first_line,
            Err(i) => self.lines[i - 1].1,
        }
    }

    /// The innermost handler protecting the instruction at `pc`.
    pub fn handler_for(&self, pc: usize) -> Option<Handler> {
        let pc = pc as u32;
        self.handlers
            .iter()
            .find(|h| h.start <= pc && pc < h.end)
            .copied()
    }

    /// Call `visit` on every heap value the code holds.
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.qualname);
        visit(&self.filename);
        self.consts.iter().for_each(&mut *visit);
        self.names.iter().for_each(&mut *visit);
        self.local_names.iter().for_each(visit);
    }

    /// Bytes this code occupies.
    pub fn heap_size(&self) -> usize {
        size_of::<Code>()
            + self.instrs.len() * size_of::<Instr>()
            + (self.consts.len() + self.names.len() + self.local_names.len()) * size_of::<Value>()
            + self.name_cache.len() * size_of::<NameCache>()
            + self.cells.len() * size_of::<(u32, Option<u32>)>()
            + self.handlers.len() * size_of::<Handler>()
            + self.lines.len() * size_of::<(u32, u32)>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_small() {
        assert!(size_of::<Instr>() <= 12, "{}", size_of::<Instr>());
    }
}
