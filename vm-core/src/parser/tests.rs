//! Parser tests: tree shapes (rendered as S-expressions), locations,
//! CPython 3.11's error messages and positions, nesting limits, and
//! robustness against arbitrary input.

mod render;

extern crate std;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::{SyntaxError, SyntaxErrorKind, parse_module};
use crate::ast::{Expr, ExprKind, FStringPart, Loc, Module, StmtKind};

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

/// Source and its tree, rendered by [`render`].
const SHAPES: &[(&str, &str)] = &[
    ("a + b * c", "(+ a (* b c))"),
    ("(a + b) * c", "(* (+ a b) c)"),
    ("-2**2", "(neg (** 2 2))"),
    ("2**-1", "(** 2 (neg 1))"),
    ("2**3**2", "(** 2 (** 3 2))"),
    ("-x.y", "(neg (. x y))"),
    ("not a == b", "(not (cmp a == b))"),
    ("not a and b or c", "(or (and (not a) b) c)"),
    ("a or b or c and d and e", "(or a b (and c d e))"),
    ("a if b else c if d else e", "(ifexp b a (ifexp d c e))"),
    ("lambda: x if y else z", "(lambda () (ifexp y x z))"),
    ("a < b <= c != d", "(cmp a < b <= c != d)"),
    (
        "a not in b is not c in d is e",
        "(cmp a not-in b is-not c in d is e)",
    ),
    ("a | b ^ c & d << e + f", "(| a (^ b (& c (<< d (+ e f)))))"),
    ("a @ b // c % d / e", "(/ (% (// (@ a b) c) d) e)"),
    ("~a - +b", "(- (inv a) (pos b))"),
    ("(x := 1)", "(:= x 1)"),
    ("[y := f(x), y**2]", "(list (:= y (call f x)) (** y 2))"),
    ("f(a, *b, c=1, **d)", "(call f a (* b) c=1 **d)"),
    ("print(*a, sep='')", "(call print (* a) sep=\"\")"),
    ("f(x for x in y)", "(call f (genexp x (for x in y)))"),
    (
        "f(x for x in y if x for z in x)",
        "(call f (genexp x (for x in y if x) (for z in x)))",
    ),
    ("a.b.c(d)[e]", "([] (call (. (. a b) c) d) e)"),
    ("a[1:2:3]", "([] a (slice 1 2 3))"),
    ("a[::2]", "([] a (slice _ _ 2))"),
    ("a[:, 1]", "([] a (tuple (slice _ _ _) 1))"),
    ("a[1:]", "([] a (slice 1 _ _))"),
    ("a[:2, ...]", "([] a (tuple (slice _ 2 _) ...))"),
    ("a[*b]", "([] a (tuple (* b)))"),
    ("a[b, *c]", "([] a (tuple b (* c)))"),
    ("x = 1, 2", "(= x (tuple 1 2))"),
    ("x = a, *b", "(= x (tuple a (* b)))"),
    ("a, *b = c", "(= (tuple a (* b)) c)"),
    ("[a, b] = c", "(= (list a b) c)"),
    ("(a, b) = c = d", "(= (tuple a b) c d)"),
    ("x = y = z = 1", "(= x y z 1)"),
    ("x += 1", "(+= x 1)"),
    ("x //= y", "(//= x y)"),
    ("x **= 2", "(**= x 2)"),
    ("x @= y", "(@= x y)"),
    ("x >>= 1", "(>>= x 1)"),
    ("x: int", "(ann x int _)"),
    ("x: int = 1", "(ann x int 1)"),
    ("x.y: List[int] = []", "(ann (. x y) ([] List int) (list))"),
    ("()", "(tuple)"),
    ("(1,)", "(tuple 1)"),
    ("[]", "(list)"),
    ("{}", "(dict)"),
    ("{1, 2}", "(set 1 2)"),
    ("{1: 2, **d, 3: 4}", "(dict 1:2 **d 3:4)"),
    ("{**a}", "(dict **a)"),
    ("[x for x in y]", "(listcomp x (for x in y))"),
    (
        "{x for x in y if x if y}",
        "(setcomp x (for x in y if x if y))",
    ),
    (
        "{k: v for k, v in d.items()}",
        "(dictcomp k:v (for (tuple k v) in (call (. d items))))",
    ),
    (
        "(x for x in y for y in z)",
        "(genexp x (for x in y) (for y in z))",
    ),
    ("[*a, *b]", "(list (* a) (* b))"),
    ("{*a, 1}", "(set (* a) 1)"),
    ("x = yield", "(= x (yield _))"),
    ("x = yield a, b", "(= x (yield (tuple a b)))"),
    ("x = yield from f()", "(= x (yield-from (call f)))"),
    ("yield", "(yield _)"),
    ("await_ = 1", "(= await_ 1)"),
    ("...", "..."),
    ("None; True; False", "None; True; False"),
    ("pass; break; continue", "pass; break; continue"),
    ("return", "(return _)"),
    ("return 1, 2", "(return (tuple 1 2))"),
    ("del a, b[0], c.d", "(del a ([] b 0) (. c d))"),
    ("del (a, b), [c]", "(del (tuple a b) (list c))"),
    ("global a, b", "(global a b)"),
    ("nonlocal x", "(nonlocal x)"),
    ("assert x", "(assert x _)"),
    ("assert x, \"msg\"", "(assert x \"msg\")"),
    ("raise", "(raise _ _)"),
    ("raise E", "(raise E _)"),
    ("raise E from c", "(raise E c)"),
    ("import a.b.c as d, e", "(import a.b.c as d e)"),
    ("from . import x", "(from 1 _ x)"),
    ("from .. import (a, b as c,)", "(from 2 _ a b as c)"),
    ("from ...a.b import *", "(from 3 a.b *)"),
    ("from a import b", "(from 0 a b)"),
    ("if a: pass", "(if a [pass] [])"),
    (
        "if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w",
        "(if a [x] [(if b [y] [(if c [z] [w])])])",
    ),
    ("while x:\n    pass\nelse:\n    y", "(while x [pass] [y])"),
    (
        "for i in range(3): print(i)\nelse: done()",
        "(for i (call range 3) [(call print i)] [(call done)])",
    ),
    ("for a, b in c: pass", "(for (tuple a b) c [pass] [])"),
    (
        "for (a, b), c in d: pass",
        "(for (tuple (tuple a b) c) d [pass] [])",
    ),
    (
        "try:\n    a\nexcept E as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
        "(try [a] (except E as e [b]) (except (tuple A B) [c]) (except _ [d]) [e] [f])",
    ),
    ("try:\n    a\nfinally:\n    b", "(try [a] [] [b])"),
    ("with a as b, c: pass", "(with (a b) (c _) [pass])"),
    ("with (a as b, c as d): pass", "(with (a b) (c d) [pass])"),
    ("with (a, b): pass", "(with (a _) (b _) [pass])"),
    ("with (a, b) as c: pass", "(with ((tuple a b) c) [pass])"),
    ("with (a) as b: pass", "(with (a b) [pass])"),
    ("with (yield): pass", "(with ((yield _) _) [pass])"),
    ("with a as (b, c): pass", "(with (a (tuple b c)) [pass])"),
    (
        "@dec\n@mod.dec(1)\ndef f(): pass",
        "(def f () @dec @(call (. mod dec) 1) [pass])",
    ),
    (
        "def f(a, b=1, *args, c, d=2, **kw): pass",
        "(def f (a b=1 *args c d=2 **kw) [pass])",
    ),
    ("def f(a, /, b, *, c): pass", "(def f (a / b * c) [pass])"),
    ("def f(a=1, /, b=2): pass", "(def f (a=1 / b=2) [pass])"),
    (
        "def f(a: int, *args: str, b: 'x' = 1, **kw: dict) -> None: pass",
        "(def f (a:int *args:str b:\"x\"=1 **kw:dict) -> None [pass])",
    ),
    ("def f(*, a): pass", "(def f (* a) [pass])"),
    ("def f(a,): pass", "(def f (a) [pass])"),
    ("lambda: 0", "(lambda () 0)"),
    (
        "lambda a, b=1, *c, d, e=2, **f: 0",
        "(lambda (a b=1 *c d e=2 **f) 0)",
    ),
    ("lambda a, /, b: 0", "(lambda (a / b) 0)"),
    ("lambda *a: 0", "(lambda (*a) 0)"),
    ("class A: pass", "(class A [pass])"),
    (
        "class A(B, C, metaclass=M, **kw): pass",
        "(class A B C metaclass=M **kw [pass])",
    ),
    ("class A(): pass", "(class A [pass])"),
    (
        "@dec\nclass A(*bases): x = 1",
        "(class A (* bases) @dec [(= x 1)])",
    ),
    ("x = [\n    1,\n    2,\n]", "(= x (list 1 2))"),
    ("f(a,)", "(call f a)"),
    ("f(\n  a,\n  b=2,\n)", "(call f a b=2)"),
];

#[test]
fn statements_and_expressions_have_their_shapes() {
    for (src, want) in SHAPES {
        assert_eq!(shape(src), *want, "{src:?}");
    }
}

/// Literals: numbers, strings with every prefix and escape, f-strings.
const LITERALS: &[(&str, &str)] = &[
    (
        "0; 7; 1_000_000; 0x_FF; 0o17; 0b1010; 0O7; 0XaB; 00; 0_0",
        "0; 7; 1000000; 255; 15; 10; 7; 171; 0; 0",
    ),
    (
        "9223372036854775807; 9223372036854775808; 0xFFFFFFFFFFFFFFFFFF; 0b1111111111111111111111111111111111111111111111111111111111111111; 0o7777777777777777777777",
        "9223372036854775807; big9223372036854775808; big4722366482869645213695; big18446744073709551615; big73786976294838206463",
    ),
    (
        "1.; .5; 1e-3; 1_000.5; 1E10; 5.e3; 0e0; 1e400; 00.5; 0777.5; 07e1",
        "1.0f; 0.5f; 0.001f; 1000.5f; 10000000000.0f; 5000.0f; 0.0f; inff; 0.5f; 777.5f; 70.0f",
    ),
    (
        "2j; 1.5J; 0j; 1e3j; 007j",
        "2.0j; 1.5j; 0.0j; 1000.0j; 7.0j",
    ),
    ("1if x else 2", "(ifexp x 1 2)"),
    (
        "'a'; \"b\"; '''c'''; \"\"\"d\"\"\"; ''; \"\"",
        "\"a\"; \"b\"; \"c\"; \"d\"; \"\"; \"\"",
    ),
    ("'a' \"b\" '''c'''", "\"abc\""),
    (
        "u'x'; U\"y\"; r'\\n'; R\"\\d\"; b'x'; B\"y\"; br'\\n'; Rb'\\x'; rB'a'",
        "\"x\"; \"y\"; \"\\\\n\"; \"\\\\d\"; b\"x\"; b\"y\"; b\"\\\\n\"; b\"\\\\x\"; b\"a\"",
    ),
    (
        "'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0'",
        "\"\\n\\t\\r\\\\'\\\"\\u{7}\\u{8}\\u{c}\\u{b}\\0\"",
    ),
    ("'\\101\\1012\\7777'", "\"AA2ǿ7\""),
    ("'\\x41\\u00e9\\U0001F600'", "\"Aé😀\""),
    ("'\\d\\q\\ '", "\"\\\\d\\\\q\\\\ \""),
    ("'a\\\nb'", "\"ab\""),
    ("'''line1\nline2'''", "\"line1\\nline2\""),
    ("b'\\x41\\n\\101\\777\\d'", "b\"A\\nA\\xff\\\\d\""),
    ("b'a' b'b'", "b\"ab\""),
    ("'tab\\there' r'\\t'", "\"tab\\there\\\\t\""),
    ("f'x'", "(f \"x\")"),
    ("f''", "(f)"),
    ("f'{x}'", "(f {x})"),
    ("f'a{x}b{y}c'", "(f \"a\" {x} \"b\" {y} \"c\")"),
    ("f'{x!r}{y!s}{z!a}'", "(f {x !r} {y !s} {z !a})"),
    ("f'{x:>10}'", "(f {x :[\">10\"]})"),
    ("f'{x:{w}.{p}f}'", "(f {x :[{w} \".\" {p} \"f\"]})"),
    ("f'{x=}'", "(f {x =\"x=\"})"),
    ("f'{x = }'", "(f {x =\"x = \"})"),
    ("f'{x=!r:>5}'", "(f {x =\"x=\" !r :[\">5\"]})"),
    ("f'{x=:>5}'", "(f {x =\"x=\" :[\">5\"]})"),
    ("f'{{}}{{{x}}}'", "(f \"{}{\" {x} \"}\")"),
    ("f'{ x }'", "(f {x})"),
    ("f'{x, y}'", "(f {(tuple x y)})"),
    ("f'{x for x in y}'", "(f {(genexp x (for x in y))})"),
    ("f'{(yield)}'", "(f {(yield _)})"),
    (
        "f'{a!=b}{a<b}{a>=b}{a==b}'",
        "(f {(cmp a != b)} {(cmp a < b)} {(cmp a >= b)} {(cmp a == b)})",
    ),
    ("f\"{'a' if x else 'b'}\"", "(f {(ifexp x \"a\" \"b\")})"),
    ("f'{f\"{x}\"}'", "(f {(f {x})})"),
    ("'a' f'{b}' 'c'", "(f \"a\" {b} \"c\")"),
    ("f'{x}' f'{y}'", "(f {x} {y})"),
    ("'a' f'b'", "(f \"ab\")"),
    (
        "rf'\\d{x}' fr'\\n' Rf'{x}\\n'",
        "(f \"\\\\d\" {x} \"\\\\n\" {x} \"\\\\n\")",
    ),
    ("f'\\n{x}\\t'", "(f \"\\n\" {x} \"\\t\")"),
    ("f'{x:{{}}}'", "(f {x :[{(dict)}]})"),
    ("f'{x:}'", "(f {x :[]})"),
    ("f'''{\nx\n}'''", "(f {x})"),
    ("f'\\{6}'", "(f \"\\\\\" {6})"),
    ("f'{3!r}'", "(f {3 !r})"),
    ("f\"{x:%H:%M}\"", "(f {x :[\"%H:%M\"]})"),
    ("f'{d[\"k\"]}'", "(f {([] d \"k\")})"),
];

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

use SyntaxErrorKind::{IndentationError as I, SyntaxError as S, TabError as T};

/// Source, error class, message, line, column, end column (0 for one
/// caret), and whether more input could complete it: all as CPython 3.11
/// reports them (except the end column of a part of a tuple target, which
/// is not tracked).
const ERRORS: &[(&str, SyntaxErrorKind, &str, u32, u32, u32, bool)] = &[
    (
        "f() = 1",
        S,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
        4,
        false,
    ),
    (
        "1 = x",
        S,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
        0,
        false,
    ),
    (
        "a + b = c",
        S,
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
        6,
        false,
    ),
    (
        "a, f() = 1",
        S,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        4,
        7,
        false,
    ),
    (
        "x = f() = 1",
        S,
        "cannot assign to function call",
        1,
        5,
        8,
        false,
    ),
    (
        "(a, f()) = 1",
        S,
        "cannot assign to function call",
        1,
        5,
        0,
        false,
    ),
    (
        "a.b.c = 1 = 2",
        S,
        "cannot assign to literal",
        1,
        9,
        0,
        false,
    ),
    ("True = 1", S, "cannot assign to True", 1, 1, 5, false),
    ("None = 1", S, "cannot assign to None", 1, 1, 5, false),
    (
        "x = yield = 3",
        S,
        "assignment to yield expression not possible",
        1,
        5,
        10,
        false,
    ),
    (
        "x = (yield) = 1",
        S,
        "cannot assign to yield expression",
        1,
        6,
        12,
        false,
    ),
    (
        "lambda: x = 1",
        S,
        "cannot assign to lambda",
        1,
        1,
        10,
        false,
    ),
    (
        "x < y = 1",
        S,
        "cannot assign to comparison",
        1,
        1,
        6,
        false,
    ),
    (
        "not x = 1",
        S,
        "cannot assign to expression",
        1,
        1,
        6,
        false,
    ),
    (
        "(x for x in y) = 1",
        S,
        "cannot assign to generator expression",
        1,
        1,
        15,
        false,
    ),
    (
        "a, b += 1",
        S,
        "'tuple' is an illegal expression for augmented assignment",
        1,
        1,
        5,
        false,
    ),
    (
        "f() += 1",
        S,
        "'function call' is an illegal expression for augmented assignment",
        1,
        1,
        4,
        false,
    ),
    (
        "None += 1",
        S,
        "'None' is an illegal expression for augmented assignment",
        1,
        1,
        5,
        false,
    ),
    (
        "[a, b] += 1",
        S,
        "'list' is an illegal expression for augmented assignment",
        1,
        1,
        7,
        false,
    ),
    (
        "a, b: int",
        S,
        "only single target (not tuple) can be annotated",
        1,
        1,
        0,
        false,
    ),
    (
        "[a]: int",
        S,
        "only single target (not list) can be annotated",
        1,
        1,
        4,
        false,
    ),
    (
        "f(): int",
        S,
        "illegal target for annotation",
        1,
        1,
        4,
        false,
    ),
    ("del f()", S, "cannot delete function call", 1, 5, 8, false),
    ("del 1", S, "cannot delete literal", 1, 5, 0, false),
    ("del *a", S, "cannot delete starred", 1, 5, 7, false),
    (
        "del a, f()",
        S,
        "cannot delete function call",
        1,
        8,
        11,
        false,
    ),
    (
        "for 1 in x: pass",
        S,
        "cannot assign to literal",
        1,
        5,
        0,
        false,
    ),
    (
        "for f() in x: pass",
        S,
        "cannot assign to function call",
        1,
        5,
        8,
        false,
    ),
    ("if x\n  pass", S, "expected ':'", 1, 5, 0, false),
    (
        "if x = 1: pass",
        S,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        4,
        9,
        false,
    ),
    (
        "while x = 1: pass",
        S,
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        7,
        12,
        false,
    ),
    (
        "if f() = 1: pass",
        S,
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        4,
        7,
        false,
    ),
    (
        "for x in range(10)\n  pass",
        S,
        "expected ':'",
        1,
        19,
        0,
        false,
    ),
    ("while True\n  pass", S, "expected ':'", 1, 11, 0, false),
    ("class A\n  pass", S, "expected ':'", 1, 8, 0, false),
    ("class A(x)\n  pass", S, "expected ':'", 1, 11, 0, false),
    ("def f()\n  pass", S, "expected ':'", 1, 8, 0, false),
    ("def f() x:\n  pass", S, "expected ':'", 1, 9, 0, false),
    ("def f:", S, "expected '('", 1, 6, 0, false),
    ("try x:\n  pass", S, "expected ':'", 1, 5, 0, false),
    (
        "if x:\n  pass\nelse x:\n  pass",
        S,
        "expected ':'",
        3,
        6,
        0,
        false,
    ),
    (
        "try:\n  pass\nexcept A\n  pass",
        S,
        "expected ':'",
        3,
        9,
        0,
        false,
    ),
    (
        "try:\n  pass\nexcept\n  pass",
        S,
        "expected ':'",
        3,
        7,
        0,
        false,
    ),
    (
        "with open(x) as f\n  pass",
        S,
        "expected ':'",
        1,
        18,
        0,
        false,
    ),
    (
        "if x:\n    pass\nelif y\n    pass",
        S,
        "expected ':'",
        3,
        7,
        0,
        false,
    ),
    ("(1 +", S, "'(' was never closed", 1, 1, 0, true),
    ("x = [1, 2", S, "'[' was never closed", 1, 5, 0, true),
    (
        "from x import (a, b",
        S,
        "'(' was never closed",
        1,
        15,
        0,
        true,
    ),
    ("foo(\nx = 1", S, "'(' was never closed", 1, 4, 0, true),
    (
        "print(1\nprint(2)",
        S,
        "'(' was never closed",
        1,
        6,
        0,
        false,
    ),
    ("a = {", S, "'{' was never closed", 1, 5, 0, true),
    (")", S, "unmatched ')'", 1, 1, 0, false),
    ("print(x))", S, "unmatched ')'", 1, 9, 0, false),
    (
        "(]",
        S,
        "closing parenthesis ']' does not match opening parenthesis '('",
        1,
        2,
        0,
        false,
    ),
    (
        "(\n]",
        S,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
        2,
        1,
        0,
        false,
    ),
    (
        "f(a=1, b)",
        S,
        "positional argument follows keyword argument",
        1,
        9,
        0,
        false,
    ),
    (
        "f(**a, b)",
        S,
        "positional argument follows keyword argument unpacking",
        1,
        9,
        0,
        false,
    ),
    (
        "f(**k, *a)",
        S,
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
        0,
        false,
    ),
    (
        "class A(x=1, y): pass",
        S,
        "positional argument follows keyword argument",
        1,
        15,
        0,
        false,
    ),
    (
        "f(x for x in y, 1)",
        S,
        "Generator expression must be parenthesized",
        1,
        3,
        15,
        false,
    ),
    (
        "f(a, b for b in c)",
        S,
        "Generator expression must be parenthesized",
        1,
        6,
        18,
        false,
    ),
    (
        "f(1=2)",
        S,
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        1,
        3,
        5,
        false,
    ),
    (
        "f(a.b=1)",
        S,
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        1,
        3,
        7,
        false,
    ),
    ("f(x=1=2)", S, "invalid syntax", 1, 6, 0, false),
    (
        "def f(a=1, b): pass",
        S,
        "non-default argument follows default argument",
        1,
        12,
        0,
        false,
    ),
    (
        "lambda x=1, y: 0",
        S,
        "non-default argument follows default argument",
        1,
        13,
        0,
        false,
    ),
    (
        "def f(a=1, /, b): pass",
        S,
        "non-default argument follows default argument",
        1,
        15,
        0,
        false,
    ),
    (
        "def f(*): pass",
        S,
        "named arguments must follow bare *",
        1,
        7,
        0,
        false,
    ),
    (
        "def f(*, **k): pass",
        S,
        "named arguments must follow bare *",
        1,
        7,
        0,
        false,
    ),
    (
        "def f(**k, a): pass",
        S,
        "arguments cannot follow var-keyword argument",
        1,
        12,
        0,
        false,
    ),
    (
        "def f(**k, *a): pass",
        S,
        "arguments cannot follow var-keyword argument",
        1,
        12,
        0,
        false,
    ),
    (
        "def f(a, /, b, /): pass",
        S,
        "/ may appear only once",
        1,
        16,
        0,
        false,
    ),
    (
        "def f(*a, /): pass",
        S,
        "/ must be ahead of *",
        1,
        11,
        0,
        false,
    ),
    (
        "def f(a, *, /): pass",
        S,
        "/ must be ahead of *",
        1,
        13,
        0,
        false,
    ),
    (
        "def f(*a, *b): pass",
        S,
        "* argument may appear only once",
        1,
        11,
        0,
        false,
    ),
    (
        "def f(**k=1): pass",
        S,
        "var-keyword argument cannot have default value",
        1,
        10,
        0,
        false,
    ),
    (
        "def f(*a=1): pass",
        S,
        "var-positional argument cannot have default value",
        1,
        9,
        0,
        false,
    ),
    (
        "def f(a=): pass",
        S,
        "expected default value expression",
        1,
        8,
        0,
        false,
    ),
    (
        "def f(a, (b, c)): pass",
        S,
        "Function parameters cannot be parenthesized",
        1,
        10,
        16,
        false,
    ),
    (
        "lambda (a): 1",
        S,
        "Lambda expression parameters cannot be parenthesized",
        1,
        8,
        11,
        false,
    ),
    (
        "print \"hello\"",
        S,
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
        14,
        false,
    ),
    (
        "print x",
        S,
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
        8,
        false,
    ),
    (
        "exec \"x\"",
        S,
        "Missing parentheses in call to 'exec'. Did you mean exec(...)?",
        1,
        1,
        9,
        false,
    ),
    (
        "x = print \"x\"",
        S,
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        5,
        14,
        false,
    ),
    (
        "f(a b)",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        3,
        6,
        false,
    ),
    (
        "[1, 2 3]",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        5,
        8,
        false,
    ),
    (
        "x = (1 2)",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        6,
        9,
        false,
    ),
    (
        "x = {'a': 1 'b': 2}",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        11,
        16,
        false,
    ),
    (
        "x = {'a' 1}",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        6,
        11,
        false,
    ),
    (
        "print(a b)",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        7,
        10,
        false,
    ),
    (
        "f(a, b c, d)",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        6,
        9,
        false,
    ),
    (
        "x = [1, 2\ny = 3]",
        S,
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        9,
        0,
        false,
    ),
    ("print(a \"b\")", S, "invalid syntax", 1, 9, 12, false),
    ("[match x]", S, "invalid syntax", 1, 8, 0, false),
    ("x = 5 5", S, "invalid syntax", 1, 7, 0, false),
    ("a b c", S, "invalid syntax", 1, 3, 0, false),
    ("return x x", S, "invalid syntax", 1, 10, 0, false),
    (
        "d = {1: 2, 3}",
        S,
        "':' expected after dictionary key",
        1,
        12,
        0,
        false,
    ),
    (
        "x = {'a': 1, 'b' 2}",
        S,
        "':' expected after dictionary key",
        1,
        16,
        0,
        false,
    ),
    (
        "{1: }",
        S,
        "expression expected after dictionary key and ':'",
        1,
        3,
        0,
        false,
    ),
    ("{**a: 1}", S, "invalid syntax", 1, 5, 0, false),
    (
        "[*a for a in b]",
        S,
        "iterable unpacking cannot be used in comprehension",
        1,
        2,
        4,
        false,
    ),
    (
        "{**a for a in b}",
        S,
        "dict unpacking cannot be used in dict comprehension",
        1,
        2,
        4,
        false,
    ),
    (
        "f(*a for a in b)",
        S,
        "iterable unpacking cannot be used in comprehension",
        1,
        3,
        5,
        false,
    ),
    (
        "(*a) = 1",
        S,
        "cannot use starred expression here",
        1,
        2,
        4,
        false,
    ),
    (
        "print(a if b)",
        S,
        "expected 'else' after 'if' expression",
        1,
        7,
        13,
        false,
    ),
    (
        "1 if 2 else 3 if 4",
        S,
        "expected 'else' after 'if' expression",
        1,
        13,
        19,
        false,
    ),
    ("x = 1 if else 2", S, "invalid syntax", 1, 10, 14, false),
    (
        "(a.b := 1)",
        S,
        "cannot use assignment expressions with attribute",
        1,
        2,
        5,
        false,
    ),
    ("x := 1", S, "invalid syntax", 1, 3, 5, false),
    (
        "try:\n pass\nx=1",
        S,
        "expected 'except' or 'finally' block",
        3,
        1,
        0,
        false,
    ),
    (
        "try:\n pass\nelse:\n pass",
        S,
        "expected 'except' or 'finally' block",
        3,
        1,
        5,
        false,
    ),
    (
        "try:\n  pass\nexcept A, B:\n  pass",
        S,
        "multiple exception types must be parenthesized",
        3,
        8,
        12,
        false,
    ),
    (
        "from x import a,",
        S,
        "trailing comma not allowed without surrounding parentheses",
        1,
        17,
        0,
        false,
    ),
    ("from x import *, a", S, "invalid syntax", 1, 16, 0, false),
    ("import a.b as", S, "invalid syntax", 1, 14, 0, false),
    ("else:", S, "invalid syntax", 1, 1, 5, false),
    ("in", S, "invalid syntax", 1, 1, 3, false),
    ("x === y", S, "invalid syntax", 1, 5, 0, false),
    ("a[]", S, "invalid syntax", 1, 3, 0, false),
    ("a[1:2:3:4]", S, "invalid syntax", 1, 8, 0, false),
    ("x = 1 +", S, "invalid syntax", 1, 8, 0, false),
    ("1 +", S, "invalid syntax", 1, 4, 0, false),
    ("$", S, "invalid syntax", 1, 1, 0, false),
    ("a ? b", S, "invalid syntax", 1, 3, 0, false),
    ("a ! b", S, "invalid syntax", 1, 3, 0, false),
    ("x = 1\n  y = 2", I, "unexpected indent", 2, 2, 0, false),
    ("  x = 1", I, "unexpected indent", 1, 2, 0, false),
    ("\tx", I, "unexpected indent", 1, 1, 0, false),
    (
        "if x:\npass",
        I,
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
        5,
        false,
    ),
    (
        "if x:",
        I,
        "expected an indented block after 'if' statement on line 1",
        1,
        6,
        0,
        true,
    ),
    (
        "class A:",
        I,
        "expected an indented block after class definition on line 1",
        1,
        9,
        0,
        true,
    ),
    (
        "def f(x):\nreturn x",
        I,
        "expected an indented block after function definition on line 1",
        2,
        1,
        7,
        false,
    ),
    (
        "for x in y:\npass",
        I,
        "expected an indented block after 'for' statement on line 1",
        2,
        1,
        5,
        false,
    ),
    (
        "while x:\npass",
        I,
        "expected an indented block after 'while' statement on line 1",
        2,
        1,
        5,
        false,
    ),
    (
        "with x:\npass",
        I,
        "expected an indented block after 'with' statement on line 1",
        2,
        1,
        5,
        false,
    ),
    (
        "try:\npass",
        I,
        "expected an indented block after 'try' statement on line 1",
        2,
        1,
        5,
        false,
    ),
    (
        "try:\n  pass\nexcept:\npass",
        I,
        "expected an indented block after 'except' statement on line 3",
        4,
        1,
        5,
        false,
    ),
    (
        "try:\n  pass\nfinally:\npass",
        I,
        "expected an indented block after 'finally' statement on line 3",
        4,
        1,
        5,
        false,
    ),
    (
        "if x:\n  pass\nelif y:\npass",
        I,
        "expected an indented block after 'elif' statement on line 3",
        4,
        1,
        5,
        false,
    ),
    (
        "if x:\n  pass\nelse:\npass",
        I,
        "expected an indented block after 'else' statement on line 3",
        4,
        1,
        5,
        false,
    ),
    (
        "if x:\n    pass\n  else:\n    pass",
        I,
        "unindent does not match any outer indentation level",
        3,
        8,
        0,
        false,
    ),
    (
        "class A:\n  pass\n x",
        I,
        "unindent does not match any outer indentation level",
        3,
        3,
        0,
        false,
    ),
    (
        "if 1:\n        x\n\ty",
        T,
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
        0,
        false,
    ),
    (
        "if 1:\n\tx\n        y",
        T,
        "inconsistent use of tabs and spaces in indentation",
        3,
        1,
        0,
        false,
    ),
    ("if 1:\n  x\n   y", I, "unexpected indent", 3, 3, 0, false),
    (
        "\"abc",
        S,
        "unterminated string literal (detected at line 1)",
        1,
        1,
        0,
        false,
    ),
    (
        "'abc' 'def",
        S,
        "unterminated string literal (detected at line 1)",
        1,
        7,
        0,
        false,
    ),
    (
        "\"\"\"abc",
        S,
        "unterminated triple-quoted string literal (detected at line 1)",
        1,
        1,
        0,
        true,
    ),
    (
        "'''abc\ndef",
        S,
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        1,
        0,
        true,
    ),
    (
        "x = 'a' 'b\nc'",
        S,
        "unterminated string literal (detected at line 1)",
        1,
        9,
        0,
        false,
    ),
    (
        "'abc\\'",
        S,
        "unterminated string literal (detected at line 1)",
        1,
        1,
        0,
        false,
    ),
    ("€", S, "invalid character '€' (U+20AC)", 1, 1, 0, false),
    (
        "x = a€b",
        S,
        "invalid character '€' (U+20AC)",
        1,
        6,
        0,
        false,
    ),
    (
        "x = \u{1}",
        S,
        "invalid non-printable character U+0001",
        1,
        5,
        0,
        false,
    ),
    (
        "x = 1 \\ y",
        S,
        "unexpected character after line continuation character",
        1,
        8,
        0,
        false,
    ),
    ("x = 1 \\", S, "unexpected EOF while parsing", 1, 8, 0, true),
    ("\\", S, "unexpected EOF while parsing", 1, 2, 0, true),
    (
        "x = 08",
        S,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
        0,
        false,
    ),
    (
        "x = 0777",
        S,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
        0,
        false,
    ),
    ("x = 1_000_", S, "invalid decimal literal", 1, 10, 0, false),
    ("0x", S, "invalid hexadecimal literal", 1, 2, 0, false),
    ("x = 0xg", S, "invalid hexadecimal literal", 1, 6, 0, false),
    ("x = 0x1_", S, "invalid hexadecimal literal", 1, 8, 0, false),
    ("1abc", S, "invalid decimal literal", 1, 1, 0, false),
    ("1.a", S, "invalid decimal literal", 1, 2, 0, false),
    ("x = 1e", S, "invalid decimal literal", 1, 5, 0, false),
    ("x = 1e+", S, "invalid decimal literal", 1, 7, 0, false),
    ("x = 1e_3", S, "invalid decimal literal", 1, 5, 0, false),
    (
        "0b102",
        S,
        "invalid digit '2' in binary literal",
        1,
        5,
        0,
        false,
    ),
    (
        "0o8",
        S,
        "invalid digit '8' in octal literal",
        1,
        3,
        0,
        false,
    ),
    ("x = 0b", S, "invalid binary literal", 1, 6, 0, false),
    ("x = 0o", S, "invalid octal literal", 1, 6, 0, false),
    ("1__0", S, "invalid decimal literal", 1, 2, 0, false),
    ("x = .5_", S, "invalid decimal literal", 1, 7, 0, false),
    (
        "x = 1.__class__",
        S,
        "invalid decimal literal",
        1,
        6,
        0,
        false,
    ),
    (
        "'\\x4'",
        S,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
        1,
        6,
        0,
        false,
    ),
    (
        "'\\u12'",
        S,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape",
        1,
        7,
        0,
        false,
    ),
    (
        "'é\\x4'",
        S,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape",
        1,
        7,
        0,
        false,
    ),
    (
        "'\\U00110000'",
        S,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character",
        1,
        13,
        0,
        false,
    ),
    (
        "b'\\xZZ'",
        S,
        "(value error) invalid \\x escape at position 0",
        1,
        8,
        0,
        false,
    ),
    (
        "b'\\x4'",
        S,
        "(value error) invalid \\x escape at position 0",
        1,
        7,
        0,
        false,
    ),
    (
        "b'é'",
        S,
        "bytes can only contain ASCII literal characters",
        1,
        1,
        5,
        false,
    ),
    (
        "\"a\" \"b\" b\"c\"",
        S,
        "cannot mix bytes and nonbytes literals",
        1,
        13,
        0,
        false,
    ),
    (
        "x = f\"{a}\" b\"x\"",
        S,
        "cannot mix bytes and nonbytes literals",
        1,
        16,
        0,
        false,
    ),
    (
        "f'{a!x}'",
        S,
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        1,
        9,
        0,
        false,
    ),
    (
        "f'{a!}'",
        S,
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        1,
        8,
        0,
        false,
    ),
    ("f'{a'", S, "f-string: expecting '}'", 1, 6, 0, false),
    ("f'{'", S, "f-string: expecting '}'", 1, 5, 0, false),
    (
        "f'}'",
        S,
        "f-string: single '}' is not allowed",
        1,
        5,
        0,
        false,
    ),
    (
        "f'{#}'",
        S,
        "f-string expression part cannot include '#'",
        1,
        7,
        0,
        false,
    ),
    (
        "f'{}'",
        S,
        "f-string: empty expression not allowed",
        1,
        6,
        0,
        false,
    ),
    (
        "f'{ }'",
        S,
        "f-string: empty expression not allowed",
        1,
        7,
        0,
        false,
    ),
    (
        "f'{!r}'",
        S,
        "f-string: expression required before '!'",
        1,
        8,
        0,
        false,
    ),
    ("f'{a)}'", S, "f-string: unmatched ')'", 1, 8, 0, false),
    (
        "f'{(a}'",
        S,
        "f-string: closing parenthesis '}' does not match opening parenthesis '('",
        1,
        8,
        0,
        false,
    ),
    (
        "f'{a:{b:{c}}}'",
        S,
        "f-string: expressions nested too deeply",
        1,
        15,
        0,
        false,
    ),
    ("f\"{x!r=}\"", S, "f-string: expecting '}'", 1, 10, 0, false),
    ("f\"{x:\"", S, "f-string: expecting '}'", 1, 7, 0, false),
    (
        "x = = 1\ny = \"abc\n",
        S,
        "unterminated string literal (detected at line 2)",
        2,
        5,
        0,
        false,
    ),
];

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
