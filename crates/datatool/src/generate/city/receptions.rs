//! Who serves at each station, and its reception days for a year around the build date.

use deputy_model::{Deputy, Reception, Station, StationTier};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, Weekday};

/// Reception schedules run for a year around the build date.
pub(crate) const SCHEDULE_FROM: (i32, u8, u8) = (2026, 7, 6);
pub(crate) const SCHEDULE_WEEKS: i64 = 52;

/// Each station's deputies (those attached to it) and its receptions, each with a deputy drawn
/// from them; a village point, which has none of its own, borrows its township home's.
pub(super) fn staff_and_schedule(stations: &mut [Station], deputies: &[Deputy], rng: &mut ChaCha8Rng) {
    let monday = Date::from_calendar_date(
        SCHEDULE_FROM.0,
        time::Month::try_from(SCHEDULE_FROM.1).unwrap_or(time::Month::July),
        SCHEDULE_FROM.2,
    )
    .unwrap_or(Date::MIN);
    for st in stations.iter_mut() {
        st.deputy_ids = deputies
            .iter()
            .filter(|d| d.summary.station_id.as_deref() == Some(st.summary.id.as_str()))
            .map(|d| d.summary.id.clone())
            .collect();
        // Village points borrow the deputies of their township's home.
        let pool: Vec<&Deputy> = if st.deputy_ids.is_empty() {
            let parent = st.summary.parent_id.clone();
            deputies.iter().filter(|d| d.summary.station_id == parent).collect()
        } else {
            deputies.iter().filter(|d| st.deputy_ids.contains(&d.summary.id)).collect()
        };
        if pool.is_empty() {
            continue;
        }
        let (weekday_offset, every) = match st.summary.tier {
            StationTier::CityHub => (2, 1),      // Wednesdays, weekly
            StationTier::CountyBranch => (1, 1), // Tuesdays, weekly
            StationTier::TownshipHome => (3, 1), // Thursdays, weekly
            StationTier::VillagePoint => (4, 4), // Fridays, every four weeks
        };
        for w in (0..SCHEDULE_WEEKS).step_by(every) {
            let day = monday + Duration::weeks(w) + Duration::days(weekday_offset);
            debug_assert_ne!(day.weekday(), Weekday::Sunday);
            let d = pool[rng.random_range(0..pool.len())];
            st.receptions.push(Reception {
                date: deputy_model::clock::format_date(day),
                time: "09:00-12:00".into(),
                deputy_id: d.summary.id.clone(),
                deputy_name: d.summary.name.clone(),
            });
        }
    }
}
