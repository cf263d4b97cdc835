//! A bare Leptos 0.8 CSR hello world: the baseline the app's home page LCP is compared with
//! (bench/lcp/lcp.mjs). Keep it a realistic minimum: one heading, one sentence, no styles.

use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"Hello, Leptos"</h1>
            <p>"This page is rendered in the browser by a Leptos app compiled to WebAssembly."</p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
