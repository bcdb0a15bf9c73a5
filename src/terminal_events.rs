//! The terminal's events, read on a thread of their own and handed over on a channel the moment
//! each is read. Every event queued is then there to take at once (`try_next`), so a burst of
//! keys or a long paste is handled whole before the console waits again (with crossterm's
//! level-triggered `use-dev-tty` source: see Cargo.toml). The reader can be paused while
//! `$EDITOR` has the terminal, so it takes none of the editor's keys.

use std::io;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event};
use tokio::sync::mpsc;

/// How long the reader waits for input before it looks whether it should pause or stop.
const LOOK: Duration = Duration::from_millis(200);

/// Whether the reader should pause, and whether it has.
#[derive(Default)]
struct Pause {
    wanted: bool,
    parked: bool,
}

/// The reader thread's events.
pub struct TerminalEvents {
    rx: mpsc::UnboundedReceiver<io::Result<Event>>,
    pause: Arc<(Mutex<Pause>, Condvar)>,
}

impl TerminalEvents {
    /// Starts reading.
    pub fn start() -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let pause = Arc::new((Mutex::new(Pause::default()), Condvar::new()));
        let shared = pause.clone();
        std::thread::spawn(move || read(&tx, &shared));
        Self { rx, pause }
    }

    /// The next event, waiting for it; `None` once the reader has stopped.
    pub async fn next(&mut self) -> Option<io::Result<Event>> {
        self.rx.recv().await
    }

    /// An event already read, if there is one (never waits).
    pub fn try_next(&mut self) -> Option<io::Result<Event>> {
        self.rx.try_recv().ok()
    }

    /// Stops reading until [`TerminalEvents::resume`]; returns once the reader is parked, so
    /// the next key typed goes to whoever has the terminal.
    pub fn pause(&self) {
        let (lock, parked) = &*self.pause;
        let Ok(mut state) = lock.lock() else {
            return;
        };
        state.wanted = true;
        // A reader that stopped (the terminal failed) never parks: give up waiting for it.
        let deadline = std::time::Instant::now() + 4 * LOOK;
        while !state.parked {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return;
            }
            match parked.wait_timeout(state, left) {
                Ok((next, _)) => state = next,
                Err(_) => return,
            }
        }
    }

    /// Reads again after a pause.
    pub fn resume(&self) {
        let (lock, wake) = &*self.pause;
        if let Ok(mut state) = lock.lock() {
            state.wanted = false;
            state.parked = false;
        }
        wake.notify_all();
    }
}

/// The reader: each event is sent as soon as it is read; a pause parks it; a closed channel (the
/// console gone) stops it.
fn read(tx: &mpsc::UnboundedSender<io::Result<Event>>, pause: &(Mutex<Pause>, Condvar)) {
    let (lock, signal) = pause;
    loop {
        {
            let Ok(mut state) = lock.lock() else {
                return;
            };
            if state.wanted {
                state.parked = true;
                signal.notify_all();
                while state.wanted {
                    match signal.wait(state) {
                        Ok(next) => state = next,
                        Err(_) => return,
                    }
                }
            }
        }
        if tx.is_closed() {
            return;
        }
        let ready = match event::poll(LOOK) {
            Ok(ready) => ready,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        if !ready {
            continue;
        }
        let read = event::read();
        let failed = read.is_err();
        if tx.send(read).is_err() || failed {
            return;
        }
    }
}
