//! `lodestar`: a thin door over the same application layer as the desktop app, for scripts
//! and for people who receive a workshop file.
//!
//! Exit statuses: 0 done; 1 the disk, the database or the app failed; 2 the command line was
//! wrong; 3 bad input (a workshop file or a value that is refused); 4 not found (no such
//! workshop); 5 the store cannot be used (no data folder, a database from a newer Lodestar).
//! The message on stderr is the same sentence the desktop app shows.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lodestar_application::{
    canvas_picture, data_dir, parse_workshop_file, read_workshop_bytes, report_pdf,
    workshop_file_schema, write_file, Lodestar, PaperSize, PictureFormat, Refusal, RefusalClass,
    RefusalCode,
};

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
    /// Open the room for a workshop: phones on the same network join it by the printed link.
    /// Runs until Ctrl+C (a rehearsal, a test, or a mini PC at the front of the room)
    Room {
        /// The workshop's id (see `lodestar list`)
        id: String,
        /// The address and port to serve on, e.g. 192.168.1.23:47820 (default: the best
        /// local network address, port 47820)
        #[arg(long, value_name = "ADDR:PORT")]
        bind: Option<std::net::SocketAddr>,
        /// Let people join as guests (they follow along and send ideas; they do not vote)
        #[arg(long)]
        guests: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for PaperSize {
    fn from(paper: PaperArg) -> PaperSize {
        match paper {
            PaperArg::A4 => PaperSize::A4,
            PaperArg::Letter => PaperSize::Letter,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(refusal) => {
            eprintln!("lodestar: {refusal}");
            ExitCode::from(exit_status(&refusal))
        }
    }
}

/// The documented exit status of each class of refusal (see the module comment).
fn exit_status(refusal: &Refusal) -> u8 {
    match refusal.class() {
        RefusalClass::Failed => 1,
        RefusalClass::BadInput => 3,
        RefusalClass::NotFound => 4,
        RefusalClass::StoreUnavailable => 5,
    }
}

fn run(cli: Cli) -> Result<(), Refusal> {
    match cli.command {
        Command::Schema => {
            print!("{}", workshop_file_schema());
            Ok(())
        }
        Command::List => {
            let workshops = open(cli.data_dir)?.list_workshops()?;
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
            let workshop = open(cli.data_dir)?
                .import_workshop_file(&file)
                .map_err(|r| in_file(&file, r))?;
            println!("{}", workshop.id);
            eprintln!("Imported “{}”.", workshop.title);
            Ok(())
        }
        Command::Report {
            file,
            output,
            paper,
        } => {
            let parsed =
                parse_workshop_file(&read_workshop_bytes(&file)?).map_err(|r| in_file(&file, r))?;
            write_file(&output, &report_pdf(&parsed, paper.into())?)?;
            eprintln!("Wrote {}.", output.display());
            Ok(())
        }
        Command::Picture {
            file,
            output,
            scale,
        } => {
            let format = PictureFormat::from_file_name(&output).ok_or_else(|| {
                Refusal::new(
                    RefusalCode::WrongKind,
                    "output",
                    format!(
                        "{} must end in .png or .svg, which says what kind of picture to draw",
                        output.display()
                    ),
                )
            })?;
            if !(scale.is_finite() && scale > 0.0 && scale <= 8.0) {
                return Err(Refusal::new(
                    RefusalCode::OutOfRange,
                    "scale",
                    format!("must be more than 0 and at most 8 pixels per unit; got {scale}"),
                ));
            }
            let parsed =
                parse_workshop_file(&read_workshop_bytes(&file)?).map_err(|r| in_file(&file, r))?;
            write_file(&output, &canvas_picture(&parsed, format, None, scale)?)?;
            eprintln!("Wrote {}.", output.display());
            Ok(())
        }
        Command::Room { id, bind, guests } => room(open(cli.data_dir)?, &id, bind, guests),
        Command::Export { id, output } => {
            open(cli.data_dir)?.export_workshop_file(&id, &output)?;
            eprintln!("Wrote {}.", output.display());
            Ok(())
        }
    }
}

/// Serves the room until Ctrl+C, printing the join link first (stdout: only the link).
fn room(
    app: Lodestar,
    id: &str,
    bind: Option<std::net::SocketAddr>,
    guests: bool,
) -> Result<(), Refusal> {
    use lodestar_room::address::{choose_address, local_interfaces, rank_addresses};
    let bind = match bind {
        Some(bind) => bind,
        None => {
            let best =
                choose_address(&rank_addresses(&local_interfaces()), None).ok_or_else(|| {
                    Refusal::general(
                        RefusalCode::RoomClosed,
                        "this machine has no network address phones could reach: join a Wi-Fi \
                         or start a hotspot, or give --bind",
                    )
                })?;
            let ip = best.address.parse().map_err(|_| {
                Refusal::general(
                    RefusalCode::Internal,
                    "the chosen address could not be read",
                )
            })?;
            std::net::SocketAddr::new(ip, lodestar_room::DEFAULT_PORT)
        }
    };
    let runtime = tokio::runtime::Runtime::new().map_err(|e| {
        Refusal::general(
            RefusalCode::Internal,
            format!("could not start the server: {e}"),
        )
    })?;
    runtime.block_on(async {
        let options = lodestar_room::RoomOptions {
            guests_allowed: guests,
            ..lodestar_room::RoomOptions::new(id, bind)
        };
        let server =
            lodestar_room::RoomServer::open(std::sync::Arc::new(app), options, || {}).await?;
        let status = server.status();
        println!("{}", status.join_url);
        eprintln!(
            "The room is open at {} (join code {}). Phones must be on the same network as \
             this machine; the connection is plain HTTP on that network. Ctrl+C closes the room.",
            status.address, status.join_code
        );
        let _ = tokio::signal::ctrl_c().await;
        server.close().await;
        eprintln!("The room is closed.");
        Ok(())
    })
}

/// Names the file a refusal about its content is from, as the app's import screen does.
fn in_file(file: &std::path::Path, mut refusal: Refusal) -> Refusal {
    if refusal.class() == RefusalClass::BadInput {
        let field = refusal.field.to_string();
        let at = if field.is_empty() {
            String::new()
        } else {
            format!("{field}: ")
        };
        refusal.message = format!(
            "{} cannot be read as a workshop: {at}{}",
            file.display(),
            refusal.message
        );
        refusal.field = Default::default();
    }
    refusal
}

/// The store of `--data-dir` (or `LODESTAR_DATA_DIR`, read by clap), else the app's default.
fn open(data_dir: Option<PathBuf>) -> Result<Lodestar, Refusal> {
    Lodestar::open_or_refuse(data_dir.or_else(data_dir::os_default))
}
