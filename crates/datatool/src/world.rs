//! Everything a site publishes, in memory, before it is laid out as served files.

use deputy_model::consult::Consultation;
use deputy_model::deputy::GroupIndex;
use deputy_model::message::MessageRecord;
use deputy_model::{Deputy, NewsArticle, RegionNode, SiteConfig, Station};

#[derive(Debug, Clone)]
pub struct World {
    pub site: SiteConfig,
    pub regions: Vec<RegionNode>,
    pub deputies: Vec<Deputy>,
    pub groups: GroupIndex,
    pub stations: Vec<Station>,
    pub news: Vec<NewsArticle>,
    /// Letters to deputies with their handling; only what may be published is ever written.
    pub messages: Vec<MessageRecord>,
    /// Drafts open (or once open) for comment.
    pub consultations: Vec<Consultation>,
    /// Deputies' suggestions with their handling.
    pub suggestions: Vec<deputy_model::suggestion::Suggestion>,
}
