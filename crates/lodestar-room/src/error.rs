//! A refusal as an HTTP answer: a status for the browser and the refusal itself as JSON, which
//! the phone page switches on by its code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use lodestar_core::{Refusal, RefusalClass, RefusalCode};

pub struct ApiError(pub Refusal);

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> ApiError {
        ApiError(refusal)
    }
}

pub fn status_of(code: RefusalCode) -> StatusCode {
    use RefusalCode::*;
    match code {
        JoinLinkInvalid | DeviceUnknown => StatusCode::UNAUTHORIZED,
        RequestRefused => StatusCode::FORBIDDEN,
        RequestTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        RoomClosed => StatusCode::GONE,
        PersonTaken | AlreadyExists | VoteClosed | NotThisStep | NoPersonChosen => {
            StatusCode::CONFLICT
        }
        _ => match code.class() {
            RefusalClass::BadInput => StatusCode::UNPROCESSABLE_ENTITY,
            RefusalClass::NotFound => StatusCode::NOT_FOUND,
            RefusalClass::StoreUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            RefusalClass::Failed => StatusCode::INTERNAL_SERVER_ERROR,
        },
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (status_of(self.0.code), Json(self.0)).into_response()
    }
}

pub fn refuse(code: RefusalCode, message: &str) -> Response {
    ApiError(Refusal::general(code, message)).into_response()
}
