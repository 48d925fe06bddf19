//! The bytecode compiler: AST to [`CodeProto`], one code object per
//! module, function, lambda, class body and comprehension.
//!
//! Names are resolved by [`symtable`] first, so locals become slot
//! numbers; jumps are emitted to labels and patched to absolute indices;
//! `try`, `with` and the handlers they need become ranges in the code's
//! exception table, so the happy path pays nothing.

pub mod symtable;

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::ast::*;
use crate::bytecode::{CodeFlags, CodeProto, Const, Handler, Instr};
use crate::parser::{self, SyntaxError, SyntaxErrorKind};
use symtable::{Binding, ScopeId, ScopeKind, SymbolTable};

/// Compile a module's source text.
pub fn compile_module(source: &str, filename: &str) -> Result<CodeProto, SyntaxError> {
    let module = parser::parse_module(source)?;
    compile(&module, filename, false)
}

/// Compile one REPL entry: expression statements print their value.
pub fn compile_interactive(source: &str, filename: &str) -> Result<CodeProto, SyntaxError> {
    let module = parser::parse_module(source)?;
    compile(&module, filename, true)
}

/// Compile a parsed module.
pub fn compile(
    module: &Module,
    filename: &str,
    interactive: bool,
) -> Result<CodeProto, SyntaxError> {
    let table = SymbolTable::build(module).map_err(|e| error(e.loc, e.msg))?;
    let mut c = Compiler {
        table: &table,
        filename: String::from(filename),
        units: Vec::new(),
        interactive,
    };
    c.push_unit(0, "<module>", String::from("<module>"), 1);
    c.unit().proto.flags.module = true;
    c.body_with_docstring(&module.body, true)?;
    c.load_const(Const::None);
    c.emit(Instr::Return);
    Ok(c.pop_unit())
}

fn error(loc: Loc, msg: impl Into<String>) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        line: loc.line.max(1),
        col: loc.col + 1,
        end_col: None,
        incomplete: false,
    }
}

type CResult<T = ()> = Result<T, SyntaxError>;

/// A jump target, resolved when the code is finished.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(u32);

/// What a `return`, `break` or `continue` must clean up on its way out.
/// `outer` is how many exception handlers were active outside the block:
/// the exit code runs under those only.
#[derive(Clone, Copy)]
enum Block<'a> {
    /// A loop; `for_loop` loops hold their iterator on the stack.
    Loop {
        continue_to: Label,
        break_to: Label,
        for_loop: bool,
    },
    /// A `try` whose `finally` body must run.
    Finally { body: &'a [Stmt], outer: usize },
    /// An `except` body: the previous handled exception is on the stack.
    Handler { name: Option<&'a str>, outer: usize },
    /// A `with` body: the bound `__exit__` is on the stack.
    With { outer: usize },
    /// A `finally` body run for an exception: the previous handled
    /// exception and the pending one are on the stack; leaving drops both.
    FinallyExc { outer: usize },
}

struct Unit<'a> {
    proto: CodeProto,
    scope: ScopeId,
    slots: BTreeMap<String, u32>,
    names: BTreeMap<String, u32>,
    labels: Vec<Option<u32>>,
    depth: i32,
    max_depth: i32,
    blocks: Vec<Block<'a>>,
    handlers: Vec<(Label, u32)>,
    segment_start: u32,
    table: Vec<(u32, u32, Label, u32)>,
    line: u32,
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: String,
    units: Vec<Unit<'a>>,
    interactive: bool,
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.unit_ref().scope]
            .kind
            .unwrap_or(ScopeKind::Module)
    }

    fn push_unit(&mut self, scope: ScopeId, name: &str, qualname: String, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut local_names: Vec<String> = s.params.clone();
        let kind = s.kind.unwrap_or(ScopeKind::Module);
        if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
            for n in &s.bound {
                if s.is_local(n) && !local_names.contains(n) {
                    local_names.push(n.clone());
                }
            }
        }
        let mut cells = Vec::new();
        for n in &s.cells {
            let param = s.params.iter().position(|p| p == n);
            let slot = if kind == ScopeKind::Class || param.is_some() {
                local_names.push(n.clone());
                (local_names.len() - 1) as u32
            } else {
                local_names.iter().position(|l| l == n).unwrap_or(0) as u32
            };
            cells.push((slot, param.map(|p| p as u32)));
        }
        let first_free = local_names.len() as u32;
        local_names.extend(s.frees.iter().cloned());
        let mut slots = BTreeMap::new();
        for (i, n) in local_names.iter().enumerate() {
            slots.insert(n.clone(), i as u32);
        }
        // A parameter that is also a cell is reached through its cell slot.
        for &(slot, param) in &cells {
            if param.is_some() {
                slots.insert(local_names[slot as usize].clone(), slot);
            }
        }
        let proto = CodeProto {
            name: String::from(name),
            qualname,
            filename: self.filename.clone(),
            first_line,
            local_names,
            cells,
            first_free,
            flags: CodeFlags {
                generator: s.generator,
                class_body: kind == ScopeKind::Class,
                ..CodeFlags::default()
            },
            ..CodeProto::default()
        };
        self.units.push(Unit {
            proto,
            scope,
            slots,
            names: BTreeMap::new(),
            labels: Vec::new(),
            depth: 0,
            max_depth: 0,
            blocks: Vec::new(),
            handlers: Vec::new(),
            segment_start: 0,
            table: Vec::new(),
            line: first_line,
        });
    }

    /// Finish the innermost unit: patch labels, build the exception table.
    fn pop_unit(&mut self) -> CodeProto {
        let mut u = self.units.pop().expect("a unit is open");
        let end = u.proto.instrs.len() as u32;
        close_segment(&mut u, end);
        let resolve = |labels: &[Option<u32>], l: u32| labels[l as usize].unwrap_or(0);
        for instr in &mut u.proto.instrs {
            match instr {
                Instr::Jump(t)
                | Instr::PopJumpIfFalse(t)
                | Instr::PopJumpIfTrue(t)
                | Instr::JumpIfFalseOrPop(t)
                | Instr::JumpIfTrueOrPop(t)
                | Instr::ForIter(t)
                | Instr::YieldFrom(t) => *t = resolve(&u.labels, *t),
                _ => {}
            }
        }
        u.proto.handlers = u
            .table
            .iter()
            .filter(|(start, end, _, _)| start < end)
            .map(|&(start, end, label, depth)| Handler {
                start,
                end,
                target: resolve(&u.labels, label.0),
                depth,
            })
            .collect();
        u.proto.max_stack = u.max_depth.max(0) as u32 + 2;
        u.proto
    }

    // ----- emission -------------------------------------------------------

    fn emit(&mut self, instr: Instr) {
        let effect = stack_effect(instr);
        let u = self.unit();
        u.proto.instrs.push(instr);
        u.depth += effect;
        if u.depth > u.max_depth {
            u.max_depth = u.depth;
        }
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = Some(u.proto.instrs.len() as u32);
    }

    fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.emit(make(l.0));
    }

    fn set_depth(&mut self, d: i32) {
        self.unit().depth = d;
    }

    fn depth(&self) -> i32 {
        self.unit_ref().depth
    }

    fn set_line(&mut self, loc: Loc) {
        let u = self.unit();
        if loc.line == 0 || loc.line == u.line && !u.proto.lines.is_empty() {
            return;
        }
        u.line = loc.line;
        let pc = u.proto.instrs.len() as u32;
        match u.proto.lines.last_mut() {
            Some(last) if last.0 == pc => last.1 = loc.line,
            _ => u.proto.lines.push((pc, loc.line)),
        }
    }

    /// Make `(target, depth)` the handler for the code emitted next.
    fn push_handler(&mut self, handler: (Label, u32)) {
        let u = self.unit();
        let here = u.proto.instrs.len() as u32;
        close_segment(u, here);
        u.handlers.push(handler);
    }

    fn pop_handler(&mut self) {
        let u = self.unit();
        let here = u.proto.instrs.len() as u32;
        close_segment(u, here);
        u.handlers.pop();
    }

    fn const_index(&mut self, c: Const) -> u32 {
        let u = self.unit();
        if let Some(i) = u.proto.consts.iter().position(|x| same_const(x, &c)) {
            return i as u32;
        }
        u.proto.consts.push(c);
        u.proto.consts.len() as u32 - 1
    }

    fn load_const(&mut self, c: Const) {
        if let Const::Int(i) = c
            && let Ok(small) = i32::try_from(i)
        {
            self.emit(Instr::LoadInt(small));
            return;
        }
        let i = self.const_index(c);
        self.emit(Instr::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.names.get(name) {
            return *i;
        }
        let i = u.proto.names.len() as u32;
        u.proto.names.push(String::from(name));
        u.names.insert(String::from(name), i);
        i
    }

    /// `name` as stored: mangled when it is private to the enclosing
    /// class.
    fn mangle(&self, name: &str) -> String {
        let private = self.table.scopes[self.unit_ref().scope].private.as_deref();
        symtable::mangle(private, name)
    }

    /// The names-table index of attribute `attr` (mangled like a name).
    fn attr_index(&mut self, attr: &str) -> u32 {
        let attr = self.mangle(attr);
        self.name_index(&attr)
    }

    fn slot(&self, name: &str) -> u32 {
        self.unit_ref().slots.get(name).copied().unwrap_or(0)
    }

    // ----- names ---------------------------------------------------------

    fn binding(&self, name: &str) -> Binding {
        self.table.scopes[self.unit_ref().scope].binding(name)
    }

    fn load_name(&mut self, name: &str) {
        let name = &self.mangle(name);
        match self.binding(name) {
            Binding::Local => {
                let s = self.slot(name);
                self.emit(Instr::LoadFast(s));
            }
            Binding::Cell => {
                let s = self.slot(name);
                self.emit(Instr::LoadDeref(s));
            }
            Binding::Free => {
                let s = self.slot(name);
                if self.scope_kind() == ScopeKind::Class {
                    let n = self.name_index(name);
                    self.emit(Instr::LoadClassDeref(n, s));
                } else {
                    self.emit(Instr::LoadDeref(s));
                }
            }
            Binding::Global => {
                let n = self.name_index(name);
                self.emit(Instr::LoadGlobal(n));
            }
            Binding::ClassName => {
                let n = self.name_index(name);
                self.emit(Instr::LoadName(n));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let name = &self.mangle(name);
        match self.binding(name) {
            Binding::Local => {
                let s = self.slot(name);
                self.emit(Instr::StoreFast(s));
            }
            Binding::Cell | Binding::Free => {
                let s = self.slot(name);
                self.emit(Instr::StoreDeref(s));
            }
            Binding::Global => {
                let n = self.name_index(name);
                self.emit(Instr::StoreGlobal(n));
            }
            Binding::ClassName => {
                let n = self.name_index(name);
                self.emit(Instr::StoreName(n));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let name = &self.mangle(name);
        match self.binding(name) {
            Binding::Local => {
                let s = self.slot(name);
                self.emit(Instr::DeleteFast(s));
            }
            Binding::Cell | Binding::Free => {
                let s = self.slot(name);
                self.emit(Instr::DeleteDeref(s));
            }
            Binding::Global => {
                let n = self.name_index(name);
                self.emit(Instr::DeleteGlobal(n));
            }
            Binding::ClassName => {
                let n = self.name_index(name);
                self.emit(Instr::DeleteName(n));
            }
        }
    }

    // ----- statements ---------------------------------------------------------

    fn body_with_docstring(&mut self, body: &'a [Stmt], module_level: bool) -> CResult {
        let mut rest = body;
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(doc)),
                    ..
                }),
            loc,
        }) = body.first()
            && (module_level || self.scope_kind() == ScopeKind::Class)
        {
            self.set_line(*loc);
            self.load_const(Const::Str(doc.clone()));
            let n = self.name_index("__doc__");
            self.emit(if module_level {
                Instr::StoreGlobal(n)
            } else {
                Instr::StoreName(n)
            });
            rest = &body[1..];
        }
        self.stmts(rest)
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_line(s.loc);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                if self.interactive && self.units.len() == 1 {
                    self.emit(Instr::PrintExpr);
                } else {
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                } else if !matches!(target.kind, ExprKind::Name(_)) {
                    self.check_target(target)?;
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_continue(s.loc, true)?,
            StmtKind::Continue => self.break_continue(s.loc, false)?,
            StmtKind::Return(value) => self.return_stmt(s.loc, value.as_ref())?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.condition(test, false, else_l)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump(Instr::Jump, end);
                }
                self.bind(else_l);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                self.bind(start);
                self.condition(test, false, else_l)?;
                self.unit().blocks.push(Block::Loop {
                    continue_to: start,
                    break_to: end,
                    for_loop: false,
                });
                self.stmts(body)?;
                self.unit().blocks.pop();
                self.set_line(s.loc);
                self.jump(Instr::Jump, start);
                self.bind(else_l);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.emit(Instr::GetIter);
                let start = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                self.bind(start);
                let d = self.depth();
                self.jump(Instr::ForIter, else_l);
                self.store(target)?;
                self.unit().blocks.push(Block::Loop {
                    continue_to: start,
                    break_to: end,
                    for_loop: true,
                });
                self.stmts(body)?;
                self.unit().blocks.pop();
                self.set_line(s.loc);
                self.jump(Instr::Jump, start);
                self.bind(else_l);
                self.set_depth(d - 1);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef(c) => self.class_def(s, c)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Raise { exc, cause } => {
                if cause.is_some() && exc.is_none() {
                    return Err(error(s.loc, "invalid syntax"));
                }
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                    n = 2;
                }
                self.emit(Instr::Raise(n));
            }
            StmtKind::With { items, body } => self.with_stmt(items, body)?,
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.condition(test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.bind(end);
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.load_const(Const::Int(0));
                    self.load_const(Const::None);
                    let n = self.name_index(&a.name);
                    self.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(asname) => self.store_name(asname),
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            self.store_name(top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(Const::Int(*level as i64));
                let fromlist = names.iter().map(|a| Const::Str(a.name.clone())).collect();
                self.load_const(Const::Tuple(fromlist));
                let n = self.name_index(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName(n));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        let n = self.name_index(&a.name);
                        self.emit(Instr::ImportFrom(n));
                        self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                    }
                    self.emit(Instr::Pop);
                }
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let n = self.attr_index(attr);
                self.emit(Instr::LoadAttr(n));
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.subscript_index(index)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(error(
                    target.loc,
                    alloc::format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_description(target)
                    ),
                ));
            }
        }
        Ok(())
    }

    fn check_target(&self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            _ => Err(error(t.loc, "illegal target for annotation")),
        }
    }

    /// Store the top of the stack into an assignment target.
    fn store(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.attr_index(attr);
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    Some(p) => {
                        if items
                            .iter()
                            .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(error(t.loc, "multiple starred expressions in assignment"));
                        }
                        self.emit(Instr::UnpackEx(p as u32, (items.len() - p - 1) as u32));
                    }
                    None => self.emit(Instr::UnpackSequence(items.len() as u32)),
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(i)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(error(
                    t.loc,
                    "starred assignment target must be in a list or tuple",
                ));
            }
            _ => {
                return Err(error(
                    t.loc,
                    alloc::format!("cannot assign to {}", expr_description(t)),
                ));
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.attr_index(attr);
                self.emit(Instr::DeleteAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => {
                return Err(error(
                    t.loc,
                    alloc::format!("cannot delete {}", expr_description(t)),
                ));
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, loc: Loc, is_break: bool) -> CResult {
        let blocks = self.unit_ref().blocks.clone();
        let Some(pos) = blocks.iter().rposition(|b| matches!(b, Block::Loop { .. })) else {
            return Err(error(
                loc,
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
            ));
        };
        let handlers = self.unit_ref().handlers.clone();
        for (i, b) in blocks.iter().enumerate().skip(pos + 1).rev() {
            self.unwind_block(*b, false, i)?;
        }
        if let Block::Loop {
            continue_to,
            break_to,
            for_loop,
        } = blocks[pos]
        {
            let d = self.depth();
            if is_break {
                if for_loop {
                    self.emit(Instr::Pop);
                }
                self.jump(Instr::Jump, break_to);
            } else {
                self.jump(Instr::Jump, continue_to);
            }
            self.set_depth(d);
        }
        self.restore(blocks, handlers);
        Ok(())
    }

    fn return_stmt(&mut self, loc: Loc, value: Option<&'a Expr>) -> CResult {
        if !matches!(
            self.scope_kind(),
            ScopeKind::Function | ScopeKind::Comprehension
        ) {
            return Err(error(loc, "'return' outside function"));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Const::None),
        }
        let blocks = self.unit_ref().blocks.clone();
        let handlers = self.unit_ref().handlers.clone();
        for (i, b) in blocks.iter().enumerate().rev() {
            self.unwind_block(*b, true, i)?;
        }
        let d = self.depth();
        self.emit(Instr::Return);
        self.set_depth(d - 1);
        self.restore(blocks, handlers);
        Ok(())
    }

    /// Make only the first `count` handlers active.
    fn truncate_handlers(&mut self, count: usize) {
        let u = self.unit();
        let here = u.proto.instrs.len() as u32;
        close_segment(u, here);
        u.handlers.truncate(count);
    }

    /// Emit the exit code of `block` (at index `index`) for a jump out of it;
    /// with `keep_top`, a return value on top of the stack is preserved.
    fn unwind_block(&mut self, block: Block<'a>, keep_top: bool, index: usize) -> CResult {
        match block {
            Block::Loop { for_loop, .. } => {
                if for_loop {
                    if keep_top {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::Pop);
                }
            }
            Block::Finally { body, outer } => {
                // Run the finally body outside its own handler and blocks.
                self.truncate_handlers(outer);
                self.unit().blocks.truncate(index);
                self.stmts(body)?;
            }
            Block::Handler { name, outer } => {
                self.truncate_handlers(outer);
                if keep_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
            Block::FinallyExc { outer } => {
                // Drop the pending exception, restore the handled one.
                self.truncate_handlers(outer);
                if keep_top {
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::Pop);
                    self.emit(Instr::Swap(2));
                } else {
                    self.emit(Instr::Pop);
                }
                self.emit(Instr::PopExcept);
            }
            Block::With { outer } => {
                self.truncate_handlers(outer);
                if keep_top {
                    self.emit(Instr::Swap(2));
                }
                self.load_const(Const::None);
                self.load_const(Const::None);
                self.load_const(Const::None);
                self.emit(Instr::Call(3));
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    /// Put back the blocks and handlers that were active before an
    /// unwinding jump, for the code that follows it.
    fn restore(&mut self, blocks: Vec<Block<'a>>, handlers: Vec<(Label, u32)>) {
        let u = self.unit();
        let here = u.proto.instrs.len() as u32;
        close_segment(u, here);
        u.blocks = blocks;
        u.handlers = handlers;
    }

    fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let d0 = self.depth();
        let end = self.new_label();
        let finally_exc = self.new_label();
        if !finalbody.is_empty() {
            let outer = self.unit_ref().handlers.len();
            self.push_handler((finally_exc, d0 as u32));
            self.unit().blocks.push(Block::Finally {
                body: finalbody,
                outer,
            });
        }
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            let except = self.new_label();
            let after = self.new_label();
            self.push_handler((except, d0 as u32));
            self.stmts(body)?;
            self.pop_handler();
            self.stmts(orelse)?;
            self.jump(Instr::Jump, after);
            // Handlers: [exc] on the stack.
            self.bind(except);
            self.set_depth(d0 + 1);
            self.emit(Instr::PushExcInfo);
            let cleanup = self.new_label();
            let cleanup_handler = (cleanup, (d0 + 1) as u32);
            self.push_handler(cleanup_handler);
            for h in handlers {
                self.set_line(h.loc);
                let next = self.new_label();
                if let Some(t) = &h.typ {
                    self.expr(t)?;
                    self.emit(Instr::CheckExcMatch);
                    self.jump(Instr::PopJumpIfFalse, next);
                } else if !core::ptr::eq(h, handlers.last().unwrap_or(h)) {
                    return Err(error(h.loc, "default 'except:' must be last"));
                }
                match &h.name {
                    Some(n) => self.store_name(n),
                    None => self.emit(Instr::Pop),
                }
                let outer = self.unit_ref().handlers.len() - 1;
                self.unit().blocks.push(Block::Handler {
                    name: h.name.as_deref(),
                    outer,
                });
                self.stmts(&h.body)?;
                self.unit().blocks.pop();
                self.pop_handler();
                self.emit(Instr::PopExcept);
                if let Some(n) = &h.name {
                    self.load_const(Const::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
                self.jump(Instr::Jump, after);
                self.push_handler(cleanup_handler);
                self.bind(next);
                self.set_depth(d0 + 2);
            }
            self.emit(Instr::Reraise);
            self.pop_handler();
            // Cleanup: an exception escaped a handler; restore the previous
            // handled exception and propagate.
            self.bind(cleanup);
            self.set_depth(d0 + 2);
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopExcept);
            self.emit(Instr::Reraise);
            self.bind(after);
            self.set_depth(d0);
        }
        if !finalbody.is_empty() {
            self.unit().blocks.pop();
            self.pop_handler();
            self.stmts(finalbody)?;
            self.jump(Instr::Jump, end);
            // Exceptional path: run the finally body, then re-raise.
            self.bind(finally_exc);
            self.set_depth(d0 + 1);
            self.emit(Instr::PushExcInfo);
            let cleanup = self.new_label();
            let outer = self.unit_ref().handlers.len();
            self.push_handler((cleanup, (d0 + 1) as u32));
            self.unit().blocks.push(Block::FinallyExc { outer });
            self.stmts(finalbody)?;
            self.unit().blocks.pop();
            self.pop_handler();
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopExcept);
            self.emit(Instr::Reraise);
            self.bind(cleanup);
            self.set_depth(d0 + 2);
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopExcept);
            self.emit(Instr::Reraise);
        }
        self.bind(end);
        self.set_depth(d0);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let d0 = self.depth();
        self.expr(&item.context)?;
        self.emit(Instr::BeforeWith);
        let exc = self.new_label();
        let end = self.new_label();
        let outer = self.unit_ref().handlers.len();
        self.push_handler((exc, (d0 + 1) as u32));
        self.unit().blocks.push(Block::With { outer });
        match &item.target {
            Some(t) => self.store(t)?,
            None => self.emit(Instr::Pop),
        }
        self.with_stmt(rest, body)?;
        self.unit().blocks.pop();
        self.pop_handler();
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Instr::Call(3));
        self.emit(Instr::Pop);
        self.jump(Instr::Jump, end);
        // [exit, exc]
        self.bind(exc);
        self.set_depth(d0 + 2);
        self.emit(Instr::PushExcInfo);
        let cleanup = self.new_label();
        self.push_handler((cleanup, (d0 + 2) as u32));
        self.emit(Instr::WithExceptStart);
        let suppress = self.new_label();
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(suppress);
        self.set_depth(d0 + 3);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.jump(Instr::Jump, end);
        self.bind(cleanup);
        self.set_depth(d0 + 3);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        self.set_depth(d0);
        Ok(())
    }

    fn qualname(&self, name: &str) -> String {
        match self.units.last() {
            Some(u) if self.units.len() > 1 => {
                let kind = self.table.scopes[u.scope].kind.unwrap_or(ScopeKind::Module);
                let prefix = u.proto.qualname.clone();
                if kind == ScopeKind::Class {
                    alloc::format!("{prefix}.{name}")
                } else {
                    alloc::format!("{prefix}.<locals>.{name}")
                }
            }
            _ => String::from(name),
        }
    }

    /// Push defaults, keyword defaults and closure for a function of
    /// `scope`; return the `MakeFunction` flags.
    fn function_prelude(&mut self, params: &'a Params, scope: ScopeId) -> CResult<u32> {
        let mut flags = 0;
        if !params.defaults.is_empty() {
            for d in &params.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(params.defaults.len() as u32));
            flags |= 1;
        }
        let kw: Vec<(&Param, &Expr)> = params
            .kwonly
            .iter()
            .zip(&params.kw_defaults)
            .filter_map(|(p, d)| d.as_ref().map(|d| (p, d)))
            .collect();
        if !kw.is_empty() {
            for (p, d) in &kw {
                let name = self.mangle(&p.name);
                self.load_const(Const::Str(name));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            flags |= 2;
        }
        flags |= self.closure(scope);
        Ok(flags)
    }

    /// Push the closure tuple for a child scope; return flag 4 if needed.
    fn closure(&mut self, scope: ScopeId) -> u32 {
        let frees = self.table.scopes[scope].frees.clone();
        if frees.is_empty() {
            return 0;
        }
        for f in &frees {
            let s = self.slot(f);
            self.emit(Instr::LoadClosure(s));
        }
        self.emit(Instr::BuildTuple(frees.len() as u32));
        4
    }

    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> CResult {
        for d in &f.decorators {
            self.set_line(d.loc);
            self.expr(d)?;
        }
        self.set_line(s.loc);
        let scope = self.table.scope_of(f);
        let flags = self.function_prelude(&f.params, scope)?;
        let qualname = self.qualname(&f.name);
        let code = self.function_code(scope, &f.name, qualname, &f.params, s.loc, |c| {
            c.function_body(&f.body)
        })?;
        let i = self.const_index(Const::Code(Box::new(code)));
        self.emit(Instr::MakeFunction(i, flags));
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn function_body(&mut self, body: &'a [Stmt]) -> CResult {
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(doc)),
                    ..
                }),
            ..
        }) = body.first()
        {
            self.unit().proto.consts.push(Const::Str(doc.clone()));
            self.unit().proto.flags.docstring = true;
            self.stmts(&body[1..])?;
        } else {
            self.stmts(body)?;
        }
        self.load_const(Const::None);
        self.emit(Instr::Return);
        Ok(())
    }

    fn function_code(
        &mut self,
        scope: ScopeId,
        name: &str,
        qualname: String,
        params: &Params,
        loc: Loc,
        body: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult<CodeProto> {
        self.push_unit(scope, name, qualname, loc.line);
        {
            let u = self.unit();
            u.proto.argcount = (params.posonly.len() + params.args.len()) as u32;
            u.proto.posonlyargcount = params.posonly.len() as u32;
            u.proto.kwonlyargcount = params.kwonly.len() as u32;
            u.proto.flags.varargs = params.vararg.is_some();
            u.proto.flags.varkeywords = params.kwarg.is_some();
            u.line = 0;
        }
        self.set_line(loc);
        body(self)?;
        Ok(self.pop_unit())
    }

    fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult {
        for d in &c.decorators {
            self.set_line(d.loc);
            self.expr(d)?;
        }
        self.set_line(s.loc);
        if let Some(k) = c.keywords.first() {
            return Err(error(
                k.loc,
                "class keyword arguments (metaclasses) are not supported",
            ));
        }
        let scope = self.table.scope_of(c);
        let flags = self.closure(scope);
        let qualname = self.qualname(&c.name);
        self.push_unit(scope, &c.name, qualname, s.loc.line);
        self.unit().line = 0;
        self.set_line(s.loc);
        self.body_with_docstring(&c.body, false)?;
        self.load_const(Const::None);
        self.emit(Instr::Return);
        let code = self.pop_unit();
        let i = self.const_index(Const::Code(Box::new(code)));
        self.emit(Instr::MakeFunction(i, flags));
        self.load_const(Const::Str(c.name.clone()));
        self.sequence(&c.bases, true)?;
        self.emit(Instr::BuildClass);
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    // ----- expressions --------------------------------------------------------

    /// Jump to `target` when `e` is truthy (`when` true) or falsy.
    fn condition(&mut self, e: &'a Expr, when: bool, target: Label) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.condition(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and != when {
                    // and/false or or/true: any operand decides the jump.
                    for v in values {
                        self.condition(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, first) = values
                        .split_last()
                        .ok_or_else(|| error(e.loc, "empty boolean"))?;
                    for v in first {
                        self.condition(v, !when, skip)?;
                    }
                    self.condition(last, when, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.jump(
                    if when {
                        Instr::PopJumpIfTrue
                    } else {
                        Instr::PopJumpIfFalse
                    },
                    target,
                );
                Ok(())
            }
        }
    }

    fn expr(&mut self, e: &'a Expr) -> CResult {
        if e.loc.line != 0 && e.loc.line != self.unit_ref().line {
            self.set_line(e.loc);
        }
        match &e.kind {
            ExprKind::Constant(c) => self.load_const(constant(c)),
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::BinOp { left, op, right } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                } else {
                    self.expr(left)?;
                    self.expr(right)?;
                    self.emit(Instr::BinaryOp(*op));
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                } else {
                    self.expr(operand)?;
                    self.emit(match op {
                        UnaryOp::Not => Instr::UnaryNot,
                        UnaryOp::Neg => Instr::UnaryNeg,
                        UnaryOp::Pos => Instr::UnaryPos,
                        UnaryOp::Invert => Instr::UnaryInvert,
                    });
                }
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let (last, first) = values
                    .split_last()
                    .ok_or_else(|| error(e.loc, "empty boolean"))?;
                for v in first {
                    self.expr(v)?;
                    let d = self.depth();
                    self.jump(
                        if *op == BoolOp::And {
                            Instr::JumpIfFalseOrPop
                        } else {
                            Instr::JumpIfTrueOrPop
                        },
                        end,
                    );
                    self.set_depth(d - 1);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.condition(test, false, else_l)?;
                let d = self.depth();
                self.expr(body)?;
                self.jump(Instr::Jump, end);
                self.bind(else_l);
                self.set_depth(d);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.store_name(target);
            }
            ExprKind::Lambda { params, body } => {
                let scope = self.table.scope_of(e);
                let flags = self.function_prelude(params, scope)?;
                let qualname = self.qualname("<lambda>");
                let code = self.function_code(scope, "<lambda>", qualname, params, e.loc, |c| {
                    c.expr(body)?;
                    c.emit(Instr::Return);
                    Ok(())
                })?;
                let i = self.const_index(Const::Code(Box::new(code)));
                self.emit(Instr::MakeFunction(i, flags));
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.attr_index(attr);
                self.emit(Instr::LoadAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.subscript_index(index)?;
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { .. } => return Err(error(e.loc, "invalid syntax")),
            ExprKind::Starred(_) => return Err(error(e.loc, "can't use starred expression here")),
            ExprKind::Tuple(items) => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                } else {
                    self.sequence(items, true)?;
                }
            }
            ExprKind::List(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.emit(Instr::BuildList(0));
                    self.extend_list(items)?;
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Instr::BuildList(items.len() as u32));
                }
            }
            ExprKind::Set(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.emit(Instr::BuildSet(0));
                    for i in items {
                        match &i.kind {
                            ExprKind::Starred(inner) => {
                                self.expr(inner)?;
                                self.emit(Instr::SetUpdate(1));
                            }
                            _ => {
                                self.expr(i)?;
                                self.emit(Instr::SetAdd(1));
                            }
                        }
                    }
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Instr::BuildSet(items.len() as u32));
                }
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().any(Option::is_none) {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(keys.len() as u32));
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, Comp::List(elt), generators, "<listcomp>")?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, Comp::Set(elt), generators, "<setcomp>")?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, Comp::Dict(key, value), generators, "<dictcomp>")?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, Comp::Generator(elt), generators, "<genexpr>")?
            }
            ExprKind::Yield(value) => {
                self.check_yield(e.loc)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Instr::Yield);
            }
            ExprKind::YieldFrom(value) => {
                self.check_yield(e.loc)?;
                self.expr(value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Const::None);
                let end = self.new_label();
                self.jump(Instr::YieldFrom, end);
                self.bind(end);
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
        }
        Ok(())
    }

    fn check_yield(&self, loc: Loc) -> CResult {
        match self.scope_kind() {
            ScopeKind::Function | ScopeKind::Comprehension => Ok(()),
            _ => Err(error(loc, "'yield' outside function")),
        }
    }

    /// A subscript's index: slices become `BuildSlice`.
    fn subscript_index(&mut self, index: &'a Expr) -> CResult {
        match &index.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            ExprKind::Tuple(items)
                if items
                    .iter()
                    .any(|i| matches!(i.kind, ExprKind::Slice { .. })) =>
            {
                for i in items {
                    self.subscript_index(i)?;
                }
                self.emit(Instr::BuildTuple(items.len() as u32));
            }
            _ => self.expr(index)?,
        }
        Ok(())
    }

    /// A tuple from `items`, which may contain starred expressions.
    fn sequence(&mut self, items: &'a [Expr], tuple: bool) -> CResult {
        if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            self.emit(Instr::BuildList(0));
            self.extend_list(items)?;
            if tuple {
                self.emit(Instr::ListToTuple);
            }
        } else {
            for i in items {
                self.expr(i)?;
            }
            self.emit(if tuple {
                Instr::BuildTuple(items.len() as u32)
            } else {
                Instr::BuildList(items.len() as u32)
            });
        }
        Ok(())
    }

    fn extend_list(&mut self, items: &'a [Expr]) -> CResult {
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.expr(i)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], rest: &'a [Expr]) -> CResult {
        self.expr(left)?;
        let cleanup = self.new_label();
        let end = self.new_label();
        let n = ops.len();
        for (i, (op, right)) in ops.iter().zip(rest).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
            }
            self.emit(cmp_instr(*op));
            if i + 1 < n {
                let d = self.depth();
                self.jump(Instr::JumpIfFalseOrPop, cleanup);
                self.set_depth(d - 1);
            }
        }
        if n > 1 {
            let d = self.depth();
            self.jump(Instr::Jump, end);
            self.bind(cleanup);
            self.set_depth(d + 1);
            self.emit(Instr::Swap(2));
            self.emit(Instr::Pop);
            self.bind(end);
        }
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if starred {
            self.expr(func)?;
            match args {
                // A lone `*it` goes to the call as it is (CPython reports
                // a non-iterable there, naming the function).
                [
                    Expr {
                        kind: ExprKind::Starred(inner),
                        ..
                    },
                ] => self.expr(inner)?,
                _ => self.sequence(args, true)?,
            }
            if keywords.is_empty() {
                self.emit(Instr::CallEx(0));
                return Ok(());
            }
            self.emit(Instr::BuildMap(0));
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Const::Str(name.clone()));
                        self.expr(&k.value)?;
                        self.emit(Instr::BuildMap(1));
                        self.emit(Instr::DictMerge(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictMerge(1));
                    }
                }
            }
            self.emit(Instr::CallEx(1));
            return Ok(());
        }
        let mut seen: Vec<&str> = Vec::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if seen.contains(&name.as_str()) {
                    return Err(error(
                        k.loc,
                        alloc::format!("keyword argument repeated: {name}"),
                    ));
                }
                seen.push(name);
            }
        }
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, keywords.is_empty()) {
            self.expr(value)?;
            let n = self.attr_index(attr);
            self.emit(Instr::LoadMethod(n));
            for a in args {
                self.expr(a)?;
            }
            self.set_line(func.loc);
            self.emit(Instr::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(args.len() as u32));
        } else {
            for k in keywords {
                self.expr(&k.value)?;
            }
            let names = keywords
                .iter()
                .map(|k| Const::Str(k.arg.clone().unwrap_or_default()))
                .collect();
            self.load_const(Const::Tuple(names));
            self.emit(Instr::CallKw((args.len() + keywords.len()) as u32));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: Comp<'a>,
        generators: &'a [Comprehension],
        name: &str,
    ) -> CResult {
        let scope = self.table.scope_of(e);
        let flags = self.closure(scope);
        let qualname = self.qualname(name);
        self.push_unit(scope, name, qualname, e.loc.line);
        {
            let u = self.unit();
            u.proto.argcount = 1;
            u.line = 0;
        }
        self.set_line(e.loc);
        match kind {
            Comp::List(_) => self.emit(Instr::BuildList(0)),
            Comp::Set(_) => self.emit(Instr::BuildSet(0)),
            Comp::Dict(..) => self.emit(Instr::BuildMap(0)),
            Comp::Generator(_) => {}
        }
        self.comprehension_loop(kind, generators, 0)?;
        if matches!(kind, Comp::Generator(_)) {
            self.load_const(Const::None);
        }
        self.emit(Instr::Return);
        let code = self.pop_unit();
        let i = self.const_index(Const::Code(Box::new(code)));
        self.emit(Instr::MakeFunction(i, flags));
        let first = generators
            .first()
            .ok_or_else(|| error(e.loc, "empty comprehension"))?;
        self.expr(&first.iter)?;
        self.emit(Instr::GetIter);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: Comp<'a>,
        generators: &'a [Comprehension],
        level: usize,
    ) -> CResult {
        let g = &generators[level];
        if level == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind(start);
        let d = self.depth();
        self.jump(Instr::ForIter, end);
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.condition(cond, false, start)?;
        }
        if level + 1 < generators.len() {
            self.comprehension_loop(kind, generators, level + 1)?;
        } else {
            let depth = (level + 2) as u32;
            match kind {
                Comp::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Generator(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::Yield);
                    self.emit(Instr::Pop);
                }
            }
        }
        self.jump(Instr::Jump, start);
        self.bind(end);
        self.set_depth(d - 1);
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const(Const::Str(s.clone()));
                    n += 1;
                }
                FStringPart::Value {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        self.load_const(Const::Str(t.clone()));
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut flags = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        Some(_) => {
                            return Err(error(value.loc, "f-string: invalid conversion character"));
                        }
                        None if debug_text.is_some() && format_spec.is_none() => 2,
                        None => 0,
                    };
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                    n += 1;
                }
            }
        }
        if n != 1 {
            self.emit(Instr::BuildString(n));
        }
        Ok(())
    }
}

/// What a comprehension builds.
#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Generator(&'a Expr),
}

fn close_segment(u: &mut Unit<'_>, here: u32) {
    if let Some(&(label, depth)) = u.handlers.last()
        && here > u.segment_start
    {
        u.table.push((u.segment_start, here, label, depth));
    }
    u.segment_start = here;
}

fn cmp_instr(op: CmpOp) -> Instr {
    match op {
        CmpOp::Is => Instr::Is(false),
        CmpOp::IsNot => Instr::Is(true),
        CmpOp::In => Instr::Contains(false),
        CmpOp::NotIn => Instr::Contains(true),
        other => Instr::Compare(other),
    }
}

fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::None, Const::None) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q))
        }
        _ => false,
    }
}

fn constant(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => Const::Int(*i),
        Constant::BigInt(s) => Const::BigInt(s.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Imaginary(f) => Const::Float(*f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
    }
}

/// Fold constant tuples and negative numbers at compile time.
fn fold(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(Constant::Int(i)) => i.checked_neg().map(Const::Int),
            ExprKind::Constant(Constant::Float(f)) => Some(Const::Float(-f)),
            _ => None,
        },
        ExprKind::Tuple(items) => items
            .iter()
            .map(fold)
            .collect::<Option<Vec<_>>>()
            .map(Const::Tuple),
        _ => None,
    }
}

/// CPython's wording for an expression in "cannot assign to ..." errors.
fn expr_description(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None | Constant::Bool(_) | Constant::Ellipsis) => {
            match &e.kind {
                ExprKind::Constant(Constant::None) => "None",
                ExprKind::Constant(Constant::Bool(true)) => "True",
                ExprKind::Constant(Constant::Bool(false)) => "False",
                _ => "ellipsis",
            }
        }
        ExprKind::Constant(_) | ExprKind::FString(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
    .to_string()
}

/// Net stack change of an instruction on its fall-through path.
fn stack_effect(instr: Instr) -> i32 {
    use Instr::*;
    match instr {
        Nop | Swap(_) | LoadAttr(_) | UnaryNeg | UnaryPos | UnaryInvert | UnaryNot | Jump(_)
        | GetIter | ListToTuple | Yield | GetYieldFromIter | CheckExcMatch | DeleteFast(_)
        | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
        Pop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_)
        | BinaryOp(_) | InplaceOp(_) | Compare(_) | Is(_) | Contains(_) | Subscr
        | PopJumpIfFalse(_) | PopJumpIfTrue(_) | ListAppend(_) | SetAdd(_) | ListExtend(_)
        | SetUpdate(_) | DictUpdate(_) | DictMerge(_) | Return | Reraise | PopExcept
        | ImportName(_) | ImportStar | PrintExpr | YieldFrom(_) | JumpIfFalseOrPop(_)
        | JumpIfTrueOrPop(_) => -1,
        Copy(_) | LoadConst(_) | LoadInt(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
        | LoadClassDeref(..) | LoadGlobal(_) | LoadName(_) | LoadMethod(_) | ForIter(_)
        | PushExcInfo | LoadAssertionError | BeforeWith | WithExceptStart | ImportFrom(_) => 1,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => -2,
        StoreSubscr => -3,
        Call(n) => -(n as i32),
        CallKw(n) | CallMethod(n) => -(n as i32) - 1,
        CallEx(f) => -1 - f as i32,
        BuildSlice(n) => 1 - n as i32,
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        FormatValue(f) => -(((f & 4) != 0) as i32),
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(b, a) => (b + a) as i32,
        MakeFunction(_, flags) => 1 - flags.count_ones() as i32,
        BuildClass => -2,
        Raise(n) => -(n as i32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(source: &str) -> CodeProto {
        compile_module(source, "t.py").unwrap()
    }

    fn function(module: &CodeProto, name: &str) -> CodeProto {
        module
            .consts
            .iter()
            .find_map(|c| match c {
                Const::Code(c) if c.name == name => Some((**c).clone()),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn a_lone_starred_argument_is_passed_as_it_is() {
        let m = code("f(*args)\n");
        assert!(m.instrs.contains(&Instr::CallEx(0)));
        assert!(!m.instrs.iter().any(|i| matches!(i, Instr::ListExtend(_))));
        let m = code("f(1, *args)\n");
        assert!(m.instrs.iter().any(|i| matches!(i, Instr::ListExtend(_))));
    }

    #[test]
    fn leaving_a_finally_run_for_an_exception_restores_the_handled_one() {
        let f = function(
            &code(
                "def f():\n    for i in x:\n        try:\n            pass\n        finally:\n            break\n",
            ),
            "f",
        );
        // The normal path has no `PopExcept`; the exceptional path's
        // `break` and its end of block have one each.
        let pops = f.instrs.iter().filter(|i| **i == Instr::PopExcept).count();
        assert_eq!(pops, 3, "{:?}", f.instrs);
    }

    #[test]
    fn private_attributes_are_mangled() {
        let m = code("class K:\n    def m(self):\n        return self.__v\n");
        let body = function(&m, "K");
        let method = function(&body, "m");
        assert!(
            method.names.iter().any(|n| n == "_K__v"),
            "{:?}",
            method.names
        );
    }
}
