//! The seeded generator of the demo city (and, later, the national-scale data set).
//! Real divisions and seed content come from the tables beside this file; people are fictional
//! except those the seed newsletter names.

// The tables hold material (the dairy suggestion, population figures) that the module issues
// still to come will use; unused items are expected until then.
pub mod activities;
#[allow(dead_code)]
pub mod bayannur;
mod city;
mod evaluation;
mod letters;
mod map;
pub mod names;
pub mod national;
mod national_content;
mod profiles;
#[allow(dead_code)]
pub mod seed_content;
mod suggestions;

pub use city::{Scale, generate_city, generate_city_at};
