//! Everything a site publishes, in memory, before it is laid out as served files.

use deputy_model::activity::{DeputyActivities, JointActivity};
use deputy_model::consult::Consultation;
use deputy_model::deputy::GroupIndex;
use deputy_model::evaluation::Evaluation;
use deputy_model::map::RegionMap;
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
    /// This year's 履职评议 (best collaborative cases), if one is running.
    pub evaluation: Option<Evaluation>,
    /// The map of the county-level units with station markers.
    pub map: Option<RegionMap>,
    /// Duty records (履职档案), one per deputy.
    pub activities: Vec<DeputyActivities>,
    /// Activities of deputies of several levels together (五级代表协同).
    pub joint: Vec<JointActivity>,
    /// 代表培训 content (content/training/courses.json), validated; laid out by `build::training`.
    pub training: Option<deputy_model::training::TrainingSource>,
    /// Deputies' suggestions with their handling.
    pub suggestions: Vec<deputy_model::suggestion::Suggestion>,
}
