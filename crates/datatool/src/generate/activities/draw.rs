//! What the duty-record generators share: the topics activities are about, the city's places
//! by code (`Ctx`), drawing a day in a window, and making one entry.

use std::collections::HashMap;

use deputy_model::activity::{Activity, ActivityKind};
use deputy_model::clock;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, Month};

pub(super) const TOPICS: &[&str] = &[
    "高标准农田建设",
    "河套灌区节水改造",
    "农村牧区养老服务",
    "奶业振兴",
    "优化营商环境",
    "乡村振兴",
    "黄河流域生态保护",
    "基层医疗卫生服务",
    "城市老旧小区改造",
    "盐碱地综合治理",
    "义务教育均衡发展",
    "农畜产品质量安全",
    "草原生态保护",
    "就业和社会保障",
];

pub(super) struct Ctx<'a> {
    pub(super) last: Date,
    pub(super) county_name: HashMap<&'a str, &'a str>,
    pub(super) region_name: HashMap<&'a str, &'a str>,
    pub(super) villages: HashMap<&'a str, Vec<&'a str>>,
    pub(super) towns_of: HashMap<&'a str, Vec<&'a str>>,
}

/// The county-level code a region code belongs to (its first six digits), when it is one.
pub(super) fn county_code(code: &str) -> Option<&str> {
    (code.len() >= 6 && &code[..6] != super::super::bayannur::CITY_CODE).then(|| &code[..6])
}

pub(super) fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap_or(Month::January), d).unwrap_or(Date::MIN)
}

/// A random day of `year` between months `from..=to`, not after `last`; `None` when the whole
/// window is after `last`.
pub(super) fn day_in(rng: &mut ChaCha8Rng, year: i32, from: u8, to: u8, last: Date) -> Option<Date> {
    let start = date(year, from, 1);
    let end = if to == 12 { date(year, 12, 31) } else { date(year, to + 1, 1) - Duration::days(1) };
    let end = end.min(last);
    if start > end {
        return None;
    }
    let span = (end - start).whole_days();
    Some(start + Duration::days(rng.random_range(0..=span)))
}

pub(super) fn activity(day: Date, kind: ActivityKind, title: String, place: String, text: String) -> Activity {
    Activity {
        id: String::new(),
        date: clock::format_date(day),
        kind,
        title,
        place,
        region_code: None,
        text,
        hours: None,
        suggestion_id: None,
        consultation_id: None,
        news_id: None,
        joint_id: None,
    }
}
