//! What a deputy writes: the draft kept on the device, its checks, and co-signers' codes.

use super::*;

pub const MAX_TITLE: usize = 60;
pub const MAX_PART: usize = 3000;
pub const MAX_PROPOSAL: usize = 500;
pub const MAX_PROPOSALS: usize = 10;
/// The exclusions the deputy confirms before submitting (the form shows each as a checkbox).
pub const EXCLUSIONS: usize = 4;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
pub struct DraftCosigner {
    pub deputy_id: String,
    pub name: String,
    pub confirmed: bool,
}

/// A suggestion being written, as the device keeps it (several can be kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub category: String,
    pub lead_id: String,
    pub lead_name: String,
    pub facts: String,
    pub analysis: String,
    /// One proposal a line; shown numbered.
    pub proposals: String,
    pub suggested_unit: String,
    /// One reference a line.
    pub attachments: String,
    #[serde(default)]
    pub cosigners: Vec<DraftCosigner>,
    /// Each exclusion confirmed (not personal, not a petition, not in court, not promotion).
    #[serde(default)]
    pub exclusions: [bool; EXCLUSIONS],
    #[serde(default)]
    pub from_message: Option<String>,
    #[serde(default)]
    pub from_subject: Option<String>,
    /// The deputy whose Q&A shows that letter (for the link back).
    #[serde(default)]
    pub from_deputy: Option<String>,
    pub updated_at: String,
    /// The receipt code once submitted.
    #[serde(default)]
    pub receipt: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    NoTitle,
    TitleTooLong,
    NoCategory,
    NoLead,
    NoFacts,
    FactsTooLong,
    NoAnalysis,
    AnalysisTooLong,
    NoProposals,
    ProposalTooLong,
    TooManyProposals,
    /// An exclusion not yet confirmed (index into the checklist).
    Exclusion(usize),
}

/// The proposals, one a line, without blank lines or a leading "1." the deputy typed.
pub fn proposal_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let t = l.trim();
            let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
            let rest = &t[digits..];
            if digits > 0 && (rest.starts_with('.') || rest.starts_with('、') || rest.starts_with('．')) {
                rest.trim_start_matches(['.', '、', '．']).trim().to_string()
            } else {
                t.to_string()
            }
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Everything that keeps a draft from being submitted, in form order.
pub fn draft_problems(d: &Draft) -> Vec<DraftProblem> {
    use DraftProblem as P;
    let mut p = Vec::new();
    let n = |s: &str| s.trim().chars().count();
    match n(&d.title) {
        0 => p.push(P::NoTitle),
        c if c > MAX_TITLE => p.push(P::TitleTooLong),
        _ => {}
    }
    if !CATEGORIES.contains(&d.category.as_str()) {
        p.push(P::NoCategory);
    }
    if d.lead_id.trim().is_empty() {
        p.push(P::NoLead);
    }
    match n(&d.facts) {
        0 => p.push(P::NoFacts),
        c if c > MAX_PART => p.push(P::FactsTooLong),
        _ => {}
    }
    match n(&d.analysis) {
        0 => p.push(P::NoAnalysis),
        c if c > MAX_PART => p.push(P::AnalysisTooLong),
        _ => {}
    }
    let lines = proposal_lines(&d.proposals);
    if lines.is_empty() {
        p.push(P::NoProposals);
    } else if lines.len() > MAX_PROPOSALS {
        p.push(P::TooManyProposals);
    }
    if lines.iter().any(|l| l.chars().count() > MAX_PROPOSAL) {
        p.push(P::ProposalTooLong);
    }
    for (i, ok) in d.exclusions.iter().enumerate() {
        if !ok {
            p.push(P::Exclusion(i));
        }
    }
    p
}

/// The short code a co-signer's confirmation page shows and the lead types into the draft:
/// six digits derived from (draft id, co-signer id), so both sides compute it without a server.
pub fn cosign_code(draft_id: &str, cosigner_id: &str) -> String {
    // FNV-1a, 64 bit: stable across platforms and versions (unlike std's hasher).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in draft_id.bytes().chain([0u8]).chain(cosigner_id.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:06}", h % 1_000_000)
}

/// Whether a typed code confirms that co-signer (spaces and dashes ignored).
pub fn cosign_code_matches(draft_id: &str, cosigner_id: &str, typed: &str) -> bool {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    digits == cosign_code(draft_id, cosigner_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_draft() -> Draft {
        Draft {
            id: "d1".into(),
            title: "关于改善乡村道路的建议".into(),
            category: "城乡建设与资源环境".into(),
            lead_id: "city-0001".into(),
            lead_name: "甲".into(),
            facts: "情况".into(),
            analysis: "分析".into(),
            proposals: "1. 第一条\n\n2、第二条\n".into(),
            exclusions: [true; EXCLUSIONS],
            ..Default::default()
        }
    }

    #[test]
    fn draft_checks_each_part() {
        assert_eq!(draft_problems(&full_draft()), vec![]);
        assert_eq!(proposal_lines(&full_draft().proposals), vec!["第一条", "第二条"]);
        let mut d = full_draft();
        d.title = "长".repeat(MAX_TITLE + 1);
        d.category = "不存在".into();
        d.facts = " ".into();
        d.analysis = String::new();
        d.proposals = "\n".into();
        d.exclusions[2] = false;
        use DraftProblem as P;
        assert_eq!(
            draft_problems(&d),
            vec![P::TitleTooLong, P::NoCategory, P::NoFacts, P::NoAnalysis, P::NoProposals, P::Exclusion(2)]
        );
        let mut d = full_draft();
        d.proposals = "长".repeat(MAX_PROPOSAL + 1);
        d.facts = "长".repeat(MAX_PART + 1);
        assert_eq!(draft_problems(&d), vec![P::FactsTooLong, P::ProposalTooLong]);
    }

    #[test]
    fn cosign_codes_are_stable_and_specific() {
        let c = cosign_code("d-1", "city-0002");
        assert_eq!(c.len(), 6);
        assert_eq!(c, cosign_code("d-1", "city-0002"));
        assert_ne!(c, cosign_code("d-1", "city-0003"));
        assert_ne!(c, cosign_code("d-2", "city-0002"));
        assert!(cosign_code_matches("d-1", "city-0002", &format!(" {}-{} ", &c[..3], &c[3..])));
        assert!(!cosign_code_matches("d-1", "city-0003", &c));
    }
}
