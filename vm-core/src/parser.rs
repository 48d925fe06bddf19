//! The parser: builds the [`ast`](crate::ast) of a module from its source.
//!
//! A recursive-descent parser over the [`lexer`](crate::lexer)'s tokens, with
//! one token of lookahead (two in a few places) and operator-precedence
//! parsing for binary operators. It reports the errors CPython 3.11 reports
//! for common mistakes, with the same messages and positions. Nesting is
//! capped so that parsing never overflows a small native stack.

mod expr;
mod nodes;
mod stmt;
mod strings;
mod targets;
#[cfg(test)]
mod tests;

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{Loc, Module};
use crate::lexer::{Kw, LexErrorClass, Lexer, Op, Tok, Token};

/// The exception class CPython raises for a syntax error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError`.
    IndentationError,
    /// `TabError`.
    TabError,
}

/// The error CPython would raise as SyntaxError / IndentationError / TabError.
#[derive(Clone, PartialEq, Debug)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: SyntaxErrorKind,
    /// CPython 3.11's message text, e.g. "invalid syntax", "expected ':'".
    pub msg: String,
    /// The line, 1-based.
    pub line: u32,
    /// The 1-based column of the caret, in characters (CPython's `offset`).
    pub col: u32,
    /// The 1-based exclusive end column, where CPython shows several carets;
    /// `None` for one caret.
    pub end_col: Option<u32>,
    /// True when the error is only because input ended early (unclosed
    /// bracket, block header at the end, unterminated triple-quoted string):
    /// a REPL asks for a continuation line.
    pub incomplete: bool,
}

/// Parses a whole module (a file, a `-c` string or one REPL entry).
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let mut parser = Parser::new(Lexer::new(source), 0).map_err(|err| *err)?;
    match parser.module() {
        Ok(module) => Ok(module),
        Err(err) => Err(*parser.finish_error(err)),
    }
}

/// A parse result; errors are boxed to keep the parser's stack frames small.
type PResult<T> = Result<T, Box<SyntaxError>>;

/// How deeply expressions and blocks may nest, in units of
/// [`Parser::enter`]. It bounds both the native recursion of the parser
/// and the depth of the tree it builds (and so the recursion of code
/// walking it). Each recursive construct costs at least one unit per level
/// of nesting, more where it takes more stack, so that a unit takes at most
/// about 250 bytes of stack in an optimized x86-64 build: the deepest inputs
/// parse within 50 KiB (less on 32-bit targets), leaving room in a 64 KiB
/// stack.
const MAX_DEPTH: u32 = 200;

/// Depth units one indented block costs.
const BLOCK_DEPTH: u32 = 3;

struct Parser<'a> {
    lexer: Lexer<'a>,
    /// The current token.
    tok: Token<'a>,
    /// The token after it, once something looked at it.
    peeked: Option<Token<'a>>,
    /// The end of the last consumed token.
    prev_end: Loc,
    /// The bracket depth after the last consumed token.
    prev_depth: u16,
    /// The current nesting depth (see [`MAX_DEPTH`]).
    depth: u32,
    /// This parser reads an f-string replacement field.
    in_fstring: bool,
    /// The tokenizer reported the error being returned.
    lexer_failed: bool,
    /// The error being returned comes from an f-string replacement field
    /// (and so already has its "f-string: " prefix if it needs one).
    field_failed: bool,
}

/// A checkpoint to backtrack to.
struct Checkpoint<'a> {
    lexer: Lexer<'a>,
    tok: Token<'a>,
    peeked: Option<Token<'a>>,
    prev_end: Loc,
    prev_depth: u16,
    depth: u32,
}

impl<'a> Parser<'a> {
    /// A parser reading `lexer`'s tokens, starting at nesting `depth`.
    fn new(mut lexer: Lexer<'a>, depth: u32) -> PResult<Parser<'a>> {
        let tok = lexer.next_token().map_err(|e| e.error)?;
        Ok(Parser {
            lexer,
            prev_end: tok.loc,
            tok,
            peeked: None,
            prev_depth: 0,
            depth,
            in_fstring: false,
            lexer_failed: false,
            field_failed: false,
        })
    }

    fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while self.tok.tok != Tok::EndMarker {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// Like CPython, after a parser error the rest of the input is tokenized:
    /// a tokenizer error there replaces the parser error.
    fn finish_error(&mut self, err: Box<SyntaxError>) -> Box<SyntaxError> {
        if self.lexer_failed {
            return err;
        }
        let err_line = self.peeked.as_ref().unwrap_or(&self.tok).loc.line;
        loop {
            match self.lexer.next_token() {
                Ok(token) if token.tok == Tok::EndMarker => return err,
                Ok(_) => {}
                Err(lex) => {
                    return match lex.class {
                        LexErrorClass::Raised => lex.error,
                        LexErrorClass::Unclosed if err_line > lex.error.line => {
                            Box::new(SyntaxError {
                                incomplete: false,
                                ..*lex.error
                            })
                        }
                        _ => err,
                    };
                }
            }
        }
    }

    #[inline(never)]
    fn fetch(&mut self) -> PResult<Token<'a>> {
        match self.lexer.next_token() {
            Ok(token) => Ok(token),
            Err(err) => {
                self.lexer_failed = true;
                Err(err.error)
            }
        }
    }

    /// Consumes the current token and returns where it was.
    #[inline(never)]
    fn advance(&mut self) -> PResult<Loc> {
        let next = match self.peeked.take() {
            Some(token) => token,
            None => self.fetch()?,
        };
        let old = core::mem::replace(&mut self.tok, next);
        self.prev_end = old.end;
        self.prev_depth = old.depth;
        Ok(old.loc)
    }

    /// The token after the current one.
    #[inline(never)]
    fn peek(&mut self) -> PResult<&Tok<'a>> {
        if self.peeked.is_none() {
            self.peeked = Some(self.fetch()?);
        }
        Ok(self.peeked.as_ref().map_or(&Tok::EndMarker, |t| &t.tok))
    }

    #[inline(never)]
    fn checkpoint(&self) -> Box<Checkpoint<'a>> {
        Box::new(Checkpoint {
            lexer: self.lexer.clone(),
            tok: self.tok.clone(),
            peeked: self.peeked.clone(),
            prev_end: self.prev_end,
            prev_depth: self.prev_depth,
            depth: self.depth,
        })
    }

    #[inline(never)]
    fn restore(&mut self, cp: Box<Checkpoint<'a>>) {
        self.lexer = cp.lexer;
        self.tok = cp.tok;
        self.peeked = cp.peeked;
        self.prev_end = cp.prev_end;
        self.prev_depth = cp.prev_depth;
        self.depth = cp.depth;
        self.lexer_failed = false;
        self.field_failed = false;
    }

    fn is_op(&self, op: Op) -> bool {
        self.tok.tok == Tok::Op(op)
    }

    fn is_kw(&self, kw: Kw) -> bool {
        self.tok.tok == Tok::Kw(kw)
    }

    /// Consumes the operator `op` if it is current.
    fn eat_op(&mut self, op: Op) -> PResult<bool> {
        let found = self.is_op(op);
        if found {
            self.advance()?;
        }
        Ok(found)
    }

    /// Consumes the keyword `kw` if it is current.
    fn eat_kw(&mut self, kw: Kw) -> PResult<bool> {
        let found = self.is_kw(kw);
        if found {
            self.advance()?;
        }
        Ok(found)
    }

    /// Consumes `op`, or fails with "invalid syntax".
    fn expect_op(&mut self, op: Op) -> PResult<()> {
        if !self.eat_op(op)? {
            return Err(self.invalid_syntax());
        }
        Ok(())
    }

    /// Consumes `kw`, or fails with "invalid syntax".
    fn expect_kw(&mut self, kw: Kw) -> PResult<()> {
        if !self.eat_kw(kw)? {
            return Err(self.invalid_syntax());
        }
        Ok(())
    }

    /// Consumes a name, or fails with "invalid syntax".
    fn expect_name(&mut self) -> PResult<String> {
        match self.tok.tok {
            Tok::Name(name) => {
                self.advance()?;
                Ok(name.into())
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// Enters a nested expression costing `units` of depth, failing when
    /// too deep.
    fn enter(&mut self, units: u32) -> PResult<()> {
        self.depth += units;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Enters a nested block (or an `elif`, which nests an `if` in the
    /// tree) costing `units` of depth, failing when too deep.
    fn enter_block(&mut self, units: u32) -> PResult<()> {
        self.depth += units;
        if self.depth > MAX_DEPTH {
            return Err(self.error("too many nested blocks"));
        }
        Ok(())
    }

    /// Leaves nesting entered with `units` of depth.
    fn leave(&mut self, units: u32) {
        self.depth -= units;
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self) -> Box<SyntaxError> {
        if matches!(self.tok.tok, Tok::Op(Op::LPar | Op::LSqb | Op::LBrace)) {
            return self.error("too many nested parentheses");
        }
        self.error("expression too deeply nested")
    }

    /// An error spanning `start..end` (`end` exclusive).
    #[cold]
    #[inline(never)]
    fn error_range(&self, msg: String, start: Loc, end: Loc) -> Box<SyntaxError> {
        Box::new(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            line: start.line,
            col: start.col.saturating_add(1),
            end_col: (end.line == start.line && end.col > start.col.saturating_add(1))
                .then(|| end.col.saturating_add(1)),
            incomplete: false,
        })
    }

    /// An error on the current token.
    #[cold]
    #[inline(never)]
    fn error_at_token(&self, kind: SyntaxErrorKind, msg: String) -> Box<SyntaxError> {
        let tok = &self.tok;
        let mut err = self.error_range(msg, tok.loc, tok.end);
        err.kind = kind;
        let at_end = match tok.tok {
            Tok::EndMarker => true,
            Tok::Dedent => self.peeked.is_none() && self.lexer.at_end(),
            _ => false,
        };
        err.incomplete = at_end && !self.in_fstring;
        err
    }

    /// A `SyntaxError` on the current token.
    #[cold]
    #[inline(never)]
    fn error(&self, msg: impl Into<String>) -> Box<SyntaxError> {
        self.error_at_token(SyntaxErrorKind::SyntaxError, msg.into())
    }

    /// "invalid syntax" at the current token (or "unexpected indent" when it
    /// is an `INDENT`).
    #[cold]
    #[inline(never)]
    fn invalid_syntax(&self) -> Box<SyntaxError> {
        match self.tok.tok {
            Tok::Indent => Box::new(SyntaxError {
                kind: SyntaxErrorKind::IndentationError,
                msg: "unexpected indent".into(),
                line: self.tok.loc.line,
                col: self.tok.loc.col,
                end_col: None,
                incomplete: false,
            }),
            Tok::Dedent => self.error_at_token(
                SyntaxErrorKind::IndentationError,
                "unexpected unindent".into(),
            ),
            _ => self.error("invalid syntax"),
        }
    }

    /// "expected ':'" when a block header ends without a colon, else
    /// "invalid syntax".
    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon)? {
            return Ok(());
        }
        if self.tok.tok == Tok::Newline {
            return Err(self.error("expected ':'"));
        }
        Err(self.invalid_syntax())
    }

    /// "expected ':'" at whatever follows when the colon is missing.
    fn expect_colon_forced(&mut self) -> PResult<()> {
        if !self.eat_op(Op::Colon)? {
            return Err(self.error("expected ':'"));
        }
        Ok(())
    }

    /// The error to report when looking further ahead for a better message
    /// about a syntax error failed with `err`: a tokenizer error still wins,
    /// as in CPython, else `fallback`. Either way the input is invalid
    /// whatever follows it.
    #[cold]
    #[inline(never)]
    fn lookahead_error(
        &self,
        mut err: Box<SyntaxError>,
        fallback: Box<SyntaxError>,
    ) -> Box<SyntaxError> {
        if !self.lexer_failed {
            return fallback;
        }
        err.incomplete = false;
        err
    }

    /// An `IndentationError` for a block header not followed by a block.
    #[cold]
    #[inline(never)]
    fn expected_block(&self, what: &str, header: Loc) -> Box<SyntaxError> {
        self.error_at_token(
            SyntaxErrorKind::IndentationError,
            format!(
                "expected an indented block after {what} on line {}",
                header.line
            ),
        )
    }
}
