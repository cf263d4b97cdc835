//! The handling of a suggestion as a state machine over its events, and the reply deadline
//! computed from it (never stored).

use super::*;

/// 答复 result class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ResultClass {
    /// 已解决或采纳
    A,
    /// 正在解决或列入计划
    B,
    /// 因条件限制留作参考
    C,
}

/// One step of the handling, in order; dates `YYYY-MM-DD` in Asia/Shanghai.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SuggestionEvent {
    /// 提交
    Submitted { date: String },
    /// 立案 (registered after review)
    Registered { date: String },
    /// 交办: the lead unit (主办) and helper units (协办).
    Assigned {
        date: String,
        lead_unit: String,
        #[serde(default)]
        co_units: Vec<String>,
    },
    /// 延期: the reply is due `months` after 交办 instead of three (at most six), for a reason.
    Extended { date: String, months: u32, reason: String },
    /// 办理中: the unit has started, with a note of what it does.
    InProgress { date: String, note: String },
    /// 答复
    Replied { date: String, unit: String, result: ResultClass, text: String },
    /// 代表评价
    Rated {
        date: String,
        rating: Rating,
        #[serde(default)]
        comment: String,
    },
    /// 重办 after 不满意
    Reopened { date: String, reason: String },
    /// 办结
    Closed { date: String },
}

impl SuggestionEvent {
    pub fn date(&self) -> &str {
        match self {
            SuggestionEvent::Submitted { date }
            | SuggestionEvent::Registered { date }
            | SuggestionEvent::Assigned { date, .. }
            | SuggestionEvent::Extended { date, .. }
            | SuggestionEvent::InProgress { date, .. }
            | SuggestionEvent::Replied { date, .. }
            | SuggestionEvent::Rated { date, .. }
            | SuggestionEvent::Reopened { date, .. }
            | SuggestionEvent::Closed { date } => date,
        }
    }
}

/// Where a suggestion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已提交 (awaiting review)
    Submitted,
    /// 已立案
    Registered,
    /// 已交办
    Assigned,
    /// 办理中
    InProgress,
    /// 已答复 (awaiting the deputy's rating)
    Replied,
    /// 已评价
    Rated,
    /// 重办中
    Rehandling,
    /// 已办结
    Closed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::Registered,
        Status::Assigned,
        Status::InProgress,
        Status::Replied,
        Status::Rated,
        Status::Rehandling,
        Status::Closed,
    ];

    /// The URL and file key.
    pub fn key(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Registered => "registered",
            Status::Assigned => "assigned",
            Status::InProgress => "in_progress",
            Status::Replied => "replied",
            Status::Rated => "rated",
            Status::Rehandling => "rehandling",
            Status::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Waiting for a unit's (new) reply: the deadline clock runs.
    pub fn awaits_reply(self) -> bool {
        matches!(self, Status::Assigned | Status::InProgress | Status::Rehandling)
    }
}

/// An event the state machine refuses, with its index in `events`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionError {
    pub index: usize,
    pub message: String,
}

/// What the events say, walked through the state machine once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handling {
    pub status: Status,
    /// When the clock for the current reply started (交办, or 重办), and how many months it runs.
    pub clock_start: Option<Date>,
    pub clock_months: u32,
    pub extension_reason: Option<String>,
    /// Replies given on time, and all replies (for the on-time rate).
    pub replies_on_time: u32,
    pub replies: u32,
}

/// Calendar months later, keeping the day or falling back to the month's last day
/// (01-31 + 1 month → 02-28/29; 2025-11-30 + 3 → 2026-02-28).
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + (d.month() as i32 - 1) + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).unwrap_or(Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(d)
}

/// Walk the events: each must be allowed from the state before it, dates must not go back.
pub fn handling(events: &[SuggestionEvent]) -> Result<Handling, TransitionError> {
    use SuggestionEvent as E;
    let err = |index: usize, message: &str| Err(TransitionError { index, message: message.to_string() });
    let mut h = Handling {
        status: Status::Submitted,
        clock_start: None,
        clock_months: 0,
        extension_reason: None,
        replies_on_time: 0,
        replies: 0,
    };
    let mut last_date: Option<Date> = None;
    let mut rating: Option<Rating> = None;
    let mut reopened = false;
    for (i, ev) in events.iter().enumerate() {
        let Some(date) = clock::parse_date(ev.date()) else {
            return err(i, "日期不是 YYYY-MM-DD 格式");
        };
        if last_date.is_some_and(|l| date < l) {
            return err(i, "日期早于上一步");
        }
        last_date = Some(date);
        let s = h.status;
        match ev {
            E::Submitted { .. } => {
                if i != 0 {
                    return err(i, "“提交”只能是第一步");
                }
            }
            _ if i == 0 => return err(i, "第一步必须是“提交”"),
            E::Registered { .. } if s == Status::Submitted => h.status = Status::Registered,
            E::Registered { .. } => return err(i, "只有刚提交的建议才能立案"),
            E::Assigned { lead_unit, .. } if s == Status::Registered => {
                if lead_unit.trim().is_empty() {
                    return err(i, "交办必须有主办单位");
                }
                h.status = Status::Assigned;
                h.clock_start = Some(date);
                h.clock_months = REPLY_MONTHS;
            }
            E::Assigned { .. } => return err(i, "只有立案后才能交办"),
            E::Extended { months, reason, .. } if matches!(s, Status::Assigned | Status::InProgress) => {
                if *months <= REPLY_MONTHS || *months > MAX_REPLY_MONTHS {
                    return err(i, "延期后的答复期限须在 4 至 6 个月之间");
                }
                if h.extension_reason.is_some() {
                    return err(i, "只能延期一次");
                }
                if reason.trim().is_empty() {
                    return err(i, "延期必须说明理由");
                }
                h.clock_months = *months;
                h.extension_reason = Some(reason.clone());
            }
            E::Extended { .. } => return err(i, "只有交办后、答复前才能延期"),
            E::InProgress { .. } if matches!(s, Status::Assigned | Status::Rehandling) => {
                // 重办 stays 重办 until the new reply; a first 办理中 follows 交办.
                if s == Status::Assigned {
                    h.status = Status::InProgress;
                }
            }
            E::InProgress { .. } => return err(i, "只有交办后或重办时才能办理"),
            E::Replied { .. } if s.awaits_reply() => {
                h.replies += 1;
                if h.clock_start.is_some_and(|start| date <= add_months(start, h.clock_months)) {
                    h.replies_on_time += 1;
                }
                h.status = Status::Replied;
                h.clock_start = None;
            }
            E::Replied { .. } => return err(i, "只有交办后才能答复"),
            E::Rated { rating: r, .. } if s == Status::Replied => {
                rating = Some(*r);
                h.status = Status::Rated;
            }
            E::Rated { .. } => return err(i, "没有待评价的答复"),
            E::Reopened { .. } if s == Status::Rated && rating == Some(Rating::Unsatisfied) => {
                if reopened {
                    return err(i, "只能重办一次");
                }
                reopened = true;
                h.status = Status::Rehandling;
                h.clock_start = Some(date);
                h.clock_months = REHANDLE_MONTHS;
            }
            E::Reopened { .. } => return err(i, "只有代表评价“不满意”后才能重办"),
            E::Closed { .. } if s == Status::Rated => {
                if rating == Some(Rating::Unsatisfied) && !reopened {
                    return err(i, "评价“不满意”的建议须先重办，不能直接办结");
                }
                h.status = Status::Closed;
            }
            E::Closed { .. } => return err(i, "只有代表评价后才能办结"),
        }
    }
    if events.is_empty() {
        return err(0, "没有任何办理记录");
    }
    Ok(h)
}

/// The steps the state machine allows next on `date` (`YYYY-MM-DD`), by the command line's
/// names (`register`, `assign`, `extend`, `progress`, `answer`, `rate`, `reopen`, `close`): each
/// is tried on [`handling`], so the list never disagrees with the rules. Extending is offered
/// while any extension is still possible (the clerk picks the months).
pub fn next_steps(events: &[SuggestionEvent], date: &str) -> Vec<&'static str> {
    let d = || date.to_string();
    let text = || "…".to_string();
    let lead = events.iter().rev().find_map(|e| match e {
        SuggestionEvent::Assigned { lead_unit, .. } => Some(lead_unit.clone()),
        _ => None,
    });
    let candidates: [(&'static str, Vec<SuggestionEvent>); 8] = [
        ("register", vec![SuggestionEvent::Registered { date: d() }]),
        ("assign", vec![SuggestionEvent::Assigned { date: d(), lead_unit: text(), co_units: Vec::new() }]),
        ("extend", (4..=6).map(|months| SuggestionEvent::Extended { date: d(), months, reason: text() }).collect()),
        ("progress", vec![SuggestionEvent::InProgress { date: d(), note: text() }]),
        (
            "answer",
            vec![SuggestionEvent::Replied {
                date: d(),
                unit: lead.unwrap_or_else(text),
                result: ResultClass::A,
                text: text(),
            }],
        ),
        ("rate", vec![SuggestionEvent::Rated { date: d(), rating: Rating::Satisfied, comment: String::new() }]),
        ("reopen", vec![SuggestionEvent::Reopened { date: d(), reason: text() }]),
        ("close", vec![SuggestionEvent::Closed { date: d() }]),
    ];
    candidates
        .into_iter()
        .filter(|(_, tries)| {
            tries.iter().any(|e| {
                let mut next = events.to_vec();
                next.push(e.clone());
                handling(&next).is_ok()
            })
        })
        .map(|(name, _)| name)
        .collect()
}

/// The deadline of an open item, for a given "today" (Asia/Shanghai).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineClock {
    pub due: Date,
    /// Days left including neither end (0 on the due day); negative when overdue.
    pub days_left: i64,
    pub extension_reason: Option<String>,
    /// Whether the clock is for a re-handling (重办) reply.
    pub rehandling: bool,
}

impl DeadlineClock {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

impl Handling {
    /// The reply's due date while one is awaited.
    pub fn due(&self) -> Option<Date> {
        if !self.status.awaits_reply() {
            return None;
        }
        Some(add_months(self.clock_start?, self.clock_months))
    }

    pub fn deadline(&self, today: Date) -> Option<DeadlineClock> {
        let due = self.due()?;
        Some(DeadlineClock {
            due,
            days_left: (due - today).whole_days(),
            extension_reason: if self.status == Status::Rehandling { None } else { self.extension_reason.clone() },
            rehandling: self.status == Status::Rehandling,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggestion::test_events::*;

    #[test]
    fn the_next_steps_are_what_the_state_machine_allows() {
        let submitted = vec![SuggestionEvent::Submitted { date: "2025-03-01".into() }];
        assert_eq!(next_steps(&submitted, "2025-03-02"), ["register"]);
        let mut assigned = submitted.clone();
        assigned.push(SuggestionEvent::Registered { date: "2025-03-02".into() });
        assert_eq!(next_steps(&assigned, "2025-03-03"), ["assign"]);
        assigned.push(SuggestionEvent::Assigned {
            date: "2025-03-03".into(),
            lead_unit: "市交通运输局".into(),
            co_units: vec![],
        });
        assert_eq!(next_steps(&assigned, "2025-03-04"), ["extend", "progress", "answer"]);
        // A date before the last step is refused by the rules, so nothing is offered.
        assert!(next_steps(&assigned, "2025-03-01").is_empty());
    }

    #[test]
    fn months_at_month_end() {
        assert_eq!(add_months(d("2025-01-31"), 1), d("2025-02-28"));
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(add_months(d("2025-01-31"), 3), d("2025-04-30"));
        assert_eq!(add_months(d("2025-11-30"), 3), d("2026-02-28"));
        assert_eq!(add_months(d("2025-08-31"), 6), d("2026-02-28"));
        assert_eq!(add_months(d("2025-03-15"), 3), d("2025-06-15"));
        assert_eq!(add_months(d("2025-12-31"), 2), d("2026-02-28"));
    }

    #[test]
    fn deadline_clock_from_assignment() {
        let events = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let h = handling(&events).unwrap();
        assert_eq!(h.status, Status::Assigned);
        // Due three months after 交办 on 01-31: the last day of April.
        assert_eq!(h.due(), Some(d("2025-04-30")));
        let c = h.deadline(d("2025-04-20")).unwrap();
        assert_eq!((c.days_left, c.overdue()), (10, false));
        assert_eq!(h.deadline(d("2025-04-30")).unwrap().days_left, 0);
        let late = h.deadline(d("2025-05-03")).unwrap();
        assert_eq!((late.days_left, late.overdue()), (-3, true));
    }

    #[test]
    fn today_is_the_shanghai_date() {
        let events = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let h = handling(&events).unwrap();
        // 2025-04-30 17:00 UTC is already 05-01 in Shanghai: one day overdue.
        let today = clock::shanghai_date(clock::parse_timestamp("2025-04-30T17:00:00Z").unwrap());
        assert_eq!(h.deadline(today).unwrap().days_left, -1);
        let today = clock::shanghai_date(clock::parse_timestamp("2025-04-30T15:59:00Z").unwrap());
        assert_eq!(h.deadline(today).unwrap().days_left, 0);
    }

    #[test]
    fn extension_moves_the_due_date_and_keeps_the_reason() {
        let mut events = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        events.push(SuggestionEvent::Extended {
            date: "2025-04-01".into(), months: 6, reason: "需跨年度预算".into()
        });
        let h = handling(&events).unwrap();
        assert_eq!(h.due(), Some(d("2025-07-31")));
        assert_eq!(h.deadline(d("2025-07-01")).unwrap().extension_reason.as_deref(), Some("需跨年度预算"));
        // More than six months, a second extension, or no reason: refused.
        let mut bad = events.clone();
        bad.push(SuggestionEvent::Extended { date: "2025-05-01".into(), months: 6, reason: "再延".into() });
        assert!(handling(&bad).is_err());
        let mut bad = events[..3].to_vec();
        bad.push(SuggestionEvent::Extended { date: "2025-04-01".into(), months: 7, reason: "x".into() });
        assert!(handling(&bad).is_err());
        let mut bad = events[..3].to_vec();
        bad.push(SuggestionEvent::Extended { date: "2025-04-01".into(), months: 5, reason: " ".into() });
        assert!(handling(&bad).is_err());
    }

    #[test]
    fn full_cycle_with_rehandling() {
        let events = vec![
            ev_sub("2025-01-10"),
            ev_reg("2025-01-20"),
            ev_asg("2025-01-31"),
            SuggestionEvent::InProgress { date: "2025-02-10".into(), note: "调研".into() },
            ev_rep("2025-05-06"), // late: due 04-30
            ev_rate("2025-05-10", Rating::Unsatisfied),
            SuggestionEvent::Reopened { date: "2025-05-12".into(), reason: "未落实".into() },
        ];
        let h = handling(&events).unwrap();
        assert_eq!(h.status, Status::Rehandling);
        assert_eq!(h.due(), Some(d("2025-07-12")));
        assert!(h.deadline(d("2025-07-01")).unwrap().rehandling);
        let mut all = events.clone();
        all.extend([ev_rep("2025-07-01"), ev_rate("2025-07-05", Rating::Basically)]);
        all.push(SuggestionEvent::Closed { date: "2025-07-06".into() });
        let h = handling(&all).unwrap();
        assert_eq!(h.status, Status::Closed);
        assert_eq!((h.replies, h.replies_on_time), (2, 1));
        assert_eq!(h.deadline(d("2025-08-01")), None);
    }

    #[test]
    fn illegal_transitions_are_refused() {
        let base = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let cases: Vec<(Vec<SuggestionEvent>, usize)> = vec![
            // Reply before 交办.
            (vec![ev_sub("2025-01-10"), ev_rep("2025-01-12")], 1),
            // Not starting with 提交.
            (vec![ev_reg("2025-01-10")], 0),
            // 交办 twice.
            ([base.clone(), vec![ev_asg("2025-02-01")]].concat(), 3),
            // Rating without a reply.
            ([base.clone(), vec![ev_rate("2025-02-01", Rating::Satisfied)]].concat(), 3),
            // 重办 after 满意.
            (
                [
                    base.clone(),
                    vec![
                        ev_rep("2025-03-01"),
                        ev_rate("2025-03-02", Rating::Satisfied),
                        SuggestionEvent::Reopened { date: "2025-03-03".into(), reason: "x".into() },
                    ],
                ]
                .concat(),
                5,
            ),
            // 办结 straight after 不满意.
            (
                [
                    base.clone(),
                    vec![
                        ev_rep("2025-03-01"),
                        ev_rate("2025-03-02", Rating::Unsatisfied),
                        SuggestionEvent::Closed { date: "2025-03-03".into() },
                    ],
                ]
                .concat(),
                5,
            ),
            // Dates going back.
            (vec![ev_sub("2025-01-10"), ev_reg("2025-01-09")], 1),
        ];
        for (events, index) in cases {
            let e = handling(&events).unwrap_err();
            assert_eq!(e.index, index, "{events:?}: {}", e.message);
        }
    }
}
