//! Stopping on a signal from outside the interview (`kill -TERM`, `-HUP`, `-INT`, or Ctrl-C
//! between two prompts): the terminal is put back as it was (line editing, echo, the cursor),
//! what the session has to say on stopping is said (where its answers are saved), and etika
//! exits 128 + the signal's number (130, 143, 129), as README's "Exit codes" says.
//!
//! The signals are taken on a thread of their own, never in a signal handler, so restoring
//! the terminal and writing the message are ordinary code.

use std::sync::Mutex;

/// What to do when stopped by a signal: set by the session as it saves.
type OnStop = Box<dyn Fn() + Send>;

static ON_STOP: Mutex<Option<OnStop>> = Mutex::new(None);

/// The interview asks in plain lines: stopping sends the terminal no control codes.
static PLAIN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Say that the interview asks in plain lines (see `interview::Plain`).
pub fn plain() {
    PLAIN.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// From now on, a signal stops etika as described above; called once an interview is about
/// to begin. Calling it again does nothing.
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            // Without a handler, the signals keep their default action: no worse than before.
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                stop(signal);
            }
        });
    });
}

/// Set what a signal says and does on stopping (replacing what was set before).
pub fn on_stop(f: impl Fn() + Send + 'static) {
    if let Ok(mut slot) = ON_STOP.lock() {
        *slot = Some(Box::new(f));
    }
}

fn stop(signal: i32) -> ! {
    use std::io::Write as _;
    // The prompt in raw mode is left as the terminal was before it; the cursor shown again.
    let _ = crossterm::terminal::disable_raw_mode();
    let mut err = std::io::stderr();
    if std::io::IsTerminal::is_terminal(&err) && !PLAIN.load(std::sync::atomic::Ordering::Relaxed) {
        let _ = crossterm::execute!(
            err,
            crossterm::cursor::Show,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::FromCursorDown)
        );
    }
    let _ = writeln!(err);
    if let Ok(slot) = ON_STOP.lock()
        && let Some(f) = slot.as_ref()
    {
        f();
    }
    std::process::exit(128 + signal);
}
