//! Assignment and deletion targets, and the expression names CPython uses
//! in error messages about them.

use alloc::boxed::Box;
use alloc::format;

use super::{Parser, SyntaxError};
use crate::ast::{Constant, Expr, ExprKind, Loc, UnaryOp};

/// What a target is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TargetKind {
    /// Assignment, `for` and `with ... as`, comprehension variables.
    Assign,
    /// `del`.
    Delete,
}

/// How CPython names an expression in error messages.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Whether `e` is a name, attribute or subscript: the targets that need no
/// unpacking.
pub(super) fn is_plain_target(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    )
}

/// The first part of `e` that cannot be a target, if any.
pub(super) fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            elts.iter().find_map(|elt| invalid_target(elt, kind))
        }
        ExprKind::Starred(value) if kind == TargetKind::Assign => invalid_target(value, kind),
        _ => Some(e),
    }
}

/// Whether `e` could be what CPython's grammar calls a `bitwise_or` but is
/// not a display it excludes from the "Maybe you meant '=='" hint.
pub(super) fn is_bitwise_or_kind(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::Bool(_) | Constant::None)
    )
}

impl Parser<'_> {
    /// The error for the first invalid part of `target`, which ends at
    /// `end`, if there is one.
    #[cold]
    #[inline(never)]
    pub(super) fn target_error(
        &self,
        target: &Expr,
        end: Loc,
        kind: TargetKind,
    ) -> Option<Box<SyntaxError>> {
        let bad = invalid_target(target, kind)?;
        let verb = match kind {
            TargetKind::Assign => "assign to",
            TargetKind::Delete => "delete",
        };
        let msg = format!("cannot {verb} {}", expr_name(bad));
        let end = if core::ptr::eq(bad, target) {
            end
        } else {
            bad.loc
        };
        Some(self.error_range(msg, bad.loc, end))
    }

    /// Fails if `target` (which ends at `end`) is not a valid target.
    pub(super) fn check_target(
        &self,
        target: &Expr,
        end: Loc,
        kind: TargetKind,
    ) -> Result<(), Box<SyntaxError>> {
        match self.target_error(target, end, kind) {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }
}
