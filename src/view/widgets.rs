//! Small drawing helpers shared by screens and overlays.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Cuts `text` to `width` display columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads or cuts `text` to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The spinner's frame at time `now`: it follows the clock, so it turns at the same speed however
/// many messages arrive.
pub fn spinner(now: Option<f64>) -> &'static str {
    let step = (now.unwrap_or(0.0) * 8.0) as usize;
    SPINNER[step % SPINNER.len()]
}

/// Masks a secret for display: nothing of it is shown but that it is set.
pub fn mask_secret(secret: &str) -> &'static str {
    if secret.is_empty() {
        ""
    } else {
        "••••••••"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("orders-app", 20), "orders-app");
        assert_eq!(truncate("orders-app", 6), "order…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("x", 0), "");
    }

    #[test]
    fn centering_never_leaves_the_area() {
        let area = Rect::new(0, 0, 10, 5);
        assert_eq!(centered(area, 50, 50), area);
        assert_eq!(centered(area, 4, 1), Rect::new(3, 2, 4, 1));
    }
}
