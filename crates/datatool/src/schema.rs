//! JSON Schemas generated from the model's Rust types (never written by hand), one per kind of
//! served file. `deputy-data schema --out docs/schema` writes them for publishers and other
//! tools; `validate` checks every file against them before the cross-reference checks.

use deputy_model::DeputySummary;
use deputy_model::activity::{DeputyActivities, PlaceJoint};
use deputy_model::activity_stats::ScopeStats;
use deputy_model::consult::{Consultation, ConsultationIndex};
use deputy_model::deputy::{GroupIndex, PlaceDeputies};
use deputy_model::evaluation::Evaluation;
use deputy_model::map::RegionMap;
use deputy_model::message::{DeputyMessages, MessageRecord, MessageStats, PublicMessage};
use deputy_model::search::{SearchKeys, SearchMeta, SearchShard};
use deputy_model::station::{StationIndex, WeekReceptions};
use deputy_model::submission::Submission;
use deputy_model::suggestion::{Suggestion, SuggestionIndex, SuggestionYear, YearSummary};
use deputy_model::training::{Course, Lesson, TrainingIndex};
use deputy_model::{Deputy, NewsArticle, NewsSummary, Page, RegionNode, SiteConfig, Station};
use schemars::schema_for;
use serde_json::Value;

/// The kinds of served file, each with its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Site,
    Region,
    Deputy,
    Place,
    Groups,
    StationIndex,
    Station,
    NewsPage,
    News,
    LevelPage,
    SearchMeta,
    SearchShard,
    SearchKeys,
    Track,
    DeputyMessages,
    QaPage,
    MessageStats,
    ConsultationIndex,
    Consultation,
    Receptions,
    Submission,
    Map,
    Latin,
    Evaluation,
    NewsKindPage,
    Activities,
    Joint,
    ActivityStats,
    TrainingIndex,
    TrainingCourse,
    TrainingLesson,
    SuggestionIndex,
    SuggestionYear,
    SuggestionStats,
    Suggestion,
}

impl FileKind {
    pub const ALL: &[FileKind] = &[
        FileKind::Site,
        FileKind::Region,
        FileKind::Deputy,
        FileKind::Place,
        FileKind::Groups,
        FileKind::StationIndex,
        FileKind::Station,
        FileKind::NewsPage,
        FileKind::News,
        FileKind::LevelPage,
        FileKind::SearchMeta,
        FileKind::SearchShard,
        FileKind::SearchKeys,
        FileKind::Track,
        FileKind::DeputyMessages,
        FileKind::QaPage,
        FileKind::MessageStats,
        FileKind::ConsultationIndex,
        FileKind::Consultation,
        FileKind::Receptions,
        FileKind::Submission,
        FileKind::Map,
        FileKind::Latin,
        FileKind::Evaluation,
        FileKind::NewsKindPage,
        FileKind::Activities,
        FileKind::Joint,
        FileKind::ActivityStats,
        FileKind::TrainingIndex,
        FileKind::TrainingCourse,
        FileKind::TrainingLesson,
        FileKind::SuggestionIndex,
        FileKind::SuggestionYear,
        FileKind::SuggestionStats,
        FileKind::Suggestion,
    ];

    /// File name of the schema, e.g. `site.schema.json`.
    pub fn schema_file(self) -> &'static str {
        match self {
            FileKind::Site => "site.schema.json",
            FileKind::Region => "region.schema.json",
            FileKind::Deputy => "deputy.schema.json",
            FileKind::Place => "place.schema.json",
            FileKind::Groups => "groups.schema.json",
            FileKind::StationIndex => "station-index.schema.json",
            FileKind::Station => "station.schema.json",
            FileKind::NewsPage => "news-page.schema.json",
            FileKind::News => "news.schema.json",
            FileKind::LevelPage => "level-page.schema.json",
            FileKind::SearchMeta => "search-meta.schema.json",
            FileKind::SearchShard => "search-shard.schema.json",
            FileKind::SearchKeys => "search-keys.schema.json",
            FileKind::Track => "track.schema.json",
            FileKind::DeputyMessages => "deputy-messages.schema.json",
            FileKind::QaPage => "qa-page.schema.json",
            FileKind::MessageStats => "message-stats.schema.json",
            FileKind::ConsultationIndex => "consultation-index.schema.json",
            FileKind::Consultation => "consultation.schema.json",
            FileKind::Receptions => "receptions.schema.json",
            FileKind::Submission => "submission.schema.json",
            FileKind::Map => "map.schema.json",
            FileKind::Latin => "latin.schema.json",
            FileKind::Evaluation => "evaluation.schema.json",
            FileKind::NewsKindPage => "news-kind-page.schema.json",
            FileKind::Activities => "activities.schema.json",
            FileKind::Joint => "joint.schema.json",
            FileKind::ActivityStats => "activity-stats.schema.json",
            FileKind::TrainingIndex => "training-index.schema.json",
            FileKind::TrainingCourse => "training-course.schema.json",
            FileKind::TrainingLesson => "training-lesson.schema.json",
            FileKind::SuggestionIndex => "suggestion-index.schema.json",
            FileKind::SuggestionYear => "suggestion-year.schema.json",
            FileKind::SuggestionStats => "suggestion-stats.schema.json",
            FileKind::Suggestion => "suggestion.schema.json",
        }
    }

    pub fn schema(self) -> Value {
        struct SchemaOf;
        impl ForType for SchemaOf {
            type Out = Value;
            fn run<T: ServedType>(self) -> Value {
                schema_for!(T).to_value()
            }
        }
        self.for_type(SchemaOf)
    }

    /// Runs `f` with the Rust type of this kind of file: the one table of which type each
    /// kind is (the schemas, and the test that the app's reader agrees with serde).
    pub fn for_type<F: ForType>(self, f: F) -> F::Out {
        match self {
            FileKind::Site => f.run::<SiteConfig>(),
            FileKind::Region => f.run::<RegionNode>(),
            FileKind::Deputy => f.run::<Deputy>(),
            FileKind::Place => f.run::<PlaceDeputies>(),
            FileKind::Groups => f.run::<GroupIndex>(),
            FileKind::StationIndex => f.run::<StationIndex>(),
            FileKind::Station => f.run::<Station>(),
            FileKind::NewsPage => f.run::<Page<NewsSummary>>(),
            FileKind::News => f.run::<NewsArticle>(),
            FileKind::LevelPage => f.run::<Page<DeputySummary>>(),
            FileKind::SearchMeta => f.run::<SearchMeta>(),
            FileKind::SearchShard => f.run::<SearchShard>(),
            FileKind::SearchKeys => f.run::<SearchKeys>(),
            FileKind::Track => f.run::<MessageRecord>(),
            FileKind::DeputyMessages => f.run::<DeputyMessages>(),
            FileKind::QaPage => f.run::<Page<PublicMessage>>(),
            FileKind::MessageStats => f.run::<MessageStats>(),
            FileKind::ConsultationIndex => f.run::<ConsultationIndex>(),
            FileKind::Consultation => f.run::<Consultation>(),
            FileKind::Receptions => f.run::<WeekReceptions>(),
            FileKind::Submission => f.run::<Submission>(),
            FileKind::Map => f.run::<RegionMap>(),
            FileKind::Latin => f.run::<deputy_model::latin::LatinTable>(),
            FileKind::Evaluation => f.run::<Evaluation>(),
            FileKind::NewsKindPage => f.run::<Page<NewsSummary>>(),
            FileKind::Activities => f.run::<DeputyActivities>(),
            FileKind::Joint => f.run::<PlaceJoint>(),
            FileKind::ActivityStats => f.run::<ScopeStats>(),
            FileKind::TrainingIndex => f.run::<TrainingIndex>(),
            FileKind::TrainingCourse => f.run::<Course>(),
            FileKind::TrainingLesson => f.run::<Lesson>(),
            FileKind::SuggestionIndex => f.run::<SuggestionIndex>(),
            FileKind::SuggestionYear => f.run::<SuggestionYear>(),
            FileKind::SuggestionStats => f.run::<YearSummary>(),
            FileKind::Suggestion => f.run::<Suggestion>(),
        }
    }
}

/// The type of a kind of served file: it has a schema, serde reads and writes it, and the app
/// reads it with `FromJson`.
pub trait ServedType:
    schemars::JsonSchema + serde::de::DeserializeOwned + serde::Serialize + deputy_model::json::FromJson
{
}
impl<T: schemars::JsonSchema + serde::de::DeserializeOwned + serde::Serialize + deputy_model::json::FromJson> ServedType
    for T
{
}

/// Something to do with the type of a kind of file ([`FileKind::for_type`]).
pub trait ForType {
    type Out;
    fn run<T: ServedType>(self) -> Self::Out;
}

/// Every schema as (file name, pretty JSON text), as `schema --out` writes them.
pub fn all_schema_files() -> Vec<(&'static str, String)> {
    FileKind::ALL
        .iter()
        .map(|k| (k.schema_file(), serde_json::to_string_pretty(&k.schema()).unwrap_or_default() + "\n"))
        .collect()
}

/// Compiled validators, one per kind.
pub struct Validators(Vec<(FileKind, jsonschema::Validator)>);

impl Validators {
    pub fn new() -> anyhow::Result<Self> {
        let mut v = Vec::new();
        for &k in FileKind::ALL {
            let validator =
                jsonschema::validator_for(&k.schema()).map_err(|e| anyhow::anyhow!("schema {:?}: {e}", k))?;
            v.push((k, validator));
        }
        Ok(Validators(v))
    }

    /// Problems of one document as (JSON pointer of the field, message).
    pub fn check(&self, kind: FileKind, doc: &Value) -> Vec<(String, String)> {
        let Some((_, validator)) = self.0.iter().find(|(k, _)| *k == kind) else {
            return Vec::new();
        };
        validator
            .iter_errors(doc)
            .map(|e| {
                let path = e.instance_path().to_string();
                (if path.is_empty() { "/".to_string() } else { path }, e.to_string())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schemas in docs/schema must be what the types generate today.
    #[test]
    fn committed_schemas_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
        for (name, text) in all_schema_files() {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert_eq!(
                committed, text,
                "docs/schema/{name} is stale: run `cargo run -p deputy-data -- schema --out docs/schema`"
            );
        }
    }

    /// docs/data-format.md ("JSON Schemas") links every schema and says how many there are.
    #[test]
    fn the_format_doc_lists_every_schema() {
        let doc =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/data-format.md"))
                .unwrap();
        let files = all_schema_files();
        for (name, _) in &files {
            assert!(doc.contains(&format!("(schema/{name})")), "docs/data-format.md does not link schema/{name}");
        }
        assert!(
            doc.contains(&format!("submission: {} in all", files.len())),
            "docs/data-format.md miscounts the schemas"
        );
    }

    /// The app reads the data with `deputy_model::json::FromJson`, the tool with serde: every
    /// file of the demo data, and a submission of each kind, must read the same both ways.
    #[test]
    fn from_json_reads_every_file_as_serde_does() {
        struct Compare<'a>(&'a str);
        impl ForType for Compare<'_> {
            type Out = Result<(), String>;
            fn run<T: ServedType>(self) -> Result<(), String> {
                let by_serde: T = serde_json::from_str(self.0).map_err(|e| format!("serde: {e}"))?;
                let ours: T = deputy_model::json::from_str::<T>(self.0)
                    .map_err(|e| format!("parse: {e}"))?
                    .map_err(|e| format!("FromJson: at {:?}", e.at))?;
                let (a, b) = (serde_json::to_value(&by_serde).unwrap(), serde_json::to_value(&ours).unwrap());
                if a == b { Ok(()) } else { Err("read differently".into()) }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let mut seen = std::collections::BTreeSet::new();
        let mut files = 0;
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                let Some(kind) = crate::load::kind_of(&rel) else { continue };
                let text = std::fs::read_to_string(&path).unwrap();
                if let Err(e) = kind.for_type(Compare(&text)) {
                    panic!("data/{rel} ({kind:?}): {e}");
                }
                seen.insert(format!("{kind:?}"));
                files += 1;
            }
        }
        for kind in ["message", "rating", "comment", "suggestion", "cosign", "vote", "training", "feedback"] {
            let submission = serde_json::json!({"format_version": 1, "receipt_code": "2611-2807-4415", "kind": kind,
                "created_at": "2026-11-28T10:15:42.123+08:00", "title": "致 代表：<b>路灯</b>",
                "payload": {"content": "路灯不亮", "n": [1, 2.5, null], "nested": {"ok": true}}});
            FileKind::Submission.for_type(Compare(&submission.to_string())).unwrap();
        }
        seen.insert("Submission".into());
        // Keys files exist only at national scale (a first letter with too many leaves).
        let keys = serde_json::json!({"format_version": 1, "index": "pinyin", "letter": "w",
            "leaves": [{"key": "wang", "count": 9000, "pages": 3, "exact": true}, {"key": "wa", "count": 12}]});
        FileKind::SearchKeys.for_type(Compare(&keys.to_string())).unwrap();
        seen.insert("SearchKeys".into());
        let missing: Vec<_> = FileKind::ALL.iter().map(|k| format!("{k:?}")).filter(|k| !seen.contains(k)).collect();
        assert!(missing.is_empty(), "no demo file of kind {missing:?}");
        assert!(files > 1000, "only {files} files read");
    }

    #[test]
    fn schema_catches_wrong_types() {
        let v = Validators::new().unwrap();
        let bad = serde_json::json!({"format_version": 1, "name": 123});
        let problems = v.check(FileKind::Site, &bad);
        assert!(problems.iter().any(|(p, _)| p == "/name"), "{problems:?}");
    }
}
