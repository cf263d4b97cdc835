//! 履职评议 demo: the year's nominated cases of collaborative duty work, each built from an event
//! the seed newsletter reports (the article is linked), with made-up vote tallies.

use deputy_model::FORMAT_VERSION;
use deputy_model::evaluation::{CaseDeputy, Evaluation, EvaluationCase, Tally};

struct CaseDef {
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    place: &'static str,
    /// Names of seed deputies (see `SEED_DEPUTIES`).
    deputies: &'static [&'static str],
    news_id: &'static str,
    /// Demo tally.
    votes: u32,
}

const CASES: &[CaseDef] = &[
    CaseDef {
        id: "2025-c01",
        title: "铁南办代表小组“双报到”认领民生实事",
        summary: "市、区两级人大代表到街道社区报到，与“双报到”单位共同认领为民服务实事项目19项，惠及辖区1.2万居民；铁南办人大代表小组7名代表捐款7000元用于民生实事项目。",
        place: "临河区铁南街道",
        deputies: &["刘希扬", "解树霞", "魏博", "娜木罕", "李新", "曹虎", "苏鑫"],
        news_id: "2025-0012",
        votes: 1286,
    },
    CaseDef {
        id: "2025-c02",
        title: "“建言献策直通车”助奶业产业园养殖企业解资金难题",
        summary: "市人大代表边俊峰、王义联名提出帮助养殖企业解决资金难题的建议，经“建言献策直通车”报送后获市政府批示，部分项目补贴款已经到位。",
        place: "杭锦后旗现代农牧业奶业振兴产业园",
        deputies: &["边俊峰", "王义"],
        news_id: "2025-0015",
        votes: 1532,
    },
    CaseDef {
        id: "2025-c03",
        title: "社会建设领域代表小组为社区养老和医共体建设建言",
        summary: "20余名人大代表走访临河区人民医院、团结街道今日社区和金川街道老年餐厅，围绕双向转诊、居家养老和村级养老食堂提出意见建议，形成专题报告提交政府相关部门。",
        place: "临河区团结街道、金川街道",
        deputies: &["邬旗军", "靳培欣", "王爱霞"],
        news_id: "2025-0011",
        votes: 947,
    },
    CaseDef {
        id: "2025-c04",
        title: "“代表+调解员”就近化解物业纠纷",
        summary: "市人大代表娜仁其其格协调市司法局设立临河区物业纠纷人民调解站点，组建乡镇调解室，让临河城区五分之二的物业纠纷得以就近调解。",
        place: "临河区",
        deputies: &["娜仁其其格"],
        news_id: "2025-0014",
        votes: 1104,
    },
];

/// The 2025 evaluation; `seed_ids` maps seed deputies' names to their generated ids.
pub fn evaluation(seed_ids: &[(&str, String)]) -> Evaluation {
    let cases = CASES
        .iter()
        .map(|c| EvaluationCase {
            id: c.id.into(),
            title: c.title.into(),
            summary: c.summary.into(),
            place: c.place.into(),
            deputies: c
                .deputies
                .iter()
                .filter_map(|n| seed_ids.iter().find(|(name, _)| name == n))
                .map(|(name, id)| CaseDeputy { id: id.clone(), name: name.to_string() })
                .collect(),
            news_id: Some(c.news_id.into()),
        })
        .collect();
    Evaluation {
        format_version: FORMAT_VERSION,
        year: 2025,
        title: "2025年度“最佳协同履职案例”评议".into(),
        opens: "2026-11-01".into(),
        closes: "2026-12-31".into(),
        cases,
        tallies: CASES.iter().map(|c| Tally { case_id: c.id.into(), votes: c.votes }).collect(),
        tallied_at: "2026-11-28 09:00".into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases_name_seed_deputies_and_news() {
        let w = crate::generate::generate_city(1);
        let e = w.evaluation.as_ref().unwrap();
        assert_eq!(e.cases.len(), 4);
        assert!(e.tally_problems().is_empty());
        for (c, def) in e.cases.iter().zip(super::CASES) {
            assert_eq!(c.deputies.len(), def.deputies.len(), "{}: every named deputy exists", c.id);
            for d in &c.deputies {
                assert!(w.deputies.iter().any(|x| x.summary.id == d.id && x.summary.name == d.name));
            }
            assert!(w.news.iter().any(|n| Some(&n.summary.id) == c.news_id.as_ref()));
        }
    }
}
