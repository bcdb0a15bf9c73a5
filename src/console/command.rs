//! The `:` command line: parsing what was typed into a command.

use crate::app::Tab;

/// A command typed after `:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show a tab (`:pools`, `:access`, `:identities`, `:roles`).
    Tab(Tab),
    /// Switch region, rebuilding the clients.
    Region(String),
    /// Every region's pools at once (`:region all`).
    AllRegions,
    /// The journal of the writes made from the console.
    Journal,
    /// What the console holds of the service, and how fresh it is.
    Store,
    /// Switch profile, rebuilding the clients.
    Profile(String),
    /// List recent errors.
    Errors,
    /// Test access on the current pool.
    Test,
    /// Open a pool by id or ARN, switching region as needed.
    Open(String),
    /// The security report of the region.
    Doctor,
    /// Show the keys.
    Help,
    /// Quit.
    Quit,
}

/// What the command line accepts, for error messages and help.
pub const COMMANDS: &str = ":pools :access :identities :roles :open POOL :region NAME|all :profile NAME :test :doctor :journal :store :errors :help :q";

/// The commands, a line per group, for the help overlay.
pub const COMMANDS_HELP: &[&str] = &[
    ":pools :access :identities :roles",
    ":region NAME    switch region",
    ":region all     every region's pools at once",
    ":profile NAME   switch profile",
    ":open POOL      a pool by id or ARN",
    ":test           test access on the current pool",
    ":doctor         the region's security report",
    ":journal        the writes made from here",
    ":store          what was read, how fresh",
    ":errors         recent errors",
    ":help  :q",
];

/// Parses a command line (without the leading `:`).
pub fn parse(line: &str) -> Result<Command, String> {
    let mut words = line.split_whitespace();
    let Some(verb) = words.next() else {
        return Err(format!("Type a command: {COMMANDS}"));
    };
    let arg = words.next();
    if words.next().is_some() {
        return Err(format!(":{verb} takes at most one argument"));
    }
    let no_arg = |command: Command| match arg {
        None => Ok(command),
        Some(_) => Err(format!(":{verb} takes no argument")),
    };
    match verb {
        "pools" | "pool" | "1" => no_arg(Command::Tab(Tab::Pools)),
        "access" | "user-access" | "2" => no_arg(Command::Tab(Tab::UserAccess)),
        "identities" | "ids" | "3" => no_arg(Command::Tab(Tab::Identities)),
        "roles" | "4" => no_arg(Command::Tab(Tab::Roles)),
        "errors" | "err" => no_arg(Command::Errors),
        "test" | "test-access" => no_arg(Command::Test),
        "doctor" => no_arg(Command::Doctor),
        "help" | "h" => no_arg(Command::Help),
        "q" | "quit" | "q!" => no_arg(Command::Quit),
        "journal" => no_arg(Command::Journal),
        "store" | "held" => no_arg(Command::Store),
        "region" => match arg {
            Some("all") => Ok(Command::AllRegions),
            Some(region) if is_region_name(region) => Ok(Command::Region(region.to_string())),
            Some(region) => Err(format!(
                "\"{region}\" is not a region name (like us-east-1 or eu-west-1)"
            )),
            None => Err(":region needs a region name, e.g. :region eu-west-1".into()),
        },
        "open" => match arg {
            Some(pool) => crate::domain::pool_ref::parse(pool).map(Command::Open),
            None => Err(":open needs a pool id or ARN, e.g. :open us-east-1:1a2b3c4d-…".into()),
        },
        "profile" => match arg {
            Some(profile) => Ok(Command::Profile(profile.to_string())),
            None => Err(":profile needs a profile name, e.g. :profile prod".into()),
        },
        _ => Err(format!("Unknown command :{verb}; try {COMMANDS}")),
    }
}

use crate::domain::pool_ref::is_region_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_commands() {
        assert_eq!(parse("pools"), Ok(Command::Tab(Tab::Pools)));
        assert_eq!(
            parse(" region  eu-west-1 "),
            Ok(Command::Region("eu-west-1".into()))
        );
        assert_eq!(
            parse("region us-gov-west-1"),
            Ok(Command::Region("us-gov-west-1".into()))
        );
        assert_eq!(parse("profile prod"), Ok(Command::Profile("prod".into())));
        assert_eq!(parse("errors"), Ok(Command::Errors));
        assert_eq!(parse("q"), Ok(Command::Quit));
    }

    #[test]
    fn explains_what_is_wrong() {
        assert!(
            parse("region")
                .err()
                .unwrap_or_default()
                .contains("needs a region name")
        );
        assert!(
            parse("region Europe")
                .err()
                .unwrap_or_default()
                .contains("not a region name")
        );
        assert!(
            parse("frob")
                .err()
                .unwrap_or_default()
                .contains(":region NAME")
        );
        assert!(
            parse("pools now")
                .err()
                .unwrap_or_default()
                .contains("takes no argument")
        );
        assert!(parse("").is_err());
    }
}
