//! Demo letters to deputies (直通代表) and their handling: replies, ratings, one re-handled after
//! 不满意, one that became a deputy's suggestion.

use deputy_model::message::{MessageEvent, MessageRecord, Rating};
use deputy_model::{Deputy, FORMAT_VERSION, Level, clock, receipt};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use time::{Duration, OffsetDateTime};

/// The id the suggestion module will give the suggestion that grew out of a letter.
pub const LETTER_SUGGESTION_ID: &str = "2025-0007";

struct Template {
    category: &'static str,
    subject: &'static str,
    content: &'static str,
    department: &'static str,
    reply: &'static str,
}

const TEMPLATES: &[Template] = &[
    Template {
        category: "城建",
        subject: "小区路灯长期不亮，晚上出行不安全",
        content: "我们小区东侧道路的路灯已经坏了两个多月，晚上一片漆黑，老人和孩子出门很不安全，希望有关部门尽快修好。",
        department: "{county}住房和城乡建设局",
        reply: "经联系区住建部门，已于本周完成线路检修，更换灯具12盏，目前路灯已恢复照明。感谢您的反映。",
    },
    Template {
        category: "民生",
        subject: "希望在村里开办老年食堂",
        content: "村里独居老人多，做饭不方便。能不能利用村里闲置的房子办一个老年食堂，让老人在家门口吃上热饭？",
        department: "{county}民政局",
        reply: "您的建议很好。民政部门已将贵村纳入今年农村牧区互助养老服务点建设计划，预计年底前开放老年餐桌。",
    },
    Template {
        category: "农牧业",
        subject: "灌溉渠道淤堵影响春灌",
        content: "我们村的支渠多年没有清淤，今年春灌水流不畅，下游几十亩地浇不上水，请帮助协调清淤。",
        department: "{county}水利局",
        reply: "水利部门已安排机械对该支渠进行清淤，共清理渠道3.2公里，已保障春灌用水。",
    },
    Template {
        category: "教育",
        subject: "校门口上下学时段交通拥堵",
        content: "学校门口上下学时车辆乱停，孩子过马路很危险，建议增设交通标志和护学岗。",
        department: "{county}公安局交通管理大队",
        reply: "交管部门已在校门口增设减速带和限时停车标志，上下学时段安排警力和志愿者护学。",
    },
    Template {
        category: "医疗",
        subject: "希望卫生院增加周末门诊",
        content: "镇卫生院周末不开门诊，老人周末看病要跑到旗里，很不方便，希望周末也能看病。",
        department: "{county}卫生健康委员会",
        reply: "卫健部门已协调镇卫生院自下月起周六上午开设全科门诊，并与旗医院开展远程会诊。",
    },
    Template {
        category: "社保",
        subject: "养老金资格认证手续繁琐",
        content: "每年养老金资格认证都要跑好几趟，老人不会用手机，能不能简化手续或者上门办理？",
        department: "{county}人力资源和社会保障局",
        reply: "人社部门已开通社区代办和上门认证服务，行动不便的老人可致电社区预约。",
    },
    Template {
        category: "环境",
        subject: "村边垃圾堆放点气味大",
        content: "村东头的垃圾堆放点清运不及时，夏天气味很大，还招苍蝇，请尽快解决。",
        department: "{county}生态环境分局",
        reply: "已督促环卫公司将清运频次由每周一次增加到每周三次，并对堆放点进行硬化和消杀。",
    },
    Template {
        category: "法治",
        subject: "物业纠纷希望有人调解",
        content: "小区物业和业主因为停车费的事闹得很僵，希望有关部门组织调解。",
        department: "{county}司法局",
        reply: "司法局物业纠纷人民调解委员会已介入，组织业主代表和物业公司进行了两次调解，双方已达成协议。",
    },
    Template {
        category: "城建",
        subject: "老旧小区加装电梯怎么申请",
        content: "我住在老旧小区六楼，腿脚不好，想了解加装电梯的政策和申请流程。",
        department: "{county}住房和城乡建设局",
        reply: "老旧小区加装电梯可由单元业主共同申请，政府给予每部电梯一定补贴。具体流程已在住建局网站公布，社区可协助办理。",
    },
    Template {
        category: "民生",
        subject: "公交线路能否延伸到新小区",
        content: "新建小区离最近的公交站有两公里，上下班很不方便，希望公交线路延伸过来。",
        department: "{county}交通运输局",
        reply: "交通部门经实地调研，已将3路公交线路延伸至该小区，并新设站点两处。",
    },
    Template {
        category: "农牧业",
        subject: "奶牛养殖户贷款困难",
        content: "园区里的牧场资金周转困难，每月要还贷款本金，只能卖牛还贷，希望帮助协调银行。",
        department: "市地方金融管理局",
        reply: "已将您反映的情况转为代表建议提交市人大常委会，并协调金融机构对接养殖企业融资需求。",
    },
    Template {
        category: "其他",
        subject: "希望多组织代表接待日活动",
        content: "代表接待日的时间能不能提前在村里公告？很多人不知道什么时候能见到代表。",
        department: "",
        reply: "联络站今后将提前一周在村务公开栏和网上代表之家公布接待安排，欢迎群众参加。",
    },
];

fn at(t: OffsetDateTime) -> String {
    clock::to_rfc3339(t)
}

/// Letters for a share of the deputies. Deterministic for the generator's random stream.
pub fn generate(
    rng: &mut ChaCha8Rng,
    deputies: &[Deputy],
    county_of: impl Fn(&Deputy) -> String,
) -> Vec<MessageRecord> {
    let start = OffsetDateTime::from_unix_timestamp(1_740_790_800).unwrap_or(OffsetDateTime::UNIX_EPOCH); // 2025-03-01 09:00 +08
    let mut out = Vec::new();
    let mut used = std::collections::HashSet::new();
    // City deputies are the ones people write to most; every fifth of the others too.
    let writers: Vec<&Deputy> = deputies
        .iter()
        .enumerate()
        .filter(|(i, d)| matches!(d.summary.level, Level::City | Level::National | Level::Region) || i % 5 == 0)
        .map(|(_, d)| d)
        .collect();
    for (n, d) in writers.iter().enumerate() {
        let letters = if n % 3 == 0 { rng.random_range(2..5) } else { rng.random_range(0..2) };
        for _ in 0..letters {
            let t = TEMPLATES.choose(rng).expect("templates");
            let received = start + Duration::hours(rng.random_range(0..(600 * 24)));
            let mut code = receipt::code_from_entropy(rng.random());
            while !used.insert(code.clone()) {
                code = receipt::code_from_entropy(rng.random());
            }
            let county = county_of(d);
            let department = t.department.replace("{county}", &county);
            let mut events = vec![MessageEvent::Received { at: at(received) }];
            let mut now = received;
            let answered = rng.random_bool(0.85);
            if !department.is_empty() && rng.random_bool(0.7) {
                now += Duration::hours(rng.random_range(4..48));
                events.push(MessageEvent::Forwarded { at: at(now), department: department.clone() });
            }
            if answered {
                now += Duration::hours(rng.random_range(20..(12 * 24)));
                let by = if department.is_empty() || rng.random_bool(0.4) {
                    format!("{}代表", d.summary.name)
                } else {
                    department.clone()
                };
                events.push(MessageEvent::Replied { at: at(now), by, text: t.reply.to_string() });
                if rng.random_bool(0.65) {
                    now += Duration::hours(rng.random_range(2..96));
                    let rating = match rng.random_range(0..10) {
                        0..=6 => Rating::Satisfied,
                        7..=8 => Rating::Basically,
                        _ => Rating::Unsatisfied,
                    };
                    events.push(MessageEvent::Rated { at: at(now), rating, comment: String::new() });
                    if rating == Rating::Unsatisfied {
                        // 不满意 sends it back; most get a second reply.
                        now += Duration::hours(rng.random_range(2..48));
                        events
                            .push(MessageEvent::Reopened {
                                at: at(now), reason: "群众对答复不满意，重新办理".into()
                            });
                    }
                }
            }
            let public = rng.random_bool(0.7);
            out.push(MessageRecord {
                format_version: FORMAT_VERSION,
                receipt_code: code,
                deputy_id: d.summary.id.clone(),
                deputy_name: d.summary.name.clone(),
                subject: t.subject.to_string(),
                category: t.category.to_string(),
                content: public.then(|| t.content.to_string()),
                public,
                events,
                suggestion_id: None,
            });
        }
    }
    out.sort_by(|a, b| a.received_at().cmp(&b.received_at()));
    add_showcases(&mut out, deputies, start);
    out
}

/// Two letters the demo must always have: one re-handled after 不满意 and answered again, and
/// one that became a deputy's suggestion (the dairy park, to 边俊峰).
fn add_showcases(out: &mut Vec<MessageRecord>, deputies: &[Deputy], start: OffsetDateTime) {
    let pick = |name: &str| deputies.iter().find(|d| d.summary.name == name);
    if let Some(d) = pick("娜仁其其格") {
        let t0 = start + Duration::days(40);
        out.push(MessageRecord {
            format_version: FORMAT_VERSION,
            receipt_code: receipt::code_from_entropy(520_131_400),
            deputy_id: d.summary.id.clone(),
            deputy_name: d.summary.name.clone(),
            subject: "楼上漏水多次协商无果".into(),
            category: "法治".into(),
            content: Some(
                "楼上住户家水管漏水，把我家天花板泡坏了，找物业和楼上协商多次都没有结果，希望帮助调解。".into(),
            ),
            public: true,
            events: vec![
                MessageEvent::Received { at: at(t0) },
                MessageEvent::Forwarded {
                    at: at(t0 + Duration::hours(20)),
                    department: "临河区物业纠纷人民调解委员会".into(),
                },
                MessageEvent::Replied {
                    at: at(t0 + Duration::days(5)),
                    by: "临河区物业纠纷人民调解委员会".into(),
                    text: "已通知物业公司督促楼上住户维修水管。".into(),
                },
                MessageEvent::Rated {
                    at: at(t0 + Duration::days(6)),
                    rating: Rating::Unsatisfied,
                    comment: "水管修了，但我家的损失没人管。".into(),
                },
                MessageEvent::Reopened {
                    at: at(t0 + Duration::days(6) + Duration::hours(3)),
                    reason: "群众对答复不满意，重新办理".into(),
                },
                MessageEvent::Replied {
                    at: at(t0 + Duration::days(15)),
                    by: "娜仁其其格代表".into(),
                    text:
                        "经调解委员会两次组织双方调解，楼上住户同意承担天花板修复费用2800元，已签订调解协议并履行完毕。"
                            .into(),
                },
                MessageEvent::Rated {
                    at: at(t0 + Duration::days(16)),
                    rating: Rating::Satisfied,
                    comment: "问题解决了，谢谢娜代表！".into(),
                },
            ],
            suggestion_id: None,
        });
    }
    if let Some(d) = pick("边俊峰") {
        let t0 = start + Duration::days(2);
        out.push(MessageRecord {
            format_version: FORMAT_VERSION,
            receipt_code: receipt::code_from_entropy(202_503_030),
            deputy_id: d.summary.id.clone(),
            deputy_name: d.summary.name.clone(),
            subject: "产业园牧场资金周转困难".into(),
            category: "农牧业".into(),
            content: Some("我们是奶业振兴产业园里的社会牧场，奶价低迷，每月要偿还贷款本金，只能卖牛还贷，希望代表帮助反映。".into()),
            public: true,
            events: vec![
                MessageEvent::Received { at: at(t0) },
                MessageEvent::Replied {
                    at: at(t0 + Duration::days(3)),
                    by: "边俊峰代表".into(),
                    text: "您反映的情况很有代表性。我已与王义代表联名，将其写成《关于帮助杭锦后旗现代农牧业奶业振兴产业园养殖企业解决资金难题的建议》提交市人大常委会，办理进展可在“建议提交”栏目查看。".into(),
                },
                MessageEvent::Rated { at: at(t0 + Duration::days(4)), rating: Rating::Satisfied, comment: String::new() },
            ],
            suggestion_id: Some(LETTER_SUGGESTION_ID.into()),
        });
    }
    out.sort_by(|a, b| a.received_at().cmp(&b.received_at()));
}
