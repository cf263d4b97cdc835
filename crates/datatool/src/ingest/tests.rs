//! Ingest tests: for each kind, the happy path through `build` to the served file, and the
//! refusals (truncated, wrong type, unknown reference, illegal, duplicate), each of which must
//! leave the source folder byte for byte as it was. The demo source is generated once per test
//! binary and copied for each test.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use deputy_model::receipt;
use serde_json::{Value, json};

use super::common::parse_at_on;
use super::*;

/// The demo city (with the maintained consultations and courses) as a source folder, kept in
/// memory: each test writes its own copy. Only a few deputies keep their duty records (7 MB of
/// the 8 MB folder), so reading, building and comparing the folder stays quick.
fn fixture() -> &'static [(String, Vec<u8>)] {
    static FILES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let mut world = crate::generate::generate_city(2025);
        for src in crate::build::consultations::load_sources(&content.join("consultations")).unwrap() {
            world.consultations.push(crate::build::consultations::build(&src).unwrap());
        }
        world.training = crate::build::training::load(&content).unwrap();
        world.activities.truncate(12);
        let src = tmp.path().join("src");
        crate::source::write(&world, &src).unwrap();
        snapshot(&src)
    })
}

/// A fresh copy of the demo source: (its temp dir, the source folder).
pub(crate) fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    for (name, bytes) in fixture() {
        let p = src.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    (tmp, src)
}

pub(crate) fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(dir).unwrap().display().to_string(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

pub(crate) fn code(n: u64) -> String {
    receipt::code_from_entropy(n * 1_000_000 + 123_457)
}

/// The ingest's time in the tests: the demo's data date is 2026-11-28 09:00.
pub(crate) const NOW: &str = "2026-11-28T12:00:00+08:00";
pub(crate) const SENT: &str = "2026-11-28T10:15:42+08:00";

pub(crate) fn submission(dir: &Path, kind: &str, code: &str, at: &str, payload: Value) -> PathBuf {
    let s = json!({
        "format_version": 1, "receipt_code": code, "kind": kind,
        "created_at": at, "title": "t", "payload": payload,
    });
    let p = dir.join(format!("{kind}-{code}.json"));
    fs::write(&p, serde_json::to_string_pretty(&s).unwrap()).unwrap();
    p
}

/// `submission`, signed by the deputies' workspace as the act of `deputy`'s session (the
/// service's key is made in the source's `.workspace/` on first use).
#[allow(clippy::too_many_arguments)]
pub(crate) fn signed(
    dir: &Path,
    src: &Path,
    kind: &str,
    code: &str,
    at: &str,
    payload: Value,
    deputy: &str,
) -> PathBuf {
    let plain = submission(dir, kind, code, at, payload);
    let since = parse_at("2026-01-01T00:00:00+08:00").unwrap();
    let signer = deputy_accounts::acts::ActSigner::in_dir(&proof::workspace_dir(src), since).unwrap();
    let env = signer.sign(&fs::read_to_string(&plain).unwrap(), deputy, "session-1", parse_at(at).unwrap());
    let p = dir.join(format!("signed-{kind}-{code}.json"));
    fs::write(&p, serde_json::to_string(&env).unwrap()).unwrap();
    p
}

pub(crate) fn run(src: &Path, files: &[PathBuf], deputy: Option<&str>) -> Vec<Outcome> {
    let opts = Options { deputy: deputy.map(String::from), now: parse_at(NOW).unwrap() };
    ingest(src, files, &opts).unwrap()
}

pub(crate) fn ok(src: &Path, file: &Path, deputy: Option<&str>) -> String {
    let out = run(src, &[file.to_path_buf()], deputy);
    match &out[0].result {
        Ok(done) => done.clone(),
        Err(e) => panic!("{} refused: {e:#}", file.display()),
    }
}

/// Each file alone must be refused with a message containing its `want`, and change nothing.
pub(crate) fn refused(src: &Path, cases: &[(PathBuf, &str)], deputy: Option<&str>) {
    let before = snapshot(src);
    for (file, want) in cases {
        let out = run(src, std::slice::from_ref(file), deputy);
        let err =
            format!("{:#}", out[0].result.as_ref().err().unwrap_or_else(|| panic!("{} accepted", file.display())));
        assert!(err.contains(want), "{err} should mention {want}");
        assert!(err.contains(&file.display().to_string()), "{err} should name the file");
        assert!(snapshot(src) == before, "{} changed the source", file.display());
    }
}

/// Build the served folder and read one of its files.
pub(crate) fn served<T: serde::de::DeserializeOwned>(tmp: &Path, src: &Path, file: &str) -> T {
    let data = tmp.join("data");
    crate::source::build(src, &data, indicatif::ProgressBar::hidden(), false).unwrap();
    serde_json::from_str(&fs::read_to_string(data.join(file)).unwrap()).unwrap()
}

pub(crate) fn world(src: &Path) -> crate::world::World {
    crate::source::read(src).unwrap()
}

pub(crate) fn truncated(dir: &Path, file: &Path) -> PathBuf {
    let text = fs::read_to_string(file).unwrap();
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let p = dir.join(format!("cut-{}", file.file_name().unwrap().to_string_lossy()));
    fs::write(&p, &text[..cut]).unwrap();
    p
}

pub(crate) fn letter(deputy: &str) -> Value {
    json!({ "deputy_id": deputy, "deputy_name": "x", "subject": "小区路灯长期不亮", "category": "城建",
        "content": "路灯坏了两个月。", "name": "张丽", "phone": "13812345678", "anonymous": false, "publish": true, "consent": true })
}

#[test]
fn letter_reply_rating_then_built_track_file() {
    use deputy_model::message::{MessageRecord, Rating};
    let (tmp, src) = setup();
    let deputy = world(&src).deputies[0].summary.id.clone();
    let c = code(42);
    let f = submission(tmp.path(), "message", &c, SENT, letter(&deputy));
    ok(&src, &f, None);
    // The same file again is a duplicate.
    refused(&src, &[(f, "重复")], None);
    // Rating before any reply is an illegal transition.
    let rating = json!({"receipt_code": c, "rating": "satisfied"});
    let r = submission(tmp.path(), "rating", &code(43), "2026-12-01T10:00:00+08:00", rating);
    refused(&src, &[(r.clone(), "不能是")], None);
    // Forward, reply, then the rating is accepted.
    record(&src, &c, Step::Forward { department: "市住建局".into() }, "2026-11-29T09:00:00+08:00").unwrap();
    record(&src, &c, Step::Reply { by: "市住建局".into(), text: "已修复。".into() }, "2026-11-30T09:00:00+08:00")
        .unwrap();
    ok(&src, &r, None);
    // A reply after the rating is refused, and nothing is saved.
    let before = snapshot(&src);
    let e = record(&src, &c, Step::Reply { by: "x".into(), text: "y".into() }, "2026-12-02T09:00:00+08:00");
    let e = format!("{:#}", e.unwrap_err());
    assert!(e.contains("不能是") && e.contains("当前状态 已评价"), "{e}");
    assert!(snapshot(&src) == before);
    // Built, the receipt code opens the record with its reply and rating.
    let track: MessageRecord = served(tmp.path(), &src, &format!("track/{c}.json"));
    assert_eq!(track.last_rating(), Some(Rating::Satisfied));
    assert_eq!(track.last_reply().map(|r| r.2), Some("已修复。"));
    // The writer's name and phone stay in the archive, never in the output.
    assert!(src.join(format!("received/{c}.json")).exists());
    let text = fs::read_to_string(tmp.path().join(format!("data/track/{c}.json"))).unwrap();
    assert!(!text.contains("13812345678"));
}

/// Open data that is safe to open: a letter whose subject and text are spreadsheet formulas goes
/// through ingest, reply, build and export; the CSV shows them as text, the served JSON keeps
/// them exactly.
#[test]
fn hostile_letters_are_exported_as_text_not_formulas() {
    let (tmp, src) = setup();
    let deputy = world(&src).deputies[0].summary.id.clone();
    let c = code(77);
    let subject = "=HYPERLINK(\"http://x.invalid\",\"查看\")";
    let content = "@SUM(1+1)*cmd|' /C calc'!A0";
    let mut payload = letter(&deputy);
    payload["subject"] = json!(subject);
    payload["content"] = json!(content);
    ok(&src, &submission(tmp.path(), "message", &c, SENT, payload), None);
    record(&src, &c, Step::Reply { by: "-市住建局".into(), text: "+已修复。".into() }, "2026-11-30T09:00:00+08:00")
        .unwrap();
    let data = tmp.path().join("data");
    crate::source::build(&src, &data, indicatif::ProgressBar::hidden(), false).unwrap();
    crate::export::run(&data, "https://example.invalid/").unwrap();
    let letters = fs::read_to_string(data.join("export/letters.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(letters.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row =
        reader.records().map(|r| r.unwrap()).find(|r| r[col("subject")].contains("HYPERLINK")).expect("the letter");
    assert_eq!(&row[col("subject")], format!("'{subject}"));
    assert_eq!(&row[col("content")], format!("'{content}"));
    assert_eq!(&row[col("reply_by")], "'-市住建局");
    for record in csv::Reader::from_reader(letters.trim_start_matches('\u{feff}').as_bytes()).records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?} would run as a formula");
        }
    }
    let track = fs::read_to_string(data.join(format!("track/{c}.json"))).unwrap();
    let track: Value = serde_json::from_str(&track).unwrap();
    assert_eq!(track["subject"], json!(subject), "the JSON keeps the exact text");
}

#[test]
fn malformed_submissions_are_refused_with_reasons() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let deputy = world(&src).deputies[0].summary.id.clone();
    let full = submission(dir, "message", &code(1), SENT, letter(&deputy));
    let mut wrong = letter(&deputy);
    wrong["consent"] = json!("yes");
    let mut bad_kind: Value = serde_json::from_str(&fs::read_to_string(&full).unwrap()).unwrap();
    bad_kind["kind"] = json!("petition");
    let bad_kind_file = dir.join("kind.json");
    fs::write(&bad_kind_file, bad_kind.to_string()).unwrap();
    let unknown_letter = json!({"receipt_code": code(99), "rating": "satisfied"});
    refused(
        &src,
        &[
            (truncated(dir, &full), "不完整"),
            (submission(dir, "message", "123456789012", SENT, letter(&deputy)), "receipt_code"),
            (submission(dir, "message", &code(2), SENT, letter("nobody-9")), "nobody-9"),
            (submission(dir, "message", &code(3), SENT, wrong), "payload.consent"),
            (bad_kind_file, "字段 kind"),
            (submission(dir, "rating", &code(5), SENT, unknown_letter), "没有对应的来信"),
            (submission(dir, "message", &code(6), "yesterday", letter(&deputy)), "created_at"),
        ],
        None,
    );
    assert!(!src.join("received").exists());
    // Good and bad files together: the good one is taken, the bad one reported.
    let out = run(&src, &[full, dir.join("kind.json")], None);
    assert!(out[0].result.is_ok() && out[1].result.is_err());
    assert!(src.join(format!("received/{}.json", code(1))).exists());
}

#[test]
fn feedback_is_archived_only() {
    let (tmp, src) = setup();
    let before = world(&src);
    let f = submission(tmp.path(), "feedback", &code(7), SENT, json!({"text": "字太小", "contact": ""}));
    assert!(ok(&src, &f, None).contains("存档"));
    assert!(src.join(format!("received/{}.json", code(7))).exists());
    let after = world(&src);
    assert_eq!(after.messages.len(), before.messages.len());
    assert_eq!(after.suggestions.len(), before.suggestions.len());
}

#[test]
fn votes_are_counted_and_checked() {
    use deputy_model::evaluation::Evaluation;
    let (tmp, src) = setup();
    let dir = tmp.path();
    let e = world(&src).evaluation.unwrap();
    let case = e.cases[1].id.clone();
    let votes = |case: &str| json!({"case_id": case, "case_title": "x", "year": e.year});
    let f = submission(dir, "vote", &code(10), SENT, votes(&case));
    assert!(ok(&src, &f, None).contains(&format!("{} 票", e.votes(&case) + 1)));
    let built: Evaluation = served(dir, &src, "evaluation.json");
    assert_eq!(built.votes(&case), e.votes(&case) + 1);
    assert_eq!(built.total_votes(), e.total_votes() + 1);
    assert_eq!(built.tallied_at, "2026-11-28 12:00");
    let wrong_year = json!({"case_id": case, "case_title": "x", "year": e.year + 1});
    let wrong_type = json!({"case_id": case, "year": "今年"});
    refused(
        &src,
        &[
            (f, "重复"),
            (submission(dir, "vote", &code(11), SENT, votes("no-such-case")), "no-such-case"),
            (submission(dir, "vote", &code(12), SENT, wrong_year), "payload.year"),
            (submission(dir, "vote", &code(13), "2027-01-01T00:10:00+08:00", votes(&case)), "截止"),
            (submission(dir, "vote", &code(14), SENT, wrong_type), "payload.year"),
        ],
        None,
    );
}

pub(crate) fn report(year: i32, minutes: u32, course: &str) -> Value {
    json!({ "year": year, "minutes": minutes, "hours": "x", "minutes_per_hour": 45,
        "courses": [{"course_id": course, "title": "代表履职基础", "lessons_done": 3, "lessons_total": 3,
            "passed_on": "2026-11-20", "hours": "2", "final_best_percent": 90}],
        "lessons": [] })
}

#[test]
fn training_reports_become_the_duty_record_and_replace() {
    use deputy_model::activity::{ActivityKind, DeputyActivities};
    let (tmp, src) = setup();
    let dir = tmp.path();
    let w = world(&src);
    let deputy = w.activities[0].deputy_id.clone();
    let course = w.training.as_ref().unwrap().courses[0].id.clone();
    // Sent through the public inbox, a report names nobody: held, not counted.
    let first = submission(dir, "training", &code(20), SENT, report(2026, 90, &course));
    let before = world(&src).activities;
    assert!(ok(&src, &first, None).contains("暂存待核实"));
    assert_eq!(world(&src).activities, before, "a held report counts for nobody");
    refused(&src, &[(first.clone(), "重复")], None);
    // Signed by the workspace: the session's deputy's, without --deputy.
    let mine = signed(dir, &src, "training", &code(26), SENT, report(2026, 90, &course), &deputy);
    assert!(ok(&src, &mine, None).contains("学时"));
    // The station names whose a file is (`--deputy`): it vouches, and the proof says so.
    refused(
        &src,
        &[(submission(dir, "training", &code(27), SENT, report(2026, 90, &course)), "nobody-1")],
        Some("nobody-1"),
    );
    let second = submission(dir, "training", &code(21), "2026-11-28T11:00:00+08:00", report(2026, 180, &course));
    assert!(ok(&src, &second, Some(&deputy)).contains("替换"));
    let proof = fs::read_to_string(proof::proof_path(&src, &code(21))).unwrap();
    assert!(proof.contains("\"proven\": \"station\"") && proof.contains("--deputy"), "{proof}");
    let rec: DeputyActivities = served(dir, &src, &format!("activities/{deputy}.json"));
    let mine: Vec<_> = rec.activities.iter().filter(|a| a.id == "online-training-2026").collect();
    assert_eq!(mine.len(), 1, "a second report replaces the first");
    assert_eq!((mine[0].kind, mine[0].hours, mine[0].date.as_str()), (ActivityKind::Training, Some(4), "2026-11-28"));
    assert!(rec.activities.windows(2).all(|w| w[0].date >= w[1].date), "newest first");
    refused(
        &src,
        &[
            (submission(dir, "training", &code(22), SENT, report(2026, 90, "no-course")), "no-course"),
            (submission(dir, "training", &code(23), SENT, report(2020, 90, &course)), "payload.year"),
            (submission(dir, "training", &code(24), SENT, report(2026, 10, &course)), "payload.minutes"),
            (submission(dir, "training", &code(25), SENT, json!({"year": 2026})), "payload"),
        ],
        Some(&deputy),
    );
}

pub(crate) fn comment(consultation: &str, article: u32, contact: &str) -> Value {
    json!({ "consultation_id": consultation, "article": article, "content": "建议公交专用道只在早晚高峰启用。",
        "name": "王芳", "contact": contact, "consent": true })
}

#[test]
fn comments_are_counted_kept_private_and_published() {
    use deputy_model::consult::Consultation;
    let (tmp, src) = setup();
    let dir = tmp.path();
    let before = world(&src).consultations.into_iter().find(|c| c.summary.id == "2025-01").unwrap();
    let first = submission(dir, "comment", &code(30), SENT, comment("2025-01", 12, "13900001111"));
    ok(&src, &first, None);
    // The same person again: one more comment, not one more participant.
    ok(&src, &submission(dir, "comment", &code(31), SENT, comment("2025-01", 0, "13900001111")), None);
    let kept = fs::read_to_string(src.join("comments.json")).unwrap();
    assert!(kept.contains(&code(30)) && !kept.contains("13900001111") && !kept.contains("王芳"));
    let c: Consultation = served(dir, &src, "consultations/2025-01.json");
    assert_eq!(c.summary.comment_count, before.summary.comment_count + 2);
    assert_eq!(c.summary.participants, before.summary.participants + 1);
    assert_eq!(c.comments.len(), before.comments.len(), "not public before it is published");
    publish_comment(&src, &code(30), NOW).unwrap();
    let c: Consultation = served(dir, &src, "consultations/2025-01.json");
    assert_eq!(c.comments.len(), before.comments.len() + 1);
    assert!(c.comments.iter().any(|x| x.article == 12 && x.text == "建议公交专用道只在早晚高峰启用。"));
    let page = fs::read_to_string(dir.join("data/consultations/2025-01.json")).unwrap();
    assert!(!page.contains("13900001111") && !page.contains("王芳"));
    // Publishing twice, or a code that is no comment, is refused and changes nothing.
    let snap = snapshot(&src);
    assert!(format!("{:#}", publish_comment(&src, &code(30), NOW).unwrap_err()).contains("已经公开"));
    assert!(format!("{:#}", publish_comment(&src, &code(99), NOW).unwrap_err()).contains("没有对应的意见"));
    assert!(snapshot(&src) == snap);
    let mut no_consent = comment("2025-01", 1, "");
    no_consent["consent"] = json!(false);
    refused(
        &src,
        &[
            (first, "重复"),
            (submission(dir, "comment", &code(32), SENT, comment("2099-09", 1, "")), "2099-09"),
            (submission(dir, "comment", &code(33), SENT, comment("2025-01", 999, "")), "第 999 条"),
            // 2025-02 closed on 2025-10-15; 00:30 the next day in Beijing is too late.
            (
                submission(dir, "comment", &code(34), "2025-10-15T16:30:00Z", comment("2025-02", 1, "")),
                "不在征求意见期内",
            ),
            (submission(dir, "comment", &code(35), SENT, no_consent), "payload.consent"),
        ],
        None,
    );
    // The last minute of the closing day (Beijing) still counts.
    ok(&src, &submission(dir, "comment", &code(36), "2025-10-15T15:59:00Z", comment("2025-02", 1, "")), None);
}

#[test]
fn every_kind_refuses_truncated_files_and_wrong_types() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let w = world(&src);
    let deputy = w.deputies[0].summary.id.clone();
    let case = w.evaluation.as_ref().unwrap().cases[0].id.clone();
    let good: Vec<(&str, Value, Value)> = vec![
        ("message", letter(&deputy), json!({"deputy_id": 7})),
        (
            "rating",
            json!({"receipt_code": code(1), "rating": "satisfied"}),
            json!({"receipt_code": code(1), "rating": "good"}),
        ),
        (
            "comment",
            comment("2025-01", 1, ""),
            json!({"consultation_id": "2025-01", "article": "一", "content": "x", "consent": true}),
        ),
        ("vote", json!({"case_id": case, "case_title": "x", "year": 2025}), json!({"case_id": ["x"], "year": 2025})),
        ("cosign", json!({"draft_id": "d", "cosigner_id": deputy}), json!({"draft_id": 1, "cosigner_id": deputy})),
        ("training", report(2026, 90, "c01"), json!({"year": 2026, "minutes": -5, "minutes_per_hour": 45})),
        ("suggestion", json!({"id": "d"}), json!({"id": "d", "title": 5})),
    ];
    let mut cases = Vec::new();
    for (i, (kind, payload, wrong)) in good.into_iter().enumerate() {
        let n = 200 + 2 * i as u64;
        let full = submission(dir, kind, &code(n), SENT, payload);
        cases.push((truncated(dir, &full), "不完整"));
        cases.push((submission(dir, kind, &code(n + 1), SENT, wrong), "字段 payload."));
    }
    refused(&src, &cases, Some(&deputy));
}

/// `--at` takes an RFC 3339 time as it is, or a day as the console's 办理日期 does: today is now,
/// an earlier day noon Beijing time, a later day refused; anything else names both forms.
#[test]
fn at_takes_a_time_or_a_day() {
    let now = parse_at("2026-12-05T23:30:00+08:00").unwrap();
    assert_eq!(parse_at_on("2026-12-01T09:30:00+08:00", now).unwrap(), parse_at("2026-12-01T09:30:00+08:00").unwrap());
    assert_eq!(parse_at_on("2026-12-01", now).unwrap(), parse_at("2026-12-01T12:00:00+08:00").unwrap());
    assert_eq!(parse_at_on("2026-12-05", now).unwrap(), now, "today (Beijing) is now");
    let later = parse_at_on("2026-12-06", now).unwrap_err().to_string();
    assert!(later.contains("还没有到"), "{later}");
    let neither = parse_at_on("12/01/2026", now).unwrap_err().to_string();
    assert!(neither.contains("RFC 3339") && neither.contains("2026-12-01"), "{neither}");
}
