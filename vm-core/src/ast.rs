//! The abstract syntax tree the parser builds and the compiler consumes.
//!
//! It follows the shape of CPython's `ast` module, reduced to what emberpy
//! compiles. Every statement and expression carries the [`Loc`] of its first
//! character, which the compiler turns into line numbers for tracebacks.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A source position: 1-based line, 0-based column counted in characters.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Loc {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column, starting at 0, in characters (not bytes).
    pub col: u32,
}

/// A whole module (a file, a `-c` string, or one REPL entry).
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Module {
    /// The module's statements, in order.
    pub body: Vec<Stmt>,
}

/// A statement with its position.
#[derive(Clone, PartialEq, Debug)]
pub struct Stmt {
    /// Where the statement starts.
    pub loc: Loc,
    /// What it is.
    pub kind: StmtKind,
}

/// The kinds of statement.
#[derive(Clone, PartialEq, Debug)]
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `a = b = value`: one or more targets, assigned left to right.
    Assign {
        /// The targets (names, attributes, subscripts, tuples/lists of them,
        /// possibly with one `Starred`).
        targets: Vec<Expr>,
        /// The value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator.
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`. The annotation is evaluated only for
    /// its syntax; emberpy does not store annotations.
    AnnAssign {
        /// The target.
        target: Expr,
        /// The annotation.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
    },
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `del a, b[0], c.d`.
    Delete(Vec<Expr>),
    /// `global a, b`.
    Global(Vec<String>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<String>),
    /// `if test: body elif ...: ... else: orelse`. An `elif` is an `If`
    /// alone in `orelse`.
    If {
        /// The condition.
        test: Expr,
        /// Statements run when it holds.
        body: Vec<Stmt>,
        /// Statements run otherwise (possibly empty).
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Run when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`.
    For {
        /// The loop variable(s).
        target: Expr,
        /// The iterable.
        iter: Expr,
        /// The loop body.
        body: Vec<Stmt>,
        /// Run when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `def` (possibly decorated).
    FunctionDef(Box<FunctionDef>),
    /// `class` (possibly decorated).
    ClassDef(Box<ClassDef>),
    /// `try` with any of `except`, `else`, `finally`.
    Try {
        /// The guarded statements.
        body: Vec<Stmt>,
        /// The `except` clauses in order.
        handlers: Vec<ExceptHandler>,
        /// The `else` clause.
        orelse: Vec<Stmt>,
        /// The `finally` clause.
        finalbody: Vec<Stmt>,
    },
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception (absent for a bare re-raise).
        exc: Option<Expr>,
        /// The `from` cause.
        cause: Option<Expr>,
    },
    /// `with a as x, b: body`.
    With {
        /// The context managers, outermost first.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
    },
    /// `assert test[, msg]`.
    Assert {
        /// The condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `import a.b.c [as d], e`.
    Import(Vec<Alias>),
    /// `from [.]module import a [as b], c` or `from module import *`.
    ImportFrom {
        /// The module path after the dots (`None` for `from . import x`).
        module: Option<String>,
        /// The imported names; a single alias named `*` for a star import.
        names: Vec<Alias>,
        /// The number of leading dots (relative import level).
        level: u32,
    },
}

/// A `def` statement.
#[derive(Clone, PartialEq, Debug)]
pub struct FunctionDef {
    /// The function's name.
    pub name: String,
    /// The parameter list.
    pub params: Params,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost (first written) first.
    pub decorators: Vec<Expr>,
    /// The `-> annotation`, kept only for its syntax.
    pub returns: Option<Expr>,
}

/// A `class` statement.
#[derive(Clone, PartialEq, Debug)]
pub struct ClassDef {
    /// The class name.
    pub name: String,
    /// Base class expressions (may contain `Starred`).
    pub bases: Vec<Expr>,
    /// Keyword arguments such as `metaclass=`.
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost (first written) first.
    pub decorators: Vec<Expr>,
}

/// A parameter list of a `def` or `lambda`.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Params {
    /// Positional-only parameters (before `/`).
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
    /// Defaults of the last `defaults.len()` parameters of
    /// `posonly` followed by `args`.
    pub defaults: Vec<Expr>,
    /// One entry per `kwonly` parameter: its default, if any.
    pub kw_defaults: Vec<Option<Expr>>,
}

/// One parameter.
#[derive(Clone, PartialEq, Debug)]
pub struct Param {
    /// Where it is written.
    pub loc: Loc,
    /// Its name.
    pub name: String,
    /// Its annotation, kept only for its syntax.
    pub annotation: Option<Expr>,
}

/// One `except` clause.
#[derive(Clone, PartialEq, Debug)]
pub struct ExceptHandler {
    /// Where `except` is written.
    pub loc: Loc,
    /// The exception type expression (`None` for a bare `except:`).
    pub typ: Option<Expr>,
    /// The `as name`.
    pub name: Option<String>,
    /// The handler body.
    pub body: Vec<Stmt>,
}

/// One `expr [as target]` of a `with` statement.
#[derive(Clone, PartialEq, Debug)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// The `as` target.
    pub target: Option<Expr>,
}

/// One name of an import statement.
#[derive(Clone, PartialEq, Debug)]
pub struct Alias {
    /// The (possibly dotted) name, or `*`.
    pub name: String,
    /// The `as` name.
    pub asname: Option<String>,
}

/// An expression with its position.
#[derive(Clone, PartialEq, Debug)]
pub struct Expr {
    /// Where the expression starts.
    pub loc: Loc,
    /// What it is.
    pub kind: ExprKind,
}

/// The kinds of expression.
#[derive(Clone, PartialEq, Debug)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        /// The name assigned.
        target: String,
        /// The value.
        value: Box<Expr>,
    },
    /// A binary operator.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// The operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// A unary operator.
    UnaryOp {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `lambda params: body`.
    Lambda {
        /// The parameters.
        params: Box<Params>,
        /// The body expression.
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Value when it holds.
        body: Box<Expr>,
        /// Value otherwise.
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key marks a `**` spread of the value.
    Dict {
        /// Keys, `None` for `**value`.
        keys: Vec<Option<Expr>>,
        /// Values, as many as keys.
        values: Vec<Expr>,
    },
    /// `{a, b, *c}`.
    Set(Vec<Expr>),
    /// `[elt for ...]`.
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `a < b <= c`: a chain of comparisons.
    Compare {
        /// First operand.
        left: Box<Expr>,
        /// The operators, one per comparator.
        ops: Vec<CmpOp>,
        /// The other operands.
        comparators: Vec<Expr>,
    },
    /// `func(args, key=value, *rest, **more)`.
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments; `Starred` for `*rest`.
        args: Vec<Expr>,
        /// Keyword arguments; `arg: None` for `**more`.
        keywords: Vec<Keyword>,
    },
    /// An f-string: literal pieces and formatted values, in order.
    FString(Vec<FStringPart>),
    /// A literal.
    Constant(Constant),
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: String,
    },
    /// `value[index]`; a slice appears as `Slice`, `a[1:2, 3]` as a `Tuple`.
    Subscript {
        /// The container.
        value: Box<Expr>,
        /// The index.
        index: Box<Expr>,
    },
    /// `*value` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    /// A name.
    Name(String),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
}

/// A literal value.
#[derive(Clone, PartialEq, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An integer literal that fits in an `i64`.
    Int(i64),
    /// An integer literal too large for an `i64`, as its decimal digits.
    BigInt(String),
    /// A float literal.
    Float(f64),
    /// An imaginary literal such as `2j` (its imaginary part).
    Imaginary(f64),
    /// A string literal (adjacent literals already concatenated).
    Str(String),
    /// A bytes literal (adjacent literals already concatenated).
    Bytes(Vec<u8>),
}

/// One piece of an f-string.
#[derive(Clone, PartialEq, Debug)]
pub enum FStringPart {
    /// Literal text (with `{{`/`}}` already unescaped).
    Literal(String),
    /// `{value!conversion:format_spec}`.
    Value {
        /// The expression.
        value: Box<Expr>,
        /// `r`, `s` or `a` after `!`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (it may contain `{...}`).
        format_spec: Option<Vec<FStringPart>>,
        /// For the `{expr=}` form: the text before the value, such as
        /// `"x = "`. When present and there is no conversion and no format
        /// spec, the value is shown with `repr`.
        debug_text: Option<String>,
    },
}

/// One `for target in iter if cond ...` clause of a comprehension.
#[derive(Clone, PartialEq, Debug)]
pub struct Comprehension {
    /// The loop variable(s).
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The conditions.
    pub ifs: Vec<Expr>,
}

/// One keyword argument.
#[derive(Clone, PartialEq, Debug)]
pub struct Keyword {
    /// Where it is written.
    pub loc: Loc,
    /// The keyword, or `None` for `**mapping`.
    pub arg: Option<String>,
    /// The value.
    pub value: Expr,
}

/// `and` / `or`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BoolOp {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// Binary (and augmented-assignment) operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `@`
    MatMul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
}

/// Unary operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    /// `not`
    Not,
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
}

/// Comparison operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}
