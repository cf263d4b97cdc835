//! Duty statistics: activities counted by kind and year, for one deputy (computed in the app
//! from the deputy's record) or for a scope — all deputies, a level, a 旗县区, a deputy group —
//! precomputed by the data tool into `data/activity-stats/{scope}.json`. The same functions do
//! both, so the numbers agree.

use serde::{Deserialize, Serialize};

use crate::Level;
use crate::activity::{Activity, ActivityKind, DeputyActivities};
use crate::message::Responsiveness;

/// The first year the records cover.
pub const FIRST_YEAR: i32 = 2023;

/// One year of activities, counted by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearStats {
    pub year: i32,
    /// Every kind, in [`ActivityKind::ALL`] order, with its count (zeros included).
    pub counts: Vec<(ActivityKind, u32)>,
    /// Training hours (学时) of the year.
    pub training_hours: u32,
}

impl YearStats {
    /// Count the activities of `year` among `activities`.
    pub fn tally<'a>(year: i32, activities: impl IntoIterator<Item = &'a Activity>) -> YearStats {
        let mut counts: Vec<(ActivityKind, u32)> = ActivityKind::ALL.iter().map(|k| (*k, 0)).collect();
        let mut hours = 0;
        for a in activities.into_iter().filter(|a| a.year() == Some(year)) {
            if let Some(slot) = counts.iter_mut().find(|(k, _)| *k == a.kind) {
                slot.1 += 1;
            }
            if a.kind == ActivityKind::Training {
                hours += a.hours.unwrap_or(0);
            }
        }
        YearStats { year, counts, training_hours: hours }
    }

    pub fn count(&self, kind: ActivityKind) -> u32 {
        self.counts.iter().find(|(k, _)| *k == kind).map(|(_, n)| *n).unwrap_or(0)
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// The four tasks (四项工作) together.
    pub fn four_tasks(&self) -> u32 {
        self.counts.iter().filter(|(k, _)| k.is_four_task()).map(|(_, n)| n).sum()
    }

    fn add(&mut self, other: &YearStats) {
        for (k, n) in &other.counts {
            match self.counts.iter_mut().find(|(kk, _)| kk == k) {
                Some(slot) => slot.1 += n,
                None => self.counts.push((*k, *n)),
            }
        }
        self.training_hours += other.training_hours;
    }
}

/// Years `FIRST_YEAR..=last`, each counted.
pub fn by_year(activities: &[Activity], last: i32) -> Vec<YearStats> {
    (FIRST_YEAR..=last).map(|y| YearStats::tally(y, activities)).collect()
}

/// A year's count of one kind against the year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub kind: Option<ActivityKind>,
    pub this_year: u32,
    pub last_year: u32,
}

impl Change {
    pub fn delta(&self) -> i64 {
        self.this_year as i64 - self.last_year as i64
    }

    /// Change in percent, rounded; `None` when the year before had none (no base to compare).
    pub fn percent(&self) -> Option<i64> {
        (self.last_year > 0).then(|| ((self.delta() as f64 / self.last_year as f64) * 100.0).round() as i64)
    }
}

/// Year-on-year comparison of `year` with `year - 1`: one row per kind, then the total
/// (`kind: None`). Missing years count as zero.
pub fn compare(years: &[YearStats], year: i32) -> Vec<Change> {
    let empty = YearStats::default();
    let this = years.iter().find(|y| y.year == year).unwrap_or(&empty);
    let last = years.iter().find(|y| y.year == year - 1).unwrap_or(&empty);
    ActivityKind::ALL
        .iter()
        .map(|k| Change { kind: Some(*k), this_year: this.count(*k), last_year: last.count(*k) })
        .chain(std::iter::once(Change { kind: None, this_year: this.total(), last_year: last.total() }))
        .collect()
}

/// What a scope's statistics file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScopeStats {
    pub format_version: u32,
    /// The file's key, e.g. `all`, `level-city`, `county-150802`, `county-150802-level-township`,
    /// `group-g-social` (see [`scope_key`]).
    pub scope: String,
    /// Deputies in the scope.
    pub deputies: u32,
    pub years: Vec<YearStats>,
    /// How the scope's deputies answer letters (直通代表).
    pub replies: Responsiveness,
}

impl ScopeStats {
    /// Sum the records of the deputies in a scope, years `FIRST_YEAR..=last`.
    pub fn of<'a>(
        scope: &str,
        records: impl IntoIterator<Item = &'a DeputyActivities>,
        last: i32,
        replies: Responsiveness,
    ) -> ScopeStats {
        let mut years: Vec<YearStats> = (FIRST_YEAR..=last).map(|y| YearStats::tally(y, &[])).collect();
        let mut n = 0;
        for r in records {
            n += 1;
            for (slot, y) in years.iter_mut().zip(by_year(&r.activities, last)) {
                slot.add(&y);
            }
        }
        ScopeStats { format_version: crate::FORMAT_VERSION, scope: scope.to_string(), deputies: n, years, replies }
    }

    pub fn year(&self, year: i32) -> Option<&YearStats> {
        self.years.iter().find(|y| y.year == year)
    }

    /// Activities per deputy in `year`, to one decimal; `None` for an empty scope.
    pub fn per_deputy(&self, year: i32) -> Option<f64> {
        let total = self.year(year)?.total();
        (self.deputies > 0).then(|| (total as f64 / self.deputies as f64 * 10.0).round() / 10.0)
    }
}

/// The statistics file for the filters of the stats page. A group is its own scope (its members
/// are of one level); otherwise a 旗县区 and a level narrow the whole city.
pub fn scope_key(level: Option<Level>, county: Option<&str>, group: Option<&str>) -> String {
    if let Some(g) = group.filter(|g| !g.is_empty()) {
        return format!("group-{g}");
    }
    match (county.filter(|c| !c.is_empty()), level) {
        (None, None) => "all".to_string(),
        (None, Some(l)) => format!("level-{}", l.key()),
        (Some(c), None) => format!("county-{c}"),
        (Some(c), Some(l)) => format!("county-{c}-level-{}", l.key()),
    }
}

/// Length of a bar for `value` when `max` fills `full` units; a non-zero value gets at least
/// one unit so that it never looks like zero.
pub fn bar_length(value: u32, max: u32, full: f64) -> f64 {
    if max == 0 || value == 0 {
        return 0.0;
    }
    (value as f64 / max as f64 * full).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::tests::act;

    fn record(id: &str, acts: Vec<Activity>) -> DeputyActivities {
        DeputyActivities {
            format_version: 1,
            deputy_id: id.into(),
            deputy_name: id.into(),
            level: Level::City,
            own_note: None,
            activities: acts,
        }
    }

    fn training(id: &str, date: &str, hours: u32) -> Activity {
        let mut a = act(id, date, ActivityKind::Training);
        a.hours = Some(hours);
        a
    }

    #[test]
    fn tally_counts_one_year_by_kind() {
        let list = vec![
            act("a", "2025-03-01", ActivityKind::Research),
            act("b", "2025-04-01", ActivityKind::Research),
            act("c", "2025-04-02", ActivityKind::Mediation),
            act("d", "2024-05-01", ActivityKind::Research),
            training("e", "2025-06-01", 8),
            training("f", "2025-09-01", 12),
            training("g", "2024-09-01", 99),
        ];
        let y = YearStats::tally(2025, &list);
        assert_eq!(y.count(ActivityKind::Research), 2);
        assert_eq!(y.count(ActivityKind::Mediation), 1);
        assert_eq!(y.count(ActivityKind::Visit), 0);
        assert_eq!(y.total(), 5);
        assert_eq!(y.four_tasks(), 1);
        assert_eq!(y.training_hours, 20);
        assert_eq!(y.counts.len(), ActivityKind::ALL.len());
        let years = by_year(&list, 2026);
        assert_eq!(years.iter().map(|y| y.year).collect::<Vec<_>>(), [2023, 2024, 2025, 2026]);
        assert_eq!(years[1].total(), 2);
        assert_eq!(years[3].total(), 0);
    }

    #[test]
    fn year_on_year_comparison() {
        let list = vec![
            act("a", "2025-03-01", ActivityKind::Research),
            act("b", "2025-04-01", ActivityKind::Research),
            act("c", "2025-04-01", ActivityKind::Research),
            act("d", "2024-05-01", ActivityKind::Research),
            act("e", "2024-05-01", ActivityKind::Research),
            act("f", "2025-05-01", ActivityKind::Visit),
            act("g", "2024-05-01", ActivityKind::Mediation),
        ];
        let years = by_year(&list, 2025);
        let rows = compare(&years, 2025);
        assert_eq!(rows.len(), ActivityKind::ALL.len() + 1);
        let research = rows.iter().find(|c| c.kind == Some(ActivityKind::Research)).unwrap();
        assert_eq!((research.this_year, research.last_year, research.delta()), (3, 2, 1));
        assert_eq!(research.percent(), Some(50));
        let visit = rows.iter().find(|c| c.kind == Some(ActivityKind::Visit)).unwrap();
        assert_eq!(visit.percent(), None, "no base year: no percentage");
        let mediation = rows.iter().find(|c| c.kind == Some(ActivityKind::Mediation)).unwrap();
        assert_eq!((mediation.delta(), mediation.percent()), (-1, Some(-100)));
        let total = rows.last().unwrap();
        assert_eq!((total.kind, total.this_year, total.last_year), (None, 4, 3));
        // The first year compares with an empty year.
        let first = compare(&years, FIRST_YEAR);
        assert_eq!(first.last().unwrap().last_year, 0);
    }

    #[test]
    fn scope_sums_deputies() {
        let a = record("a", vec![act("1", "2025-01-02", ActivityKind::Visit), training("2", "2025-02-02", 6)]);
        let b = record(
            "b",
            vec![act("1", "2025-03-02", ActivityKind::Visit), act("2", "2023-03-02", ActivityKind::Session)],
        );
        let s = ScopeStats::of("all", [&a, &b], 2026, Responsiveness::default());
        assert_eq!(s.deputies, 2);
        assert_eq!(s.years.len(), 4);
        assert_eq!(s.year(2025).unwrap().count(ActivityKind::Visit), 2);
        assert_eq!(s.year(2025).unwrap().training_hours, 6);
        assert_eq!(s.year(2023).unwrap().count(ActivityKind::Session), 1);
        assert_eq!(s.per_deputy(2025), Some(1.5));
        assert_eq!(s.per_deputy(2030), None);
        let empty = ScopeStats::of("x", [], 2026, Responsiveness::default());
        assert_eq!((empty.deputies, empty.per_deputy(2025)), (0, None));
    }

    #[test]
    fn scope_keys() {
        assert_eq!(scope_key(None, None, None), "all");
        assert_eq!(scope_key(Some(Level::City), None, None), "level-city");
        assert_eq!(scope_key(None, Some("150802"), None), "county-150802");
        assert_eq!(scope_key(Some(Level::Township), Some("150802"), None), "county-150802-level-township");
        assert_eq!(scope_key(Some(Level::City), Some("150802"), Some("g-social")), "group-g-social");
        assert_eq!(scope_key(None, Some(""), Some("")), "all");
    }

    #[test]
    fn bars() {
        assert_eq!(bar_length(0, 10, 200.0), 0.0);
        assert_eq!(bar_length(5, 0, 200.0), 0.0);
        assert_eq!(bar_length(10, 10, 200.0), 200.0);
        assert_eq!(bar_length(5, 10, 200.0), 100.0);
        assert_eq!(bar_length(1, 10_000, 200.0), 1.0);
    }
}
