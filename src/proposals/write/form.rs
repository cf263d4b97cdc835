//! The editor's state: one signal per part of the draft, what is wrong with it, and the moves
//! between steps. `Form` is `Copy`, so every step component takes it whole.

use deputy_model::submission::SubmissionKind;
use deputy_model::suggestion::{Draft, DraftCosigner, DraftProblem, EXCLUSIONS, draft_problems, proposal_lines};
use leptos::prelude::*;

use super::super::doc::DocText;
use super::super::drafts::Drafts;
use crate::outbox::Outbox;

pub(super) const STEPS: u8 = 5;

pub(super) fn step_of(p: DraftProblem) -> u8 {
    use DraftProblem as P;
    match p {
        P::NoTitle | P::TitleTooLong | P::NoCategory | P::NoLead => 1,
        P::NoFacts | P::FactsTooLong | P::NoAnalysis | P::AnalysisTooLong => 2,
        P::NoProposals | P::ProposalTooLong | P::TooManyProposals => 3,
        P::Exclusion(_) => 5,
    }
}

/// The control to focus for a problem.
pub(super) fn field_of(p: DraftProblem) -> String {
    use DraftProblem as P;
    match p {
        P::NoTitle | P::TitleTooLong => "s-title".into(),
        P::NoCategory => "s-category".into(),
        P::NoLead => "s-lead-q".into(),
        P::NoFacts | P::FactsTooLong => "s-facts".into(),
        P::NoAnalysis | P::AnalysisTooLong => "s-analysis".into(),
        P::NoProposals | P::ProposalTooLong | P::TooManyProposals => "s-proposals".into(),
        P::Exclusion(i) => format!("s-exclusion-{i}"),
    }
}

pub(super) fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        }
    });
}

#[derive(Clone, Copy)]
pub(super) struct Form {
    /// The draft as opened: its id and the letter it came from, which the editor never changes.
    pub base: StoredValue<Draft>,
    pub title: RwSignal<String>,
    pub category: RwSignal<String>,
    /// (deputy id, name)
    pub lead: RwSignal<(String, String)>,
    pub facts: RwSignal<String>,
    pub analysis: RwSignal<String>,
    pub proposals: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub attachments: RwSignal<String>,
    pub cosigners: RwSignal<Vec<DraftCosigner>>,
    pub exclusions: RwSignal<[bool; EXCLUSIONS]>,
    pub receipt: RwSignal<Option<String>>,
    pub step: RwSignal<u8>,
    /// Set by 下一步 or 提交 when something blocks: only then are problems shown.
    pub tried: RwSignal<bool>,
}

impl Form {
    pub fn new(draft: Draft) -> Form {
        Form {
            title: RwSignal::new(draft.title.clone()),
            category: RwSignal::new(draft.category.clone()),
            lead: RwSignal::new((draft.lead_id.clone(), draft.lead_name.clone())),
            facts: RwSignal::new(draft.facts.clone()),
            analysis: RwSignal::new(draft.analysis.clone()),
            proposals: RwSignal::new(draft.proposals.clone()),
            unit: RwSignal::new(draft.suggested_unit.clone()),
            attachments: RwSignal::new(draft.attachments.clone()),
            cosigners: RwSignal::new(draft.cosigners.clone()),
            exclusions: RwSignal::new(draft.exclusions),
            receipt: RwSignal::new(draft.receipt.clone()),
            step: RwSignal::new(if draft.receipt.is_some() { STEPS } else { 1u8 }),
            tried: RwSignal::new(false),
            base: StoredValue::new(draft),
        }
    }

    /// The draft as it stands (tracked: an effect on it runs at every keystroke).
    pub fn snapshot(self) -> Draft {
        let (lead_id, lead_name) = self.lead.get();
        Draft {
            title: self.title.get(),
            category: self.category.get(),
            lead_id,
            lead_name,
            facts: self.facts.get(),
            analysis: self.analysis.get(),
            proposals: self.proposals.get(),
            suggested_unit: self.unit.get(),
            attachments: self.attachments.get(),
            cosigners: self.cosigners.get(),
            exclusions: self.exclusions.get(),
            receipt: self.receipt.get(),
            ..self.base.get_value()
        }
    }

    /// Autosave: every change to any part goes to the device at once.
    pub fn autosave(self, drafts: Drafts) {
        Effect::new(move |_| drafts.put(self.snapshot()));
    }

    pub fn problems(self) -> Vec<DraftProblem> {
        draft_problems(&self.snapshot())
    }

    /// Whether to show this problem now.
    pub fn err(self, p: DraftProblem) -> bool {
        self.tried.get() && self.problems().contains(&p)
    }

    /// The message of the first of these problems that shows.
    pub fn msg(self, ps: &[(DraftProblem, String)]) -> Option<String> {
        ps.iter().find(|(p, _)| self.err(*p)).map(|(_, m)| m.clone())
    }

    pub fn go(self, n: u8) {
        self.step.set(n);
        self.tried.set(false);
        focus_later("step-heading".into());
    }

    /// 下一步: on to the next step, or stop at this step's first problem.
    pub fn next(self) {
        let here = self.step.get_untracked();
        let blocking: Vec<DraftProblem> =
            draft_problems(&self.snapshot()).into_iter().filter(|p| step_of(*p) == here).collect();
        if let Some(first) = blocking.first() {
            self.tried.set(true);
            focus_later(field_of(*first));
        } else {
            self.go(here + 1);
        }
    }

    /// 提交: through the outbox (stored on the device first), or stop at what is missing.
    pub fn submit(self, outbox: Outbox) {
        let all = draft_problems(&self.snapshot());
        if let Some(first) = all.first() {
            self.tried.set(true);
            if step_of(*first) == STEPS {
                focus_later(field_of(*first));
            } else {
                focus_later("submit-problems".into());
            }
            return;
        }
        let d = self.snapshot();
        let mut payload = serde_json::to_value(&d).unwrap_or_default();
        payload["proposal_list"] = serde_json::json!(proposal_lines(&d.proposals));
        let code = outbox.submit(SubmissionKind::Suggestion, d.title.trim().to_string(), payload);
        self.receipt.set(Some(code));
        focus_later("submit-done".into());
    }

    /// The suggestion in the official layout, for the preview and print.
    pub fn doc(self) -> DocText {
        let lines = |s: String| s.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
        DocText {
            title: self.title.get(),
            category: self.category.get(),
            lead: self.lead.get().1,
            cosigners: self.cosigners.get().into_iter().map(|c| (c.name, c.confirmed)).collect(),
            unit: self.unit.get(),
            facts: lines(self.facts.get()),
            analysis: lines(self.analysis.get()),
            proposals: proposal_lines(&self.proposals.get()),
            attachments: lines(self.attachments.get()),
        }
    }
}
