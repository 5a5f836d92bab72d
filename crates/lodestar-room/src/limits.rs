//! How much the room takes from one address: requests per second, join attempts per minute,
//! and the size of a request body.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The largest request body the room reads: a ballot or an idea is far smaller.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// How many requests one address may make.
#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    /// Requests per second, sustained, from one address.
    pub per_second: NonZeroU32,
    /// Requests allowed at once above that.
    pub burst: NonZeroU32,
    /// Join attempts (links or typed codes) per minute from one address: guessing a code
    /// takes hundreds of millions of tries, so a handful a minute stops it.
    pub joins_per_minute: NonZeroU32,
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits {
            per_second: NonZeroU32::MIN.saturating_add(19),
            burst: NonZeroU32::MIN.saturating_add(39),
            joins_per_minute: NonZeroU32::MIN.saturating_add(9),
        }
    }
}

pub struct Limiters {
    requests: DefaultKeyedRateLimiter<IpAddr>,
    joins: DefaultKeyedRateLimiter<IpAddr>,
}

impl Limiters {
    pub fn new(limits: RateLimits) -> Limiters {
        Limiters {
            requests: RateLimiter::keyed(
                Quota::per_second(limits.per_second).allow_burst(limits.burst),
            ),
            joins: RateLimiter::keyed(
                Quota::per_minute(limits.joins_per_minute).allow_burst(limits.joins_per_minute),
            ),
        }
    }

    pub fn allow_request(&self, address: IpAddr) -> bool {
        self.requests.check_key(&address).is_ok()
    }

    pub fn allow_join(&self, address: IpAddr) -> bool {
        self.joins.check_key(&address).is_ok()
    }

    /// Forgets addresses not seen for a while, so the tables stay small.
    pub fn tidy(&self) {
        self.requests.retain_recent();
        self.joins.retain_recent();
    }
}
