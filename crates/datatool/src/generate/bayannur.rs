//! Bayannur's real administrative divisions: the city, its 7 county-level units with their
//! official codes, and its 70 township-level units (2020: 11 街道 + 46 镇 + 10 苏木 + 3 乡).
//!
//! County and township names are the real ones (checked against public gazetteer pages where
//! possible). The villages, gacha and communities under each township are a sample of 3–5 per
//! township: some are real (e.g. 团结街道今日社区, the villages of 三道桥镇), most are plausible
//! names in the local naming style, for demo data only. The seat addresses are plausible, not
//! surveyed. Mongolian-script names use the standard Unicode encoding (genitive suffixes joined
//! with U+202F NARROW NO-BREAK SPACE, as Inner Mongolian texts do).
//!
//! Villages under towns are `Village` (村), except in the pastoral towns of the 乌拉特 banners
//! where the real village-level units are 嘎查 (`Gacha`).
use deputy_model::RegionKind;

pub struct CountyDef {
    /// Official 6-digit administrative code, e.g. "150802" for 临河区.
    pub code: &'static str,
    pub name: &'static str,
    /// Name in traditional Mongolian script (Unicode U+1800–U+18AF).
    pub name_mn: &'static str,
    /// The official name in Latin letters (Urad Front Banner, not the pinyin Wulate Qianqi).
    pub name_latin: &'static str,
    /// District, County or Banner.
    pub kind: RegionKind,
    /// Where the county-level liaison branch station sits (a plausible street address).
    pub seat_address: &'static str,
    pub townships: &'static [TownDef],
}

pub struct TownDef {
    pub name: &'static str,
    /// Subdistrict (街道), Town (镇), Township (乡) or Sumu (苏木).
    pub kind: RegionKind,
    /// 3–5 villages/gacha/communities: (name, Village | Gacha | Community).
    pub villages: &'static [(&'static str, RegionKind)],
}

pub const CITY_CODE: &str = "150800";
pub const CITY_NAME: &str = "巴彦淖尔市";
/// 巴彦淖尔市 (Bayannaɣur qota) in traditional Mongolian script.
pub const CITY_NAME_MN: &str = "ᠪᠠᠶᠠᠨᠨᠠᠭᠤᠷ ᠬᠣᠲᠠ";
pub const CITY_NAME_LATIN: &str = "Bayannur City";
/// Where the city-level liaison head station (市级人大代表联络总站) sits (plausible address).
pub const CITY_SEAT_ADDRESS: &str = "巴彦淖尔市临河区胜利北路市人大常委会";
/// The dairy park of the seed newsletter's suggestion (杭锦后旗).
pub const HANGJIN_INDUSTRIAL_PARK: &str = "杭锦后旗现代农牧业奶业振兴产业园";
/// The county of [`HANGJIN_INDUSTRIAL_PARK`].
pub const HANGJIN_COUNTY: &str = "杭锦后旗";
/// 2020 census: resident population of the city, and of Mongolian ethnicity (approximate).
pub const CITY_POPULATION_2020: u32 = 1_538_715;
pub const CITY_MONGOLIAN_POPULATION_2020: u32 = 85_000;

use RegionKind::{Community, Gacha, Subdistrict, Sumu, Town, Township, Village};

pub const COUNTIES: &[CountyDef] = &[
    CountyDef {
        code: "150802",
        name: "临河区",
        name_mn: "ᠯᠢᠨᠾᠧ ᠲᠣᠭᠣᠷᠢᠭ",
        name_latin: "Linhe District",
        kind: RegionKind::District,
        seat_address: "巴彦淖尔市临河区胜利北路与新华西街交会处临河区人大常委会",
        townships: &[
            TownDef {
                name: "车站街道",
                kind: Subdistrict,
                villages: &[
                    ("站前社区", Community),
                    ("东站社区", Community),
                    ("光明社区", Community),
                    ("新建社区", Community),
                ],
            },
            TownDef {
                name: "铁南街道",
                kind: Subdistrict,
                villages: &[
                    ("铁南社区", Community),
                    ("南苑社区", Community),
                    ("福兴社区", Community),
                    ("和顺社区", Community),
                ],
            },
            TownDef {
                name: "解放街道",
                kind: Subdistrict,
                villages: &[
                    ("解放社区", Community),
                    ("胜利社区", Community),
                    ("建设社区", Community),
                    ("青年社区", Community),
                ],
            },
            TownDef {
                name: "新华街道",
                kind: Subdistrict,
                villages: &[
                    ("新华社区", Community),
                    ("利民社区", Community),
                    ("恒丰社区", Community),
                    ("西苑社区", Community),
                ],
            },
            TownDef {
                name: "团结街道",
                kind: Subdistrict,
                villages: &[
                    ("今日社区", Community),
                    ("团结社区", Community),
                    ("朔方社区", Community),
                    ("阳光社区", Community),
                ],
            },
            TownDef {
                name: "西环街道",
                kind: Subdistrict,
                villages: &[("西环社区", Community), ("永丰社区", Community), ("丰华社区", Community)],
            },
            TownDef {
                name: "北环街道",
                kind: Subdistrict,
                villages: &[("北环社区", Community), ("长青社区", Community), ("北苑社区", Community)],
            },
            TownDef {
                name: "东环街道",
                kind: Subdistrict,
                villages: &[("东环社区", Community), ("东苑社区", Community), ("兴旺社区", Community)],
            },
            TownDef {
                name: "先锋街道",
                kind: Subdistrict,
                villages: &[
                    ("先锋社区", Community),
                    ("乐园社区", Community),
                    ("新城社区", Community),
                    ("曙光社区", Community),
                ],
            },
            TownDef {
                name: "汇丰街道",
                kind: Subdistrict,
                villages: &[("汇丰社区", Community), ("万家社区", Community), ("丰泽社区", Community)],
            },
            TownDef {
                name: "金川街道",
                kind: Subdistrict,
                villages: &[
                    ("金川社区", Community),
                    ("金沙社区", Community),
                    ("金泽社区", Community),
                    ("河套社区", Community),
                ],
            },
            TownDef {
                name: "城关镇",
                kind: Town,
                villages: &[("光明村", Village), ("新光村", Village), ("红星村", Village), ("永丰村", Village)],
            },
            TownDef {
                name: "白脑包镇",
                kind: Town,
                villages: &[("白脑包村", Village), ("联丰村", Village), ("荣丰村", Village), ("永胜村", Village)],
            },
            TownDef {
                name: "干召庙镇",
                kind: Town,
                villages: &[("干召庙村", Village), ("民主村", Village), ("广太村", Village), ("东风村", Village)],
            },
            TownDef {
                name: "新华镇",
                kind: Town,
                villages: &[("新华村", Village), ("红旗村", Village), ("先进村", Village), ("建设村", Village)],
            },
            TownDef {
                name: "狼山镇",
                kind: Town,
                villages: &[("狼山村", Village), ("富强村", Village), ("红光村", Village), ("前进村", Village)],
            },
            TownDef {
                name: "乌兰图克镇",
                kind: Town,
                villages: &[("乌兰图克村", Village), ("民丰村", Village), ("团结村", Village), ("五星村", Village)],
            },
            TownDef {
                name: "双河镇",
                kind: Town,
                villages: &[("双河村", Village), ("丰收村", Village), ("进步村", Village), ("九庄村", Village)],
            },
            TownDef {
                name: "八一乡",
                kind: Township,
                villages: &[("八一村", Village), ("友谊村", Village), ("红星村", Village), ("联合村", Village)],
            },
            TownDef {
                name: "曙光乡",
                kind: Township,
                villages: &[("曙光村", Village), ("永丰村", Village), ("新丰村", Village), ("朝阳村", Village)],
            },
        ],
    },
    CountyDef {
        code: "150821",
        name: "五原县",
        name_mn: "ᠦᠶᠤᠸᠠᠨ ᠰᠢᠶᠠᠨ",
        name_latin: "Wuyuan County",
        kind: RegionKind::County,
        seat_address: "巴彦淖尔市五原县隆兴昌镇新华街五原县人大常委会",
        townships: &[
            TownDef {
                name: "隆兴昌镇",
                kind: Town,
                villages: &[("义和村", Village), ("联丰村", Village), ("红旗村", Village), ("东土城村", Village)],
            },
            TownDef {
                name: "塔尔湖镇",
                kind: Town,
                villages: &[("塔尔湖村", Village), ("联合村", Village), ("永联村", Village), ("毛脑亥村", Village)],
            },
            TownDef {
                name: "巴彦套海镇",
                kind: Town,
                villages: &[("巴彦套海村", Village), ("乌兰布和村", Village), ("联丰村", Village), ("团结村", Village)],
            },
            TownDef {
                name: "新公中镇",
                kind: Town,
                villages: &[("新公中村", Village), ("永利村", Village), ("沙河村", Village), ("三义村", Village)],
            },
            TownDef {
                name: "天吉泰镇",
                kind: Town,
                villages: &[("天吉泰村", Village), ("民族村", Village), ("新丰村", Village), ("强胜村", Village)],
            },
            TownDef {
                name: "胜丰镇",
                kind: Town,
                villages: &[("胜丰村", Village), ("城南村", Village), ("新胜村", Village), ("丰裕村", Village)],
            },
            TownDef {
                name: "复兴镇",
                kind: Town,
                villages: &[("复兴村", Village), ("丰联村", Village), ("永胜村", Village), ("新民村", Village)],
            },
            TownDef {
                name: "银定图镇",
                kind: Town,
                villages: &[("银定图村", Village), ("新建村", Village), ("巨丰村", Village), ("红星村", Village)],
            },
            TownDef {
                name: "和胜乡",
                kind: Township,
                villages: &[("和胜村", Village), ("永和村", Village), ("联星村", Village), ("新安村", Village)],
            },
        ],
    },
    CountyDef {
        code: "150822",
        name: "磴口县",
        name_mn: "ᠳ᠋ᠧᠩᠺᠧᠦ ᠰᠢᠶᠠᠨ",
        name_latin: "Dengkou County",
        kind: RegionKind::County,
        seat_address: "巴彦淖尔市磴口县巴彦高勒镇团结路磴口县人大常委会",
        townships: &[
            TownDef {
                name: "巴彦高勒镇",
                kind: Town,
                villages: &[("东风村", Village), ("红旗村", Village), ("南粮台村", Village), ("四坝村", Village)],
            },
            TownDef {
                name: "隆盛合镇",
                kind: Town,
                villages: &[("隆盛合村", Village), ("协成村", Village), ("红星村", Village), ("新地村", Village)],
            },
            TownDef {
                name: "渡口镇",
                kind: Town,
                villages: &[("渡口村", Village), ("友谊村", Village), ("复兴村", Village), ("北滩村", Village)],
            },
            TownDef {
                name: "补隆淖镇",
                kind: Town,
                villages: &[("补隆淖村", Village), ("河壕村", Village), ("光明村", Village), ("哈腾套海村", Village)],
            },
            TownDef {
                name: "沙金套海苏木",
                kind: Sumu,
                villages: &[
                    ("沙金套海嘎查", Gacha),
                    ("巴音温都尔嘎查", Gacha),
                    ("乌兰布和嘎查", Gacha),
                    ("图克木嘎查", Gacha),
                ],
            },
        ],
    },
    CountyDef {
        code: "150823",
        name: "乌拉特前旗",
        name_mn: "ᠤᠷᠠᠳ ᠤᠨ ᠡᠮᠦᠨᠡᠳᠦ ᠬᠣᠰᠢᠭᠤ",
        name_latin: "Urad Front Banner",
        kind: RegionKind::Banner,
        seat_address: "巴彦淖尔市乌拉特前旗乌拉山镇五一街乌拉特前旗人大常委会",
        townships: &[
            TownDef {
                name: "乌拉山镇",
                kind: Town,
                villages: &[("西山咀村", Village), ("红卫村", Village), ("三湖河村", Village), ("东光村", Village)],
            },
            TownDef {
                name: "白彦花镇",
                kind: Town,
                villages: &[("白彦花村", Village), ("长胜村", Village), ("树林子村", Village), ("公庙子村", Village)],
            },
            TownDef {
                name: "新安镇",
                kind: Town,
                villages: &[("新安村", Village), ("东风村", Village), ("团结村", Village), ("蓿亥村", Village)],
            },
            TownDef {
                name: "西小召镇",
                kind: Town,
                villages: &[("西小召村", Village), ("北圪堵村", Village), ("黄河村", Village), ("前进村", Village)],
            },
            TownDef {
                name: "小佘太镇",
                kind: Town,
                villages: &[("小佘太村", Village), ("东山村", Village), ("红光村", Village), ("合教村", Village)],
            },
            TownDef {
                name: "先锋镇",
                kind: Town,
                villages: &[("先锋村", Village), ("黑柳子村", Village), ("永胜村", Village), ("东胜村", Village)],
            },
            TownDef {
                name: "大佘太镇",
                kind: Town,
                villages: &[("大佘太村", Village), ("营盘湾村", Village), ("金星村", Village), ("朝阳村", Village)],
            },
            TownDef {
                name: "明安镇",
                kind: Town,
                villages: &[("明安村", Village), ("北沟村", Village), ("保善村", Village), ("三顺村", Village)],
            },
            TownDef {
                name: "苏独仑镇",
                kind: Town,
                villages: &[("苏独仑村", Village), ("红丰村", Village), ("联合村", Village), ("新丰村", Village)],
            },
            TownDef {
                name: "额尔登布拉格苏木",
                kind: Sumu,
                villages: &[
                    ("额尔登布拉格嘎查", Gacha),
                    ("哈拉汗图嘎查", Gacha),
                    ("查干敖包嘎查", Gacha),
                    ("巴音哈达嘎查", Gacha),
                ],
            },
            TownDef {
                name: "沙德格苏木",
                kind: Sumu,
                villages: &[
                    ("沙德格嘎查", Gacha),
                    ("乌兰布拉格嘎查", Gacha),
                    ("阿拉坦敖包嘎查", Gacha),
                    ("巴音乌兰嘎查", Gacha),
                ],
            },
        ],
    },
    CountyDef {
        code: "150824",
        name: "乌拉特中旗",
        name_mn: "ᠤᠷᠠᠳ ᠤᠨ ᠳᠤᠮᠳᠠᠳᠤ ᠬᠣᠰᠢᠭᠤ",
        name_latin: "Urad Middle Banner",
        kind: RegionKind::Banner,
        seat_address: "巴彦淖尔市乌拉特中旗海流图镇团结街乌拉特中旗人大常委会",
        townships: &[
            TownDef {
                name: "海流图镇",
                kind: Town,
                villages: &[("新建村", Village), ("乌兰村", Village), ("巴音村", Village), ("同和太村", Village)],
            },
            TownDef {
                name: "乌加河镇",
                kind: Town,
                villages: &[("乌加河村", Village), ("宏丰村", Village), ("石兰计村", Village), ("乌梁素太村", Village)],
            },
            TownDef {
                name: "德岭山镇",
                kind: Town,
                villages: &[("德岭山村", Village), ("东德岭山村", Village), ("联合村", Village), ("双盛村", Village)],
            },
            TownDef {
                name: "石哈河镇",
                kind: Town,
                villages: &[("石哈河村", Village), ("郜北村", Village), ("双盛美村", Village), ("楚鲁图村", Village)],
            },
            TownDef {
                name: "甘其毛都镇",
                kind: Town,
                villages: &[
                    ("乌兰敖包嘎查", Gacha),
                    ("巴音温都尔嘎查", Gacha),
                    ("额很乌苏嘎查", Gacha),
                    ("阿日其图嘎查", Gacha),
                ],
            },
            TownDef {
                name: "温更镇",
                kind: Town,
                villages: &[
                    ("温更嘎查", Gacha),
                    ("巴音宝力格嘎查", Gacha),
                    ("宝日汗图嘎查", Gacha),
                    ("乌兰淖尔嘎查", Gacha),
                ],
            },
            TownDef {
                name: "呼勒斯太苏木",
                kind: Sumu,
                villages: &[
                    ("呼勒斯太嘎查", Gacha),
                    ("巴音哈太嘎查", Gacha),
                    ("查干敖包嘎查", Gacha),
                    ("乌兰嘎查", Gacha),
                ],
            },
            TownDef {
                name: "巴音乌兰苏木",
                kind: Sumu,
                villages: &[
                    ("巴音乌兰嘎查", Gacha),
                    ("乌兰呼都格嘎查", Gacha),
                    ("额很查干嘎查", Gacha),
                    ("宝日嘎查", Gacha),
                ],
            },
            TownDef {
                name: "川井苏木",
                kind: Sumu,
                villages: &[
                    ("川井嘎查", Gacha),
                    ("巴音杭盖嘎查", Gacha),
                    ("杭盖戈壁嘎查", Gacha),
                    ("乌兰图嘎查", Gacha),
                ],
            },
            TownDef {
                name: "新忽热苏木",
                kind: Sumu,
                villages: &[("新忽热嘎查", Gacha), ("城圐圙嘎查", Gacha), ("哈太嘎查", Gacha), ("阿尔其嘎查", Gacha)],
            },
            TownDef {
                name: "桑根达来苏木",
                kind: Sumu,
                villages: &[
                    ("桑根达来嘎查", Gacha),
                    ("巴音布拉格嘎查", Gacha),
                    ("乌兰哈达嘎查", Gacha),
                    ("额尔登嘎查", Gacha),
                ],
            },
        ],
    },
    CountyDef {
        code: "150825",
        name: "乌拉特后旗",
        name_mn: "ᠤᠷᠠᠳ ᠤᠨ ᠬᠣᠶᠢᠲᠤ ᠬᠣᠰᠢᠭᠤ",
        name_latin: "Urad Rear Banner",
        kind: RegionKind::Banner,
        seat_address: "巴彦淖尔市乌拉特后旗巴音宝力格镇乌拉特后旗人大常委会",
        townships: &[
            TownDef {
                name: "巴音宝力格镇",
                kind: Town,
                villages: &[
                    ("巴音宝力格嘎查", Gacha),
                    ("乌力吉嘎查", Gacha),
                    ("巴音温都尔嘎查", Gacha),
                    ("那仁宝力格嘎查", Gacha),
                ],
            },
            TownDef {
                name: "呼和温都尔镇",
                kind: Town,
                villages: &[("赛乌素村", Village), ("东升村", Village), ("团结村", Village), ("新丰村", Village)],
            },
            TownDef {
                name: "潮格温都尔镇",
                kind: Town,
                villages: &[
                    ("潮格温都尔嘎查", Gacha),
                    ("巴音戈壁嘎查", Gacha),
                    ("格日勒图敖登嘎查", Gacha),
                    ("乌根高勒嘎查", Gacha),
                ],
            },
            TownDef {
                name: "获各琦苏木",
                kind: Sumu,
                villages: &[
                    ("获各琦嘎查", Gacha),
                    ("巴音查干嘎查", Gacha),
                    ("乌兰哈达嘎查", Gacha),
                    ("宝日汗图嘎查", Gacha),
                ],
            },
            TownDef {
                name: "巴音前达门苏木",
                kind: Sumu,
                villages: &[
                    ("巴音前达门嘎查", Gacha),
                    ("宝音图嘎查", Gacha),
                    ("乌力吉图嘎查", Gacha),
                    ("巴音满都呼嘎查", Gacha),
                ],
            },
        ],
    },
    CountyDef {
        code: "150826",
        name: "杭锦后旗",
        name_mn: "ᠬᠠᠩᠭᠢᠨ ᠬᠣᠶᠢᠲᠤ ᠬᠣᠰᠢᠭᠤ",
        name_latin: "Hanggin Rear Banner",
        kind: RegionKind::Banner,
        seat_address: "巴彦淖尔市杭锦后旗陕坝镇胜利路杭锦后旗人大常委会",
        townships: &[
            TownDef {
                name: "陕坝镇",
                kind: Town,
                villages: &[("东风村", Village), ("红旗村", Village), ("中南村", Village), ("永胜村", Village)],
            },
            TownDef {
                name: "头道桥镇",
                kind: Town,
                villages: &[("头道桥村", Village), ("民建村", Village), ("新红村", Village), ("乌兰村", Village)],
            },
            TownDef {
                name: "二道桥镇",
                kind: Town,
                villages: &[("二道桥村", Village), ("红旗村", Village), ("联丰村", Village), ("同心村", Village)],
            },
            TownDef {
                name: "三道桥镇",
                kind: Town,
                villages: &[
                    ("顺利村", Village),
                    ("热水村", Village),
                    ("黎一村", Village),
                    ("和平村", Village),
                    ("澄泥村", Village),
                ],
            },
            TownDef {
                name: "蛮会镇",
                kind: Town,
                villages: &[("蛮会村", Village), ("东升村", Village), ("民生村", Village), ("永丰村", Village)],
            },
            TownDef {
                name: "团结镇",
                kind: Town,
                villages: &[("团结村", Village), ("胜利村", Village), ("新华村", Village), ("五星村", Village)],
            },
            TownDef {
                name: "沙海镇",
                kind: Town,
                villages: &[("沙海村", Village), ("友谊村", Village), ("巴音村", Village), ("新建村", Village)],
            },
            TownDef {
                name: "双庙镇",
                kind: Town,
                villages: &[("双庙村", Village), ("召庙村", Village), ("太荣村", Village), ("新丰村", Village)],
            },
            TownDef {
                name: "蒙海镇",
                kind: Town,
                villages: &[("蒙海村", Village), ("太阳庙村", Village), ("联合村", Village), ("富胜村", Village)],
            },
        ],
    },
];

/// The county-level unit with this name.
pub fn county(name: &str) -> Option<&'static CountyDef> {
    COUNTIES.iter().find(|c| c.name == name)
}

/// The township-level unit with this name, with its county.
pub fn town(name: &str) -> Option<(&'static CountyDef, &'static TownDef)> {
    COUNTIES.iter().flat_map(|c| c.townships.iter().map(move |t| (c, t))).find(|(_, t)| t.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(kind: RegionKind) -> usize {
        COUNTIES.iter().flat_map(|c| c.townships).filter(|t| t.kind == kind).count()
    }

    fn count_in(county: &str, kind: RegionKind) -> usize {
        super::county(county).unwrap().townships.iter().filter(|t| t.kind == kind).count()
    }

    #[test]
    fn totals_match_the_2020_divisions() {
        assert_eq!(COUNTIES.len(), 7);
        assert_eq!(COUNTIES.iter().map(|c| c.townships.len()).sum::<usize>(), 70);
        assert_eq!(count(Subdistrict), 11);
        assert_eq!(count(Town), 46);
        assert_eq!(count(Sumu), 10);
        assert_eq!(count(Township), 3);
    }

    #[test]
    fn per_county_counts() {
        assert_eq!(count_in("临河区", Subdistrict), 11);
        assert_eq!(count_in("临河区", Town), 7);
        assert_eq!(count_in("临河区", Township), 2);
        assert_eq!(count_in("五原县", Town), 8);
        assert_eq!(count_in("五原县", Township), 1);
        assert_eq!(count_in("磴口县", Town), 4);
        assert_eq!(count_in("磴口县", Sumu), 1);
        assert_eq!(count_in("乌拉特前旗", Town), 9);
        assert_eq!(count_in("乌拉特前旗", Sumu), 2);
        let north = ["乌拉特中旗", "乌拉特后旗", "杭锦后旗"];
        assert_eq!(north.iter().map(|c| count_in(c, Town)).sum::<usize>(), 18);
        assert_eq!(north.iter().map(|c| count_in(c, Sumu)).sum::<usize>(), 7);
        for c in ["五原县", "磴口县", "乌拉特前旗"] {
            assert_eq!(count_in(c, Subdistrict), 0, "{c}");
        }
        for c in north {
            assert_eq!(count_in(c, Subdistrict) + count_in(c, Township), 0, "{c}");
        }
    }

    #[test]
    fn codes_kinds_and_names_are_consistent() {
        let codes: Vec<_> = COUNTIES.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["150802", "150821", "150822", "150823", "150824", "150825", "150826"]);
        for c in COUNTIES {
            assert!(c.code.starts_with("1508"));
            assert_eq!(c.kind.tier(), 2);
            let suffix = match c.kind {
                RegionKind::District => "区",
                RegionKind::County => "县",
                RegionKind::Banner => "旗",
                _ => unreachable!(),
            };
            assert!(c.name.ends_with(suffix), "{}", c.name);
            assert!(!c.name_mn.is_empty());
            assert!(
                c.name_mn.chars().all(|ch| ('\u{1800}'..='\u{18AF}').contains(&ch) || ch == ' ' || ch == '\u{202F}'),
                "{}",
                c.name
            );
            for t in c.townships {
                let suffix = match t.kind {
                    Subdistrict => "街道",
                    Town => "镇",
                    Township => "乡",
                    Sumu => "苏木",
                    _ => unreachable!(),
                };
                assert!(t.name.ends_with(suffix), "{}", t.name);
                assert!((3..=5).contains(&t.villages.len()), "{}", t.name);
                for (v, k) in t.villages {
                    let ok = match k {
                        Community => v.ends_with("社区") && t.kind == Subdistrict,
                        Village => v.ends_with('村') && t.kind != Subdistrict && t.kind != Sumu,
                        Gacha => v.ends_with("嘎查") && t.kind != Subdistrict,
                        _ => false,
                    };
                    assert!(ok, "{} {}", t.name, v);
                }
                let mut names: Vec<_> = t.villages.iter().map(|(n, _)| *n).collect();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), t.villages.len(), "{}", t.name);
            }
        }
        let mut towns: Vec<_> = COUNTIES.iter().flat_map(|c| c.townships).map(|t| t.name).collect();
        towns.sort();
        towns.dedup();
        assert_eq!(towns.len(), 70, "township names are unique");
        assert!(!CITY_NAME_MN.is_empty());
        assert_eq!(town("铁南街道").unwrap().0.name, "临河区");
        assert!(county(HANGJIN_COUNTY).is_some());
    }
}
