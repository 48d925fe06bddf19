//! The compiler on every program the parser accepts: never a panic; the
//! code it makes has jump targets and handlers inside the code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vm_core::bytecode::{CodeProto, Const, Instr};

fn check(code: &CodeProto) {
    let n = code.instrs.len() as u32;
    for i in &code.instrs {
        if let Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::YieldFrom(t) = i
        {
            assert!(*t <= n, "jump target {t} past the end ({n})");
        }
    }
    for h in &code.handlers {
        assert!(h.start < h.end && h.end <= n && h.target < n);
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            check(inner);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    if let Ok(module) = vm_core::parser::parse_module(&source) {
        if let Ok(code) = vm_core::compiler::compile(&module, "<fuzz>", false) {
            check(&code);
        }
    }
});
