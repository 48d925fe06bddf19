//! The tokenizer: turns source text into the tokens the parser reads.
//!
//! It follows CPython 3.11's tokenizer: `NEWLINE`/`INDENT`/`DEDENT` tokens
//! with the same indentation rules and error messages, implicit line joining
//! inside brackets, backslash continuation, and the same number and string
//! literal syntax. String literals are only delimited here; the parser decodes
//! their escapes and f-string fields.

mod number;
#[cfg(test)]
mod tests;

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{BinOp, Constant, Loc};
use crate::parser::{SyntaxError, SyntaxErrorKind};

/// Deepest bracket nesting accepted (CPython's `MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;
/// Most indentation levels above the first column (CPython's `MAXINDENT` - 1).
const MAX_INDENT_LEVELS: usize = 99;

/// Python 3.11's keywords.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    /// The keyword spelled `word`, if it is one.
    fn from_word(word: &str) -> Option<Kw> {
        Some(match word {
            "False" => Kw::False,
            "None" => Kw::None,
            "True" => Kw::True,
            "and" => Kw::And,
            "as" => Kw::As,
            "assert" => Kw::Assert,
            "async" => Kw::Async,
            "await" => Kw::Await,
            "break" => Kw::Break,
            "class" => Kw::Class,
            "continue" => Kw::Continue,
            "def" => Kw::Def,
            "del" => Kw::Del,
            "elif" => Kw::Elif,
            "else" => Kw::Else,
            "except" => Kw::Except,
            "finally" => Kw::Finally,
            "for" => Kw::For,
            "from" => Kw::From,
            "global" => Kw::Global,
            "if" => Kw::If,
            "import" => Kw::Import,
            "in" => Kw::In,
            "is" => Kw::Is,
            "lambda" => Kw::Lambda,
            "nonlocal" => Kw::Nonlocal,
            "not" => Kw::Not,
            "or" => Kw::Or,
            "pass" => Kw::Pass,
            "raise" => Kw::Raise,
            "return" => Kw::Return,
            "try" => Kw::Try,
            "while" => Kw::While,
            "with" => Kw::With,
            "yield" => Kw::Yield,
            _ => return None,
        })
    }
}

/// Operators and delimiters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Dot,
    Ellipsis,
    Equal,
    ColonEqual,
    Arrow,
    Tilde,
    EqEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    /// A binary operator: `+ - * @ / // % ** << >> | ^ &`.
    Bin(BinOp),
    /// An augmented assignment such as `+=`.
    AugAssign(BinOp),
}

/// What a token is.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum Tok<'a> {
    /// An identifier that is not a keyword.
    Name(&'a str),
    /// A keyword.
    Kw(Kw),
    /// A number: `Int`, `BigInt`, `Float` or `Imaginary`.
    Number(Constant),
    /// One string literal (adjacent ones are separate tokens).
    Str(StrLit<'a>),
    /// An operator or delimiter.
    Op(Op),
    /// The end of a logical line.
    Newline,
    /// The start of an indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// The end of the input.
    EndMarker,
    /// A character that starts no token (`$`, `?`, `!`, backtick): the parser
    /// reports "invalid syntax" at it.
    Unknown,
}

/// A string literal as written: the parser decodes it.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) struct StrLit<'a> {
    /// The text between the quotes, escapes not yet processed.
    pub body: &'a str,
    /// Where the body starts.
    pub body_loc: Loc,
    /// A `b` prefix.
    pub bytes: bool,
    /// An `r` prefix.
    pub raw: bool,
    /// An `f` prefix.
    pub fstring: bool,
}

/// A token with its position.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct Token<'a> {
    /// What it is.
    pub tok: Tok<'a>,
    /// Its first character.
    pub loc: Loc,
    /// Just past its last character.
    pub end: Loc,
    /// The bracket nesting level after it.
    pub depth: u16,
}

/// How a tokenizer error interacts with an earlier parser error (CPython
/// tokenizes the rest of the input after a parser error, and some tokenizer
/// errors found that way replace it).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum LexErrorClass {
    /// Replaces an earlier parser error.
    Raised,
    /// A bracket left open at the end of input: replaces an earlier parser
    /// error on a later line than the bracket.
    Unclosed,
    /// Indentation and continuation errors: never replace a parser error.
    Other,
}

/// A tokenizer error.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct LexError {
    /// The error to report.
    pub error: Box<SyntaxError>,
    /// How it interacts with parser errors.
    pub class: LexErrorClass,
}

/// Whether the lexer reads a whole module or an f-string replacement field.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Statements: `NEWLINE`, `INDENT` and `DEDENT` tokens are produced.
    Module,
    /// An expression as if inside parentheses: newlines are whitespace.
    Embedded,
}

/// The tokenizer state. It is cheap to clone, which the parser uses to
/// backtrack in the rare places the grammar needs it.
#[derive(Clone, Debug)]
pub(crate) struct Lexer<'a> {
    src: &'a str,
    /// Byte offset of the next character.
    pos: usize,
    /// Line of the next character (1-based).
    line: u32,
    /// Column of the next character, in characters (0-based).
    col: u32,
    /// Byte offset where the current physical line starts.
    line_start: usize,
    mode: Mode,
    /// At the start of a line whose indentation is not yet processed.
    at_line_start: bool,
    /// A token was produced since the last `NEWLINE`.
    line_has_tokens: bool,
    /// Open indentation levels: (column with tabs to multiples of 8, column
    /// with tabs as one space), used to detect inconsistent tab use.
    indents: Vec<(u32, u32)>,
    /// `DEDENT` tokens still to produce, and where.
    pending_dedents: u32,
    dedent_loc: Loc,
    /// Open brackets and where they are.
    brackets: Vec<(char, Loc)>,
    /// Where the last `NEWLINE` was, for tokens produced at the end of input.
    last_newline: Loc,
}

impl<'a> Lexer<'a> {
    /// A lexer for a whole module. A leading byte order mark is skipped,
    /// as CPython does when reading a file.
    pub(crate) fn new(src: &'a str) -> Lexer<'a> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        Lexer::with_mode(src, Loc { line: 1, col: 0 }, Mode::Module)
    }

    /// A lexer for an f-string replacement field starting at `start`, read as
    /// if it were inside parentheses and ending with `EndMarker`.
    pub(crate) fn embedded(src: &'a str, start: Loc) -> Lexer<'a> {
        Lexer::with_mode(src, start, Mode::Embedded)
    }

    fn with_mode(src: &'a str, start: Loc, mode: Mode) -> Lexer<'a> {
        Lexer {
            src,
            pos: 0,
            line: start.line,
            col: start.col,
            line_start: 0,
            mode,
            at_line_start: mode == Mode::Module,
            line_has_tokens: false,
            indents: Vec::new(),
            pending_dedents: 0,
            dedent_loc: start,
            brackets: Vec::new(),
            last_newline: start,
        }
    }

    /// Whether all the input has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// The position of the next character.
    fn loc(&self) -> Loc {
        Loc {
            line: self.line,
            col: self.col,
        }
    }

    /// The unread input.
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek_nth(&self, n: usize) -> Option<char> {
        self.rest().chars().nth(n)
    }

    /// Consumes one character; `\r\n` counts as one newline, and so does a
    /// lone `\r`.
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        match c {
            '\r' | '\n' => {
                if c == '\r' && self.peek() == Some('\n') {
                    self.pos += 1;
                }
                self.line = self.line.saturating_add(1);
                self.col = 0;
                self.line_start = self.pos;
                Some('\n')
            }
            _ => {
                self.col = self.col.saturating_add(1);
                Some(c)
            }
        }
    }

    /// Consumes `c` if it is next.
    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.bump();
        }
        found
    }

    /// The current physical line's length in characters, without its newline.
    fn line_len(&self) -> u32 {
        let rest = self.src.get(self.line_start..).unwrap_or_default();
        let line = rest.split(['\n', '\r']).next().unwrap_or_default();
        u32::try_from(line.chars().count()).unwrap_or(u32::MAX)
    }

    #[cold]
    #[inline(never)]
    fn error(
        &self,
        kind: SyntaxErrorKind,
        msg: String,
        loc: Loc,
        col: u32,
        class: LexErrorClass,
    ) -> LexError {
        LexError {
            error: Box::new(SyntaxError {
                kind,
                msg,
                line: loc.line,
                col,
                end_col: None,
                incomplete: false,
            }),
            class,
        }
    }

    /// A `SyntaxError` whose caret is on the last consumed character, as
    /// CPython's tokenizer reports most errors.
    fn error_here(&self, msg: String) -> LexError {
        self.error(
            SyntaxErrorKind::SyntaxError,
            msg,
            self.loc(),
            self.col,
            LexErrorClass::Raised,
        )
    }

    /// A `SyntaxError` with the caret on the character at `loc`.
    fn error_at(&self, msg: String, loc: Loc) -> LexError {
        self.error(
            SyntaxErrorKind::SyntaxError,
            msg,
            loc,
            loc.col.saturating_add(1),
            LexErrorClass::Raised,
        )
    }

    fn token(&self, tok: Tok<'a>, loc: Loc) -> Token<'a> {
        let embedded = usize::from(self.mode == Mode::Embedded);
        Token {
            tok,
            loc,
            end: self.loc(),
            depth: (self.brackets.len() + embedded) as u16,
        }
    }

    /// Produces the next token. After `EndMarker`, it keeps producing
    /// `EndMarker`.
    pub(crate) fn next_token(&mut self) -> Result<Token<'a>, LexError> {
        if self.pending_dedents > 0 {
            self.pending_dedents -= 1;
            let loc = self.dedent_loc;
            return Ok(Token {
                tok: Tok::Dedent,
                loc,
                end: loc,
                depth: 0,
            });
        }
        if self.at_line_start
            && let Some(token) = self.indentation()?
        {
            return Ok(token);
        }
        loop {
            while matches!(self.peek(), Some(' ' | '\t' | '\x0c')) {
                self.bump();
            }
            let Some(c) = self.peek() else {
                return self.end_of_input();
            };
            match c {
                '#' => self.skip_comment(),
                '\n' | '\r' => {
                    let loc = self.loc();
                    self.bump();
                    if self.mode == Mode::Module && self.brackets.is_empty() {
                        self.at_line_start = true;
                        self.line_has_tokens = false;
                        self.last_newline = loc;
                        return Ok(Token {
                            tok: Tok::Newline,
                            loc,
                            end: Loc {
                                line: loc.line,
                                col: loc.col.saturating_add(1),
                            },
                            depth: 0,
                        });
                    }
                }
                '\\' => self.continuation()?,
                _ => {
                    self.line_has_tokens = true;
                    return self.lex_token(c);
                }
            }
        }
    }

    fn skip_comment(&mut self) {
        while !matches!(self.peek(), None | Some('\n' | '\r')) {
            self.bump();
        }
    }

    /// A backslash joining this line to the next.
    fn continuation(&mut self) -> Result<(), LexError> {
        self.bump();
        match self.peek() {
            Some('\n' | '\r') => {
                let (loc, col) = (self.loc(), self.col.saturating_add(1));
                self.bump();
                if self.peek().is_none() {
                    let mut err = self.error(
                        SyntaxErrorKind::SyntaxError,
                        "unexpected EOF while parsing".into(),
                        loc,
                        col,
                        LexErrorClass::Other,
                    );
                    err.error.incomplete = true;
                    return Err(err);
                }
                Ok(())
            }
            None => {
                let mut err = self.error(
                    SyntaxErrorKind::SyntaxError,
                    "unexpected EOF while parsing".into(),
                    self.loc(),
                    self.col.saturating_add(1),
                    LexErrorClass::Other,
                );
                err.error.incomplete = true;
                Err(err)
            }
            Some(_) => Err(self.error(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character".into(),
                self.loc(),
                self.col.saturating_add(1),
                LexErrorClass::Other,
            )),
        }
    }

    /// Skips blank and comment-only lines, then measures the indentation of
    /// the next line and produces `INDENT` or `DEDENT` if it changed.
    fn indentation(&mut self) -> Result<Option<Token<'a>>, LexError> {
        let (col, altcol) = loop {
            let (mut col, mut altcol) = (0u32, 0u32);
            loop {
                match self.peek() {
                    Some(' ') => {
                        col = col.saturating_add(1);
                        altcol = altcol.saturating_add(1);
                    }
                    Some('\t') => {
                        col = (col / 8).saturating_add(1).saturating_mul(8);
                        altcol = altcol.saturating_add(1);
                    }
                    Some('\x0c') => {
                        col = 0;
                        altcol = 0;
                    }
                    _ => break,
                }
                self.bump();
            }
            if self.peek() == Some('#') {
                self.skip_comment();
            }
            match self.peek() {
                None => {
                    self.at_line_start = false;
                    return Ok(None);
                }
                Some('\n' | '\r') => {
                    self.bump();
                }
                Some(_) => break (col, altcol),
            }
        };
        self.at_line_start = false;
        let loc = self.loc();
        let (current, current_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col == current {
            if altcol != current_alt {
                return Err(self.tab_error());
            }
            Ok(None)
        } else if col > current {
            if self.indents.len() >= MAX_INDENT_LEVELS {
                return Err(self.error(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation".into(),
                    loc,
                    1,
                    LexErrorClass::Other,
                ));
            }
            if altcol <= current_alt {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
            Ok(Some(Token {
                tok: Tok::Indent,
                loc,
                end: loc,
                depth: 0,
            }))
        } else {
            let mut dedents = 0;
            while let Some(&(level, _)) = self.indents.last()
                && col < level
            {
                self.indents.pop();
                dedents += 1;
            }
            let (current, current_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != current {
                return Err(self.error(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level".into(),
                    loc,
                    self.line_len().saturating_add(1),
                    LexErrorClass::Other,
                ));
            }
            if altcol != current_alt {
                return Err(self.tab_error());
            }
            self.pending_dedents = dedents - 1;
            self.dedent_loc = loc;
            Ok(Some(Token {
                tok: Tok::Dedent,
                loc,
                end: loc,
                depth: 0,
            }))
        }
    }

    fn tab_error(&self) -> LexError {
        self.error(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation".into(),
            self.loc(),
            1,
            LexErrorClass::Other,
        )
    }

    /// The tokens at the end of input: an implicit `NEWLINE`, the `DEDENT`s
    /// closing open blocks, then `EndMarker`.
    fn end_of_input(&mut self) -> Result<Token<'a>, LexError> {
        if let Some(&(open, loc)) = self.brackets.last() {
            let mut err = self.error(
                SyntaxErrorKind::SyntaxError,
                format!("'{open}' was never closed"),
                loc,
                loc.col.saturating_add(1),
                LexErrorClass::Unclosed,
            );
            err.error.incomplete = true;
            return Err(err);
        }
        let loc = self.loc();
        if self.mode == Mode::Embedded {
            return Ok(self.token(Tok::EndMarker, loc));
        }
        if self.line_has_tokens {
            self.line_has_tokens = false;
            self.last_newline = loc;
            return Ok(self.token(Tok::Newline, loc));
        }
        let end = self.last_newline;
        if !self.indents.is_empty() {
            self.pending_dedents = self.indents.len() as u32 - 1;
            self.indents.clear();
            self.dedent_loc = end;
            return Ok(Token {
                tok: Tok::Dedent,
                loc: end,
                end,
                depth: 0,
            });
        }
        Ok(Token {
            tok: Tok::EndMarker,
            loc: end,
            end,
            depth: 0,
        })
    }

    /// A token starting with `c` (not whitespace, a comment or a newline).
    fn lex_token(&mut self, c: char) -> Result<Token<'a>, LexError> {
        let loc = self.loc();
        if c == '_' || c.is_alphabetic() {
            return self.name_or_string(loc);
        }
        if c.is_ascii_digit() || (c == '.' && self.peek_nth(1).is_some_and(|d| d.is_ascii_digit()))
        {
            let value = self.number()?;
            return Ok(self.token(Tok::Number(value), loc));
        }
        if c == '\'' || c == '"' {
            return self.string(loc, "");
        }
        if c == '\0' {
            let msg = "source code string cannot contain null bytes";
            return Err(self.error_at(msg.into(), loc));
        }
        if is_non_printable(c) {
            let msg = format!("invalid non-printable character U+{:04X}", c as u32);
            return Err(self.error_at(msg, loc));
        }
        if !c.is_ascii() {
            let msg = format!("invalid character '{c}' (U+{:04X})", c as u32);
            return Err(self.error_at(msg, loc));
        }
        self.bump();
        let tok = match c {
            '(' | '[' | '{' => return self.open_bracket(c, loc),
            ')' | ']' | '}' => return self.close_bracket(c, loc),
            ',' => Op::Comma,
            ';' => Op::Semi,
            '~' => Op::Tilde,
            '.' => {
                if self.peek() == Some('.') && self.peek_nth(1) == Some('.') {
                    self.bump();
                    self.bump();
                    Op::Ellipsis
                } else {
                    Op::Dot
                }
            }
            ':' => self.choose('=', Op::ColonEqual, Op::Colon),
            '=' => self.choose('=', Op::EqEqual, Op::Equal),
            '!' => {
                if !self.eat('=') {
                    return Ok(self.token(Tok::Unknown, loc));
                }
                Op::NotEqual
            }
            '<' => {
                if self.eat('<') {
                    self.choose('=', Op::AugAssign(BinOp::LShift), Op::Bin(BinOp::LShift))
                } else {
                    self.choose('=', Op::LessEqual, Op::Less)
                }
            }
            '>' => {
                if self.eat('>') {
                    self.choose('=', Op::AugAssign(BinOp::RShift), Op::Bin(BinOp::RShift))
                } else {
                    self.choose('=', Op::GreaterEqual, Op::Greater)
                }
            }
            '*' => {
                if self.eat('*') {
                    self.bin_or_aug(BinOp::Pow)
                } else {
                    self.bin_or_aug(BinOp::Mul)
                }
            }
            '/' => {
                if self.eat('/') {
                    self.bin_or_aug(BinOp::FloorDiv)
                } else {
                    self.bin_or_aug(BinOp::Div)
                }
            }
            '-' => {
                if self.eat('>') {
                    Op::Arrow
                } else {
                    self.bin_or_aug(BinOp::Sub)
                }
            }
            '+' => self.bin_or_aug(BinOp::Add),
            '%' => self.bin_or_aug(BinOp::Mod),
            '&' => self.bin_or_aug(BinOp::BitAnd),
            '|' => self.bin_or_aug(BinOp::BitOr),
            '^' => self.bin_or_aug(BinOp::BitXor),
            '@' => self.bin_or_aug(BinOp::MatMul),
            _ => return Ok(self.token(Tok::Unknown, loc)),
        };
        Ok(self.token(Tok::Op(tok), loc))
    }

    /// `with` if `next` follows (consuming it), else `without`.
    fn choose(&mut self, next: char, with: Op, without: Op) -> Op {
        if self.eat(next) { with } else { without }
    }

    fn bin_or_aug(&mut self, op: BinOp) -> Op {
        self.choose('=', Op::AugAssign(op), Op::Bin(op))
    }

    fn open_bracket(&mut self, c: char, loc: Loc) -> Result<Token<'a>, LexError> {
        if self.brackets.len() >= MAX_BRACKET_DEPTH {
            return Err(self.error_here("too many nested parentheses".into()));
        }
        self.brackets.push((c, loc));
        let op = match c {
            '(' => Op::LPar,
            '[' => Op::LSqb,
            _ => Op::LBrace,
        };
        Ok(self.token(Tok::Op(op), loc))
    }

    fn close_bracket(&mut self, c: char, loc: Loc) -> Result<Token<'a>, LexError> {
        let Some((open, open_loc)) = self.brackets.pop() else {
            return Err(self.error_at(format!("unmatched '{c}'"), loc));
        };
        let (expected, op) = match c {
            ')' => ('(', Op::RPar),
            ']' => ('[', Op::RSqb),
            _ => ('{', Op::RBrace),
        };
        if open != expected {
            let msg = if open_loc.line == loc.line {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
            } else {
                format!(
                    "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {}",
                    open_loc.line
                )
            };
            return Err(self.error_at(msg, loc));
        }
        Ok(self.token(Tok::Op(op), loc))
    }

    /// An identifier, a keyword, or a string literal with a prefix.
    fn name_or_string(&mut self, loc: Loc) -> Result<Token<'a>, LexError> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c == '_' || c.is_alphanumeric()) {
            self.bump();
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(), Some('\'' | '"')) && is_string_prefix(word) {
            return self.string(loc, word);
        }
        let tok = match Kw::from_word(word) {
            Some(kw) => Tok::Kw(kw),
            None => Tok::Name(word),
        };
        Ok(self.token(tok, loc))
    }

    /// A string literal whose prefix (already consumed) is `prefix`.
    fn string(&mut self, loc: Loc, prefix: &str) -> Result<Token<'a>, LexError> {
        let has = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
        let Some(quote) = self.bump() else {
            return Err(self.error_here("invalid syntax".into()));
        };
        let triple = self.peek() == Some(quote) && self.peek_nth(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let (body_start, body_loc) = (self.pos, self.loc());
        let body_end = loop {
            let here = self.pos;
            match self.peek() {
                None => return Err(self.unterminated(loc, triple)),
                Some('\n' | '\r') if !triple => return Err(self.unterminated(loc, triple)),
                Some('\\') => {
                    self.bump();
                    self.bump();
                }
                Some(c) if c == quote => {
                    if !triple {
                        self.bump();
                        break here;
                    }
                    if self.peek_nth(1) == Some(quote) && self.peek_nth(2) == Some(quote) {
                        for _ in 0..3 {
                            self.bump();
                        }
                        break here;
                    }
                    self.bump();
                }
                Some(_) => {
                    self.bump();
                }
            }
        };
        let lit = StrLit {
            body: &self.src[body_start..body_end],
            body_loc,
            bytes: has('b'),
            raw: has('r'),
            fstring: has('f'),
        };
        Ok(self.token(Tok::Str(lit), loc))
    }

    fn unterminated(&self, loc: Loc, triple: bool) -> LexError {
        let detected = self.line;
        let mut err = if triple {
            self.error_at(
                format!("unterminated triple-quoted string literal (detected at line {detected})"),
                loc,
            )
        } else {
            self.error_at(
                format!("unterminated string literal (detected at line {detected})"),
                loc,
            )
        };
        err.error.incomplete = triple;
        err
    }
}

/// Whether CPython calls `c` non-printable: control, separator and the
/// common format characters (an approximation without Unicode tables).
fn is_non_printable(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

/// Whether `word` is a valid string prefix (`r`, `u`, `b`, `f` and the
/// two-letter combinations of `r` with `b` or `f`, in any case).
fn is_string_prefix(word: &str) -> bool {
    let lower = |c: char| c.to_ascii_lowercase();
    let mut chars = word.chars().map(lower);
    match (chars.next(), chars.next(), chars.next()) {
        (Some('r' | 'u' | 'b' | 'f'), None, None) => true,
        (Some(a), Some(b), None) => {
            matches!((a, b), ('b', 'r') | ('r', 'b') | ('f', 'r') | ('r', 'f'))
        }
        _ => false,
    }
}
