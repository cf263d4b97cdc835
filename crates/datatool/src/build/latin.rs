//! `latin.json`: what the app needs to spell names in Latin letters in its English UI
//! (`deputy_model::latin`): the pinyin of every Han character in the names of deputies and
//! places, and the surname readings that differ from a character's common one. Fetched only by
//! readers who choose English; a few thousand characters even at national scale.

use std::collections::BTreeMap;

use deputy_model::FORMAT_VERSION;
use deputy_model::latin::LatinTable;
use pinyin::ToPinyin;

use crate::world::World;

/// Surnames read otherwise than their character's common reading (单 is shan as a surname, dan
/// otherwise). Only those that occur in the data go into the file.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('朴', "piao"),
    ('查', "zha"),
    ('翟', "zhai"),
    ('乐', "yue"),
    ('尉', "yu"),
    ('区', "ou"),
    ('盖', "ge"),
    ('缪', "miao"),
    ('覃', "qin"),
    ('召', "shao"),
    ('种', "chong"),
    ('员', "yun"),
    ('繁', "po"),
    ('秘', "bi"),
    ('长', "chang"),
    ('重', "chong"),
    ('万', "wan"),
    ('薄', "bo"),
    ('隗', "wei"),
];

pub fn table(world: &World) -> LatinTable {
    let mut chars = BTreeMap::new();
    let mut surnames = BTreeMap::new();
    let places = world.regions.iter().filter_map(|r| Some((r.name.clone(), r.name_latin.clone()?))).collect();
    let people =
        world.deputies.iter().filter_map(|d| Some((d.summary.name.clone(), d.summary.name_latin.clone()?))).collect();
    let mut add = |text: &str| {
        for (c, p) in text.chars().zip(text.to_pinyin()) {
            if let Some(p) = p {
                chars.entry(c.to_string()).or_insert_with(|| p.plain().to_string());
            }
        }
    };
    for region in &world.regions {
        add(&region.name);
        for r in region.path.iter().chain(&region.children) {
            add(&r.name);
        }
    }
    for d in &world.deputies {
        add(&d.summary.name);
        if let Some(first) = d.summary.name.chars().next()
            && let Some((_, reading)) = SURNAME_READINGS.iter().find(|(c, _)| *c == first)
        {
            surnames.insert(first.to_string(), reading.to_string());
        }
    }
    LatinTable { format_version: FORMAT_VERSION, chars, surnames, places, people }
}

#[cfg(test)]
mod tests {
    use deputy_model::latin::{person, place};

    #[test]
    fn the_demo_city_spells_its_names() {
        let world = crate::generate::generate_city(7);
        let t = super::table(&world);
        assert_eq!(place("临河区", &t).as_deref(), Some("Linhe District"));
        assert_eq!(place("乌拉特前旗", &t).as_deref(), Some("Urad Front Banner"));
        assert_eq!(place("新华镇", &t).as_deref(), Some("Xinhua Town"));
        let mongol = world.deputies.iter().find(|d| d.summary.name_latin.is_some()).unwrap();
        assert_eq!(person(&mongol.summary.name, false, &t), mongol.summary.name_latin, "spelt as on the deputy's page");
        let spelt = world.deputies.iter().filter(|d| person(&d.summary.name, false, &t).is_some()).count();
        assert_eq!(spelt, world.deputies.len(), "every demo name has a reading for each character");
    }
}
