//! Lexer tests: token streams, positions, and tokenizer errors (the
//! parser's tests check the messages CPython gives for them in context).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Kw, LexError, LexErrorClass, Lexer, Op, Tok, Token};
use crate::ast::{BinOp, Constant, Loc};

fn lex(mut lexer: Lexer<'_>) -> Result<Vec<Token<'_>>, LexError> {
    let mut tokens = Vec::new();
    loop {
        let token = lexer.next_token()?;
        let end = token.tok == Tok::EndMarker;
        tokens.push(token);
        if end {
            return Ok(tokens);
        }
    }
}

fn tokens(src: &str) -> Vec<Token<'_>> {
    match lex(Lexer::new(src)) {
        Ok(tokens) => tokens,
        Err(err) => panic!("{src:?}: {err:?}"),
    }
}

fn lex_error(src: &str) -> LexError {
    match lex(Lexer::new(src)) {
        Ok(tokens) => panic!("{src:?} tokenized: {tokens:?}"),
        Err(err) => err,
    }
}

/// The tokens of `src`, one word each.
fn words(src: &str) -> String {
    let words: Vec<String> = tokens(src).iter().map(|t| word(&t.tok)).collect();
    words.join(" ")
}

fn word(tok: &Tok) -> String {
    match tok {
        Tok::Name(name) => String::from(*name),
        Tok::Kw(kw) => format!("{kw:?}").to_lowercase(),
        Tok::Number(Constant::Int(i)) => format!("{i}"),
        Tok::Number(c) => format!("{c:?}"),
        Tok::Str(lit) => {
            let prefix: String = [(lit.bytes, 'b'), (lit.raw, 'r'), (lit.fstring, 'f')]
                .iter()
                .filter(|(set, _)| *set)
                .map(|(_, c)| *c)
                .collect();
            format!("{prefix}<{}>", lit.body)
        }
        Tok::Op(op) => format!("{op:?}"),
        Tok::Newline => "NL".into(),
        Tok::Indent => "IN".into(),
        Tok::Dedent => "DE".into(),
        Tok::EndMarker => "END".into(),
        Tok::Unknown => "?".into(),
    }
}

fn loc(line: u32, col: u32) -> Loc {
    Loc { line, col }
}

#[test]
fn indentation_produces_indent_and_dedent() {
    assert_eq!(
        words("if a:\n  b\n  if c:\n      d\ne"),
        "if a Colon NL IN b NL if c Colon NL IN d NL DE DE e NL END"
    );
    assert_eq!(words("if a:\n  b"), "if a Colon NL IN b NL DE END");
    assert_eq!(
        words("if a:\n\tb\n\tc"),
        "if a Colon NL IN b NL c NL DE END"
    );
}

#[test]
fn blank_lines_comments_and_brackets_produce_no_newlines() {
    assert_eq!(words("a\n\n   \n# c\n  # d\nb  # e\n"), "a NL b NL END");
    assert_eq!(words("(a,\n  b\n\n# c\n)"), "LPar a Comma b RPar NL END");
    assert_eq!(words("a + \\\n  b"), "a Bin(Add) b NL END");
    assert_eq!(words(""), "END");
    assert_eq!(words("# only"), "END");
}

#[test]
fn line_ends_of_all_kinds() {
    assert_eq!(words("a\r\nb\rc\n"), "a NL b NL c NL END");
    let toks = tokens("a\r\n  b");
    assert_eq!(toks[3].loc, loc(2, 2));
}

#[test]
fn every_operator() {
    let src = "( ) [ ] { } : , ; . ... = := -> ~ == != < <= > >= + - * @ / // % ** << >> | ^ & \
               += -= *= @= /= //= %= **= <<= >>= |= ^= &=";
    let want = "LPar RPar LSqb RSqb LBrace RBrace Colon Comma Semi Dot Ellipsis Equal ColonEqual \
                Arrow Tilde EqEqual NotEqual Less LessEqual Greater GreaterEqual Bin(Add) \
                Bin(Sub) Bin(Mul) Bin(MatMul) Bin(Div) Bin(FloorDiv) Bin(Mod) Bin(Pow) \
                Bin(LShift) Bin(RShift) Bin(BitOr) Bin(BitXor) Bin(BitAnd) AugAssign(Add) \
                AugAssign(Sub) AugAssign(Mul) AugAssign(MatMul) AugAssign(Div) \
                AugAssign(FloorDiv) AugAssign(Mod) AugAssign(Pow) AugAssign(LShift) \
                AugAssign(RShift) AugAssign(BitOr) AugAssign(BitXor) AugAssign(BitAnd) NL END";
    assert_eq!(words(src), want);
    assert_eq!(words("a.b..."), "a Dot b Ellipsis NL END");
    assert_eq!(words("$ ? ! `"), "? ? ? ? NL END");
}

#[test]
fn keywords_and_names() {
    assert_eq!(
        words("if elif else None True False await async match _ é x1"),
        "if elif else none true false await async match _ é x1 NL END"
    );
    let toks = tokens("for");
    assert_eq!(toks[0].tok, Tok::Kw(Kw::For));
}

#[test]
fn numbers() {
    assert_eq!(
        words("0 12 0x1F 0o17 0b11 1_000"),
        "0 12 31 15 3 1000 NL END"
    );
    assert_eq!(
        words("1.5 .5 1e3 2j"),
        "Float(1.5) Float(0.5) Float(1000.0) Imaginary(2.0) NL END"
    );
    assert_eq!(words("1if x"), "1 if x NL END");
    assert_eq!(words("1 .real"), "1 Dot real NL END");
    assert_eq!(
        words("0x10000000000000000"),
        "BigInt(\"18446744073709551616\") NL END"
    );
}

#[test]
fn strings_keep_their_raw_bodies() {
    assert_eq!(
        words(r#"'a' "b" '''c''' """d""" r'\n' Rb"x" f'{y}' bR'z' u'w'"#),
        r"<a> <b> <c> <d> r<\n> br<x> f<{y}> br<z> <w> NL END"
    );
    assert_eq!(words("ur'x' bu'y'"), "ur <x> bu <y> NL END");
    assert_eq!(words(r"'it\'s' '\\'"), r"<it\'s> <\\> NL END");
    assert_eq!(words("'''a\n'b'\n'''"), "<a\n'b'\n> NL END");
    let toks = tokens("x = f'''\n{y}'''");
    let Tok::Str(lit) = &toks[2].tok else {
        panic!("not a string");
    };
    assert_eq!(
        (toks[2].loc, lit.body_loc, toks[2].end),
        (loc(1, 4), loc(1, 8), loc(2, 6))
    );
}

#[test]
fn positions_count_characters() {
    let toks = tokens("é = 'ñ' + x");
    let locs: Vec<(Loc, Loc)> = toks.iter().map(|t| (t.loc, t.end)).collect();
    assert_eq!(
        &locs[..4],
        [
            (loc(1, 0), loc(1, 1)),
            (loc(1, 2), loc(1, 3)),
            (loc(1, 4), loc(1, 7)),
            (loc(1, 8), loc(1, 9)),
        ]
    );
    let toks = tokens("if a:\n    b");
    assert_eq!((toks[4].tok.clone(), toks[4].loc), (Tok::Indent, loc(2, 4)));
}

#[test]
fn bracket_depth_is_recorded() {
    let depths: Vec<u16> = tokens("(a[b])").iter().map(|t| t.depth).collect();
    assert_eq!(depths, [1, 1, 2, 2, 1, 0, 0, 0]);
    let embedded = lex(Lexer::embedded("a\n+ b", loc(3, 7))).expect("tokens");
    let words: Vec<String> = embedded.iter().map(|t| word(&t.tok)).collect();
    assert_eq!(words, ["a", "Bin(Add)", "b", "END"]);
    assert_eq!((embedded[0].loc, embedded[0].depth), (loc(3, 7), 1));
    assert_eq!(embedded[2].loc, loc(4, 2));
    assert_eq!(embedded[1].tok, Tok::Op(Op::Bin(BinOp::Add)));
}

#[test]
fn errors_carry_their_class() {
    let cases = [
        ("x = 'abc", LexErrorClass::Raised, 1, 5),
        ("x = 1_", LexErrorClass::Raised, 1, 6),
        ("x = €", LexErrorClass::Raised, 1, 5),
        ("x = (1,\n 2", LexErrorClass::Unclosed, 1, 5),
        ("x = ]", LexErrorClass::Raised, 1, 5),
        ("if a:\n  b\n c", LexErrorClass::Other, 3, 3),
        ("if a:\n        b\n\tc", LexErrorClass::Other, 3, 1),
        ("x = 1 \\ 2", LexErrorClass::Other, 1, 8),
        ("x = 1 \\", LexErrorClass::Other, 1, 8),
    ];
    for (src, class, line, col) in cases {
        let err = lex_error(src);
        assert_eq!(
            (err.class, err.error.line, err.error.col),
            (class, line, col),
            "{src:?}"
        );
    }
    let mut deep = "(".repeat(200);
    assert!(lex(Lexer::new(&deep)).is_err_and(|e| e.class == LexErrorClass::Unclosed));
    deep.push('(');
    let err = lex_error(&deep);
    assert_eq!(
        (err.error.msg.as_str(), err.error.col),
        ("too many nested parentheses", 201)
    );
}

#[test]
fn unusual_characters() {
    assert_eq!(words("\u{feff}x"), "x NL END");
    let err = lex_error("x\u{a0}= 1");
    assert_eq!(
        (err.error.msg.as_str(), err.error.col),
        ("invalid non-printable character U+00A0", 2)
    );
    let err = lex_error("x = \u{feff}1");
    assert_eq!(err.error.msg, "invalid non-printable character U+FEFF");
    let err = lex_error("x = \u{0}");
    assert_eq!(
        err.error.msg,
        "source code string cannot contain null bytes"
    );
    let err = lex_error("x = 😀");
    assert_eq!(err.error.msg, "invalid character '😀' (U+1F600)");
}
