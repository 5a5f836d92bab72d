//! The one clock of the app. The core is pure and takes time as an argument; the application
//! reads it here, so tests can pin it.

/// Where "now" comes from, in milliseconds since the Unix epoch.
pub trait Clock: Send + Sync {
    fn now(&self) -> i64;
}

/// The computer's clock. A clock before 1970 reads as 0 and one past year 292 million as the
/// largest value: neither is worth refusing an action over.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}
