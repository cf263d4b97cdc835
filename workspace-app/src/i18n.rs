//! The workspace's wording: `locales/zh.json` and `locales/en.json`, one catalog per language
//! with the same keys (a test checks both, and that every key used in `src/` is in them and
//! every key in them is used). The language is the device's choice (`dh_ws_lang`), Chinese
//! first; changing it reloads the page, so that every text is in one language.

use std::collections::HashMap;
use std::sync::OnceLock;

use gloo_storage::Storage;

static CATALOG: OnceLock<HashMap<String, String>> = OnceLock::new();

const LANG_KEY: &str = "dh_ws_lang";

/// Whether the device chose English.
pub fn english() -> bool {
    gloo_storage::LocalStorage::raw().get_item(LANG_KEY).ok().flatten().as_deref() == Some("en")
}

fn catalog() -> &'static HashMap<String, String> {
    CATALOG.get_or_init(|| {
        let text = if english() { include_str!("../locales/en.json") } else { include_str!("../locales/zh.json") };
        serde_json::from_str(text).unwrap_or_default()
    })
}

/// Switch to the other language: kept on the device, and the page starts again in it.
pub fn switch_language() {
    let storage = gloo_storage::LocalStorage::raw();
    let _ = if english() { storage.remove_item(LANG_KEY) } else { storage.set_item(LANG_KEY, "en") };
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The message, or its key when missing (visible, and caught by the test).
pub fn t(key: &'static str) -> String {
    catalog().get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// A message with `{n}`-style placeholders filled.
pub fn tf(key: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = t(key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    fn catalog(text: &str) -> BTreeMap<String, String> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn both_catalogs_have_every_key_used_and_only_those() {
        let zh = catalog(include_str!("../locales/zh.json"));
        let en = catalog(include_str!("../locales/en.json"));
        assert_eq!(zh.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>(), "the same keys in both languages");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for call in ["t(\"", "tf(\""] {
                let mut parts = text.split(call);
                let mut before = parts.next().unwrap_or_default();
                for part in parts {
                    if !before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                        used.insert(part.split('"').next().unwrap().to_string());
                    }
                    before = part;
                }
            }
        }
        for key in &used {
            assert!(zh.contains_key(key), "{key} is used but not in the catalogs");
        }
        for key in zh.keys() {
            assert!(used.contains(key), "{key} is in the catalogs but not used");
        }
    }
}
