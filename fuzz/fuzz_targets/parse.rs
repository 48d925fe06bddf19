//! The tokenizer and parser on arbitrary bytes: never a panic, never a
//! native stack overflow; every failure is a `SyntaxError` with a position
//! inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    if let Err(e) = vm_core::parser::parse_module(&source) {
        assert!(e.line >= 1);
        assert!(!e.msg.is_empty());
    }
});
