//! `deputy-data`: the data tool of 网上代表之家. It generates demo data, writes the served
//! layout, validates a data folder and writes the JSON Schemas. See `docs/operations.md`.

mod bench;
mod build;
mod console;
mod csv_cell;
mod data_tree;
mod deploy;
mod export;
mod generate;
mod ingest;
mod load;
mod pages;
mod schema;
mod search_cost;
mod sizes;
mod source;
mod station_cli;
mod stream_check;
mod validate;
mod workspace;
mod world;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use station_cli::{PublishWhat, ReplyTo, letter_step, suggestion_step};

#[derive(Parser)]
#[command(name = "deputy-data", version, about = "网上代表之家数据工具：生成、检查和发布静态 JSON 数据")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Profile {
    /// The demo city (巴彦淖尔市): real divisions, several hundred fictional deputies.
    City,
    /// All of China at full size: 31 provinces, their prefectures, ~2,800 counties, ~38,000
    /// townships, about 2.8 million deputies (made-up places below the provinces).
    National,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a data set from a seeded generator and write it as a served data folder.
    Generate {
        #[arg(long, value_enum, default_value = "city")]
        profile: Profile,
        #[arg(long, default_value_t = 2025)]
        seed: u64,
        /// The data folder to write (replaced atomically), e.g. public/data.
        #[arg(long)]
        out: PathBuf,
        /// Maintained content: consultations/*.json (drafts in plain legal text), training/courses.json. City only.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// National only: deputies per unit times this factor (every division is kept), e.g.
        /// 0.01 for a national-shaped set small enough for the end-to-end test.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// Also write the maintained source folder (CSV and JSON) that `build` reads.
        #[arg(long)]
        source_out: Option<PathBuf>,
    },
    /// Build the served data folder OUT from a maintained source folder SRC (deputies.csv,
    /// stations.csv, receptions.csv and JSON files; see docs/data-format.md). OUT is replaced
    /// only after the new folder passed `validate`; any error names the file, line or record,
    /// and field, and leaves OUT as it was. After the first build, only the files whose content
    /// changed are written and checked (OUT/.manifest holds every file's content hash).
    Build {
        src: PathBuf,
        out: PathBuf,
        /// Write and check every file, not only what changed (e.g. after OUT was edited by hand).
        #[arg(long)]
        full: bool,
    },
    /// Add outbox submissions (exported JSON files) to the source folder SRC: letters become
    /// messages, ratings are added to their letter, suggestions become new suggestions (提交),
    /// co-signers' confirmations mark them confirmed, votes are counted, training reports become
    /// the deputy's training record, comments are kept for publishing and counted; feedback is
    /// archived. Every accepted file is archived in SRC/received/. Malformed, unknown, illegal and
    /// duplicate ones (by receipt code) are refused with the reason and change nothing; exits 1
    /// if any was. Run `build` afterwards to publish.
    Ingest {
        src: PathBuf,
        /// Exported submission files (downloaded from 我的提交, or attached to an email).
        #[arg(required_unless_present = "from")]
        files: Vec<PathBuf>,
        /// The inbox service's store (`deputy-inbox --store`): a folder or s3://bucket/prefix
        /// (endpoint and keys in the AWS_* variables). Takes what it stored, once.
        #[arg(long, conflicts_with = "files")]
        from: Option<String>,
        /// Whose training reports these are (a report carries no name): a deputy id.
        #[arg(long)]
        deputy: Option<String>,
        /// When the ingest happens: RFC 3339 or a day YYYY-MM-DD (default: now): the votes' count time.
        #[arg(long)]
        at: Option<String>,
    },
    /// Deputy acts held for the station (a suggestion, co-sign or training report that did not
    /// come signed from the deputies' workspace): list, confirm after checking with the deputy,
    /// or drop. None is published or counted while held.
    Held {
        /// The source folder (as for `build`).
        src: PathBuf,
        #[command(subcommand)]
        what: ingest::HeldCommand,
        /// When: RFC 3339, or a day YYYY-MM-DD (default: now).
        #[arg(long, global = true)]
        at: Option<String>,
    },
    /// The deputies' workspace (代表工作台): a web service where deputies sign in, read the
    /// letters written to them and act in their own name; acts are filed signed in the inbox's
    /// store for `ingest --from` (docs/operations.md).
    Workspace(workspace::Args),
    /// Deputies' workspace accounts in SRC/.workspace/: issue a one-time activation code (also a
    /// reset), revoke, list. Each change goes to the workspace's audit log.
    DeputyAccount {
        /// The source folder (as for `build`).
        src: PathBuf,
        #[command(subcommand)]
        what: workspace::account::DeputyAccount,
    },
    /// The station console's staff accounts in the source folder SRC (SRC/.console/): add,
    /// remove, change a password, list. Each change goes to the console's audit log.
    ConsoleUser {
        /// The source folder (as for `build`).
        src: PathBuf,
        #[command(subcommand)]
        what: console::user::ConsoleUser,
    },
    /// The station console: a web page on --listen (default 127.0.0.1:8790) where signed-in
    /// staff ingest the inbox, handle letters and publish (docs/operations.md).
    Console(console::Args),
    /// Record the station's handling of a letter or a suggestion in the source folder SRC; each
    /// step must be legal in the item's current state. With --out, rebuild the served folder.
    Reply {
        /// The source folder (as for `build`).
        src: PathBuf,
        #[command(subcommand)]
        what: ReplyTo,
        /// When: RFC 3339, or a day YYYY-MM-DD (noon, Beijing time; today: now) (default: now).
        #[arg(long, global = true)]
        at: Option<String>,
        /// Rebuild this served folder afterwards (like `build SRC OUT`).
        #[arg(long, global = true)]
        out: Option<PathBuf>,
    },
    /// Publish in the source folder SRC: a received comment, or a consultation's adoption results
    /// and final text. With --out, rebuild the served folder.
    Publish {
        /// The source folder (as for `build`).
        src: PathBuf,
        #[command(subcommand)]
        what: PublishWhat,
        /// When: RFC 3339, or a day YYYY-MM-DD (noon, Beijing time; today: now) (default: now).
        #[arg(long, global = true)]
        at: Option<String>,
        /// Rebuild this served folder afterwards (like `build SRC OUT`).
        #[arg(long, global = true)]
        out: Option<PathBuf>,
    },
    /// The older name of `reply SRC letter CODE`: `--department` for 转交, or `--by` and
    /// `--text` for a reply.
    Record {
        src: PathBuf,
        code: String,
        #[arg(long, conflicts_with_all = ["by", "text"])]
        department: Option<String>,
        #[arg(long, requires = "text")]
        by: Option<String>,
        #[arg(long, requires = "by")]
        text: Option<String>,
        /// When: RFC 3339, or a day YYYY-MM-DD (noon, Beijing time; today: now) (default: now).
        #[arg(long)]
        at: Option<String>,
        /// Rebuild this served folder afterwards (like `build SRC OUT`).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// What a name search costs on a served folder: files fetched, raw and gzip bytes, hits.
    SearchCost {
        dir: PathBuf,
        /// Queries as typed, e.g. 王伟 wangw wlq.
        #[arg(required = true)]
        queries: Vec<String>,
    },
    /// Count the files and bytes of a served folder and find its largest file, gzip.
    /// Exits non-zero if any file is over the 64 KB gzip budget.
    Sizes { dir: PathBuf },
    /// Check a data folder: JSON syntax, schema, cross-references, dates, duplicates.
    /// Exits non-zero on any problem.
    Validate { dir: PathBuf },
    /// Write open data into DIR/export/: CSV and JSON of the public records, Atom feeds.
    /// (`build` does this itself when site.json has the site's `url`.)
    Export {
        dir: PathBuf,
        /// The site's public address, for links in the feeds (default: site.json's `url`).
        #[arg(long)]
        site_url: Option<String>,
    },
    /// Write an entry page for every public route into the site folder DIR (the app's files
    /// with data/ beside them): `{route}.html`, the app's index.html with the page's own title,
    /// description and link-preview tags, so that a host answers deep links with 200; and
    /// sitemap.xml and robots.txt. `build` does this itself when OUT's folder has index.html.
    Pages {
        dir: PathBuf,
        /// The site's public address, for the sitemap and canonical links (default: site.json's `url`).
        #[arg(long)]
        site_url: Option<String>,
    },
    /// Publish the site folder SITE (the app with data/ and the entry pages, e.g. dist/) to
    /// TARGET: a folder (a web server's root) or an S3-compatible bucket, s3://bucket/prefix
    /// (endpoint and keys in the AWS_* variables). Uploads only what changed since the last
    /// deploy, with Content-Type, Cache-Control and (for a bucket) gzip Content-Encoding; data
    /// first, index.html, 404.html and sw.js last; removes what the release no longer has only
    /// after the switch; keeps the previous release for `deploy --rollback TARGET`.
    Deploy {
        /// The site folder (omit with --rollback).
        #[arg(required_unless_present = "rollback")]
        site: Option<PathBuf>,
        /// The folder or s3://bucket/prefix to publish to.
        target: Option<String>,
        /// Put the previous release back on TARGET (given as the only argument).
        #[arg(long)]
        rollback: bool,
        /// Only say what would be uploaded and removed.
        #[arg(long)]
        dry_run: bool,
    },
    /// Benchmark: the name search per keystroke over a generated city of about 7,000 deputies.
    BenchSearch {
        #[arg(long, default_value_t = 2025)]
        seed: u64,
        #[arg(long, default_value_t = 200)]
        rounds: usize,
    },
    /// Write the JSON Schema of every kind of data file.
    Schema {
        #[arg(long, default_value = "docs/schema")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误：{e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Generate { profile, seed, out, content, scale, source_out } => {
            let world = match profile {
                Profile::City => {
                    let mut world = generate::generate_city(seed);
                    for src in build::consultations::load_sources(&content.join("consultations"))? {
                        world.consultations.push(build::consultations::build(&src)?);
                    }
                    world.training = build::training::load(&content)?;
                    world
                }
                Profile::National => {
                    anyhow::ensure!(scale > 0.0 && scale <= 1.0, "--scale 须在 0 与 1 之间，收到 {scale}");
                    let scale = generate::national::NationalScale::times(scale);
                    generate::national::generate_national(seed, scale, &progress("生成"))
                }
            };
            if let Some(dir) = &source_out {
                source::write(&world, dir)?;
                println!("已写入源数据到 {}", dir.display());
            }
            let n = build::write_with(&world, &out, progress("写入"))?;
            println!(
                "已生成 {} 个文件到 {}（{} 名代表，{} 个联络站，{} 篇动态）",
                n,
                out.display(),
                world.deputies.len(),
                world.stations.len(),
                world.news.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { dir } => {
            let report = validate::run(&dir)?;
            print!("{}", report.text);
            Ok(if report.ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Export { dir, site_url } => {
            let site: deputy_model::SiteConfig = source::read_json_file(&dir.join("site.json"), "site.json")?;
            let Some(site_url) = site_url.or(site.url) else {
                anyhow::bail!("请给出 --site-url（网站的公开地址），或在 site.json 写上 url");
            };
            let w = export::run(&dir, &site_url)?;
            println!("已导出 {} 个开放数据文件到 {}", w.files, dir.join("export").display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Deploy { site, target, rollback, dry_run } => {
            let progress = |what: &str, n: usize| {
                let bar = progress(what);
                bar.set_length(n as u64);
                bar
            };
            if rollback {
                // `deploy --rollback TARGET`: the one argument is the target.
                let Some(target) = target.or(site.map(|s| s.display().to_string())) else {
                    anyhow::bail!("请给出要回滚的发布位置：deploy --rollback TARGET");
                };
                let t = deploy::open(&target)?;
                let r = deploy::rollback(t.as_ref(), &progress)?;
                println!("已回滚 {} 到上一个版本：恢复 {} 个文件，删除 {} 个", t.describe(), r.uploaded, r.removed);
                return Ok(ExitCode::SUCCESS);
            }
            let (Some(site), Some(target)) = (site, target) else {
                anyhow::bail!("用法：deploy SITE TARGET（TARGET 是目录或 s3://桶/前缀）");
            };
            let t = deploy::open(&target)?;
            let started = std::time::Instant::now();
            let r = deploy::run(&site, t.as_ref(), dry_run, &progress)?;
            if dry_run {
                println!("将发布 {} 到 {}：{}", site.display(), t.describe(), r.line());
            } else {
                println!(
                    "已发布 {} 到 {}：{}（用时 {:.1} 秒）",
                    site.display(),
                    t.describe(),
                    r.line(),
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Pages { dir, site_url } => {
            let w = pages::run(&dir, site_url.as_deref())?;
            println!(
                "已写入 {} 个页面到 {}（删去 {} 个旧页面；网站地图 {} 个地址）",
                w.pages,
                dir.display(),
                w.removed,
                w.sitemap_urls
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::BenchSearch { seed, rounds } => {
            print!("{}", bench::run(seed, rounds));
            Ok(ExitCode::SUCCESS)
        }
        Command::Build { src, out, full } => {
            let started = std::time::Instant::now();
            let (w, world) = source::build(&src, &out, progress("生成"), full)?;
            println!(
                "已由 {} 生成 {} 个文件到 {}（{} 名代表，{} 个联络站，{} 条来信）",
                src.display(),
                w.files,
                out.display(),
                world.deputies.len(),
                world.stations.len(),
                world.messages.len()
            );
            println!("{}", written_line(&w, started.elapsed()));
            pages_line(&out, &w)?;
            // Gigabytes at national scale: the process ends here, and freeing it all one value
            // at a time would only add seconds to every build.
            std::mem::forget(world);
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { src, files, from, deputy, at } => {
            let now = match &at {
                Some(at) => ingest::parse_at(at)?,
                None => time::OffsetDateTime::now_utc(),
            };
            let opts = ingest::Options { deputy, now };
            let outcomes = match &from {
                Some(inbox) => {
                    let run = ingest::ingest_inbox(&src, &deputy_intake::Location::parse(inbox), &opts)?;
                    if run.moved_late > 0 {
                        println!("上次已导入、本次归档 {} 个", run.moved_late);
                    }
                    if run.still_refused > 0 {
                        println!(
                            "以前拒绝、仍待处理 {} 个（原因见收件箱 new/ 中的 .refused.txt，删去原因即重试）",
                            run.still_refused
                        );
                    }
                    run.outcomes
                }
                None => ingest::ingest(&src, &files, &opts)?,
            };
            let mut failed = 0;
            for o in &outcomes {
                match &o.result {
                    Ok(done) => println!("已导入 {}：{done}", o.file.display()),
                    Err(e) => {
                        failed += 1;
                        eprintln!("拒绝 {e:#}");
                    }
                }
            }
            println!("导入 {} 个，拒绝 {} 个", outcomes.len() - failed, failed);
            Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Console(args) => {
            console::run(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Held { src, what, at } => {
            let at = match at {
                Some(at) => ingest::parse_at(&at)?,
                None => time::OffsetDateTime::now_utc(),
            };
            println!("{}", ingest::run_held(&src, what, at)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Workspace(args) => {
            workspace::run(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::DeputyAccount { src, what } => {
            println!("{}", workspace::account::run(&src, what, time::OffsetDateTime::now_utc())?);
            Ok(ExitCode::SUCCESS)
        }
        Command::ConsoleUser { src, what } => {
            println!("{}", console::user::run(&src, what)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Reply { src, what, at, out } => {
            let at = at.unwrap_or_else(now);
            let done = match what {
                ReplyTo::Letter { code, forward, by, text, public } => {
                    ingest::record(&src, &code, letter_step(forward, by, text, public)?, &at)?
                }
                ReplyTo::Suggestion { id, step } => ingest::reply_suggestion(&src, &id, suggestion_step(step), &at)?,
            };
            println!("{done}");
            rebuild(&src, out)
        }
        Command::Publish { src, what, at, out } => {
            let at = at.unwrap_or_else(now);
            let done = match what {
                PublishWhat::Draft { file } => ingest::publish_draft(&src, &file, &at)?,
                PublishWhat::Comment { code } => ingest::publish_comment(&src, &code, &at)?,
                PublishWhat::Consultation { id, adoption, final_text } => {
                    ingest::publish_consultation(&src, &id, &adoption, final_text.as_deref(), &at)?
                }
            };
            println!("{done}");
            rebuild(&src, out)
        }
        Command::Record { src, code, department, by, text, at, out } => {
            let at = at.unwrap_or_else(now);
            ingest::record(&src, &code, letter_step(department, by, text, None)?, &at)?;
            println!("已记录到 {}", src.join("messages.json").display());
            rebuild(&src, out)
        }
        Command::SearchCost { dir, queries } => {
            print!("{}", search_cost::run(&dir, &queries)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Sizes { dir } => {
            let s = sizes::measure(&dir)?;
            print!("{}", sizes::report(&s));
            let ok = s.largest.first().is_none_or(|l| l.2 <= sizes::FILE_BUDGET_GZIP);
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Schema { out } => {
            std::fs::create_dir_all(&out)?;
            for (name, text) in schema::all_schema_files() {
                std::fs::write(out.join(name), text)?;
            }
            println!("已写入 {} 个 JSON Schema 到 {}", schema::FileKind::ALL.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn now() -> String {
    deputy_model::clock::to_rfc3339(time::OffsetDateTime::now_utc())
}

/// `--out`: rebuild the served folder from the source, as `build SRC OUT` does.
fn rebuild(src: &std::path::Path, out: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    if let Some(out) = out {
        let started = std::time::Instant::now();
        let (w, _) = source::build(src, &out, progress("生成"), false)?;
        println!("已重新生成 {} 个文件到 {}", w.files, out.display());
        println!("{}", written_line(&w, started.elapsed()));
        pages_line(&out, &w)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What a build wrote, for the station's log.
fn written_line(w: &build::Written, took: std::time::Duration) -> String {
    let steps: Vec<String> = w.steps.iter().map(|(name, d)| format!("{name} {:.1}", d.as_secs_f64())).collect();
    let steps = steps.join("，");
    if w.incremental {
        format!(
            "只写入有变化的文件：改写 {} 个，删去 {} 个，其余未动（用时 {:.1} 秒：{steps}）",
            w.written,
            w.removed,
            took.as_secs_f64()
        )
    } else {
        format!("全部写入并检查（用时 {:.1} 秒：{steps}）；此后再生成时只写入有变化的文件", took.as_secs_f64())
    }
}

/// When the data folder OUT sits in a site folder (the app's index.html beside it, as in a
/// release), the entry pages follow the new data.
/// After an incremental build, only the pages of the data files it changed are written.
fn pages_line(out: &std::path::Path, built: &build::Written) -> anyhow::Result<()> {
    if let Some((site, w)) = pages::beside(out, built)? {
        println!("网站共 {} 个页面：写入 {} 个，删去 {} 个旧页面（{}）", w.pages, w.written, w.removed, site.display());
    }
    Ok(())
}

/// A progress bar on stderr when it is a terminal (hidden in scripts and tests).
fn progress(what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg} [{elapsed_precise}] {wide_bar} {pos}/{len} (约剩 {eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar
}
