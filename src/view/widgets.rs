//! Small drawing helpers shared by screens and overlays.

use ratatui::layout::Rect;
use tui_input::Input;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// Splits `text` into lines of at most `width` display columns (at least 10), at spaces; a word
/// longer than a line (an ARN) is cut where the line ends.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line);
    lines
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
        let w = c.width().unwrap_or(0);
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

/// Cuts `text` to its last `width` display columns, starting with `…` when cut (for ARNs and
/// ids, whose end tells them apart).
pub fn truncate_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut tail = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        tail.push(c);
        used += w;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// The part of a text input that fits in `width` columns with its cursor in view (scrolled
/// sideways as the cursor moves), and the cursor's column within that part.
pub fn input_window(input: &Input, width: usize) -> (String, usize) {
    // One column stays free for the cursor after the last character.
    let room = width.saturating_sub(1).max(1);
    let scroll = input.visual_scroll(room);
    let mut skipped = 0;
    let mut used = 0;
    let mut shown = String::new();
    for c in input.value().chars() {
        let w = c.width().unwrap_or(0);
        if skipped < scroll {
            skipped += w;
            continue;
        }
        if used + w > room {
            break;
        }
        shown.push(c);
        used += w;
    }
    // Counted from what was really skipped (a wide character straddling the scroll point would be
    // skipped whole), not from `scroll`.
    (shown, input.visual_cursor().saturating_sub(skipped))
}

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The spinner's frame at time `now`: it follows the clock, so it turns at the same speed however
/// many messages arrive.
pub fn spinner(now: Option<f64>) -> &'static str {
    let step = (now.unwrap_or(0.0) * 8.0) as usize;
    SPINNER[step % SPINNER.len()]
}

/// A count with thousands separators (`100,000`).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
        assert_eq!(truncate_start("arn:aws:iam::1:role/x", 8), "…:role/x");
        assert_eq!(truncate_start("short", 8), "short");
    }

    #[test]
    fn an_input_window_keeps_the_cursor_in_view() {
        let input = Input::new("abcdefghij".into());
        let (shown, cursor) = input_window(&input, 5);
        assert_eq!(
            (shown.as_str(), cursor),
            ("ghij", 4),
            "the end, cursor after it"
        );
        let input = input.with_cursor(0);
        let (shown, cursor) = input_window(&input, 5);
        assert_eq!((shown.as_str(), cursor), ("abcd", 0), "the start");
        let (shown, cursor) = input_window(&Input::new("abc".into()), 10);
        assert_eq!((shown.as_str(), cursor), ("abc", 3), "short text is whole");
        // Wide characters: the cursor still sits right after the last one shown.
        let input = Input::new("日本語のテキスト".into());
        // 16 columns in 7 (8 less the cursor's column): scrolled to a character boundary.
        let (shown, cursor) = input_window(&input, 8);
        assert!(shown.width() <= 7, "{shown}");
        assert_eq!(cursor, shown.width(), "{shown}");
        assert!(shown.ends_with('ト'), "{shown}");
    }

    #[test]
    fn centering_never_leaves_the_area() {
        let area = Rect::new(0, 0, 10, 5);
        assert_eq!(centered(area, 50, 50), area);
        assert_eq!(centered(area, 4, 1), Rect::new(3, 2, 4, 1));
    }
}
