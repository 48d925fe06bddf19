//! Out-of-line constructors for tree nodes.
//!
//! The parser's recursive functions hold boxed expressions and vectors,
//! which are small; the nodes built from them are large. Building and
//! storing them here, in functions that are never inlined, keeps those
//! large values out of the recursive functions' stack frames, which bounds
//! the stack each level of nesting takes (see `super::MAX_DEPTH`).
//! Their parameters are boxed for the same reason: the caller passes a
//! pointer instead of copying the value.
#![allow(clippy::boxed_local)]

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::ast::{
    BinOp, ClassDef, Comprehension, ExceptHandler, Expr, ExprKind, FunctionDef, Keyword, Loc,
    Param, Params, Stmt, StmtKind,
};

/// A new expression node.
#[inline(never)]
pub(super) fn node(loc: Loc, kind: ExprKind) -> Box<Expr> {
    Box::new(Expr { loc, kind })
}

/// A new binary operator node.
#[inline(never)]
pub(super) fn binary_node(loc: Loc, left: Box<Expr>, op: BinOp, right: Box<Expr>) -> Box<Expr> {
    node(loc, ExprKind::BinOp { left, op, right })
}

/// Moves `e` out of its box onto the end of `v`.
#[inline(never)]
pub(super) fn push_unboxed(v: &mut Vec<Expr>, e: Box<Expr>) {
    v.push(*e);
}

/// A new parameter.
#[inline(never)]
pub(super) fn boxed_param(loc: Loc, name: String, annotation: Option<Box<Expr>>) -> Box<Param> {
    Box::new(Param {
        loc,
        name,
        annotation: annotation.map(|a| *a),
    })
}

/// Appends a parameter.
#[inline(never)]
pub(super) fn push_param(v: &mut Vec<Param>, param: Box<Param>) {
    v.push(*param);
}

/// Sets `*args` or `**kwargs`.
#[inline(never)]
pub(super) fn set_param(slot: &mut Option<Param>, param: Box<Param>) {
    *slot = Some(*param);
}

/// Appends a keyword-only parameter's default.
#[inline(never)]
pub(super) fn push_kw_default(v: &mut Vec<Option<Expr>>, default: Option<Box<Expr>>) {
    v.push(default.map(|d| *d));
}

/// Appends a keyword argument.
#[inline(never)]
pub(super) fn push_keyword(
    keywords: &mut Vec<Keyword>,
    loc: Loc,
    arg: Option<String>,
    value: Box<Expr>,
) {
    keywords.push(Keyword {
        loc,
        arg,
        value: *value,
    });
}

/// Appends a comprehension clause.
#[inline(never)]
pub(super) fn push_comprehension(
    generators: &mut Vec<Comprehension>,
    target: Box<Expr>,
    iter: Box<Expr>,
    ifs: Vec<Expr>,
) {
    generators.push(Comprehension {
        target: *target,
        iter: *iter,
        ifs,
    });
}

/// Appends a statement.
#[inline(never)]
pub(super) fn push_stmt(out: &mut Vec<Stmt>, loc: Loc, kind: StmtKind) {
    out.push(Stmt { loc, kind });
}

/// Appends an `if` with its `elif` clauses (location, condition, body)
/// nested in `orelse`.
#[inline(never)]
pub(super) fn push_if(
    out: &mut Vec<Stmt>,
    loc: Loc,
    test: Box<Expr>,
    body: Vec<Stmt>,
    mut elifs: Vec<(Loc, Box<Expr>, Vec<Stmt>)>,
    mut orelse: Vec<Stmt>,
) {
    while let Some((loc, test, body)) = elifs.pop() {
        let test = *test;
        orelse = vec![Stmt {
            loc,
            kind: StmtKind::If { test, body, orelse },
        }];
    }
    let test = *test;
    push_stmt(out, loc, StmtKind::If { test, body, orelse });
}

/// Appends a `while` loop.
#[inline(never)]
pub(super) fn push_while(
    out: &mut Vec<Stmt>,
    loc: Loc,
    test: Box<Expr>,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
) {
    let test = *test;
    push_stmt(out, loc, StmtKind::While { test, body, orelse });
}

/// Appends a `for` loop.
#[inline(never)]
pub(super) fn push_for(
    out: &mut Vec<Stmt>,
    loc: Loc,
    target: Box<Expr>,
    iter: Box<Expr>,
    body: Vec<Stmt>,
    orelse: Vec<Stmt>,
) {
    let kind = StmtKind::For {
        target: *target,
        iter: *iter,
        body,
        orelse,
    };
    push_stmt(out, loc, kind);
}

/// Appends a `try` statement.
#[inline(never)]
pub(super) fn push_try(
    out: &mut Vec<Stmt>,
    loc: Loc,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) {
    let kind = StmtKind::Try {
        body,
        handlers,
        orelse,
        finalbody,
    };
    push_stmt(out, loc, kind);
}

/// Appends a `class` statement (`arguments` are its bases and keywords).
#[inline(never)]
pub(super) fn push_class(
    out: &mut Vec<Stmt>,
    loc: Loc,
    name: String,
    (bases, keywords): (Vec<Expr>, Vec<Keyword>),
    body: Vec<Stmt>,
    decorators: Vec<Expr>,
) {
    let class = Box::new(ClassDef {
        name,
        bases,
        keywords,
        body,
        decorators,
    });
    push_stmt(out, loc, StmtKind::ClassDef(class));
}

/// Appends an `except` clause.
#[inline(never)]
pub(super) fn push_handler(
    handlers: &mut Vec<ExceptHandler>,
    loc: Loc,
    typ: Option<Box<Expr>>,
    name: Option<String>,
    body: Vec<Stmt>,
) {
    handlers.push(ExceptHandler {
        loc,
        typ: typ.map(|t| *t),
        name,
        body,
    });
}

/// Appends a `def` statement.
#[inline(never)]
pub(super) fn push_function(
    out: &mut Vec<Stmt>,
    loc: Loc,
    name: String,
    params: Box<Params>,
    body: Vec<Stmt>,
    decorators: Vec<Expr>,
    returns: Option<Box<Expr>>,
) {
    let def = Box::new(FunctionDef {
        name,
        params: *params,
        body,
        decorators,
        returns: returns.map(|r| *r),
    });
    push_stmt(out, loc, StmtKind::FunctionDef(def));
}
