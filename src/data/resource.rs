//! [`DataResource`]: a data request as a resource, with the reactive machinery compiled once.
//!
//! Why not `LocalResource<Result<T, DataError>>` directly: Leptos instantiates its async
//! resource machinery (the derived signal, its future's poll, the suspense glue) once per
//! result type and per fetcher closure, about 10–15 KB of wasm each, and the app has some fifty
//! resources (docs/performance.md, "Type-erased resources"). Here every resource is the same
//! `LocalResource` of a type-erased value; only the small boxing closure and the downcast are
//! per type.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use super::DataError;

/// A loaded value of any type, as the one resource type holds it.
pub type AnyValue = Arc<dyn Any + Send + Sync>;
type AnyResult = Result<AnyValue, DataError>;
type AnyFuture = Pin<Box<dyn Future<Output = AnyResult>>>;

/// A data request as a resource: `None` while loading, then the value or the error.
pub struct DataResource<T> {
    inner: LocalResource<AnyResult>,
    value_type: PhantomData<fn() -> T>,
}

impl<T> Clone for DataResource<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for DataResource<T> {}

impl<T: Clone + Send + Sync + 'static> DataResource<T> {
    /// Like `LocalResource::new`: `fetch` runs again whenever a signal it reads changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, DataError>> + 'static,
    {
        let boxed = move || -> AnyFuture {
            let request = fetch();
            Box::pin(async move { request.await.map(|value| Arc::new(value) as AnyValue) })
        };
        DataResource { inner: any_resource(Box::new(boxed)), value_type: PhantomData }
    }

    /// The result, tracked like a signal: `None` while loading.
    pub fn get(&self) -> Option<Result<T, DataError>> {
        self.inner.get().map(|result| result.and_then(|value| downcast(&value)))
    }

    /// The result, without subscribing.
    pub fn get_untracked(&self) -> Option<Result<T, DataError>> {
        self.inner.get_untracked().map(|result| result.and_then(|value| downcast(&value)))
    }
}

impl<T> DataResource<T> {
    /// Fetch again (the retry button).
    pub fn refetch(&self) {
        self.inner.refetch();
    }

    /// The untyped resource, for views that are compiled once for every type (`ui::loaded`).
    pub fn erased(&self) -> LocalResource<AnyResult> {
        self.inner
    }
}

/// The value as `T`; it always is one (only `DataResource::<T>::new` makes the resource).
pub fn downcast<T: Clone + 'static>(value: &AnyValue) -> Result<T, DataError> {
    value.downcast_ref::<T>().cloned().ok_or(DataError::Network)
}

/// The one instantiation of Leptos's resource machinery.
fn any_resource(fetch: Box<dyn Fn() -> AnyFuture>) -> LocalResource<AnyResult> {
    LocalResource::new(fetch)
}
