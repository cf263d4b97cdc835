//! Accessible charts: a horizontal bar chart drawn as inline SVG (role="img" with a title and a
//! description, a text label and the value on every bar, legible at 375 px), always followed by
//! a table with the same numbers for screen readers, printing and anyone who prefers figures.

use deputy_model::activity_stats::bar_length;
use leptos::prelude::*;

use crate::i18n::*;

/// SVG user units: at 375 px the chart is drawn about 1:1, so 14 units are 14 px text.
const WIDTH: f64 = 340.0;
const LABEL: f64 = 112.0;
const VALUE: f64 = 44.0;
const ROW: f64 = 26.0;

/// One chart with its table. `id` makes the title and description ids unique on the page;
/// `head` names the label and value columns of the table.
#[component]
pub fn BarChart(
    id: &'static str,
    title: String,
    rows: Vec<(String, u32)>,
    #[prop(optional)] head: Option<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0);
    let height = ROW * rows.len() as f64 + 4.0;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let (label_head, value_head) = head.unwrap_or_else(|| {
        (t_string!(i18n, records.chart_label).to_string(), t_string!(i18n, records.chart_value).to_string())
    });
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = ROW * i as f64 + 2.0;
            let len = bar_length(*value, max, WIDTH - LABEL - VALUE);
            view! {
                <text x=LABEL - 6.0 y=y + 17.0 text-anchor="end" class="chart-label">{label.clone()}</text>
                <rect x=LABEL y=y + 4.0 width=len height=ROW - 8.0 rx="2" class="chart-bar"></rect>
                <text x=LABEL + len + 4.0 y=y + 17.0 class="chart-value">{value.to_string()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                role="img"
                aria-labelledby=labelled_by
                viewBox=format!("0 0 {WIDTH} {height}")
                class="chart-svg"
            >
                <title id=title_id>{title.clone()}</title>
                <desc id=desc_id>{tr!(records.chart_desc)}</desc>
                {bars}
            </svg>
            <table class="data-table">
                <caption>{title}</caption>
                <thead>
                    <tr><th scope="col">{label_head}</th><th scope="col">{value_head}</th></tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(l, v)| view! { <tr><th scope="row">{l}</th><td>{v}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
