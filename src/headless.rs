//! The console without a terminal: the same `update` and effect runner, driven by code. Used by the
//! integration tests and the end-to-end benchmarks, so they measure exactly what the console does.

use std::time::{Duration, Instant};
use tokio::sync::mpsc;

use crate::app::Effect;
use crate::aws::{Runner, Target};
use crate::clock::epoch_seconds;
use crate::console::update::{init, step};
use crate::console::{Model, Msg, Options, update};

/// A console model with its runner, fed by hand.
pub struct Headless {
    /// The model, readable between steps.
    pub model: Model,
    runner: Runner,
    rx: mpsc::UnboundedReceiver<Msg>,
}

impl Headless {
    /// Starts like the console (connecting first) with a terminal of `size`.
    pub fn start(options: Options, target: Target, size: (u16, u16)) -> Self {
        Self::start_with_journal(options, target, size, None)
    }

    /// Starts like [`Headless::start`], recording writes in the journal at `journal` when given.
    pub fn start_with_journal(
        options: Options,
        target: Target,
        size: (u16, u16),
        journal: Option<std::path::PathBuf>,
    ) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut runner = Runner::new(tx, target);
        if let Some(path) = journal {
            runner = runner.journal_to(path);
        }
        let mut model = Model::new(options, size);
        let _ = update(&mut model, Msg::Tick(epoch_seconds()));
        let effects = init(&mut model);
        let headless = Self { model, runner, rx };
        headless.run(effects);
        headless
    }

    fn run(&self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::CopyToClipboard(_) | Effect::EditInEditor { .. } | Effect::Quit => {}
                request => self.runner.spawn(request),
            }
        }
    }

    /// Applies a message (with the clock brought up to date first) and starts its effects.
    pub fn send(&mut self, msg: Msg) {
        let effects = step(&mut self.model, epoch_seconds(), msg);
        self.run(effects);
    }

    /// Processes results until `done(model)` holds; false if `timeout` passed first.
    pub async fn run_until(&mut self, done: impl Fn(&Model) -> bool, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while !done(&self.model) {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.rx.recv()).await {
                Ok(Some(msg)) => self.send(msg),
                Ok(None) | Err(_) => return false,
            }
        }
        true
    }
}
