//! The room: phones in the room join the open workshop over the local network, with nothing
//! on the internet. An HTTP server (axum) inside the app's own process serves the phone page
//! and a small JSON API over the application layer; the laptop's and the phones' actions go
//! through the same use cases, one transaction each.
//!
//! Only the open workshop is reachable. A join link carries a 128-bit secret, exchanged for a
//! per-device token; `Host` and `Origin` are checked, bodies capped and addresses rate-limited.

pub mod wire;

pub use wire::*;

pub mod address;
mod api;
mod assets;
mod error;
mod guard;
mod limits;
mod qr;
mod room;
mod server;
mod state;
mod tokens;

pub use api::DEVICE_COOKIE;
pub use limits::{RateLimits, MAX_BODY_BYTES};
pub use qr::JoinQr;
pub use room::{DeviceInfo, MAX_GUEST_NAME_CHARS};
pub use server::{RoomOptions, RoomServer, RoomStatus, DEFAULT_PORT};
