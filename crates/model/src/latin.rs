//! Latin spellings of names, for readers who do not read Chinese (the English UI shows
//! 王建国 Wang Jianguo, 临河区 Linhe District). The data tool writes `latin.json`: the pinyin of
//! every Han character in the names it publishes, and the surname readings that differ from a
//! character's common one (单 Shan, not Dan). The app fetches it only in English, and spells a
//! name with [`person`] or [`place`]. A name with an official Latin form in the data
//! (`name_latin`: a Mongolian name's own transcription, Urad Front Banner) uses that instead.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::region::RegionKind;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LatinTable {
    pub format_version: u32,
    /// Pinyin without tones, lower case, of each character: `{"王": "wang"}`.
    pub chars: BTreeMap<String, String>,
    /// A surname's reading where it differs from the character's common one: `{"单": "shan"}`.
    #[serde(default)]
    pub surnames: BTreeMap<String, String>,
    /// Places whose official Latin name is not their pinyin (a region's `name_latin`), by their
    /// Chinese name: `{"乌拉特前旗": "Urad Front Banner"}`.
    #[serde(default)]
    pub places: BTreeMap<String, String>,
    /// People whose Latin name is not their pinyin (a deputy's `name_latin`: a Mongolian
    /// name's own transcription), by their Chinese name: `{"娜仁其其格": "Naranchecheg"}`, so
    /// that a name in a reception list or a suggestion is spelt as on the deputy's page.
    #[serde(default)]
    pub people: BTreeMap<String, String>,
}

/// Two-character surnames: the rest of the name is the given name.
pub const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
    "令狐", "钟离", "独孤", "端木", "南宫", "西门", "百里", "呼延", "万俟", "赫连", "澹台", "公冶", "宗政", "濮阳",
    "太史", "申屠",
];

impl LatinTable {
    fn reading(&self, c: char) -> Option<&str> {
        let mut buf = [0u8; 4];
        self.chars.get(&*c.encode_utf8(&mut buf)).map(String::as_str)
    }

    /// The syllables of `text` as one word: "Linhe", "Xi'an" (an apostrophe before a syllable
    /// that starts with a vowel). `None` if a character has no reading.
    fn word(&self, text: &str, first: Option<&str>) -> Option<String> {
        let mut out = String::new();
        for (i, c) in text.chars().enumerate() {
            let syllable = if i == 0 { first.or_else(|| self.reading(c)) } else { self.reading(c) }?;
            if i > 0 && syllable.starts_with(['a', 'e', 'o']) {
                out.push('\'');
            }
            out.push_str(syllable);
        }
        capitalize(&out)
    }
}

fn capitalize(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// A person's name in Latin letters: surname, then given name ("Wang Jianguo", "Ouyang Li");
/// a name written with "·" (many minority names) part by part ("Abudula Maimaiti"); a name
/// that is one word in its own language (`one_word`: a Mongolian name) as one word. `None`
/// when a character has no reading in the table.
pub fn person(name: &str, one_word: bool, table: &LatinTable) -> Option<String> {
    let name = name.trim();
    if let Some(own) = table.people.get(name) {
        return Some(own.clone());
    }
    if name.contains(['·', '•', '・']) {
        let parts: Option<Vec<String>> =
            name.split(['·', '•', '・']).filter(|p| !p.is_empty()).map(|p| table.word(p, None)).collect();
        return parts.map(|p| p.join(" "));
    }
    if one_word || name.chars().count() < 2 {
        return table.word(name, None);
    }
    let surname_len = if COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)) { 2 } else { 1 };
    let split = name.char_indices().nth(surname_len).map(|(i, _)| i)?;
    let (surname, given) = name.split_at(split);
    let first = surname.chars().next()?;
    let mut buf = [0u8; 4];
    let surname_reading = table.surnames.get(&*first.encode_utf8(&mut buf)).map(String::as_str);
    Some(format!("{} {}", table.word(surname, surname_reading)?, table.word(given, None)?))
}

/// What each kind of place is called in English, by the end of its Chinese name (longest
/// first, so 自治区 before 区).
const PLACE_SUFFIXES: &[(&str, &str)] = &[
    ("特别行政区", "Special Administrative Region"),
    ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("前旗", "Front Banner"),
    ("中旗", "Middle Banner"),
    ("后旗", "Rear Banner"),
    ("街道", "Subdistrict"),
    ("苏木", "Sumu"),
    ("嘎查", "Gacha"),
    ("社区", "Community"),
    ("地区", "Prefecture"),
    ("省", "Province"),
    ("市", "City"),
    ("区", "District"),
    ("县", "County"),
    ("旗", "Banner"),
    ("盟", "League"),
    ("镇", "Town"),
    ("乡", "Township"),
    ("村", "Village"),
];

/// A place's name in Latin letters: its stem in pinyin and its kind in English ("Linhe
/// District", "Wuyuan County"). A name without a known ending is spelt as one word.
pub fn place(name: &str, table: &LatinTable) -> Option<String> {
    let name = name.trim();
    if let Some(official) = table.places.get(name) {
        return Some(official.clone());
    }
    for (suffix, english) in PLACE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return Some(format!("{} {english}", table.word(stem, None)?));
        }
    }
    table.word(name, None)
}

/// The English word for a kind of place, for places whose name the table cannot spell.
pub fn kind_word(kind: RegionKind) -> &'static str {
    use RegionKind::*;
    match kind {
        Country => "Country",
        Province => "Province",
        City => "City",
        District => "District",
        County => "County",
        Banner => "Banner",
        Subdistrict => "Subdistrict",
        Town => "Town",
        Township => "Township",
        Sumu => "Sumu",
        Village => "Village",
        Gacha => "Gacha",
        Community => "Community",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> LatinTable {
        let mut t = LatinTable::default();
        for (c, p) in [
            ("王", "wang"),
            ("建", "jian"),
            ("国", "guo"),
            ("欧", "ou"),
            ("阳", "yang"),
            ("丽", "li"),
            ("单", "dan"),
            ("雄", "xiong"),
            ("临", "lin"),
            ("河", "he"),
            ("西", "xi"),
            ("安", "an"),
            ("乌", "wu"),
            ("拉", "la"),
            ("特", "te"),
            ("巴", "ba"),
            ("尔", "er"),
            ("阿", "a"),
            ("卜", "bu"),
            ("杜", "du"),
        ] {
            t.chars.insert(c.into(), p.into());
        }
        t.surnames.insert("单".into(), "shan".into());
        t
    }

    #[test]
    fn people() {
        let t = table();
        assert_eq!(person("王建国", false, &t).as_deref(), Some("Wang Jianguo"));
        assert_eq!(person("欧阳丽", false, &t).as_deref(), Some("Ouyang Li"));
        assert_eq!(person("单雄", false, &t).as_deref(), Some("Shan Xiong"));
        assert_eq!(person("巴特尔", true, &t).as_deref(), Some("Bate'er"));
        assert_eq!(person("阿卜杜·王", false, &t).as_deref(), Some("Abudu Wang"));
        assert_eq!(person("王某", false, &t), None);
        let mut t = t;
        t.people.insert("巴特尔".into(), "Bagatur".into());
        assert_eq!(
            person("巴特尔", false, &t).as_deref(),
            Some("Bagatur"),
            "the data's own spelling, wherever the name is"
        );
    }

    #[test]
    fn places() {
        let t = table();
        assert_eq!(place("临河区", &t).as_deref(), Some("Linhe District"));
        assert_eq!(place("西安市", &t).as_deref(), Some("Xi'an City"));
        assert_eq!(place("乌拉特前旗", &t).as_deref(), Some("Wulate Front Banner"));
        assert_eq!(place("区", &t).as_deref(), None);
        let mut t = t;
        t.places.insert("乌拉特前旗".into(), "Urad Front Banner".into());
        assert_eq!(place("乌拉特前旗", &t).as_deref(), Some("Urad Front Banner"));
    }
}
