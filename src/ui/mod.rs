//! Shared components: the page shell, elder mode, loading and error states, local storage.

mod care;
mod chart;
mod consent;
mod field;
mod honeypot;
mod latin;
mod layout;
mod link;
mod loaded;
mod near;
mod not_found;
mod not_open;
mod now;
mod offline;
mod pager;
mod qr;
mod read_aloud;
mod receipt;
pub mod storage;

pub use care::{CareToggle, TextSizeControl, focus_main_heading, provide_care_mode};
pub use chart::{Bar, BarChart};
pub use consent::ConsentField;
pub use field::TextField;
pub use honeypot::{Honeypot, stamp as stamp_honeypot};
pub use latin::{PersonName, PlaceName, person_latin, person_text, place_latin, place_text, provide_latin};
pub use layout::{Shell, is_current};
pub use link::{app_path, base, href, query_string, replace_query};
pub use loaded::{DataErrorView, Loading, loaded};
pub use near::WhenNear;
pub use not_found::NotFound;
pub use not_open::{NotOpen, module_name, shown, when_open};
pub use now::{now, today};
pub use offline::{
    Offline, OfflineNotice, OfflineSetting, UpdatePrompt, note_cached_at, precache, provide_offline, set_allowed,
    use_offline,
};
pub use pager::Pager;
pub use qr::QrSvg;
pub use read_aloud::ReadAloud;
pub use receipt::ReceiptCode;
