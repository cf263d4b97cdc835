//! Reading the data files in the app: `serde_json` parses the text once into a [`Value`], and
//! [`FromJson`] (derived with `#[derive(FromJson)]`, crate `deputy-json-derive`) reads each
//! type from it, field by field, following the same `#[serde]` attributes as the model's serde
//! derives.
//!
//! Why: serde's derives compile a field visitor, a map visitor and a sequence visitor per type
//! and per deserializer; in the wasm that was about a fifth of every page's code
//! (docs/performance.md, "JSON decoding"). A derived `from_json` is one short function per type,
//! and the generic helpers below are compiled once per field type. The data tool keeps serde
//! (schemas, writing, validation); `from_json_reads_every_file_as_serde_does` in the data tool
//! reads every demo file both ways and compares.
//!
//! Semantics follow serde's for the attributes in use: a missing `Option` field is `None`, a
//! missing field with `default` takes the default, any other missing field is an error; unknown
//! fields are ignored unless the type says `deny_unknown_fields`; numbers must fit their type.

use std::collections::{BTreeMap, HashMap};

pub use deputy_json_derive::FromJson;
pub use serde_json::{Map, Value};

/// A value that is not of the expected shape. `at` names the innermost field or type that was
/// wrong (for the browser console; people see the data error's own message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonError {
    pub at: &'static str,
}

impl JsonError {
    pub const fn at(at: &'static str) -> JsonError {
        JsonError { at }
    }

    /// The same error, named after the field it was read for when it has no name yet.
    fn within(self, field: &'static str) -> JsonError {
        if self.at.is_empty() { JsonError::at(field) } else { self }
    }
}

const WRONG: JsonError = JsonError::at("");

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, JsonError>;

    /// The value of a field that is absent: `None` (an error) except for `Option`.
    fn absent() -> Option<Self> {
        None
    }
}

/// Parse a text and read `T` from it. The parse error is serde_json's (it tells a truncated
/// text apart); the shape error is [`JsonError`].
pub fn from_str<T: FromJson>(text: &str) -> Result<Result<T, JsonError>, serde_json::Error> {
    let value: Value = serde_json::from_str(text)?;
    Ok(T::from_json(&value))
}

// ---- helpers the derive calls ----

pub fn object(v: &Value) -> Result<&Map<String, Value>, JsonError> {
    v.as_object().ok_or(WRONG)
}

pub fn string(v: &Value) -> Result<&str, JsonError> {
    v.as_str().ok_or(WRONG)
}

/// A field that must be present (or is an `Option`).
pub fn field<T: FromJson>(o: &Map<String, Value>, name: &'static str) -> Result<T, JsonError> {
    match o.get(name) {
        Some(v) => T::from_json(v).map_err(|e| e.within(name)),
        None => T::absent().ok_or(JsonError::at(name)),
    }
}

/// `#[serde(default)]`.
pub fn field_or_default<T: FromJson + Default>(o: &Map<String, Value>, name: &'static str) -> Result<T, JsonError> {
    field_or(o, name, T::default)
}

/// `#[serde(default = "path")]`.
pub fn field_or<T: FromJson>(o: &Map<String, Value>, name: &'static str, default: fn() -> T) -> Result<T, JsonError> {
    match o.get(name) {
        Some(v) => T::from_json(v).map_err(|e| e.within(name)),
        None => Ok(default()),
    }
}

/// The tag of an internally or adjacently tagged enum.
pub fn tag<'a>(o: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, JsonError> {
    o.get(name).and_then(Value::as_str).ok_or(JsonError::at(name))
}

/// An externally tagged enum's variant: `"name"`, or `{"name": value}`.
pub fn variant(v: &Value) -> Result<(&str, &Value), JsonError> {
    static NULL: Value = Value::Null;
    match v {
        Value::String(s) => Ok((s, &NULL)),
        Value::Object(o) if o.len() == 1 => o.iter().next().map(|(k, v)| (k.as_str(), v)).ok_or(WRONG),
        _ => Err(WRONG),
    }
}

/// `#[serde(deny_unknown_fields)]`.
pub fn deny_unknown(o: &Map<String, Value>, known: &[&str]) -> Result<(), JsonError> {
    match o.keys().find(|k| !known.contains(&k.as_str())) {
        Some(_) => Err(JsonError::at("unknown field")),
        None => Ok(()),
    }
}

// ---- the types fields have ----

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        string(v).map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        v.as_bool().ok_or(WRONG)
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, JsonError> {
                v.as_u64().and_then(|n| <$t>::try_from(n).ok()).ok_or(WRONG)
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, JsonError> {
                v.as_i64().and_then(|n| <$t>::try_from(n).ok()).ok_or(WRONG)
            }
        }
    )*};
}
signed!(i8, i16, i32, i64);

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        v.as_f64().ok_or(WRONG)
    }
}

impl FromJson for f32 {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        v.as_f64().map(|f| f as f32).ok_or(WRONG)
    }
}

/// Any JSON, as it is (a submission's payload).
impl FromJson for Value {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        Ok(v.clone())
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        if v.is_null() { Ok(None) } else { T::from_json(v).map(Some) }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        T::from_json(v).map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        v.as_array().ok_or(WRONG)?.iter().map(T::from_json).collect()
    }
}

impl<T: FromJson, const N: usize> FromJson for [T; N] {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        Vec::<T>::from_json(v)?.try_into().map_err(|_| WRONG)
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        object(v)?.iter().map(|(k, v)| Ok((k.clone(), T::from_json(v)?))).collect()
    }
}

impl<T: FromJson> FromJson for HashMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        object(v)?.iter().map(|(k, v)| Ok((k.clone(), T::from_json(v)?))).collect()
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        match v.as_array().map(Vec::as_slice) {
            Some([a, b]) => Ok((A::from_json(a)?, B::from_json(b)?)),
            _ => Err(WRONG),
        }
    }
}

impl<A: FromJson, B: FromJson, C: FromJson> FromJson for (A, B, C) {
    fn from_json(v: &Value) -> Result<Self, JsonError> {
        match v.as_array().map(Vec::as_slice) {
            Some([a, b, c]) => Ok((A::from_json(a)?, B::from_json(b)?, C::from_json(c)?)),
            _ => Err(WRONG),
        }
    }
}

#[cfg(test)]
mod tests;
