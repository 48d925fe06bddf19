//! Statements.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::expr::{starts_expression, starts_star_expression};
use super::nodes::{
    push_class, push_for, push_function, push_handler, push_if, push_stmt, push_try, push_while,
};
use super::targets::{TargetKind, expr_name, invalid_target, is_bitwise_or_kind, is_plain_target};
use super::{BLOCK_DEPTH, PResult, Parser, SyntaxError};
use crate::ast::{Alias, BinOp, ExceptHandler, Expr, ExprKind, Loc, Stmt, StmtKind, WithItem};
use crate::lexer::{Kw, Op, Tok};

impl<'a> Parser<'a> {
    /// One statement (a compound statement, or a line of simple ones),
    /// appended to `out`.
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.tok.tok {
            Tok::Kw(Kw::If) => self.if_statement(out),
            Tok::Kw(Kw::While) => self.while_statement(out),
            Tok::Kw(Kw::For) => self.for_statement(out),
            Tok::Kw(Kw::Try) => self.try_statement(out),
            Tok::Kw(Kw::With) => self.with_statement(out),
            Tok::Kw(Kw::Def | Kw::Class) | Tok::Op(Op::Bin(BinOp::MatMul)) => self.definition(out),
            _ => self.simple_statements(out),
        }
    }

    /// The body of a compound statement: simple statements on the same
    /// line, or an indented block.
    fn block(&mut self, what: &str, header: Loc) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.tok.tok != Tok::Newline {
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        self.advance()?;
        if self.tok.tok != Tok::Indent {
            return Err(self.expected_block(what, header));
        }
        self.advance()?;
        self.enter_block(BLOCK_DEPTH)?;
        while !matches!(self.tok.tok, Tok::Dedent | Tok::EndMarker) {
            self.statement(&mut body)?;
        }
        if self.tok.tok == Tok::Dedent {
            self.advance()?;
        }
        self.leave(BLOCK_DEPTH);
        Ok(body)
    }

    /// Simple statements separated by `;`, through the `NEWLINE`.
    #[inline(never)]
    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let loc = self.tok.loc;
            let kind = self.simple_statement()?;
            out.push(Stmt { loc, kind });
            if !self.eat_op(Op::Semi)? || self.tok.tok == Tok::Newline {
                break;
            }
        }
        if self.tok.tok != Tok::Newline {
            return Err(self.invalid_syntax());
        }
        self.advance()?;
        Ok(())
    }

    #[inline(never)]
    fn simple_statement(&mut self) -> PResult<StmtKind> {
        let Tok::Kw(kw) = self.tok.tok else {
            return self.expression_statement();
        };
        let kind = match kw {
            Kw::Pass => StmtKind::Pass,
            Kw::Break => StmtKind::Break,
            Kw::Continue => StmtKind::Continue,
            Kw::Return => {
                self.advance()?;
                let value = if starts_star_expression(&self.tok.tok) {
                    Some(*self.star_expressions()?)
                } else {
                    None
                };
                return Ok(StmtKind::Return(value));
            }
            Kw::Raise => return self.raise_statement(),
            Kw::Global | Kw::Nonlocal => {
                self.advance()?;
                let mut names = vec![self.expect_name()?];
                while self.eat_op(Op::Comma)? {
                    names.push(self.expect_name()?);
                }
                return Ok(if kw == Kw::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                });
            }
            Kw::Del => return self.del_statement(),
            Kw::Assert => {
                self.advance()?;
                let test = *self.expression()?;
                let msg = if self.eat_op(Op::Comma)? {
                    Some(*self.expression()?)
                } else {
                    None
                };
                return Ok(StmtKind::Assert { test, msg });
            }
            Kw::Import => return self.import_statement(),
            Kw::From => return self.import_from_statement(),
            _ => return self.expression_statement(),
        };
        self.advance()?;
        Ok(kind)
    }

    #[inline(never)]
    fn raise_statement(&mut self) -> PResult<StmtKind> {
        self.advance()?;
        if !starts_expression(&self.tok.tok) {
            return Ok(StmtKind::Raise {
                exc: None,
                cause: None,
            });
        }
        let exc = Some(*self.expression()?);
        let cause = if self.eat_kw(Kw::From)? {
            Some(*self.expression()?)
        } else {
            None
        };
        Ok(StmtKind::Raise { exc, cause })
    }

    #[inline(never)]
    fn del_statement(&mut self) -> PResult<StmtKind> {
        self.advance()?;
        let mut targets = Vec::new();
        loop {
            let target = self.star_expression()?;
            self.check_target(&target, self.prev_end, TargetKind::Delete)?;
            targets.push(*target);
            if !self.eat_op(Op::Comma)? || !starts_star_expression(&self.tok.tok) {
                break;
            }
        }
        Ok(StmtKind::Delete(targets))
    }

    #[inline(never)]
    fn import_statement(&mut self) -> PResult<StmtKind> {
        self.advance()?;
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = self.as_name()?;
            names.push(Alias { name, asname });
            if !self.eat_op(Op::Comma)? {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?;
        while self.eat_op(Op::Dot)? {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name)
    }

    fn as_name(&mut self) -> PResult<Option<String>> {
        Ok(if self.eat_kw(Kw::As)? {
            Some(self.expect_name()?)
        } else {
            None
        })
    }

    #[inline(never)]
    fn import_from_statement(&mut self) -> PResult<StmtKind> {
        self.advance()?;
        let mut level: u32 = 0;
        loop {
            if self.eat_op(Op::Dot)? {
                level = level.saturating_add(1);
            } else if self.eat_op(Op::Ellipsis)? {
                level = level.saturating_add(3);
            } else {
                break;
            }
        }
        let module = if level == 0 || !self.is_kw(Kw::Import) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        self.expect_kw(Kw::Import)?;
        if self.eat_op(Op::Bin(BinOp::Mul))? {
            let names = vec![Alias {
                name: "*".into(),
                asname: None,
            }];
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parenthesized = self.eat_op(Op::LPar)?;
        let mut names = Vec::new();
        loop {
            let name = self.expect_name()?;
            let asname = self.as_name()?;
            names.push(Alias { name, asname });
            if !self.eat_op(Op::Comma)? {
                break;
            }
            if parenthesized && self.is_op(Op::RPar) {
                break;
            }
            if !parenthesized && self.tok.tok == Tok::Newline {
                return Err(
                    self.error("trailing comma not allowed without surrounding parentheses")
                );
            }
        }
        if parenthesized {
            self.expect_op(Op::RPar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// An expression statement, an assignment of any kind.
    #[inline(never)]
    fn expression_statement(&mut self) -> PResult<StmtKind> {
        let start = self.tok.loc;
        let first_is_yield = self.is_kw(Kw::Yield);
        let (first, bare_tuple) = if first_is_yield {
            (self.yield_expr()?, None)
        } else {
            self.star_expressions_detailed()?
        };
        let first_end = self.prev_end;
        match self.tok.tok {
            Tok::Op(Op::Equal) => {
                if first_is_yield {
                    return Err(self.error_range(
                        "assignment to yield expression not possible".into(),
                        start,
                        first_end,
                    ));
                }
                self.check_first_target(&first, first_end, bare_tuple)?;
                self.assignment(*first)
            }
            Tok::Op(Op::AugAssign(op)) => {
                if !is_plain_target(&first) {
                    let msg = format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&first)
                    );
                    return Err(self.error_range(msg, start, first_end));
                }
                self.advance()?;
                let value = self.assigned_value()?;
                Ok(StmtKind::AugAssign {
                    target: *first,
                    op,
                    value,
                })
            }
            Tok::Op(Op::Colon) => self.annotated_assignment(*first, first_end, bare_tuple),
            _ => {
                self.end_of_statement(&first, start)?;
                Ok(StmtKind::Expr(*first))
            }
        }
    }

    /// The value of an assignment: a yield expression or expressions,
    /// which must end the statement.
    fn assigned_value(&mut self) -> PResult<Expr> {
        let start = self.tok.loc;
        let value = if self.is_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        self.end_of_statement(&value, start)?;
        Ok(*value)
    }

    /// Checks that a simple statement ends after `last`.
    fn end_of_statement(&mut self, last: &Expr, start: Loc) -> PResult<()> {
        if matches!(self.tok.tok, Tok::Newline | Tok::Op(Op::Semi)) {
            return Ok(());
        }
        Err(self.unexpected_after(last, start))
    }

    /// `targets = value`, with the first target parsed and checked and the
    /// current token the first `=`.
    #[inline(never)]
    fn assignment(&mut self, first: Expr) -> PResult<StmtKind> {
        let mut targets = vec![first];
        loop {
            self.advance()?;
            let start = self.tok.loc;
            let is_yield = self.is_kw(Kw::Yield);
            let value = if is_yield {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            if !self.is_op(Op::Equal) {
                self.end_of_statement(&value, start)?;
                return Ok(StmtKind::Assign {
                    targets,
                    value: *value,
                });
            }
            if is_yield {
                return Err(self.error_range(
                    "assignment to yield expression not possible".into(),
                    start,
                    self.prev_end,
                ));
            }
            self.check_target(&value, self.prev_end, TargetKind::Assign)?;
            targets.push(*value);
        }
    }

    /// Checks the first target of an assignment. CPython words the error
    /// differently when the statement could be a mistyped comparison
    /// (`f() = 1`): this needs a look at what follows the `=`.
    #[cold]
    #[inline(never)]
    fn check_first_target(
        &mut self,
        first: &Expr,
        end: Loc,
        bare_tuple: Option<bool>,
    ) -> PResult<()> {
        if invalid_target(first, TargetKind::Assign).is_none() {
            return Ok(());
        }
        let candidate = match (&first.kind, bare_tuple) {
            (ExprKind::Tuple(elts), Some(false)) => elts.last(),
            (_, None) => Some(first),
            _ => None,
        };
        if let Some(candidate) = candidate
            && !is_plain_target(candidate)
            && is_bitwise_or_kind(candidate)
        {
            let generic = self
                .target_error(first, end, TargetKind::Assign)
                .unwrap_or_else(|| self.invalid_syntax());
            if let Err(err) = self.advance() {
                return Err(self.lookahead_error(err, generic));
            }
            if !starts_expression(&self.tok.tok)
                || matches!(self.tok.tok, Tok::Kw(Kw::Not | Kw::Lambda))
            {
                return Err(generic);
            }
            match self.bitwise_or() {
                Err(err) => return Err(self.lookahead_error(err, generic)),
                Ok(_) if !self.is_op(Op::Equal) && !self.is_op(Op::ColonEqual) => {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(candidate)
                    );
                    return Err(self.error_range(msg, candidate.loc, end));
                }
                _ => return Err(generic),
            }
        }
        self.check_target(first, end, TargetKind::Assign)
    }

    #[inline(never)]
    fn annotated_assignment(
        &mut self,
        target: Expr,
        end: Loc,
        bare_tuple: Option<bool>,
    ) -> PResult<StmtKind> {
        let error = match (&target.kind, bare_tuple) {
            (ExprKind::Tuple(elts), Some(_)) => {
                let first = elts.first().map_or(target.loc, |e| e.loc);
                Some(self.error_range(
                    "only single target (not tuple) can be annotated".into(),
                    first,
                    first,
                ))
            }
            (ExprKind::Tuple(_) | ExprKind::List(_), _) => Some(self.error_range(
                format!(
                    "only single target (not {}) can be annotated",
                    expr_name(&target)
                ),
                target.loc,
                end,
            )),
            _ if is_plain_target(&target) => None,
            _ => Some(self.error_range("illegal target for annotation".into(), target.loc, end)),
        };
        self.advance()?;
        if let Some(error) = error {
            return Err(error);
        }
        let annotation = self.expression()?;
        let value = if self.eat_op(Op::Equal)? {
            Some(self.assigned_value()?)
        } else {
            let start = annotation.loc;
            self.end_of_statement(&annotation, start)?;
            None
        };
        Ok(StmtKind::AnnAssign {
            target,
            annotation: *annotation,
            value,
        })
    }

    /// The condition of `if`, `elif` or `while`, and the colon after it.
    #[inline(never)]
    fn condition(&mut self) -> PResult<Box<Expr>> {
        let start = self.tok.loc;
        let test = self.named_expression()?;
        if self.is_op(Op::Equal) {
            return Err(self.equals_in_expression(&test, start));
        }
        self.expect_colon()?;
        Ok(test)
    }

    #[inline(never)]
    fn if_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let loc = self.advance()?;
        let test = self.condition()?;
        let body = self.block("'if' statement", loc)?;
        let mut elifs = Vec::new();
        while self.is_kw(Kw::Elif) {
            // Each `elif` nests the tree one level deeper.
            self.enter_block(1)?;
            let loc = self.advance()?;
            let test = self.condition()?;
            let body = self.block("'elif' statement", loc)?;
            elifs.push((loc, test, body));
        }
        let orelse = self.else_block()?;
        self.leave(elifs.len() as u32);
        push_if(out, loc, test, body, elifs, orelse);
        Ok(())
    }

    #[inline(never)]
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is_kw(Kw::Else) {
            return Ok(Vec::new());
        }
        let header = self.advance()?;
        self.expect_colon_forced()?;
        self.block("'else' statement", header)
    }

    #[inline(never)]
    fn while_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let loc = self.advance()?;
        let test = self.condition()?;
        let body = self.block("'while' statement", loc)?;
        let orelse = self.else_block()?;
        push_while(out, loc, test, body, orelse);
        Ok(())
    }

    #[inline(never)]
    fn for_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let loc = self.advance()?;
        let target = self.target_list()?;
        self.expect_kw(Kw::In)?;
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let body = self.block("'for' statement", loc)?;
        let orelse = self.else_block()?;
        push_for(out, loc, target, iter, body, orelse);
        Ok(())
    }

    #[inline(never)]
    fn try_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let loc = self.advance()?;
        self.expect_colon_forced()?;
        let body = self.block("'try' statement", loc)?;
        let mut handlers = Vec::new();
        while self.is_kw(Kw::Except) {
            self.except_clause(&mut handlers)?;
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let has_finally = self.is_kw(Kw::Finally);
        if handlers.is_empty() && !has_finally {
            return Err(self.error("expected 'except' or 'finally' block"));
        }
        let finalbody = if has_finally {
            let header = self.advance()?;
            self.expect_colon_forced()?;
            self.block("'finally' statement", header)?
        } else {
            Vec::new()
        };
        push_try(out, loc, body, handlers, orelse, finalbody);
        Ok(())
    }

    /// One `except` clause, appended to `handlers`.
    #[inline(never)]
    fn except_clause(&mut self, handlers: &mut Vec<ExceptHandler>) -> PResult<()> {
        let loc = self.advance()?;
        let mut typ = None;
        let mut name = None;
        if !self.is_op(Op::Colon) {
            if self.tok.tok == Tok::Newline {
                return Err(self.error("expected ':'"));
            }
            let start = self.tok.loc;
            let exc = self.expression()?;
            if self.is_op(Op::Comma) {
                return Err(self.unparenthesized_exceptions(start));
            }
            name = self.as_name()?;
            typ = Some(exc);
        }
        self.expect_colon()?;
        let body = self.block("'except' statement", loc)?;
        push_handler(handlers, loc, typ, name, body);
        Ok(())
    }

    /// The error for `except A, B:`.
    #[cold]
    #[inline(never)]
    fn unparenthesized_exceptions(&mut self, start: Loc) -> Box<SyntaxError> {
        let generic = self.invalid_syntax();
        let mut end = self.prev_end;
        loop {
            match self.eat_op(Op::Comma) {
                Ok(true) => {}
                Ok(false) => break,
                Err(err) => return self.lookahead_error(err, generic),
            }
            match self.expression() {
                Ok(_) => end = self.prev_end,
                Err(err) => return self.lookahead_error(err, generic),
            }
        }
        let named = match self.as_name() {
            Ok(_) => true,
            Err(err) if self.lexer_failed => return self.lookahead_error(err, generic),
            Err(_) => false,
        };
        if named && self.is_op(Op::Colon) {
            return self.error_range(
                "multiple exception types must be parenthesized".into(),
                start,
                end,
            );
        }
        generic
    }

    #[inline(never)]
    fn with_statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let loc = self.advance()?;
        let items = if self.is_op(Op::LPar) {
            let checkpoint = self.checkpoint();
            match self.parenthesized_with_items() {
                Ok(items) => items,
                Err(_) => {
                    self.restore(checkpoint);
                    self.with_items()?
                }
            }
        } else {
            self.with_items()?
        };
        self.expect_colon()?;
        let body = self.block("'with' statement", loc)?;
        push_stmt(out, loc, StmtKind::With { items, body });
        Ok(())
    }

    /// `with (a as b, c):`, which is only this form if a colon follows.
    #[inline(never)]
    fn parenthesized_with_items(&mut self) -> PResult<Vec<WithItem>> {
        self.advance()?;
        let mut items = Vec::new();
        loop {
            self.with_item(&mut items)?;
            if !self.eat_op(Op::Comma)? || self.is_op(Op::RPar) {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        if !self.is_op(Op::Colon) {
            return Err(self.invalid_syntax());
        }
        Ok(items)
    }

    #[inline(never)]
    fn with_items(&mut self) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            self.with_item(&mut items)?;
            if !self.eat_op(Op::Comma)? {
                return Ok(items);
            }
        }
    }

    /// One `expression [as target]` of a `with`, appended to `items`.
    #[inline(never)]
    fn with_item(&mut self, items: &mut Vec<WithItem>) -> PResult<()> {
        let context = self.expression()?;
        let target = if self.eat_kw(Kw::As)? {
            let target = self.target_element()?;
            self.check_target(&target, self.prev_end, TargetKind::Assign)?;
            if !matches!(
                self.tok.tok,
                Tok::Op(Op::Comma | Op::RPar | Op::Colon) | Tok::Newline
            ) {
                return Err(self.invalid_syntax());
            }
            Some(target)
        } else {
            None
        };
        items.push(WithItem {
            context: *context,
            target: target.map(|t| *t),
        });
        Ok(())
    }

    /// A decorated or plain `def` or `class`.
    #[inline(never)]
    fn definition(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::Bin(BinOp::MatMul))? {
            let start = self.tok.loc;
            let decorator = self.named_expression()?;
            if self.tok.tok != Tok::Newline {
                return Err(self.unexpected_after(&decorator, start));
            }
            self.advance()?;
            decorators.push(*decorator);
        }
        match self.tok.tok {
            Tok::Kw(Kw::Def) => self.function_def(out, decorators),
            Tok::Kw(Kw::Class) => self.class_def(out, decorators),
            _ => Err(self.invalid_syntax()),
        }
    }

    #[inline(never)]
    fn function_def(&mut self, out: &mut Vec<Stmt>, decorators: Vec<Expr>) -> PResult<()> {
        let loc = self.advance()?;
        let name = self.expect_name()?;
        if !self.eat_op(Op::LPar)? {
            return Err(self.error("expected '('"));
        }
        let params = self.params(Op::RPar, false)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.eat_op(Op::Arrow)? {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_colon_forced()?;
        let body = self.block("function definition", loc)?;
        push_function(out, loc, name, params, body, decorators, returns);
        Ok(())
    }

    #[inline(never)]
    fn class_def(&mut self, out: &mut Vec<Stmt>, decorators: Vec<Expr>) -> PResult<()> {
        let loc = self.advance()?;
        let name = self.expect_name()?;
        let (bases, keywords) = if self.is_op(Op::LPar) {
            let open = self.advance()?;
            self.call_arguments(open)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon()?;
        let body = self.block("class definition", loc)?;
        push_class(out, loc, name, (bases, keywords), body, decorators);
        Ok(())
    }
}
