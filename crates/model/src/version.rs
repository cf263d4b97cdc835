//! The data format version. Every served JSON file carries `format_version` at its top level,
//! so a reader can tell "this file is newer than I understand" apart from "this file is broken".

use serde::Deserialize;

/// The version this build writes and reads. Bump it on any change a previous reader would
/// misread; readers accept every version up to and including this one.
pub const FORMAT_VERSION: u32 = 1;

/// Just the version field of any data file: read first, before the full type, so that a newer
/// file is reported as newer rather than as a type error.
#[derive(Debug, Deserialize, crate::json::FromJson)]
pub struct VersionProbe {
    pub format_version: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionCheck {
    Supported,
    /// The file is newer than this reader: the site was updated, the app must be too.
    Newer(u32),
    /// No `format_version` field: not one of our data files.
    Missing,
}

/// Check the version of a JSON text without decoding the rest of it.
pub fn check_version(json: &str) -> Result<VersionCheck, serde_json::Error> {
    let probe: VersionProbe = serde_json::from_str(json)?;
    Ok(match probe.format_version {
        None => VersionCheck::Missing,
        Some(v) if v > FORMAT_VERSION => VersionCheck::Newer(v),
        Some(_) => VersionCheck::Supported,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_current_and_older() {
        assert_eq!(check_version(r#"{"format_version":1,"x":2}"#).unwrap(), VersionCheck::Supported);
        assert_eq!(check_version(r#"{"format_version":0}"#).unwrap(), VersionCheck::Supported);
    }

    #[test]
    fn newer_is_reported_as_newer() {
        assert_eq!(check_version(r#"{"format_version":99,"x":"anything"}"#).unwrap(), VersionCheck::Newer(99));
    }

    #[test]
    fn missing_and_broken() {
        assert_eq!(check_version(r#"{"name":"x"}"#).unwrap(), VersionCheck::Missing);
        assert!(check_version(r#"{"format_version":1,"na"#).is_err());
        assert!(check_version(r#"[1,2]"#).is_err());
    }
}
