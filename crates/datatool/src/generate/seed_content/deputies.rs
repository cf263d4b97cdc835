//! The deputies the newsletter names, and the groups it mentions.

use deputy_model::Level;
use deputy_model::deputy::Gender;

/// A deputy the newsletter names. Titles and bios follow the newsletter where it says; where it
/// does not, they are plausible and deliberately generic (demo data, not facts about the person).
pub struct SeedDeputy {
    pub name: &'static str,
    pub level: Level,
    /// County-level unit's name, or "" for city-wide.
    pub county: &'static str,
    /// Township-level unit's name, or "".
    pub town: &'static str,
    pub title: &'static str,
    pub bio: &'static str,
    /// Ids of the [`seed_news`] articles about this deputy.
    pub news_ids: &'static [&'static str],
}

pub const SEED_DEPUTIES: &[SeedDeputy] = &[
    SeedDeputy {
        name: "边俊峰",
        level: Level::City,
        county: "杭锦后旗",
        town: "",
        title: "杭锦后旗奶牛养殖企业负责人",
        bio: "巴彦淖尔市人大代表。长期从事奶牛养殖，关注奶业高质量发展；2025年领衔提出关于帮助杭锦后旗现代农牧业奶业振兴产业园养殖企业解决资金难题的建议，获市政府批示办理。",
        news_ids: &["2025-0015"],
    },
    SeedDeputy {
        name: "王义",
        level: Level::City,
        county: "杭锦后旗",
        town: "",
        title: "杭锦后旗农牧业企业负责人",
        bio: "巴彦淖尔市人大代表。关注奶业和农牧业企业发展，与边俊峰代表联名提出关于帮助杭锦后旗现代农牧业奶业振兴产业园养殖企业解决资金难题的建议。",
        news_ids: &["2025-0015"],
    },
    SeedDeputy {
        name: "邬旗军",
        level: Level::City,
        county: "临河区",
        town: "",
        title: "基层人大工作者",
        bio: "巴彦淖尔市人大代表，有着多年人大工作经验。参加市人大常委会社会建设领域代表小组活动，关注老年人医疗需求，为适老化医疗服务建言献策。",
        news_ids: &["2025-0011"],
    },
    SeedDeputy {
        name: "靳培欣",
        level: Level::City,
        county: "临河区",
        town: "",
        title: "临河区社区工作者",
        bio: "巴彦淖尔市人大代表，社区工作者。参加社会建设领域代表小组活动后，致力于推动居家养老服务优化升级，让服务更精准、更贴心。",
        news_ids: &["2025-0011"],
    },
    SeedDeputy {
        name: "王爱霞",
        level: Level::City,
        county: "",
        town: "",
        title: "农民",
        bio: "巴彦淖尔市人大代表，农民代表。关注农村养老，提出把村里闲置的空房整合改建为村级养老食堂，解决老年人一日三餐的难题。",
        news_ids: &["2025-0011"],
    },
    SeedDeputy {
        name: "娜仁其其格",
        level: Level::City,
        county: "临河区",
        town: "",
        title: "临河区司法局人民调解中心主任",
        bio: "巴彦淖尔市人大代表，临河区司法局人民调解中心主任，从事人民调解工作30年。组建临河区交通事故和物业纠纷人民调解委员会，先后被评为全国模范调解员、全国人民调解先进个人、自治区十大法治人物。",
        news_ids: &["2025-0014"],
    },
    SeedDeputy {
        name: "刘希扬",
        level: Level::City,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道辖区单位干部",
        bio: "巴彦淖尔市人大代表，铁南办人大代表小组成员。到社区报到联系群众，2025年7月与小组代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
    SeedDeputy {
        name: "解树霞",
        level: Level::City,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道社区工作者",
        bio: "巴彦淖尔市人大代表，铁南办人大代表小组成员。关注社区困难群众帮扶，2025年7月与小组代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
    SeedDeputy {
        name: "魏博",
        level: Level::City,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道辖区企业负责人",
        bio: "巴彦淖尔市人大代表，铁南办人大代表小组成员。参与“双报到”认领民生实事活动，2025年7月与小组代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
    SeedDeputy {
        name: "娜木罕",
        level: Level::City,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道辖区医疗卫生工作者",
        bio: "巴彦淖尔市人大代表，铁南办人大代表小组成员。关注社区医疗卫生服务，2025年7月与小组代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
    SeedDeputy {
        name: "李新",
        level: Level::City,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道辖区单位职工",
        bio: "巴彦淖尔市人大代表，铁南办人大代表小组成员。关注社区文化和科普宣传，2025年7月与小组代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
    SeedDeputy {
        name: "曹虎",
        level: Level::City,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道辖区个体工商户",
        bio: "巴彦淖尔市人大代表，铁南办人大代表小组成员。关注惠民实事落实，2025年7月与小组代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
    SeedDeputy {
        name: "苏鑫",
        level: Level::County,
        county: "临河区",
        town: "铁南街道",
        title: "铁南街道社区干部",
        bio: "临河区人大代表，铁南办人大代表小组成员。2025年7月与市人大代表共同为铁南街道社区民生实事项目捐款。",
        news_ids: &["2025-0012"],
    },
];

/// Genders of the seed deputies: from the newsletter where it says (娜仁其其格, 王爱霞 "她"),
/// otherwise a guess from the name.
pub const SEED_DEPUTY_GENDERS: &[(&str, Gender)] = &[
    ("边俊峰", Gender::Male),
    ("王义", Gender::Male),
    ("邬旗军", Gender::Male),
    ("靳培欣", Gender::Female),
    ("王爱霞", Gender::Female),
    ("娜仁其其格", Gender::Female),
    ("刘希扬", Gender::Male),
    ("解树霞", Gender::Female),
    ("魏博", Gender::Male),
    ("娜木罕", Gender::Female),
    ("李新", Gender::Male),
    ("曹虎", Gender::Male),
    ("苏鑫", Gender::Male),
];

/// The gender listed for a seed deputy.
pub fn seed_deputy_gender(name: &str) -> Option<Gender> {
    SEED_DEPUTY_GENDERS.iter().find(|(n, _)| *n == name).map(|(_, g)| *g)
}

/// The 代表小组 of the Tienan seed deputies, and the activity group of the visit.
pub const TIENAN_GROUP: &str = "铁南办人大代表小组";
pub const SOCIAL_GROUP: &str = "市人大常委会社会建设领域代表小组";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::seed_content::seed_news;

    #[test]
    fn deputies_link_to_existing_news() {
        let ids: Vec<_> = seed_news().into_iter().map(|a| a.summary.id).collect();
        assert_eq!(SEED_DEPUTIES.len(), 13);
        for d in SEED_DEPUTIES {
            assert!(!d.news_ids.is_empty(), "{}", d.name);
            for id in d.news_ids {
                assert!(ids.iter().any(|i| i == id), "{} {id}", d.name);
            }
            assert!(seed_deputy_gender(d.name).is_some(), "{}", d.name);
            if !d.county.is_empty() {
                assert!(crate::generate::bayannur::county(d.county).is_some(), "{}", d.county);
            }
            if !d.town.is_empty() {
                let (c, _) = crate::generate::bayannur::town(d.town).unwrap();
                assert_eq!(c.name, d.county);
            }
        }
    }
}
