//! The dairy-park suggestion of 边俊峰 and 王义, in its parts, for the suggestion module.

/// A deputy's suggestion (代表建议) with its parts. Multi-paragraph fields separate paragraphs
/// with '\n'.
pub struct SeedSuggestion {
    pub title: &'static str,
    /// The lead deputy (领衔代表).
    pub lead: &'static str,
    pub cosigners: &'static [&'static str],
    /// 情况: the facts.
    pub facts: &'static str,
    /// 分析: the analysis, ending with the general request that leads into the proposals.
    pub analysis: &'static str,
    /// 具体建议: 一是 … 四是 ….
    pub proposals: &'static [&'static str],
    /// 建议办理情况: how it was handled.
    pub handling_note: &'static str,
}

/// 《人大代表“建言献策直通车”》第一期: the dairy-park suggestion of 边俊峰 and 王义.
pub const DAIRY_SUGGESTION: SeedSuggestion = SeedSuggestion {
    title: "关于帮助杭锦后旗现代农业奶业振兴产业园养殖企业解决资金难题的建议",
    lead: "边俊峰",
    cosigners: &["王义"],
    facts: "2020年，我市8家奶牛养殖企业积极响应市政府和杭锦后旗政府的号召，每家牧场投资1.5~2亿元，进入杭锦后旗现代农牧业奶业振兴产业园开工建设，最终，园区内共进驻9家社会牧场和1家伊利自由牧场，成为亚洲最大单体奶牛养殖园区。作为国家级农业产业示范园区，在推动我市奶业高质量发展中发挥了重要作用。
然而，园区建成后，产能尚未充分释放，就遭遇了奶业20多年来最严峻的低谷期。特别是2022年下半年起，乳品消费不足，乳品生产企业经营陷入困境，导致原乳产能严重过剩，养殖企业遇到巨大困难，特别是资金周转困难。园区内已经有2家牧场破产倒闭。
三年来，市政府和旗政府领导多次组织银企对接会和座谈会，积极协调各方力量为奶牛养殖企业纾困，市内各银行和伊利公司给予了一定支持，使得园区内养殖企业财务情况缓解改善，得以坚持至今。",
    analysis: "社会牧场当初进入园区投资建设的资金50%~70%来自银行贷款和伊利金融公司贷款，每月需偿还贷款本金的数额巨大。目前牧场出售原奶收回的奶款仅能用于维持牧场正常经营，用于偿还贷款本金非常困难，不得已，一些牧场只能靠卖掉奶牛还贷款本金。若无法按时偿还贷款本金，必然面临失信风险，牧场一旦列入失信黑名单，将无法再融资，极有可能导致牧场倒闭。牧场一旦倒闭，不仅会带来一系列金融风险，还可能带来一些社会风险。
经过近三年艰难的去产能过程，目前原奶的产能已接近供需平衡。春节过后，行业出现积极变化，外卖奶价如今已接近去年同期的三倍（去年同期每公斤0.8元，现在2.3元），原奶毛利出现较大增长。同时，淘汰牛价格每头比春节前上涨1500多元，小牛犊价格也在攀升。这些迹象表明，持续三年的行业低谷即将过去，奶牛养殖行业的复苏迎来希望。根据目前市场行情判断，预计仍需半年左右能彻底扭转颓势。在迎来行业复苏的重要时刻，如果牧场继续依赖卖牛偿还银行贷款本金，待行情高涨时，牧场会因奶牛数量锐减，导致无法把握行情，难以走出困境，最终倒在黎明前的黑暗时刻，对我市奶业高质量发展产生诸多不利影响。
情况紧急，特提出如下建议：
希望市里统筹协调相关部门和金融机构，帮助园区内养殖企业解决资金短缺的难题。",
    proposals: &[
        "一是协调市财政担保公司，调整青贮贷款还款计划，对按月还款给予延期，缓解牧场短期资金压力；",
        "二是协调各家银行，为每家牧场增加300万元左右贷款额度，或者对存量贷款进行展期，短期内只还利息、不还本金，缓解企业还款压力；",
        "三是协调相关部门，为牧场的牛棚、草棚、房舍等基础设施办理农业设施产权证，便于牧场抵押贷款，或者协调银行用足金融工具，为牧场办理动产抵押贷款等各类贷款，或协调担保公司为牧场提供担保，拓宽牧场融资渠道；",
        "四是协调相关部门，积极争取项目补贴，确保补贴及时足额兑现，为牧场补充资金。",
    ],
    handling_note: "巴彦淖尔市人大常委会推出《人大代表“建言献策直通车”》，进一步畅通了民意表达渠道，有力推动了民生实事办理，促进地方经济发展。第一期《人大代表“建言献策直通车”》中，市人大代表边俊峰、王义提出的关于帮助杭锦后旗现代农牧业奶业振兴产业园养殖企业解决资金难题的建议，得到了市政府的高度重视，张如红副市长对该建议进行了批示，要求相关部门迅速行动，积极落实相关政策措施。目前，部分项目补贴款已经到位，其他帮助措施也在紧锣密鼓地推进中，不仅有效缓解了养殖企业的资金压力，也为当地奶业的持续健康发展注入了新的动力。",
};
/// The news article about the handling of [`DAIRY_SUGGESTION`].
pub const DAIRY_SUGGESTION_NEWS_ID: &str = "2025-0015";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::seed_content::SEED_DEPUTIES;

    #[test]
    fn dairy_suggestion_parts() {
        let s = &DAIRY_SUGGESTION;
        assert_eq!(s.proposals.len(), 4);
        assert!(s.facts.starts_with("2020年"));
        assert!(s.analysis.ends_with("帮助园区内养殖企业解决资金短缺的难题。"));
        assert!(s.handling_note.contains("张如红副市长"));
        assert!(SEED_DEPUTIES.iter().any(|d| d.name == s.lead));
    }
}
