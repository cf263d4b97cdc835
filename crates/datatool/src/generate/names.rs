//! Name material for fictional deputies: common Han surnames and given names of people born
//! 1960–1995 in north China, Mongolian personal names as used in Inner Mongolia (with the
//! Chinese transliteration and the traditional Mongolian script), and occupation patterns.

/// About 80 common Han surnames, most common first (roughly the national frequency order, with a
/// few mostly southern surnames swapped for ones common in 河套 and north China, at the end).
pub const HAN_SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "肖", "程", "曹", "袁", "邓", "许", "付", "沈", "曾",
    "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "闫", "余", "潘", "杜", "戴", "夏", "汪", "田",
    "任", "姜", "范", "方", "石", "姚", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "秦", "史", "孟", "侯", "武",
    "乔", "贺", "樊", "牛",
];
/// Male given names (1 or 2 characters), typical of north China for people born 1960–1995.
pub const HAN_GIVEN_MALE: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "鹏", "波", "辉", "刚", "健", "明", "亮", "峰", "鑫", "浩",
    "宇", "凯", "龙", "飞", "建国", "建军", "建华", "建平", "国强", "国庆", "志强", "志刚", "志勇", "宏伟", "海龙",
    "海军", "海涛", "红军", "卫东", "卫国", "振华", "文军", "永刚", "永平", "立新", "晓东", "晓明", "俊峰", "俊杰",
    "东升", "春生", "利军", "学军", "玉宝", "德胜", "金山", "占军", "占海", "云飞", "二虎",
];
/// Female given names (1 or 2 characters), typical of north China for people born 1960–1995.
pub const HAN_GIVEN_FEMALE: &[&str] = &[
    "丽", "娟", "敏", "静", "艳", "芳", "霞", "红", "燕", "玲", "萍", "英", "梅", "慧", "婷", "莉", "琳", "倩", "娜",
    "颖", "丽娟", "秀英", "桂英", "玉兰", "淑芬", "秀兰", "爱华", "红梅", "海燕", "丽华", "春梅", "晓燕", "晓红",
    "丽丽", "艳红", "彩霞", "雪梅", "美玲", "婷婷", "晓丽", "凤英", "金花", "玉梅", "桂兰", "翠英", "秀珍", "爱霞",
    "瑞芳", "俊英", "丽萍", "亚楠", "媛媛", "月英", "润梅", "海英", "艳玲", "金凤", "春燕", "桂芳", "丽君",
];

pub struct MongolName {
    /// Chinese transliteration, e.g. "娜仁其其格".
    pub hanzi: &'static str,
    /// Traditional Mongolian script.
    pub script: &'static str,
    /// In Latin letters, from the classical transcription in the comment (č → ch, ǰ → j,
    /// γ → g, ŋ → ng, q → kh, ü → u, ö → o), as Mongolian names are usually written in English.
    pub latin: &'static str,
    pub female: bool,
}

/// Mongolian personal names as used in Inner Mongolia, written as one word in the traditional
/// script (classical spelling, e.g. ᠨᠠᠷᠠᠨᠴᠡᠴᠡᠭ narančečeg for 娜仁其其格). In Inner Mongolia a
/// Mongolian person usually goes by the given name alone, so these are used as full names.
pub const MONGOL_NAMES: &[MongolName] = &[
    MongolName {
        hanzi: "娜仁其其格", script: "ᠨᠠᠷᠠᠨᠴᠡᠴᠡᠭ", latin: "Naranchecheg", female: true
    }, // narančečeg
    MongolName {
        hanzi: "萨仁格日乐", script: "ᠰᠠᠷᠠᠩᠭᠡᠷᠡᠯ", latin: "Saranggerel", female: true
    }, // saraŋgerel
    MongolName { hanzi: "娜木罕", script: "ᠨᠠᠮᠬᠠᠨ", latin: "Namkhan", female: true }, // namqan
    MongolName { hanzi: "乌日娜", script: "ᠤᠷᠨᠠ", latin: "Urna", female: true },      // urna
    MongolName { hanzi: "哈斯其其格", script: "ᠬᠠᠰᠴᠡᠴᠡᠭ", latin: "Khaschecheg", female: true }, // qasčečeg
    MongolName { hanzi: "斯琴", script: "ᠰᠡᠴᠡᠨ", latin: "Sechen", female: true },     // sečen
    MongolName { hanzi: "其木格", script: "ᠴᠢᠮᠡᠭ", latin: "Chimeg", female: true },   // čimeg
    MongolName { hanzi: "格日勒", script: "ᠭᠡᠷᠡᠯ", latin: "Gerel", female: true },    // gerel
    MongolName { hanzi: "乌兰", script: "ᠤᠯᠠᠭᠠᠨ", latin: "Ulagan", female: true },    // ulaγan
    MongolName { hanzi: "萨仁", script: "ᠰᠠᠷᠠᠨ", latin: "Saran", female: true },      // saran
    MongolName { hanzi: "塔娜", script: "ᠲᠠᠨᠠ", latin: "Tana", female: true },        // tana
    MongolName { hanzi: "敖登", script: "ᠣᠳᠣᠨ", latin: "Odon", female: true },        // odon
    MongolName { hanzi: "斯日古楞", script: "ᠰᠡᠷᠢᠭᠦᠯᠡᠩ", latin: "Seriguleng", female: true }, // serigüleŋ
    MongolName { hanzi: "其其格", script: "ᠴᠡᠴᠡᠭ", latin: "Checheg", female: true },  // čečeg
    MongolName { hanzi: "乌云", script: "ᠣᠶᠤᠨ", latin: "Oyun", female: true },        // oyun
    MongolName { hanzi: "乌云其木格", script: "ᠣᠶᠤᠨᠴᠢᠮᠡᠭ", latin: "Oyunchimeg", female: true }, // oyunčimeg
    MongolName { hanzi: "萨日娜", script: "ᠰᠠᠷᠠᠨᠠ", latin: "Sarana", female: true },  // sarana
    MongolName { hanzi: "格根塔娜", script: "ᠭᠡᠭᠡᠨᠲᠠᠨᠠ", latin: "Gegentana", female: true }, // gegentana
    MongolName {
        hanzi: "额尔敦其其格", script: "ᠡᠷᠳᠡᠨᠢᠴᠡᠴᠡᠭ", latin: "Erdenichecheg", female: true
    }, // erdeničečeg
    MongolName { hanzi: "敖登格日乐", script: "ᠣᠳᠣᠨᠭᠡᠷᠡᠯ", latin: "Odongerel", female: true }, // odongerel
    MongolName { hanzi: "苏布道", script: "ᠰᠤᠪᠤᠳ", latin: "Subud", female: true },    // subud
    MongolName { hanzi: "萨如拉", script: "ᠰᠠᠷᠠᠭᠤᠯ", latin: "Saragul", female: true }, // saraγul
    MongolName { hanzi: "朝乐蒙", script: "ᠴᠣᠯᠮᠣᠨ", latin: "Cholmon", female: true }, // čolmon
    MongolName {
        hanzi: "阿拉坦其其格", script: "ᠠᠯᠲᠠᠨᠴᠡᠴᠡᠭ", latin: "Altanchecheg", female: true
    }, // altančečeg
    MongolName {
        hanzi: "乌兰其其格", script: "ᠤᠯᠠᠭᠠᠨᠴᠡᠴᠡᠭ", latin: "Ulaganchecheg", female: true
    }, // ulaγančečeg
    MongolName {
        hanzi: "萨仁其其格", script: "ᠰᠠᠷᠠᠨᠴᠡᠴᠡᠭ", latin: "Saranchecheg", female: true
    }, // sarančečeg
    MongolName { hanzi: "通拉嘎", script: "ᠲᠤᠩᠭᠠᠯᠠᠭ", latin: "Tunggalag", female: true }, // tuŋγalaγ
    MongolName {
        hanzi: "斯琴其木格", script: "ᠰᠡᠴᠡᠨᠴᠢᠮᠡᠭ", latin: "Sechenchimeg", female: true
    }, // sečenčimeg
    MongolName { hanzi: "巴特尔", script: "ᠪᠠᠭᠠᠲᠤᠷ", latin: "Bagatur", female: false }, // baγatur
    MongolName { hanzi: "图门", script: "ᠲᠦᠮᠡᠨ", latin: "Tumen", female: false },     // tümen
    MongolName { hanzi: "苏和", script: "ᠰᠦᠬᠡ", latin: "Suke", female: false },       // süke
    MongolName { hanzi: "额尔敦", script: "ᠡᠷᠳᠡᠨᠢ", latin: "Erdeni", female: false }, // erdeni
    MongolName { hanzi: "宝音", script: "ᠪᠤᠶᠠᠨ", latin: "Buyan", female: false },     // buyan
    MongolName { hanzi: "阿拉坦仓", script: "ᠠᠯᠲᠠᠨᠴᠠᠩ", latin: "Altanchang", female: false }, // altančaŋ
    MongolName { hanzi: "朝鲁", script: "ᠴᠢᠯᠠᠭᠤ", latin: "Chilagu", female: false },  // čilaγu
    MongolName { hanzi: "巴图", script: "ᠪᠠᠲᠤ", latin: "Batu", female: false },       // batu
    MongolName { hanzi: "毕力格", script: "ᠪᠢᠯᠢᠭ", latin: "Bilig", female: false },   // bilig
    MongolName { hanzi: "巴雅尔", script: "ᠪᠠᠶᠠᠷ", latin: "Bayar", female: false },   // bayar
    MongolName { hanzi: "额尔德木图", script: "ᠡᠷᠳᠡᠮᠲᠦ", latin: "Erdemtu", female: false }, // erdemtü
    MongolName { hanzi: "孟和", script: "ᠮᠥᠩᠬᠡ", latin: "Mongke", female: false },    // möŋke
    MongolName {
        hanzi: "那顺巴雅尔", script: "ᠨᠠᠰᠤᠨᠪᠠᠶᠠᠷ", latin: "Nasunbayar", female: false
    }, // nasunbayar
    MongolName { hanzi: "乌力吉", script: "ᠥᠯᠵᠡᠢ", latin: "Oljei", female: false },   // ölǰei
    MongolName { hanzi: "吉日嘎拉", script: "ᠵᠢᠷᠭᠠᠯ", latin: "Jirgal", female: false }, // ǰirγal
    MongolName { hanzi: "特木尔", script: "ᠲᠡᠮᠦᠷ", latin: "Temur", female: false },   // temür
    MongolName { hanzi: "布和", script: "ᠪᠥᠬᠡ", latin: "Boke", female: false },       // böke
    MongolName { hanzi: "达来", script: "ᠳᠠᠯᠠᠢ", latin: "Dalai", female: false },     // dalai
    MongolName { hanzi: "朝格图", script: "ᠴᠣᠭᠲᠤ", latin: "Chogtu", female: false },  // čoγtu
    MongolName { hanzi: "青格勒", script: "ᠴᠢᠩᠭᠡᠯ", latin: "Chinggel", female: false }, // čiŋgel
    MongolName { hanzi: "呼和", script: "ᠬᠥᠬᠡ", latin: "Koke", female: false },       // köke
    MongolName { hanzi: "那日苏", script: "ᠨᠠᠷᠠᠰᠤ", latin: "Narasu", female: false }, // narasu
    MongolName { hanzi: "哈斯巴根", script: "ᠬᠠᠰᠪᠠᠭᠠᠨᠠ", latin: "Khasbagana", female: false }, // qasbaγana
    MongolName { hanzi: "道尔吉", script: "ᠳᠣᠷᠵᠢ", latin: "Dorji", female: false },   // dorǰi
    MongolName { hanzi: "敖其尔", script: "ᠣᠴᠢᠷ", latin: "Ochir", female: false },    // očir
    MongolName { hanzi: "巴音仓", script: "ᠪᠠᠶᠠᠨᠴᠠᠩ", latin: "Bayanchang", female: false }, // bayančaŋ
    MongolName { hanzi: "那木吉拉", script: "ᠨᠠᠮᠵᠢᠯ", latin: "Namjil", female: false }, // namǰil
    MongolName { hanzi: "图布信", script: "ᠲᠦᠪᠰᠢᠨ", latin: "Tubsin", female: false }, // tübsin
    MongolName { hanzi: "阿古拉", script: "ᠠᠭᠤᠯᠠ", latin: "Agula", female: false },   // aγula
    MongolName { hanzi: "格日勒图", script: "ᠭᠡᠷᠡᠯᠲᠦ", latin: "Gereltu", female: false }, // gereltü
    MongolName { hanzi: "乌云毕力格", script: "ᠣᠶᠤᠨᠪᠢᠯᠢᠭ", latin: "Oyunbilig", female: false }, // oyunbilig
    MongolName { hanzi: "巴图孟和", script: "ᠪᠠᠲᠤᠮᠥᠩᠬᠡ", latin: "Batumongke", female: false }, // batumöŋke
    MongolName { hanzi: "宝音图", script: "ᠪᠤᠶᠠᠨᠲᠤ", latin: "Buyantu", female: false }, // buyantu
    MongolName { hanzi: "满都呼", script: "ᠮᠠᠨᠳᠠᠬᠤ", latin: "Mandakhu", female: false }, // mandaqu
    MongolName { hanzi: "乌恩", script: "ᠦᠨᠡᠨ", latin: "Unen", female: false },       // ünen
    MongolName { hanzi: "阿木古楞", script: "ᠠᠮᠤᠭᠤᠯᠠᠩ", latin: "Amugulang", female: false }, // amuγulaŋ
    MongolName { hanzi: "巴雅尔图", script: "ᠪᠠᠶᠠᠷᠲᠤ", latin: "Bayartu", female: false }, // bayartu
    MongolName {
        hanzi: "图门吉日嘎拉", script: "ᠲᠦᠮᠡᠨᠵᠢᠷᠭᠠᠯ", latin: "Tumenjirgal", female: false
    }, // tümenǰirγal
    MongolName { hanzi: "朝鲁门", script: "ᠴᠢᠯᠠᠭᠤᠨ", latin: "Chilagun", female: false }, // čilaγun
    MongolName {
        hanzi: "额尔敦毕力格", script: "ᠡᠷᠳᠡᠨᠢᠪᠢᠯᠢᠭ", latin: "Erdenibilig", female: false
    }, // erdenibilig
    MongolName { hanzi: "乌力吉图", script: "ᠥᠯᠵᠡᠢᠲᠦ", latin: "Oljeitu", female: false }, // ölǰeitü
    MongolName { hanzi: "德力格尔", script: "ᠳᠡᠯᠭᠡᠷ", latin: "Delger", female: false }, // delger
];

/// The Mongolian name with this Chinese transliteration.
pub fn mongol_name(hanzi: &str) -> Option<&'static MongolName> {
    MONGOL_NAMES.iter().find(|n| n.hanzi == hanzi)
}

/// Deputies' occupations: (sector, post pattern). Placeholders in the pattern:
/// `{county}` = the county-level unit's name (e.g. 杭锦后旗), `{town}` = the township-level
/// unit's name (e.g. 蛮会镇, 铁南街道), `{village}` = the village, gacha or community name
/// (e.g. 东升村, 今日社区). Every placeholder that appears must be filled; patterns with
/// `{village}` and "社区"/"居委会" wording suit communities, the others villages and gacha.
pub const TITLES: &[(&str, &str)] = &[
    ("农牧业", "{town}{village}党支部书记"),
    ("农牧业", "{town}{village}党支部书记、村（嘎查）委会主任"),
    ("农牧业", "{county}{town}{village}农民"),
    ("农牧业", "{county}{town}{village}牧民"),
    ("农牧业", "{town}{village}种植大户"),
    ("农牧业", "{county}{town}家庭农场负责人"),
    ("农牧业", "{county}{town}农民专业合作社理事长"),
    ("农牧业", "{county}农牧技术推广中心高级农艺师"),
    ("农牧业", "{town}畜牧兽医站站长"),
    ("奶业", "{county}{town}奶牛养殖场场长"),
    ("奶业", "{county}{town}家庭牧场主"),
    ("奶业", "{county}奶牛养殖企业技术负责人"),
    ("水利", "{county}河套灌区管理所工程师"),
    ("教育", "{county}第一中学教师"),
    ("教育", "{town}中心学校校长"),
    ("教育", "{county}蒙古族学校教师"),
    ("教育", "{town}中心幼儿园园长"),
    ("医疗卫生", "{county}人民医院主任医师"),
    ("医疗卫生", "{town}卫生院院长"),
    ("医疗卫生", "{town}{village}卫生室乡村医生"),
    ("医疗卫生", "{county}蒙医医院副院长"),
    ("社区治理", "{town}{village}党委书记、居委会主任"),
    ("社区治理", "{town}{village}网格员"),
    ("社区治理", "{town}社区养老服务中心负责人"),
    ("人民调解", "{town}人民调解委员会主任"),
    ("党政机关", "{town}党委书记"),
    ("党政机关", "{town}人大主席"),
    ("党政机关", "{county}发展和改革委员会主任"),
    ("党政机关", "{county}农牧局副局长"),
    ("党政机关", "{county}水利局局长"),
    ("政法", "{county}人民法院审判员"),
    ("政法", "{county}司法局{town}司法所所长"),
    ("法律服务", "{county}律师事务所主任、律师"),
    ("法律服务", "{county}法律援助中心律师"),
    ("企业", "{county}农产品加工企业总经理"),
    ("企业", "{county}番茄制品企业董事长"),
    ("企业", "{county}葵花籽加工企业负责人"),
    ("企业", "{county}工业园区企业一线职工"),
    ("个体经营", "{town}个体工商户"),
    ("个体经营", "{town}{village}农家乐经营户"),
    ("电子商务", "{town}{village}电商服务站负责人"),
    ("交通运输", "{county}城市公交公司驾驶员"),
    ("文化", "{county}乌兰牧骑演员"),
    ("金融", "{county}农村信用合作联社{town}信用社主任"),
    ("群团组织", "{county}妇女联合会副主席"),
    ("退役军人", "{county}退役军人服务中心主任"),
];

/// Fill a [`TITLES`] pattern.
pub fn fill_title(pattern: &str, county: &str, town: &str, village: &str) -> String {
    pattern.replace("{county}", county).replace("{town}", town).replace("{village}", village)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unique(xs: &[&str]) -> bool {
        let mut v = xs.to_vec();
        v.sort();
        v.dedup();
        v.len() == xs.len()
    }

    #[test]
    fn han_names() {
        assert!((75..=90).contains(&HAN_SURNAMES.len()));
        assert!(HAN_GIVEN_MALE.len() >= 55 && HAN_GIVEN_FEMALE.len() >= 55);
        assert!(unique(HAN_SURNAMES) && unique(HAN_GIVEN_MALE) && unique(HAN_GIVEN_FEMALE));
        for g in HAN_GIVEN_MALE.iter().chain(HAN_GIVEN_FEMALE) {
            assert!((1..=2).contains(&g.chars().count()), "{g}");
        }
        for s in HAN_SURNAMES {
            assert_eq!(s.chars().count(), 1, "{s}");
        }
    }

    #[test]
    fn mongol_names() {
        assert!(MONGOL_NAMES.len() >= 55);
        assert!(MONGOL_NAMES.iter().filter(|n| n.female).count() >= 25);
        assert!(MONGOL_NAMES.iter().filter(|n| !n.female).count() >= 25);
        let hanzi: Vec<_> = MONGOL_NAMES.iter().map(|n| n.hanzi).collect();
        assert!(unique(&hanzi));
        for n in MONGOL_NAMES {
            assert!(!n.script.is_empty());
            assert!(n.script.chars().all(|c| ('\u{1820}'..='\u{18AF}').contains(&c)), "{}", n.hanzi);
        }
        assert_eq!(
            mongol_name("娜仁其其格").unwrap().script,
            "\u{1828}\u{1820}\u{1837}\u{1820}\u{1828}\u{1834}\u{1821}\u{1834}\u{1821}\u{182D}"
        );
        assert!(mongol_name("娜木罕").unwrap().female);
    }

    #[test]
    fn titles() {
        assert!(TITLES.len() >= 40);
        for (sector, p) in TITLES {
            assert!(!sector.is_empty());
            let filled = fill_title(p, "杭锦后旗", "蛮会镇", "东升村");
            assert!(!filled.contains('{') && !filled.contains('}'), "{p}");
        }
    }
}
