//! `units.txt`: the 承办单位 the station assigns suggestions to (市交通运输局, 临河区人民政府 …),
//! one a line, kept by the station in any text editor. The console offers them when a
//! suggestion is assigned (a unit typed there that is not listed is taken too, and is offered
//! next time, since units assigned before are offered as well). Optional; `generate
//! --source-out` writes the units its suggestions were assigned to.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use deputy_model::suggestion::{Suggestion, SuggestionEvent};

pub const FILE: &str = "units.txt";
/// Longer is no unit's name but a pasted paragraph.
const NAME_MAX: usize = 60;

/// The listed units, in the file's order, without blank lines and repeats; none when the
/// file is absent.
pub fn read(dir: &Path) -> Result<Vec<String>> {
    let path = dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("读取 {FILE} 失败")),
    };
    let mut units: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let name = line.trim().trim_start_matches('\u{feff}');
        if name.chars().count() > NAME_MAX {
            bail!("{FILE} 第 {} 行：单位名称超过 {NAME_MAX} 个字，请一行写一个单位", i + 1);
        }
        if !name.is_empty() && !units.iter().any(|u| u == name) {
            units.push(name.to_string());
        }
    }
    Ok(units)
}

/// Every unit the suggestions were assigned to (lead and co-handling).
pub fn assigned(suggestions: &[Suggestion]) -> BTreeSet<String> {
    let mut units = BTreeSet::new();
    for e in suggestions.iter().flat_map(|s| &s.events) {
        if let SuggestionEvent::Assigned { lead_unit, co_units, .. } = e {
            units.insert(lead_unit.clone());
            units.extend(co_units.iter().cloned());
        }
    }
    units
}

pub fn write(dir: &Path, suggestions: &[Suggestion]) -> Result<()> {
    let text: String = assigned(suggestions).into_iter().map(|u| u + "\n").collect();
    std::fs::write(dir.join(FILE), text).with_context(|| format!("写入 {FILE} 失败"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_unit_a_line_in_the_files_order_blank_lines_and_repeats_dropped() {
        let dir = tempfile::tempdir().unwrap();
        assert!(super::read(dir.path()).unwrap().is_empty(), "absent: none");
        std::fs::write(
            dir.path().join(super::FILE),
            "\u{feff}市交通运输局\n\n 市财政局 \n市交通运输局\r\n临河区人民政府\n",
        )
        .unwrap();
        assert_eq!(super::read(dir.path()).unwrap(), ["市交通运输局", "市财政局", "临河区人民政府"]);
        std::fs::write(dir.path().join(super::FILE), format!("市财政局\n{}\n", "长".repeat(61))).unwrap();
        assert!(super::read(dir.path()).unwrap_err().to_string().contains("第 2 行"));
    }
}
