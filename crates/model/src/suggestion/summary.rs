//! Yearly summaries: counts by status, category and unit, on-time replies and satisfaction.

use super::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    pub key: String,
    pub count: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitStats {
    pub unit: String,
    /// Suggestions it leads (主办).
    pub assigned: u32,
    pub replies: u32,
    pub replies_on_time: u32,
    pub satisfied: u32,
    pub basically: u32,
    pub unsatisfied: u32,
}

impl UnitStats {
    /// Whole percent of replies given on time; None without replies.
    pub fn on_time_percent(&self) -> Option<u32> {
        percent(self.replies_on_time, self.replies)
    }

    /// Whole percent of ratings that were 满意 or 基本满意.
    pub fn satisfied_percent(&self) -> Option<u32> {
        percent(self.satisfied + self.basically, self.satisfied + self.basically + self.unsatisfied)
    }
}

fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((part as f64) * 100.0 / whole as f64).round() as u32)
}

/// `data/suggestions/stats/{year}.json`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearSummary {
    pub format_version: u32,
    pub year: i32,
    pub total: u32,
    /// Status keys in workflow order, every status listed.
    pub by_status: Vec<Count>,
    /// Categories, most first.
    pub by_category: Vec<Count>,
    /// Lead units, most suggestions first.
    pub by_unit: Vec<UnitStats>,
}

/// Counts of one year's suggestions (by submission year). Items whose handling is invalid
/// are left out (validation reports them).
pub fn summarize(year: i32, items: &[Suggestion]) -> YearSummary {
    let mine: Vec<(&Suggestion, Handling)> =
        items.iter().filter(|s| s.year() == year).filter_map(|s| s.handling().ok().map(|h| (s, h))).collect();
    let by_status = Status::ALL
        .iter()
        .map(|st| Count { key: st.key().into(), count: mine.iter().filter(|(_, h)| h.status == *st).count() as u32 })
        .collect();
    let mut by_category: Vec<Count> = Vec::new();
    let mut by_unit: Vec<UnitStats> = Vec::new();
    for (s, h) in &mine {
        match by_category.iter_mut().find(|c| c.key == s.category) {
            Some(c) => c.count += 1,
            None => by_category.push(Count { key: s.category.clone(), count: 1 }),
        }
        let Some(unit) = s.lead_unit() else { continue };
        let idx = match by_unit.iter().position(|u| u.unit == unit) {
            Some(i) => i,
            None => {
                by_unit.push(UnitStats { unit: unit.to_string(), ..Default::default() });
                by_unit.len() - 1
            }
        };
        let u = &mut by_unit[idx];
        u.assigned += 1;
        u.replies += h.replies;
        u.replies_on_time += h.replies_on_time;
        for e in &s.events {
            if let SuggestionEvent::Rated { rating, .. } = e {
                match rating {
                    Rating::Satisfied => u.satisfied += 1,
                    Rating::Basically => u.basically += 1,
                    Rating::Unsatisfied => u.unsatisfied += 1,
                }
            }
        }
    }
    by_category.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    by_unit.sort_by(|a, b| b.assigned.cmp(&a.assigned).then_with(|| a.unit.cmp(&b.unit)));
    YearSummary {
        format_version: crate::FORMAT_VERSION,
        year,
        total: mine.len() as u32,
        by_status,
        by_category,
        by_unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggestion::test_events::*;

    fn suggestion(id: &str, unit: &str, events: Vec<SuggestionEvent>) -> Suggestion {
        Suggestion {
            format_version: 1,
            id: id.into(),
            title: "t".into(),
            category: if id.ends_with('1') { "工业交通".into() } else { "农林牧渔水利".into() },
            lead: Signer { deputy_id: "d".into(), name: "甲".into(), confirmed: true },
            cosigners: vec![],
            facts: vec![],
            analysis: vec![],
            proposals: vec![],
            suggested_unit: None,
            attachments: vec![],
            from_message: None,
            news_id: None,
            events: events
                .into_iter()
                .map(|mut e| {
                    if let SuggestionEvent::Assigned { lead_unit, .. } = &mut e {
                        *lead_unit = unit.into();
                    }
                    e
                })
                .collect(),
        }
    }

    #[test]
    fn summaries_count_status_category_and_units() {
        let base = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let items = vec![
            suggestion(
                "2025-0001",
                "甲局",
                [base.clone(), vec![ev_rep("2025-03-01"), ev_rate("2025-03-02", Rating::Satisfied)]].concat(),
            ),
            suggestion(
                "2025-0002",
                "甲局",
                [base.clone(), vec![ev_rep("2025-06-01"), ev_rate("2025-06-02", Rating::Unsatisfied)]].concat(),
            ),
            suggestion("2025-0003", "乙局", base.clone()),
            suggestion("2025-0004", "乙局", vec![ev_sub("2025-02-01")]),
            // Another year, and an invalid one: neither counted.
            suggestion("2024-0001", "甲局", vec![ev_sub("2024-02-01")]),
            suggestion("2025-0005", "甲局", vec![ev_sub("2025-02-01"), ev_rep("2025-02-03")]),
        ];
        let s = summarize(2025, &items);
        assert_eq!(s.total, 4);
        let status = |k: &str| s.by_status.iter().find(|c| c.key == k).unwrap().count;
        assert_eq!((status("rated"), status("assigned"), status("submitted")), (2, 1, 1));
        assert_eq!(s.by_status.len(), Status::ALL.len());
        assert_eq!(s.by_category[0], Count { key: "农林牧渔水利".into(), count: 3 });
        let a = &s.by_unit[0];
        assert_eq!((a.unit.as_str(), a.assigned, a.replies, a.replies_on_time), ("甲局", 2, 2, 1));
        assert_eq!((a.on_time_percent(), a.satisfied_percent()), (Some(50), Some(50)));
        let b = &s.by_unit[1];
        assert_eq!((b.unit.as_str(), b.on_time_percent(), b.satisfied_percent()), ("乙局", None, None));
    }
}

#[cfg(test)]
mod no_suggestion_yet {
    use super::*;

    /// A city that runs 建议提交 but has no suggestion yet: the index lists no year, the pages
    /// show this year with an empty list and zero counts, and ask for no file.
    #[test]
    fn a_year_the_index_does_not_list_has_nothing() {
        let none = SuggestionIndex { format_version: 1, years: vec![], categories: vec![], units: vec![] };
        assert_eq!(none.newest_year(2026), 2026);
        assert!(!none.lists(2026));
        assert_eq!(SuggestionYear::empty(2026).suggestions, vec![]);
        let stats = summarize(2026, &[]);
        assert_eq!((stats.year, stats.total), (2026, 0));
        assert_eq!(stats.by_status.len(), Status::ALL.len(), "every status, each with 0");
        assert!(stats.by_status.iter().all(|c| c.count == 0));

        let some = SuggestionIndex { years: vec![2026, 2025], ..none };
        assert_eq!(some.newest_year(2030), 2026);
        assert!(some.lists(2025) && !some.lists(2024));
    }
}
