//! How long each field of each form may be, in one table: the app's forms stop there (a count
//! and an error, or `maxlength` on short fields), and the inbox and `ingest` refuse more
//! (`intake::check`). The inbox is never stricter than a form: a letter the form accepted is
//! never refused for its length on arrival. Lengths are counted as the forms count them:
//! characters of the trimmed text.

use serde_json::Value;

use crate::input::char_count;
use crate::message::{CONTENT_MAX, SUBJECT_MAX};
use crate::submission::SubmissionKind;
use crate::suggestion::{MAX_PART, MAX_PROPOSAL, MAX_PROPOSALS, MAX_TITLE};
use crate::validate::MAX_NAME_CHARS;

/// A person's own name as they type it (letters, comments).
pub const PERSON_NAME_MAX: usize = 30;
/// A mobile number, with room for spaces and a country code.
pub const PHONE_MAX: usize = 20;
/// A phone number or an e-mail address (comments, feedback).
pub const CONTACT_MAX: usize = 60;
/// A comment on an article of a draft (征求意见).
pub const COMMENT_MAX: usize = 2000;
/// 意见反馈 about the site.
pub const FEEDBACK_MAX: usize = 1000;
/// The optional words with a satisfaction rating of a reply.
pub const RATING_COMMENT_MAX: usize = 500;
/// Ids (of deputies, consultations, drafts) and names or titles taken from the site's data.
const FROM_DATA_MAX: usize = MAX_NAME_CHARS;
/// The hidden field people never see (`intake::is_honeypot`): a bot's text, kept short.
const HONEYPOT_MAX: usize = 200;

/// The limit of a text field of a payload, where the kind's form has one; other text fields
/// are limited by `intake::TEXT_MAX`.
pub fn limit(kind: SubmissionKind, field: &str) -> Option<usize> {
    use SubmissionKind as K;
    Some(match (kind, field) {
        (_, "website") => HONEYPOT_MAX,
        (K::Message, "subject") => SUBJECT_MAX,
        (K::Message, "content") => CONTENT_MAX,
        (K::Message, "name") | (K::Comment, "name") => PERSON_NAME_MAX,
        (K::Message, "phone") => PHONE_MAX,
        (K::Message, "deputy_id" | "deputy_name" | "category") => FROM_DATA_MAX,
        (K::Rating, "comment") => RATING_COMMENT_MAX,
        (K::Comment, "content") => COMMENT_MAX,
        (K::Comment | K::Feedback, "contact") => CONTACT_MAX,
        (K::Comment, "consultation_id") => FROM_DATA_MAX,
        (K::Feedback, "content") => FEEDBACK_MAX,
        (K::Suggestion, "title") => MAX_TITLE,
        (K::Suggestion, "facts" | "analysis") => MAX_PART,
        // One proposal a line: each line is checked by the form; here the whole, with room
        // for the line breaks and blank lines between them.
        (K::Suggestion, "proposals") => MAX_PROPOSALS * (MAX_PROPOSAL + 10),
        (K::Cosign, "draft_id" | "cosigner_id" | "cosigner_name" | "lead") => FROM_DATA_MAX,
        (K::Cosign, "title") => MAX_TITLE,
        _ => return None,
    })
}

/// The first text field of `payload` over its kind's limit, by its path (`payload.content`).
pub fn over_limit(kind: SubmissionKind, payload: &Value) -> Option<&'static str> {
    let fields = payload.as_object()?;
    for (name, value) in fields {
        if let (Some(max), Some(text)) = (limit(kind, name), value.as_str())
            && char_count(text.trim()) > max
        {
            return LIMITED.iter().find(|(f, _)| *f == name.as_str()).map(|(_, path)| *path);
        }
    }
    // 建议: the list of proposals as sent beside the text.
    if kind == SubmissionKind::Suggestion
        && let Some(list) = fields.get("proposal_list").and_then(Value::as_array)
        && (list.len() > MAX_PROPOSALS
            || list.iter().any(|p| p.as_str().is_some_and(|p| char_count(p.trim()) > MAX_PROPOSAL)))
    {
        return Some("payload.proposal_list");
    }
    None
}

/// The limited fields with their paths, for the refusal's reason (`too_long:payload.subject`).
const LIMITED: &[(&str, &str)] = &[
    ("website", "payload.website"),
    ("subject", "payload.subject"),
    ("content", "payload.content"),
    ("name", "payload.name"),
    ("phone", "payload.phone"),
    ("deputy_id", "payload.deputy_id"),
    ("deputy_name", "payload.deputy_name"),
    ("category", "payload.category"),
    ("comment", "payload.comment"),
    ("contact", "payload.contact"),
    ("consultation_id", "payload.consultation_id"),
    ("title", "payload.title"),
    ("facts", "payload.facts"),
    ("analysis", "payload.analysis"),
    ("proposals", "payload.proposals"),
    ("draft_id", "payload.draft_id"),
    ("cosigner_id", "payload.cosigner_id"),
    ("cosigner_name", "payload.cosigner_name"),
    ("lead", "payload.lead"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_limited_field_has_its_name_for_the_reason() {
        use SubmissionKind as K;
        for kind in [K::Message, K::Rating, K::Comment, K::Feedback, K::Suggestion, K::Cosign, K::Vote, K::Training] {
            for field in ["website", "subject", "content", "name", "phone", "deputy_id", "deputy_name", "category"]
                .into_iter()
                .chain(["comment", "contact", "consultation_id", "title", "facts", "analysis", "proposals"])
                .chain(["draft_id", "cosigner_id", "cosigner_name", "lead", "page", "other"])
            {
                if limit(kind, field).is_some() {
                    assert!(LIMITED.iter().any(|(f, _)| *f == field), "{field} has a limit but no name for the reason");
                }
            }
        }
    }

    #[test]
    fn a_letter_at_its_limits_passes_and_one_over_is_refused_by_its_field() {
        let at = json!({"subject": "题".repeat(SUBJECT_MAX), "content": format!("  {}\n", "字".repeat(CONTENT_MAX)),
            "name": "ᠨᠠᠷᠠᠨ".repeat(6), "phone": "138 1234 5678"});
        assert_eq!(over_limit(SubmissionKind::Message, &at), None, "surrounding white space does not count");
        let mut over = at.clone();
        over["content"] = "字".repeat(CONTENT_MAX + 1).into();
        assert_eq!(over_limit(SubmissionKind::Message, &over), Some("payload.content"));
        over["content"] = "字".into();
        over["name"] = "名".repeat(PERSON_NAME_MAX + 1).into();
        assert_eq!(over_limit(SubmissionKind::Message, &over), Some("payload.name"));
    }

    #[test]
    fn a_suggestion_of_ten_full_proposals_passes_and_an_eleventh_is_refused() {
        let one = "议".repeat(MAX_PROPOSAL);
        let ten: Vec<String> = (0..MAX_PROPOSALS).map(|_| one.clone()).collect();
        let full = json!({"title": "题".repeat(MAX_TITLE), "facts": "实".repeat(MAX_PART), "analysis": "析".repeat(MAX_PART),
            "proposals": ten.join("\n\n"), "proposal_list": ten});
        assert_eq!(over_limit(SubmissionKind::Suggestion, &full), None);
        let mut eleven = full.clone();
        eleven["proposal_list"].as_array_mut().unwrap().push("议".into());
        assert_eq!(over_limit(SubmissionKind::Suggestion, &eleven), Some("payload.proposal_list"));
    }

    #[test]
    fn kinds_without_a_form_limit_are_left_to_the_general_one() {
        assert_eq!(limit(SubmissionKind::Training, "title"), None);
        assert_eq!(over_limit(SubmissionKind::Vote, &json!({"case_title": "长".repeat(4000)})), None);
    }
}
