//! Expressions.

use alloc::boxed::Box;
use alloc::format;
use alloc::vec;
use alloc::vec::Vec;

use super::nodes::{
    binary_node, boxed_param, node, push_comprehension, push_keyword, push_kw_default, push_param,
    push_unboxed, set_param,
};
use super::targets::{TargetKind, expr_name, is_bitwise_or_kind};
use super::{PResult, Parser, SyntaxError};
use crate::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Loc, Param, Params,
    UnaryOp,
};
use crate::lexer::{Kw, Op, Tok};

// Binding powers, loosest first.
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const COMPARISON: u8 = 4;
const BIT_OR: u8 = 5;
const BIT_XOR: u8 = 6;
const BIT_AND: u8 = 7;
const SHIFT: u8 = 8;
const ARITH: u8 = 9;
const TERM: u8 = 10;
const UNARY: u8 = 11;
const POWER: u8 = 12;

// Extra depth units (see `MAX_DEPTH`) for constructs whose parsing takes
// more stack than an operator's.
const CALL_DEPTH: u32 = 2;
const SUBSCRIPT_DEPTH: u32 = 2;
const COMPREHENSION_DEPTH: u32 = 3;
const BRACE_DEPTH: u32 = 2;
const LAMBDA_DEPTH: u32 = 3;
const ITEM_DEPTH: u32 = 2;
const YIELD_DEPTH: u32 = 2;
const OPERAND_DEPTH: u32 = 1;

fn binding_power(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => BIT_OR,
        BinOp::BitXor => BIT_XOR,
        BinOp::BitAnd => BIT_AND,
        BinOp::LShift | BinOp::RShift => SHIFT,
        BinOp::Add | BinOp::Sub => ARITH,
        BinOp::Mul | BinOp::MatMul | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => TERM,
        BinOp::Pow => POWER,
    }
}

/// Whether `tok` can start an `expression` (not a starred one).
pub(super) fn starts_expression(tok: &Tok) -> bool {
    match tok {
        Tok::Name(_) | Tok::Number(_) | Tok::Str(_) => true,
        Tok::Kw(kw) => matches!(kw, Kw::Not | Kw::Lambda | Kw::True | Kw::False | Kw::None),
        Tok::Op(op) => matches!(
            op,
            Op::LPar
                | Op::LSqb
                | Op::LBrace
                | Op::Tilde
                | Op::Ellipsis
                | Op::Bin(BinOp::Add | BinOp::Sub)
        ),
        _ => false,
    }
}

/// Whether `tok` can start an expression or a starred expression.
pub(super) fn starts_star_expression(tok: &Tok) -> bool {
    starts_expression(tok) || *tok == Tok::Op(Op::Bin(BinOp::Mul))
}

/// A tuple, list or set display, per its `closing` token.
#[inline(never)]
fn display_node(open: Loc, closing: Closing, elts: Vec<Expr>) -> Box<Expr> {
    let kind = match closing {
        Closing::Bracket => ExprKind::List(elts),
        Closing::Brace => ExprKind::Set(elts),
        Closing::Paren | Closing::Field => ExprKind::Tuple(elts),
    };
    node(open, kind)
}

/// A list, set or generator comprehension, per its `closing` token.
#[inline(never)]
fn comprehension_node(
    open: Loc,
    closing: Closing,
    elt: Box<Expr>,
    generators: Vec<Comprehension>,
) -> Box<Expr> {
    let kind = match closing {
        Closing::Bracket => ExprKind::ListComp { elt, generators },
        Closing::Brace => ExprKind::SetComp { elt, generators },
        Closing::Paren | Closing::Field => ExprKind::GeneratorExp { elt, generators },
    };
    node(open, kind)
}

/// The token closing a display.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Closing {
    /// `)` of a tuple or generator expression.
    Paren,
    /// The end of an f-string replacement field, read as if parenthesized.
    Field,
    /// `]` of a list or subscript.
    Bracket,
    /// `}` of a set.
    Brace,
}

impl Closing {
    fn is(self, tok: &Tok) -> bool {
        match self {
            Closing::Paren => *tok == Tok::Op(Op::RPar),
            Closing::Field => *tok == Tok::EndMarker,
            Closing::Bracket => *tok == Tok::Op(Op::RSqb),
            Closing::Brace => *tok == Tok::Op(Op::RBrace),
        }
    }
}

/// The unary operator `tok` stands for where operators binding at least as
/// tightly as `min` are parsed, and how tightly its operand binds.
fn prefix_operator(tok: &Tok, min: u8) -> Option<(UnaryOp, u8)> {
    match tok {
        Tok::Kw(Kw::Not) if min <= NOT => Some((UnaryOp::Not, NOT)),
        Tok::Op(Op::Bin(BinOp::Sub)) if min <= UNARY => Some((UnaryOp::Neg, UNARY)),
        Tok::Op(Op::Bin(BinOp::Add)) if min <= UNARY => Some((UnaryOp::Pos, UNARY)),
        Tok::Op(Op::Tilde) if min <= UNARY => Some((UnaryOp::Invert, UNARY)),
        _ => None,
    }
}

// The functions on the recursive paths return boxed expressions: their
// stack frames then hold pointers instead of whole expressions, which keeps
// deep nesting within a small stack.
impl<'a> Parser<'a> {
    /// `expression`: a conditional expression, a lambda, or anything
    /// tighter.
    #[inline(always)]
    pub(super) fn expression(&mut self) -> PResult<Box<Expr>> {
        if self.is_kw(Kw::Lambda) {
            return self.lambda();
        }
        let start = self.tok.loc;
        let body = self.binary(OR)?;
        if !self.is_kw(Kw::If) {
            return Ok(body);
        }
        self.conditional(start, body)
    }

    /// `body if test else orelse`, from the `if`.
    #[inline(never)]
    fn conditional(&mut self, start: Loc, body: Box<Expr>) -> PResult<Box<Expr>> {
        self.advance()?;
        let test = self.binary(OR)?;
        if !self.eat_kw(Kw::Else)? {
            if self.is_op(Op::Colon) {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_range(
                "expected 'else' after 'if' expression".into(),
                start,
                self.prev_end,
            ));
        }
        self.enter(1)?;
        let orelse = self.expression()?;
        self.leave(1);
        Ok(node(start, ExprKind::IfExp { test, body, orelse }))
    }

    /// `named_expression`: an expression or `name := expression`.
    #[inline(always)]
    pub(super) fn named_expression(&mut self) -> PResult<Box<Expr>> {
        let start = self.tok.loc;
        let target = self.expression()?;
        if !self.is_op(Op::ColonEqual) {
            return Ok(target);
        }
        self.assignment_expression(start, target)
    }

    /// `name := value`, from the `:=`.
    #[inline(never)]
    fn assignment_expression(&mut self, start: Loc, target: Box<Expr>) -> PResult<Box<Expr>> {
        let Expr {
            kind: ExprKind::Name(name),
            ..
        } = *target
        else {
            let msg = format!(
                "cannot use assignment expressions with {}",
                expr_name(&target)
            );
            return Err(self.error_range(msg, start, self.prev_end));
        };
        self.advance()?;
        self.enter(1)?;
        let value = self.expression()?;
        self.leave(1);
        Ok(node(
            start,
            ExprKind::NamedExpr {
                target: name,
                value,
            },
        ))
    }

    /// `disjunction`: an expression without a conditional or lambda.
    #[inline(always)]
    pub(super) fn disjunction(&mut self) -> PResult<Box<Expr>> {
        self.binary(OR)
    }

    /// `bitwise_or`: an expression without boolean operators or
    /// comparisons.
    #[inline(always)]
    pub(super) fn bitwise_or(&mut self) -> PResult<Box<Expr>> {
        self.binary(BIT_OR)
    }

    /// `'*' bitwise_or`.
    #[inline(never)]
    fn starred(&mut self) -> PResult<Box<Expr>> {
        let loc = self.advance()?;
        self.enter(OPERAND_DEPTH)?;
        let value = self.bitwise_or()?;
        self.leave(OPERAND_DEPTH);
        Ok(node(loc, ExprKind::Starred(value)))
    }

    /// `star_expression`: an expression, or `*` and a `bitwise_or`.
    #[inline(always)]
    pub(super) fn star_expression(&mut self) -> PResult<Box<Expr>> {
        if self.is_op(Op::Bin(BinOp::Mul)) {
            return self.starred();
        }
        self.expression()
    }

    /// `star_named_expression`: a named expression, or `*` and a
    /// `bitwise_or`.
    #[inline(always)]
    fn star_named_expression(&mut self) -> PResult<Box<Expr>> {
        if self.is_op(Op::Bin(BinOp::Mul)) {
            return self.starred();
        }
        self.named_expression()
    }

    /// `star_expressions`: one star expression, or a tuple of them without
    /// parentheses.
    pub(super) fn star_expressions(&mut self) -> PResult<Box<Expr>> {
        Ok(self.star_expressions_detailed()?.0)
    }

    /// Like [`Parser::star_expressions`], also telling whether it built a
    /// tuple without parentheses and, if so, whether a trailing comma ended
    /// it.
    #[inline(never)]
    pub(super) fn star_expressions_detailed(&mut self) -> PResult<(Box<Expr>, Option<bool>)> {
        let start = self.tok.loc;
        let first = self.star_expression()?;
        if !self.is_op(Op::Comma) {
            return Ok((first, None));
        }
        let mut elts = Vec::new();
        push_unboxed(&mut elts, first);
        let mut trailing_comma = false;
        while self.eat_op(Op::Comma)? {
            trailing_comma = !starts_star_expression(&self.tok.tok);
            if trailing_comma {
                break;
            }
            let elt = self.star_expression()?;
            push_unboxed(&mut elts, elt);
        }
        Ok((node(start, ExprKind::Tuple(elts)), Some(trailing_comma)))
    }

    /// `yield [expressions]` or `yield from expression`.
    #[inline(never)]
    pub(super) fn yield_expr(&mut self) -> PResult<Box<Expr>> {
        self.enter(YIELD_DEPTH)?;
        let loc = self.advance()?;
        let kind = if self.eat_kw(Kw::From)? {
            ExprKind::YieldFrom(self.expression()?)
        } else if starts_star_expression(&self.tok.tok) {
            ExprKind::Yield(Some(self.star_expressions()?))
        } else {
            ExprKind::Yield(None)
        };
        self.leave(YIELD_DEPTH);
        Ok(node(loc, kind))
    }

    /// Operators binding at least as tightly as `min`, by precedence
    /// climbing.
    fn binary(&mut self, min: u8) -> PResult<Box<Expr>> {
        self.enter(1)?;
        let start = self.tok.loc;
        let mut left = match prefix_operator(&self.tok.tok, min) {
            Some((op, power)) => {
                self.advance()?;
                let operand = self.binary(power)?;
                node(start, ExprKind::UnaryOp { op, operand })
            }
            None => self.primary()?,
        };
        // Each operator applied nests the tree one level deeper.
        let mut levels = 1;
        loop {
            let comparison = min <= COMPARISON && self.comparison_op()?.is_some();
            left = match self.tok.tok {
                Tok::Kw(Kw::Or) if min <= OR => self.bool_op(start, BoolOp::Or, left)?,
                Tok::Kw(Kw::And) if min <= AND => self.bool_op(start, BoolOp::And, left)?,
                Tok::Op(Op::Bin(op)) if binding_power(op) >= min => {
                    self.advance()?;
                    let power = if op == BinOp::Pow {
                        UNARY
                    } else {
                        binding_power(op) + 1
                    };
                    let right = self.binary(power)?;
                    binary_node(start, left, op, right)
                }
                _ if comparison => self.comparison(start, left)?,
                _ => break,
            };
            self.enter(1)?;
            levels += 1;
        }
        self.leave(levels);
        Ok(left)
    }

    #[inline(never)]
    fn bool_op(&mut self, start: Loc, op: BoolOp, first: Box<Expr>) -> PResult<Box<Expr>> {
        let (kw, power) = match op {
            BoolOp::Or => (Kw::Or, AND),
            BoolOp::And => (Kw::And, NOT),
        };
        let mut values = Vec::new();
        push_unboxed(&mut values, first);
        self.enter(OPERAND_DEPTH)?;
        while self.eat_kw(kw)? {
            let value = self.binary(power)?;
            push_unboxed(&mut values, value);
        }
        self.leave(OPERAND_DEPTH);
        Ok(node(start, ExprKind::BoolOp { op, values }))
    }

    /// The comparison operator at the current token, if any (not consumed).
    #[inline(never)]
    fn comparison_op(&mut self) -> PResult<Option<CmpOp>> {
        Ok(Some(match self.tok.tok {
            Tok::Op(Op::EqEqual) => CmpOp::Eq,
            Tok::Op(Op::NotEqual) => CmpOp::NotEq,
            Tok::Op(Op::Less) => CmpOp::Lt,
            Tok::Op(Op::LessEqual) => CmpOp::LtE,
            Tok::Op(Op::Greater) => CmpOp::Gt,
            Tok::Op(Op::GreaterEqual) => CmpOp::GtE,
            Tok::Kw(Kw::In) => CmpOp::In,
            Tok::Kw(Kw::Is) => {
                if *self.peek()? == Tok::Kw(Kw::Not) {
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            Tok::Kw(Kw::Not) => {
                if *self.peek()? != Tok::Kw(Kw::In) {
                    return Ok(None);
                }
                CmpOp::NotIn
            }
            _ => return Ok(None),
        }))
    }

    #[inline(never)]
    fn comparison(&mut self, start: Loc, left: Box<Expr>) -> PResult<Box<Expr>> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        self.enter(OPERAND_DEPTH)?;
        while let Some(op) = self.comparison_op()? {
            self.advance()?;
            if matches!(op, CmpOp::IsNot | CmpOp::NotIn) {
                self.advance()?;
            }
            ops.push(op);
            let comparator = self.binary(BIT_OR)?;
            push_unboxed(&mut comparators, comparator);
        }
        self.leave(OPERAND_DEPTH);
        let kind = ExprKind::Compare {
            left,
            ops,
            comparators,
        };
        Ok(node(start, kind))
    }

    /// An atom followed by attribute accesses, calls and subscripts.
    #[inline(always)]
    fn primary(&mut self) -> PResult<Box<Expr>> {
        let start = self.tok.loc;
        let mut e = match self.tok.tok {
            Tok::Op(Op::LPar) => {
                let open = self.advance()?;
                self.parenthesized(open, false)?
            }
            Tok::Op(Op::LSqb) => self.list_display()?,
            Tok::Op(Op::LBrace) => self.brace_display()?,
            Tok::Str(_) => self.strings()?,
            _ => self.simple_atom()?,
        };
        let mut levels = 0;
        loop {
            e = match self.tok.tok {
                Tok::Op(Op::Dot) => self.attribute(start, e)?,
                Tok::Op(Op::LPar) => self.call(start, e)?,
                Tok::Op(Op::LSqb) => self.subscription(start, e)?,
                _ => break,
            };
            self.enter(1)?;
            levels += 1;
        }
        self.leave(levels);
        Ok(e)
    }

    /// `.name` after `value`, which starts at `start`.
    #[inline(never)]
    fn attribute(&mut self, start: Loc, value: Box<Expr>) -> PResult<Box<Expr>> {
        self.advance()?;
        let attr = self.expect_name()?;
        Ok(node(start, ExprKind::Attribute { value, attr }))
    }

    /// A call of `func`, which starts at `start`.
    #[inline(never)]
    fn call(&mut self, start: Loc, func: Box<Expr>) -> PResult<Box<Expr>> {
        let open = self.advance()?;
        self.enter(CALL_DEPTH)?;
        let (args, keywords) = self.call_arguments(open)?;
        self.leave(CALL_DEPTH);
        let kind = ExprKind::Call {
            func,
            args,
            keywords,
        };
        Ok(node(start, kind))
    }

    /// A subscript of `value`, which starts at `start`.
    #[inline(never)]
    fn subscription(&mut self, start: Loc, value: Box<Expr>) -> PResult<Box<Expr>> {
        self.advance()?;
        self.enter(SUBSCRIPT_DEPTH)?;
        let index = self.subscript()?;
        self.leave(SUBSCRIPT_DEPTH);
        Ok(node(start, ExprKind::Subscript { value, index }))
    }

    /// A name, number, `True`, `False`, `None` or `...`.
    #[inline(never)]
    fn simple_atom(&mut self) -> PResult<Box<Expr>> {
        let kind = match &self.tok.tok {
            Tok::Name(name) => ExprKind::Name((*name).into()),
            Tok::Number(value) => ExprKind::Constant(value.clone()),
            Tok::Kw(Kw::True) => ExprKind::Constant(Constant::Bool(true)),
            Tok::Kw(Kw::False) => ExprKind::Constant(Constant::Bool(false)),
            Tok::Kw(Kw::None) => ExprKind::Constant(Constant::None),
            Tok::Op(Op::Ellipsis) => ExprKind::Constant(Constant::Ellipsis),
            _ => return Err(self.invalid_syntax()),
        };
        let loc = self.advance()?;
        Ok(node(loc, kind))
    }

    /// What follows `(` at `open`, through the `)`: a group, a tuple, a
    /// generator expression or a parenthesized `yield`. For an f-string
    /// replacement field (`field`), the end of input stands for the `)`.
    #[inline(always)]
    pub(super) fn parenthesized(&mut self, open: Loc, field: bool) -> PResult<Box<Expr>> {
        let closing = if field {
            Closing::Field
        } else {
            Closing::Paren
        };
        if closing.is(&self.tok.tok) {
            self.advance()?;
            return Ok(node(open, ExprKind::Tuple(Vec::new())));
        }
        let start = self.tok.loc;
        let first = if self.is_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_named_expression()?
        };
        if self.is_kw(Kw::For) || self.is_op(Op::Comma) {
            return self.display_rest(open, first, start, closing);
        }
        self.group_end(first, start, closing)
    }

    /// The closing of a parenthesized expression that is neither a tuple
    /// nor a generator expression.
    #[inline(never)]
    fn group_end(&mut self, first: Box<Expr>, start: Loc, closing: Closing) -> PResult<Box<Expr>> {
        if !closing.is(&self.tok.tok) {
            return Err(self.unexpected_after(&first, start));
        }
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(self.error_range(
                "cannot use starred expression here".into(),
                start,
                self.prev_end,
            ));
        }
        if closing != Closing::Field {
            self.advance()?;
        }
        Ok(first)
    }

    /// Consumes the `closing` token after `last` (at `start`), or fails.
    fn close(&mut self, closing: Closing, last: &Expr, start: Loc) -> PResult<()> {
        if !closing.is(&self.tok.tok) {
            return Err(self.unexpected_after(last, start));
        }
        if closing != Closing::Field {
            self.advance()?;
        }
        Ok(())
    }

    /// The rest of a tuple, list or set display or comprehension (per
    /// `closing`) opened at `open`, after its first element `first` (at
    /// `start`), through the closing bracket.
    #[inline(never)]
    fn display_rest(
        &mut self,
        open: Loc,
        first: Box<Expr>,
        start: Loc,
        closing: Closing,
    ) -> PResult<Box<Expr>> {
        if !self.is_kw(Kw::For) {
            let elts =
                self.comma_separated(first, start, closing, Parser::star_named_expression)?;
            return Ok(display_node(open, closing, elts));
        }
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(self.error_range(
                "iterable unpacking cannot be used in comprehension".into(),
                start,
                self.prev_end,
            ));
        }
        let generators = self.comprehension_clauses()?;
        self.close(closing, &first, start)?;
        Ok(comprehension_node(open, closing, first, generators))
    }

    /// Items parsed by `item` and separated by commas (a trailing one
    /// allowed), after the first one, through the `closing` token.
    #[inline(never)]
    fn comma_separated(
        &mut self,
        first: Box<Expr>,
        start: Loc,
        closing: Closing,
        item: fn(&mut Self) -> PResult<Box<Expr>>,
    ) -> PResult<Vec<Expr>> {
        let mut elts = Vec::new();
        let (mut last, mut last_start) = (first, start);
        loop {
            if !closing.is(&self.tok.tok) && !self.is_op(Op::Comma) {
                return Err(self.unexpected_after(&last, last_start));
            }
            push_unboxed(&mut elts, last);
            if self.eat_op(Op::Comma)? && !closing.is(&self.tok.tok) {
                last_start = self.tok.loc;
                self.enter(ITEM_DEPTH)?;
                last = item(self)?;
                self.leave(ITEM_DEPTH);
                continue;
            }
            if closing != Closing::Field {
                self.advance()?;
            }
            return Ok(elts);
        }
    }

    #[inline(always)]
    fn list_display(&mut self) -> PResult<Box<Expr>> {
        let open = self.advance()?;
        if self.eat_op(Op::RSqb)? {
            return Ok(node(open, ExprKind::List(Vec::new())));
        }
        let start = self.tok.loc;
        let first = self.star_named_expression()?;
        self.display_rest(open, first, start, Closing::Bracket)
    }

    /// `{...}`: a dict or set display or comprehension.
    #[inline(never)]
    fn brace_display(&mut self) -> PResult<Box<Expr>> {
        self.enter(BRACE_DEPTH)?;
        let result = self.brace_display_contents();
        self.leave(BRACE_DEPTH);
        result
    }

    fn brace_display_contents(&mut self) -> PResult<Box<Expr>> {
        let open = self.advance()?;
        if self.eat_op(Op::RBrace)? {
            let kind = ExprKind::Dict {
                keys: Vec::new(),
                values: Vec::new(),
            };
            return Ok(node(open, kind));
        }
        if self.is_op(Op::Bin(BinOp::Pow)) {
            return self.dict_unpacking_first(open);
        }
        let start = self.tok.loc;
        let first = self.star_named_expression()?;
        if self.is_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
            return self.dict_after_key(open, first);
        }
        self.display_rest(open, first, start, Closing::Brace)
    }

    /// A dict display opened at `open` whose first entry is `**mapping`.
    #[inline(never)]
    fn dict_unpacking_first(&mut self, open: Loc) -> PResult<Box<Expr>> {
        let star = self.advance()?;
        let star_end = self.prev_end;
        let value = self.bitwise_or()?;
        if self.is_kw(Kw::For) {
            return Err(self.error_range(
                "dict unpacking cannot be used in dict comprehension".into(),
                star,
                star_end,
            ));
        }
        self.dict_display(open, None, value, star)
    }

    /// A dict display or comprehension opened at `open`, after its first
    /// key.
    #[inline(never)]
    fn dict_after_key(&mut self, open: Loc, key: Box<Expr>) -> PResult<Box<Expr>> {
        let (value, value_start) = self.dict_value()?;
        if !self.is_kw(Kw::For) {
            return self.dict_display(open, Some(*key), value, value_start);
        }
        let generators = self.comprehension_clauses()?;
        self.close(Closing::Brace, &value, value_start)?;
        let kind = ExprKind::DictComp {
            key,
            value,
            generators,
        };
        Ok(node(open, kind))
    }

    /// The `: value` of a dict entry, and where the value starts.
    #[inline(never)]
    fn dict_value(&mut self) -> PResult<(Box<Expr>, Loc)> {
        let colon = self.advance()?;
        if matches!(self.tok.tok, Tok::Op(Op::RBrace | Op::Comma)) {
            return Err(self.error_range(
                "expression expected after dictionary key and ':'".into(),
                colon,
                self.prev_end,
            ));
        }
        let start = self.tok.loc;
        Ok((self.expression()?, start))
    }

    /// The rest of a dict display after its first entry (whose value starts
    /// at `start`), through the `}`.
    #[inline(never)]
    fn dict_display(
        &mut self,
        open: Loc,
        key: Option<Expr>,
        value: Box<Expr>,
        start: Loc,
    ) -> PResult<Box<Expr>> {
        let mut keys = vec![key];
        let mut values = Vec::new();
        let (mut value, mut value_start) = (value, start);
        loop {
            if !self.is_op(Op::RBrace) && !self.is_op(Op::Comma) {
                return Err(self.unexpected_after(&value, value_start));
            }
            push_unboxed(&mut values, value);
            if !self.eat_op(Op::Comma)? || self.is_op(Op::RBrace) {
                self.expect_op(Op::RBrace)?;
                return Ok(node(open, ExprKind::Dict { keys, values }));
            }
            value_start = self.tok.loc;
            if self.eat_op(Op::Bin(BinOp::Pow))? {
                keys.push(None);
                value = self.bitwise_or()?;
                continue;
            }
            let key = self.expression()?;
            if !self.is_op(Op::Colon) {
                let mut err = self.error_range(
                    "':' expected after dictionary key".into(),
                    value_start,
                    value_start,
                );
                err.col = self.prev_end.col;
                return Err(err);
            }
            keys.push(Some(*key));
            (value, value_start) = self.dict_value()?;
        }
    }

    /// `for target in iterable if condition ...` clauses.
    #[inline(never)]
    fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        self.enter(COMPREHENSION_DEPTH)?;
        let mut generators = Vec::new();
        while self.eat_kw(Kw::For)? {
            let target = self.target_list()?;
            self.expect_kw(Kw::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If)? {
                let condition = self.disjunction()?;
                push_unboxed(&mut ifs, condition);
            }
            push_comprehension(&mut generators, target, iter, ifs);
        }
        self.leave(COMPREHENSION_DEPTH);
        Ok(generators)
    }

    /// One assignment target of a `for` or `with`: `*` and a target, or a
    /// name, attribute, subscript or bracketed targets.
    #[inline(always)]
    pub(super) fn target_element(&mut self) -> PResult<Box<Expr>> {
        if self.is_op(Op::Bin(BinOp::Mul)) {
            return self.starred();
        }
        self.bitwise_or()
    }

    /// The targets of a `for` loop or comprehension: a tuple if there are
    /// commas.
    #[inline(never)]
    pub(super) fn target_list(&mut self) -> PResult<Box<Expr>> {
        let start = self.tok.loc;
        let first = self.target_element()?;
        let target = if self.is_op(Op::Comma) {
            let mut elts = Vec::new();
            push_unboxed(&mut elts, first);
            while self.eat_op(Op::Comma)? && starts_star_expression(&self.tok.tok) {
                let elt = self.target_element()?;
                push_unboxed(&mut elts, elt);
            }
            node(start, ExprKind::Tuple(elts))
        } else {
            first
        };
        self.check_target(&target, self.prev_end, TargetKind::Assign)?;
        Ok(target)
    }

    /// The arguments of a call (or class bases) after the `(` at `open`,
    /// through the `)`.
    #[inline(never)]
    pub(super) fn call_arguments(&mut self, open: Loc) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        while !self.eat_op(Op::RPar)? {
            let start = self.tok.loc;
            let value = match self.tok.tok {
                Tok::Op(Op::Bin(BinOp::Mul)) => {
                    if seen_double_star {
                        return Err(self.error(
                            "iterable argument unpacking follows keyword argument unpacking",
                        ));
                    }
                    self.advance()?;
                    let value = self.expression()?;
                    if self.is_kw(Kw::For) {
                        return Err(self.error_range(
                            "iterable unpacking cannot be used in comprehension".into(),
                            start,
                            self.prev_end,
                        ));
                    }
                    let starred = node(start, ExprKind::Starred(value));
                    self.end_of_argument(&starred, start)?;
                    push_unboxed(&mut args, starred);
                    continue;
                }
                Tok::Op(Op::Bin(BinOp::Pow)) => {
                    self.advance()?;
                    let value = self.expression()?;
                    self.end_of_argument(&value, start)?;
                    push_keyword(&mut keywords, start, None, value);
                    seen_double_star = true;
                    continue;
                }
                _ => self.named_expression()?,
            };
            if self.is_op(Op::Equal) {
                self.advance()?;
                let ExprKind::Name(arg) = value.kind else {
                    return Err(self.error_range(
                        "expression cannot contain assignment, perhaps you meant \"==\"?".into(),
                        start,
                        self.prev_end,
                    ));
                };
                let value_start = self.tok.loc;
                let value = self.expression()?;
                self.end_of_argument(&value, value_start)?;
                push_keyword(&mut keywords, start, Some(arg), value);
                seen_keyword = true;
                continue;
            }
            if self.is_kw(Kw::For) {
                let generators = self.comprehension_clauses()?;
                if !args.is_empty() || !keywords.is_empty() || !self.is_op(Op::RPar) {
                    return Err(self.error_range(
                        "Generator expression must be parenthesized".into(),
                        start,
                        self.prev_end,
                    ));
                }
                let generator = comprehension_node(open, Closing::Paren, value, generators);
                push_unboxed(&mut args, generator);
                continue;
            }
            let misplaced = if seen_double_star {
                Some("positional argument follows keyword argument unpacking")
            } else if seen_keyword {
                Some("positional argument follows keyword argument")
            } else {
                None
            };
            if let Some(msg) = misplaced {
                return Err(self.error(msg));
            }
            self.end_of_argument(&value, start)?;
            push_unboxed(&mut args, value);
        }
        Ok((args, keywords))
    }

    /// Consumes the comma after an argument, or checks for the `)`.
    fn end_of_argument(&mut self, last: &Expr, start: Loc) -> PResult<()> {
        if self.eat_op(Op::Comma)? || self.is_op(Op::RPar) {
            return Ok(());
        }
        Err(self.unexpected_after(last, start))
    }

    /// The index of a subscript after the `[`, through the `]`.
    #[inline(never)]
    fn subscript(&mut self) -> PResult<Box<Expr>> {
        let start = self.tok.loc;
        let first = self.slice()?;
        if self.is_op(Op::RSqb) && !matches!(first.kind, ExprKind::Starred(_)) {
            self.advance()?;
            return Ok(first);
        }
        let elts = self.comma_separated(first, start, Closing::Bracket, Parser::slice)?;
        Ok(node(start, ExprKind::Tuple(elts)))
    }

    /// One element of a subscript: a slice, an expression or a starred
    /// expression.
    #[inline(never)]
    fn slice(&mut self) -> PResult<Box<Expr>> {
        let start = self.tok.loc;
        if self.is_op(Op::Bin(BinOp::Mul)) {
            self.advance()?;
            let value = self.expression()?;
            return Ok(node(start, ExprKind::Starred(value)));
        }
        let lower = if self.is_op(Op::Colon) {
            None
        } else {
            let lower = self.named_expression()?;
            if !self.is_op(Op::Colon) {
                return Ok(lower);
            }
            Some(lower)
        };
        self.advance()?;
        let ends_part = |tok: &Tok| matches!(tok, Tok::Op(Op::Colon | Op::Comma | Op::RSqb));
        let upper = if ends_part(&self.tok.tok) {
            None
        } else {
            Some(self.expression()?)
        };
        let step = if self.eat_op(Op::Colon)? && !ends_part(&self.tok.tok) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(node(start, ExprKind::Slice { lower, upper, step }))
    }

    #[inline(never)]
    fn lambda(&mut self) -> PResult<Box<Expr>> {
        self.enter(LAMBDA_DEPTH)?;
        let loc = self.advance()?;
        let params = self.params(Op::Colon, true)?;
        self.expect_op(Op::Colon)?;
        let body = self.expression()?;
        self.leave(LAMBDA_DEPTH);
        Ok(node(loc, ExprKind::Lambda { params, body }))
    }

    /// The parameters of a `def` (closed by `)`) or `lambda` (closed by
    /// `:`), up to but not including the closing token.
    #[inline(never)]
    pub(super) fn params(&mut self, closing: Op, lambda: bool) -> PResult<Box<Params>> {
        let mut params = Box::<Params>::default();
        // Where a `*` is, and where a bare `*` not yet followed by a
        // keyword-only parameter is.
        let mut star: Option<(Loc, Loc)> = None;
        let mut bare_star: Option<(Loc, Loc)> = None;
        let mut seen_default = false;
        let mut seen_slash = false;
        let mut seen_kwarg = false;
        while !self.is_op(closing) {
            let is_param = matches!(
                self.tok.tok,
                Tok::Name(_) | Tok::Op(Op::Bin(BinOp::Mul | BinOp::Pow | BinOp::Div))
            );
            if seen_kwarg && is_param {
                return Err(self.error("arguments cannot follow var-keyword argument"));
            }
            match self.tok.tok {
                Tok::Op(Op::Bin(BinOp::Div)) => {
                    if seen_slash {
                        return Err(self.error("/ may appear only once"));
                    }
                    if star.is_some() {
                        return Err(self.error("/ must be ahead of *"));
                    }
                    if params.args.is_empty() {
                        if *self.peek()? == Tok::Op(Op::Comma) {
                            return Err(self.error("at least one argument must precede /"));
                        }
                        return Err(self.invalid_syntax());
                    }
                    self.advance()?;
                    params.posonly = core::mem::take(&mut params.args);
                    seen_slash = true;
                }
                Tok::Op(Op::Bin(BinOp::Mul)) => {
                    if star.is_some() {
                        return Err(self.error("* argument may appear only once"));
                    }
                    let token = (self.advance()?, self.prev_end);
                    if let Tok::Name(_) = self.tok.tok {
                        let param = self.param(lambda, true)?;
                        set_param(&mut params.vararg, param);
                        if self.is_op(Op::Equal) {
                            return Err(
                                self.error("var-positional argument cannot have default value")
                            );
                        }
                    } else {
                        bare_star = Some(token);
                    }
                    star = Some(token);
                }
                Tok::Op(Op::Bin(BinOp::Pow)) => {
                    self.advance()?;
                    let param = self.param(lambda, false)?;
                    set_param(&mut params.kwarg, param);
                    if self.is_op(Op::Equal) {
                        return Err(self.error("var-keyword argument cannot have default value"));
                    }
                    seen_kwarg = true;
                }
                Tok::Name(_) => {
                    let (name_loc, name_end) = (self.tok.loc, self.tok.end);
                    let param = self.param(lambda, false)?;
                    let default = if self.is_op(Op::Equal) {
                        let equals = self.advance()?;
                        if matches!(self.tok.tok, Tok::Op(op) if op == closing || op == Op::Comma) {
                            return Err(self.error_range(
                                "expected default value expression".into(),
                                equals,
                                self.prev_end,
                            ));
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if star.is_some() {
                        bare_star = None;
                        push_param(&mut params.kwonly, param);
                        push_kw_default(&mut params.kw_defaults, default);
                    } else if let Some(default) = default {
                        push_param(&mut params.args, param);
                        push_unboxed(&mut params.defaults, default);
                        seen_default = true;
                    } else if seen_default {
                        return Err(self.error_range(
                            "non-default argument follows default argument".into(),
                            name_loc,
                            name_end,
                        ));
                    } else {
                        push_param(&mut params.args, param);
                    }
                }
                Tok::Op(Op::LPar) => return Err(self.parenthesized_params(lambda)),
                _ => return Err(self.invalid_syntax()),
            }
            if !self.eat_op(Op::Comma)? && !self.is_op(closing) {
                return Err(self.invalid_syntax());
            }
        }
        if let Some((star, star_end)) = bare_star {
            return Err(self.error_range(
                "named arguments must follow bare *".into(),
                star,
                star_end,
            ));
        }
        Ok(params)
    }

    /// One parameter: a name and, in a `def`, an optional annotation (which
    /// may be starred for `*args`).
    #[inline(never)]
    fn param(&mut self, lambda: bool, star: bool) -> PResult<Box<Param>> {
        let loc = self.tok.loc;
        let name = self.expect_name()?;
        let annotation = if !lambda && self.eat_op(Op::Colon)? {
            Some(if star && self.is_op(Op::Bin(BinOp::Mul)) {
                self.starred()?
            } else {
                self.expression()?
            })
        } else {
            None
        };
        Ok(boxed_param(loc, name, annotation))
    }

    /// The error for `def f((a, b)):`.
    #[cold]
    #[inline(never)]
    fn parenthesized_params(&mut self, lambda: bool) -> Box<SyntaxError> {
        let generic = self.invalid_syntax();
        let open = self.tok.loc;
        let (mut expect_name, mut seen_name) = (true, false);
        loop {
            if let Err(err) = self.advance() {
                return self.lookahead_error(err, generic);
            }
            match self.tok.tok {
                Tok::Name(_) if expect_name => (expect_name, seen_name) = (false, true),
                Tok::Op(Op::Comma) if !expect_name => expect_name = true,
                Tok::Op(Op::RPar) if seen_name => break,
                _ => return generic,
            }
        }
        let what = if lambda {
            "Lambda expression parameters"
        } else {
            "Function parameters"
        };
        let close = self.tok.end;
        self.error_range(format!("{what} cannot be parenthesized"), open, close)
    }

    /// The error for the unexpected current token after the expression
    /// `last` (which starts at `start`): a hint about a missing comma
    /// inside brackets or about Python 2's `print`, else "invalid syntax".
    #[cold]
    #[inline(never)]
    pub(super) fn unexpected_after(&mut self, last: &Expr, start: Loc) -> Box<SyntaxError> {
        let generic = self.invalid_syntax();
        if !starts_expression(&self.tok.tok) {
            return generic;
        }
        let legacy = match &last.kind {
            ExprKind::Name(name) if last.loc == start && (name == "print" || name == "exec") => {
                Some(name.clone())
            }
            _ => None,
        };
        let hint = match legacy {
            Some(name) => {
                if let Err(err) = self.star_expressions() {
                    return self.lookahead_error(err, generic);
                }
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?")
            }
            None => {
                let name_then_string =
                    matches!(last.kind, ExprKind::Name(_)) && matches!(self.tok.tok, Tok::Str(_));
                if self.prev_depth == 0 || name_then_string || starts_with_soft_keyword(last) {
                    return generic;
                }
                if let Err(err) = self.expression() {
                    return self.lookahead_error(err, generic);
                }
                "invalid syntax. Perhaps you forgot a comma?".into()
            }
        };
        self.error_range(hint, start, self.prev_end)
    }

    /// The error for `=` (the current token) after `target` (at `start`)
    /// where no assignment is allowed, as in `if x = 1:`.
    #[cold]
    #[inline(never)]
    pub(super) fn equals_in_expression(&mut self, target: &Expr, start: Loc) -> Box<SyntaxError> {
        let generic = self.invalid_syntax();
        let target_end = self.prev_end;
        let is_name = matches!(target.kind, ExprKind::Name(_));
        if !is_name && !is_bitwise_or_kind(target) {
            return generic;
        }
        if let Err(err) = self.advance() {
            return self.lookahead_error(err, generic);
        }
        if !starts_expression(&self.tok.tok)
            || matches!(self.tok.tok, Tok::Kw(Kw::Not | Kw::Lambda))
        {
            return generic;
        }
        match self.bitwise_or() {
            Err(err) => return self.lookahead_error(err, generic),
            Ok(_) if self.is_op(Op::Equal) || self.is_op(Op::ColonEqual) => return generic,
            Ok(_) => {}
        }
        if is_name {
            return self.error_range(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
                start,
                self.prev_end,
            );
        }
        let msg = format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(target)
        );
        self.error_range(msg, start, target_end)
    }
}

/// Whether the leftmost token of `e` is a name CPython treats as a soft
/// keyword (`match`, `case`, `_`).
fn starts_with_soft_keyword(e: &Expr) -> bool {
    let mut e = e;
    loop {
        e = match &e.kind {
            ExprKind::Name(name) => return matches!(name.as_str(), "match" | "case" | "_"),
            ExprKind::BinOp { left, .. } | ExprKind::Compare { left, .. } => left,
            ExprKind::Call { func, .. } => func,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::IfExp { body, .. } => body,
            ExprKind::BoolOp { values, .. } => match values.first() {
                Some(first) => first,
                None => return false,
            },
            _ => return false,
        };
    }
}
