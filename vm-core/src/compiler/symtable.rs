//! Scope analysis: which names of each function, class, lambda and
//! comprehension are locals, cells, free variables or globals.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::ast::*;

/// Identifies a scope; the module is 0.
pub type ScopeId = usize;

/// What kind of block a scope is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A `def` or `lambda`.
    Function,
    /// A class body.
    Class,
    /// A comprehension or generator expression.
    Comprehension,
}

/// How a name is reached from a scope.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Binding {
    /// A plain local slot.
    Local,
    /// A local slot holding a cell (captured by an inner scope).
    Cell,
    /// A variable of an enclosing function, through the closure.
    Free,
    /// A module global (explicit or implicit).
    Global,
    /// A name in a class body's namespace.
    ClassName,
}

/// One scope's analysis.
#[derive(Debug, Default)]
pub struct Scope {
    /// Its kind.
    pub kind: Option<ScopeKind>,
    /// Parameters in slot order.
    pub params: Vec<String>,
    /// Names bound in the scope, in first-binding order.
    pub bound: Vec<String>,
    bound_set: BTreeSet<String>,
    /// Names declared `global`.
    pub globals: BTreeSet<String>,
    /// Names declared `nonlocal`.
    pub nonlocals: BTreeSet<String>,
    /// Names read.
    pub used: BTreeSet<String>,
    /// Locals captured by inner scopes.
    pub cells: BTreeSet<String>,
    /// Variables taken from enclosing functions, in first-need order.
    pub frees: Vec<String>,
    /// Whether it contains `yield`.
    pub generator: bool,
    /// Inner scopes.
    pub children: Vec<ScopeId>,
    /// The enclosing scope.
    pub parent: Option<ScopeId>,
    /// The name of the innermost enclosing class, which private names
    /// (`__x`) are mangled with.
    pub private: Option<String>,
}

impl Scope {
    fn bind(&mut self, name: &str) {
        if self.bound_set.insert(String::from(name)) {
            self.bound.push(String::from(name));
        }
    }

    /// Whether `name` is bound here (and not declared global or nonlocal).
    pub fn is_local(&self, name: &str) -> bool {
        self.bound_set.contains(name)
            && !self.globals.contains(name)
            && !self.nonlocals.contains(name)
    }

    fn kind(&self) -> ScopeKind {
        self.kind.unwrap_or(ScopeKind::Module)
    }

    /// How `name` is reached from this scope.
    pub fn binding(&self, name: &str) -> Binding {
        if self.globals.contains(name) {
            return Binding::Global;
        }
        let free = self.frees.iter().any(|f| f == name);
        match self.kind() {
            ScopeKind::Module => Binding::Global,
            ScopeKind::Class if free && !self.is_local(name) => Binding::Free,
            ScopeKind::Class => Binding::ClassName,
            _ if free => Binding::Free,
            _ if self.is_local(name) && self.cells.contains(name) => Binding::Cell,
            _ if self.is_local(name) => Binding::Local,
            _ => Binding::Global,
        }
    }
}

/// A private name `__x` (not `__x__`) as it is stored when written inside
/// the class `private`: `_Class__x`, as CPython mangles it.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return String::from(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return String::from(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return String::from(name);
    }
    alloc::format!("_{class}{name}")
}

/// An analysis error, reported as a `SyntaxError` at `loc`.
#[derive(Debug)]
pub struct ScopeError {
    /// The message.
    pub msg: String,
    /// Where.
    pub loc: Loc,
}

/// The scopes of a module, keyed by the address of their AST node.
#[derive(Debug)]
pub struct SymbolTable {
    /// All scopes; 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: BTreeMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope made for the AST node at `node` (a `FunctionDef`,
    /// `ClassDef`, lambda or comprehension expression).
    pub fn scope_of<T>(&self, node: &T) -> ScopeId {
        self.by_node
            .get(&(node as *const T as usize))
            .copied()
            .unwrap_or(0)
    }

    /// Analyse `module`.
    pub fn build(module: &Module) -> Result<SymbolTable, ScopeError> {
        let mut b = Builder {
            table: SymbolTable {
                scopes: Vec::new(),
                by_node: BTreeMap::new(),
            },
            current: 0,
            private: None,
        };
        b.table.scopes.push(Scope {
            kind: Some(ScopeKind::Module),
            ..Scope::default()
        });
        b.stmts(&module.body)?;
        let mut table = b.table;
        resolve(&mut table, 0, &BTreeSet::new())?;
        Ok(table)
    }
}

struct Builder {
    table: SymbolTable,
    current: ScopeId,
    private: Option<String>,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind) -> ScopeId {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope {
            kind: Some(kind),
            parent: Some(self.current),
            private: self.private.clone(),
            ..Scope::default()
        });
        self.table.scopes[self.current].children.push(id);
        self.table.by_node.insert(node as *const T as usize, id);
        let outer = self.current;
        self.current = id;
        outer
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name)
    }

    fn bind(&mut self, name: &str) {
        let name = self.mangle(name);
        self.scope().bind(&name);
    }

    fn use_name(&mut self, name: &str) {
        let name = self.mangle(name);
        self.scope().used.insert(name);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn declare(&mut self, names: &[String], loc: Loc, global: bool) -> Result<(), ScopeError> {
        for n in names {
            let n = &self.mangle(n);
            let scope = &self.table.scopes[self.current];
            let kind = scope.kind();
            if !global && kind == ScopeKind::Module {
                return Err(ScopeError {
                    msg: String::from("nonlocal declaration not allowed at module level"),
                    loc,
                });
            }
            let (word, other) = if global {
                ("global", &scope.nonlocals)
            } else {
                ("nonlocal", &scope.globals)
            };
            if other.contains(n) {
                return Err(ScopeError {
                    msg: alloc::format!("name '{n}' is nonlocal and global"),
                    loc,
                });
            }
            if scope.params.contains(n) {
                return Err(ScopeError {
                    msg: alloc::format!("name '{n}' is parameter and {word}"),
                    loc,
                });
            }
            if scope.used.contains(n) {
                return Err(ScopeError {
                    msg: alloc::format!("name '{n}' is used prior to {word} declaration"),
                    loc,
                });
            }
            if scope.bound_set.contains(n) {
                return Err(ScopeError {
                    msg: alloc::format!("name '{n}' is assigned to before {word} declaration"),
                    loc,
                });
            }
            let scope = self.scope();
            if global {
                scope.globals.insert(n.clone());
            } else {
                scope.nonlocals.insert(n.clone());
            }
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                match (&target.kind, value) {
                    (ExprKind::Name(_), None) => Ok(()),
                    _ => self.target(target),
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Return(v) => v.iter().try_for_each(|e| self.expr(e)),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Global(names) => self.declare(names, s.loc, true),
            StmtKind::Nonlocal(names) => self.declare(names, s.loc, false),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().try_for_each(|d| self.expr(d))?;
                self.defaults(&f.params)?;
                self.annotations(&f.params)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(&f.name);
                self.function(&**f, &f.params, |b| b.stmts(&f.body))
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().try_for_each(|d| self.expr(d))?;
                c.bases.iter().try_for_each(|e| self.expr(e))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.bind(&c.name);
                let private = self.private.replace(c.name.clone());
                let outer = self.enter(&**c, ScopeKind::Class);
                self.stmts(&c.body)?;
                self.current = outer;
                self.private = private;
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().try_for_each(|e| self.expr(e))?;
                cause.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a
                        .asname
                        .as_deref()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or(""));
                    self.bind(bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scope().kind() != ScopeKind::Module {
                            return Err(ScopeError {
                                msg: String::from("import * only allowed at module level"),
                                loc: s.loc,
                            });
                        }
                        continue;
                    }
                    self.bind(a.asname.as_deref().unwrap_or(&a.name));
                }
                Ok(())
            }
        }
    }

    fn defaults(&mut self, p: &Params) -> Result<(), ScopeError> {
        p.defaults.iter().try_for_each(|e| self.expr(e))?;
        p.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|e| self.expr(e))
    }

    fn annotations(&mut self, p: &Params) -> Result<(), ScopeError> {
        let all = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.vararg)
            .chain(&p.kwonly)
            .chain(&p.kwarg);
        for param in all {
            if let Some(a) = &param.annotation {
                self.expr(a)?;
            }
        }
        Ok(())
    }

    fn function<T>(
        &mut self,
        node: &T,
        params: &Params,
        body: impl FnOnce(&mut Self) -> Result<(), ScopeError>,
    ) -> Result<(), ScopeError> {
        let outer = self.enter(node, ScopeKind::Function);
        let names: Vec<&Param> = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .chain(&params.vararg)
            .chain(&params.kwarg)
            .collect();
        for p in names {
            let name = self.mangle(&p.name);
            if self.scope().params.contains(&name) {
                return Err(ScopeError {
                    msg: alloc::format!("duplicate argument '{}' in function definition", p.name),
                    loc: p.loc,
                });
            }
            self.scope().params.push(name);
            self.bind(&p.name);
        }
        body(self)?;
        self.current = outer;
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), ScopeError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.bind(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        generators: &[Comprehension],
        parts: &[&Expr],
        generator: bool,
    ) -> Result<(), ScopeError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        let outer = self.enter(node, ScopeKind::Comprehension);
        self.scope().params.push(String::from(".0"));
        self.bind(".0");
        self.scope().generator = generator;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            g.ifs.iter().try_for_each(|c| self.expr(c))?;
        }
        parts.iter().try_for_each(|p| self.expr(p))?;
        self.current = outer;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v)),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                let target = &self.mangle(target);
                // In a comprehension the target belongs to the enclosing
                // function (or module).
                let mut id = self.current;
                while self.table.scopes[id].kind() == ScopeKind::Comprehension {
                    let scope = &mut self.table.scopes[id];
                    if scope.bound_set.contains(target) {
                        return Err(ScopeError {
                            msg: alloc::format!(
                                "assignment expression cannot rebind comprehension iteration variable '{target}'"
                            ),
                            loc: e.loc,
                        });
                    }
                    scope.used.insert(target.clone());
                    id = scope.parent.unwrap_or(0);
                }
                if id != self.current {
                    let owner_kind = self.table.scopes[id].kind();
                    if owner_kind == ScopeKind::Class {
                        return Err(ScopeError {
                            msg: String::from(
                                "assignment expression within a comprehension cannot be used in a class body",
                            ),
                            loc: e.loc,
                        });
                    }
                    self.table.scopes[id].bind(target);
                    let mut inner = self.current;
                    while inner != id {
                        let scope = &mut self.table.scopes[inner];
                        if owner_kind == ScopeKind::Module {
                            scope.globals.insert(target.clone());
                        } else {
                            scope.nonlocals.insert(target.clone());
                        }
                        inner = scope.parent.unwrap_or(0);
                    }
                } else {
                    self.bind(target);
                }
                Ok(())
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { params, body } => {
                self.defaults(params)?;
                self.function(e, params, |b| b.expr(body))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                values.iter().try_for_each(|v| self.expr(v))
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                items.iter().try_for_each(|i| self.expr(i))
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], false)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt], true)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, &[key, value], false),
            ExprKind::Yield(v) => {
                self.mark_yield(e.loc)?;
                v.iter().try_for_each(|x| self.expr(x))
            }
            ExprKind::YieldFrom(v) => {
                self.mark_yield(e.loc)?;
                self.expr(v)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|c| self.expr(c))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Constant(_) => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Name(n) => {
                self.use_name(n);
                if n == "super" {
                    self.use_name("__class__");
                }
                Ok(())
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), ScopeError> {
        for p in parts {
            if let FStringPart::Value {
                value, format_spec, ..
            } = p
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn mark_yield(&mut self, loc: Loc) -> Result<(), ScopeError> {
        let scope = self.scope();
        match scope.kind() {
            ScopeKind::Function => {
                scope.generator = true;
                Ok(())
            }
            ScopeKind::Comprehension if scope.generator => {
                scope.generator = true;
                Err(ScopeError {
                    msg: String::from("'yield' inside generator expression"),
                    loc,
                })
            }
            ScopeKind::Comprehension => Err(ScopeError {
                msg: String::from("'yield' inside list comprehension"),
                loc,
            }),
            _ => Err(ScopeError {
                msg: String::from("'yield' outside function"),
                loc,
            }),
        }
    }
}

/// Resolve free variables top-down. `visible` holds the names bound in
/// enclosing function scopes (what a closure may capture). Returns the
/// names this scope (and its children) need from its enclosing scopes.
fn resolve(
    table: &mut SymbolTable,
    id: ScopeId,
    visible: &BTreeSet<String>,
) -> Result<BTreeSet<String>, ScopeError> {
    let kind = table.scopes[id].kind();
    for n in table.scopes[id].nonlocals.clone() {
        if !visible.contains(&n) {
            return Err(ScopeError {
                msg: alloc::format!("no binding for nonlocal '{n}' found"),
                loc: Loc::default(),
            });
        }
    }
    let mut child_visible = visible.clone();
    match kind {
        ScopeKind::Module => child_visible.clear(),
        ScopeKind::Function | ScopeKind::Comprehension => {
            let scope = &table.scopes[id];
            for n in &scope.bound {
                if scope.is_local(n) {
                    child_visible.insert(n.clone());
                }
            }
        }
        ScopeKind::Class => {
            child_visible.insert(String::from("__class__"));
        }
    }
    let mut needed = BTreeSet::new();
    for child in table.scopes[id].children.clone() {
        for name in resolve(table, child, &child_visible)? {
            let scope = &mut table.scopes[id];
            if kind == ScopeKind::Class && name == "__class__" {
                scope.cells.insert(name.clone());
                if !scope.bound_set.contains("__class__") {
                    scope.bound.push(name.clone());
                    scope.bound_set.insert(name);
                }
            } else if kind != ScopeKind::Class && scope.is_local(&name) {
                scope.cells.insert(name);
            } else {
                needed.insert(name);
            }
        }
    }
    let scope = &table.scopes[id];
    if kind != ScopeKind::Module {
        for n in scope.used.iter().chain(scope.nonlocals.iter()) {
            let local = scope.is_local(n) && !(kind == ScopeKind::Class && n == "__class__");
            if !local && !scope.globals.contains(n) && visible.contains(n) {
                needed.insert(n.clone());
            }
        }
    }
    let scope = &mut table.scopes[id];
    for n in &needed {
        if !scope.frees.contains(n) {
            scope.frees.push(n.to_string());
        }
    }
    Ok(needed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_names_are_mangled_with_the_class() {
        assert_eq!(mangle(Some("Point"), "__x"), "_Point__x");
        assert_eq!(mangle(Some("_Hidden"), "__x"), "_Hidden__x");
        assert_eq!(mangle(Some("__Twice"), "__m"), "_Twice__m");
    }

    #[test]
    fn dunders_and_public_names_are_left_alone() {
        assert_eq!(mangle(Some("C"), "__init__"), "__init__");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(Some("C"), "x__"), "x__");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }

    #[test]
    fn a_method_sees_its_class_as_private_name() {
        let module =
            crate::parser::parse_module("class C:\n    def m(self, __a):\n        return __a\n")
                .unwrap();
        let table = SymbolTable::build(&module).unwrap();
        let method = table
            .scopes
            .iter()
            .find(|s| s.kind == Some(ScopeKind::Function))
            .unwrap();
        assert_eq!(method.private.as_deref(), Some("C"));
        assert_eq!(method.params, ["self", "_C__a"]);
    }
}
