//! Receipt codes (查询码): twelve digits, the last a Damm check digit, so a mistyped digit or two
//! swapped neighbours are caught on the tracking page before any look-up.
//! Digits only, because older users read them aloud over the phone and type them on a keypad.
//! Codes are drawn on the user's device with no server to ask, so they need room: with eleven
//! random digits two devices share a code with 1% chance only after about 150,000 submissions
//! (nine digits would reach that at 4,500, a city's year of letters).

/// The Damm algorithm's quasigroup table of order 10.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

pub const CODE_LEN: usize = 12;

fn damm_digit(digits: &[u8]) -> u8 {
    digits.iter().fold(0u8, |interim, &d| DAMM[interim as usize][d as usize])
}

/// Make a receipt code from random bits (the caller supplies them: `crypto.getRandomValues`
/// in the browser, a seeded generator in the data tool).
pub fn code_from_entropy(entropy: u64) -> String {
    let mut digits = Vec::with_capacity(CODE_LEN);
    let mut n = entropy % 100_000_000_000;
    for _ in 0..CODE_LEN - 1 {
        digits.push((n % 10) as u8);
        n /= 10;
    }
    // Never start with 0: codes are sometimes pasted into spreadsheets, which drop leading zeros.
    if digits[0] == 0 {
        digits[0] = 1 + (entropy % 9) as u8;
    }
    let check = damm_digit(&digits);
    digits.push(check);
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Accept what people type: spaces, dashes and full-width digits are fine.
/// Returns the canonical twelve digits when the code is well formed and its check digit holds.
pub fn normalize(input: &str) -> Option<String> {
    let mut digits = Vec::new();
    for c in input.chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            '０'..='９' => digits.push((c as u32 - '０' as u32) as u8),
            ' ' | '-' | '　' | '－' => {}
            _ => return None,
        }
    }
    if digits.len() != CODE_LEN || damm_digit(&digits) != 0 {
        return None;
    }
    Some(digits.iter().map(|d| char::from(b'0' + d)).collect())
}

/// Shown grouped for reading aloud: "1234 5678 9012".
pub fn display(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 2);
    for (i, c) in code.chars().enumerate() {
        if i == 4 || i == 8 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_validate() {
        for e in [0u64, 1, 42, 999_999_999, u64::MAX, 1234567890123, 99_999_999_999] {
            let c = code_from_entropy(e);
            assert_eq!(c.len(), CODE_LEN);
            assert_ne!(c.as_bytes()[0], b'0');
            assert_eq!(normalize(&c).as_deref(), Some(c.as_str()), "{c}");
        }
    }

    #[test]
    fn catches_single_digit_errors_and_adjacent_swaps() {
        let c = code_from_entropy(987_654_321);
        let b: Vec<u8> = c.bytes().collect();
        for i in 0..CODE_LEN {
            for d in b'0'..=b'9' {
                if d == b[i] {
                    continue;
                }
                let mut m = b.clone();
                m[i] = d;
                assert!(normalize(std::str::from_utf8(&m).unwrap()).is_none());
            }
            if i + 1 < CODE_LEN && b[i] != b[i + 1] {
                let mut m = b.clone();
                m.swap(i, i + 1);
                assert!(normalize(std::str::from_utf8(&m).unwrap()).is_none());
            }
        }
    }

    #[test]
    fn accepts_spacing_and_fullwidth() {
        let c = code_from_entropy(5);
        let spaced = display(&c);
        assert_eq!(normalize(&spaced).as_deref(), Some(c.as_str()));
        let full: String = c.chars().map(|ch| char::from_u32(ch as u32 - '0' as u32 + '０' as u32).unwrap()).collect();
        assert_eq!(normalize(&full).as_deref(), Some(c.as_str()));
        assert!(normalize("12345").is_none());
        assert!(normalize("abcdefghij").is_none());
    }
}
