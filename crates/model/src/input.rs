//! Checks on what people type into forms, shared by the app (as they type) and the data tool
//! (when it ingests submissions).

/// A mainland China mobile number: 11 digits starting with 1 and a second digit 3–9.
/// Spaces, dashes and a leading +86 are accepted, as people write them.
pub fn is_mainland_mobile(s: &str) -> bool {
    let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = digits.strip_prefix("+86").or_else(|| digits.strip_prefix("0086")).unwrap_or(&digits);
    digits.len() == 11
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.starts_with('1')
        && matches!(digits.as_bytes()[1], b'3'..=b'9')
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Length as people count it: characters, not bytes.
pub fn char_count(s: &str) -> usize {
    s.chars().count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextCheck {
    Ok,
    Empty,
    TooLong { count: usize, max: usize },
}

/// A required text of at most `max` characters (surrounding white space does not count).
pub fn check_text(s: &str, max: usize) -> TextCheck {
    let t = s.trim();
    if t.is_empty() {
        return TextCheck::Empty;
    }
    let count = char_count(t);
    if count > max { TextCheck::TooLong { count, max } } else { TextCheck::Ok }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert!(is_mainland_mobile("13812345678"));
        assert!(is_mainland_mobile("138 1234 5678"));
        assert!(is_mainland_mobile("+86 138-1234-5678"));
        assert!(!is_mainland_mobile("12812345678"));
        assert!(!is_mainland_mobile("1381234567"));
        assert!(!is_mainland_mobile("0478-8568761"));
        assert!(!is_mainland_mobile("1381234567a"));
    }

    #[test]
    fn emails() {
        assert!(is_email("bsrddbgw@163.com"));
        assert!(!is_email("bsrddbgw163.com"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@c.cn"));
        assert!(!is_email("@c.cn"));
    }

    #[test]
    fn texts() {
        assert_eq!(check_text("  ", 10), TextCheck::Empty);
        assert_eq!(check_text("路灯不亮", 4), TextCheck::Ok);
        assert_eq!(check_text("路灯不亮了", 4), TextCheck::TooLong { count: 5, max: 4 });
    }
}
