//! The station's commands on the command line: `reply SRC letter|suggestion …` and
//! `publish SRC comment|consultation …` (their arguments, and how they map onto `ingest`'s
//! steps). `main.rs` runs them.

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

#[derive(Subcommand)]
pub enum ReplyTo {
    /// A letter by receipt code: `--forward DEPT` (转交) or `--by WHO --text TEXT` (答复).
    Letter {
        /// The letter's receipt code (查询码).
        code: String,
        #[arg(long, conflicts_with_all = ["by", "text", "public"])]
        forward: Option<String>,
        #[arg(long, requires = "text", conflicts_with = "public")]
        by: Option<String>,
        #[arg(long, requires = "by")]
        text: Option<String>,
        /// Show the letter and its reply in the public Q&A (yes: only if the writer agreed) or not.
        #[arg(long, value_parser = clap::builder::BoolishValueParser::new())]
        public: Option<bool>,
    },
    /// A suggestion by id (e.g. 2026-0007): one handling step.
    Suggestion {
        /// The suggestion's id, e.g. 2026-0007.
        id: String,
        #[command(subcommand)]
        step: Step,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Class {
    #[value(name = "A")]
    A,
    #[value(name = "B")]
    B,
    #[value(name = "C")]
    C,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RatingArg {
    Satisfied,
    Basically,
    Unsatisfied,
}

#[derive(Subcommand)]
pub enum Step {
    /// 立案: registered after review.
    Register,
    /// 交办: to a lead unit (主办) and helper units (协办).
    Assign {
        #[arg(long)]
        lead: String,
        /// A helper unit; repeat for several.
        #[arg(long)]
        co: Vec<String>,
    },
    /// 延期: the reply is due MONTHS (4–6) after 交办, for a reason.
    Extend {
        #[arg(long)]
        months: u32,
        #[arg(long)]
        reason: String,
    },
    /// 办理中: the unit has started.
    Progress {
        #[arg(long)]
        note: String,
    },
    /// 答复: result class A (solved/adopted), B (being solved/planned) or C (kept for reference).
    Answer {
        #[arg(long, value_enum, ignore_case = true)]
        class: Class,
        #[arg(long)]
        text: String,
        /// The answering unit (default: the lead unit).
        #[arg(long)]
        unit: Option<String>,
    },
    /// 评价: the deputy's rating of the answer.
    Rate {
        #[arg(long, value_enum)]
        rating: RatingArg,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// 重办: after an 不满意 rating.
    Reopen {
        #[arg(long)]
        reason: String,
    },
    /// 办结
    Close,
}

#[derive(Subcommand)]
pub enum PublishWhat {
    /// Open a new consultation: FILE is its source as drafters write it (JSON with the draft in
    /// plain legal text, 第一章…, 第一条…; docs/data-format.md "Consultations"), checked line by
    /// line and added to consultations.json. The one way a consultation comes in.
    Draft {
        /// The consultation's source file.
        file: PathBuf,
    },
    /// Make a received comment public on its consultation (text only, never name or contact).
    Comment {
        /// The comment's receipt code (查询码).
        code: String,
    },
    /// Publish a closed consultation's adoption results (JSON: [{article, result, reason,
    /// comments: [receipt codes]}]); with --final, the final text and the comparison.
    Consultation {
        /// The consultation's id, e.g. 2025-01.
        id: String,
        /// The adoption results, JSON (see docs/operations.md).
        #[arg(long)]
        adoption: PathBuf,
        /// The final text, plain legal text (第一章…, 第一条…).
        #[arg(long = "final")]
        final_text: Option<PathBuf>,
    },
}

pub fn letter_step(
    forward: Option<String>,
    by: Option<String>,
    text: Option<String>,
    public: Option<bool>,
) -> anyhow::Result<crate::ingest::Step> {
    match (forward, by, text, public) {
        (Some(department), None, None, None) => Ok(crate::ingest::Step::Forward { department }),
        (None, Some(by), Some(text), None) => Ok(crate::ingest::Step::Reply { by, text }),
        (None, None, None, Some(public)) => Ok(crate::ingest::Step::Public { public }),
        _ => anyhow::bail!("请给出 --forward（转交），或 --by 和 --text（答复），或 --public yes|no（是否公开）"),
    }
}

pub fn suggestion_step(step: Step) -> crate::ingest::SuggestionStep {
    use crate::ingest::SuggestionStep as S;
    use deputy_model::message::Rating;
    use deputy_model::suggestion::ResultClass;
    match step {
        Step::Register => S::Register,
        Step::Assign { lead, co } => S::Assign { lead_unit: lead, co_units: co },
        Step::Extend { months, reason } => S::Extend { months, reason },
        Step::Progress { note } => S::Progress { note },
        Step::Answer { class, text, unit } => {
            let result = match class {
                Class::A => ResultClass::A,
                Class::B => ResultClass::B,
                Class::C => ResultClass::C,
            };
            S::Answer { unit, result, text }
        }
        Step::Rate { rating, comment } => {
            let rating = match rating {
                RatingArg::Satisfied => Rating::Satisfied,
                RatingArg::Basically => Rating::Basically,
                RatingArg::Unsatisfied => Rating::Unsatisfied,
            };
            S::Rate { rating, comment }
        }
        Step::Reopen { reason } => S::Reopen { reason },
        Step::Close => S::Close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cli, Command};
    use clap::{CommandFactory, Parser};

    #[test]
    fn commands_parse() {
        Cli::command().debug_assert();
        let parse = |args: &[&str]| Cli::try_parse_from([&["deputy-data"], args].concat());
        let cli = parse(&[
            "reply",
            "src",
            "suggestion",
            "2026-0001",
            "assign",
            "--lead",
            "甲局",
            "--co",
            "乙局",
            "--co",
            "丙局",
            "--at",
            "2026-11-28T10:00:00+08:00",
        ])
        .unwrap();
        let Command::Reply { what: ReplyTo::Suggestion { step: Step::Assign { co, .. }, .. }, at, .. } = cli.command
        else {
            panic!("not an assignment")
        };
        assert_eq!((co.len(), at.is_some()), (2, true));
        assert!(parse(&["reply", "src", "letter", "123", "--forward", "甲", "--by", "乙", "--text", "t"]).is_err());
        assert!(parse(&["reply", "src", "suggestion", "x", "answer", "--class", "D", "--text", "t"]).is_err());
        assert!(parse(&["reply", "src", "suggestion", "x", "answer", "--class", "b", "--text", "t"]).is_ok());
        let cli = parse(&[
            "publish",
            "src",
            "consultation",
            "2025-01",
            "--adoption",
            "a.json",
            "--final",
            "f.txt",
            "--out",
            "o",
        ])
        .unwrap();
        assert!(matches!(
            cli.command,
            Command::Publish { what: PublishWhat::Consultation { final_text: Some(_), .. }, out: Some(_), .. }
        ));
        assert!(parse(&["ingest", "src", "a.json", "--deputy", "city-0001"]).is_ok());
    }

    /// The commands as a station types them, through `run`: ingest with --at, a handling step
    /// with --out rebuilding the served folder, and a refused step that changes nothing.
    #[test]
    fn station_commands_run_and_rebuild() {
        use crate::ingest::tests::{NOW, SENT, code, setup, snapshot, submission, world};
        let (tmp, src) = setup();
        let out = tmp.path().join("data");
        let (s, o) = (src.display().to_string(), out.display().to_string());
        let run = |args: &[&str]| crate::run(Cli::try_parse_from([&["deputy-data"], args].concat()).unwrap());
        let w = world(&src);
        let case = w.evaluation.as_ref().unwrap().cases[0].id.clone();
        let vote = submission(tmp.path(), "vote", &code(400), SENT, serde_json::json!({"case_id": case, "year": 2025}));
        run(&["ingest", &s, &vote.display().to_string(), "--at", NOW]).unwrap();
        let id = w
            .suggestions
            .iter()
            .find(|x| x.handling().is_ok_and(|h| h.status == deputy_model::suggestion::Status::Submitted))
            .unwrap()
            .id
            .clone();
        run(&["reply", &s, "suggestion", &id, "register", "--at", "2026-11-28T11:00:00+08:00", "--out", &o]).unwrap();
        let page: deputy_model::suggestion::Suggestion =
            serde_json::from_str(&std::fs::read_to_string(out.join(format!("suggestions/{id}.json"))).unwrap())
                .unwrap();
        assert_eq!(page.handling().unwrap().status, deputy_model::suggestion::Status::Registered);
        let before = snapshot(&src);
        let e = run(&["reply", &s, "suggestion", &id, "close", "--at", "2026-11-28T11:00:00+08:00"]).unwrap_err();
        assert!(format!("{e:#}").contains("当前状态 已立案"), "{e:#}");
        assert!(snapshot(&src) == before);
    }
}
