//! 发布: `build SRC SITE/data` with the entry pages, `deploy` (a dry run for the summary), and
//! the rollback.

use std::path::Path;

use anyhow::Result;
use deputy_model::console::{LISTED, PublishSummary};
use deputy_model::message::MessageEvent;
use time::OffsetDateTime;

use super::source::SourceStation;
use crate::ingest::State;
use crate::{deploy, pages, sizes, source};

pub(super) fn publish_plan(station: &SourceStation, _now: OffsetDateTime) -> Result<PublishSummary> {
    let built = build(station)?;
    match &station.publish_to {
        Some(target) => {
            let t = deploy::open(target)?;
            let report = deploy::run(&station.site, t.as_ref(), true, &|what, n| station.phases.bar(what, n))?;
            Ok(summary(&station.src, report, format!("{built}；将发布到 {}", t.describe())))
        }
        None => Ok(PublishSummary { report: built, ..PublishSummary::default() }),
    }
}

pub(super) fn publish(station: &SourceStation, _now: OffsetDateTime) -> Result<PublishSummary> {
    let built = build(station)?;
    match &station.publish_to {
        Some(target) => {
            let t = deploy::open(target)?;
            let report = deploy::run(&station.site, t.as_ref(), false, &|what, n| station.phases.bar(what, n))?;
            let line = format!("{built}；已发布到 {}：{}", t.describe(), report.line());
            Ok(summary(&station.src, report, line))
        }
        None => Ok(PublishSummary {
            report: format!("{built}（网站目录即对外发布的目录）"), ..Default::default()
        }),
    }
}

pub(super) fn rollback(station: &SourceStation) -> Result<String> {
    let Some(target) = &station.publish_to else {
        anyhow::bail!("没有设置发布位置（--publish），无法回滚")
    };
    let t = deploy::open(target)?;
    let r = deploy::rollback(t.as_ref(), &|what, n| station.phases.bar(what, n))?;
    Ok(format!("已回滚 {} 到上一个版本：恢复 {} 个文件，删除 {} 个", t.describe(), r.uploaded, r.removed))
}

/// `build SRC SITE/data` and the site's entry pages, as the command line does, then the size
/// check of the routine (`sizes`): a file over the budget is too slow on a phone, and stops the
/// publish here.
fn build(station: &SourceStation) -> Result<String> {
    let data = station.site.join("data");
    let (w, world) = source::build(&station.src, &data, station.phases.bar("生成网站数据", 0), false)?;
    station.phases.bar("生成入口页面", 0);
    pages::beside(&data, &w)?;
    station.phases.bar("检查文件大小", 0);
    let largest = size_check(&data)?;
    Ok(format!(
        "已生成网站数据（{} 名代表，{} 条来信；写入 {} 个文件；最大的文件压缩后 {} KB）",
        world.deputies.len(),
        world.messages.len(),
        w.written,
        largest / 1024
    ))
}

/// The largest file's gzip size, or the refusal when it is over the budget.
fn size_check(data: &Path) -> Result<usize> {
    let sizes = sizes::measure(data)?;
    if let Some((file, _, gzip)) = sizes.largest.first().filter(|l| l.2 > sizes::FILE_BUDGET_GZIP) {
        anyhow::bail!(
            "data/{file} 压缩后有 {} KB，超过每个文件 {} KB 的上限，手机上打开太慢：请先减小它，再发布",
            gzip / 1024,
            sizes::FILE_BUDGET_GZIP / 1024
        );
    }
    Ok(sizes.largest.first().map_or(0, |l| l.2))
}

/// The deploy's file lists, and the letters whose answer the public will see: their track file
/// is new or changed and their last step is a reply.
fn summary(src: &Path, report: deploy::Report, line: String) -> PublishSummary {
    let letters = State::load(src).map(|st| st.world.messages).unwrap_or_default();
    let replies = report
        .new_files
        .iter()
        .chain(&report.replaced)
        .filter_map(|k| k.strip_prefix("data/track/")?.strip_suffix(".json"))
        .filter(|code| {
            letters
                .iter()
                .any(|m| m.receipt_code == *code && matches!(m.events.last(), Some(MessageEvent::Replied { .. })))
        })
        .map(str::to_string)
        .collect();
    let first = |mut v: Vec<String>| {
        v.truncate(LISTED);
        v
    };
    PublishSummary {
        totals: [report.new_files.len(), report.replaced.len(), report.removed_files.len()],
        added: first(report.new_files),
        changed: first(report.replaced),
        removed: first(report.removed_files),
        replies,
        report: line,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_over_the_budget_stops_the_publish_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("small.json"), "{}").unwrap();
        assert!(super::size_check(dir.path()).unwrap() < 100);
        // Incompressible: a pseudo-random text of 200 KB.
        let mut x: u64 = 12345;
        let big: String = (0..200_000)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'a' + (x >> 59) as u8 % 26)
            })
            .collect();
        std::fs::write(dir.path().join("big.json"), format!("\"{big}\"")).unwrap();
        let e = super::size_check(dir.path()).unwrap_err().to_string();
        assert!(e.contains("data/big.json") && e.contains("64 KB"), "{e}");
    }
}
