//! Demo suggestions (代表建议): the seed newsletter's dairy-park suggestion with its handling as
//! reported, and some hundred generated ones across 2024–2026 in every state — on time, late,
//! extended, re-handled after 不满意, still open and overdue — deterministic from the seed.
//! Histories are simulated step by step and cut at the demo's "today", so every file is a
//! prefix of a legal handling and `validate` accepts it.

use deputy_model::message::{MessageRecord, Rating};
use deputy_model::suggestion::{
    FromMessage, REHANDLE_MONTHS, REPLY_MONTHS, ResultClass, Signer, Suggestion, SuggestionEvent, add_months,
};
use deputy_model::{Deputy, FORMAT_VERSION, Level, clock};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration};

use super::bayannur::COUNTIES;
use super::letters::LETTER_SUGGESTION_ID;
use super::seed_content::{DAIRY_SUGGESTION, DAIRY_SUGGESTION_NEWS_ID};

/// The demo's "today" (the date of `DEMO_UPDATED_AT`): no event happens after it.
const TODAY: (i32, u8, u8) = (2026, 11, 28);
/// Generated suggestions per year.
const PER_YEAR: usize = 90;

struct Template {
    category: &'static str,
    /// `{p}` is replaced by a county name.
    title: &'static str,
    facts: &'static str,
    analysis: &'static str,
    proposals: [&'static str; 3],
    unit: &'static str,
    co_units: &'static [&'static str],
}

const TEMPLATES: &[Template] = &[
    Template {
        category: "农林牧渔水利",
        title: "关于加快{p}高标准农田建设的建议",
        facts: "{p}耕地面积大，但部分农田灌排设施老化，田块零碎，机械化作业困难，亩均产量低于全市平均水平。",
        analysis: "高标准农田是稳产增收的基础。建设资金缺口大、后期管护责任不清，是建设进度慢的主要原因。",
        proposals: [
            "加大市级配套资金投入，优先安排盐碱化程度高的地块；",
            "明确建成后的管护主体和经费来源；",
            "引导种植大户和合作社参与建设与管护。",
        ],
        unit: "市农牧局",
        co_units: &["市财政局", "市水利局"],
    },
    Template {
        category: "农林牧渔水利",
        title: "关于改善{p}河套灌区末级渠系的建议",
        facts: "{p}部分末级渠系建于上世纪，渗漏严重，春灌秋浇时下游农户经常用不上水。",
        analysis: "末级渠系产权和维护责任分散，村集体无力承担维修费用，节水改造未覆盖到田间。",
        proposals: [
            "将末级渠系改造纳入年度节水工程计划；",
            "建立用水户协会参与管护的机制；",
            "对渠系维修给予专项补助。",
        ],
        unit: "市水利局",
        co_units: &["河套灌区水利发展中心"],
    },
    Template {
        category: "农林牧渔水利",
        title: "关于支持{p}肉羊产业发展的建议",
        facts: "{p}肉羊饲养量大，但屠宰加工能力不足，活羊外销比例高，养殖户收益受市场波动影响大。",
        analysis: "产业链短、品牌弱，冷链物流设施不足，是制约肉羊产业效益的主要因素。",
        proposals: ["扶持本地屠宰加工企业扩大产能；", "建设区域性冷链物流中心；", "加强“巴彦淖尔羊肉”区域品牌推广。"],
        unit: "市农牧局",
        co_units: &["市商务局"],
    },
    Template {
        category: "工业交通",
        title: "关于改善{p}农村公路养护的建议",
        facts: "{p}部分农村公路建成多年，路面破损、坑槽较多，雨季积水，群众出行和农产品运输不便。",
        analysis: "农村公路养护资金主要依靠旗县区，养护力量不足，“重建轻养”问题较为突出。",
        proposals: [
            "提高农村公路养护资金补助标准；",
            "推行“路长制”，明确养护责任；",
            "对破损严重路段列入年度改造计划。",
        ],
        unit: "市交通运输局",
        co_units: &["市财政局"],
    },
    Template {
        category: "工业交通",
        title: "关于推动{p}工业园区企业降低用电成本的建议",
        facts: "{p}工业园区企业用电量大，电价和配套费用在生产成本中占比较高，部分企业反映负担较重。",
        analysis: "我市新能源资源丰富，绿电直供、增量配电等政策落地不够，企业享受政策的渠道不畅。",
        proposals: ["推动园区绿电直供试点；", "清理规范转供电环节加价；", "为企业提供用电政策咨询服务。"],
        unit: "市工业和信息化局",
        co_units: &["市发展和改革委员会", "国网巴彦淖尔供电公司"],
    },
    Template {
        category: "财政金融",
        title: "关于加大{p}小微企业信贷支持的建议",
        facts: "{p}小微企业和个体工商户融资难、融资贵问题仍然存在，抵押物不足，贷款审批周期长。",
        analysis: "银行风险偏好低，政府性融资担保覆盖面不够，信用信息共享不充分。",
        proposals: ["扩大政府性融资担保业务规模；", "推广信用贷款和线上审批；", "建立小微企业信用信息共享平台。"],
        unit: "市金融服务中心",
        co_units: &["市财政局"],
    },
    Template {
        category: "城乡建设与资源环境",
        title: "关于推进{p}老旧小区改造的建议",
        facts: "{p}城区部分老旧小区建于上世纪九十年代，管网老化、无物业管理，冬季供暖效果差。",
        analysis: "改造资金筹措难、居民意见难统一，改造后长效管理机制缺失。",
        proposals: ["将供热管网改造列为优先项目；", "引入专业物业或推行居民自治管理；", "公开改造项目清单和进度。"],
        unit: "市住房和城乡建设局",
        co_units: &["市财政局"],
    },
    Template {
        category: "城乡建设与资源环境",
        title: "关于加强{p}乌梁素海流域生态保护的建议",
        facts: "{p}部分排干沟水质仍不稳定，农田退水和生活污水直排问题时有发生。",
        analysis: "面源污染治理点多面广，农村污水处理设施覆盖率低，监测能力不足。",
        proposals: [
            "加快农村生活污水处理设施建设；",
            "推广测土配方施肥，减少化肥使用；",
            "增设排干沟水质自动监测站点。",
        ],
        unit: "市生态环境局",
        co_units: &["市水利局", "市农牧局"],
    },
    Template {
        category: "教科文卫体",
        title: "关于改善{p}乡镇卫生院服务能力的建议",
        facts: "{p}部分乡镇卫生院医生数量不足，检查设备老旧，群众看病多往城区跑。",
        analysis: "基层待遇低、晋升难，人才留不住；设备更新缺乏稳定的资金来源。",
        proposals: ["提高基层医务人员待遇和职称评定倾斜；", "推行城区医院医生定期下沉；", "分批更新卫生院检查设备。"],
        unit: "市卫生健康委员会",
        co_units: &["市人力资源和社会保障局"],
    },
    Template {
        category: "教科文卫体",
        title: "关于保障{p}农村寄宿制学校运行的建议",
        facts: "{p}农村寄宿制学校学生多为留守儿童，生活老师不足，冬季取暖费用压力大。",
        analysis: "公用经费按学生人数拨付，小规模学校经费紧张，生活老师没有编制。",
        proposals: ["对小规模寄宿制学校按校核定公用经费；", "通过购买服务配齐生活老师；", "单列寄宿制学校取暖经费。"],
        unit: "市教育局",
        co_units: &["市财政局"],
    },
    Template {
        category: "民政与社会保障",
        title: "关于发展{p}农村牧区养老服务的建议",
        facts: "{p}农村牧区老年人口比例高，独居老人多，互助养老设施利用率不高。",
        analysis: "运营经费没有保障，服务内容单一，缺少专业护理人员。",
        proposals: ["建立互助养老设施运营补贴制度；", "发展助餐、助医等上门服务；", "开展养老护理员培训。"],
        unit: "市民政局",
        co_units: &["市卫生健康委员会"],
    },
    Template {
        category: "民政与社会保障",
        title: "关于加强{p}灵活就业人员社会保障的建议",
        facts: "{p}外卖骑手、网约车司机等灵活就业人员增多，参加职工社会保险的比例低。",
        analysis: "缴费负担重、政策知晓率低、参保渠道不便，是参保率低的主要原因。",
        proposals: ["落实灵活就业人员参保补贴；", "开通线上参保缴费渠道；", "加强政策宣传。"],
        unit: "市人力资源和社会保障局",
        co_units: &["市医疗保障局"],
    },
    Template {
        category: "政法",
        title: "关于加强{p}电信网络诈骗防范宣传的建议",
        facts: "{p}近年电信网络诈骗案件多发，受骗者中老年人和学生占比较高。",
        analysis: "宣传方式单一，农村牧区老年人接触网络防骗知识的渠道少。",
        proposals: [
            "依托嘎查村、社区开展面对面宣传；",
            "在学校开设防诈骗课程；",
            "建立银行、通信企业预警劝阻联动机制。",
        ],
        unit: "市公安局",
        co_units: &["市教育局"],
    },
    Template {
        category: "民族宗教",
        title: "关于加强{p}蒙汉双语公共服务的建议",
        facts: "{p}部分公共场所标识和办事指南只有汉文，牧区群众办事不便。",
        analysis: "双语翻译力量不足，标识规范执行不到位。",
        proposals: ["规范公共场所蒙汉双语标识；", "政务服务大厅配备双语服务人员；", "推出蒙古文版办事指南。"],
        unit: "市民族事务委员会",
        co_units: &["市政务服务与数据管理局"],
    },
    Template {
        category: "其他",
        title: "关于提升{p}政务服务“一网通办”水平的建议",
        facts: "{p}群众反映部分事项仍需多次跑腿，线上办理入口多、操作复杂。",
        analysis: "部门系统数据不互通，适老化改造不足，基层帮办代办力量不够。",
        proposals: ["整合办事入口，推行一次登录全网通办；", "推进部门间数据共享；", "在乡镇设立帮办代办窗口。"],
        unit: "市政务服务与数据管理局",
        co_units: &[],
    },
];

const EXTENSION_REASONS: &[&str] = &[
    "涉及跨年度预算安排，需待下年度资金计划批复后答复",
    "需会同多个部门和旗县区联合调研论证",
    "涉及上级审批事项，需待自治区有关部门批复",
];

const REPLIES: [(ResultClass, &str); 3] = [
    (
        ResultClass::A,
        "经研究，代表所提建议已采纳，相关措施已落实到位，具体情况如下：已制定实施方案并安排专项资金，年内完成。",
    ),
    (ResultClass::B, "代表所提建议很有针对性，我单位已将其列入年度工作计划，正在分步推进，将及时向代表通报进展。"),
    (
        ResultClass::C,
        "代表所提建议对改进工作有参考价值，但受财力和政策条件限制，目前暂不具备实施条件，我们将留作参考，在今后工作中统筹考虑。",
    ),
];

fn date(d: Date) -> String {
    clock::format_date(d)
}

fn today() -> Date {
    Date::from_calendar_date(TODAY.0, time::Month::try_from(TODAY.1).unwrap_or(time::Month::January), TODAY.2)
        .unwrap_or(Date::MIN)
}

/// A simulated handling from its submission, cut at today.
fn simulate(
    rng: &mut ChaCha8Rng,
    submitted: Date,
    t: &Template,
    force_overdue: bool,
    force_rehandling: bool,
    just_replied: bool,
    just_rated: bool,
) -> Vec<SuggestionEvent> {
    use SuggestionEvent as E;
    let mut ev = vec![E::Submitted { date: date(submitted) }];
    let registered = submitted + Duration::days(rng.random_range(3..10));
    ev.push(E::Registered { date: date(registered) });
    let assigned = registered + Duration::days(rng.random_range(5..14));
    ev.push(E::Assigned {
        date: date(assigned),
        lead_unit: t.unit.into(),
        co_units: t.co_units.iter().map(|s| s.to_string()).collect(),
    });
    let mut months = REPLY_MONTHS;
    let progress = assigned + Duration::days(rng.random_range(7..30));
    let extended = !force_overdue && rng.random_bool(0.1);
    if extended {
        months = rng.random_range(5..=6);
        let at = add_months(assigned, REPLY_MONTHS) - Duration::days(rng.random_range(5..20));
        ev.push(E::InProgress {
            date: date(progress), note: "承办单位已制定办理方案，正在组织调研。".into()
        });
        ev.push(E::Extended {
            date: date(at.max(progress)),
            months,
            reason: EXTENSION_REASONS.choose(rng).copied().unwrap_or_default().into(),
        });
    } else {
        ev.push(E::InProgress {
            date: date(progress), note: "承办单位已制定办理方案，正在组织调研。".into()
        });
    }
    let due = add_months(assigned, months);
    // Most replies come before the due date; some are late; forced ones never come.
    let replied = if just_rated {
        today() - Duration::days(6)
    } else if just_replied {
        today() - Duration::days(2)
    } else if force_overdue {
        today() + Duration::days(400)
    } else if rng.random_bool(0.12) {
        due + Duration::days(rng.random_range(3..40))
    } else {
        due - Duration::days(rng.random_range(0..50))
    };
    let (result, text) = REPLIES[rng.random_range(0..REPLIES.len())];
    ev.push(E::Replied { date: date(replied.max(progress)), unit: t.unit.into(), result, text: text.into() });
    let rated = replied.max(progress) + Duration::days(if just_rated { 5 } else { rng.random_range(5..15) });
    let roll: f64 = rng.random();
    let rating = if force_rehandling {
        Rating::Unsatisfied
    } else if roll < 0.68 {
        Rating::Satisfied
    } else if roll < 0.9 {
        Rating::Basically
    } else {
        Rating::Unsatisfied
    };
    ev.push(E::Rated { date: date(rated), rating, comment: String::new() });
    let mut last = rated;
    if rating == Rating::Unsatisfied {
        let reopened = rated + Duration::days(rng.random_range(2..6));
        ev.push(E::Reopened {
            date: date(reopened), reason: "代表对答复不满意，要求重新办理。".into()
        });
        ev.push(E::InProgress {
            date: date(reopened + Duration::days(5)),
            note: "承办单位与代表面商，重新研究办理措施。".into(),
        });
        let late = rng.random_bool(0.2);
        let again = if force_rehandling {
            today() + Duration::days(30)
        } else if late {
            add_months(reopened, REHANDLE_MONTHS) + Duration::days(rng.random_range(3..20))
        } else {
            reopened + Duration::days(rng.random_range(15..55))
        };
        ev.push(E::Replied {
            date: date(again),
            unit: t.unit.into(),
            result: ResultClass::B,
            text: "经重新研究，我单位已调整办理措施，列入下年度计划，并与代表当面沟通。".into(),
        });
        let r2 = if rng.random_bool(0.8) { Rating::Basically } else { Rating::Unsatisfied };
        last = again + Duration::days(rng.random_range(5..12));
        ev.push(E::Rated { date: date(last), rating: r2, comment: String::new() });
    }
    ev.push(E::Closed { date: date(last + Duration::days(rng.random_range(3..10))) });
    let cut = today();
    ev.retain(|e| clock::parse_date(e.date()).is_some_and(|d| d <= cut));
    ev
}

fn signer(d: &Deputy, confirmed: bool) -> Signer {
    Signer { deputy_id: d.summary.id.clone(), name: d.summary.name.clone(), confirmed }
}

fn paragraphs(s: &str) -> Vec<String> {
    s.split('\n').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// "一是协调…；" → "协调…。": the list numbers them.
fn strip_ordinal(p: &str) -> String {
    let rest: String = if p.chars().nth(1) == Some('是') { p.chars().skip(2).collect() } else { p.to_string() };
    let rest = rest.trim_end_matches(['；', ';']);
    if rest.ends_with('。') { rest.to_string() } else { format!("{rest}。") }
}

fn dairy(deputies: &[Deputy], messages: &[MessageRecord]) -> Option<Suggestion> {
    use SuggestionEvent as E;
    let s = &DAIRY_SUGGESTION;
    let by_name = |n: &str| deputies.iter().find(|d| d.summary.name == n);
    let lead = by_name(s.lead)?;
    let letter = messages.iter().find(|m| m.suggestion_id.as_deref() == Some(LETTER_SUGGESTION_ID));
    Some(Suggestion {
        format_version: FORMAT_VERSION,
        id: LETTER_SUGGESTION_ID.into(),
        title: s.title.into(),
        category: "农林牧渔水利".into(),
        lead: signer(lead, true),
        cosigners: s.cosigners.iter().filter_map(|n| by_name(n)).map(|d| signer(d, true)).collect(),
        facts: paragraphs(s.facts),
        analysis: paragraphs(s.analysis),
        proposals: s.proposals.iter().map(|p| strip_ordinal(p)).collect(),
        suggested_unit: Some("市人民政府".into()),
        attachments: vec!["园区养殖企业贷款情况统计表".into()],
        from_message: letter.map(|m| FromMessage {
            id: format!("m-{}", &m.receipt_code[..6]),
            subject: m.subject.clone(),
            deputy_id: m.deputy_id.clone(),
        }),
        news_id: Some(DAIRY_SUGGESTION_NEWS_ID.into()),
        events: vec![
            E::Submitted { date: "2025-03-06".into() },
            E::Registered { date: "2025-03-10".into() },
            E::Assigned {
                date: "2025-03-14".into(),
                lead_unit: "市农牧局".into(),
                co_units: vec!["市财政局".into(), "市金融服务中心".into(), "杭锦后旗人民政府".into()],
            },
            E::InProgress {
                date: "2025-03-18".into(),
                note: "张如红副市长对该建议作出批示，要求相关部门迅速行动，积极落实相关政策措施。".into(),
            },
            E::Replied {
                date: "2025-05-20".into(),
                unit: "市农牧局".into(),
                result: ResultClass::B,
                text: "经市政府统筹协调，部分项目补贴款已经到位；协调金融机构对园区牧场存量贷款展期、增加贷款额度，以及为牛棚、草棚等设施办理农业设施产权证等帮助措施正在紧锣密鼓地推进中，有效缓解了养殖企业的资金压力。".into(),
            },
            E::Rated { date: "2025-05-28".into(), rating: Rating::Satisfied, comment: "补贴已到位，其他措施在推进，对办理结果满意。".into() },
            E::Closed { date: "2025-06-05".into() },
        ],
    })
}

pub fn generate(seed: u64, deputies: &[Deputy], messages: &[MessageRecord]) -> Vec<Suggestion> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5355_4747);
    let city: Vec<&Deputy> = deputies.iter().filter(|d| d.summary.level == Level::City).collect();
    let mut out = Vec::new();
    if let Some(d) = dairy(deputies, messages) {
        out.push(d);
    }
    if city.is_empty() {
        return out;
    }
    for year in [2024, 2025, 2026] {
        let mut n = 0;
        for i in 0..PER_YEAR {
            n += 1;
            let id = format!("{year}-{n:04}");
            if id == LETTER_SUGGESTION_ID {
                n += 1;
            }
            let id = format!("{year}-{n:04}");
            let t = &TEMPLATES[rng.random_range(0..TEMPLATES.len())];
            // Most are submitted at the 人代会 in January; the rest during the year.
            let day_of_year = if rng.random_bool(0.6) { rng.random_range(5..25) } else { rng.random_range(30..320) };
            let mut submitted = Date::from_ordinal_date(year, day_of_year).unwrap_or(today());
            // The last few of the current year arrive in the days before today: still
            // awaiting review or registration.
            if year == 2026 && i >= PER_YEAR - 3 {
                submitted = today() - Duration::days([2, 8, 14][i + 3 - PER_YEAR]);
            }
            if submitted > today() {
                continue;
            }
            // The first agricultural suggestions of the current year stay unanswered past
            // their due date, so the demo always shows overdue ones.
            let force_overdue = year == 2026 && i < 12 && t.category == "农林牧渔水利";
            // A few of the current year's early ones were rated 不满意 and are being re-handled.
            let force_rehandling = year == 2026 && (20..24).contains(&i) && day_of_year < 60;
            // A few were answered in the last days and await the deputy's rating.
            let just_replied = year == 2026 && (24..28).contains(&i) && day_of_year < 200;
            let just_rated = year == 2026 && (28..32).contains(&i) && day_of_year < 200;
            let events = simulate(&mut rng, submitted, t, force_overdue, force_rehandling, just_replied, just_rated);
            let county = COUNTIES.choose(&mut rng).map(|c| c.name).unwrap_or("市");
            let lead = city.choose(&mut rng).copied().unwrap_or(city[0]);
            let k = rng.random_range(0..=3);
            let mut cosigners: Vec<Signer> = Vec::new();
            for d in city.choose_multiple(&mut rng, k + 1) {
                if d.summary.id != lead.summary.id && cosigners.len() < k {
                    cosigners.push(signer(d, rng.random_bool(0.92)));
                }
            }
            let fill = |s: &str| s.replace("{p}", county);
            out.push(Suggestion {
                format_version: FORMAT_VERSION,
                id,
                title: fill(t.title),
                category: t.category.into(),
                lead: signer(lead, true),
                cosigners,
                facts: vec![fill(t.facts)],
                analysis: vec![fill(t.analysis)],
                proposals: t.proposals.iter().map(|p| strip_ordinal(p)).collect(),
                suggested_unit: Some(t.unit.into()),
                attachments: Vec::new(),
                from_message: None,
                news_id: None,
                events,
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_model::suggestion::Status;

    #[test]
    fn every_state_and_valid_histories() {
        let w = crate::generate::generate_city(1);
        let all = &w.suggestions;
        assert!(all.len() > 200, "{}", all.len());
        let states: Vec<Status> = all.iter().map(|s| s.handling().expect(&s.id).status).collect();
        for st in Status::ALL {
            assert!(states.contains(&st), "no suggestion in state {st:?}");
        }
        let today = today();
        let overdue = all.iter().filter(|s| {
            s.handling().unwrap().deadline(today).is_some_and(|c| c.overdue())
                && s.category == "农林牧渔水利"
                && s.handling().unwrap().status == Status::InProgress
        });
        assert!(overdue.count() > 0);
        assert!(all.iter().any(|s| s.events.iter().any(|e| matches!(e, SuggestionEvent::Extended { .. }))));
        assert!(all.iter().any(|s| s.events.iter().any(|e| matches!(e, SuggestionEvent::Reopened { .. }))));
        let dairy = all.iter().find(|s| s.id == LETTER_SUGGESTION_ID).unwrap();
        assert_eq!(dairy.lead.name, "边俊峰");
        assert!(dairy.from_message.is_some());
        assert_eq!(dairy.proposals.len(), 4);
        assert!(dairy.proposals[0].starts_with("协调市财政担保公司"));
    }
}
