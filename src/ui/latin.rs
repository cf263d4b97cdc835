//! Names in Latin letters beside the characters, in the English UI only: 王建国 Wang Jianguo,
//! 临河区 Linhe District. The spelling table (`data/latin.json`) is fetched only in English, so
//! a Chinese reader downloads nothing for it; the spelling rules are the model's
//! (`deputy_model::latin`).

use deputy_model::latin::{self, LatinTable};
use leptos::prelude::*;

use crate::data::{DataResource, fetch_json};
use crate::i18n::{Locale, current};

/// The spelling table, `None` in Chinese.
#[derive(Clone, Copy)]
pub struct Latin(Option<DataResource<LatinTable>>);

pub fn provide_latin() {
    let table = (current() == Locale::En).then(|| DataResource::new(|| fetch_json("latin.json")));
    provide_context(Latin(table));
}

fn with_table<R>(f: impl FnOnce(&LatinTable) -> Option<R>) -> Option<R> {
    let Latin(table) = use_context::<Latin>()?;
    table?.get().and_then(Result::ok).and_then(|t| f(&t))
}

/// A person's name in Latin letters (English UI only; `None` in Chinese or while the table
/// loads). `given`: the data's own spelling (a Mongolian name's transcription), used as is.
pub fn person_latin(name: &str, one_word: bool, given: Option<&str>) -> Option<String> {
    if current() != Locale::En {
        return None;
    }
    if let Some(given) = given.filter(|g| !g.trim().is_empty()) {
        return Some(given.to_string());
    }
    with_table(|t| latin::person(name, one_word, t))
}

/// A place's name in Latin letters (English UI only).
pub fn place_latin(name: &str) -> Option<String> {
    if current() != Locale::En {
        return None;
    }
    with_table(|t| latin::place(name, t))
}

/// "临河区 Linhe District" in English, "临河区" in Chinese: for text-only places (`<option>`).
pub fn place_text(name: &str) -> String {
    match place_latin(name) {
        Some(l) => format!("{name} {l}"),
        None => name.to_string(),
    }
}

/// "王建国 Wang Jianguo" in English, "王建国" in Chinese: for names inside a message.
pub fn person_text(name: &str, one_word: bool, given: Option<&str>) -> String {
    match person_latin(name, one_word, given) {
        Some(l) => format!("{name} {l}"),
        None => name.to_string(),
    }
}

/// A person's name, with its Latin spelling after it in English.
#[component]
pub fn PersonName(
    name: String,
    /// The name is one word in its own language (a Mongolian name): not surname + given name.
    #[prop(optional)]
    one_word: bool,
    /// The data's own Latin spelling, if it has one.
    #[prop(default = None)]
    latin: Option<String>,
) -> impl IntoView {
    let spelt = {
        let name = name.clone();
        move || person_latin(&name, one_word, latin.as_deref())
    };
    view! {
        <span lang=chinese_in_english()>{name}</span>
        {move || spelt().map(|l| view! { " " <span class="latin" lang="en">{l}</span> })}
    }
}

/// `lang="zh-CN"` for Chinese text on an English page, so that screen readers read it in
/// Chinese (on a Chinese page the document's language says so already).
pub fn chinese_in_english() -> Option<&'static str> {
    (current() == Locale::En).then_some("zh-CN")
}

/// A place's name, with its Latin spelling after it in English.
#[component]
pub fn PlaceName(name: String) -> impl IntoView {
    let spelt = {
        let name = name.clone();
        move || place_latin(&name)
    };
    view! {
        <span lang=chinese_in_english()>{name}</span>
        {move || spelt().map(|l| view! { " " <span class="latin" lang="en">{l}</span> })}
    }
}
