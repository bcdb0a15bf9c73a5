//! The wall clock, in the form the console and the sandbox both keep time: epoch seconds.

/// Seconds since the Unix epoch, now (0 if the system clock is before 1970).
pub fn epoch_seconds() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}
