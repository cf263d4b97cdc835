//! 履职评议: each year the standing committee nominates cases of deputies at different levels
//! working together (协同履职案例), and the public votes for the best one (最佳协同履职案例).
//! Served as `data/evaluation.json`; votes arrive through the outbox as `vote` submissions and
//! the published tallies are counted by the station, not by the app.

use serde::{Deserialize, Serialize};

/// A deputy named in a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseDeputy {
    pub id: String,
    pub name: String,
}

/// One nominated case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvaluationCase {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Where the work happened, e.g. "临河区铁南街道".
    pub place: String,
    pub deputies: Vec<CaseDeputy>,
    /// The news article that reported it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_id: Option<String>,
}

/// Published votes for one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    pub case_id: String,
    pub votes: u32,
}

/// `data/evaluation.json`: this year's 履职评议.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evaluation {
    pub format_version: u32,
    pub year: u32,
    pub title: String,
    /// Voting period, `YYYY-MM-DD`, both days included (Asia/Shanghai).
    pub opens: String,
    pub closes: String,
    pub cases: Vec<EvaluationCase>,
    pub tallies: Vec<Tally>,
    /// When the tallies were counted, `YYYY-MM-DD HH:MM`.
    pub tallied_at: String,
}

impl Evaluation {
    /// The published votes for a case (0 when it has no tally yet).
    pub fn votes(&self, case_id: &str) -> u32 {
        self.tallies.iter().filter(|t| t.case_id == case_id).map(|t| t.votes).sum()
    }

    pub fn total_votes(&self) -> u32 {
        self.tallies.iter().map(|t| t.votes).sum()
    }

    /// Whether votes are accepted on `today` (`YYYY-MM-DD`).
    pub fn open_on(&self, today: &str) -> bool {
        self.opens.as_str() <= today && today <= self.closes.as_str()
    }

    /// What is wrong with the tallies, in Chinese: a tally for a case that does not exist, two
    /// tallies for one case, a case without a tally, or two cases with one id.
    pub fn tally_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (i, c) in self.cases.iter().enumerate() {
            if self.cases[..i].iter().any(|o| o.id == c.id) {
                out.push((format!("cases[{i}].id"), format!("案例编号 {} 重复", c.id)));
            }
            if !self.tallies.iter().any(|t| t.case_id == c.id) {
                out.push((format!("cases[{i}].id"), format!("案例 {} 没有票数", c.id)));
            }
        }
        for (i, t) in self.tallies.iter().enumerate() {
            if !self.cases.iter().any(|c| c.id == t.case_id) {
                out.push((format!("tallies[{i}].case_id"), format!("案例 {} 不存在", t.case_id)));
            }
            if self.tallies[..i].iter().any(|o| o.case_id == t.case_id) {
                out.push((format!("tallies[{i}].case_id"), format!("案例 {} 的票数重复", t.case_id)));
            }
        }
        out
    }
}

/// Where the device remembers the cases it voted for: `{year}/{case_id}` (one vote per case per
/// device; the station also removes duplicate receipt codes when counting).
pub fn vote_key(year: u32, case_id: &str) -> String {
    format!("{year}/{case_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Evaluation {
        let case = |id: &str| EvaluationCase {
            id: id.into(),
            title: "t".into(),
            summary: "s".into(),
            place: "p".into(),
            deputies: vec![],
            news_id: None,
        };
        Evaluation {
            format_version: 1,
            year: 2025,
            title: "2025年度履职评议".into(),
            opens: "2025-11-01".into(),
            closes: "2025-12-31".into(),
            cases: vec![case("a"), case("b")],
            tallies: vec![Tally { case_id: "a".into(), votes: 3 }, Tally { case_id: "b".into(), votes: 5 }],
            tallied_at: "2025-11-28 09:00".into(),
        }
    }

    #[test]
    fn votes_and_period() {
        let e = sample();
        assert_eq!(e.votes("a"), 3);
        assert_eq!(e.votes("zz"), 0);
        assert_eq!(e.total_votes(), 8);
        assert!(e.open_on("2025-11-01") && e.open_on("2025-12-31"));
        assert!(!e.open_on("2025-10-31") && !e.open_on("2026-01-01"));
        assert!(e.tally_problems().is_empty());
        assert_eq!(vote_key(2025, "a"), "2025/a");
    }

    #[test]
    fn tallies_must_match_cases() {
        let mut e = sample();
        e.tallies.push(Tally { case_id: "ghost".into(), votes: 1 });
        e.tallies.push(Tally { case_id: "a".into(), votes: 1 });
        e.tallies.retain(|t| t.case_id != "b");
        let p = e.tally_problems();
        assert!(p.iter().any(|(f, m)| f == "cases[1].id" && m.contains("没有票数")), "{p:?}");
        assert!(p.iter().any(|(_, m)| m == "案例 ghost 不存在"), "{p:?}");
        assert!(p.iter().any(|(_, m)| m == "案例 a 的票数重复"), "{p:?}");
    }
}
