//! What every request passes before it reaches the API: a rate limit per address, the `Host`
//! the room is served on (no DNS rebinding), the page's own `Origin` on writes and on the
//! event stream, a cap on the body, and the security headers on every answer.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use lodestar_core::RefusalCode;

use crate::error::refuse;
use crate::limits::MAX_BODY_BYTES;
use crate::state::Shared;

fn same(value: Option<&HeaderValue>, expected: &str) -> bool {
    value
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case(expected))
}

/// Why a request is refused before it reaches the API, if it is.
fn refusal(shared: &Shared, method: &Method, path: &str, headers: &HeaderMap) -> Option<Response> {
    if !same(headers.get(header::HOST), &shared.host) {
        return Some(refuse(
            RefusalCode::RequestRefused,
            "this request was not addressed to the room's address: open the join link",
        ));
    }
    let origin = headers.get(header::ORIGIN);
    let writes = !matches!(*method, Method::GET | Method::HEAD);
    let streams = path == "/api/events";
    // Any Origin must be the page's own; a write must carry one.
    let from_elsewhere = match origin {
        Some(_) => !same(origin, &shared.origin),
        // A browser always sends Origin on a write from a page; none means not our page.
        None => writes,
    };
    let cross_site = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|site| site == "cross-site" || (streams && site == "same-site"));
    if from_elsewhere || cross_site {
        return Some(refuse(
            RefusalCode::RequestRefused,
            "this request did not come from the room's own page",
        ));
    }
    if let Some(length) = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
    {
        if length > MAX_BODY_BYTES as u64 {
            return Some(refuse(
                RefusalCode::RequestTooLarge,
                "this request is larger than the room accepts",
            ));
        }
    }
    None
}

pub async fn guard(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = if !shared.limiters.allow_request(peer.ip()) {
        refuse(
            RefusalCode::TooManyRequests,
            "too many requests from this phone: wait a moment and try again",
        )
    } else if let Some(refused) = refusal(
        &shared,
        request.method(),
        request.uri().path(),
        request.headers(),
    ) {
        refused
    } else {
        next.run(request).await
    };
    secure(response.headers_mut());
    response
}

/// The phone page loads only its own files, runs no inline code, is never framed and sends
/// nothing about itself to anyone else.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

fn secure(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        CONTENT_SECURITY_POLICY,
    );
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
}
