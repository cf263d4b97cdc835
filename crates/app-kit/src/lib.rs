//! What the signed-in web apps share — the station console's (`console-app/`) and the deputies'
//! workspace's (`workspace-app/`): [`api`], the one way to their own server, and [`loaded`], a
//! page's data shown as loading, loaded, or failed with a retry, and [`fetch`] that fills it. Each app sets its API's
//! address and its wording once at start ([`configure`]); the sessions and pages are its own.

pub mod api;

use leptos::prelude::*;

pub use api::configure;

/// A page's data: loading, loaded, or the failure with a retry.
pub fn loaded<T: Clone + Send + Sync + 'static, V: IntoView + 'static>(
    data: RwSignal<Option<Result<T, api::Failure>>>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
    view: impl Fn(T) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || match data.get() {
        None => view! { <p class="loading" role="status">{api::words().loading}</p> }.into_any(),
        Some(Ok(v)) => view(v).into_any(),
        Some(Err(f)) => view! {
            <div class="error" role="alert">
                <p>{f.message()}</p>
                <button type="button" on:click=move |_| retry()>{api::words().retry}</button>
            </div>
        }
        .into_any(),
    }
}

/// Fetch `path` into `data`; `on_failure` sees a failure first (an app shows its sign-in when
/// the session ended). Runs from tasks too, where there is no component context.
pub fn fetch<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
    path: &'static str,
    data: RwSignal<Option<Result<T, api::Failure>>>,
    on_failure: impl Fn(&api::Failure) + 'static,
) {
    data.set(None);
    leptos::task::spawn_local(async move {
        let result = api::get::<T>(path).await;
        if let Err(f) = &result {
            on_failure(f);
        }
        data.set(Some(result));
    });
}
