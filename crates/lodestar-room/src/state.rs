//! What the room's handlers share: the application, the workshop, the address it is served
//! on, who is in the room, the signals to the phones' streams, and the rate limiters.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use lodestar_application::Lodestar;
use tokio::sync::broadcast;

use crate::limits::Limiters;
use crate::room::Room;

/// What the phones' event streams hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// The workshop changed: send each phone its view again.
    Workshop,
    /// Devices or people changed (removed, released): each stream checks its own device.
    Roster,
    /// The room is closing.
    Closed,
}

pub struct Shared {
    pub app: Arc<Lodestar>,
    pub workshop_id: String,
    /// `address:port` as phones address it; every request's `Host` must be this.
    pub host: String,
    /// `http://address:port`, the only `Origin` the API accepts.
    pub origin: String,
    pub room: Mutex<Room>,
    pub signals: broadcast::Sender<Signal>,
    pub limiters: Limiters,
    /// Called when the list of devices changes, for the facilitator's screen.
    pub(crate) on_roster: Box<dyn Fn() + Send + Sync>,
}

impl Shared {
    pub fn room(&self) -> MutexGuard<'_, Room> {
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tells the streams and the facilitator's screen that who is here changed.
    pub fn roster_changed(&self) {
        let _ = self.signals.send(Signal::Roster);
        (self.on_roster)();
    }
}
