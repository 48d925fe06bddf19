//! Unicode character properties the `str` methods need beyond what `core`
//! offers: decimal digits and their values, digits and numerics, printable
//! characters, title case and case folding.
//!
//! The tables are generated from CPython 3.11's `unicodedata` (Unicode
//! 14.0). Letters, case mappings and white space come from `core`, whose
//! tables agree with CPython's except for characters assigned after
//! Unicode 14 and for `isalpha`, where `core` also counts the combining
//! vowel signs of the Other_Alphabetic property (see DIFFERENCES.md).

/// First code point (the digit zero) of each run of ten decimal digits
/// (general category Nd).
static DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Digits that are not decimal digits (superscripts, circled digits…).
static DIGIT_EXTRA: &[(u32, u32)] = &[
    (0xb2, 0xb3),
    (0xb9, 0xb9),
    (0x1369, 0x1371),
    (0x19da, 0x19da),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247c),
    (0x2488, 0x2490),
    (0x24ea, 0x24ea),
    (0x24f5, 0x24fd),
    (0x24ff, 0x24ff),
    (0x2776, 0x277e),
    (0x2780, 0x2788),
    (0x278a, 0x2792),
    (0x10a40, 0x10a43),
    (0x10e60, 0x10e68),
    (0x11052, 0x1105a),
    (0x1f100, 0x1f10a),
];

/// Numeric characters that are not digits (fractions, numerals, CJK…).
static NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0xbc, 0xbe),
    (0x9f4, 0x9f9),
    (0xb72, 0xb77),
    (0xbf0, 0xbf2),
    (0xc78, 0xc7e),
    (0xd58, 0xd5e),
    (0xd70, 0xd78),
    (0xf2a, 0xf33),
    (0x1372, 0x137c),
    (0x16ee, 0x16f0),
    (0x17f0, 0x17f9),
    (0x2150, 0x2182),
    (0x2185, 0x2189),
    (0x2469, 0x2473),
    (0x247d, 0x2487),
    (0x2491, 0x249b),
    (0x24eb, 0x24f4),
    (0x24fe, 0x24fe),
    (0x277f, 0x277f),
    (0x2789, 0x2789),
    (0x2793, 0x2793),
    (0x2cfd, 0x2cfd),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303a),
    (0x3192, 0x3195),
    (0x3220, 0x3229),
    (0x3248, 0x324f),
    (0x3251, 0x325f),
    (0x3280, 0x3289),
    (0x32b1, 0x32bf),
    (0x3405, 0x3405),
    (0x3483, 0x3483),
    (0x382a, 0x382a),
    (0x3b4d, 0x3b4d),
    (0x4e00, 0x4e00),
    (0x4e03, 0x4e03),
    (0x4e07, 0x4e07),
    (0x4e09, 0x4e09),
    (0x4e5d, 0x4e5d),
    (0x4e8c, 0x4e8c),
    (0x4e94, 0x4e94),
    (0x4e96, 0x4e96),
    (0x4ebf, 0x4ec0),
    (0x4edf, 0x4edf),
    (0x4ee8, 0x4ee8),
    (0x4f0d, 0x4f0d),
    (0x4f70, 0x4f70),
    (0x5104, 0x5104),
    (0x5146, 0x5146),
    (0x5169, 0x5169),
    (0x516b, 0x516b),
    (0x516d, 0x516d),
    (0x5341, 0x5341),
    (0x5343, 0x5345),
    (0x534c, 0x534c),
    (0x53c1, 0x53c4),
    (0x56db, 0x56db),
    (0x58f1, 0x58f1),
    (0x58f9, 0x58f9),
    (0x5e7a, 0x5e7a),
    (0x5efe, 0x5eff),
    (0x5f0c, 0x5f0e),
    (0x5f10, 0x5f10),
    (0x62fe, 0x62fe),
    (0x634c, 0x634c),
    (0x67d2, 0x67d2),
    (0x6f06, 0x6f06),
    (0x7396, 0x7396),
    (0x767e, 0x767e),
    (0x8086, 0x8086),
    (0x842c, 0x842c),
    (0x8cae, 0x8cae),
    (0x8cb3, 0x8cb3),
    (0x8d30, 0x8d30),
    (0x9621, 0x9621),
    (0x9646, 0x9646),
    (0x964c, 0x964c),
    (0x9678, 0x9678),
    (0x96f6, 0x96f6),
    (0xa6e6, 0xa6ef),
    (0xa830, 0xa835),
    (0xf96b, 0xf96b),
    (0xf973, 0xf973),
    (0xf978, 0xf978),
    (0xf9b2, 0xf9b2),
    (0xf9d1, 0xf9d1),
    (0xf9d3, 0xf9d3),
    (0xf9fd, 0xf9fd),
    (0x10107, 0x10133),
    (0x10140, 0x10178),
    (0x1018a, 0x1018b),
    (0x102e1, 0x102fb),
    (0x10320, 0x10323),
    (0x10341, 0x10341),
    (0x1034a, 0x1034a),
    (0x103d1, 0x103d5),
    (0x10858, 0x1085f),
    (0x10879, 0x1087f),
    (0x108a7, 0x108af),
    (0x108fb, 0x108ff),
    (0x10916, 0x1091b),
    (0x109bc, 0x109bd),
    (0x109c0, 0x109cf),
    (0x109d2, 0x109ff),
    (0x10a44, 0x10a48),
    (0x10a7d, 0x10a7e),
    (0x10a9d, 0x10a9f),
    (0x10aeb, 0x10aef),
    (0x10b58, 0x10b5f),
    (0x10b78, 0x10b7f),
    (0x10ba9, 0x10baf),
    (0x10cfa, 0x10cff),
    (0x10e69, 0x10e7e),
    (0x10f1d, 0x10f26),
    (0x10f51, 0x10f54),
    (0x10fc5, 0x10fcb),
    (0x1105b, 0x11065),
    (0x111e1, 0x111f4),
    (0x1173a, 0x1173b),
    (0x118ea, 0x118f2),
    (0x11c5a, 0x11c6c),
    (0x11fc0, 0x11fd4),
    (0x12400, 0x1246e),
    (0x16b5b, 0x16b61),
    (0x16e80, 0x16e96),
    (0x1d2e0, 0x1d2f3),
    (0x1d360, 0x1d378),
    (0x1e8c7, 0x1e8cf),
    (0x1ec71, 0x1ecab),
    (0x1ecad, 0x1ecaf),
    (0x1ecb1, 0x1ecb4),
    (0x1ed01, 0x1ed2d),
    (0x1ed2f, 0x1ed3d),
    (0x1f10b, 0x1f10c),
    (0x20001, 0x20001),
    (0x20064, 0x20064),
    (0x200e2, 0x200e2),
    (0x20121, 0x20121),
    (0x2092a, 0x2092a),
    (0x20983, 0x20983),
    (0x2098c, 0x2098c),
    (0x2099c, 0x2099c),
    (0x20aea, 0x20aea),
    (0x20afd, 0x20afd),
    (0x20b19, 0x20b19),
    (0x22390, 0x22390),
    (0x22998, 0x22998),
    (0x23b1b, 0x23b1b),
    (0x2626d, 0x2626d),
    (0x2f890, 0x2f890),
];

/// Assigned characters `str.isprintable` rejects (unassigned ones are not listed).
static NOT_PRINTABLE: &[(u32, u32)] = &[
    (0x0, 0x1f),
    (0x7f, 0xa0),
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x1680, 0x1680),
    (0x180e, 0x180e),
    (0x2000, 0x200f),
    (0x2028, 0x202f),
    (0x205f, 0x2064),
    (0x2066, 0x206f),
    (0x3000, 0x3000),
    (0xd800, 0xf8ff),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x13438),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
    (0xf0000, 0xffffd),
    (0x100000, 0x10fffd),
];

/// Characters whose title case is several characters and differs from
/// their upper case.
static TITLE_MULTI: &[(char, &str)] = &[
    ('\u{df}', "\u{53}\u{73}"),
    ('\u{587}', "\u{535}\u{582}"),
    ('\u{1fb2}', "\u{1fba}\u{345}"),
    ('\u{1fb4}', "\u{386}\u{345}"),
    ('\u{1fb7}', "\u{391}\u{342}\u{345}"),
    ('\u{1fc2}', "\u{1fca}\u{345}"),
    ('\u{1fc4}', "\u{389}\u{345}"),
    ('\u{1fc7}', "\u{397}\u{342}\u{345}"),
    ('\u{1ff2}', "\u{1ffa}\u{345}"),
    ('\u{1ff4}', "\u{38f}\u{345}"),
    ('\u{1ff7}', "\u{3a9}\u{342}\u{345}"),
    ('\u{fb00}', "\u{46}\u{66}"),
    ('\u{fb01}', "\u{46}\u{69}"),
    ('\u{fb02}', "\u{46}\u{6c}"),
    ('\u{fb03}', "\u{46}\u{66}\u{69}"),
    ('\u{fb04}', "\u{46}\u{66}\u{6c}"),
    ('\u{fb05}', "\u{53}\u{74}"),
    ('\u{fb06}', "\u{53}\u{74}"),
    ('\u{fb13}', "\u{544}\u{576}"),
    ('\u{fb14}', "\u{544}\u{565}"),
    ('\u{fb15}', "\u{544}\u{56b}"),
    ('\u{fb16}', "\u{54e}\u{576}"),
    ('\u{fb17}', "\u{544}\u{56d}"),
];

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = table.partition_point(|&(lo, _)| lo <= c);
    i > 0 && c <= table[i - 1].1
}

/// The value of a decimal digit of any script (`'٣'` is 3).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// `str.isdecimal` for one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character.
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || in_ranges(DIGIT_EXTRA, c)
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    is_digit(c) || in_ranges(NUMERIC_EXTRA, c)
}

/// `str.isalpha` for one character (letters; not letter-like numerals).
pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isspace` for one character (also what `split()` splits on).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `str.isprintable` for one character (also what `repr` leaves
/// unescaped).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(NOT_PRINTABLE, c)
}

/// Whether `c` is a title-case letter (general category Lt).
pub fn is_title(c: char) -> bool {
    matches!(c as u32,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf
        | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// Whether `c` has case (upper, lower or title).
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_title(c)
}

/// Append the title case of `c`.
pub fn push_title(out: &mut alloc::string::String, c: char) {
    let n = c as u32;
    let single = match n {
        0x10d0..=0x10ff => Some(n),
        0x1c4..=0x1c6 => Some(0x1c5),
        0x1c7..=0x1c9 => Some(0x1c8),
        0x1ca..=0x1cc => Some(0x1cb),
        0x1f1..=0x1f3 => Some(0x1f2),
        0x1f80..=0x1faf => Some(n | 0x8),
        0x1fb3 | 0x1fbc => Some(0x1fbc),
        0x1fc3 | 0x1fcc => Some(0x1fcc),
        0x1ff3 | 0x1ffc => Some(0x1ffc),
        _ => None,
    };
    if let Some(t) = single.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    match TITLE_MULTI.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.push_str(TITLE_MULTI[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

/// Append the case folding of `c` (`str.casefold`).
pub fn push_casefold(out: &mut alloc::string::String, c: char) {
    match c as u32 {
        0x131 => out.push(c),
        0x1e9e => out.push_str("ss"),
        0x13a0..=0x13ff | 0xab70..=0xabbf => out.extend(c.to_uppercase()),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => {
            for u in c.to_uppercase() {
                out.extend(u.to_lowercase());
            }
        }
    }
}

/// Whether `c` may start an identifier.
pub fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Whether `c` may continue an identifier.
pub fn is_id_continue(c: char) -> bool {
    is_id_start(c) || is_decimal(c) || c == '\u{b7}' || c == '\u{203f}' || c == '\u{2040}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_digits_of_other_scripts() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('１'), Some(1));
        assert_eq!(decimal_value('²'), None);
        assert!(is_digit('²') && !is_decimal('²'));
        assert!(is_numeric('½') && !is_digit('½'));
        assert!(is_numeric('一') && is_alpha('一'));
        assert!(!is_alpha('Ⅻ') && is_numeric('Ⅻ'));
    }

    #[test]
    fn tables_are_sorted() {
        assert!(DECIMAL_ZEROS.windows(2).all(|w| w[0] < w[1]));
        for t in [DIGIT_EXTRA, NUMERIC_EXTRA, NOT_PRINTABLE] {
            assert!(t.windows(2).all(|w| w[0].1 < w[1].0));
        }
        assert!(TITLE_MULTI.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn printable_and_space() {
        assert!(is_printable('é') && !is_printable('\u{200b}') && !is_printable('\x7f'));
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200b}'));
    }

    #[test]
    fn title_and_casefold() {
        let mut s = alloc::string::String::new();
        for c in ['ǆ', 'ß', 'ﬁ', 'a', 'ა'] {
            push_title(&mut s, c);
        }
        assert_eq!(s, "ǅSsFiAა");
        s.clear();
        for c in ['ß', 'Σ', 'ı', 'K'] {
            push_casefold(&mut s, c);
        }
        assert_eq!(s, "ssσık");
    }
}
