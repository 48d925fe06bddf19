//! The bytecode-file loader on arbitrary bytes, and on valid files with
//! bytes changed: refused with an error or verified, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vm_core::ebc;

fuzz_target!(|data: &[u8]| {
    let _ = ebc::read(data);
    // The same bytes with a correct header and checksum, so the decoder
    // and the verifier see them too.
    let mut file = Vec::from(&ebc::MAGIC[..]);
    file.extend_from_slice(&ebc::VERSION.to_le_bytes());
    file.extend_from_slice(data);
    let mut sum: u32 = 0x811c_9dc5;
    for b in &file {
        sum ^= *b as u32;
        sum = sum.wrapping_mul(0x0100_0193);
    }
    file.extend_from_slice(&sum.to_le_bytes());
    let _ = ebc::read(&file);
});
