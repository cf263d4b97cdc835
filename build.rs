//! Generates the typed message catalog (`i18n` module) from `locales/*.json` with
//! leptos_i18n: every UI string lives in `locales/zh.json`, and a missing key is a compile error.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    // Code splitting (feature `split`, scripts/build-split.sh): wasm-split reads the linker's
    // relocations to find what each lazy page needs, so the binary keeps them.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
    {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    let infos = TranslationsInfos::parse(
        // interpolate_display: messages with values can also be used as plain strings (attributes).
        Config::new("zh")?.parse_options(ParseOptions::default().interpolate_display(true)),
    )?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
