//! Duty records (履职档案): what each deputy did, as dated activities, one file per deputy
//! (`data/activities/{deputy_id}.json`), and the joint activities of deputies of several levels
//! at a place (`data/joint/{code}.json`, 五级代表协同). Counting them is in [`crate::activity_stats`].

use serde::{Deserialize, Serialize};

use crate::Level;

/// The kinds of duty activity a record lists. The order is the order of charts and tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 出席人民代表大会会议
    Session,
    /// 列席常委会会议、参加座谈会等会议
    Meeting,
    /// 调研
    Research,
    /// 视察
    Inspection,
    /// 走访联系选民
    Visit,
    /// 联络站接待选民
    Reception,
    /// 到村组社区报到 (the first of the four tasks)
    CommunityReport,
    /// 信访代办
    PetitionAgency,
    /// 诉前调解
    Mediation,
    /// 反映监督事项
    Supervision,
    /// 提出建议
    Suggestion,
    /// 参加培训 (counts hours)
    Training,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 12] = [
        ActivityKind::Session,
        ActivityKind::Meeting,
        ActivityKind::Research,
        ActivityKind::Inspection,
        ActivityKind::Visit,
        ActivityKind::Reception,
        ActivityKind::CommunityReport,
        ActivityKind::PetitionAgency,
        ActivityKind::Mediation,
        ActivityKind::Supervision,
        ActivityKind::Suggestion,
        ActivityKind::Training,
    ];

    /// Stable key used in URLs (`?type=research`).
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Session => "session",
            ActivityKind::Meeting => "meeting",
            ActivityKind::Research => "research",
            ActivityKind::Inspection => "inspection",
            ActivityKind::Visit => "visit",
            ActivityKind::Reception => "reception",
            ActivityKind::CommunityReport => "community_report",
            ActivityKind::PetitionAgency => "petition_agency",
            ActivityKind::Mediation => "mediation",
            ActivityKind::Supervision => "supervision",
            ActivityKind::Suggestion => "suggestion",
            ActivityKind::Training => "training",
        }
    }

    pub fn from_key(key: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// One of the four tasks (四项工作) of deputies at the grassroots.
    pub fn is_four_task(self) -> bool {
        matches!(
            self,
            ActivityKind::CommunityReport
                | ActivityKind::PetitionAgency
                | ActivityKind::Mediation
                | ActivityKind::Supervision
        )
    }
}

/// One activity of one deputy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activity {
    /// Unique within the deputy's file.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: ActivityKind,
    pub title: String,
    /// Where it took place, as people say it.
    pub place: String,
    /// The region it took place in, when known (a code of `regions/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    /// A short account.
    pub text: String,
    /// Training hours (学时); only for [`ActivityKind::Training`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// The suggestion (代表建议) it produced, shown at `/proposals/{id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion_id: Option<String>,
    /// The consultation (征求意见) it contributed to, shown at `/consult/{id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation_id: Option<String>,
    /// A news article about it (`news/{id}.json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_id: Option<String>,
    /// The joint activity (deputies of several levels together) it is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_id: Option<String>,
}

impl Activity {
    /// The calendar year of the activity; `None` for a malformed date.
    pub fn year(&self) -> Option<i32> {
        crate::clock::parse_date(&self.date).map(|d| d.year())
    }
}

/// The deputy's own explanation beside their statistics (代表本人说明): their words, published
/// as they gave them, with the date they gave them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OwnNote {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub text: String,
}

/// `data/activities/{deputy_id}.json`: a deputy's duty record, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeputyActivities {
    pub format_version: u32,
    pub deputy_id: String,
    pub deputy_name: String,
    pub level: Level,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_note: Option<OwnNote>,
    pub activities: Vec<Activity>,
}

impl DeputyActivities {
    /// The years that have activities, newest first.
    pub fn years(&self) -> Vec<i32> {
        let mut y: Vec<i32> = self.activities.iter().filter_map(Activity::year).collect();
        y.sort_unstable_by(|a, b| b.cmp(a));
        y.dedup();
        y
    }
}

/// The timeline as filtered by the URL: an optional year and an optional kind, order kept.
pub fn filter(activities: &[Activity], year: Option<i32>, kind: Option<ActivityKind>) -> Vec<&Activity> {
    activities
        .iter()
        .filter(|a| year.is_none() || a.year() == year)
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .collect()
}

/// A deputy taking part in a joint activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Participant {
    pub deputy_id: String,
    pub name: String,
    pub level: Level,
}

/// An activity of deputies of several levels together (五级代表协同).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JointActivity {
    pub id: String,
    pub date: String,
    pub kind: ActivityKind,
    pub title: String,
    pub place: String,
    /// The township or county where it took place.
    pub region_code: String,
    pub text: String,
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_id: Option<String>,
}

impl JointActivity {
    /// The distinct levels taking part, national first.
    pub fn levels(&self) -> Vec<Level> {
        let mut l: Vec<Level> = self.participants.iter().map(|p| p.level).collect();
        l.sort();
        l.dedup();
        l
    }
}

/// `data/joint/{code}.json`: the joint activities at a township, or in a county (its own and
/// its townships'), newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceJoint {
    pub format_version: u32,
    pub region_code: String,
    pub region_name: String,
    pub activities: Vec<JointActivity>,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn act(id: &str, date: &str, kind: ActivityKind) -> Activity {
        Activity {
            id: id.into(),
            date: date.into(),
            kind,
            title: "t".into(),
            place: "p".into(),
            region_code: None,
            text: "x".into(),
            hours: None,
            suggestion_id: None,
            consultation_id: None,
            news_id: None,
            joint_id: None,
        }
    }

    #[test]
    fn keys_round_trip() {
        for k in ActivityKind::ALL {
            assert_eq!(ActivityKind::from_key(k.key()), Some(k));
        }
        assert_eq!(ActivityKind::from_key("nope"), None);
        assert_eq!(ActivityKind::ALL.iter().filter(|k| k.is_four_task()).count(), 4);
    }

    #[test]
    fn filter_by_year_and_kind() {
        let list = vec![
            act("a", "2025-03-01", ActivityKind::Research),
            act("b", "2025-04-01", ActivityKind::Visit),
            act("c", "2024-05-01", ActivityKind::Research),
            act("d", "bad", ActivityKind::Research),
        ];
        let ids = |v: Vec<&Activity>| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(filter(&list, Some(2025), Some(ActivityKind::Research))), ["a"]);
        assert_eq!(ids(filter(&list, Some(2025), None)), ["a", "b"]);
        assert_eq!(ids(filter(&list, None, Some(ActivityKind::Research))), ["a", "c", "d"]);
        assert_eq!(filter(&list, None, None).len(), 4);
        let file = DeputyActivities {
            format_version: 1,
            deputy_id: "x".into(),
            deputy_name: "x".into(),
            level: Level::City,
            own_note: None,
            activities: list,
        };
        assert_eq!(file.years(), [2025, 2024]);
    }
}
