//! Opening and closing the room: the HTTP server on one address, the state it shares with its
//! handlers, and the handle the facilitator's side (the desktop app or the CLI) holds.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};
use axum::Router;
use lodestar_application::{Lodestar, Subscription};
use lodestar_core::{Refusal, RefusalCode};
use serde::Serialize;
use specta::Type;
use tokio::sync::{broadcast, oneshot};
use tokio::task::JoinHandle;

use crate::api;
use crate::guard::guard;
use crate::limits::{Limiters, RateLimits, MAX_BODY_BYTES};
use crate::qr::{join_qr, JoinQr};
use crate::room::{DeviceInfo, Room};
use crate::state::{Shared, Signal};

/// The port the room tries first, then the next few, then any free one.
pub const DEFAULT_PORT: u16 = 47820;
const PORT_TRIES: u16 = 10;

/// How to open a room.
pub struct RoomOptions {
    pub workshop_id: String,
    /// The address (and port; 0 picks one) to serve on. Tests use loopback addresses only.
    pub bind: SocketAddr,
    pub guests_allowed: bool,
    pub limits: RateLimits,
}

impl RoomOptions {
    pub fn new(workshop_id: impl Into<String>, bind: SocketAddr) -> RoomOptions {
        RoomOptions {
            workshop_id: workshop_id.into(),
            bind,
            guests_allowed: false,
            limits: RateLimits::default(),
        }
    }
}

/// The room as the facilitator's screen shows it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomStatus {
    pub workshop_id: String,
    /// The link in the QR code: address, port and the join secret.
    pub join_url: String,
    /// The address and port alone, for typing.
    pub address: String,
    pub join_code: String,
    pub qr: Option<JoinQr>,
    pub guests_allowed: bool,
    pub devices: Vec<DeviceInfo>,
}

/// An open room. Closing it (or dropping it) stops the server and ends every token.
pub struct RoomServer {
    shared: Arc<Shared>,
    local: SocketAddr,
    subscription: Subscription,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

fn unavailable(bind: SocketAddr, error: &std::io::Error) -> Refusal {
    Refusal::general(
        RefusalCode::StorageFailed,
        format!(
            "the room could not listen on {bind}: {error}. Choose another address, or close \
             the program using the port"
        ),
    )
}

/// Listens on `bind`; when its port is taken, on the next few, then on any free one.
async fn listen(bind: SocketAddr) -> Result<tokio::net::TcpListener, Refusal> {
    let first = tokio::net::TcpListener::bind(bind).await;
    let error = match first {
        Ok(listener) => return Ok(listener),
        Err(error) if bind.port() == 0 => return Err(unavailable(bind, &error)),
        Err(error) => error,
    };
    for offset in 1..PORT_TRIES {
        let port = bind.port().saturating_add(offset);
        if let Ok(listener) = tokio::net::TcpListener::bind(SocketAddr::new(bind.ip(), port)).await
        {
            return Ok(listener);
        }
    }
    tokio::net::TcpListener::bind(SocketAddr::new(bind.ip(), 0))
        .await
        .map_err(|_| unavailable(bind, &error))
}

impl RoomServer {
    /// Opens the room for one workshop. Must run inside a Tokio runtime (the app's own).
    pub async fn open(
        app: Arc<Lodestar>,
        options: RoomOptions,
        on_roster: impl Fn() + Send + Sync + 'static,
    ) -> Result<RoomServer, Refusal> {
        app.workshop(&options.workshop_id)?;
        let listener = listen(options.bind).await?;
        let local = listener
            .local_addr()
            .map_err(|e| unavailable(options.bind, &e))?;
        let (signals, _) = broadcast::channel(64);
        let shared = Arc::new(Shared {
            app: app.clone(),
            workshop_id: options.workshop_id.clone(),
            host: local.to_string(),
            origin: format!("http://{local}"),
            room: Mutex::new(Room::new(options.guests_allowed)?),
            signals: signals.clone(),
            limiters: Limiters::new(options.limits),
            on_roster: Box::new(on_roster),
        });
        let workshop_id = options.workshop_id;
        let subscription = app.subscribe(move |change| {
            if change.workshop_id.as_deref() == Some(workshop_id.as_str()) {
                let _ = signals.send(Signal::Workshop);
            }
        });
        let router = Router::new()
            .route("/", get(api::page))
            .route("/assets/{*file}", get(api::asset))
            .route("/api/join", post(api::join))
            .route("/api/welcome", get(api::welcome))
            .route("/api/claim", post(api::claim))
            .route("/api/view", get(api::view))
            .route("/api/ballot", put(api::ballot))
            .route("/api/ideas", post(api::idea))
            .route("/api/events", get(api::events))
            .route("/api/ping", get(api::ping))
            .fallback(api::not_found)
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
            .with_state(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let tidy = shared.clone();
        let task = tokio::spawn(async move {
            let tidying = tokio::spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_secs(60)).await;
                    tidy.limiters.tidy();
                }
            });
            let served = axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
            tidying.abort();
            if let Err(error) = served {
                eprintln!("lodestar: the room server stopped: {error}");
            }
        });
        Ok(RoomServer {
            shared,
            local,
            subscription,
            stop: Some(stop),
            task: Some(task),
        })
    }

    pub fn workshop_id(&self) -> &str {
        &self.shared.workshop_id
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    pub fn join_url(&self) -> String {
        let room = self.shared.room();
        format!("{}/#join={}", self.shared.origin, room.join_secret())
    }

    pub fn status(&self) -> RoomStatus {
        let join_url = self.join_url();
        let room = self.shared.room();
        RoomStatus {
            workshop_id: self.shared.workshop_id.clone(),
            qr: join_qr(&join_url),
            join_url,
            address: self.shared.origin.clone(),
            join_code: room.join_code().to_string(),
            guests_allowed: room.guests_allowed(),
            devices: room.devices(Instant::now()),
        }
    }

    /// A new join link and code; old ones stop working, phones already in stay.
    pub fn renew_join_code(&self) -> Result<RoomStatus, Refusal> {
        self.shared.room().renew()?;
        self.shared.roster_changed();
        Ok(self.status())
    }

    pub fn set_guests_allowed(&self, allowed: bool) -> RoomStatus {
        self.shared.room().set_guests_allowed(allowed);
        self.shared.roster_changed();
        self.status()
    }

    /// Sends a device out of the room: its token stops working and its page is told.
    pub fn remove_device(&self, device_id: &str) -> Result<RoomStatus, Refusal> {
        if !self.shared.room().remove_device(device_id) {
            return Err(Refusal::general(
                RefusalCode::NotFound,
                "this device has already left the room",
            ));
        }
        self.shared.roster_changed();
        Ok(self.status())
    }

    /// Frees a person claimed by the wrong phone, so they can join from their own.
    pub fn release_person(&self, person_id: &str) -> Result<RoomStatus, Refusal> {
        if !self.shared.room().release_person(person_id) {
            return Err(Refusal::general(
                RefusalCode::NotFound,
                "no phone has joined as this person",
            ));
        }
        self.shared.roster_changed();
        Ok(self.status())
    }

    /// Closes the room: phones are told, the server stops, every token ends.
    pub async fn close(mut self) {
        self.shut();
        if let Some(task) = self.task.take() {
            // Streams end when they hear `Closed`; do not wait on a phone that never reads.
            if tokio::time::timeout(Duration::from_secs(3), task)
                .await
                .is_err()
            {
                eprintln!("lodestar: the room server took too long to stop");
            }
        }
    }

    fn shut(&mut self) {
        self.shared.app.unsubscribe(self.subscription);
        let _ = self.shared.signals.send(Signal::Closed);
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.shut();
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
