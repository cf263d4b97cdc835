//! A QR code drawn as SVG (one path of dark modules), from the `qrcode` crate's module matrix.
//! Rendered as elements, never as an HTML string.

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode};

#[component]
pub fn QrSvg(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    // Level M survives a little dirt on a printed code on a station's wall.
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return view! { <p class="qr-missing">{text}</p> }.into_any();
    };
    let width = code.width();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut d = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == Color::Dark {
            let (x, y) = (i % width + quiet, i / width + quiet);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    view! {
        <svg class="qr" viewBox=format!("0 0 {size} {size}") role="img" aria-label=label shape-rendering="crispEdges">
            <rect width=size.to_string() height=size.to_string() fill="#fff"></rect>
            <path d=d fill="#000"></path>
        </svg>
    }
    .into_any()
}
