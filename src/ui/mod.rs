//! Shared components: the page shell, elder mode, loading and error states, local storage.

mod building;
mod care;
mod layout;
mod loaded;
mod receipt;
pub mod storage;

pub use building::UnderConstruction;
pub use care::{focus_main_heading, provide_care_mode, CareToggle, TextSizeControl};
pub use layout::Shell;
pub use loaded::{loaded, DataErrorView, Loading};
pub use receipt::ReceiptCode;
