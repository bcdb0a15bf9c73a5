//! The wall clock, in the form the console and the sandbox both keep time: epoch seconds.

/// Seconds since the Unix epoch, now (0 if the system clock is before 1970).
pub fn epoch_seconds() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// An instant in epoch seconds as RFC 3339 in UTC, to the millisecond (`2026-12-04T18:20:05.123Z`).
pub fn rfc3339(epoch: f64) -> String {
    let millis = (epoch * 1000.0).round() as i128;
    time::OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(time::macros::format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
            ))
            .ok()
        })
        .unwrap_or_else(|| format!("{epoch}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc3339_is_utc_to_the_millisecond() {
        assert_eq!(
            super::rfc3339(1_764_872_405.123_4),
            "2025-12-04T18:20:05.123Z"
        );
        assert_eq!(super::rfc3339(0.0), "1970-01-01T00:00:00.000Z");
    }
}
