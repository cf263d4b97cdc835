//! Rate limits: a token bucket per client and one for the whole service (governor's GCRA).
//! A client is an IPv4 address or an IPv6 /64 (one household's or one phone's network), so
//! that rotating addresses within one prefix does not escape the limit.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::Limits;

pub struct RateLimits {
    per_client: DefaultKeyedRateLimiter<IpAddr>,
    global: DefaultDirectRateLimiter,
    clock: DefaultClock,
}

/// Too many: wait this long (for `Retry-After`).
pub enum Refused {
    Client(Duration),
    Service(Duration),
}

impl RateLimits {
    pub fn new(limits: &Limits) -> RateLimits {
        let nz = |n: u32| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
        let per_client = Quota::per_minute(nz(limits.per_client_per_minute)).allow_burst(nz(limits.per_client_burst));
        RateLimits {
            per_client: RateLimiter::keyed(per_client),
            global: RateLimiter::direct(Quota::per_second(nz(limits.global_per_second))),
            clock: DefaultClock::default(),
        }
    }

    pub fn check(&self, client: IpAddr) -> Result<(), Refused> {
        let now = self.clock.now();
        self.per_client.check_key(&client_key(client)).map_err(|n| Refused::Client(n.wait_time_from(now)))?;
        self.global.check().map_err(|n| Refused::Service(n.wait_time_from(now)))
    }

    /// Forget clients whose buckets are full again (called every minute), so the table does
    /// not grow with every address ever seen.
    pub fn forget_idle(&self) {
        self.per_client.retain_recent();
        self.per_client.shrink_to_fit();
    }
}

fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// Whole seconds, at least one: what `Retry-After` carries.
pub fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0).max(u64::from(wait.is_zero()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_ipv6_prefix_is_one_client() {
        let a: IpAddr = "2408:8000:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2408:8000:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2408:8000:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(client_key(mapped), "10.0.0.1".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(200)), 1);
        assert_eq!(retry_after_secs(Duration::from_secs(2)), 2);
        assert_eq!(retry_after_secs(Duration::from_millis(2100)), 3);
    }
}
