//! `build SRC OUT` against `generate`: the same files, refusals named, spreadsheet values kept.

use super::*;
use std::fs;

/// A generated city written as source, plus an output folder built from it.
fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let out = tmp.path().join("data");
    write(&crate::generate::generate_city(4), &src).unwrap();
    build(&src, &out, indicatif::ProgressBar::hidden(), false).unwrap();
    (tmp, src, out)
}

use crate::ingest::tests::snapshot;

#[test]
fn build_from_source_equals_generate() {
    let (_tmp, _src, out) = setup();
    let direct = crate::build::files(&crate::generate::generate_city(4)).unwrap();
    let mut built = snapshot(&out);
    // Besides the layout, the manifest the next build compares against.
    let manifest = built.iter().position(|(p, _)| p == crate::build::manifest::FILE).expect("a manifest");
    built.remove(manifest);
    assert_eq!(built.len(), direct.len());
    let mut direct: Vec<(String, Vec<u8>)> = direct.into_iter().map(|(p, t)| (p, t.into_bytes())).collect();
    direct.sort();
    assert!(built == direct, "build(source(world)) differs from layout(world)");
}

/// A value a spreadsheet would run as a formula is written guarded (`'=…`) in the source CSV
/// that staff open, and read back exactly.
#[test]
fn formula_values_are_guarded_in_source_csv_and_read_back_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let mut world = crate::generate::generate_city(4);
    world.deputies[0].summary.title = "=HYPERLINK(\"http://x.invalid\",\"查看\")".into();
    world.deputies[1].summary.title = "-主任".into();
    write(&world, &src).unwrap();
    let csv = fs::read_to_string(src.join("deputies.csv")).unwrap();
    assert!(csv.contains("'=HYPERLINK(") && csv.contains("'-主任"), "guarded in the CSV");
    let back = read(&src).unwrap();
    assert_eq!(back.deputies[0].summary.title, world.deputies[0].summary.title);
    assert_eq!(back.deputies[1].summary.title, "-主任");
}

/// Break the source with `edit`, build, and check the error and that the output is untouched.
fn fails(edit: impl FnOnce(&Path), expect: &[&str]) {
    let (_tmp, src, out) = setup();
    let before = snapshot(&out);
    edit(&src);
    let err = format!("{:#}", build(&src, &out, indicatif::ProgressBar::hidden(), false).unwrap_err());
    for e in expect {
        assert!(err.contains(e), "error should mention {e:?}: {err}");
    }
    assert!(snapshot(&out) == before, "a failed build must leave the output untouched");
    let parent = out.parent().unwrap();
    let leftovers: Vec<_> = fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind: {leftovers:?}");
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn truncated_json_names_the_file() {
    fails(
        |src| {
            let p = src.join("news.json");
            let text = fs::read_to_string(&p).unwrap();
            let mut cut = text.len() / 2;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            fs::write(&p, &text[..cut]).unwrap();
        },
        &["news.json", "不完整"],
    );
}

#[test]
fn wrong_type_in_json_names_the_field() {
    fails(
        |src| replace_in(&src.join("site.json"), "\"format_version\": 1", "\"format_version\": \"one\""),
        &["site.json", "format_version"],
    );
}

#[test]
fn wrong_value_in_csv_names_line_and_column() {
    fails(
        |src| {
            let p = src.join("deputies.csv");
            let text = fs::read_to_string(&p).unwrap();
            let mut lines: Vec<String> = text.lines().map(String::from).collect();
            lines[3] = lines[3].replacen(",national,", ",senator,", 1).replacen(",region,", ",senator,", 1);
            lines[3] = lines[3].replacen(",city,", ",senator,", 1).replacen(",township,", ",senator,", 1);
            lines[3] = lines[3].replacen(",county,", ",senator,", 1);
            fs::write(&p, lines.join("\n") + "\n").unwrap();
        },
        &["deputies.csv", "第 4 行", "level"],
    );
}

#[test]
fn truncated_csv_row_is_refused() {
    fails(
        |src| {
            let p = src.join("stations.csv");
            let text = fs::read_to_string(&p).unwrap();
            let cut = text.lines().take(3).collect::<Vec<_>>().join("\n");
            let half = &cut[..cut.rfind(',').unwrap()];
            fs::write(&p, format!("{half}\n")).unwrap();
        },
        &["stations.csv", "第 3 行"],
    );
}

#[test]
fn duplicate_ids_are_refused() {
    fails(
        |src| {
            let p = src.join("deputies.csv");
            let text = fs::read_to_string(&p).unwrap();
            let second = text.lines().nth(1).unwrap().to_string();
            fs::write(&p, format!("{text}{second}\n")).unwrap();
        },
        &["deputies.csv", "重复"],
    );
}

#[test]
fn unknown_references_fail_validation() {
    // A reception by a deputy nobody knows is caught while reading …
    fails(
        |src| {
            let p = src.join("receptions.csv");
            let text = fs::read_to_string(&p).unwrap();
            let first = text.lines().nth(1).unwrap();
            let id = first.split(',').nth(3).unwrap();
            fs::write(&p, text.replacen(id, "nobody-1", 1)).unwrap();
        },
        &["receptions.csv", "deputy_id", "nobody-1"],
    );
    // … and a deputy in a region that does not exist by validating the built folder.
    fails(
        |src| {
            let p = src.join("deputies.csv");
            let text = fs::read_to_string(&p).unwrap();
            let row = text.lines().nth(1).unwrap();
            let region = row.split(',').nth(5).unwrap().to_string();
            let broken = row.replacen(&format!(",{region},"), ",999999,", 1);
            fs::write(&p, text.replacen(row, &broken, 1)).unwrap();
        },
        &["没有通过检查", "999999"],
    );
}

#[test]
fn missing_source_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let err = build(&tmp.path().join("nope"), &tmp.path().join("out"), indicatif::ProgressBar::hidden(), false);
    assert!(format!("{:#}", err.unwrap_err()).contains("不存在"));
}
