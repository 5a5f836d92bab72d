//! Durability proof (not a test): kill -9 the app in the middle of its work, over and over,
//! and check after each kill that nothing it acknowledged is lost.
//!
//! The parent spawns this same program with `--child DIR`. The child opens the store through
//! the application layer (`Lodestar::open`, as the desktop app does) and runs the calls the
//! UI makes in a loop: add stakeholders, categories and needs, create, move and delete
//! stickies, undo, redo. Before each call it prints what it is about to do (`I`), and after a
//! call returned Ok — committed — what it got (`A`), flushing each line. The parent kills it
//! with SIGKILL after a random 5–150 ms, then:
//!
//! - runs `PRAGMA integrity_check` on the database file;
//! - replays the acknowledged lines on a model of the workshop (done / undone stacks, as the
//!   store's history works) and compares the store's workshop with it: every acknowledged
//!   action must be there. The one call in flight at the kill may or may not have committed;
//!   both are accepted, and the model follows what the store shows;
//! - undoes and redoes once through the application, checking the labels and the state.
//!
//! Run: `cargo run --release -p lodestar-application --example kill_harness -- --kills 1000`
//! (`--seed N`, `--dir DIR` to keep the data folder, `--kills-per-workshop N`).

// A measuring tool: a broken setup should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lodestar_application::{Lodestar, RefusalCode};
use lodestar_core::canvas::{CanvasOp, ItemContent, ItemKind, NewItem};
use lodestar_core::categories::CategoryInput;
use lodestar_core::needs::NeedInput;
use lodestar_core::stakeholders::{StakeholderInput, Stance};
use lodestar_core::{HistoryScope, WorkshopInput};

/// The store keeps this many undo steps per workshop (`HISTORY_LIMIT_PER_SCOPE`).
const HISTORY_LIMIT: usize = 500;

/// xorshift64*: small, seeded, good enough to pick actions and delays.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as u64) as i64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(dir) = flag("--child") {
        let seed = flag("--seed").map_or(1, |s| s.parse().unwrap());
        child(Path::new(&dir), flag("--workshop"), seed);
        return;
    }
    let kills: usize = flag("--kills").map_or(1000, |s| s.parse().unwrap());
    let seed: u64 = flag("--seed").map_or(1, |s| s.parse().unwrap());
    let per_workshop: usize = flag("--kills-per-workshop").map_or(10, |s| s.parse().unwrap());
    let kept = flag("--dir").map(PathBuf::from);
    let temp = tempfile::tempdir().unwrap();
    let dir = kept.unwrap_or_else(|| temp.path().join("data"));
    parent(&dir, kills, seed, per_workshop);
}

// ---------------------------------------------------------------------------------------
// The child: the application doing the UI's work until it is killed.

fn child(dir: &Path, workshop: Option<String>, seed: u64) {
    let mut rng = Rng::new(seed);
    let out = std::io::stdout();
    let say = |line: String| {
        let mut out = out.lock();
        out.write_all(line.as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
        out.flush().unwrap();
    };
    let app = Lodestar::open(Some(dir.to_path_buf()));
    if let Some(refusal) = app.startup_error() {
        eprintln!("child: the store did not open: {refusal}");
        std::process::exit(3);
    }
    let workshop = match workshop {
        Some(id) => id,
        None => {
            let input = WorkshopInput {
                title: format!("Kill run {seed}"),
                organisation: "Harness".into(),
                date: "2026-12-02".into(),
                facilitator: "Ana".into(),
            };
            let created = app.create_workshop(&input).unwrap();
            say(format!("W\t{}", created.id));
            created.id
        }
    };
    let scope = HistoryScope::workshop(&workshop);
    // Names must be unique across runs: an unacknowledged create is recognised by its name.
    let tag = format!("{}-{}", std::process::id(), seed % 100_000);
    for n in 0.. {
        let data = app.workshop_data(&workshop).unwrap();
        let stickies: Vec<_> = data.canvas.items.iter().map(|i| i.id.clone()).collect();
        let pick =
            |rng: &mut Rng, from: &[String]| from[rng.below(from.len() as u64) as usize].clone();
        let roll = rng.below(100);
        let (intent, result) = if roll < 15 {
            let name = format!("P{tag}-{n}");
            say(format!("I\tstakeholder\t{name}"));
            let input = StakeholderInput {
                name,
                role: String::new(),
                function: String::new(),
                influence: 3,
                interest: 3,
                stance: Stance::Neutral,
                present: true,
                colour: String::new(),
            };
            (
                "stakeholder",
                app.add_stakeholder(&workshop, &input).map(|s| s.id),
            )
        } else if roll < 20 && !data.stakeholders.is_empty() {
            let ids: Vec<_> = data.stakeholders.iter().map(|s| s.id.clone()).collect();
            let id = pick(&mut rng, &ids);
            say(format!("I\tunstakeholder\t{id}"));
            (
                "unstakeholder",
                app.remove_stakeholder(&workshop, &id)
                    .map(|()| String::new()),
            )
        } else if roll < 27 {
            let name = format!("C{tag}-{n}");
            say(format!("I\tcategory\t{name}"));
            let input = CategoryInput {
                name,
                ..Default::default()
            };
            (
                "category",
                app.add_category(&workshop, &input).map(|c| c.id),
            )
        } else if roll < 35 && !data.categories.is_empty() {
            let ids: Vec<_> = data.categories.iter().map(|c| c.id.clone()).collect();
            let category = pick(&mut rng, &ids);
            let statement = format!("N{tag}-{n}");
            say(format!("I\tneed\t{category}\t{statement}"));
            let input = NeedInput {
                category_id: category,
                statement,
                ..Default::default()
            };
            ("need", app.add_need(&workshop, &input).map(|n| n.id))
        } else if roll < 55 {
            let text = format!("S{tag}-{n}");
            // Whole numbers, so the model's sums are exact.
            let (x, y) = (rng.range(-2000, 2000), rng.range(-2000, 2000));
            say(format!("I\tsticky\t{text}\t{x}\t{y}"));
            let op = CanvasOp::Create {
                item: NewItem {
                    kind: ItemKind::Sticky,
                    x: x as f64,
                    y: y as f64,
                    width: 200.0,
                    height: 130.0,
                    parent_frame: None,
                    content: ItemContent {
                        text,
                        ..Default::default()
                    },
                },
            };
            let created = app
                .apply_canvas_ops(&workshop, &[op])
                .map(|c| c.upserts.first().map(|i| i.id.clone()).unwrap_or_default());
            ("sticky", created)
        } else if roll < 67 && !stickies.is_empty() {
            let id = pick(&mut rng, &stickies);
            // Never (0, 0): a move that changes nothing records no undo step.
            let (dx, dy) = (rng.range(1, 200), rng.range(-200, 200));
            say(format!("I\tmove\t{id}\t{dx}\t{dy}"));
            let op = CanvasOp::Move {
                ids: vec![id],
                dx: dx as f64,
                dy: dy as f64,
            };
            (
                "move",
                app.apply_canvas_ops(&workshop, &[op])
                    .map(|_| String::new()),
            )
        } else if roll < 72 && !stickies.is_empty() {
            let id = pick(&mut rng, &stickies);
            say(format!("I\tdelete\t{id}"));
            let op = CanvasOp::Delete { ids: vec![id] };
            (
                "delete",
                app.apply_canvas_ops(&workshop, &[op])
                    .map(|_| String::new()),
            )
        } else if roll < 88 {
            say("I\tundo".into());
            (
                "undo",
                history_line(app.undo(&scope), RefusalCode::NothingToUndo),
            )
        } else {
            say("I\tredo".into());
            (
                "redo",
                history_line(app.redo(&scope), RefusalCode::NothingToRedo),
            )
        };
        match result {
            Ok(value) => say(format!("A\t{intent}\t{value}")),
            Err(refusal) => say(format!(
                "R\t{intent}\t{:?}\t{}",
                refusal.code, refusal.message
            )),
        }
    }
}

/// An undo or redo as its acknowledgement: `ok<TAB>label`, or `nothing` when there was
/// nothing to walk (an answer too, and checked).
fn history_line(
    outcome: lodestar_application::Outcome<lodestar_application::HistoryOutcome>,
    nothing: RefusalCode,
) -> lodestar_application::Outcome<String> {
    match outcome {
        Ok(done) => Ok(format!("ok\t{}", done.label)),
        Err(refusal) if refusal.code == nothing => Ok("nothing".into()),
        Err(refusal) => Err(refusal),
    }
}

// ---------------------------------------------------------------------------------------
// The model: what the workshop must hold, given the acknowledged actions.

#[derive(Debug, Clone, PartialEq)]
enum Act {
    AddStakeholder {
        id: String,
        name: String,
    },
    RemoveStakeholder {
        id: String,
        name: String,
    },
    AddCategory {
        id: String,
        name: String,
    },
    AddNeed {
        id: String,
        category: String,
        statement: String,
    },
    Sticky {
        id: String,
        text: String,
        x: i64,
        y: i64,
    },
    Move {
        id: String,
        dx: i64,
        dy: i64,
    },
    Delete {
        id: String,
    },
}

impl Act {
    /// The label the store records for it (what Undo and Redo answer).
    fn label(&self) -> String {
        match self {
            Act::AddStakeholder { name, .. } => format!("add stakeholder “{name}”"),
            Act::RemoveStakeholder { name, .. } => format!("remove stakeholder “{name}”"),
            Act::AddCategory { name, .. } => format!("add category “{name}”"),
            Act::AddNeed { .. } => "add need".into(),
            Act::Sticky { .. } => "add a sticky".into(),
            Act::Move { .. } => "move an item".into(),
            Act::Delete { .. } => "delete an item".into(),
        }
    }
}

/// What a workshop holds, as far as the harness's actions go.
#[derive(Debug, Clone, Default, PartialEq)]
struct State {
    stakeholders: BTreeMap<String, String>,
    categories: BTreeMap<String, String>,
    needs: BTreeMap<String, (String, String)>,
    stickies: BTreeMap<String, (String, i64, i64)>,
}

impl State {
    fn apply(&mut self, act: &Act) {
        match act {
            Act::AddStakeholder { id, name } => {
                self.stakeholders.insert(id.clone(), name.clone());
            }
            Act::RemoveStakeholder { id, .. } => {
                self.stakeholders.remove(id);
            }
            Act::AddCategory { id, name } => {
                self.categories.insert(id.clone(), name.clone());
            }
            Act::AddNeed {
                id,
                category,
                statement,
            } => {
                self.needs
                    .insert(id.clone(), (category.clone(), statement.clone()));
            }
            Act::Sticky { id, text, x, y } => {
                self.stickies.insert(id.clone(), (text.clone(), *x, *y));
            }
            Act::Move { id, dx, dy } => {
                if let Some(s) = self.stickies.get_mut(id) {
                    s.1 += dx;
                    s.2 += dy;
                }
            }
            Act::Delete { id } => {
                self.stickies.remove(id);
            }
        }
    }

    /// Every record the state holds, as one comparable line each.
    fn records(&self) -> BTreeMap<String, String> {
        let mut all = BTreeMap::new();
        for (id, name) in &self.stakeholders {
            all.insert(format!("stakeholder {id}"), name.clone());
        }
        for (id, name) in &self.categories {
            all.insert(format!("category {id}"), name.clone());
        }
        for (id, (category, statement)) in &self.needs {
            all.insert(format!("need {id}"), format!("{category} {statement}"));
        }
        for (id, (text, x, y)) in &self.stickies {
            all.insert(format!("sticky {id}"), format!("{text} at {x},{y}"));
        }
        all
    }
}

/// One workshop's history as the store keeps it: done (undoable above `floor`) and undone.
#[derive(Debug, Default)]
struct Model {
    done: Vec<Act>,
    undone: Vec<Act>,
    /// Steps below this were dropped from the store's history (its per-workshop limit).
    floor: usize,
}

impl Model {
    fn state(&self) -> State {
        let mut state = State::default();
        for act in &self.done {
            state.apply(act);
        }
        state
    }
    fn push(&mut self, act: Act) {
        self.undone.clear();
        self.done.push(act);
        self.floor = self
            .floor
            .max(self.done.len().saturating_sub(HISTORY_LIMIT));
    }
    fn can_undo(&self) -> bool {
        self.done.len() > self.floor
    }
    /// Undoes one step; returns its label, or None when there was nothing to undo.
    fn undo(&mut self) -> Option<String> {
        if !self.can_undo() {
            return None;
        }
        let act = self.done.pop()?;
        let label = act.label();
        self.undone.push(act);
        Some(label)
    }
    fn redo(&mut self) -> Option<String> {
        let act = self.undone.pop()?;
        let label = act.label();
        self.done.push(act);
        Some(label)
    }
}

/// A call the child announced (`I` line), with its arguments.
#[derive(Debug, Clone)]
struct Intent {
    fields: Vec<String>,
}

impl Intent {
    /// The model action it is, once the store's answer (a new id) is known.
    fn act(&self, state: &State, result: &str) -> Option<Act> {
        let f = &self.fields;
        let int = |i: usize| f[i].parse::<i64>().unwrap();
        Some(match f[0].as_str() {
            "stakeholder" => Act::AddStakeholder {
                id: result.into(),
                name: f[1].clone(),
            },
            "unstakeholder" => Act::RemoveStakeholder {
                id: f[1].clone(),
                name: state.stakeholders.get(&f[1]).cloned().unwrap_or_default(),
            },
            "category" => Act::AddCategory {
                id: result.into(),
                name: f[1].clone(),
            },
            "need" => Act::AddNeed {
                id: result.into(),
                category: f[1].clone(),
                statement: f[2].clone(),
            },
            "sticky" => Act::Sticky {
                id: result.into(),
                text: f[1].clone(),
                x: int(2),
                y: int(3),
            },
            "move" => Act::Move {
                id: f[1].clone(),
                dx: int(2),
                dy: int(3),
            },
            "delete" => Act::Delete { id: f[1].clone() },
            _ => return None,
        })
    }
    /// The name a create would leave in the store, to find its id if it committed unseen.
    fn created(&self) -> Option<(&'static str, &str)> {
        let kind = match self.fields[0].as_str() {
            "stakeholder" => "stakeholder",
            "category" => "category",
            "need" => "need",
            "sticky" => "sticky",
            _ => return None,
        };
        let name = if kind == "need" {
            &self.fields[2]
        } else {
            &self.fields[1]
        };
        Some((kind, name))
    }
}

/// The workshop as the store has it, read through the application.
fn store_state(app: &Lodestar, workshop: &str) -> Result<State, String> {
    let data = app.workshop_data(workshop).map_err(|r| r.to_string())?;
    let mut state = State::default();
    for s in data.stakeholders {
        state.stakeholders.insert(s.id, s.details.name);
    }
    for c in data.categories {
        state.categories.insert(c.id, c.details.name);
    }
    for n in data.needs {
        state
            .needs
            .insert(n.id, (n.details.category_id, n.details.statement));
    }
    for i in data.canvas.items {
        state
            .stickies
            .insert(i.id, (i.text, i.x as i64, i.y as i64));
    }
    Ok(state)
}

// ---------------------------------------------------------------------------------------
// The parent: kill, reopen, check, repeat.

#[derive(Default)]
struct Tally {
    kills: usize,
    acknowledged: usize,
    refused: usize,
    in_flight_committed: usize,
    losses: usize,
    phantoms: usize,
    integrity_failures: usize,
    open_failures: usize,
    history_failures: usize,
    workshops: usize,
}

fn parent(dir: &Path, kills: usize, seed: u64, per_workshop: usize) {
    let exe = std::env::current_exe().unwrap();
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let mut workshops: Vec<(String, Model)> = Vec::new();
    let mut current: Option<(String, Model)> = None;
    let mut runs_on_current = 0;
    let started = Instant::now();
    println!("kill -9 harness: data folder {}", dir.display());
    while tally.kills < kills {
        if runs_on_current >= per_workshop {
            if let Some(done) = current.take() {
                workshops.push(done);
            }
            runs_on_current = 0;
        }
        let child_seed = rng.next();
        let mut command = Command::new(&exe);
        command
            .arg("--child")
            .arg(dir)
            .arg("--seed")
            .arg(child_seed.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some((id, _)) = &current {
            command.arg("--workshop").arg(id);
        }
        let mut child = command.spawn().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        // Read while the child runs, so a full pipe never slows it down.
        let reader = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            stdout.read_to_end(&mut bytes).unwrap();
            bytes
        });
        std::thread::sleep(Duration::from_millis(rng.range(5, 150) as u64));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        tally.kills += 1;
        runs_on_current += 1;
        let bytes = reader.join().unwrap();
        let text = String::from_utf8_lossy(&bytes);
        // A line without its newline was cut by the kill: not acknowledged.
        let complete = match text.rfind('\n') {
            Some(end) => &text[..end],
            None => "",
        };
        let mut pending: Option<Intent> = None;
        for line in complete.lines() {
            let fields: Vec<String> = line.split('\t').map(str::to_string).collect();
            match fields[0].as_str() {
                "W" => {
                    tally.workshops += 1;
                    current = Some((fields[1].clone(), Model::default()));
                }
                "I" => {
                    pending = Some(Intent {
                        fields: fields[1..].to_vec(),
                    })
                }
                "R" => {
                    tally.refused += 1;
                    pending = None;
                }
                "A" => {
                    tally.acknowledged += 1;
                    let intent = pending
                        .take()
                        .expect("an acknowledgement follows its intent");
                    let (_, model) = current.as_mut().expect("acknowledged inside a workshop");
                    if !replay(model, &intent, &fields[2..]) {
                        tally.history_failures += 1;
                        eprintln!(
                            "kill {}: acknowledged {line:?} disagrees with the model",
                            tally.kills
                        );
                    }
                }
                other => panic!("unknown line {other:?}"),
            }
        }
        check_after_kill(dir, &mut current, pending, &mut tally);
        if tally.kills.is_multiple_of(100) {
            println!(
                "  {} kills, {} actions acknowledged, {} losses, {:.0} s",
                tally.kills,
                tally.acknowledged,
                tally.losses,
                started.elapsed().as_secs_f64()
            );
        }
    }
    if let Some(done) = current.take() {
        workshops.push(done);
    }
    // Once more at the end: every workshop of the run still holds what it acknowledged.
    let app = Lodestar::open(Some(dir.to_path_buf()));
    let mut final_losses = 0;
    for (id, model) in &workshops {
        match store_state(&app, id) {
            Ok(actual) => final_losses += differences(&model.state(), &actual).0,
            Err(e) => {
                eprintln!("workshop {id}: {e}");
                final_losses += model.state().records().len().max(1);
            }
        }
    }
    drop(app);
    tally.losses += final_losses;
    println!();
    println!("kills:                     {}", tally.kills);
    println!("workshops:                 {}", tally.workshops);
    println!("actions acknowledged:      {}", tally.acknowledged);
    println!("  refused (not committed): {}", tally.refused);
    println!(
        "  in flight at the kill and committed: {}",
        tally.in_flight_committed
    );
    println!(
        "losses:                    {} (final re-check of all workshops: {final_losses})",
        tally.losses
    );
    println!("phantom records:           {}", tally.phantoms);
    println!("integrity failures:        {}", tally.integrity_failures);
    println!("store open failures:       {}", tally.open_failures);
    println!("undo/redo failures:        {}", tally.history_failures);
    println!(
        "time:                      {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "reproduce: cargo run --release -p lodestar-application --example kill_harness -- --kills {kills} --seed {seed} --kills-per-workshop {per_workshop}"
    );
    let failed = tally.losses
        + tally.phantoms
        + tally.integrity_failures
        + tally.open_failures
        + tally.history_failures;
    if failed > 0 {
        std::process::exit(1);
    }
}

/// Applies one acknowledged call to the model; false if the store's answer was not the
/// model's (an undo that undid something else, say).
fn replay(model: &mut Model, intent: &Intent, answer: &[String]) -> bool {
    match intent.fields[0].as_str() {
        "undo" | "redo" => {
            let expected = if intent.fields[0] == "undo" {
                model.undo()
            } else {
                model.redo()
            };
            let got = match answer.first().map(String::as_str) {
                Some("ok") => answer.get(1).cloned(),
                _ => None,
            };
            expected == got
        }
        _ => {
            let state = model.state();
            let result = answer.first().cloned().unwrap_or_default();
            match intent.act(&state, &result) {
                Some(act) => {
                    model.push(act);
                    true
                }
                None => false,
            }
        }
    }
}

/// Expected records missing or changed in `actual` (losses), and records in `actual` the
/// model does not have (phantoms).
fn differences(expected: &State, actual: &State) -> (usize, usize) {
    let expected = expected.records();
    let actual = actual.records();
    let lost = expected
        .iter()
        .filter(|(key, value)| actual.get(*key) != Some(value))
        .count();
    let phantom = actual.keys().filter(|k| !expected.contains_key(*k)).count();
    (lost, phantom)
}

fn check_after_kill(
    dir: &Path,
    current: &mut Option<(String, Model)>,
    pending: Option<Intent>,
    tally: &mut Tally,
) {
    let kill = tally.kills;
    let db = dir.join(lodestar_store::DATABASE_FILE_NAME);
    if db.exists() {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let rows: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        if rows != ["ok"] {
            tally.integrity_failures += 1;
            eprintln!("kill {kill}: integrity_check: {rows:?}");
        }
    }
    let app = Lodestar::open(Some(dir.to_path_buf()));
    if let Some(refusal) = app.startup_error() {
        tally.open_failures += 1;
        eprintln!("kill {kill}: the store did not reopen: {refusal}");
        return;
    }
    let Some((workshop, model)) = current.as_mut() else {
        return; // killed before its workshop was acknowledged: nothing was promised
    };
    let actual = match store_state(&app, workshop) {
        Ok(state) => state,
        Err(e) => {
            tally.open_failures += 1;
            eprintln!("kill {kill}: workshop {workshop} unreadable: {e}");
            return;
        }
    };
    // The call in flight: if the store shows it, it committed just before the kill.
    if let Some(intent) = pending {
        let before = model.state();
        if actual != before {
            let committed = match intent.fields[0].as_str() {
                "undo" => model.undo().is_some(),
                "redo" => model.redo().is_some(),
                _ => {
                    let new_id = intent
                        .created()
                        .and_then(|(kind, name)| find_new(&before, &actual, kind, name));
                    let result = new_id.unwrap_or_default();
                    match intent.act(&before, &result) {
                        Some(act) => {
                            model.push(act);
                            true
                        }
                        None => false,
                    }
                }
            };
            if committed {
                tally.in_flight_committed += 1;
            }
        }
    }
    let (lost, phantom) = differences(&model.state(), &actual);
    if lost + phantom > 0 {
        eprintln!("kill {kill}: {lost} acknowledged records lost, {phantom} unexplained");
        tally.losses += lost;
        tally.phantoms += phantom;
        // Follow the store from here, so one failure is counted once.
        return;
    }
    // Undo then redo (or, with nothing to undo, redo then undo) walk the history.
    let scope = HistoryScope::workshop(workshop.as_str());
    let ok = if model.can_undo() {
        let label = model.done.last().map(Act::label);
        let undone = app.undo(&scope).map(|h| h.label).ok();
        let mut after_undo = Model {
            done: model.done[..model.done.len() - 1].to_vec(),
            ..Model::default()
        };
        let state_ok = store_state(&app, workshop).ok() == Some(after_undo.state());
        let redone = app.redo(&scope).map(|h| h.label).ok();
        after_undo.done = model.done.clone();
        undone == label
            && redone == label
            && state_ok
            && store_state(&app, workshop).ok() == Some(after_undo.state())
    } else {
        let nothing = matches!(app.undo(&scope), Err(r) if r.code == RefusalCode::NothingToUndo);
        match model.undone.last().map(Act::label) {
            None => {
                nothing
                    && matches!(app.redo(&scope), Err(r) if r.code == RefusalCode::NothingToRedo)
            }
            Some(label) => {
                let redone = app.redo(&scope).map(|h| h.label).ok();
                let undone = app.undo(&scope).map(|h| h.label).ok();
                nothing && redone.as_ref() == Some(&label) && undone == Some(label)
            }
        }
    };
    if !ok {
        tally.history_failures += 1;
        eprintln!("kill {kill}: undo/redo did not walk the history as the model says");
    }
    if store_state(&app, workshop).ok() != Some(model.state()) {
        tally.history_failures += 1;
        eprintln!("kill {kill}: undo + redo did not come back to the same workshop");
    }
}

/// The id of a record of `kind` named `name` that `actual` has and `before` had not.
fn find_new(before: &State, actual: &State, kind: &str, name: &str) -> Option<String> {
    let fresh = |ids: Vec<(&String, bool)>| {
        ids.into_iter()
            .find(|(_, matches)| *matches)
            .map(|(id, _)| id.clone())
    };
    match kind {
        "stakeholder" => fresh(
            actual
                .stakeholders
                .iter()
                .map(|(id, n)| (id, n == name && !before.stakeholders.contains_key(id)))
                .collect(),
        ),
        "category" => fresh(
            actual
                .categories
                .iter()
                .map(|(id, n)| (id, n == name && !before.categories.contains_key(id)))
                .collect(),
        ),
        "need" => fresh(
            actual
                .needs
                .iter()
                .map(|(id, (_, s))| (id, s == name && !before.needs.contains_key(id)))
                .collect(),
        ),
        _ => fresh(
            actual
                .stickies
                .iter()
                .map(|(id, (t, _, _))| (id, t == name && !before.stickies.contains_key(id)))
                .collect(),
        ),
    }
}
