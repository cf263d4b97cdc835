//! One entry page: the app's `index.html` with the page's own title, description, Open Graph
//! tags and canonical link in its head, and the page's heading and description in the boot
//! shell (what shows before the app has started, and what a reader without scripts sees).
//! The app itself renders the page as before; there is no second renderer to keep in step.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// What a page says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// The route, from the site's root without a leading slash: `direct/deputy/city-0001`.
    pub path: String,
    /// The page's own title (the deputy's name, the article's headline).
    pub title: String,
    /// One or two sentences: shown by search engines and in a chat's link preview.
    pub description: String,
    /// `website`, `profile` or `article`.
    pub kind: &'static str,
    /// Whether search engines should list it (not the pages of one's own device: 我的提交).
    pub listed: bool,
}

/// The longest description kept, in characters (previews show about this much).
const DESCRIPTION_CHARS: usize = 120;
/// The longest title kept, in characters.
const TITLE_CHARS: usize = 80;

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max { s } else { s.chars().take(max - 1).collect::<String>() + "…" }
}

/// `template` (the build's index.html) as the entry page of `page` on the site `site_name`,
/// whose public address is `site_url` (with its base path and final slash) if known.
pub fn entry_page(template: &str, site_name: &str, site_url: Option<&str>, page: &PageMeta) -> String {
    let title = clip(&page.title, TITLE_CHARS);
    let description = clip(&page.description, DESCRIPTION_CHARS);
    let full_title = if title.is_empty() { site_name.to_string() } else { format!("{title} - {site_name}") };
    let mut head = format!(
        "<title>{}</title>\n    <meta property=\"og:title\" content=\"{}\" />\n    \
         <meta property=\"og:description\" content=\"{}\" />\n    <meta property=\"og:type\" content=\"{}\" />\n    \
         <meta property=\"og:site_name\" content=\"{}\" />\n    <meta property=\"og:locale\" content=\"zh_CN\" />",
        text(&full_title),
        attr(&title),
        attr(&description),
        page.kind,
        attr(site_name),
    );
    if let Some(url) = site_url {
        let href = format!("{url}{}", page.path);
        head.push_str(&format!(
            "\n    <meta property=\"og:url\" content=\"{0}\" />\n    <link rel=\"canonical\" href=\"{0}\" />",
            attr(&href)
        ));
    }
    if !page.listed {
        head.push_str("\n    <meta name=\"robots\" content=\"noindex\" />");
    }
    let mut html = replace_element(template, "<title>", "</title>", &head);
    html = replace_attr_of(&html, "<meta name=\"description\" content=\"", &attr(&description));
    // The boot shell: the site's name in its header, and this page's heading instead of the
    // home page's welcome.
    html = replace_element(
        &html,
        "<span class=\"site-name-text\">",
        "</span>",
        &format!("<span class=\"site-name-text\">{}</span>", text(site_name)),
    );
    html = replace_element(
        &html,
        "<div class=\"hero\">",
        "</div>",
        &format!("<h1>{}</h1>\n        <p class=\"lead\">{}</p>", text(&title), text(&description)),
    );
    html
}

/// `html` with the first element that starts with `open` (through its `close`) replaced.
/// Unchanged if there is none.
fn replace_element(html: &str, open: &str, close: &str, with: &str) -> String {
    let Some(start) = html.find(open) else { return html.to_string() };
    let Some(len) = html[start..].find(close) else { return html.to_string() };
    format!("{}{}{}", &html[..start], with, &html[start + len + close.len()..])
}

/// `html` with the attribute value that follows `prefix` (up to its closing quote) replaced.
fn replace_attr_of(html: &str, prefix: &str, value: &str) -> String {
    let Some(start) = html.find(prefix).map(|i| i + prefix.len()) else { return html.to_string() };
    let Some(len) = html[start..].find('"') else { return html.to_string() };
    format!("{}{}{}", &html[..start], value, &html[start + len..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"<head>
    <meta name="description" content="网上代表之家：找到您的各级人大代表。" />
    <title>巴彦淖尔市网上代表之家</title>
  </head>
  <body><div id="boot"><span class="site-name-text">巴彦淖尔市网上代表之家</span>
  <main><section class="page home"><div class="hero">
        <h1>巴彦淖尔市网上代表之家</h1>
      </div><p class="loading">正在加载…</p></section></main></div></body>"#;

    fn page(title: &str, description: &str) -> PageMeta {
        PageMeta {
            path: "direct/deputy/city-0006".into(),
            title: title.into(),
            description: description.into(),
            kind: "profile",
            listed: true,
        }
    }

    #[test]
    fn a_page_has_its_own_title_description_and_preview() {
        let html = entry_page(
            TEMPLATE,
            "乌海市网上代表之家",
            Some("https://renda.example.gov.cn/"),
            &page("娜仁其其格", "市人大代表，临河区。"),
        );
        assert!(html.contains("<title>娜仁其其格 - 乌海市网上代表之家</title>"), "{html}");
        assert!(html.contains(r#"<meta name="description" content="市人大代表，临河区。" />"#), "{html}");
        assert!(html.contains(r#"<meta property="og:title" content="娜仁其其格" />"#));
        assert!(
            html.contains(r#"<link rel="canonical" href="https://renda.example.gov.cn/direct/deputy/city-0006" />"#)
        );
        assert!(
            html.contains(r#"<span class="site-name-text">乌海市网上代表之家</span>"#),
            "the site's own name in the shell"
        );
        assert!(html.contains("<h1>娜仁其其格</h1>") && !html.contains("<h1>巴彦淖尔市网上代表之家</h1>"), "{html}");
        assert!(html.contains(r#"<p class="loading">正在加载…</p>"#), "the loading line stays");
        assert!(!html.contains("noindex"));
    }

    #[test]
    fn hostile_data_stays_text_and_long_text_is_clipped() {
        let name = "<script>alert(1)</script>\"&'";
        let html = entry_page(TEMPLATE, "站", None, &page(name, &"长".repeat(10_000)));
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains(r#"content="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;'""#), "{html}");
        let description =
            html.split("<meta name=\"description\" content=\"").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(description.chars().count(), DESCRIPTION_CHARS);
        assert!(!html.contains("canonical"), "no address, no canonical link");
    }

    #[test]
    fn unlisted_pages_say_noindex() {
        let mut p = page("我的提交", "保存在本机的信件。");
        p.listed = false;
        assert!(entry_page(TEMPLATE, "站", None, &p).contains(r#"<meta name="robots" content="noindex" />"#));
    }
}
