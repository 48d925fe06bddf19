//! Precompiled bytecode files (`.ebc`): a compact, versioned, checksummed
//! encoding of a [`CodeProto`], so a board can run scripts without the
//! compiler in flash.
//!
//! Layout: the magic `EBC\0`, a little-endian `u16` format version, the
//! encoded module code, and a trailing FNV-1a checksum (`u32`) of everything
//! before it. Integers inside are LEB128 varints. Reading checks the magic,
//! the version and the checksum, decodes with bounds checks everywhere, and
//! runs the [verifier](crate::verify) on the result, so a corrupted or
//! hand-made file is refused with an error and never reaches the
//! interpreter.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::{BinOp, CmpOp};
use crate::bytecode::{CodeFlags, CodeProto, Const, Handler, Instr};
use crate::verify::{VerifyError, verify};

/// The file magic.
pub const MAGIC: &[u8; 4] = b"EBC\0";
/// The format version this VM reads and writes.
pub const VERSION: u16 = 1;
/// Deepest nesting of code objects a file may hold.
const MAX_NESTING: u32 = 64;

/// Why a bytecode file was refused.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub enum EbcError {
    /// Not an emberpy bytecode file.
    #[error("not an emberpy bytecode file (bad magic)")]
    BadMagic,
    /// Written for another format version.
    #[error(
        "emberpy bytecode format version {found} is not supported (this VM reads version {VERSION})"
    )]
    Version {
        /// The file's version.
        found: u16,
    },
    /// The checksum does not match: the file is damaged.
    #[error("emberpy bytecode file is corrupted (checksum mismatch)")]
    Checksum,
    /// The content does not decode.
    #[error("emberpy bytecode file is corrupted: {0}")]
    Malformed(&'static str),
    /// The content decodes but is not valid code.
    #[error("{0}")]
    Invalid(#[from] VerifyError),
}

fn checksum(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= *b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Encode `code` as a bytecode file.
pub fn write(code: &CodeProto) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.0.extend_from_slice(MAGIC);
    w.0.extend_from_slice(&VERSION.to_le_bytes());
    w.code(code);
    let sum = checksum(&w.0);
    w.0.extend_from_slice(&sum.to_le_bytes());
    w.0
}

/// Decode and verify a bytecode file.
pub fn read(bytes: &[u8]) -> Result<CodeProto, EbcError> {
    if bytes.len() < 4 || &bytes[..4] != MAGIC {
        return Err(EbcError::BadMagic);
    }
    if bytes.len() < 10 {
        return Err(EbcError::Malformed("file too short"));
    }
    let found = u16::from_le_bytes([bytes[4], bytes[5]]);
    if found != VERSION {
        return Err(EbcError::Version { found });
    }
    let (body, tail) = bytes.split_at(bytes.len() - 4);
    let sum = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
    if checksum(body) != sum {
        return Err(EbcError::Checksum);
    }
    let mut r = Reader { bytes: body, at: 6 };
    let code = r.code(0)?;
    if r.at != body.len() {
        return Err(EbcError::Malformed("trailing bytes"));
    }
    verify(&code)?;
    Ok(code)
}

/// Whether `bytes` look like a bytecode file (by magic).
pub fn is_bytecode(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::BitAnd,
];

const CMPOPS: [CmpOp; 10] = [
    CmpOp::Eq,
    CmpOp::NotEq,
    CmpOp::Lt,
    CmpOp::LtE,
    CmpOp::Gt,
    CmpOp::GtE,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];

fn binop_index(op: BinOp) -> u32 {
    BINOPS.iter().position(|o| *o == op).unwrap_or(0) as u32
}

fn cmpop_index(op: CmpOp) -> u32 {
    CMPOPS.iter().position(|o| *o == op).unwrap_or(0) as u32
}

/// An instruction as (opcode, operand a, operand b).
fn encode(i: Instr) -> (u8, u32, u32) {
    use Instr::*;
    match i {
        Nop => (0, 0, 0),
        Pop => (1, 0, 0),
        Copy(n) => (2, n, 0),
        Swap(n) => (3, n, 0),
        LoadConst(n) => (4, n, 0),
        LoadInt(n) => (5, n as u32, 0),
        LoadFast(n) => (6, n, 0),
        StoreFast(n) => (7, n, 0),
        DeleteFast(n) => (8, n, 0),
        LoadDeref(n) => (9, n, 0),
        StoreDeref(n) => (10, n, 0),
        DeleteDeref(n) => (11, n, 0),
        LoadClosure(n) => (12, n, 0),
        LoadClassDeref(a, b) => (13, a, b),
        LoadGlobal(n) => (14, n, 0),
        StoreGlobal(n) => (15, n, 0),
        DeleteGlobal(n) => (16, n, 0),
        LoadName(n) => (17, n, 0),
        StoreName(n) => (18, n, 0),
        DeleteName(n) => (19, n, 0),
        LoadAttr(n) => (20, n, 0),
        StoreAttr(n) => (21, n, 0),
        DeleteAttr(n) => (22, n, 0),
        LoadMethod(n) => (23, n, 0),
        Call(n) => (24, n, 0),
        CallKw(n) => (25, n, 0),
        CallMethod(n) => (26, n, 0),
        CallEx(n) => (27, n, 0),
        BinaryOp(op) => (28, binop_index(op), 0),
        InplaceOp(op) => (29, binop_index(op), 0),
        UnaryNeg => (30, 0, 0),
        UnaryPos => (31, 0, 0),
        UnaryInvert => (32, 0, 0),
        UnaryNot => (33, 0, 0),
        Compare(op) => (34, cmpop_index(op), 0),
        Is(b) => (35, b as u32, 0),
        Contains(b) => (36, b as u32, 0),
        Subscr => (37, 0, 0),
        StoreSubscr => (38, 0, 0),
        DeleteSubscr => (39, 0, 0),
        BuildSlice(n) => (40, n, 0),
        Jump(n) => (41, n, 0),
        PopJumpIfFalse(n) => (42, n, 0),
        PopJumpIfTrue(n) => (43, n, 0),
        JumpIfFalseOrPop(n) => (44, n, 0),
        JumpIfTrueOrPop(n) => (45, n, 0),
        GetIter => (46, 0, 0),
        ForIter(n) => (47, n, 0),
        BuildTuple(n) => (48, n, 0),
        BuildList(n) => (49, n, 0),
        BuildSet(n) => (50, n, 0),
        BuildMap(n) => (51, n, 0),
        BuildString(n) => (52, n, 0),
        FormatValue(n) => (53, n, 0),
        ListAppend(n) => (54, n, 0),
        SetAdd(n) => (55, n, 0),
        MapAdd(n) => (56, n, 0),
        ListExtend(n) => (57, n, 0),
        SetUpdate(n) => (58, n, 0),
        DictUpdate(n) => (59, n, 0),
        DictMerge(n) => (60, n, 0),
        ListToTuple => (61, 0, 0),
        UnpackSequence(n) => (62, n, 0),
        UnpackEx(a, b) => (63, a, b),
        MakeFunction(a, b) => (64, a, b),
        BuildClass => (65, 0, 0),
        Return => (66, 0, 0),
        Yield => (67, 0, 0),
        GetYieldFromIter => (68, 0, 0),
        YieldFrom(n) => (69, n, 0),
        Raise(n) => (70, n, 0),
        Reraise => (71, 0, 0),
        PushExcInfo => (72, 0, 0),
        PopExcept => (73, 0, 0),
        CheckExcMatch => (74, 0, 0),
        LoadAssertionError => (75, 0, 0),
        BeforeWith => (76, 0, 0),
        WithExceptStart => (77, 0, 0),
        ImportName(n) => (78, n, 0),
        ImportFrom(n) => (79, n, 0),
        ImportStar => (80, 0, 0),
        PrintExpr => (81, 0, 0),
    }
}

/// The instruction for (opcode, a, b), if the opcode exists.
fn decode(op: u8, a: u32, b: u32) -> Option<Instr> {
    use Instr::*;
    let bin = || BINOPS.get(a as usize).copied();
    let cmp = || CMPOPS.get(a as usize).copied();
    Some(match op {
        0 => Nop,
        1 => Pop,
        2 => Copy(a),
        3 => Swap(a),
        4 => LoadConst(a),
        5 => LoadInt(a as i32),
        6 => LoadFast(a),
        7 => StoreFast(a),
        8 => DeleteFast(a),
        9 => LoadDeref(a),
        10 => StoreDeref(a),
        11 => DeleteDeref(a),
        12 => LoadClosure(a),
        13 => LoadClassDeref(a, b),
        14 => LoadGlobal(a),
        15 => StoreGlobal(a),
        16 => DeleteGlobal(a),
        17 => LoadName(a),
        18 => StoreName(a),
        19 => DeleteName(a),
        20 => LoadAttr(a),
        21 => StoreAttr(a),
        22 => DeleteAttr(a),
        23 => LoadMethod(a),
        24 => Call(a),
        25 => CallKw(a),
        26 => CallMethod(a),
        27 => CallEx(a),
        28 => BinaryOp(bin()?),
        29 => InplaceOp(bin()?),
        30 => UnaryNeg,
        31 => UnaryPos,
        32 => UnaryInvert,
        33 => UnaryNot,
        34 => Compare(cmp()?),
        35 => Is(a != 0),
        36 => Contains(a != 0),
        37 => Subscr,
        38 => StoreSubscr,
        39 => DeleteSubscr,
        40 => BuildSlice(a),
        41 => Jump(a),
        42 => PopJumpIfFalse(a),
        43 => PopJumpIfTrue(a),
        44 => JumpIfFalseOrPop(a),
        45 => JumpIfTrueOrPop(a),
        46 => GetIter,
        47 => ForIter(a),
        48 => BuildTuple(a),
        49 => BuildList(a),
        50 => BuildSet(a),
        51 => BuildMap(a),
        52 => BuildString(a),
        53 => FormatValue(a),
        54 => ListAppend(a),
        55 => SetAdd(a),
        56 => MapAdd(a),
        57 => ListExtend(a),
        58 => SetUpdate(a),
        59 => DictUpdate(a),
        60 => DictMerge(a),
        61 => ListToTuple,
        62 => UnpackSequence(a),
        63 => UnpackEx(a, b),
        64 => MakeFunction(a, b),
        65 => BuildClass,
        66 => Return,
        67 => Yield,
        68 => GetYieldFromIter,
        69 => YieldFrom(a),
        70 => Raise(a),
        71 => Reraise,
        72 => PushExcInfo,
        73 => PopExcept,
        74 => CheckExcMatch,
        75 => LoadAssertionError,
        76 => BeforeWith,
        77 => WithExceptStart,
        78 => ImportName(a),
        79 => ImportFrom(a),
        80 => ImportStar,
        81 => PrintExpr,
        _ => return None,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.0.extend_from_slice(b);
    }

    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn strs(&mut self, list: &[String]) {
        self.uint(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }

    fn konst(&mut self, c: &Const) {
        match c {
            Const::None => self.0.push(0),
            Const::Bool(b) => self.0.push(1 + *b as u8),
            Const::Ellipsis => self.0.push(3),
            Const::Int(i) => {
                self.0.push(4);
                self.int(*i);
            }
            Const::BigInt(s) => {
                self.0.push(5);
                self.str(s);
            }
            Const::Float(f) => {
                self.0.push(6);
                self.0.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Const::Str(s) => {
                self.0.push(7);
                self.str(s);
            }
            Const::Bytes(b) => {
                self.0.push(8);
                self.bytes(b);
            }
            Const::Tuple(items) => {
                self.0.push(9);
                self.uint(items.len() as u64);
                for i in items {
                    self.konst(i);
                }
            }
            Const::Code(code) => {
                self.0.push(10);
                self.code(code);
            }
        }
    }

    fn code(&mut self, c: &CodeProto) {
        self.str(&c.name);
        self.str(&c.qualname);
        self.str(&c.filename);
        self.uint(c.first_line as u64);
        self.uint(c.instrs.len() as u64);
        for i in &c.instrs {
            let (op, a, b) = encode(*i);
            self.0.push(op);
            self.uint(a as u64);
            self.uint(b as u64);
        }
        self.uint(c.consts.len() as u64);
        for k in &c.consts {
            self.konst(k);
        }
        self.strs(&c.names);
        self.strs(&c.local_names);
        for v in [c.argcount, c.posonlyargcount, c.kwonlyargcount] {
            self.uint(v as u64);
        }
        self.uint(c.cells.len() as u64);
        for (slot, arg) in &c.cells {
            self.uint(*slot as u64);
            self.uint(arg.map_or(0, |a| a as u64 + 1));
        }
        self.uint(c.first_free as u64);
        self.uint(c.max_stack as u64);
        let f = c.flags;
        let bits = [
            f.varargs,
            f.varkeywords,
            f.generator,
            f.class_body,
            f.module,
            f.docstring,
        ]
        .iter()
        .enumerate()
        .fold(0u64, |acc, (i, b)| acc | ((*b as u64) << i));
        self.uint(bits);
        self.uint(c.handlers.len() as u64);
        for h in &c.handlers {
            for v in [h.start, h.end, h.target, h.depth] {
                self.uint(v as u64);
            }
        }
        self.uint(c.lines.len() as u64);
        for (pc, line) in &c.lines {
            self.uint(*pc as u64);
            self.uint(*line as u64);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

type R<T> = Result<T, EbcError>;

impl Reader<'_> {
    fn byte(&mut self) -> R<u8> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or(EbcError::Malformed("unexpected end of data"))?;
        self.at += 1;
        Ok(b)
    }

    fn uint(&mut self) -> R<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(EbcError::Malformed("integer too long"))
    }

    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.uint()?).map_err(|_| EbcError::Malformed("number out of range"))
    }

    /// A count of items each taking at least one byte (bounded by what is
    /// left, so a corrupted count cannot reserve huge buffers).
    fn count(&mut self) -> R<usize> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(EbcError::Malformed("count larger than the file"));
        }
        Ok(n as usize)
    }

    fn int(&mut self) -> R<i64> {
        let v = self.uint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn bytes(&mut self) -> R<Vec<u8>> {
        let n = self.count()?;
        let b = self.bytes[self.at..self.at + n].to_vec();
        self.at += n;
        Ok(b)
    }

    fn str(&mut self) -> R<String> {
        String::from_utf8(self.bytes()?).map_err(|_| EbcError::Malformed("invalid UTF-8"))
    }

    fn strs(&mut self) -> R<Vec<String>> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect()
    }

    fn konst(&mut self, depth: u32) -> R<Const> {
        Ok(match self.byte()? {
            0 => Const::None,
            1 => Const::Bool(false),
            2 => Const::Bool(true),
            3 => Const::Ellipsis,
            4 => Const::Int(self.int()?),
            5 => {
                let s = self.str()?;
                let digits = s.strip_prefix('-').unwrap_or(&s);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(EbcError::Malformed("bad integer constant"));
                }
                Const::BigInt(s)
            }
            6 => {
                let mut b = [0u8; 8];
                for x in &mut b {
                    *x = self.byte()?;
                }
                Const::Float(f64::from_bits(u64::from_le_bytes(b)))
            }
            7 => Const::Str(self.str()?),
            8 => Const::Bytes(self.bytes()?),
            9 => {
                if depth > MAX_NESTING {
                    return Err(EbcError::Malformed("constants nested too deeply"));
                }
                let n = self.count()?;
                Const::Tuple((0..n).map(|_| self.konst(depth + 1)).collect::<R<_>>()?)
            }
            10 => Const::Code(Box::new(self.code(depth + 1)?)),
            _ => return Err(EbcError::Malformed("unknown constant kind")),
        })
    }

    fn code(&mut self, depth: u32) -> R<CodeProto> {
        if depth > MAX_NESTING {
            return Err(EbcError::Malformed("code nested too deeply"));
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let filename = self.str()?;
        let first_line = self.u32()?;
        let n = self.count()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op = self.byte()?;
            let (a, b) = (self.u32()?, self.u32()?);
            instrs.push(decode(op, a, b).ok_or(EbcError::Malformed("unknown opcode"))?);
        }
        let n = self.count()?;
        let consts = (0..n).map(|_| self.konst(depth)).collect::<R<Vec<_>>>()?;
        let names = self.strs()?;
        let local_names = self.strs()?;
        let (argcount, posonlyargcount, kwonlyargcount) = (self.u32()?, self.u32()?, self.u32()?);
        let n = self.count()?;
        let mut cells = Vec::with_capacity(n);
        for _ in 0..n {
            let slot = self.u32()?;
            let arg = self.u32()?;
            cells.push((slot, arg.checked_sub(1)));
        }
        let first_free = self.u32()?;
        let max_stack = self.u32()?;
        let bits = self.uint()?;
        let bit = |i: u32| bits & (1 << i) != 0;
        let flags = CodeFlags {
            varargs: bit(0),
            varkeywords: bit(1),
            generator: bit(2),
            class_body: bit(3),
            module: bit(4),
            docstring: bit(5),
        };
        let n = self.count()?;
        let mut handlers = Vec::with_capacity(n);
        for _ in 0..n {
            handlers.push(Handler {
                start: self.u32()?,
                end: self.u32()?,
                target: self.u32()?,
                depth: self.u32()?,
            });
        }
        let n = self.count()?;
        let mut lines = Vec::with_capacity(n);
        for _ in 0..n {
            lines.push((self.u32()?, self.u32()?));
        }
        Ok(CodeProto {
            name,
            qualname,
            filename,
            first_line,
            instrs,
            consts,
            names,
            local_names,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            cells,
            first_free,
            max_stack,
            flags,
            handlers,
            lines,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_opcode_round_trips() {
        for op in 0..=255u8 {
            for (a, b) in [(0, 0), (1, 2), (7, 3)] {
                if let Some(i) = decode(op, a, b) {
                    let (op2, a2, b2) = encode(i);
                    assert_eq!(decode(op2, a2, b2), Some(i));
                    assert_eq!(op2, op);
                }
            }
        }
        assert!(decode(82, 0, 0).is_none());
    }

    #[cfg(feature = "compiler")]
    #[test]
    fn compiled_code_round_trips_and_damage_is_refused() {
        let src = "def f(a, *b, c=2, **d):\n    return [x * 2 for x in b]\nclass K:\n    'doc'\n    z = 10 ** 30\nprint(f(1, 2, 3), K.z, b'\\x00', 1.5, (1, ('a',)), ...)\n";
        let code = crate::compiler::compile_module(src, "t.py").unwrap();
        let bytes = write(&code);
        assert!(is_bytecode(&bytes));
        assert_eq!(read(&bytes).unwrap(), code);
        // Every single-byte change is refused cleanly.
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x41;
            assert!(read(&bad).is_err(), "byte {i} accepted");
        }
        // So is every truncation.
        for n in 0..bytes.len() {
            assert!(read(&bytes[..n]).is_err());
        }
        let mut future = bytes.clone();
        future[4] = 9;
        assert_eq!(read(&future), Err(EbcError::Version { found: 9 }));
        assert_eq!(read(b"#!/usr/bin/env python"), Err(EbcError::BadMagic));
    }

    #[test]
    fn a_valid_checksum_over_garbage_is_still_refused() {
        let mut body = Vec::from(&MAGIC[..]);
        body.extend_from_slice(&VERSION.to_le_bytes());
        body.extend_from_slice(&[0xff; 40]);
        let sum = checksum(&body);
        body.extend_from_slice(&sum.to_le_bytes());
        assert!(read(&body).is_err());
    }
}
