use crate::i18n::*;

/// Every way a data request can fail, as the user needs to hear about it.
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// 404: the file is not on the server.
    NotFound(String),
    /// The JSON ends early (a cut-off download).
    Truncated(String),
    /// Well-formed JSON of the wrong shape (its line and column go to the browser console).
    WrongType(String),
    /// The file is of a newer format version than this app reads.
    NewerVersion { found: u32, supported: u32 },
    /// Not one of our data files.
    MissingVersion(String),
    /// No connection.
    Network,
    /// Any other HTTP status.
    Http(u16),
}

/// Code of a page that could not be fetched (the split build, `src/split.rs`): the network's
/// fault, with the same message and retry as a data file.
#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for DataError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> DataError {
        DataError::Network
    }
}

impl DataError {
    /// The message shown to people, from the catalog.
    pub fn message(&self, i18n: I18n) -> String {
        match self.clone() {
            DataError::NotFound(path) => t_string!(i18n, data.not_found, path).to_string(),
            DataError::Truncated(path) => t_string!(i18n, data.truncated, path).to_string(),
            DataError::WrongType(path) => t_string!(i18n, data.wrong_type, path).to_string(),
            DataError::NewerVersion { found, supported } => {
                t_string!(i18n, data.newer_version, found, supported).to_string()
            }
            DataError::MissingVersion(path) => t_string!(i18n, data.missing_version, path).to_string(),
            DataError::Network => t_string!(i18n, data.network).to_string(),
            DataError::Http(status) => t_string!(i18n, data.http, status).to_string(),
        }
    }
}
