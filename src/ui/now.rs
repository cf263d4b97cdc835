//! The current instant and the current date in Asia/Shanghai, from the browser's clock.

use deputy_model::clock;

pub fn now() -> time::OffsetDateTime {
    clock::from_unix_millis(js_sys::Date::now())
}

pub fn today() -> time::Date {
    clock::shanghai_date(now())
}
