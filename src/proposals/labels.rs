//! Catalog labels for the suggestion module's enums.

use deputy_model::suggestion::{ResultClass, Status};

use crate::i18n::*;

pub fn status_label(i18n: I18n, s: Status) -> &'static str {
    match s {
        Status::Submitted => t_string!(i18n, proposals.st_submitted),
        Status::Registered => t_string!(i18n, proposals.st_registered),
        Status::Assigned => t_string!(i18n, proposals.st_assigned),
        Status::InProgress => t_string!(i18n, proposals.st_in_progress),
        Status::Replied => t_string!(i18n, proposals.st_replied),
        Status::Rated => t_string!(i18n, proposals.st_rated),
        Status::Rehandling => t_string!(i18n, proposals.st_rehandling),
        Status::Closed => t_string!(i18n, proposals.st_closed),
    }
}

pub fn result_label(i18n: I18n, r: ResultClass) -> &'static str {
    match r {
        ResultClass::A => t_string!(i18n, proposals.result_a),
        ResultClass::B => t_string!(i18n, proposals.result_b),
        ResultClass::C => t_string!(i18n, proposals.result_c),
    }
}

/// The names of the writing form's five steps, in order.
pub fn step_names(i18n: I18n) -> [&'static str; 5] {
    [
        t_string!(i18n, proposals.step_1),
        t_string!(i18n, proposals.step_2),
        t_string!(i18n, proposals.step_3),
        t_string!(i18n, proposals.step_4),
        t_string!(i18n, proposals.step_5),
    ]
}
