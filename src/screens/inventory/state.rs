//! The inventory's state: each region's listing and pools, the filter and the selection.

use std::collections::BTreeMap;

use crate::app::{AwsError, RequestId};
use crate::domain::PoolSummary;
use crate::screens::cursor::{Cursor, TypedFilter};

/// How far one region's listing has come.
#[derive(Debug, Clone, PartialEq)]
pub enum Sweep {
    /// Not started (at most a few regions are listed at once).
    Waiting,
    /// Pages are being read.
    Listing,
    /// Every page read.
    Done,
    /// The region refused or failed.
    Failed(AwsError),
}

/// One region's listing.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionSweep {
    /// The region.
    pub region: String,
    /// Its pools, in the service's order.
    pub pools: Vec<PoolSummary>,
    /// How far its listing has come.
    pub sweep: Sweep,
}

/// The open inventory.
#[derive(Debug, Clone)]
pub struct InventoryView {
    /// Every region swept, in order.
    pub regions: Vec<RegionSweep>,
    /// The page requests in flight and the region (index) each is for.
    pub awaiting: BTreeMap<RequestId, usize>,
    /// When the sweep started and (once every region answered) ended, epoch seconds.
    pub started: Option<f64>,
    /// When every region had answered.
    pub finished: Option<f64>,
    /// The filter typed (region, name or id).
    pub filter: TypedFilter,
    /// The selected row among the rows the filter shows, and the first on screen.
    pub cursor: Cursor,
}

/// The screen: the view when open.
pub type InventoryState = crate::app::cover::Cover<InventoryView>;

impl InventoryView {
    /// The pools the filter shows, region by region in the sweep's order, as (region, pool).
    pub fn rows(&self) -> Vec<(&str, &PoolSummary)> {
        let filter = self.filter.value().to_lowercase();
        self.regions
            .iter()
            .flat_map(|r| r.pools.iter().map(move |p| (r.region.as_str(), p)))
            .filter(|(region, pool)| {
                filter.is_empty()
                    || region.contains(&filter)
                    || pool.name.to_lowercase().contains(&filter)
                    || pool.id.contains(&filter)
            })
            .collect()
    }

    /// The regions that refused or failed.
    pub fn failed(&self) -> impl Iterator<Item = (&str, &AwsError)> {
        self.regions.iter().filter_map(|r| match &r.sweep {
            Sweep::Failed(error) => Some((r.region.as_str(), error)),
            _ => None,
        })
    }

    /// How many regions are in each state: (listing or waiting, done, failed).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for r in &self.regions {
            match r.sweep {
                Sweep::Waiting | Sweep::Listing => counts.0 += 1,
                Sweep::Done => counts.1 += 1,
                Sweep::Failed(_) => counts.2 += 1,
            }
        }
        counts
    }
}

/// Why a region can't be listed, in words, from the service's error code.
pub fn refusal(error: &AwsError) -> &'static str {
    crate::domain::regions::unusable(error.code.as_deref()).unwrap_or("could not be listed")
}
