//! The terminal and the loop: draw, wait for a key, a result or a tick, update, run effects. The
//! terminal is restored on every way out, panics included.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use std::io::Write;
use std::time::Duration;
use tokio::sync::mpsc;

use crate::app::Effect;
use crate::aws::{Runner, Target};
use crate::clock::epoch_seconds;
use crate::console::update::{init, step};
use crate::console::{Model, Msg, Options, keymap, view};

/// How often the spinner turns while requests are in flight.
const TICK: Duration = Duration::from_millis(120);
/// How often the clock is refreshed while idle.
const SLOW_TICK: Duration = Duration::from_secs(30);

fn restore_terminal() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Restores the terminal when dropped, whatever path leaves the loop.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Puts text on the clipboard through the terminal (OSC 52), which works over SSH too.
fn copy_to_clipboard(text: &str) {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout();
    let _ = write!(out, "\x1b]52;c;{encoded}\x07");
    let _ = out.flush();
}

/// How the console ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (its number) ended it, as `q` would: the exit status says so (128 + n).
    Signal(i32),
    /// A command's check failed (test-access refused, or another role): exit status 1.
    Failed,
    /// A command was used wrongly in a way its flags can't say (exit status 2, as clap's).
    Usage,
}

/// Runs the console until the user quits (or a signal ends it).
pub async fn run_console(options: Options, target: Target) -> color_eyre::Result<Ended> {
    use color_eyre::eyre::WrapErr;
    let mut terminal = ratatui::try_init().wrap_err(
        "this console needs a terminal: run it with its input and output on one (not a pipe or /dev/null)",
    )?;
    let mut ended = Ended::Quit;
    let _guard = TerminalGuard;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    execute!(std::io::stdout(), EnableMouseCapture)?;

    let size = terminal.size()?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut runner = Runner::new(tx, target);
    if let Some(path) = crate::journal::default_path() {
        runner = runner.journal_to(path);
    }
    let mut model = Model::new(options, (size.width, size.height));
    let startup = init(&mut model);
    // The first frame goes out before any network call can answer.
    terminal.draw(|frame| view(&model, frame))?;
    let _ = run_effects(&runner, startup);

    let mut events = crate::terminal_events::TerminalEvents::start();
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    // Keeps "30 days ago" and the clock in the model current while idle, at one wake-up a half minute.
    let mut slow_tick = tokio::time::interval(SLOW_TICK);
    let mut terminate = terminate_signal();
    while !model.quitting {
        let msg = tokio::select! {
            biased;
            Some(msg) = rx.recv() => Some(msg),
            event = events.next() => match event {
                Some(Ok(event)) => keymap::to_msg(&model, &event),
                Some(Err(e)) => return Err(e.into()),
                None => break,
            },
            _ = tick.tick(), if !model.in_flight.is_empty() => Some(Msg::Tick(epoch_seconds())),
            _ = slow_tick.tick() => Some(Msg::Tick(epoch_seconds())),
            number = terminate.recv() => {
                ended = Ended::Signal(number.unwrap_or(15));
                break;
            }
        };
        // Every message sees the current time (rates, ages, durations), not the last tick's.
        let mut editing = match msg {
            Some(msg) => run_effects(&runner, step(&mut model, epoch_seconds(), msg)),
            None => Vec::new(),
        };
        // Apply everything already queued — answers and the terminal's events alike, so a burst
        // of keys or a long paste is handled whole, in order, before the next wait — then draw
        // once.
        loop {
            let msg = if let Ok(msg) = rx.try_recv() {
                Some(msg)
            } else {
                match events.try_next() {
                    Some(Ok(event)) => keymap::to_msg(&model, &event),
                    Some(Err(e)) => return Err(e.into()),
                    None => break,
                }
            };
            if let Some(msg) = msg {
                editing.extend(run_effects(&runner, step(&mut model, epoch_seconds(), msg)));
            }
        }
        for (req, text) in editing {
            // The editor gets the terminal, and the keys: the reader is parked meanwhile (it
            // would take the editor's keystrokes).
            events.pause();
            restore_terminal();
            let edited = crate::editor::edit(&text);
            // The terminal taken back: raw mode and the alternate screen again, the screen
            // cleared, and a new ratatui terminal (fresh buffers, so the next frame is drawn
            // whole). Not `Terminal::clear`: it asks the terminal for the cursor position, which
            // times out here while the old event reader winds down.
            crossterm::terminal::enable_raw_mode()?;
            execute!(
                std::io::stdout(),
                crossterm::terminal::EnterAlternateScreen,
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
                EnableMouseCapture
            )?;
            terminal =
                ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
            events.resume();
            let response = crate::app::Response::Edited(edited);
            // Another editor session asked for by the answer waits for its key.
            let _ = run_effects(
                &runner,
                step(&mut model, epoch_seconds(), Msg::Response { req, response }),
            );
        }
        if !model.quitting {
            terminal.draw(|frame| view(&model, frame))?;
        }
    }
    // Writes still on their way when the console quits have an unknown outcome: journaled as
    // such now, so the journal has a line for every write sent.
    runner.journal_unanswered();
    Ok(ended)
}

/// Starts the effects; the editor sessions asked for are returned, to run with the terminal.
fn run_effects(runner: &Runner, effects: Vec<Effect>) -> Vec<(crate::app::RequestId, String)> {
    let mut editing = Vec::new();
    for effect in effects {
        match effect {
            Effect::CopyToClipboard(text) => copy_to_clipboard(&text),
            Effect::EditInEditor { req, text } => editing.push((req, text)),
            Effect::Quit => {}
            request => runner.spawn(request),
        }
    }
    editing
}

/// SIGTERM and SIGHUP end the console like `q` does (SIGINT arrives as Ctrl-C in raw mode).
fn terminate_signal() -> mpsc::UnboundedReceiver<i32> {
    let (tx, rx) = mpsc::unbounded_channel();
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
        ) else {
            return;
        };
        // The signal's number, for the conventional exit status 128 + n.
        let number = tokio::select! {
            _ = term.recv() => 15,
            _ = hup.recv() => 1,
        };
        let _ = tx.send(number);
    });
    #[cfg(not(unix))]
    drop(tx);
    rx
}
