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
        let s = match self {
            FileKind::Site => schema_for!(SiteConfig),
            FileKind::Region => schema_for!(RegionNode),
            FileKind::Deputy => schema_for!(Deputy),
            FileKind::Place => schema_for!(PlaceDeputies),
            FileKind::Groups => schema_for!(GroupIndex),
            FileKind::StationIndex => schema_for!(StationIndex),
            FileKind::Station => schema_for!(Station),
            FileKind::NewsPage => schema_for!(Page<NewsSummary>),
            FileKind::News => schema_for!(NewsArticle),
            FileKind::LevelPage => schema_for!(Page<DeputySummary>),
            FileKind::SearchMeta => schema_for!(SearchMeta),
            FileKind::SearchShard => schema_for!(SearchShard),
            FileKind::SearchKeys => schema_for!(SearchKeys),
            FileKind::Track => schema_for!(MessageRecord),
            FileKind::DeputyMessages => schema_for!(DeputyMessages),
            FileKind::QaPage => schema_for!(Page<PublicMessage>),
            FileKind::MessageStats => schema_for!(MessageStats),
            FileKind::ConsultationIndex => schema_for!(ConsultationIndex),
            FileKind::Consultation => schema_for!(Consultation),
            FileKind::Receptions => schema_for!(WeekReceptions),
            FileKind::Submission => schema_for!(Submission),
            FileKind::Map => schema_for!(RegionMap),
            FileKind::Evaluation => schema_for!(Evaluation),
            FileKind::NewsKindPage => schema_for!(Page<NewsSummary>),
            FileKind::Activities => schema_for!(DeputyActivities),
            FileKind::Joint => schema_for!(PlaceJoint),
            FileKind::ActivityStats => schema_for!(ScopeStats),
            FileKind::TrainingIndex => schema_for!(TrainingIndex),
            FileKind::TrainingCourse => schema_for!(Course),
            FileKind::TrainingLesson => schema_for!(Lesson),
            FileKind::SuggestionIndex => schema_for!(SuggestionIndex),
            FileKind::SuggestionYear => schema_for!(SuggestionYear),
            FileKind::SuggestionStats => schema_for!(YearSummary),
            FileKind::Suggestion => schema_for!(Suggestion),
        };
        s.to_value()
    }
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

    #[test]
    fn schema_catches_wrong_types() {
        let v = Validators::new().unwrap();
        let bad = serde_json::json!({"format_version": 1, "name": 123});
        let problems = v.check(FileKind::Site, &bad);
        assert!(problems.iter().any(|(p, _)| p == "/name"), "{problems:?}");
    }
}
