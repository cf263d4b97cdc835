//! CSV cells that spreadsheets show and never run (CSV injection, OWASP): every CSV the tool
//! writes goes through [`csv_bytes`], and the source CSVs it reads back through
//! [`from_spreadsheet`], so a value survives the round trip exactly.
//!
//! Why: text that citizens or staff typed reaches the clerks' Excel or WPS through these files,
//! and a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is taken as a formula
//! there (`=HYPERLINK("http://…","查看")` becomes a live link). Such a cell gets a leading `'`,
//! which the spreadsheet shows as text and hides. The JSON files keep the exact text.

use std::borrow::Cow;

use anyhow::Result;
use serde::Serialize;

const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as written: with a leading `'` when a spreadsheet would run it.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_START) { format!("'{cell}").into() } else { cell.into() }
}

/// The cell as read back: the `'` that [`spreadsheet_safe`] added is taken off again.
pub fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// Rows as CSV (a header line from the field names), every cell [`spreadsheet_safe`], after
/// `prefix` (a byte-order mark for the exports).
pub fn csv_bytes<T: Serialize>(prefix: &[u8], rows: impl IntoIterator<Item = T>) -> Result<Vec<u8>> {
    let mut plain = csv::Writer::from_writer(Vec::new());
    for r in rows {
        plain.serialize(r)?;
    }
    let plain = plain.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut w = csv::Writer::from_writer(prefix.to_vec());
    for record in csv::ReaderBuilder::new().has_headers(false).from_reader(plain.as_slice()).records() {
        let record = record?;
        w.write_record(record.iter().map(|cell| spreadsheet_safe(cell).into_owned()))?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_read_back_exactly() {
        for hostile in
            ["=HYPERLINK(\"http://x.invalid\",\"查看\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]
        {
            assert_eq!(spreadsheet_safe(hostile), format!("'{hostile}"), "{hostile:?}");
            assert_eq!(from_spreadsheet(&spreadsheet_safe(hostile)), hostile);
        }
        for plain in ["小区路灯", "2026-11-28", "13812345678", "", "a=b", "'quoted", "'"] {
            assert_eq!(spreadsheet_safe(plain), plain);
            assert_eq!(from_spreadsheet(plain), plain);
        }
        #[derive(Serialize)]
        struct Row<'a> {
            subject: &'a str,
            note: &'a str,
        }
        let bytes = csv_bytes(&[0xEF, 0xBB, 0xBF], [Row { subject: "=1+1", note: "说明, 带逗号" }]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "'=1+1");
        assert_eq!(&row[1], "说明, 带逗号");
    }
}
