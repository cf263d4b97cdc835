//! Catalog labels of the activity kinds, and the year/type filters the record pages share.

use deputy_model::activity::ActivityKind;

use crate::i18n::*;

pub fn kind_label(i18n: I18n, kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Session => t_string!(i18n, records.kind_session),
        ActivityKind::Meeting => t_string!(i18n, records.kind_meeting),
        ActivityKind::Research => t_string!(i18n, records.kind_research),
        ActivityKind::Inspection => t_string!(i18n, records.kind_inspection),
        ActivityKind::Visit => t_string!(i18n, records.kind_visit),
        ActivityKind::Reception => t_string!(i18n, records.kind_reception),
        ActivityKind::CommunityReport => t_string!(i18n, records.kind_community_report),
        ActivityKind::PetitionAgency => t_string!(i18n, records.kind_petition_agency),
        ActivityKind::Mediation => t_string!(i18n, records.kind_mediation),
        ActivityKind::Supervision => t_string!(i18n, records.kind_supervision),
        ActivityKind::Suggestion => t_string!(i18n, records.kind_suggestion),
        ActivityKind::Training => t_string!(i18n, records.kind_training),
    }
}

/// A year from the URL (`?year=2025`); anything else means all years.
pub fn parse_year(s: &str) -> Option<i32> {
    s.parse().ok().filter(|y| (1949..=2100).contains(y))
}
