//! Renders trees as compact S-expressions (without locations) so that tests
//! can state expected shapes in one line.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::*;

/// Renders statements separated by `; `.
pub fn stmts(body: &[Stmt]) -> String {
    let parts: Vec<String> = body.iter().map(stmt).collect();
    parts.join("; ")
}

fn block(body: &[Stmt]) -> String {
    format!("[{}]", stmts(body))
}

fn list(items: &[Expr]) -> String {
    items.iter().map(|e| format!(" {}", expr(e))).collect()
}

fn opt(e: &Option<Expr>) -> String {
    e.as_ref().map_or_else(|| "_".into(), expr)
}

fn opt_box(e: &Option<Box<Expr>>) -> String {
    e.as_deref().map_or_else(|| "_".into(), expr)
}

/// Renders one statement.
pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::Assign { targets, value } => format!("(={} {})", list(targets), expr(value)),
        StmtKind::AugAssign { target, op, value } => {
            format!("({}= {} {})", binop(*op), expr(target), expr(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => format!("(ann {} {} {})", expr(target), expr(annotation), opt(value)),
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Return(v) => format!("(return {})", opt(v)),
        StmtKind::Delete(v) => format!("(del{})", list(v)),
        StmtKind::Global(v) => format!("(global {})", v.join(" ")),
        StmtKind::Nonlocal(v) => format!("(nonlocal {})", v.join(" ")),
        StmtKind::If { test, body, orelse } => {
            format!("(if {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::While { test, body, orelse } => {
            format!("(while {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => format!(
            "(for {} {} {} {})",
            expr(target),
            expr(iter),
            block(body),
            block(orelse)
        ),
        StmtKind::FunctionDef(f) => {
            let mut out = format!("(def {} {}", f.name, params(&f.params));
            if let Some(r) = &f.returns {
                out += &format!(" -> {}", expr(r));
            }
            for d in &f.decorators {
                out += &format!(" @{}", expr(d));
            }
            out + &format!(" {})", block(&f.body))
        }
        StmtKind::ClassDef(c) => {
            let mut out = format!("(class {}{}", c.name, list(&c.bases));
            for k in &c.keywords {
                out += &format!(" {}", keyword(k));
            }
            for d in &c.decorators {
                out += &format!(" @{}", expr(d));
            }
            out + &format!(" {})", block(&c.body))
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut out = format!("(try {}", block(body));
            for h in handlers {
                let name = h
                    .name
                    .as_deref()
                    .map_or(String::new(), |n| format!(" as {n}"));
                out += &format!(" (except {}{name} {})", opt(&h.typ), block(&h.body));
            }
            out + &format!(" {} {})", block(orelse), block(finalbody))
        }
        StmtKind::Raise { exc, cause } => format!("(raise {} {})", opt(exc), opt(cause)),
        StmtKind::With { items, body } => {
            let mut out = String::from("(with");
            for item in items {
                out += &format!(" ({} {})", expr(&item.context), opt(&item.target));
            }
            out + &format!(" {})", block(body))
        }
        StmtKind::Assert { test, msg } => format!("(assert {} {})", expr(test), opt(msg)),
        StmtKind::Import(names) => format!("(import{})", aliases(names)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => format!(
            "(from {level} {}{})",
            module.as_deref().unwrap_or("_"),
            aliases(names)
        ),
    }
}

fn aliases(names: &[Alias]) -> String {
    names
        .iter()
        .map(|a| match &a.asname {
            Some(asname) => format!(" {} as {asname}", a.name),
            None => format!(" {}", a.name),
        })
        .collect()
}

fn param(p: &Param) -> String {
    match &p.annotation {
        Some(a) => format!("{}:{}", p.name, expr(a)),
        None => p.name.clone(),
    }
}

/// Renders a parameter list: `(posonly / args *vararg kwonly **kwarg)`
/// with defaults as `name=value`.
fn params(p: &Params) -> String {
    let mut parts = Vec::new();
    let positional: Vec<&Param> = p.posonly.iter().chain(&p.args).collect();
    let first_default = positional.len() - p.defaults.len();
    for (i, x) in positional.iter().enumerate() {
        let mut s = param(x);
        if i >= first_default {
            s += &format!("={}", expr(&p.defaults[i - first_default]));
        }
        parts.push(s);
        if i + 1 == p.posonly.len() {
            parts.push("/".into());
        }
    }
    if let Some(v) = &p.vararg {
        parts.push(format!("*{}", param(v)));
    } else if !p.kwonly.is_empty() {
        parts.push("*".into());
    }
    for (x, d) in p.kwonly.iter().zip(&p.kw_defaults) {
        match d {
            Some(d) => parts.push(format!("{}={}", param(x), expr(d))),
            None => parts.push(param(x)),
        }
    }
    if let Some(k) = &p.kwarg {
        parts.push(format!("**{}", param(k)));
    }
    format!("({})", parts.join(" "))
}

fn keyword(k: &Keyword) -> String {
    match &k.arg {
        Some(arg) => format!("{arg}={}", expr(&k.value)),
        None => format!("**{}", expr(&k.value)),
    }
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is-not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not-in",
    }
}

fn generators(gens: &[Comprehension]) -> String {
    gens.iter()
        .map(|g| {
            let ifs: String = g.ifs.iter().map(|c| format!(" if {}", expr(c))).collect();
            format!(" (for {} in {}{ifs})", expr(&g.target), expr(&g.iter))
        })
        .collect()
}

/// Renders f-string parts.
fn fparts(parts: &[FStringPart]) -> String {
    parts
        .iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!(" {s:?}"),
            FStringPart::Value {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                let mut out = format!(" {{{}", expr(value));
                if let Some(d) = debug_text {
                    out += &format!(" ={d:?}");
                }
                if let Some(c) = conversion {
                    out += &format!(" !{c}");
                }
                if let Some(spec) = format_spec {
                    out += &format!(" :[{}]", fparts(spec).trim_start());
                }
                out + "}"
            }
        })
        .collect()
}

fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => String::from(if *b { "True" } else { "False" }),
        Constant::Ellipsis => "...".into(),
        Constant::Int(i) => format!("{i}"),
        Constant::BigInt(digits) => format!("big{digits}"),
        Constant::Float(f) => format!("{f:?}f"),
        Constant::Imaginary(f) => format!("{f:?}j"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b\"{}\"", b.escape_ascii()),
    }
}

/// Renders one expression.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let op = if *op == BoolOp::And { "and" } else { "or" };
            format!("({op}{})", list(values))
        }
        ExprKind::NamedExpr { target, value } => format!("(:= {target} {})", expr(value)),
        ExprKind::BinOp { left, op, right } => {
            format!("({} {} {})", binop(*op), expr(left), expr(right))
        }
        ExprKind::UnaryOp { op, operand } => {
            let op = match op {
                UnaryOp::Not => "not",
                UnaryOp::Neg => "neg",
                UnaryOp::Pos => "pos",
                UnaryOp::Invert => "inv",
            };
            format!("({op} {})", expr(operand))
        }
        ExprKind::Lambda { params: p, body } => format!("(lambda {} {})", params(p), expr(body)),
        ExprKind::IfExp { test, body, orelse } => {
            format!("(ifexp {} {} {})", expr(test), expr(body), expr(orelse))
        }
        ExprKind::Dict { keys, values } => {
            let entries: String = keys
                .iter()
                .zip(values)
                .map(|(k, v)| match k {
                    Some(k) => format!(" {}:{}", expr(k), expr(v)),
                    None => format!(" **{}", expr(v)),
                })
                .collect();
            format!("(dict{entries})")
        }
        ExprKind::Set(v) => format!("(set{})", list(v)),
        ExprKind::ListComp { elt, generators: g } => {
            format!("(listcomp {}{})", expr(elt), generators(g))
        }
        ExprKind::SetComp { elt, generators: g } => {
            format!("(setcomp {}{})", expr(elt), generators(g))
        }
        ExprKind::DictComp {
            key,
            value,
            generators: g,
        } => format!("(dictcomp {}:{}{})", expr(key), expr(value), generators(g)),
        ExprKind::GeneratorExp { elt, generators: g } => {
            format!("(genexp {}{})", expr(elt), generators(g))
        }
        ExprKind::Yield(v) => format!("(yield {})", opt_box(v)),
        ExprKind::YieldFrom(v) => format!("(yield-from {})", expr(v)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let rest: String = ops
                .iter()
                .zip(comparators)
                .map(|(op, c)| format!(" {} {}", cmpop(*op), expr(c)))
                .collect();
            format!("(cmp {}{rest})", expr(left))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let kws: String = keywords
                .iter()
                .map(|k| format!(" {}", keyword(k)))
                .collect();
            format!("(call {}{}{kws})", expr(func), list(args))
        }
        ExprKind::FString(parts) => format!("(f{})", fparts(parts)),
        ExprKind::Constant(c) => constant(c),
        ExprKind::Attribute { value, attr } => format!("(. {} {attr})", expr(value)),
        ExprKind::Subscript { value, index } => format!("([] {} {})", expr(value), expr(index)),
        ExprKind::Starred(v) => format!("(* {})", expr(v)),
        ExprKind::Name(n) => n.clone(),
        ExprKind::List(v) => format!("(list{})", list(v)),
        ExprKind::Tuple(v) => format!("(tuple{})", list(v)),
        ExprKind::Slice { lower, upper, step } => format!(
            "(slice {} {} {})",
            opt_box(lower),
            opt_box(upper),
            opt_box(step)
        ),
    }
}
