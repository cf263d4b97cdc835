//! Pick a deputy by name or pinyin, with the directory's name search (search/meta.json and the
//! few index leaves the query needs, ranked by `deputy_model::search`).

use deputy_model::DeputySummary;
use leptos::prelude::*;

use crate::data::{DataError, DataResource};
use crate::direct::level_label;
use crate::i18n::*;
use crate::ui::loaded;

async fn find(q: String) -> Result<Vec<DeputySummary>, DataError> {
    if q.trim().is_empty() {
        return Ok(Vec::new());
    }
    let hits = crate::direct::name_search(q.clone()).await?;
    Ok(hits.entries.into_iter().take(8).map(|e| e.deputy).collect())
}

#[component]
pub fn DeputyPicker(
    /// Prefix of element ids.
    id: &'static str,
    #[prop(into)] label: String,
    /// Called with the chosen deputy.
    on_pick: Callback<DeputySummary>,
    /// Ids not offered (already chosen).
    #[prop(into)]
    exclude: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let results = DataResource::new(move || find(query.get()));
    let input_id = format!("{id}-q");
    view! {
        <div class="picker" role="search">
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <div class="picker-row">
                    <input id=input_id type="search" autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); query.set(typed.get_untracked()); } />
                    <button type="button" class="button secondary" on:click=move |_| query.set(typed.get_untracked())>
                        {tr!(proposals.search)}
                    </button>
                </div>
            </div>
            {move || (!query.get().is_empty()).then(|| loaded(results, move |found| {
                let ex = exclude.get();
                let found: Vec<DeputySummary> = found.into_iter().filter(|d| !ex.contains(&d.id)).collect();
                if found.is_empty() {
                    view! { <p class="empty" role="status">{tr!(proposals.no_deputy)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="picker-results" aria-live="polite">
                            {found.into_iter().map(|d| {
                                let text = format!("{}{}{}{}{}{}", d.name, tr!(punct.open), level_label(i18n, d.level), tr!(punct.comma), d.region_name, tr!(punct.close));
                                let chosen = d.clone();
                                view! {
                                    <li>
                                        <button type="button" class="button secondary pick" on:click=move |_| {
                                            on_pick.run(chosen.clone());
                                            query.set(String::new());
                                            typed.set(String::new());
                                        }>
                                            {t!(i18n, proposals.choose, who = text.clone())}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }))}
        </div>
    }
}
