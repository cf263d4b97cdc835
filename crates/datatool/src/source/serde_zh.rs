//! serde's error messages (`unknown variant …`, `missing field …`, `invalid type …`) in the
//! words a station's clerk reads: Chinese, with the value and the allowed values kept as
//! written. A message of another shape is kept as it is.

/// `msg` (serde's, as serde_json, csv or serde_path_to_error give it) in Chinese.
pub fn serde_message_zh(msg: &str) -> String {
    // serde_json appends the position; callers give the line (and field) themselves.
    let msg = match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    };
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (value, expected) = split_expected(rest);
        return match expected {
            Some(e) => format!("取值 {value} 不认识，应为 {} 之一", alternatives(e)),
            None => format!("取值 {value} 不认识"),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (field, expected) = split_expected(rest);
        return match expected {
            Some(e) => format!("没有字段 {field}（可用的字段：{}）", alternatives(e)),
            None => format!("没有字段 {field}"),
        };
    }
    if let Some(field) = msg.strip_prefix("missing field ") {
        return format!("缺少字段 {field}");
    }
    if let Some(field) = msg.strip_prefix("duplicate field ") {
        return format!("字段 {field} 出现了两次");
    }
    for (prefix, what) in
        [("invalid type: ", "类型不对"), ("invalid value: ", "取值不对"), ("invalid length ", "个数不对")]
    {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (found, expected) = split_expected(rest);
            let expected = expected.map(expectation).unwrap_or_default();
            return format!("{what}：{}，应为{expected}", found_value(found));
        }
    }
    match msg {
        "invalid digit found in string" => "应为整数（只能有数字）".into(),
        "cannot parse integer from empty string" => "应为整数，不能为空".into(),
        "number too large to fit in target type" => "数字太大".into(),
        "provided string was not `true` or `false`" => "应为 true 或 false".into(),
        _ => msg.to_string(),
    }
}

/// `x, expected y` → (`x`, Some(`y`)).
fn split_expected(rest: &str) -> (&str, Option<&str>) {
    match rest.find(", expected ") {
        Some(i) => (&rest[..i], Some(&rest[i + ", expected ".len()..])),
        None => (rest, None),
    }
}

/// "one of `a`, `b`" or "`a` or `b`" → "`a`、`b`".
fn alternatives(expected: &str) -> String {
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    list.replace(" or ", "、").replace(", ", "、")
}

/// What serde found: `string "abc"` → `文字 "abc"`, `integer `5`` → `整数 5`.
fn found_value(found: &str) -> String {
    let pairs = [
        ("string ", "文字 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "布尔值 "),
        ("null", "空值 null"),
        ("sequence", "列表"),
        ("map", "对象"),
    ];
    for (en, zh) in pairs {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{zh}{}", rest.trim_matches('`'));
        }
    }
    found.to_string()
}

/// What serde expected, in words: `a string` → 文字, `u32` → 非负整数, `struct Lesson` → 对象.
fn expectation(expected: &str) -> String {
    let e = expected.trim();
    let word = match e {
        "a string" | "a borrowed string" | "string" => "文字",
        "u8" | "u16" | "u32" | "u64" | "usize" => "非负整数",
        "i8" | "i16" | "i32" | "i64" | "isize" => "整数",
        "f32" | "f64" => "数字",
        "a boolean" | "bool" => " true 或 false",
        "a sequence" => "列表（[…]）",
        "a map" => "对象（{…}）",
        _ if e.starts_with("struct ") => "对象（{…}）",
        _ if e.starts_with("a sequence") || e.starts_with("an array") || e.starts_with("tuple") => "列表（[…]）",
        _ if e.starts_with("enum ") || e.starts_with("variant identifier") => "规定的取值之一",
        _ if e.starts_with("internally tagged enum") || e.starts_with("adjacently tagged enum") => "带 type 的对象",
        _ => return format!(" {e}"),
    };
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::serde_message_zh as zh;

    #[test]
    fn serdes_messages_read_in_chinese() {
        assert_eq!(
            zh("unknown variant `vidoe`, expected one of `paragraph`, `figure`, `video`"),
            "取值 `vidoe` 不认识，应为 `paragraph`、`figure`、`video` 之一"
        );
        assert_eq!(
            zh("unknown variant `senator`, expected `city` or `county`"),
            "取值 `senator` 不认识，应为 `city`、`county` 之一"
        );
        assert_eq!(zh("missing field `minutes` at line 12 column 5"), "缺少字段 `minutes`");
        assert_eq!(zh("invalid type: string \"ten\", expected u32"), "类型不对：文字 \"ten\"，应为非负整数");
        assert_eq!(zh("invalid type: integer `5`, expected a string"), "类型不对：整数 5，应为文字");
        assert_eq!(zh("invalid type: map, expected a sequence"), "类型不对：对象，应为列表（[…]）");
        assert_eq!(
            zh("unknown field `titel`, expected `id` or `title`"),
            "没有字段 `titel`（可用的字段：`id`、`title`）"
        );
        assert_eq!(zh("invalid digit found in string"), "应为整数（只能有数字）");
        // Another shape stays as it is.
        assert_eq!(zh("something else entirely"), "something else entirely");
    }
}
