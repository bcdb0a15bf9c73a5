//! The bulk deletion engine: DeleteIdentities in batches of 60 with bounded concurrency that adapts
//! to throttling, retries of what the service left unprocessed, cancellation, and a final report.
//! Pure: it hands out batches and takes results; `update` turns batches into effects.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::app::{AwsError, ErrorKind, RequestId};

/// Ids per DeleteIdentities call (the service's maximum).
pub const BATCH: usize = 60;
/// Concurrency at the start.
pub const START_CONCURRENCY: usize = 4;
/// Concurrency never goes above this.
pub const MAX_CONCURRENCY: usize = 8;
/// Retries of an id the service returned in UnprocessedIdentityIds (InternalServerError).
pub const ITEM_RETRIES: u32 = 3;
/// Re-sends of an id whose whole batch was throttled (after the SDK's own retries).
pub const THROTTLE_RETRIES: u32 = 10;
/// Re-sends of an id whose whole batch failed otherwise.
pub const BATCH_RETRIES: u32 = 2;

/// A deletion in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Deletion {
    /// How many ids were asked for.
    pub total: usize,
    /// Ids not sent yet.
    pub queue: VecDeque<String>,
    /// Batches awaiting an answer.
    pub in_flight: BTreeMap<RequestId, Vec<String>>,
    /// Ids the service confirmed deleted.
    pub deleted: usize,
    /// Ids that failed for good, with the error code.
    pub failed: Vec<(String, String)>,
    /// Batches allowed in flight now.
    pub concurrency: usize,
    /// Times a batch came back throttled.
    pub throttled: usize,
    /// When it started (epoch seconds).
    pub started: Option<f64>,
    /// No new batches once cancelled.
    pub cancelled: bool,
    item_retries: HashMap<String, u32>,
    batch_retries: HashMap<String, u32>,
    clean_answers: usize,
}

/// How a deletion ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Ids asked for.
    pub total: usize,
    /// Deleted.
    pub deleted: usize,
    /// Failed, with the error code.
    pub failed: Vec<(String, String)>,
    /// Never sent (cancelled).
    pub not_attempted: Vec<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// How long it took.
    pub seconds: Option<f64>,
}

impl Deletion {
    /// A deletion of `ids`, starting at `now`.
    pub fn new(ids: Vec<String>, now: Option<f64>) -> Self {
        Self {
            total: ids.len(),
            queue: ids.into(),
            in_flight: BTreeMap::new(),
            deleted: 0,
            failed: Vec::new(),
            concurrency: START_CONCURRENCY,
            throttled: 0,
            started: now,
            cancelled: false,
            item_retries: HashMap::new(),
            batch_retries: HashMap::new(),
            clean_answers: 0,
        }
    }

    /// The batches to send now, each with a request id from `next_req`.
    pub fn next_batches(
        &mut self,
        mut next_req: impl FnMut() -> RequestId,
    ) -> Vec<(RequestId, Vec<String>)> {
        let mut out = Vec::new();
        while !self.cancelled && self.in_flight.len() < self.concurrency && !self.queue.is_empty() {
            let take = self.queue.len().min(BATCH);
            let batch: Vec<String> = self.queue.drain(..take).collect();
            let req = next_req();
            self.in_flight.insert(req, batch.clone());
            out.push((req, batch));
        }
        out
    }

    /// Takes a batch's answer: the unprocessed (id, code) pairs, or the whole call's error. Returns
    /// the ids now deleted, or None when `req` is not one of this deletion's batches.
    pub fn on_result(
        &mut self,
        req: RequestId,
        result: Result<Vec<(String, String)>, AwsError>,
    ) -> Option<Vec<String>> {
        let batch = self.in_flight.remove(&req)?;
        match result {
            Ok(unprocessed) => {
                let deleted: Vec<String> = batch
                    .into_iter()
                    .filter(|id| !unprocessed.iter().any(|(u, _)| u == id))
                    .collect();
                self.deleted += deleted.len();
                for (id, code) in unprocessed {
                    let tries = self.item_retries.entry(id.clone()).or_insert(0);
                    if code == "InternalServerError" && *tries < ITEM_RETRIES {
                        *tries += 1;
                        self.queue.push_back(id);
                    } else {
                        self.failed.push((id, code));
                    }
                }
                // Additive increase: one more batch in flight after a round of clean answers.
                self.clean_answers += 1;
                if self.clean_answers >= self.concurrency && self.concurrency < MAX_CONCURRENCY {
                    self.concurrency += 1;
                    self.clean_answers = 0;
                }
                Some(deleted)
            }
            Err(error) => {
                let throttled = error.kind == ErrorKind::Throttled;
                let limit = if throttled {
                    THROTTLE_RETRIES
                } else {
                    BATCH_RETRIES
                };
                if throttled {
                    // Multiplicative decrease.
                    self.throttled += 1;
                    self.concurrency = (self.concurrency / 2).max(1);
                    self.clean_answers = 0;
                }
                let code = error
                    .code
                    .clone()
                    .unwrap_or_else(|| format!("{:?}", error.kind));
                for id in batch.into_iter().rev() {
                    let tries = self.batch_retries.entry(id.clone()).or_insert(0);
                    if *tries < limit {
                        *tries += 1;
                        self.queue.push_front(id);
                    } else {
                        self.failed.push((id, code.clone()));
                    }
                }
                Some(Vec::new())
            }
        }
    }

    /// Whether nothing more will happen.
    pub fn is_finished(&self) -> bool {
        self.in_flight.is_empty() && (self.queue.is_empty() || self.cancelled)
    }

    /// Ids deleted per second so far.
    pub fn rate(&self, now: Option<f64>) -> Option<f64> {
        let elapsed = now? - self.started?;
        (elapsed > 0.2 && self.deleted > 0).then(|| self.deleted as f64 / elapsed)
    }

    /// Ids still to go (queued or in flight).
    pub fn remaining(&self) -> usize {
        self.queue.len() + self.in_flight.values().map(Vec::len).sum::<usize>()
    }

    /// Seconds left at the current rate.
    pub fn eta(&self, now: Option<f64>) -> Option<f64> {
        self.rate(now).map(|rate| self.remaining() as f64 / rate)
    }

    /// The final report.
    pub fn report(&self, now: Option<f64>) -> Report {
        Report {
            total: self.total,
            deleted: self.deleted,
            failed: self.failed.clone(),
            not_attempted: self.queue.iter().cloned().collect(),
            cancelled: self.cancelled,
            seconds: now.zip(self.started).map(|(n, s)| n - s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("us-east-1:{i:08}")).collect()
    }

    fn counter() -> impl FnMut() -> RequestId {
        let mut next = 0;
        move || {
            next += 1;
            next
        }
    }

    fn throttled() -> AwsError {
        AwsError {
            kind: ErrorKind::Throttled,
            ..AwsError::service("TooManyRequestsException", "Rate exceeded")
        }
    }

    #[test]
    fn batches_of_60_with_bounded_concurrency() {
        let mut d = Deletion::new(ids(500), Some(0.0));
        let mut next = counter();
        let sent = d.next_batches(&mut next);
        assert_eq!(sent.len(), START_CONCURRENCY);
        assert!(sent.iter().all(|(_, b)| b.len() == BATCH));
        assert!(
            d.next_batches(&mut next).is_empty(),
            "no more until answers come"
        );
        let (req, _) = sent[0].clone();
        assert_eq!(d.on_result(req, Ok(Vec::new())).map(|v| v.len()), Some(60));
        assert_eq!(d.next_batches(&mut next).len(), 1);
    }

    #[test]
    fn concurrency_grows_on_clean_answers_and_halves_on_throttling() {
        let mut d = Deletion::new(ids(20_000), Some(0.0));
        let mut next = counter();
        for _ in 0..20 {
            for (req, _) in d.next_batches(&mut next) {
                d.on_result(req, Ok(Vec::new()));
            }
        }
        assert_eq!(d.concurrency, MAX_CONCURRENCY);
        let sent = d.next_batches(&mut next);
        let (req, batch) = sent[0].clone();
        d.on_result(req, Err(throttled()));
        assert_eq!(d.concurrency, MAX_CONCURRENCY / 2);
        assert_eq!(
            d.queue.front(),
            batch.first(),
            "a throttled batch goes back to the front"
        );
        assert_eq!(d.throttled, 1);
    }

    #[test]
    fn unprocessed_ids_are_retried_then_reported() {
        let mut d = Deletion::new(ids(2), Some(0.0));
        let mut next = counter();
        let id = ids(2)[1].clone();
        for attempt in 0..=ITEM_RETRIES {
            let sent = d.next_batches(&mut next);
            assert_eq!(sent.len(), 1);
            let (req, batch) = sent[0].clone();
            assert!(batch.contains(&id), "attempt {attempt}");
            d.on_result(req, Ok(vec![(id.clone(), "InternalServerError".into())]));
        }
        assert!(d.is_finished());
        assert_eq!(d.deleted, 1);
        assert_eq!(d.failed, vec![(id, "InternalServerError".to_string())]);
    }

    #[test]
    fn access_denied_is_not_retried() {
        let mut d = Deletion::new(ids(1), Some(0.0));
        let mut next = counter();
        let (req, batch) = d.next_batches(&mut next)[0].clone();
        d.on_result(req, Ok(vec![(batch[0].clone(), "AccessDenied".into())]));
        assert!(d.is_finished());
        assert_eq!(d.failed.len(), 1);
    }

    #[test]
    fn a_failing_batch_is_retried_twice_then_fails_with_its_code() {
        let mut d = Deletion::new(ids(3), Some(0.0));
        let mut next = counter();
        for _ in 0..=BATCH_RETRIES {
            let (req, _) = d.next_batches(&mut next)[0].clone();
            d.on_result(
                req,
                Err(AwsError::service("InternalErrorException", "boom")),
            );
        }
        assert!(d.is_finished());
        assert_eq!(d.failed.len(), 3);
        assert!(
            d.failed
                .iter()
                .all(|(_, code)| code == "InternalErrorException")
        );
    }

    #[test]
    fn cancel_stops_new_batches_and_reports_the_rest() {
        let mut d = Deletion::new(ids(600), Some(10.0));
        let mut next = counter();
        let sent = d.next_batches(&mut next);
        d.cancelled = true;
        for (req, _) in sent {
            d.on_result(req, Ok(Vec::new()));
        }
        assert!(d.next_batches(&mut next).is_empty());
        assert!(d.is_finished());
        let report = d.report(Some(12.0));
        assert_eq!(
            (
                report.deleted,
                report.not_attempted.len(),
                report.failed.len()
            ),
            (240, 360, 0)
        );
        assert_eq!(report.deleted + report.not_attempted.len(), report.total);
        assert_eq!(report.seconds, Some(2.0));
    }

    #[test]
    fn unknown_answers_are_ignored() {
        let mut d = Deletion::new(ids(1), None);
        assert_eq!(d.on_result(99, Ok(Vec::new())), None);
    }
}
