//! How the export view reacts: it reads the pool (again with roles when asked), switches
//! formats, scrolls, copies, and writes the text to a file — never over an existing one without
//! a second ⏎.

use std::path::PathBuf;

use super::msg::Action;
use super::state::{ExportView, Read, Writing};
use crate::app::Level;
use crate::app::cover::{Covering, OnPool};
use crate::app::{Ctx, Effect, Event, RequestId, Response};
use crate::export::{Format, render};

type Cx<'a> = crate::app::Cx<'a, ExportView>;

/// The rows the code gets at this terminal size (the rest is the frame, chooser and notes).
pub fn code_rows(size: (u16, u16)) -> usize {
    usize::from(size.1).saturating_sub(12).max(1)
}

impl Covering for ExportView {
    type Open = OnPool;
    type Action = Action;
    type Kept = ();

    fn open(open: OnPool, ctx: &Ctx) -> Self {
        ExportView::new(open.pool_id, open.name, ctx.next_req)
    }

    fn start(cx: &mut Cx) -> Vec<Effect> {
        read(cx)
    }

    fn on_action(cx: &mut Cx, action: Action, _: &mut ()) -> (Vec<Effect>, bool) {
        let mut close = false;
        let effects = on_action(cx, action, &mut close);
        (effects, close)
    }

    fn on_input(cx: &mut Cx, request: tui_input::InputRequest) {
        if let Some(writing) = cx.state.writing.as_mut() {
            writing.path.handle(request);
            writing.confirm_replace = false;
            writing.problem = None;
        }
    }

    fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
        on_response(cx, req, response)
    }
}

fn read(cx: &mut Cx) -> Vec<Effect> {
    let req = cx.start_request("ReadExport", false);
    cx.state.read = Read::Reading(req);
    vec![Effect::ReadExport {
        req,
        pool_id: cx.state.pool_id.clone(),
        include_roles: cx.state.include_roles,
    }]
}

fn on_action(cx: &mut Cx, action: Action, close: &mut bool) -> Vec<Effect> {
    let page = code_rows(cx.ctx.size);
    let last = cx.state.line_count().saturating_sub(page);
    let view = &mut *cx.state;
    match action {
        Action::Help => cx.emit(Event::ShowHelp),
        Action::NextFormat | Action::PreviousFormat => {
            let at = Format::ALL
                .iter()
                .position(|f| *f == view.format)
                .unwrap_or(0);
            let step = if action == Action::NextFormat {
                1
            } else {
                Format::ALL.len() - 1
            };
            view.format = Format::ALL[(at + step) % Format::ALL.len()];
            view.rerender();
        }
        Action::ToggleRoles => {
            view.include_roles = !view.include_roles;
            return read(cx);
        }
        Action::Refresh => return read(cx),
        Action::Down => view.scroll = (view.scroll + 1).min(last),
        Action::Up => view.scroll = view.scroll.saturating_sub(1),
        Action::PageDown => view.scroll = (view.scroll + page).min(last),
        Action::PageUp => view.scroll = view.scroll.saturating_sub(page),
        Action::Top => view.scroll = 0,
        Action::Bottom => view.scroll = last,
        Action::Copy => {
            let Some(rendered) = view.rendered() else {
                cx.notify(Level::Info, "Nothing to copy yet: the pool is being read");
                return Vec::new();
            };
            let (text, lines) = (rendered.text.clone(), rendered.text.lines().count());
            cx.notify(
                Level::Success,
                format!(
                    "Copied the {} export ({lines} lines)",
                    cx.state.format.title()
                ),
            );
            return vec![Effect::CopyToClipboard(text)];
        }
        Action::Write => {
            if view.rendered().is_none() {
                cx.notify(Level::Info, "Nothing to write yet: the pool is being read");
                return Vec::new();
            }
            let name = format!("{}-{}", view.pool_name, view.format.file_name());
            view.writing = Some(Writing {
                path: tui_input::Input::new(name),
                ..Writing::default()
            });
        }
        Action::Submit => return submit(cx),
        Action::Back => {
            if view.writing.take().is_none() {
                *close = true;
            }
        }
    }
    Vec::new()
}

/// ⏎ in the prompt: write to a new file, or replace the one that exists when asked twice.
fn submit(cx: &mut Cx) -> Vec<Effect> {
    let text = match cx.state.rendered() {
        Some(rendered) => rendered.text.clone(),
        None => return Vec::new(),
    };
    let Some(writing) = cx.state.writing.as_mut() else {
        return Vec::new();
    };
    if writing.req.is_some() {
        return Vec::new();
    }
    let path = writing.path.value().trim().to_string();
    if path.is_empty() {
        writing.problem = Some(
            "Type a file name (relative to the directory the console started in, or absolute)."
                .into(),
        );
        return Vec::new();
    }
    let replace = writing.confirm_replace;
    let req = cx.start_request("WriteFile", false);
    if let Some(writing) = cx.state.writing.as_mut() {
        writing.req = Some(req);
    }
    vec![Effect::WriteFile {
        req,
        path: PathBuf::from(path),
        text,
        replace,
    }]
}

fn on_response(cx: &mut Cx, req: RequestId, response: Response) -> Vec<Effect> {
    match response {
        Response::Export(result) => {
            if cx.state.read != Read::Reading(req) {
                return Vec::new();
            }
            cx.state.read = match result {
                Ok(export) => {
                    let rendered = render(cx.state.format, &export);
                    Read::Done(export, rendered)
                }
                Err(error) => {
                    cx.emit(Event::Record {
                        operation: "Export".into(),
                        error: error.clone(),
                    });
                    Read::Failed(error)
                }
            };
            cx.state.scroll = 0;
        }
        Response::FileWritten(result) => {
            let Some(writing) = cx.state.writing.as_mut() else {
                return Vec::new();
            };
            if writing.req != Some(req) {
                return Vec::new();
            }
            writing.req = None;
            match result {
                Ok(path) => {
                    let lines = cx.state.line_count();
                    cx.state.writing = None;
                    cx.notify(
                        Level::Success,
                        format!("Wrote {} ({lines} lines)", path.display()),
                    );
                }
                Err(error) if error.exists => {
                    writing.confirm_replace = true;
                    writing.problem = Some(format!(
                        "{} exists: ⏎ replaces it, or change the name",
                        writing.path.value().trim()
                    ));
                }
                Err(error) => writing.problem = Some(error.message),
            }
        }
        _ => {}
    }
    Vec::new()
}
