//! `FromJson` against serde on the same types and texts: equal where serde succeeds, an error
//! where serde fails.

use super::*;
use serde::{Deserialize, Serialize};
use std::fmt::Debug;

/// Read `text` both ways: both succeed with the same value, or both fail.
fn same<T: FromJson + for<'de> Deserialize<'de> + PartialEq + Debug>(text: &str) -> Option<T> {
    let by_serde = serde_json::from_str::<T>(text).ok();
    let ours = from_str::<T>(text).ok().and_then(Result::ok);
    assert_eq!(ours, by_serde, "{text}");
    ours
}

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
#[serde(rename_all = "snake_case")]
enum Kind {
    County,
    TownshipLevel,
}

#[derive(Debug, PartialEq, Default, Serialize, Deserialize, FromJson)]
struct Inner {
    id: String,
    #[serde(default)]
    tags: Vec<String>,
}

fn seven() -> u32 {
    7
}

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
struct Outer<T> {
    format_version: u32,
    #[serde(flatten)]
    inner: Inner,
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    maybe: Option<i64>,
    #[serde(default = "seven")]
    weeks: u32,
    items: Vec<T>,
    pairs: Vec<(String, u8)>,
    ratio: f64,
    by_key: BTreeMap<String, bool>,
}

#[test]
fn structs_as_serde_reads_them() {
    let full = r#"{"format_version":1,"id":"a","tags":["x"],"kind":"township_level","note":"n","maybe":-3,
        "weeks":2,"items":[1,2],"pairs":[["p",3]],"ratio":1,"by_key":{"k":true},"extra":[1]}"#;
    let o = same::<Outer<u16>>(full).unwrap();
    assert_eq!((o.kind, o.weeks, o.ratio), (Kind::TownshipLevel, 2, 1.0));
    // Absent: Option → None, default → Default, default = "fn" → fn().
    let least = r#"{"format_version":1,"id":"a","kind":"county","items":[],"pairs":[],"ratio":0.5,"by_key":{}}"#;
    let o = same::<Outer<u16>>(least).unwrap();
    assert_eq!((o.note, o.maybe, o.weeks, o.inner.tags.len()), (None, None, 7, 0));
    // null for an Option is None.
    same::<Outer<u16>>(&least.replace(r#""kind""#, r#""note":null,"kind""#)).unwrap();
}

#[test]
fn what_serde_refuses_is_refused() {
    let least = r#"{"format_version":1,"id":"a","kind":"county","items":[],"pairs":[],"ratio":0.5,"by_key":{}}"#;
    for broken in [
        least.replace(r#""id":"a","#, ""),                    // a required field is absent
        least.replace(r#""county""#, r#""province""#),        // an unknown variant
        least.replace(r#""items":[]"#, r#""items":[70000]"#), // a number too large for u16
        least.replace(r#""items":[]"#, r#""items":[1.5]"#),   // not an integer
        least.replace(r#""format_version":1"#, r#""format_version":-1"#), // negative for u32
        least.replace(r#""id":"a""#, r#""id":5"#),            // a number for a string
        least.replace(r#""items":[]"#, r#""items":null"#),    // null for a Vec
        least.replace(r#""pairs":[]"#, r#""pairs":[["p"]]"#), // a short tuple
        "[1,2]".to_string(),
    ] {
        assert!(same::<Outer<u16>>(&broken).is_none(), "{broken}");
    }
    // The error names the field that was wrong.
    let e = from_str::<Outer<u16>>(&least.replace(r#""id":"a","#, "")).unwrap().unwrap_err();
    assert_eq!(e.at, "id");
    let e = from_str::<Outer<u16>>(&least.replace(r#""ratio":0.5"#, r#""ratio":"x""#)).unwrap().unwrap_err();
    assert_eq!(e.at, "ratio");
}

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Block {
    Heading { text: String },
    List { items: Vec<String> },
    Rule,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
#[serde(tag = "type", content = "text", rename_all = "snake_case")]
enum Adjacent {
    Heading(String),
    Quote(String),
}

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
enum External {
    Plain,
    Wrapped(u32),
    Named { a: String },
}

#[test]
fn tagged_enums_as_serde_reads_them() {
    same::<Block>(r#"{"type":"heading","text":"标题"}"#).unwrap();
    same::<Block>(r#"{"type":"list","items":["a","b"]}"#).unwrap();
    same::<Block>(r#"{"type":"rule"}"#).unwrap();
    assert!(same::<Block>(r#"{"type":"heading","text":"t","style":"x"}"#).is_none(), "deny_unknown_fields");
    assert!(same::<Block>(r#"{"type":"video","src":"x"}"#).is_none(), "unknown tag");
    assert!(same::<Block>(r#"{"text":"no tag"}"#).is_none(), "no tag");
    same::<Adjacent>(r#"{"type":"quote","text":"引文"}"#).unwrap();
    assert!(same::<Adjacent>(r#"{"type":"quote"}"#).is_none(), "no content");
    same::<External>(r#""Plain""#).unwrap();
    same::<External>(r#"{"Wrapped":3}"#).unwrap();
    same::<External>(r#"{"Named":{"a":"x"}}"#).unwrap();
    assert!(same::<External>(r#"{"Wrapped":3,"Plain":null}"#).is_none(), "two keys");
}

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
#[serde(try_from = "Raw")]
struct Even(u32);

#[derive(Debug, PartialEq, Serialize, Deserialize, FromJson)]
struct Raw {
    n: u32,
}

impl TryFrom<Raw> for Even {
    type Error = &'static str;
    fn try_from(r: Raw) -> Result<Even, &'static str> {
        if r.n.is_multiple_of(2) { Ok(Even(r.n)) } else { Err("odd") }
    }
}

#[test]
fn try_from_and_any_value() {
    assert_eq!(same::<Even>(r#"{"n":4}"#), Some(Even(4)));
    assert!(same::<Even>(r#"{"n":3}"#).is_none());
    let v = from_str::<Value>(r#"{"a":[1,"b",null]}"#).unwrap().unwrap();
    assert_eq!(v["a"][1], "b");
    // Hostile text stays text, whatever it contains.
    let name = format!("<script>alert(1)</script>{}", "长".repeat(10_000));
    let inner = same::<Inner>(&serde_json::json!({ "id": name }).to_string()).unwrap();
    assert_eq!(inner.id, name);
}
