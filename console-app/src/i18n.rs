//! The console's wording: `locales/zh.json`, one catalog (the console's users are the
//! station's clerks, who work in Chinese; an English file would be a second catalog here).
//! `t(KEY)` looks a message up; a test checks that every key used in `src/` is in
//! the catalog and every key in the catalog is used.

use std::collections::HashMap;
use std::sync::OnceLock;

static CATALOG: OnceLock<HashMap<String, String>> = OnceLock::new();

fn catalog() -> &'static HashMap<String, String> {
    CATALOG.get_or_init(|| serde_json::from_str(include_str!("../locales/zh.json")).unwrap_or_default())
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
    #[test]
    fn every_key_used_is_in_the_catalog_and_every_message_is_used() {
        let catalog: std::collections::HashMap<String, String> =
            serde_json::from_str(include_str!("../locales/zh.json")).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for call in ["t(\"", "tf(\""] {
                let mut parts = text.split(call);
                let mut before = parts.next().unwrap_or_default();
                for part in parts {
                    // A call of t itself, not the end of another name (get).
                    if !before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                        used.insert(part.split('"').next().unwrap().to_string());
                    }
                    before = part;
                }
            }
        }
        for key in &used {
            assert!(catalog.contains_key(key), "{key} is used but not in locales/zh.json");
        }
        for key in catalog.keys() {
            assert!(used.contains(key), "{key} is in locales/zh.json but not used");
        }
    }
}
