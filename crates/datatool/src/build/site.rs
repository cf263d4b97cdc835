//! `site.json` as served: the source's config with what `build` derives (the modules the site
//! runs, the weeks that have receptions).

use deputy_model::site::{Module, SiteConfig, WeekSpan};
use deputy_model::station::{StationTier, WeekReception};

use crate::world::World;

/// This week's receptions (本周接待) by week, keyed by Monday: one entry for every week from the
/// first to the last that has any, empty or not, so that the app can ask for a week's file only
/// when `site.json`'s `reception_weeks` says it is there.
pub(super) fn reception_weeks(world: &World) -> std::collections::BTreeMap<String, Vec<WeekReception>> {
    let mut weeks: std::collections::BTreeMap<String, Vec<WeekReception>> = Default::default();
    // Only the tiers the home page and the 阳光履职 page show (本周接待): a township's or a
    // village's receptions are on its own station page, and a phone on a metered plan should
    // not fetch them with every home page (the week's file was 43 KB raw with them, 1.6 KB without).
    for st in world.stations.iter().filter(|st| st.summary.tier <= StationTier::CountyBranch) {
        for r in &st.receptions {
            let Some(day) = deputy_model::clock::parse_date(&r.date) else { continue };
            let monday = deputy_model::clock::format_date(deputy_model::station::week_start(day));
            weeks.entry(monday).or_default().push(WeekReception {
                date: r.date.clone(),
                time: r.time.clone(),
                station_id: st.summary.id.clone(),
                station_name: st.summary.name.clone(),
                tier: st.summary.tier,
                deputy_id: r.deputy_id.clone(),
                deputy_name: r.deputy_name.clone(),
            });
        }
    }
    let span = weeks.keys().next().zip(weeks.keys().next_back()).map(|(a, b)| (a.clone(), b.clone()));
    let parse = deputy_model::clock::parse_date;
    if let Some((Some(mut monday), Some(last))) = span.map(|(first, last)| (parse(&first), parse(&last))) {
        while monday < last {
            monday += time::Duration::days(7);
            weeks.entry(deputy_model::clock::format_date(monday)).or_default();
        }
    }
    weeks
}

/// The site config as served: when the source does not say which modules the site runs, every
/// module whose data is there (a city without courses, a map or a 履职评议 leaves those out);
/// the weeks that have receptions.
pub(super) fn site_with_modules(world: &World) -> SiteConfig {
    let mut site = world.site.clone();
    if site.modules.is_none() {
        let has_data = |m: Module| match m {
            Module::Training => world.training.is_some(),
            Module::Map => world.map.is_some(),
            Module::Evaluation => world.evaluation.is_some(),
            _ => true,
        };
        site.modules = Some(Module::ALL.into_iter().filter(|&m| has_data(m)).collect());
    }
    let weeks = reception_weeks(world);
    site.reception_weeks = weeks
        .keys()
        .next()
        .zip(weeks.keys().next_back())
        .map(|(first, last)| WeekSpan { first: first.clone(), last: last.clone() });
    site
}
