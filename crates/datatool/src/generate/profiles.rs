//! More 代表风采 for the demo: the seed newsletter has one profile (娜仁其其格); these three are
//! about generated, fictional deputies of other levels and places, so the 代表风采 list shows
//! deputies from the banners and townships too. Their source says they are invented.

use deputy_model::deputy::Gender;
use deputy_model::{Block, Deputy, FORMAT_VERSION, Level, NewsArticle, NewsKind, NewsSummary, Station};

pub const DEMO_SOURCE: &str = "演示数据（虚构人物）";

/// (county name, level, date, headline) of each story; the first generated deputy who fits is
/// its subject.
const SUBJECTS: &[(&str, Level, &str, &str)] = &[
    ("乌拉特中旗", Level::County, "2025-08-15", "把群众的事当成自己的事"),
    ("五原县", Level::Township, "2025-09-15", "接待日里听民声"),
    ("磴口县", Level::County, "2025-10-15", "扎根基层的“民情联络员”"),
];

/// "乌拉特中旗人大代表", "隆兴昌镇人大代表": the congress the deputy was elected to.
fn level_words(level: Level, county: &str, region: &str) -> String {
    match level {
        Level::National => "全国人大代表".into(),
        Level::Region => "自治区人大代表".into(),
        Level::City => "市人大代表".into(),
        Level::County => format!("{county}人大代表"),
        Level::Township => format!("{region}人大代表"),
    }
}

/// Profiles with ids following `first_id` ("2025-0016", …), linked to their deputies.
pub fn profiles(
    deputies: &[Deputy],
    stations: &[Station],
    county_of: impl Fn(&Deputy) -> String,
    first_id: u32,
) -> Vec<NewsArticle> {
    let mut out = Vec::new();
    for (i, (county, level, date, headline)) in SUBJECTS.iter().enumerate() {
        let Some(d) = deputies
            .iter()
            .find(|d| d.summary.level == *level && county_of(d) == *county && d.summary.station_id.is_some())
        else {
            continue;
        };
        let station = stations
            .iter()
            .find(|s| Some(&s.summary.id) == d.summary.station_id.as_ref())
            .map(|s| s.summary.name.clone())
            .unwrap_or_default();
        let (name, who) = (&d.summary.name, if d.gender == Gender::Female { "她" } else { "他" });
        let lw = level_words(d.summary.level, county, &d.summary.region_name);
        let body = vec![
            Block::Quote(format!("“代表就是要替群众说话、为群众办事。”——{name}")),
            Block::Paragraph(format!(
                "{name}是{lw}，现任{}。当选以来，{who}坚持按接待日到{station}接待选民，认真听取群众的意见建议。",
                d.summary.title
            )),
            Block::Paragraph(format!(
                "接待中，群众反映最多的是道路、饮水、养老等身边事。{name}逐条记录、分类梳理，能当场解答的当场解答，需要有关部门办理的及时转交，并跟踪办理进度，把结果反馈给群众。"
            )),
            Block::Paragraph(format!(
                "{who}还积极参加代表小组活动，与各级人大代表一起开展调研视察，把基层的情况和群众的期盼带到人代会上。"
            )),
            Block::Paragraph(format!("{name}说：“群众的信任是最大的动力，我会继续当好联系群众的桥梁纽带。”")),
        ];
        out.push(NewsArticle {
            format_version: FORMAT_VERSION,
            summary: NewsSummary {
                id: format!("2025-{:04}", first_id + i as u32),
                title: format!("{name}：{headline}"),
                kind: NewsKind::Profile,
                date: date.to_string(),
                summary: format!("{lw}{name}按接待日到联络站接待选民，推动解决群众身边的急难愁盼问题。"),
            },
            author: String::new(),
            source: DEMO_SOURCE.into(),
            body,
            deputy_ids: vec![d.summary.id.clone()],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use deputy_model::NewsKind;

    #[test]
    fn three_more_profiles_about_existing_deputies() {
        let w = crate::generate::generate_city(1);
        let profiles: Vec<_> = w.news.iter().filter(|n| n.summary.kind == NewsKind::Profile).collect();
        assert_eq!(profiles.len(), 4, "the seed's one and three generated");
        for p in profiles.iter().filter(|p| p.source == super::DEMO_SOURCE) {
            assert_eq!(p.deputy_ids.len(), 1);
            let d = w.deputies.iter().find(|d| d.summary.id == p.deputy_ids[0]).expect("deputy exists");
            assert!(p.summary.title.starts_with(&d.summary.name));
            assert!(p.summary.summary.chars().count() <= 60, "{}", p.summary.summary);
        }
        let ids: Vec<_> = w.news.iter().map(|n| n.summary.id.as_str()).collect();
        assert_eq!(ids.last(), Some(&"2025-0018"));
    }
}
