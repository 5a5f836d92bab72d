//! `lodestar`: the same core, store and export code as the app, for scripts and for people
//! who receive a workshop file. Exit codes: 0 done, 1 the work failed (message on stderr),
//! 2 the command line was wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lodestar_export::{
    canvas_picture, read_workshop_file, render_canvas_png, render_canvas_svg, render_report,
    write_atomically, write_workshop_file, Paper,
};
use lodestar_store::Store;

/// The app's identifier: the CLI uses the same default data folder as the desktop app.
const APP_IDENTIFIER: &str = "app.lodestar.desktop";

#[derive(Parser)]
#[command(
    name = "lodestar",
    version,
    about = "Lodestar North Star workshops from the command line"
)]
struct Cli {
    /// The folder holding lodestar.db (default: the app's data folder; or LODESTAR_DATA_DIR)
    #[arg(long, global = true, env = "LODESTAR_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the workshops in the store, newest change first
    List,
    /// Import a workshop file (.json) as a new workshop
    Import {
        /// The workshop file to import
        file: PathBuf,
    },
    /// Export a workshop to a workshop file (.json)
    Export {
        /// The workshop's id (see `lodestar list`)
        id: String,
        /// Where to write the file
        #[arg(short, long, value_name = "FILE.json")]
        output: PathBuf,
    },
    /// Typeset the PDF report of a workshop file
    Report {
        /// The workshop file (.json) to report on
        file: PathBuf,
        /// Where to write the PDF
        #[arg(short, long, value_name = "FILE.pdf")]
        output: PathBuf,
        /// Paper size
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
    },
    /// Draw the canvas of a workshop file as a picture (.png or .svg, from the output's name)
    Picture {
        /// The workshop file (.json) whose canvas to draw
        file: PathBuf,
        /// Where to write the picture: a name ending in .png or .svg
        #[arg(short, long, value_name = "FILE.png|FILE.svg")]
        output: PathBuf,
        /// Pixels per canvas unit in a PNG
        #[arg(long, default_value_t = 2.0)]
        scale: f64,
    },
    /// Print the JSON Schema of workshop files
    Schema,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Paper {
        match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lodestar: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Schema => {
            print!("{}", lodestar_export::workshop_file_schema());
            Ok(())
        }
        Command::List => {
            let store = open_store(cli.data_dir)?;
            let workshops = store.list_workshops().map_err(|e| e.to_string())?;
            if workshops.is_empty() {
                println!("No workshops yet.");
            }
            for w in workshops {
                let details = [w.organisation.as_str(), w.date.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                println!(
                    "{}\t{}\t{}\t{}",
                    w.id,
                    w.title,
                    details,
                    w.current_step.title()
                );
            }
            Ok(())
        }
        Command::Import { file } => {
            let bytes = read(&file)?;
            let parsed = read_workshop_file(&bytes)
                .map_err(|e| format!("{} cannot be imported: {e}", file.display()))?;
            let mut store = open_store(cli.data_dir)?;
            let workshop = store
                .import_workshop(&parsed, now())
                .map_err(|e| e.to_string())?;
            println!("{}", workshop.id);
            eprintln!("Imported “{}”.", workshop.title);
            Ok(())
        }
        Command::Report {
            file,
            output,
            paper,
        } => {
            let bytes = read(&file)?;
            let parsed = read_workshop_file(&bytes)
                .map_err(|e| format!("{} cannot be read: {e}", file.display()))?;
            let pdf = render_report(&parsed, paper.into()).map_err(|e| e.to_string())?;
            write_atomically(&output, &pdf).map_err(|e| e.to_string())?;
            eprintln!("Wrote {}.", output.display());
            Ok(())
        }
        Command::Picture {
            file,
            output,
            scale,
        } => {
            let extension = output
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let bytes = read(&file)?;
            let parsed = read_workshop_file(&bytes)
                .map_err(|e| format!("{} cannot be read: {e}", file.display()))?;
            let picture = canvas_picture(&parsed, None, true);
            let drawn = match extension.as_deref() {
                Some("png") => render_canvas_png(&picture, scale),
                Some("svg") => render_canvas_svg(&picture).map(String::into_bytes),
                _ => {
                    return Err(format!(
                        "{} must end in .png or .svg, which says what kind of picture to draw",
                        output.display()
                    ))
                }
            }
            .map_err(|e| e.to_string())?;
            write_atomically(&output, &drawn).map_err(|e| e.to_string())?;
            eprintln!("Wrote {}.", output.display());
            Ok(())
        }
        Command::Export { id, output } => {
            let mut store = open_store(cli.data_dir)?;
            let file = store.export_workshop(&id).map_err(|e| e.to_string())?;
            write_atomically(&output, write_workshop_file(&file).as_bytes())
                .map_err(|e| e.to_string())?;
            eprintln!("Wrote {}.", output.display());
            Ok(())
        }
    }
}

fn open_store(data_dir: Option<PathBuf>) -> Result<Store, String> {
    let dir = data_dir
        .or_else(|| dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)))
        .ok_or("no data folder could be found; pass --data-dir DIR")?;
    Store::open_in_dir(&dir).map_err(|e| e.to_string())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("could not read {}: {e}", path.display()))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
