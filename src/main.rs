//! The `cognito-tui` binary: parse the command line, run, and report errors without panicking.

fn main() -> color_eyre::Result<()> {
    color_eyre::install()?;
    let cli = cognito_tui::cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(cognito_tui::run(cli))
}
