//! Dates and times as the site shows them: `YYYY-MM-DD` and `YYYY-MM-DD HH:MM`, in
//! Asia/Shanghai. China has used one offset, UTC+8, with no daylight saving since 1991, so a
//! fixed offset is exact for every date the site shows and spares the wasm a time-zone database.

use time::format_description::FormatItem;
use time::macros::{format_description, offset};
use time::{Date, OffsetDateTime, UtcOffset};

pub const SHANGHAI: UtcOffset = offset!(+8);

const DATE: &[FormatItem<'static>] = format_description!("[year]-[month]-[day]");
const DATE_TIME: &[FormatItem<'static>] = format_description!("[year]-[month]-[day] [hour]:[minute]");

/// Parse an RFC 3339 timestamp (any offset).
pub fn parse_timestamp(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
}

/// Parse a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, DATE).ok()
}

/// `YYYY-MM-DD HH:MM` in Asia/Shanghai.
pub fn format_date_time(t: OffsetDateTime) -> String {
    t.to_offset(SHANGHAI).format(DATE_TIME).unwrap_or_default()
}

pub fn format_date(d: Date) -> String {
    d.format(DATE).unwrap_or_default()
}

/// A timestamp string as shown to people; the input unchanged if it is not RFC 3339.
pub fn show_timestamp(s: &str) -> String {
    parse_timestamp(s).map(format_date_time).unwrap_or_else(|| s.to_string())
}

/// RFC 3339 in Asia/Shanghai, as the data and the outbox store it.
pub fn to_rfc3339(t: OffsetDateTime) -> String {
    t.to_offset(SHANGHAI).format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
