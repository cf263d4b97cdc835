//! The message catalog. Every UI string lives in `locales/zh.json` (the base, compiled into the
//! app) and in one more file per language (`locales/en.json`, served beside the app and fetched
//! only when that language is chosen: docs/architecture.md, "i18n").
//!
//! This script turns the base catalog into `$OUT_DIR/catalog.rs`: one `Key` constant per
//! message (so a misspelt key is a compile error) holding its number and its Chinese text.
//! The Chinese text is a literal at each use, not one table: the release build's code
//! splitting (wasm-split) then keeps a page's strings with the page's code, out of the first
//! download (one table made every string part of the main module: +8 KB gzip). It
//! refuses to build when another catalog lacks a key or has one the base lacks, when a
//! message's `{{ placeholders }}` differ between languages, or when a key is used nowhere in
//! `src/`: the catalogs cannot drift apart or collect dead text.
//!
//! Keys are numbered in sorted order of their dotted path; the app numbers a fetched catalog
//! the same way (`src/i18n/mod.rs`), so no key names need to be in the wasm.
use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

type Catalog = BTreeMap<String, String>;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=src");
    // (src/i18n/keys_hash.rs is shared with the app: it is under src/.)
    // Code splitting (feature `split`, scripts/build-split.sh): wasm-split reads the linker's
    // relocations to find what each lazy page needs, so the binary keeps them.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
    {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let base = read_catalog(Path::new("locales/zh.json"))?;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir("locales")? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") && path.file_name() != Some("zh.json".as_ref()) {
            println!("cargo::rerun-if-changed={}", path.display());
            compare(&base, &read_catalog(&path)?, &path, &mut problems);
        }
    }
    let sources = rust_sources(Path::new("src"))?;
    for key in base.keys() {
        if !sources.iter().any(|text| uses(text, key)) {
            problems.push(format!("locales/zh.json: `{key}` is used nowhere in src/ (remove it from every catalog)"));
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            println!("cargo::error={problem}");
        }
        std::process::exit(1);
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("catalog.rs");
    std::fs::write(out, generate(&base))?;
    Ok(())
}

/// A catalog file flattened to dotted keys.
fn read_catalog(path: &Path) -> Result<Catalog, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Catalog::new();
    flatten(&value, "", &mut out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

fn flatten(value: &Value, prefix: &str, out: &mut Catalog) -> Result<(), String> {
    let Value::Object(map) = value else { return Err(format!("`{prefix}` is not an object")) };
    for (name, v) in map {
        let key = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("`{key}`: keys are lower-case ASCII words"));
        }
        match v {
            Value::String(s) if s.is_empty() => return Err(format!("`{key}` is empty")),
            Value::String(s) => {
                out.insert(key, s.clone());
            }
            Value::Object(_) => flatten(v, &key, out)?,
            _ => return Err(format!("`{key}` is neither a string nor an object")),
        }
    }
    Ok(())
}

/// The `{{ name }}` placeholders of a message.
fn placeholders(message: &str) -> BTreeSet<&str> {
    message.split("{{").skip(1).filter_map(|rest| rest.split_once("}}")).map(|(name, _)| name.trim()).collect()
}

fn compare(base: &Catalog, other: &Catalog, path: &Path, problems: &mut Vec<String>) {
    let file = path.display();
    for (key, message) in base {
        match other.get(key) {
            None => problems.push(format!("{file}: `{key}` is missing")),
            Some(theirs) if placeholders(theirs) != placeholders(message) => problems.push(format!(
                "{file}: `{key}` has placeholders {:?}, zh.json has {:?}",
                placeholders(theirs),
                placeholders(message)
            )),
            Some(_) => {}
        }
    }
    for key in other.keys().filter(|k| !base.contains_key(*k)) {
        problems.push(format!("{file}: `{key}` is not in zh.json"));
    }
}

fn rust_sources(dir: &Path) -> Result<Vec<String>, Box<dyn Error>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(rust_sources(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path)?);
        }
    }
    Ok(out)
}

/// Whether a source text names the key as a whole path (`nav.home`, not `nav.home_page`).
fn uses(text: &str, key: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    text.match_indices(key).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + key.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

include!("src/i18n/keys_hash.rs");

fn generate(base: &Catalog) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "/// The number of messages in every catalog.\npub const COUNT: usize = {};", base.len());
    let _ = writeln!(
        out,
        "/// FNV-1a of the sorted dotted keys, one per line: a fetched catalog must have exactly these.\npub const KEYS_HASH: u64 = {};",
        keys_hash(base.keys().map(String::as_str))
    );
    // Nested modules, one per object of the catalog: `keys::nav::home`.
    out.push_str("#[allow(non_upper_case_globals)]\npub mod keys {\n    use super::Key;\n");
    let mut open: Vec<&str> = Vec::new();
    for (index, key) in base.keys().enumerate() {
        let parts: Vec<&str> = key.split('.').collect();
        let (name, modules) = parts.split_last().expect("a key has a name");
        let common = open.iter().zip(modules).take_while(|(a, b)| a == b).count();
        while open.len() > common {
            open.pop();
            let _ = writeln!(out, "{}}}", "    ".repeat(open.len() + 1));
        }
        for m in &modules[common..] {
            let _ = writeln!(
                out,
                "{0}#[allow(non_upper_case_globals)]\n{0}pub mod {m} {{\n{0}    use super::Key;",
                "    ".repeat(open.len() + 1)
            );
            open.push(m);
        }
        let _ =
            writeln!(out, "{}pub const {name}: Key = Key({index}, {:?});", "    ".repeat(open.len() + 1), base[key]);
    }
    while open.pop().is_some() {
        let _ = writeln!(out, "{}}}", "    ".repeat(open.len() + 1));
    }
    out.push_str("}\n");
    out
}
