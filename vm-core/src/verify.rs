//! The bytecode verifier: checks that a [`CodeProto`] cannot make the
//! interpreter index out of range or underflow its stack, whatever produced
//! it (the compiler, or a `.ebc` file from anywhere).
//!
//! Every operand is checked against the table it indexes, and a data-flow
//! pass computes the stack depth at every reachable instruction (following
//! jumps and exception handlers): no instruction may pop more than is
//! there, a join must see one depth, and a handler's depth must not exceed
//! the depth of any instruction it protects.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::bytecode::{CodeProto, Const, Instr};

/// Why code was rejected.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("invalid bytecode in {code} at instruction {pc}: {reason}")]
pub struct VerifyError {
    /// The qualified name of the offending code object.
    pub code: String,
    /// The instruction index.
    pub pc: usize,
    /// What is wrong.
    pub reason: String,
}

/// How an instruction changes the stack.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Effect {
    /// Values it needs on the stack.
    pub needs: u32,
    /// Depth change when execution continues at the next instruction, or
    /// `None` when it never does.
    pub next: Option<i32>,
    /// Where it may jump, with the depth change on that edge.
    pub jump: Option<(u32, i32)>,
}

impl Instr {
    /// The instruction's stack effect (see [`Effect`]).
    pub fn effect(self) -> Effect {
        use Instr::*;
        let flat = |needs: u32, change: i32| Effect {
            needs,
            next: Some(change),
            jump: None,
        };
        let end = |needs: u32| Effect {
            needs,
            next: None,
            jump: None,
        };
        match self {
            Nop => flat(0, 0),
            Pop => flat(1, -1),
            Copy(n) => flat(n, 1),
            Swap(n) => flat(n, 0),
            LoadConst(_) | LoadInt(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
            | LoadClassDeref(..) | LoadGlobal(_) | LoadName(_) | LoadAssertionError => flat(0, 1),
            StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => flat(1, -1),
            DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => flat(0, 0),
            LoadAttr(_) => flat(1, 0),
            StoreAttr(_) => flat(2, -2),
            DeleteAttr(_) => flat(1, -1),
            LoadMethod(_) => flat(1, 1),
            Call(n) => flat(n.saturating_add(1), -(n as i32)),
            CallKw(n) => flat(n.saturating_add(2), -(n as i32) - 1),
            CallMethod(n) => flat(n.saturating_add(2), -(n as i32) - 1),
            CallEx(f) => flat(2 + (f & 1), -1 - (f & 1) as i32),
            BinaryOp(_) | InplaceOp(_) | Compare(_) | Is(_) | Contains(_) | Subscr => flat(2, -1),
            UnaryNeg | UnaryPos | UnaryInvert | UnaryNot | GetIter | ListToTuple
            | GetYieldFromIter => flat(1, 0),
            Yield => flat(1, 0),
            StoreSubscr => flat(3, -3),
            DeleteSubscr => flat(2, -2),
            BuildSlice(n) => flat(n, 1 - n as i32),
            Jump(t) => Effect {
                needs: 0,
                next: None,
                jump: Some((t, 0)),
            },
            PopJumpIfFalse(t) | PopJumpIfTrue(t) => Effect {
                needs: 1,
                next: Some(-1),
                jump: Some((t, -1)),
            },
            JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => Effect {
                needs: 1,
                next: Some(-1),
                jump: Some((t, 0)),
            },
            ForIter(t) => Effect {
                needs: 1,
                next: Some(1),
                jump: Some((t, -1)),
            },
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => flat(n, 1 - n as i32),
            BuildMap(n) => flat(n.saturating_mul(2), 1 - 2 * n as i32),
            FormatValue(f) => {
                let spec = (f & 4 != 0) as u32;
                flat(1 + spec, -(spec as i32))
            }
            ListAppend(d) | SetAdd(d) | ListExtend(d) | SetUpdate(d) | DictUpdate(d)
            | DictMerge(d) => flat(d.saturating_add(1), -1),
            MapAdd(d) => flat(d.saturating_add(2), -2),
            UnpackSequence(n) => flat(1, n as i32 - 1),
            UnpackEx(b, a) => flat(1, (b + a) as i32),
            MakeFunction(_, flags) => {
                let n = (flags & 7).count_ones();
                flat(n, 1 - n as i32)
            }
            BuildClass => flat(3, -2),
            Return => end(1),
            YieldFrom(t) => Effect {
                needs: 2,
                next: None,
                jump: Some((t, -1)),
            },
            Raise(n) => end(n),
            Reraise => end(1),
            PushExcInfo => flat(1, 1),
            PopExcept => flat(1, -1),
            CheckExcMatch => flat(2, 0),
            BeforeWith => flat(1, 1),
            WithExceptStart => flat(3, 1),
            ImportName(_) => flat(2, -1),
            ImportFrom(_) => flat(1, 1),
            ImportStar | PrintExpr => flat(1, -1),
        }
    }
}

/// Check `code` and every code object nested in its constants.
pub fn verify(code: &CodeProto) -> Result<(), VerifyError> {
    Checker { code }.run()?;
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

struct Checker<'a> {
    code: &'a CodeProto,
}

impl Checker<'_> {
    fn fail(&self, pc: usize, reason: impl Into<String>) -> VerifyError {
        VerifyError {
            code: self.code.qualname.clone(),
            pc,
            reason: reason.into(),
        }
    }

    fn run(&self) -> Result<(), VerifyError> {
        let c = self.code;
        let n = c.instrs.len();
        let nlocals = c.local_names.len();
        if n == 0 {
            return Err(self.fail(0, "no instructions"));
        }
        let params = (c.argcount + c.kwonlyargcount) as usize
            + c.flags.varargs as usize
            + c.flags.varkeywords as usize;
        if params > nlocals || c.posonlyargcount > c.argcount || c.first_free as usize > nlocals {
            return Err(self.fail(0, "parameter or free-variable slots out of range"));
        }
        for &(slot, arg) in &c.cells {
            if slot as usize >= nlocals || arg.is_some_and(|a| a as usize >= params) {
                return Err(self.fail(0, "cell slot out of range"));
            }
        }
        for h in &c.handlers {
            if h.start >= h.end
                || h.end as usize > n
                || h.target as usize >= n
                || h.depth > c.max_stack
            {
                return Err(self.fail(h.start as usize, "exception handler out of range"));
            }
        }
        for (pc, instr) in c.instrs.iter().enumerate() {
            self.operands(pc, *instr)?;
        }
        self.depths()
    }

    /// Every index operand is inside its table.
    fn operands(&self, pc: usize, instr: Instr) -> Result<(), VerifyError> {
        use Instr::*;
        let c = self.code;
        let n = c.instrs.len() as u32;
        let slot_ok = |s: u32| (s as usize) < c.local_names.len();
        let cell_ok =
            |s: u32| s >= c.first_free && slot_ok(s) || c.cells.iter().any(|(slot, _)| *slot == s);
        let name_ok = |i: u32| (i as usize) < c.names.len();
        let ok = match instr {
            LoadConst(i) => (i as usize) < c.consts.len(),
            LoadFast(s) | StoreFast(s) | DeleteFast(s) => slot_ok(s),
            LoadDeref(s) | StoreDeref(s) | DeleteDeref(s) | LoadClosure(s) => cell_ok(s),
            LoadClassDeref(i, s) => name_ok(i) && cell_ok(s),
            LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i)
            | DeleteName(i) | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i)
            | ImportName(i) | ImportFrom(i) => name_ok(i),
            Copy(k) | Swap(k) => k >= 1,
            BuildSlice(k) => k == 2 || k == 3,
            MakeFunction(i, _) => matches!(c.consts.get(i as usize), Some(Const::Code(_))),
            Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t) | ForIter(t) | YieldFrom(t) => t < n,
            ListAppend(d) | SetAdd(d) | MapAdd(d) | ListExtend(d) | SetUpdate(d)
            | DictUpdate(d) | DictMerge(d) => d >= 1,
            Raise(k) => k <= 2,
            _ => true,
        };
        if ok {
            Ok(())
        } else {
            Err(self.fail(pc, alloc::format!("operand out of range in {instr:?}")))
        }
    }

    /// The stack-depth data flow.
    fn depths(&self) -> Result<(), VerifyError> {
        let c = self.code;
        let n = c.instrs.len();
        let max = c.max_stack as i64;
        let mut depth: Vec<Option<i64>> = vec![None; n];
        let mut work = vec![(0usize, 0i64)];
        while let Some((pc, d)) = work.pop() {
            if pc >= n {
                return Err(self.fail(pc, "execution runs past the last instruction"));
            }
            match depth[pc] {
                Some(seen) if seen == d => continue,
                Some(seen) => {
                    return Err(self.fail(
                        pc,
                        alloc::format!("stack depth {d} here, {seen} on another path"),
                    ));
                }
                None => depth[pc] = Some(d),
            }
            for h in c
                .handlers
                .iter()
                .filter(|h| h.start as usize <= pc && pc < h.end as usize)
            {
                if (h.depth as i64) > d {
                    return Err(self.fail(pc, "exception handler deeper than the code it protects"));
                }
                work.push((h.target as usize, h.depth as i64 + 1));
            }
            let e = c.instrs[pc].effect();
            if (e.needs as i64) > d {
                return Err(self.fail(
                    pc,
                    alloc::format!("needs {} stack values, has {d}", e.needs),
                ));
            }
            if let Some(change) = e.next {
                let after = d + change as i64;
                if after > max {
                    return Err(self.fail(pc, "stack deeper than max_stack"));
                }
                work.push((pc + 1, after));
            }
            if let Some((target, change)) = e.jump {
                let after = d + change as i64;
                if after > max {
                    return Err(self.fail(pc, "stack deeper than max_stack"));
                }
                work.push((target as usize, after));
            }
        }
        Ok(())
    }
}

#[cfg(all(test, feature = "compiler"))]
mod tests {
    use super::*;
    use crate::bytecode::Handler;

    fn compile(src: &str) -> CodeProto {
        crate::compiler::compile_module(src, "<t>").expect("compiles")
    }

    #[test]
    fn compiled_code_passes() {
        let code = compile(
            "import time\nclass A:\n    def f(self, *a, k=1, **kw):\n        try:\n            with open(1) as f:\n                return [x for x in a if x]\n        except (KeyError, OSError) as e:\n            raise ValueError from e\n        finally:\n            pass\ndef g():\n    x = yield 1\n    yield from range(x)\nfor i in range(3):\n    if i:\n        break\nelse:\n    print(f'{i!r:>{3}}')\n",
        );
        verify(&code).expect("the compiler's output verifies");
    }

    #[test]
    fn every_test_program_verifies() {
        extern crate std;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut checked = 0;
        for dir in ["tests/py", "conformance/scenarios", "examples", "bench"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "py") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                if let Ok(code) = crate::compiler::compile_module(&source, "<t>") {
                    if let Err(e) = verify(&code) {
                        panic!("{}: {e}", path.display());
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "only {checked} programs found");
    }

    #[test]
    fn stack_underflow_is_rejected() {
        let mut code = compile("x = 1\n");
        code.instrs.insert(0, Instr::Pop);
        let err = verify(&code).unwrap_err();
        assert_eq!(err.pc, 0);
        assert!(err.reason.contains("needs 1"));
    }

    #[test]
    fn bad_operands_are_rejected() {
        for bad in [
            Instr::LoadConst(99),
            Instr::LoadFast(99),
            Instr::Jump(999),
            Instr::Copy(0),
            Instr::LoadGlobal(42),
        ] {
            let mut code = compile("x = 1\n");
            code.instrs.insert(0, bad);
            assert!(verify(&code).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn falling_off_the_end_is_rejected() {
        let mut code = compile("x = 1\n");
        code.instrs.pop();
        assert!(verify(&code).unwrap_err().reason.contains("past the last"));
    }

    #[test]
    fn handlers_must_fit_the_code() {
        let mut code = compile("try:\n    x = 1\nexcept:\n    pass\n");
        code.handlers.push(Handler {
            start: 0,
            end: 1000,
            target: 0,
            depth: 0,
        });
        assert!(verify(&code).is_err());
        let mut code = compile("x = 1\n");
        code.handlers.push(Handler {
            start: 0,
            end: 1,
            target: 0,
            depth: 5,
        });
        assert!(verify(&code).is_err());
    }
}
