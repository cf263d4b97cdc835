//! Catalog labels for the model's enums.

use deputy_model::Level;
use deputy_model::message::{MessageState, Rating};

use crate::i18n::*;

pub fn level_label(i18n: I18n, level: Level) -> &'static str {
    match level {
        Level::National => t_string!(i18n, direct.level_national),
        Level::Region => t_string!(i18n, direct.level_region),
        Level::City => t_string!(i18n, direct.level_city),
        Level::County => t_string!(i18n, direct.level_county),
        Level::Township => t_string!(i18n, direct.level_township),
    }
}

pub fn state_label(i18n: I18n, state: MessageState) -> &'static str {
    match state {
        MessageState::Submitted => t_string!(i18n, direct.state_submitted),
        MessageState::Forwarded => t_string!(i18n, direct.state_forwarded),
        MessageState::Replied => t_string!(i18n, direct.state_replied),
        MessageState::Rated => t_string!(i18n, direct.state_rated),
        MessageState::Reopened => t_string!(i18n, direct.state_reopened),
    }
}

pub fn rating_label(i18n: I18n, rating: Rating) -> &'static str {
    match rating {
        Rating::Satisfied => t_string!(i18n, direct.rating_satisfied),
        Rating::Basically => t_string!(i18n, direct.rating_basically),
        Rating::Unsatisfied => t_string!(i18n, direct.rating_unsatisfied),
    }
}
