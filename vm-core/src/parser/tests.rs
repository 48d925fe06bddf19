//! Parser tests: tree shapes (rendered as S-expressions), locations,
//! CPython 3.11's error messages and positions, nesting limits, and
//! robustness against arbitrary input.

mod cases;
mod render;

extern crate std;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{SyntaxError, parse_module};
use crate::ast::{Expr, ExprKind, FStringPart, Loc, Module, StmtKind};
use cases::{ERRORS, LITERALS, SHAPES};

fn parse(src: &str) -> Module {
    match parse_module(src) {
        Ok(module) => module,
        Err(err) => panic!("{src:?} failed: {err:?}"),
    }
}

fn shape(src: &str) -> String {
    render::stmts(&parse(src).body)
}

fn error(src: &str) -> SyntaxError {
    match parse_module(src) {
        Ok(module) => panic!("{src:?} parsed: {}", render::stmts(&module.body)),
        Err(err) => err,
    }
}

fn loc(line: u32, col: u32) -> Loc {
    Loc { line, col }
}

/// The expression of the expression statement `src`.
fn expr(src: &str) -> Expr {
    match parse(src).body.pop().map(|s| s.kind) {
        Some(StmtKind::Expr(e)) => e,
        other => panic!("{src:?}: not an expression statement: {other:?}"),
    }
}

#[test]
fn statements_and_expressions_have_their_shapes() {
    for (src, want) in SHAPES {
        assert_eq!(shape(src), *want, "{src:?}");
    }
}

#[test]
fn literals_have_their_values() {
    for (src, want) in LITERALS {
        assert_eq!(shape(src), *want, "{src:?}");
    }
}

/// Indentation, line joining and line ends.
const LAYOUT: &[(&str, &str)] = &[
    ("if a:\n\tb\n\tc\n", "(if a [b; c] [])"),
    ("if a:\n \tb\n \tc\n", "(if a [b; c] [])"),
    ("if a:\n\tif b:\n\t\tc\n\td", "(if a [(if b [c] []); d] [])"),
    ("if a:\n  b\n\n  \n\t\n  c", "(if a [b; c] [])"),
    (
        "if a:\n    b\n  # odd comment\n        # another\n    c\n",
        "(if a [b; c] [])",
    ),
    ("# only a comment", ""),
    ("\n\n   \n", ""),
    ("", ""),
    ("x = 1", "(= x 1)"),
    ("x = 1\n", "(= x 1)"),
    (
        "if a:\n  if b:\n    if c:\n      d\ne",
        "(if a [(if b [(if c [d] [])] [])] []); e",
    ),
    ("if a:\n  if b:\n    c", "(if a [(if b [c] [])] [])"),
    ("x = (1 +\n  2) * \\\n  3", "(= x (* (+ 1 2) 3))"),
    ("x = [1,\n# comment\n      2]", "(= x (list 1 2))"),
    ("if a and \\\n   b:\n  pass", "(if (and a b) [pass] [])"),
    ("x = 1\r\ny = 2\r\n", "(= x 1); (= y 2)"),
    ("if a:\r\n    b\r\n", "(if a [b] [])"),
    ("x = '''a\r\nb'''", "(= x \"a\\nb\")"),
    ("x = 1\ry = 2", "(= x 1); (= y 2)"),
    ("a; b;", "a; b"),
    ("if a: b; c", "(if a [b; c] [])"),
    ("\u{c}x", "x"),
    ("if a:\n  b\n\u{c}c", "(if a [b] []); c"),
];

#[test]
fn layout_follows_cpython() {
    for (src, want) in LAYOUT {
        assert_eq!(shape(src), *want, "{src:?}");
    }
}

#[test]
fn errors_match_cpython() {
    for &(src, kind, msg, line, col, end_col, incomplete) in ERRORS {
        let want = SyntaxError {
            kind,
            msg: msg.into(),
            line,
            col,
            end_col: (end_col != 0).then_some(end_col),
            incomplete,
        };
        assert_eq!(error(src), want, "{src:?}");
    }
}

#[test]
fn errors_differing_from_cpython() {
    // Errors inside an f-string replacement field point into the field
    // (CPython 3.11 reports a column relative to the field).
    let err = error("x = f'{a b}'");
    assert_eq!(
        err.msg,
        "f-string: invalid syntax. Perhaps you forgot a comma?"
    );
    assert_eq!((err.line, err.col, err.end_col), (1, 8, Some(11)));
    let err = error("f'{f\"{}\"}'");
    assert_eq!(err.msg, "f-string: f-string: empty expression not allowed");
    assert_eq!(
        error("f'{*a}'").msg,
        "f-string: cannot use starred expression here"
    );
    assert_eq!(error("f'{1_}'").msg, "invalid decimal literal");
    assert_eq!(error("f'{f\"{1_}\"}'").msg, "invalid decimal literal");
    // No Unicode name table and no lone surrogates.
    let err = error("'\\N{BULLET}'");
    assert_eq!(err.msg, "(unicode error) \\N escapes are not supported");
    let err = error("'\\ud800'");
    assert_eq!(
        err.msg,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: \
         surrogate code points are not supported"
    );
    // No coroutines.
    assert_eq!(error("async def f(): pass").msg, "invalid syntax");
    assert_eq!(error("await x").msg, "invalid syntax");
    // A decorator at the end: the caret is after it (CPython: column 0).
    let err = error("@dec\n");
    assert_eq!((err.line, err.col, err.incomplete), (1, 5, true));
}

#[test]
fn incomplete_input_is_flagged() {
    for src in [
        "if x:\n",
        "def f():\n",
        "class A:\n    def f(self):\n",
        "x = (1,\n",
        "f(a,\n  b,\n",
        "x = '''abc\n",
        "x = 1 + \\\n",
        "try:\n    pass\n",
        "@dec\n",
        "for x in y:\n    if x:\n",
    ] {
        assert!(error(src).incomplete, "{src:?}");
    }
    for src in [
        "x = 1 +\n",
        "x = (1 2\n",
        "print(1\nprint(2)\n",
        "x = 'abc\n",
        "if x\n",
        "f() = (\n",
    ] {
        assert!(!error(src).incomplete, "{src:?}");
    }
}

#[test]
fn statements_start_at_their_first_token() {
    let body = parse("x = 1\nif a:\n    y\n@d\n@e\ndef f(): pass\n  # c\nclass C: pass\n").body;
    let locs: Vec<Loc> = body.iter().map(|s| s.loc).collect();
    assert_eq!(locs, [loc(1, 0), loc(2, 0), loc(6, 0), loc(8, 0)]);
    let StmtKind::If { body: inner, .. } = &body[1].kind else {
        panic!("not an if");
    };
    assert_eq!(inner[0].loc, loc(3, 4));
    let StmtKind::FunctionDef(f) = &body[2].kind else {
        panic!("not a def");
    };
    assert_eq!(
        (f.decorators[0].loc, f.decorators[1].loc),
        (loc(4, 1), loc(5, 1))
    );

    let body = parse("if a:\n  pass\nelif b:\n  pass\n").body;
    let StmtKind::If { orelse, .. } = &body[0].kind else {
        panic!("not an if");
    };
    assert_eq!(orelse[0].loc, loc(3, 0));

    let body = parse("try:\n  pass\nexcept E:\n  pass\n").body;
    let StmtKind::Try { handlers, .. } = &body[0].kind else {
        panic!("not a try");
    };
    assert_eq!(handlers[0].loc, loc(3, 0));
}

#[test]
fn expressions_start_at_their_first_token() {
    let e = expr("(a + b) * c");
    let ExprKind::BinOp { left, right, .. } = &e.kind else {
        panic!("not a binop");
    };
    assert_eq!(
        (e.loc, left.loc, right.loc),
        (loc(1, 0), loc(1, 1), loc(1, 10))
    );

    let e = expr("x.y(z)[0]");
    let ExprKind::Subscript { value: call, .. } = &e.kind else {
        panic!("not a subscript");
    };
    let ExprKind::Call { func, args, .. } = &call.kind else {
        panic!("not a call");
    };
    let locs = (e.loc, call.loc, func.loc, args[0].loc);
    assert_eq!(locs, (loc(1, 0), loc(1, 0), loc(1, 0), loc(1, 4)));

    let e = expr("f(x for x in y)");
    let ExprKind::Call { args, .. } = &e.kind else {
        panic!("not a call");
    };
    assert_eq!(
        args[0].loc,
        loc(1, 1),
        "a generator argument starts at the parenthesis"
    );

    let e = expr("f(a, k=1, **m)");
    let ExprKind::Call { keywords, .. } = &e.kind else {
        panic!("not a call");
    };
    assert_eq!((keywords[0].loc, keywords[1].loc), (loc(1, 5), loc(1, 10)));

    let e = expr("x[1:2, ::3]");
    let ExprKind::Subscript { index, .. } = &e.kind else {
        panic!("not a subscript");
    };
    let ExprKind::Tuple(parts) = &index.kind else {
        panic!("not a tuple");
    };
    assert_eq!(
        (index.loc, parts[0].loc, parts[1].loc),
        (loc(1, 2), loc(1, 2), loc(1, 7))
    );

    let body = parse("a, *b = c").body;
    let StmtKind::Assign { targets, .. } = &body[0].kind else {
        panic!("not an assignment");
    };
    let ExprKind::Tuple(elts) = &targets[0].kind else {
        panic!("not a tuple");
    };
    assert_eq!((targets[0].loc, elts[1].loc), (loc(1, 0), loc(1, 3)));

    let body = parse("def f(a, *b, c: int = 1, **d): pass").body;
    let StmtKind::FunctionDef(f) = &body[0].kind else {
        panic!("not a def");
    };
    let p = &f.params;
    let vararg = p.vararg.as_ref().map(|v| v.loc);
    let kwarg = p.kwarg.as_ref().map(|v| v.loc);
    assert_eq!((p.args[0].loc, p.kwonly[0].loc), (loc(1, 6), loc(1, 13)));
    assert_eq!((vararg, kwarg), (Some(loc(1, 10)), Some(loc(1, 27))));

    let ExprKind::BinOp { right, .. } = expr("'é' + ñ").kind else {
        panic!("not a binop");
    };
    assert_eq!(right.loc, loc(1, 6), "columns count characters");
}

#[test]
fn fstring_fields_point_into_the_source() {
    let e = expr("f'ab{x!r:>{w}}c'");
    let ExprKind::FString(parts) = &e.kind else {
        panic!("not an f-string");
    };
    let FStringPart::Value {
        value,
        format_spec: Some(spec),
        ..
    } = &parts[1]
    else {
        panic!("not a field with a spec");
    };
    let FStringPart::Value { value: width, .. } = &spec[1] else {
        panic!("not a field");
    };
    assert_eq!((value.loc, width.loc), (loc(1, 5), loc(1, 11)));

    let e = expr("f'''a\n  {x +\n y}'''");
    let ExprKind::FString(parts) = &e.kind else {
        panic!("not an f-string");
    };
    let FStringPart::Value { value, .. } = &parts[1] else {
        panic!("not a field");
    };
    let ExprKind::BinOp { left, right, .. } = &value.kind else {
        panic!("not a binop");
    };
    assert_eq!((left.loc, right.loc), (loc(2, 3), loc(3, 1)));
}

/// Runs `f` on a thread with a 64 KiB stack in optimized builds, the
/// budget the nesting limit is designed for (unoptimized code has much
/// larger stack frames, so it gets 8 MiB).
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    let size = if cfg!(debug_assertions) {
        8 << 20
    } else {
        64 << 10
    };
    let thread = std::thread::Builder::new().stack_size(size).spawn(f);
    assert!(thread.expect("thread").join().is_ok());
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!("{}{middle}{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn deep_nesting_fails_cleanly() {
    on_small_stack(|| {
        let cases = [
            (
                nested("(", "x", ")", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("-(", "x", ")", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("[", "x", "]", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("{**", "x", "}", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("f(", "x", ")", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("x[", "x", "]", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("(a, ", "x", ")", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("[x for x in ", "x", "]", 100_000),
                "too many nested parentheses",
            ),
            (
                nested("-", "x", "", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("not ", "x", "", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("lambda: ", "x", "", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("a if b else ", "x", "", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("2 ** ", "x", "", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("lambda x=", "x", ": x", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("", "x", " + 1", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("", "x", ".a", 100_000),
                "expression too deeply nested",
            ),
            (
                nested("", "f", "()", 100_000),
                "expression too deeply nested",
            ),
        ];
        for (src, msg) in cases {
            assert_eq!(error(&src).msg, msg, "{}", &src[..20]);
        }
        let mut blocks = String::new();
        for i in 0..1000 {
            blocks += &format!("{}if x:\n", " ".repeat(i));
        }
        assert_eq!(error(&blocks).msg, "too many nested blocks");
        let mut elifs = String::from("if x:\n pass\n");
        for _ in 0..100_000 {
            elifs += "elif x:\n pass\n";
        }
        assert_eq!(error(&elifs).msg, "too many nested blocks");
    });
}

#[test]
fn moderate_nesting_parses() {
    on_small_stack(|| {
        parse(&nested("(", "x", ")", 150));
        parse(&nested("[", "x", "]", 150));
        parse(&nested("-", "x", "", 150));
        parse(&nested("f(", "x", ")", 60));
        parse(&nested("", "x", " + 1", 150));
        let mut blocks = String::new();
        for i in 0..30 {
            blocks += &format!("{}if x:\n", " ".repeat(i));
        }
        blocks += &format!("{}x = {}\n", " ".repeat(30), nested("(", "x", ")", 60));
        parse(&blocks);
    });
}

/// A small xorshift generator, for reproducible pseudo-random inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn arbitrary_input_never_panics() {
    const FRAGMENTS: &[&str] = &[
        "(", ")", "[", "]", "{", "}", ":", ",", ";", "\n", "\r\n", "    ", "\t", "\\", "\\\n", "'",
        "\"", "'''", "f'", "f\"{", "rb'", "=", "==", ":=", "->", "*", "**", ".", "...", "@", "!",
        "!r", "#", "0x", "1e", "1_", "0o7", "1.5j", "_", "é", "€", "\u{0}", "\u{c}", "\\N{", "\\x",
        "\\u12", "lambda", "if", "else", "elif", "for", "in", "not", "is", "yield", "def", "class",
        "try", "except", "finally", "with", "as", "import", "from", "return", "del", "global",
        "async", "await", "x", "print", " ", "1", "'a'",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        let mut src = String::new();
        for _ in 0..rng.below(40) {
            if rng.below(4) == 0 {
                let bytes: Vec<u8> = (0..rng.below(6)).map(|_| rng.next() as u8).collect();
                src += &String::from_utf8_lossy(&bytes);
            } else {
                src += FRAGMENTS[rng.below(FRAGMENTS.len())];
            }
        }
        // Only the absence of a panic matters.
        let _ = parse_module(&src);
    }
}
