//! The `:` command line's memory and help: the commands run before (↑/↓ recall them, newest
//! first) and Tab completion of commands, regions and profiles.

use tui_input::Input;

/// How many commands are remembered.
pub const HISTORY: usize = 100;

/// The commands Tab completes, in the order they are offered.
const VERBS: &[&str] = &[
    "pools",
    "access",
    "identities",
    "roles",
    "region",
    "profile",
    "errors",
    "test",
    "open",
    "doctor",
    "journal",
    "store",
    "help",
    "quit",
];

/// The command line's state that outlives one opening of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandLine {
    /// Commands run, oldest first.
    pub history: Vec<String>,
    /// Which remembered command is shown (an index into `history`), while recalling.
    pub recall: Option<usize>,
    /// What the last Tab could complete to, when it was more than one thing.
    pub candidates: Vec<String>,
}

impl CommandLine {
    /// Remembers a command that was run (not twice in a row), and stops recalling.
    pub fn remember(&mut self, line: &str) {
        let line = line.trim();
        self.recall = None;
        self.candidates.clear();
        if line.is_empty() || self.history.last().is_some_and(|l| l == line) {
            return;
        }
        self.history.push(line.to_string());
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
    }

    /// Forgets where recalling was (the line was closed).
    pub fn close(&mut self) {
        self.recall = None;
        self.candidates.clear();
    }

    /// ↑: the command before the one shown (the newest first).
    pub fn previous(&mut self, input: &mut Input) {
        let index = match self.recall {
            None => self.history.len().checked_sub(1),
            Some(i) => Some(i.saturating_sub(1)),
        };
        if let Some(i) = index {
            self.recall = Some(i);
            *input = Input::new(self.history[i].clone());
        }
    }

    /// ↓: the command after the one shown; past the newest, an empty line.
    pub fn next(&mut self, input: &mut Input) {
        match self.recall {
            Some(i) if i + 1 < self.history.len() => {
                self.recall = Some(i + 1);
                *input = Input::new(self.history[i + 1].clone());
            }
            Some(_) => {
                self.recall = None;
                *input = Input::default();
            }
            None => {}
        }
    }

    /// Tab: completes the word at the end — a command, or `:region`'s region or `:profile`'s
    /// profile — as far as the candidates agree; several left are kept to be shown.
    pub fn complete(&mut self, input: &mut Input, profiles: &[String]) {
        let line = input.value().to_string();
        let (head, word) = match line.rsplit_once(' ') {
            Some((head, word)) => (format!("{head} "), word.to_string()),
            None => (String::new(), line.clone()),
        };
        let verb = head.split_whitespace().next();
        let pool: Vec<String> = match (head.split_whitespace().count(), verb) {
            (0, _) => VERBS.iter().map(|v| v.to_string()).collect(),
            (1, Some("region")) => std::iter::once("all")
                .chain(crate::domain::regions::all())
                .map(String::from)
                .collect(),
            (1, Some("profile")) => profiles.to_vec(),
            _ => Vec::new(),
        };
        let matching: Vec<String> = pool.into_iter().filter(|c| c.starts_with(&word)).collect();
        self.candidates.clear();
        let completed = match matching.as_slice() {
            [] => return,
            [only] => {
                // A verb that takes an argument gets the space before it.
                let space = if head.is_empty() && matches!(only.as_str(), "region" | "profile") {
                    " "
                } else {
                    ""
                };
                format!("{head}{only}{space}")
            }
            several => {
                self.candidates = several.to_vec();
                format!("{head}{}", common_prefix(several))
            }
        };
        *input = Input::new(completed);
    }
}

/// The longest prefix every string shares.
fn common_prefix(strings: &[String]) -> String {
    let Some(first) = strings.first() else {
        return String::new();
    };
    let mut end = first.len();
    for s in &strings[1..] {
        end = first
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(end);
    }
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Input {
        Input::new(text.into())
    }

    #[test]
    fn up_and_down_walk_the_history_newest_first() {
        let mut line = CommandLine::default();
        for command in ["region eu-west-1", "errors", "errors", "roles"] {
            line.remember(command);
        }
        assert_eq!(line.history, vec!["region eu-west-1", "errors", "roles"]);
        let mut input = Input::default();
        line.previous(&mut input);
        assert_eq!(input.value(), "roles");
        line.previous(&mut input);
        line.previous(&mut input);
        line.previous(&mut input);
        assert_eq!(input.value(), "region eu-west-1", "stops at the oldest");
        line.next(&mut input);
        assert_eq!(input.value(), "errors");
        line.next(&mut input);
        line.next(&mut input);
        assert_eq!(input.value(), "", "past the newest: an empty line");
    }

    #[test]
    fn tab_completes_commands_regions_and_profiles() {
        let mut line = CommandLine::default();
        let profiles = vec![
            "prod".to_string(),
            "prod-admin".to_string(),
            "dev".to_string(),
        ];
        let mut input = typed("reg");
        line.complete(&mut input, &profiles);
        assert_eq!(input.value(), "region ");
        let mut input = typed("region eu-w");
        line.complete(&mut input, &profiles);
        assert_eq!(input.value(), "region eu-west-");
        assert_eq!(line.candidates, vec!["eu-west-1", "eu-west-2", "eu-west-3"]);
        let mut input = typed("profile pr");
        line.complete(&mut input, &profiles);
        assert_eq!(input.value(), "profile prod");
        assert_eq!(line.candidates, vec!["prod", "prod-admin"]);
        let mut input = typed("profile d");
        line.complete(&mut input, &profiles);
        assert_eq!(input.value(), "profile dev");
        assert!(line.candidates.is_empty());
        let mut input = typed("zzz");
        line.complete(&mut input, &profiles);
        assert_eq!(input.value(), "zzz", "nothing matches: unchanged");
    }
}
