//! A horizontal bar chart as inline SVG (role="img", title, text labels) with its table: the
//! same numbers for screen readers and for print.

use leptos::prelude::*;

/// One bar: label, value, and the text shown at its end (e.g. "12" or "85%").
#[derive(Clone)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

#[component]
pub fn BarChart(
    /// The chart's id; `{id}-title` names it.
    id: String,
    title: String,
    /// Column headers of the table: label column, value column.
    headers: (String, String),
    bars: Vec<Bar>,
    /// The largest value a bar can show (100 for percentages); the data's maximum when None.
    #[prop(optional)]
    max: Option<f64>,
) -> impl IntoView {
    let max = max.unwrap_or_else(|| bars.iter().map(|b| b.value).fold(0.0, f64::max)).max(1.0);
    let row = 28.0;
    let label_w = 190.0;
    let bar_w = 300.0;
    let height = row * bars.len() as f64 + 8.0;
    let title_id = format!("{id}-title");
    let summary: String = bars.iter().map(|b| format!("{} {}", b.label, b.text)).collect::<Vec<_>>().join("，");
    let aria = format!("{title}：{summary}");
    view! {
        <figure class="chart">
            <figcaption id=title_id.clone()>{title.clone()}</figcaption>
            <svg role="img" aria-label=aria viewBox=format!("0 0 {} {height}", label_w + bar_w + 60.0)
                width="100%" preserveAspectRatio="xMinYMin meet">
                <title>{title.clone()}</title>
                {bars.iter().enumerate().map(|(i, b)| {
                    let y = i as f64 * row + 4.0;
                    let w = (b.value / max * bar_w).max(if b.value > 0.0 { 2.0 } else { 0.0 });
                    view! {
                        <g>
                            <text x=label_w - 8.0 y=y + row / 2.0 + 5.0 text-anchor="end" class="chart-label">{b.label.clone()}</text>
                            <rect x=label_w y=y + 3.0 width=w height=row - 8.0 class="chart-bar"></rect>
                            <text x=label_w + w + 6.0 y=y + row / 2.0 + 5.0 class="chart-value">{b.text.clone()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <table class="data-table">
                <caption class="visually-hidden">{title}</caption>
                <thead><tr><th scope="col">{headers.0}</th><th scope="col">{headers.1}</th></tr></thead>
                <tbody>
                    {bars.into_iter().map(|b| view! { <tr><th scope="row">{b.label}</th><td>{b.text}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
