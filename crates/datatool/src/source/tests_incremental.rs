//! Incremental builds: after the first build, `build` writes and checks only what changed, and
//! the folder it leaves is exactly what a full build would write.

use std::fs;
use std::path::Path;

use super::*;
use crate::build::{self, Mode};
use crate::ingest::tests::snapshot;
use crate::ingest::{Step, record};

const AT: &str = "2026-12-01T09:00:00+08:00";

fn hidden() -> indicatif::ProgressBar {
    indicatif::ProgressBar::hidden()
}

/// A generated city as source and its first (full) build.
fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let out = tmp.path().join("data");
    write(&crate::generate::generate_city(4), &src).unwrap();
    let (w, _) = build(&src, &out, hidden(), false).unwrap();
    assert!(!w.incremental && w.written == w.files, "the first build writes everything");
    (tmp, src, out)
}

/// What a full build of `src` writes, manifest included.
fn full_build(src: &Path, tmp: &Path) -> Vec<(String, Vec<u8>)> {
    let fresh = tmp.join("fresh");
    let _ = fs::remove_dir_all(&fresh);
    build(src, &fresh, hidden(), true).unwrap();
    snapshot(&fresh)
}

fn no_staging_left(out: &Path) {
    let left: Vec<_> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(left.is_empty(), "staging folders left behind: {left:?}");
}

#[test]
fn a_reply_rewrites_only_what_it_changes_and_leaves_what_a_full_build_would() {
    let (tmp, src, out) = setup();
    // Nothing changed: nothing written.
    let before = snapshot(&out);
    let (w, _) = build(&src, &out, hidden(), false).unwrap();
    assert!(w.incremental && w.written == 0 && w.removed == 0, "{} written, {} removed", w.written, w.removed);
    assert!(snapshot(&out) == before);

    // One letter answered: its track file, its deputy's Q&A, the Q&A pages and statistics.
    let open = read(&src).unwrap().messages.into_iter().find(|m| m.public && m.last_reply().is_none()).unwrap();
    record(&src, &open.receipt_code, Step::Reply { by: "市住建局".into(), text: "路灯已修复。".into() }, AT).unwrap();
    let track = format!("track/{}.json", open.receipt_code);
    fs::write(out.join(format!("{track}.gz")), b"stale").unwrap();
    let (w, _) = build(&src, &out, hidden(), false).unwrap();
    assert!(w.incremental && w.written > 0 && w.written < 60, "{} files rewritten for one reply", w.written);
    assert!(fs::read_to_string(out.join(&track)).unwrap().contains("路灯已修复。"));
    assert!(!out.join(format!("{track}.gz")).exists(), "a stale precompressed copy is removed");
    assert!(snapshot(&out) == full_build(&src, tmp.path()), "incremental and full builds differ");
    no_staging_left(&out);
}

/// A first letter to a deputy changes that deputy's file (has_messages): the deputies' part is
/// laid out again, and only that file is rewritten.
#[test]
fn a_first_letter_to_a_deputy_relays_the_deputies_part() {
    let (tmp, src, out) = setup();
    let world = read(&src).unwrap();
    let written: std::collections::HashSet<&str> = world.messages.iter().map(|m| m.deputy_id.as_str()).collect();
    let fresh = world.deputies.iter().find(|d| !written.contains(d.summary.id.as_str())).unwrap();
    let mut messages: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(src.join("messages.json")).unwrap()).unwrap();
    messages[0]["deputy_id"] = fresh.summary.id.clone().into();
    messages[0]["deputy_name"] = fresh.summary.name.clone().into();
    fs::write(src.join("messages.json"), serde_json::to_string_pretty(&messages).unwrap()).unwrap();
    let (w, _) = build(&src, &out, hidden(), false).unwrap();
    assert!(w.incremental && w.written < 40, "{} rewritten", w.written);
    let file = fs::read_to_string(out.join(format!("deputies/{}.json", fresh.summary.id))).unwrap();
    assert!(file.contains("\"has_messages\":true"), "{file}");
    assert!(snapshot(&out) == full_build(&src, tmp.path()), "incremental and full builds differ");
}

#[test]
fn removed_and_renamed_records_leave_nothing_stale() {
    let (tmp, src, out) = setup();
    // A news article withdrawn and a deputy renamed (every list that names them changes).
    let mut news: Vec<serde_json::Value> =
        serde_json::from_str(&fs::read_to_string(src.join("news.json")).unwrap()).unwrap();
    let gone = news.remove(0)["id"].as_str().unwrap().to_string();
    fs::write(src.join("news.json"), serde_json::to_string_pretty(&news).unwrap()).unwrap();
    // Renamed wherever the source names the deputy (receptions, letters, duty records too).
    let old_name = read(&src).unwrap().deputies[3].summary.name.clone();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replace(old_name.as_str(), "改名后")).unwrap();
        }
    }
    let (w, _) = build(&src, &out, hidden(), false).unwrap();
    assert!(w.incremental && w.removed >= 1, "{} removed", w.removed);
    assert!(!out.join(format!("news/{gone}.json")).exists());
    assert!(snapshot(&out) == full_build(&src, tmp.path()), "incremental and full builds differ");
}

#[test]
fn a_changed_file_that_fails_the_check_publishes_nothing() {
    let (_tmp, src, out) = setup();
    let before = snapshot(&out);
    // A deputy attached to a station that does not exist: only that deputy's file changes,
    // and the check of the changed files must find it.
    let mut world = read(&src).unwrap();
    world.deputies[0].summary.station_id = Some("s-nowhere".into());
    let err = build::write_checked(&world, &out, hidden(), Mode::Incremental, |tree| {
        assert!(tree.changes().is_some(), "an incremental check");
        let known = crate::stream_check::Known {
            deputies: world.deputies.iter().map(|d| (d.summary.id.as_str(), d.summary.name.as_str())).collect(),
        };
        let report = crate::validate::run_tree(tree, Some(known))?;
        anyhow::ensure!(report.ok, "{}", report.text);
        Ok(())
    })
    .err()
    .map(|e| format!("{e:#}"))
    .expect("the check fails");
    assert!(err.contains("联络站 s-nowhere 不存在"), "{err}");
    assert!(snapshot(&out) == before, "a failed build must leave the output untouched");
    no_staging_left(&out);
}

#[test]
fn full_rewrites_a_folder_edited_by_hand() {
    let (tmp, src, out) = setup();
    let file = out.join("deputies/city-0001.json");
    let edited = fs::read_to_string(&file).unwrap().replacen("\"title\":\"", "\"title\":\"手改", 1);
    fs::write(&file, &edited).unwrap();
    // The manifest still says the file is as built: an incremental build trusts it...
    build(&src, &out, hidden(), false).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), edited);
    // ... `build --full` puts it right, and so does a build after the manifest is lost.
    let (w, _) = build(&src, &out, hidden(), true).unwrap();
    assert!(!w.incremental);
    assert!(snapshot(&out) == full_build(&src, tmp.path()));
    fs::write(&file, &edited).unwrap();
    fs::remove_file(out.join(build::manifest::FILE)).unwrap();
    let (w, _) = build(&src, &out, hidden(), false).unwrap();
    assert!(!w.incremental);
    assert!(snapshot(&out) == full_build(&src, tmp.path()));
}
