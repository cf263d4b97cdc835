//! Loading and error states for every data request.

use leptos::prelude::*;

use std::sync::Arc;

use crate::data::{AnyValue, DataError, DataResource, downcast};
use crate::i18n::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {tr!(data.loading)}
        </p>
    }
}

/// A clear message and a retry button; never a blank page.
#[component]
pub fn DataErrorView(error: DataError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let message = error.message(i18n);
    view! {
        <div class="data-error" role="alert">
            <p class="data-error-title">{tr!(data.error_title)}</p>
            <p class="data-error-message">{message}</p>
            <button type="button" class="retry button" on:click=move |_| on_retry.run(())>
                {tr!(data.retry)}
            </button>
        </div>
    }
}

/// Render a data resource: loading, then either the view or the error with a retry.
pub fn loaded<T, V>(resource: DataResource<T>, view: impl Fn(T) -> V + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let view = move |value: &AnyValue| downcast::<T>(value).map(|value| view(value).into_any());
    loaded_any(resource.erased(), Arc::new(view))
}

type AnyViewFn = Arc<dyn Fn(&AnyValue) -> Result<AnyView, DataError> + Send + Sync>;

/// `loaded` for every type at once: the reactive view below is compiled once, not per type.
fn loaded_any(resource: LocalResource<Result<AnyValue, DataError>>, view: AnyViewFn) -> impl IntoView {
    move || match resource.get().map(|result| result.and_then(|value| view(&value))) {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(page)) => page,
        Some(Err(error)) => view! { <DataErrorView error on_retry=move |_| resource.refetch() /> }.into_any(),
    }
}
