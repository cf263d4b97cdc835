//! The one chart of the app: a caption, then horizontal bars drawn as inline SVG (role="img",
//! named by the caption and a description, a text label and the value on every bar), always followed by a
//! table of the same numbers for screen readers, printing and anyone who prefers figures.

use leptos::prelude::*;

use crate::i18n::*;

/// One bar: its label, the value that sets its length, and the text at its end ("12", "85%").
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

impl Bar {
    /// A bar for a count, its text the number.
    pub fn count(label: impl Into<String>, n: u32) -> Bar {
        Bar { label: label.into(), value: f64::from(n), text: n.to_string() }
    }
}

/// SVG user units; at 375 px the chart is drawn close to 1:1, so 14 units are about 14 px text.
const BAR_AREA: f64 = 180.0;
const VALUE: f64 = 52.0;
const ROW: f64 = 26.0;
/// Room per label character: the 关怀版 size (17 px), so large text still fits its column.
const CHAR: f64 = 17.0;

/// The label column: as wide as the longest label, at least four characters, at most ten.
fn label_width(bars: &[Bar]) -> f64 {
    let chars = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0).clamp(4, 10);
    chars as f64 * CHAR + 10.0
}

/// One chart with its table. `id` makes the caption and description ids unique on the page;
/// `headers` name the table's label and value columns (default 类型 / 次数); `max` is the value
/// of a full bar (100 for percentages), the largest value when absent.
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    title: String,
    bars: Vec<Bar>,
    #[prop(optional)] headers: Option<(String, String)>,
    #[prop(optional)] max: Option<f64>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Nothing to draw (a new station's first year): the title and a line that says so, not
    // an empty picture and a table of headings only.
    if bars.is_empty() {
        return view! {
            <figure class="chart">
                <figcaption>{title}</figcaption>
                <p class="empty">{tr!(chart.none)}</p>
            </figure>
        }
        .into_any();
    }
    let max = max.unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max));
    let label_w = label_width(&bars);
    let width = label_w + BAR_AREA + VALUE;
    let height = ROW * bars.len() as f64 + 4.0;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let (label_head, value_head) =
        headers.unwrap_or_else(|| (t_string!(i18n, chart.label).to_string(), t_string!(i18n, chart.value).to_string()));
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = ROW * i as f64 + 2.0;
            let len = if max > 0.0 && b.value > 0.0 { (b.value / max * BAR_AREA).clamp(2.0, BAR_AREA) } else { 0.0 };
            view! {
                <text x=label_w - 6.0 y=y + 17.0 text-anchor="end" class="chart-label">{b.label.clone()}</text>
                <rect x=label_w y=y + 4.0 width=len height=ROW - 8.0 rx="2" class="chart-bar"></rect>
                <text x=label_w + len + 4.0 y=y + 17.0 class="chart-value">{b.text.clone()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption id=title_id>{title.clone()}</figcaption>
            <svg role="img" aria-labelledby=labelled_by viewBox=format!("0 0 {width} {height}") class="chart-svg">
                <title>{title.clone()}</title>
                <desc id=desc_id>{t!(i18n, chart.desc)}</desc>
                {drawn}
            </svg>
            <table class="data-table">
                // Named again for whoever reads the table on its own (screen readers' table lists).
                <caption class="visually-hidden">{title}</caption>
                <thead>
                    <tr><th scope="col">{label_head}</th><th scope="col">{value_head}</th></tr>
                </thead>
                <tbody>
                    {bars.into_iter().map(|b| view! { <tr><th scope="row">{b.label}</th><td>{b.text}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
    .into_any()
}
