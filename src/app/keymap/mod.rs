//! The key table: one list of bindings per context drives the keymap, the footer hints and the help
//! overlay, so the three never disagree.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::model::{Connection, Overlay, Tab};
use super::{Action, Model, Msg};

/// One key binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that trigger it.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in hints ("⏎", "j/k").
    pub label: &'static str,
    /// What it does, in a word or two.
    pub help: &'static str,
    /// The action it sends.
    pub action: Action,
    /// Whether it appears in the footer (all appear in help).
    pub hint: bool,
    /// Whether it changes something (refused in read-only mode).
    pub mutates: bool,
}

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The Pools list.
    PoolList,
    /// A pool's summary.
    PoolSummary,
    /// Typing the Pools filter.
    PoolFilter,
    /// A tab that is not built yet.
    OtherTab,
    /// The identity table.
    IdentityList,
    /// Typing the identity filter.
    IdentityFilter,
    /// An identity's details, or a lookup's answer.
    IdentityPanel,
    /// Typing a developer user identifier.
    IdentityLookupInput,
    /// Confirming an identity deletion.
    IdentityConfirm,
    /// A deletion running.
    IdentityDeleting,
    /// A deletion's report.
    IdentityReport,
    /// Wizard: a checkbox, choice, picker field or button is focused.
    WizardForm,
    /// Wizard: a text field is focused (typing goes into it).
    WizardText,
    /// Wizard: Review.
    WizardReview,
    /// Wizard: picking from a list (typing filters it).
    WizardPicker,
    /// Wizard: a new role's policy documents.
    WizardPolicy,
    /// Wizard: leave or resume question.
    WizardDialog,
    /// Wizard: creating (or undoing).
    WizardRunning,
    /// Wizard: a creation call failed.
    WizardFailed,
    /// Wizard: undo finished.
    WizardUndone,
    /// Connecting, or could not connect.
    Setup,
    /// The help overlay.
    Help,
    /// The errors overlay.
    Errors,
    /// The `:` command line.
    Command,
    /// The typed-name delete confirmation.
    ConfirmDelete,
    /// The quit confirmation.
    ConfirmQuit,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn b(
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    help: &'static str,
    action: Action,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        label,
        help,
        action,
        hint,
        mutates: false,
    }
}

const fn mutating(binding: Binding) -> Binding {
    Binding {
        mutates: true,
        ..binding
    }
}

// One binding per line reads as a table; rustfmt would spread each over six.
#[rustfmt::skip]
const GLOBAL: &[Binding] = &[
    b(&[(KeyCode::Char('1'), NONE)], "1", "Pools tab", Action::GoTab(Tab::Pools), false),
    b(&[(KeyCode::Char('2'), NONE)], "2", "User access tab", Action::GoTab(Tab::UserAccess), false),
    b(&[(KeyCode::Char('3'), NONE)], "3", "Identity browser tab", Action::GoTab(Tab::Identities), false),
    b(&[(KeyCode::Char('4'), NONE)], "4", "Role settings tab", Action::GoTab(Tab::Roles), false),
    b(&[(KeyCode::Tab, NONE)], "Tab", "next tab", Action::NextTab, false),
    b(&[(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)], "Shift-Tab", "previous tab", Action::PrevTab, false),
    b(&[(KeyCode::Char('r'), CTRL)], "Ctrl-r", "refresh", Action::Refresh, false),
    b(&[(KeyCode::Char(':'), NONE)], ":", "command line", Action::Command, false),
    b(&[(KeyCode::Char('?'), NONE)], "?", "help", Action::Help, true),
    b(&[(KeyCode::Char('q'), NONE)], "q", "quit", Action::Quit, true),
];

#[rustfmt::skip]
const LIST_MOVES: [Binding; 6] = [
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "down", Action::Down, false),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "up", Action::Up, false),
    b(&[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)], "g/Home", "top", Action::Top, false),
    b(&[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)], "G/End", "bottom", Action::Bottom, false),
    b(&[(KeyCode::PageUp, NONE)], "PgUp", "page up", Action::PageUp, false),
    b(&[(KeyCode::PageDown, NONE)], "PgDn", "page down", Action::PageDown, false),
];

const DELETE: Binding = mutating(b(
    &[(KeyCode::Char('d'), NONE)],
    "d",
    "delete",
    Action::Delete,
    true,
));
const REFRESH: Binding = b(
    &[(KeyCode::Char('r'), NONE)],
    "r",
    "refresh",
    Action::Refresh,
    true,
);
const COPY_ID: Binding = b(
    &[(KeyCode::Char('y'), NONE)],
    "y",
    "copy id",
    Action::CopyId,
    true,
);
const ENTER: (KeyCode, KeyModifiers) = (KeyCode::Enter, NONE);
const ESC: (KeyCode, KeyModifiers) = (KeyCode::Esc, NONE);

#[rustfmt::skip]
const POOL_LIST: &[Binding] = &[
    mutating(b(&[(KeyCode::Char('n'), NONE)], "n", "new", Action::New, true)),
    b(&[ENTER], "⏎", "open", Action::Open, true),
    DELETE,
    REFRESH,
    b(&[(KeyCode::Char('/'), NONE)], "/", "filter", Action::Filter, true),
    COPY_ID,
    b(&[ESC], "Esc", "clear filter", Action::Back, false),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
const POOL_SUMMARY: &[Binding] = &[
    b(&[ESC], "Esc", "back to the list", Action::Back, true),
    DELETE,
    REFRESH,
    COPY_ID,
    b(&[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)], "j/↓", "scroll down", Action::Down, false),
    b(&[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)], "k/↑", "scroll up", Action::Up, false),
];

#[rustfmt::skip]
const IDENTITY_LIST: &[Binding] = &[
    b(&[ENTER], "⏎", "open", Action::Open, true),
    b(&[(KeyCode::Char(' '), NONE)], "Space", "mark", Action::Mark, true),
    b(&[(KeyCode::Char('a'), NONE)], "a", "mark all shown", Action::MarkAll, true),
    mutating(b(&[(KeyCode::Char('d'), NONE)], "d", "delete", Action::Delete, true)),
    b(&[(KeyCode::Char('/'), NONE)], "/", "filter", Action::Filter, true),
    b(&[(KeyCode::Char('p'), NONE)], "p", "pause/resume loading", Action::TogglePause, true),
    b(&[(KeyCode::Char('i'), NONE)], "i", "invert marks (shown)", Action::InvertMarks, false),
    b(&[(KeyCode::Char('u'), NONE)], "u", "clear all marks", Action::ClearMarks, false),
    b(&[(KeyCode::Char('h'), NONE)], "h", "hide/show disabled", Action::ToggleHideDisabled, false),
    b(&[(KeyCode::Char('L'), NONE)], "L", "look up developer user", Action::Lookup, false),
    b(&[(KeyCode::Char('r'), NONE)], "r", "reload", Action::Refresh, false),
    COPY_ID,
    b(&[ESC], "Esc", "clear filter", Action::Back, false),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

const CLOSE_ONLY: &[Binding] = &[b(
    &[ESC, (KeyCode::Char('q'), NONE)],
    "Esc",
    "close",
    Action::Back,
    true,
)];

#[rustfmt::skip]
const IDENTITY_REPORT: &[Binding] = &[
    b(&[ESC, ENTER, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
    b(&[(KeyCode::Char('y'), NONE)], "y", "copy failed ids", Action::CopyId, true),
];

#[rustfmt::skip]
const DELETING: &[Binding] = &[
    b(&[ESC, (KeyCode::Char('c'), NONE)], "c/Esc", "cancel (sent batches finish)", Action::Cancel, true),
];

const SETUP: &[Binding] = &[b(
    &[(KeyCode::Char('r'), NONE)],
    "r",
    "try again",
    Action::Refresh,
    true,
)];

#[rustfmt::skip]
const TEXT_LINE: &[Binding] = &[
    b(&[ENTER], "⏎", "apply", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const CLOSE: &[Binding] = &[
    b(&[ESC, (KeyCode::Char('q'), NONE)], "Esc", "close", Action::Back, true),
    b(&[(KeyCode::Char('?'), NONE)], "?", "close", Action::Help, false),
];

const TAB_KEYS: &[(KeyCode, KeyModifiers)] = &[
    (KeyCode::Tab, NONE),
    (KeyCode::BackTab, SHIFT),
    (KeyCode::BackTab, NONE),
];
const TAB_AND_ARROWS: &[(KeyCode, KeyModifiers)] = &[
    (KeyCode::Tab, NONE),
    (KeyCode::BackTab, SHIFT),
    (KeyCode::BackTab, NONE),
    (KeyCode::Left, NONE),
    (KeyCode::Right, NONE),
    (KeyCode::Char('h'), NONE),
    (KeyCode::Char('l'), NONE),
];

// In the delete dialog ←/→ move the cursor in the name field, so only Tab switches buttons.
#[rustfmt::skip]
const CONFIRM_DELETE: &[Binding] = &[
    b(TAB_KEYS, "Tab", "switch button", Action::FocusNext, true),
    b(&[ENTER], "⏎", "press button", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

#[rustfmt::skip]
const CONFIRM: &[Binding] = &[
    b(TAB_AND_ARROWS, "Tab ←/→", "switch button", Action::FocusNext, true),
    b(&[ENTER], "⏎", "press button", Action::Submit, true),
    b(&[ESC], "Esc", "cancel", Action::Back, true),
];

mod wizard;

use wizard::{
    WIZARD_DIALOG, WIZARD_FAILED, WIZARD_FORM, WIZARD_PICKER, WIZARD_POLICY, WIZARD_REVIEW,
    WIZARD_RUNNING, WIZARD_TEXT, WIZARD_UNDONE, wizard_context,
};

impl Context {
    /// The context's name in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::PoolList => "Pools list",
            Context::PoolSummary => "Pool summary",
            Context::PoolFilter => "Typing a filter",
            Context::OtherTab => "This tab",
            Context::IdentityList => "Identity browser",
            Context::IdentityFilter => "Typing a filter",
            Context::IdentityPanel => "Identity details",
            Context::IdentityLookupInput => "Developer user lookup",
            Context::IdentityConfirm => "Delete confirmation",
            Context::IdentityDeleting => "Deleting",
            Context::IdentityReport => "Deletion report",
            Context::WizardForm => "Create wizard",
            Context::WizardText => "Create wizard: typing",
            Context::WizardReview => "Create wizard: review",
            Context::WizardPicker => "Create wizard: picking",
            Context::WizardPolicy => "Create wizard: policy documents",
            Context::WizardDialog => "Create wizard: question",
            Context::WizardRunning => "Create wizard: creating",
            Context::WizardFailed => "Create wizard: a call failed",
            Context::WizardUndone => "Create wizard: undone",
            Context::Setup => "Not connected",
            Context::Help => "Help",
            Context::Errors => "Recent errors",
            Context::Command => "Command line",
            Context::ConfirmDelete => "Delete confirmation",
            Context::ConfirmQuit => "Quit confirmation",
        }
    }
}

/// Where keys go now.
pub fn context(model: &Model) -> Context {
    match &model.overlay {
        Some(Overlay::Help) => return Context::Help,
        Some(Overlay::Errors) => return Context::Errors,
        Some(Overlay::Command(_)) => return Context::Command,
        Some(Overlay::ConfirmDelete { .. }) => return Context::ConfirmDelete,
        Some(Overlay::ConfirmQuit { .. }) => return Context::ConfirmQuit,
        None => {}
    }
    context_below_overlay(model)
}

/// Where keys would go if no overlay were open (what the help overlay describes).
pub fn context_below_overlay(model: &Model) -> Context {
    if !matches!(model.connection, Connection::Ready(_)) {
        return Context::Setup;
    }
    match model.tab {
        Tab::Pools if model.wizard.is_some() => model
            .wizard
            .as_deref()
            .map_or(Context::PoolList, wizard_context),
        Tab::Pools if model.pools.filter_editing => Context::PoolFilter,
        Tab::Pools if model.pools.open.is_some() => Context::PoolSummary,
        Tab::Pools => Context::PoolList,
        Tab::Identities if model.current_pool.is_some() => identity_context(&model.identities),
        _ => Context::OtherTab,
    }
}

fn identity_context(state: &crate::screens::identities::IdentitiesState) -> Context {
    use crate::screens::identities::Panel;
    if state.deletion.is_some() {
        return Context::IdentityDeleting;
    }
    match &state.panel {
        Some(Panel::Detail(_) | Panel::LookupResult { .. }) => Context::IdentityPanel,
        Some(Panel::LookupInput(_)) => Context::IdentityLookupInput,
        Some(Panel::ConfirmDelete { .. }) => Context::IdentityConfirm,
        Some(Panel::Report(_)) => Context::IdentityReport,
        None if state.filter_editing => Context::IdentityFilter,
        None => Context::IdentityList,
    }
}

/// The keys that work on every screen.
pub fn global_bindings() -> &'static [Binding] {
    GLOBAL
}

/// The context's own bindings (without the global ones).
pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::PoolList => POOL_LIST,
        Context::PoolSummary => POOL_SUMMARY,
        Context::Setup => SETUP,
        Context::OtherTab => &[],
        Context::IdentityList => IDENTITY_LIST,
        Context::IdentityFilter | Context::IdentityLookupInput => TEXT_LINE,
        Context::IdentityPanel => CLOSE_ONLY,
        Context::IdentityConfirm => CONFIRM_DELETE,
        Context::IdentityDeleting => DELETING,
        Context::IdentityReport => IDENTITY_REPORT,
        Context::PoolFilter | Context::Command => TEXT_LINE,
        Context::Help | Context::Errors => CLOSE,
        Context::ConfirmDelete => CONFIRM_DELETE,
        Context::ConfirmQuit => CONFIRM,
        Context::WizardForm => WIZARD_FORM,
        Context::WizardText => WIZARD_TEXT,
        Context::WizardReview => WIZARD_REVIEW,
        Context::WizardPicker => WIZARD_PICKER,
        Context::WizardPolicy => WIZARD_POLICY,
        Context::WizardDialog => WIZARD_DIALOG,
        Context::WizardRunning => WIZARD_RUNNING,
        Context::WizardFailed => WIZARD_FAILED,
        Context::WizardUndone => WIZARD_UNDONE,
    }
}

/// Whether the global keys (tabs, help, quit…) apply in this context.
pub fn takes_global_keys(context: Context) -> bool {
    matches!(
        context,
        Context::PoolList
            | Context::PoolSummary
            | Context::OtherTab
            | Context::Setup
            | Context::IdentityList
    )
}

/// Whether typed characters go to a text field in this context.
fn is_text_entry(context: Context) -> bool {
    matches!(
        context,
        Context::PoolFilter
            | Context::Command
            | Context::ConfirmDelete
            | Context::IdentityFilter
            | Context::IdentityLookupInput
            | Context::IdentityConfirm
            | Context::WizardText
            | Context::WizardPicker
    )
}

/// Every binding that applies now, the context's first.
pub fn active_bindings(model: &Model) -> Vec<Binding> {
    let context = context(model);
    let mut out = bindings(context).to_vec();
    if takes_global_keys(context) {
        out.extend_from_slice(GLOBAL);
    }
    out
}

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    binding.keys.iter().any(|&(code, mods)| {
        // Letters arrive with SHIFT when upper case; the character already says so.
        let pressed = if matches!(key.code, KeyCode::Char(_)) {
            key.modifiers - KeyModifiers::SHIFT
        } else {
            key.modifiers
        };
        code == key.code && (mods == pressed || (code == KeyCode::BackTab && mods == NONE))
    })
}

/// Turns a terminal event into a message, given where the keys go.
pub fn to_msg(model: &Model, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if key.code == KeyCode::Char('c') && key.modifiers.contains(CTRL) {
                return Some(Msg::Action(Action::ForceQuit));
            }
            let context = context(model);
            if let Some(binding) = active_bindings(model).iter().find(|b| matches(b, key)) {
                return Some(Msg::Action(binding.action));
            }
            if is_text_entry(context) {
                return tui_input::backend::crossterm::to_input_request(event).map(Msg::Input);
            }
            None
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(_) => Some(Msg::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-3)),
            MouseEventKind::ScrollDown => Some(Msg::Scroll(3)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Msg::Resize(*width, *height)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Options;
    use crate::app::model::Session;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, NONE))
    }

    fn ready() -> Model {
        let mut model = Model::new(Options::default(), (100, 30));
        model.connection = Connection::Ready(Session {
            profile: "default".into(),
            region: "us-east-1".into(),
            endpoint: "AWS".into(),
            sandbox: false,
        });
        model
    }

    #[test]
    fn list_keys_map_to_actions() {
        let model = ready();
        assert_eq!(
            to_msg(&model, &key(KeyCode::Char('j'))),
            Some(Msg::Action(Action::Down))
        );
        assert_eq!(
            to_msg(&model, &key(KeyCode::PageDown)),
            Some(Msg::Action(Action::PageDown))
        );
        assert_eq!(
            to_msg(
                &model,
                &Event::Key(KeyEvent::new(KeyCode::Char('G'), SHIFT))
            ),
            Some(Msg::Action(Action::Bottom))
        );
        assert_eq!(
            to_msg(&model, &key(KeyCode::Char('3'))),
            Some(Msg::Action(Action::GoTab(Tab::Identities)))
        );
        assert_eq!(to_msg(&model, &key(KeyCode::Char('x'))), None);
    }

    #[test]
    fn typing_goes_to_the_filter_not_to_the_keys() {
        let mut model = ready();
        model.pools.filter_editing = true;
        assert!(matches!(
            to_msg(&model, &key(KeyCode::Char('q'))),
            Some(Msg::Input(_))
        ));
        assert!(matches!(
            to_msg(&model, &key(KeyCode::Char('d'))),
            Some(Msg::Input(_))
        ));
        assert_eq!(
            to_msg(&model, &key(KeyCode::Esc)),
            Some(Msg::Action(Action::Back))
        );
        assert_eq!(
            to_msg(&model, &Event::Key(KeyEvent::new(KeyCode::Char('c'), CTRL))),
            Some(Msg::Action(Action::ForceQuit))
        );
    }

    #[test]
    fn every_hint_is_a_binding_of_its_context() {
        let model = ready();
        let bindings = active_bindings(&model);
        let hints: Vec<&str> = bindings.iter().filter(|b| b.hint).map(|b| b.help).collect();
        assert_eq!(
            hints,
            vec![
                "new", "open", "delete", "refresh", "filter", "copy id", "help", "quit"
            ]
        );
    }
}
