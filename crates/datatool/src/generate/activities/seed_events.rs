//! The seed newsletter's events, as duty records of the deputies it names.

use deputy_model::Deputy;
use deputy_model::activity::{Activity, ActivityKind};

use super::super::letters::LETTER_SUGGESTION_ID;
use super::super::seed_content::{SEED_DEPUTIES, SeedDeputy};
use super::draw::{activity, date};

/// The seed deputy this is (by name and bio: a generated deputy may share a name).
pub(super) fn seed_of(d: &Deputy) -> Option<&'static SeedDeputy> {
    SEED_DEPUTIES.iter().find(|s| s.name == d.summary.name && s.bio == d.bio)
}

/// The newsletter's events of a deputy it names.
pub(super) fn seed_events(d: &Deputy) -> Vec<Activity> {
    let mut out = Vec::new();
    let seed = seed_of(d);
    let Some(seed) = seed else { return out };
    if seed.news_ids.contains(&"2025-0011") {
        let mut a = activity(
            date(2025, 7, 10),
            ActivityKind::Research,
            "社会建设领域代表小组活动：走访社区养老服务和医共体建设项目".into(),
            "巴彦淖尔市临河区".into(),
            "与20余名代表实地考察社区养老服务、医共体建设等民生项目，围绕基层治理建言献策。".into(),
        );
        a.news_id = Some("2025-0011".into());
        out.push(a);
    }
    if seed.news_ids.contains(&"2025-0014") {
        let mut a = activity(
            date(2025, 6, 18),
            ActivityKind::Mediation,
            "调解一起物业纠纷".into(),
            "临河区物业纠纷人民调解委员会".into(),
            "组织业主和物业公司面对面协商，双方达成调解协议。".into(),
        );
        a.news_id = Some("2025-0014".into());
        out.push(a);
    }
    if seed.name == "边俊峰" || seed.name == "王义" {
        let role = if seed.name == "边俊峰" { "领衔提出" } else { "联名提出" };
        let mut a = activity(
            date(2025, 3, 6),
            ActivityKind::Suggestion,
            format!("{role}关于帮助杭锦后旗现代农牧业奶业振兴产业园养殖企业解决资金难题的建议"),
            "杭锦后旗".into(),
            "建议得到市政府高度重视，副市长批示办理，部分项目补贴款已经到位。".into(),
        );
        a.suggestion_id = Some(LETTER_SUGGESTION_ID.into());
        a.news_id = Some("2025-0015".into());
        out.push(a);
    }
    out
}
