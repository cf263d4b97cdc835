//! JSON bodies as axum extractors, with the Chinese 400/413 answers. A handler lists them after
//! the clerk (`auth::Staff`, `auth::Changer`), so a forged or signed-out request is refused
//! before its body is even read.

use axum::extract::{FromRequest, Json, Request};
use axum::response::Response;
use serde::de::DeserializeOwned;

use super::state::json_body;

/// A form's JSON; a broken one is answered "请求的内容不完整…", a long one 413.
pub(super) struct Body<T>(pub T);

/// A file the clerk chose, as JSON; a broken one is answered "文件没有读完整…".
pub(super) struct FileBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        json_body(Json::from_request(req, state).await, "请求的内容不完整，请刷新页面后再试").map(Body)
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for FileBody<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        json_body(Json::from_request(req, state).await, "文件没有读完整，请重新选择").map(FileBody)
    }
}
