//! Code splitting (the `split` feature of the release build, scripts/build-split.sh;
//! docs/performance.md): which code a first visit to a page downloads.
//!
//! Two levels of split points, both made with [`split!`]:
//! - **a module** (`direct`, `consult`, `duties`, `training`, `proposals`, `other`, `mine`): the
//!   main route table (`src/app.rs`) has one wildcard route per module, whose view is the
//!   module's own route table, fetched on the first visit to any of its pages;
//! - **a page** (`direct__deputy`, …: module, two underscores, page): each route of a module's
//!   table is a split point of its own, so a first visit fetches the page's code, not the whole
//!   module's. scripts/split-table.mjs reads the two underscores: a visit to a page needs its
//!   module's table too.
//!
//! - **a part of a page** (`part__name_search`, …): code a page needs only when the user does
//!   something (types a name, opens a form), fetched then, with [`split_part!`] for a view or
//!   [`split_fn!`] for an async function. A part is not a visit of its own:
//!   scripts/first-visits.mjs lists what each costs when it is first used.
//!
//! Why the page routes are inside the modules' tables and not in the main one: every route of
//! the main table costs the main module a view closure and a [`split_view`] copy (about a tenth
//! of the main module with 33 routes), and the main module is what the home page downloads.
//!
//! Without the feature (`trunk serve`, the component tests) [`split!`] is the component itself:
//! a split point is a wasm import that only the splitter resolves.

/// `split!(module, lazy_fn_name, Component)`: the view of a route, fetched on first use in the
/// release build (see the module's documentation).
#[cfg(not(feature = "split"))]
#[macro_export]
macro_rules! split {
    ($module:ident, $lazy:ident, $view:path) => {
        $view
    };
}

#[cfg(feature = "split")]
#[macro_export]
macro_rules! split {
    ($module:ident, $lazy:ident, $view:path) => {{
        // `fallible`: code that cannot be fetched is an `Err`, not a panic that would stop the
        // whole app (leptos's `#[lazy]` does not offer that in 0.8.23).
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $lazy() -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(::leptos::prelude::untrack(|| ::leptos::prelude::IntoAny::into_any($view())))
        }
        || $crate::split::split_view($lazy)
    }};
}

/// `split_part!(part__name, lazy_fn_name, fn name(arg: Type) -> body)`: a function that shows
/// a part of a page, `body` (a view, with `arg` in scope), whose code is fetched when the part
/// is first shown in the release build (loading, then the part, or the error with a retry).
/// `Type` is what the part needs from its page (`Clone`).
#[cfg(not(feature = "split"))]
#[macro_export]
macro_rules! split_part {
    ($module:ident, $lazy:ident, $vis:vis fn $name:ident($arg:ident: $ty:ty) -> $body:block) => {
        $vis fn $name($arg: $ty) -> ::leptos::prelude::AnyView {
            ::leptos::prelude::IntoAny::into_any($body)
        }
    };
}

#[cfg(feature = "split")]
#[macro_export]
macro_rules! split_part {
    ($module:ident, $lazy:ident, $vis:vis fn $name:ident($arg:ident: $ty:ty) -> $body:block) => {
        $vis fn $name($arg: $ty) -> ::leptos::prelude::AnyView {
            #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $lazy($arg: $ty) -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
                Ok(::leptos::prelude::untrack(|| ::leptos::prelude::IntoAny::into_any($body)))
            }
            ::leptos::prelude::IntoAny::into_any($crate::split::split_view(move || $lazy($arg.clone())))
        }
    };
}

/// A split view: loading, then the view, or (weak network) the data error's wording with a
/// retry; the loader does not remember failures, so a retry fetches again.
// (Measured: boxing the future to make this one non-generic function made the main module
// 15 KB larger, not smaller.)
#[cfg(feature = "split")]
pub fn split_view<F>(load: impl Fn() -> F + Clone + Send + Sync + 'static) -> impl leptos::prelude::IntoView
where
    F: std::future::Future<Output = Result<leptos::prelude::AnyView, leptos::wasm_split::SplitLoaderError>>
        + Send
        + 'static,
{
    use crate::data::DataError;
    use crate::ui::{DataErrorView, Loading};
    use leptos::prelude::*;
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                attempt.track();
                let load = load.clone();
                Suspend::new(async move {
                    load()
                        .await
                        .unwrap_or_else(|_| {
                            view! {
                                <section class="page">
                                    <DataErrorView
                                        error=DataError::Network
                                        on_retry=move |_| attempt.update(|n| *n += 1)
                                    />
                                </section>
                            }
                                .into_any()
                        })
                })
            }}
        </Suspense>
    }
}

/// `split_fn!(part__name, lazy_fn_name, fn name(arg: Type) -> Output = body)`: an async
/// function whose code is fetched on its first call in the release build. `Output` is a
/// `Result<_, DataError>`; code that cannot be fetched is `DataError::Network` (retry fetches
/// it again).
#[cfg(not(feature = "split"))]
#[macro_export]
macro_rules! split_fn {
    ($module:ident, $lazy:ident, $vis:vis async fn $name:ident($arg:ident: $ty:ty) -> $out:ty $body:block) => {
        $vis async fn $name($arg: $ty) -> $out $body
    };
}

#[cfg(feature = "split")]
#[macro_export]
macro_rules! split_fn {
    ($module:ident, $lazy:ident, $vis:vis async fn $name:ident($arg:ident: $ty:ty) -> $out:ty $body:block) => {
        $vis async fn $name($arg: $ty) -> $out {
            #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $lazy(
                $arg: $ty,
            ) -> Result<::std::pin::Pin<Box<dyn ::std::future::Future<Output = $out>>>, $crate::data::DataError> {
                Ok(Box::pin(async move $body))
            }
            $lazy($arg).await?.await
        }
    };
}
