//! Dates and times as the site shows them: `YYYY-MM-DD` and `YYYY-MM-DD HH:MM`, in
//! Asia/Shanghai. China has used one offset, UTC+8, with no daylight saving since 1991, so a
//! fixed offset is exact for every date the site shows and spares the wasm a time-zone database.
//!
//! Parsing and formatting are written by hand for the few fixed layouts the site uses rather
//! than with `time`'s format descriptions: those pull a general parser and formatter (~35 KB)
//! into the app's wasm. The tests check the results against `time`'s own implementation.

use time::macros::offset;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

pub const SHANGHAI: UtcOffset = offset!(+8);

/// Parse an RFC 3339 timestamp (any offset): `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`,
/// `T` (or a space, as `time` allows) and `Z` in either case. A leap second (`:60`) is not accepted.
pub fn parse_timestamp(s: &str) -> Option<OffsetDateTime> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = date_at(b)?;
    let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    // The fraction: one or more digits; only the first nine (nanoseconds) count.
    let mut at = 19;
    let mut nanos = 0;
    if b[at] == b'.' {
        let start = at + 1;
        at = start;
        while at < b.len() && b[at].is_ascii_digit() {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        nanos *= 10u32.pow(9u32.saturating_sub((at - start) as u32));
    }
    let offset = match &b[at..] {
        [b'Z' | b'z'] => UtcOffset::UTC,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (digits(b, at + 1, 2)?, digits(b, at + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let (h, m) = if *sign == b'-' { (-(h as i8), -(m as i8)) } else { (h as i8, m as i8) };
            UtcOffset::from_hms(h, m, 0).ok()?
        }
        _ => return None,
    };
    let time = Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// Parse a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 {
        return None;
    }
    date_at(b)
}

/// `YYYY-MM-DD HH:MM` in Asia/Shanghai.
pub fn format_date_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(SHANGHAI);
    let mut out = String::with_capacity(16);
    push_date(&mut out, t.date());
    out.push(' ');
    push2(&mut out, t.hour());
    out.push(':');
    push2(&mut out, t.minute());
    out
}

pub fn format_date(d: Date) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, d);
    out
}

/// A timestamp string as shown to people; the input unchanged if it is not RFC 3339.
pub fn show_timestamp(s: &str) -> String {
    parse_timestamp(s).map(format_date_time).unwrap_or_else(|| s.to_string())
}

/// RFC 3339 in Asia/Shanghai, as the data and the outbox store it: seconds always, a fraction
/// only when there is one (without trailing zeros). Empty for a year outside 0000–9999, which
/// RFC 3339 cannot express.
pub fn to_rfc3339(t: OffsetDateTime) -> String {
    let t = t.to_offset(SHANGHAI);
    if !(0..=9999).contains(&t.year()) {
        return String::new();
    }
    let mut out = String::with_capacity(32);
    push_date(&mut out, t.date());
    out.push('T');
    push2(&mut out, t.hour());
    out.push(':');
    push2(&mut out, t.minute());
    out.push(':');
    push2(&mut out, t.second());
    let mut nanos = t.nanosecond();
    if nanos != 0 {
        out.push('.');
        let mut width = 9;
        while nanos.is_multiple_of(10) {
            nanos /= 10;
            width -= 1;
        }
        push_padded(&mut out, nanos, width);
    }
    out.push_str("+08:00");
    out
}

/// From milliseconds since the Unix epoch (what `Date.now()` gives).
pub fn from_unix_millis(ms: f64) -> OffsetDateTime {
    let nanos = (ms as i128) * 1_000_000;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The calendar date in Asia/Shanghai of an instant.
pub fn shanghai_date(t: OffsetDateTime) -> Date {
    t.to_offset(SHANGHAI).date()
}

/// The `n` ASCII digits at `at` as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    b.get(at..at + n)?.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

/// The `YYYY-MM-DD` date at the start of `b`, if it is a real calendar date.
fn date_at(b: &[u8]) -> Option<Date> {
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = Month::try_from(digits(b, 5, 2)? as u8).ok()?;
    Date::from_calendar_date(digits(b, 0, 4)? as i32, month, digits(b, 8, 2)? as u8).ok()
}

fn push_date(out: &mut String, d: Date) {
    let year = d.year();
    if year < 0 {
        out.push('-');
    }
    push_padded(out, year.unsigned_abs(), 4);
    out.push('-');
    push2(out, d.month() as u8);
    out.push('-');
    push2(out, d.day());
}

fn push2(out: &mut String, n: u8) {
    push_padded(out, u32::from(n), 2);
}

/// `n` in decimal, zero-padded to at least `width` digits.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut i = buf.len();
    let mut n = n;
    while n > 0 || i == buf.len() {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let start = i.min(buf.len() - width.min(buf.len()));
    buf[start..].iter().for_each(|&c| out.push(c as char));
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::format_description::well_known::Rfc3339;
    use time::macros::format_description;

    #[test]
    fn shows_shanghai_time() {
        // 16:30 UTC is 00:30 the next day in Shanghai.
        assert_eq!(show_timestamp("2025-07-09T16:30:00Z"), "2025-07-10 00:30");
        assert_eq!(show_timestamp("2025-07-10T08:05:00+08:00"), "2025-07-10 08:05");
        assert_eq!(show_timestamp("not a time"), "not a time");
    }

    #[test]
    fn date_round_trip_and_day_boundary() {
        let d = parse_date("2025-02-28").unwrap();
        assert_eq!(format_date(d), "2025-02-28");
        assert!(parse_date("2025-02-30").is_none());
        let t = parse_timestamp("2025-12-31T17:00:00Z").unwrap();
        assert_eq!(format_date(shanghai_date(t)), "2026-01-01");
    }

    #[test]
    fn millis() {
        let t = from_unix_millis(1_751_328_000_000.0); // 2025-07-01T00:00:00Z
        assert_eq!(format_date_time(t), "2025-07-01 08:00");
        assert_eq!(to_rfc3339(t), "2025-07-01T08:00:00+08:00");
        assert_eq!(to_rfc3339(from_unix_millis(1_751_328_000_120.0)), "2025-07-01T08:00:00.12+08:00");
    }

    /// The hand-written code agrees with `time`'s format descriptions, which it replaces.
    #[test]
    fn agrees_with_time() {
        let date = format_description!("[year]-[month]-[day]");
        let date_time = format_description!("[year]-[month]-[day] [hour]:[minute]");
        for s in [
            "2025-07-01",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-01-32",
            "0001-01-01",
            "9999-12-31",
            "2025-7-01",
            "2025-07-1",
            "2025/07/01",
            "2025-07-01 ",
            "x025-07-01",
            "",
            "2025-07-0a",
        ] {
            assert_eq!(parse_date(s), Date::parse(s, date).ok(), "{s}");
        }
        for s in [
            "2025-07-09T16:30:00Z",
            "2025-07-09t16:30:00z",
            "2025-07-10T08:05:00+08:00",
            "2025-07-10T08:05:00-05:30",
            "2025-07-10T08:05:00.5+08:00",
            "2025-07-10T08:05:00.123456789+08:00",
            "2025-07-10T08:05:00.1234567891Z",
            "2025-07-10T08:05:00.Z",
            "2025-07-10T24:00:00Z",
            "2025-07-10T23:60:00Z",
            "2025-07-10T08:05:00+24:00",
            "2025-07-10T08:05:00+08:60",
            "2025-07-10T08:05:00+0800",
            "2025-07-10T08:05:00",
            "2025-07-10 08:05:00Z",
            "2025-02-30T08:05:00Z",
            "2025-07-10T08:05Z",
            "2025-07-10T08:05:00Z ",
            "not a time",
        ] {
            let ours = parse_timestamp(s);
            assert_eq!(ours, OffsetDateTime::parse(s, &Rfc3339).ok(), "{s}");
            if let Some(t) = ours {
                assert_eq!(format_date_time(t), t.to_offset(SHANGHAI).format(date_time).unwrap(), "{s}");
                assert_eq!(to_rfc3339(t), t.to_offset(SHANGHAI).format(&Rfc3339).unwrap(), "{s}");
                assert_eq!(format_date(t.date()), t.date().format(date).unwrap(), "{s}");
            }
        }
        for ms in [0.0, 1.0, 999.0, 1_751_328_000_007.0, 1_751_328_059_999.0, -86_400_000.0] {
            let t = from_unix_millis(ms);
            assert_eq!(to_rfc3339(t), t.to_offset(SHANGHAI).format(&Rfc3339).unwrap_or_default(), "{ms}");
            assert_eq!(format_date_time(t), t.to_offset(SHANGHAI).format(date_time).unwrap(), "{ms}");
        }
    }
}
