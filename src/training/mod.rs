//! The training module. Its pages arrive with its own issue; until then it says what it will offer.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::UnderConstruction;

#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <UnderConstruction
            title=Signal::derive(move || t_string!(i18n, nav.training).to_string())
            items=Signal::derive(move || t_string!(i18n, modules.training_items).to_string())
        />
    }
}
