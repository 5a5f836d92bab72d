//! Hostile-file proof (not a test): a structured generator that mutates valid workshop
//! files and feeds each case to the file check, as a hostile user would.
//!
//! Coverage-guided fuzzing (cargo-fuzz, libFuzzer) needs a nightly compiler, and the project
//! builds on stable; so this mutates real files instead: numbers pushed to extremes, strings
//! emptied or made huge, list entries removed, duplicated or multiplied, ids swapped,
//! references broken, frames nested, run-offs chained, JSON deepened, bytes truncated or
//! flipped. Each case goes through `read_workshop_file` (the file check); every Nth accepted
//! case is also imported into a real store, edited once, exported and typeset as a report.
//! Panics are caught; each panic or slow case is written to the bad-file corpus
//! (`tests/bad_files/`).
//!
//! Run (overflow checks on for our crates, so an overflow is a panic, as in a debug build):
//! `cargo run --release -p lodestar-export --example fuzz_import --config
//! 'profile.release.package."lodestar-core".overflow-checks=true' --config
//! 'profile.release.package."lodestar-store".overflow-checks=true' --config
//! 'profile.release.package."lodestar-export".overflow-checks=true' -- --cases 1000000 --seed 1`
//! Options: `--import-every N` (default 200), `--report-every N` (in imports, default 10),
//! `--seed-file FILE` (more starting files, e.g. from `bench_report --write-large`),
//! `--corpus DIR`, `--threads N`.

// A measuring tool: a broken setup should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lodestar_core::canvas::{CanvasOp, ItemContent, ItemKind, NewItem};
use lodestar_core::stakeholders::{StakeholderInput, Stance};
use lodestar_export::{read_workshop_file, render_report, write_workshop_file, Paper};
use lodestar_store::Store;
use serde_json::{json, Value};

const EXAMPLE: &str = include_str!("../../../assets/example/harbour-foods.lodestar.json");
/// A case slower than this (check + import + edit + export) is a finding.
const SLOW: Duration = Duration::from_secs(2);
/// The report may take longer (issue 11: ≤ 5 s), but not more.
const SLOW_REPORT: Duration = Duration::from_secs(5);

/// xorshift64*: small and seeded, so a case is reproduced from (seed, case number).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03 | 1);
        rng.next();
        rng
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

// ---------------------------------------------------------------------------------------
// Mutations.

/// How many values the tree holds (itself included).
fn count(value: &Value) -> usize {
    1 + match value {
        Value::Object(map) => map.values().map(count).sum(),
        Value::Array(list) => list.iter().map(count).sum(),
        _ => 0,
    }
}

/// The `k`-th value in document order (0 is the root), without copying any path.
fn nth_mut<'a>(value: &'a mut Value, k: &mut usize) -> Option<&'a mut Value> {
    if *k == 0 {
        return Some(value);
    }
    *k -= 1;
    let children: Vec<&'a mut Value> = match value {
        Value::Object(map) => map.values_mut().collect(),
        Value::Array(list) => list.iter_mut().collect(),
        _ => return None,
    };
    for child in children {
        let n = count(child);
        if *k < n {
            return nth_mut(child, k);
        }
        *k -= n;
    }
    None
}

fn random_node<'a>(rng: &mut Rng, root: &'a mut Value) -> Option<&'a mut Value> {
    let mut k = rng.below(count(root));
    nth_mut(root, &mut k)
}

/// The `k`-th string equal to `wanted`, counting from 0.
fn nth_string_mut<'a>(value: &'a mut Value, wanted: &str, k: &mut usize) -> Option<&'a mut Value> {
    match value {
        Value::String(s) if s == wanted => {
            if *k == 0 {
                return Some(value);
            }
            *k -= 1;
            None
        }
        Value::Object(map) => map
            .values_mut()
            .find_map(|child| nth_string_mut(child, wanted, k)),
        Value::Array(list) => list
            .iter_mut()
            .find_map(|child| nth_string_mut(child, wanted, k)),
        _ => None,
    }
}

/// Every string at a key that names or points at a record (ids, references).
fn ids(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let is_ref = k == "id"
                    || k.ends_with("Id")
                    || k == "runoffOf"
                    || k == "parentFrame"
                    || k == "from"
                    || k == "to"
                    || k == "options";
                match v {
                    Value::String(s) if is_ref => out.push(s.clone()),
                    _ => ids(v, out),
                }
            }
        }
        Value::Array(list) => list.iter().for_each(|v| ids(v, out)),
        _ => {}
    }
}

fn extreme_number(rng: &mut Rng) -> Value {
    let choices: [Value; 20] = [
        json!(i32::MAX),
        json!(i32::MIN),
        json!(i32::MAX as i64 + 1),
        json!(-1),
        json!(0),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(i64::MAX),
        json!(1e308),
        json!(-1e308),
        json!(f64::MAX),
        json!(f64::MIN_POSITIVE),
        json!(9_007_199_254_740_993u64),
        json!(0.5),
        json!(-0.0),
        json!(4_294_967_296u64),
        json!(255),
        json!(256),
        json!(1e15),
        json!(-1.7e308),
    ];
    choices[rng.below(choices.len())].clone()
}

fn odd_string(rng: &mut Rng, ids: &[String], heavy: bool) -> Value {
    match rng.below(14) {
        3 | 12 if !heavy => json!("z".repeat(1 + rng.below(2000))),
        0 => json!(""),
        1 => json!("   "),
        2 => json!("x".repeat(1 + rng.below(300))),
        3 => json!("y".repeat(10_000 + rng.below(200_000))),
        4 => json!("NaN"),
        5 => json!("Infinity"),
        6 => json!("-1e999"),
        7 => json!("\u{202e}\u{200b}\u{0000}🦀<script>alert(1)</script>"),
        8 => json!("#zzzzzz"),
        9 => json!("2026-02-30"),
        10 => json!("../../etc/passwd"),
        11 if !ids.is_empty() => json!(ids[rng.below(ids.len())]),
        12 => json!("ä".repeat(5_000 + rng.below(50_000))),
        _ => json!(format!("id-{}", rng.below(1000))),
    }
}

fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(7) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!([]),
        3 => json!({}),
        4 => json!([1, "a", null]),
        5 => json!({"kind": "unknown"}),
        _ => json!("string"),
    }
}

/// One small change somewhere in the tree.
fn mutate_once(rng: &mut Rng, root: &mut Value, heavy: bool) {
    let mut known = Vec::new();
    ids(root, &mut known);
    let Some(node) = random_node(rng, root) else {
        return;
    };
    match node {
        Value::Number(_) => {
            *node = match rng.below(10) {
                0..=6 => extreme_number(rng),
                7 => odd_string(rng, &known, heavy),
                _ => odd_value(rng),
            }
        }
        Value::String(_) => {
            *node = match rng.below(10) {
                0..=7 => odd_string(rng, &known, heavy),
                8 => extreme_number(rng),
                _ => odd_value(rng),
            }
        }
        Value::Bool(b) => *b = !*b,
        Value::Null => {
            *node = if known.is_empty() {
                odd_value(rng)
            } else {
                json!(known[rng.below(known.len())])
            }
        }
        Value::Array(list) => match rng.below(8) {
            0 if !list.is_empty() => {
                let i = rng.below(list.len());
                list.remove(i);
            }
            1 if !list.is_empty() => {
                let i = rng.below(list.len());
                let copy = list[i].clone();
                list.insert(i, copy);
            }
            2 if list.len() > 1 => {
                let (i, j) = (rng.below(list.len()), rng.below(list.len()));
                list.swap(i, j);
            }
            3 => list.clear(),
            4 if !list.is_empty() => {
                // Many copies with fresh ids: count limits and quadratic paths.
                let i = rng.below(list.len());
                let times = if heavy {
                    [100, 1000, 5000][rng.below(3)]
                } else {
                    1 + rng.below(10)
                };
                for n in 0..times {
                    let mut copy = list[i].clone();
                    renumber(&mut copy, n);
                    list.push(copy);
                }
            }
            5 => list.push(odd_value(rng)),
            _ => *node = odd_value(rng),
        },
        Value::Object(map) => match rng.below(6) {
            0 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                map.remove(&keys[rng.below(keys.len())]);
            }
            1 => {
                map.insert("unexpected".into(), odd_value(rng));
            }
            2 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                map.insert(keys[rng.below(keys.len())].clone(), Value::Null);
            }
            3 if !map.is_empty() => {
                let keys: Vec<String> = map.keys().cloned().collect();
                let key = &keys[rng.below(keys.len())];
                map.insert(key.clone(), odd_value(rng));
            }
            _ => *node = odd_value(rng),
        },
    }
}

/// Gives every id in a copied record a new suffix, so copies are not mere duplicates.
fn renumber(value: &mut Value, n: usize) {
    if let Value::Object(map) = value {
        if let Some(Value::String(id)) = map.get_mut("id") {
            id.push_str(&format!("-copy{n}"));
        }
    }
}

/// Swaps two ids (or points a reference at another record) everywhere they occur once.
fn swap_ids(rng: &mut Rng, root: &mut Value) {
    let mut known = Vec::new();
    ids(root, &mut known);
    if known.len() < 2 {
        return;
    }
    let a = known[rng.below(known.len())].clone();
    let b = known[rng.below(known.len())].clone();
    let times = known.iter().filter(|s| **s == a).count();
    let mut k = rng.below(times);
    if let Some(node) = nth_string_mut(root, &a, &mut k) {
        *node = json!(b);
    }
}

fn canvas_items(root: &mut Value) -> Option<&mut Vec<Value>> {
    root.get_mut("canvas")?.get_mut("items")?.as_array_mut()
}

/// A chain of frames, each inside the one before (issue 11: cubic in their number).
fn nest_frames(rng: &mut Rng, root: &mut Value, heavy: bool) {
    let depth = if heavy {
        [500, 3000][rng.below(2)]
    } else {
        [2, 3, 10, 50][rng.below(4)]
    };
    let Some(items) = canvas_items(root) else {
        return;
    };
    for i in 0..depth {
        items.push(json!({
            "id": format!("nest-{i}"), "kind": "frame", "text": format!("Frame {i}"),
            "colour": "yellow", "authorId": null, "x": i as f64, "y": i as f64,
            "width": 10_000.0 - i as f64, "height": 10_000.0 - i as f64,
            "parentFrame": if i == 0 { Value::Null } else { json!(format!("nest-{}", i - 1)) },
            "z": format!("a{i:06}"), "tags": {}, "linkedCategory": null, "linkedNeed": null,
            "checklist": {}
        }));
    }
    if rng.chance(20) {
        // And close the loop: the first frame inside the last.
        if let Some(first) = items.iter_mut().find(|v| v["id"] == "nest-0") {
            first["parentFrame"] = json!(format!("nest-{}", depth - 1));
        }
    }
}

/// A chain of run-offs, each of the vote before (issue 11: cubic in their number).
fn chain_runoffs(rng: &mut Rng, root: &mut Value, heavy: bool) {
    let length = if heavy {
        [500, 4000][rng.below(2)]
    } else {
        [1, 2, 3, 20][rng.below(4)]
    };
    let Some(votes) = root.get_mut("votes").and_then(Value::as_array_mut) else {
        return;
    };
    // Earlier mutations may have left anything here; only an object can be chained.
    let Some(first) = votes.first().filter(|v| v.is_object()).cloned() else {
        return;
    };
    let mut previous = first["id"].clone();
    for i in 0..length {
        let mut vote = first.clone();
        vote["id"] = json!(format!("runoff-{i}"));
        vote["round"] = json!(i + 2);
        vote["runoffOf"] = previous.clone();
        if let Some(ballots) = vote.get_mut("ballots").and_then(Value::as_array_mut) {
            for (n, ballot) in ballots
                .iter_mut()
                .enumerate()
                .filter(|(_, b)| b.is_object())
            {
                ballot["id"] = json!(format!("runoff-{i}-b{n}"));
            }
        }
        previous = vote["id"].clone();
        votes.push(vote);
    }
    if rng.chance(20) {
        votes[0]["runoffOf"] = previous; // a cycle
    }
}

/// Wraps a value in many arrays (the parser's depth limit is 128).
fn deepen(rng: &mut Rng, root: &mut Value) {
    let depth = [10, 126, 127, 128, 129, 200, 5000][rng.below(7)];
    if let Some(node) = random_node(rng, root) {
        let mut v = node.take();
        for _ in 0..depth.min(120) {
            v = Value::Array(vec![v]);
        }
        *node = v;
    }
}

/// Text-level changes: what a broken download or a hex editor leaves behind.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, heavy: bool) {
    if bytes.is_empty() {
        return;
    }
    match rng.below(7) {
        0 => {
            let at = rng.below(bytes.len());
            bytes.truncate(at);
        }
        1 => {
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
        }
        2 => {
            let at = rng.below(bytes.len());
            bytes[at] = rng.next() as u8;
        }
        3 => {
            let at = rng.below(bytes.len());
            let junk: &[u8] = [
                &b"\xff\xfe"[..],
                b"\0",
                b"}",
                b"]]]]",
                b"\"",
                b",,",
                b"\\u0000",
            ][rng.below(7)];
            bytes.splice(at..at, junk.iter().copied());
        }
        4 => {
            // Deep nesting as text, past anything a tree mutation can build.
            let depth = if heavy {
                [1000, 100_000][rng.below(2)]
            } else {
                [127, 128, 129][rng.below(3)]
            };
            let at = rng.below(bytes.len());
            let open = vec![b'['; depth];
            let close = vec![b']'; depth];
            bytes.splice(at..at, open.into_iter().chain(close));
        }
        5 => {
            let from = rng.below(bytes.len());
            let to = (from + rng.below(4096)).min(bytes.len());
            let slice = bytes[from..to].to_vec();
            bytes.splice(from..from, slice);
        }
        _ => {
            // A UTF-8 byte order mark, or a file that is just whitespace.
            if rng.chance(50) {
                bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
            } else {
                *bytes = vec![b' '; rng.below(100)];
            }
        }
    }
}

/// One case: a seed file with a few changes, as bytes.
fn make_case(rng: &mut Rng, seeds: &[Value]) -> Vec<u8> {
    let mut root = seeds[rng.below(seeds.len())].clone();
    // Big cases (thousands of copies, huge strings) are the slow ones to check: one in 200.
    let heavy = rng.below(200) == 0;
    let kind = rng.below(100);
    if kind < 70 {
        for _ in 0..1 + rng.below(4) {
            match rng.below(20) {
                0..=1 => swap_ids(rng, &mut root),
                2 => nest_frames(rng, &mut root, heavy),
                3 => chain_runoffs(rng, &mut root, heavy),
                4 => deepen(rng, &mut root),
                5 if root.is_object() => root["version"] = json!(1 + rng.below(3)),
                _ => mutate_once(rng, &mut root, heavy),
            }
        }
    }
    let mut bytes = serde_json::to_vec(&root).unwrap();
    if kind >= 70 || rng.chance(5) {
        mutate_bytes(rng, &mut bytes, heavy);
    }
    bytes
}

// ---------------------------------------------------------------------------------------
// Running one case.

struct Outcome {
    accepted: bool,
    imported: bool,
    /// What went wrong after the file was accepted (import, edit, export, report refused).
    broken: Option<String>,
    check_time: Duration,
    report_time: Duration,
}

/// The file check, and for some accepted files the whole path a user would take with it.
fn run_case(bytes: &[u8], full: bool, report: bool, store_dir: &Path) -> Outcome {
    let started = Instant::now();
    let checked = read_workshop_file(bytes);
    let mut outcome = Outcome {
        accepted: checked.is_ok(),
        imported: false,
        broken: None,
        check_time: Duration::ZERO,
        report_time: Duration::ZERO,
    };
    let (Ok(file), true) = (checked, full) else {
        outcome.check_time = started.elapsed();
        return outcome;
    };
    outcome.imported = true;
    let mut store = Store::open_in_dir(store_dir).unwrap();
    let broken = (|| -> Result<Option<lodestar_core::exchange::WorkshopFile>, String> {
        let workshop = store
            .import_workshop(&file, 1)
            .map_err(|e| format!("import refused an accepted file: {e}"))?;
        // One ordinary edit after the import: a file must not leave the workshop stuck.
        let person = StakeholderInput {
            name: "Late arrival".into(),
            role: String::new(),
            function: String::new(),
            influence: 3,
            interest: 3,
            stance: Stance::Neutral,
            present: true,
            colour: String::new(),
        };
        store
            .add_stakeholder(&workshop.id, &person, 2)
            .map_err(|e| format!("add stakeholder after import: {e}"))?;
        let sticky = CanvasOp::Create {
            item: NewItem {
                kind: ItemKind::Sticky,
                x: 0.0,
                y: 0.0,
                width: 200.0,
                height: 130.0,
                parent_frame: None,
                content: ItemContent {
                    text: "After import".into(),
                    ..Default::default()
                },
            },
        };
        store
            .apply_canvas_ops(&workshop.id, &[sticky], 3)
            .map_err(|e| format!("add a sticky after import: {e}"))?;
        if let Some(need) = file.needs.first() {
            let stored = store.needs(&workshop.id).map_err(|e| e.to_string())?;
            if let Some(copy) = stored.iter().find(|n| n.details == need.details) {
                let mut edited = copy.details.clone();
                edited.statement.push_str(" (edited)");
                store
                    .update_need(&copy.id, &edited, 4)
                    .map_err(|e| format!("edit a need after import: {e}"))?;
            }
        }
        let exported = store
            .export_workshop(&workshop.id)
            .map_err(|e| format!("export after import: {e}"))?;
        let text = write_workshop_file(&exported);
        read_workshop_file(text.as_bytes())
            .map_err(|e| format!("its own export is refused: {e}"))?;
        store
            .delete_workshop(&workshop.id, 5)
            .map_err(|e| format!("delete: {e}"))?;
        Ok(Some(exported))
    })();
    outcome.check_time = started.elapsed();
    match broken {
        Err(message) => outcome.broken = Some(message),
        Ok(Some(exported)) if report => {
            let started = Instant::now();
            if let Err(e) = render_report(&exported, Paper::A4) {
                outcome.broken = Some(format!("report failed: {e}"));
            }
            outcome.report_time = started.elapsed();
        }
        Ok(_) => {}
    }
    outcome
}

// ---------------------------------------------------------------------------------------
// The run.

#[derive(Default)]
struct Findings {
    panics: Vec<(u64, String)>,
    slow: Vec<(u64, Duration)>,
    broken: Vec<(u64, String)>,
    slowest: (Duration, u64),
    slowest_report: (Duration, u64),
}

struct Shared {
    accepted: AtomicUsize,
    imported: AtomicUsize,
    reported: AtomicUsize,
    done: AtomicUsize,
    generator_failures: AtomicUsize,
    findings: Mutex<Findings>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let cases: u64 = flag("--cases").map_or(100_000, |s| s.parse().unwrap());
    let seed: u64 = flag("--seed").map_or(1, |s| s.parse().unwrap());
    let import_every: usize = flag("--import-every").map_or(200, |s| s.parse().unwrap());
    let report_every: usize = flag("--report-every").map_or(10, |s| s.parse().unwrap());
    let threads: u64 = flag("--threads").map_or(1, |s| s.parse().unwrap());
    let only: Option<u64> = flag("--case").map(|s| s.parse().unwrap());
    let corpus = flag("--corpus").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files"),
        PathBuf::from,
    );
    let mut seeds = vec![serde_json::from_str::<Value>(EXAMPLE).unwrap()];
    for (i, a) in args.iter().enumerate() {
        if a == "--seed-file" {
            let text = std::fs::read_to_string(&args[i + 1]).unwrap();
            seeds.push(serde_json::from_str(&text).unwrap());
        }
    }
    // Every seed must be a good file, or the mutations start from a refusal.
    for s in &seeds {
        read_workshop_file(&serde_json::to_vec(s).unwrap()).unwrap();
    }
    // Which imports are picked depends on the thread count; the reproduce line keeps it.
    let seed_files: String = args
        .iter()
        .enumerate()
        .filter(|(_, a)| *a == "--seed-file")
        .map(|(i, _)| format!(" --seed-file {}", args[i + 1]))
        .collect();
    let seeds = Arc::new(seeds);
    // A caught panic is counted and written out; its default message would only be noise.
    // FUZZ_VERBOSE=1 keeps it, to debug the generator itself.
    if std::env::var_os("FUZZ_VERBOSE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }

    let shared = Arc::new(Shared {
        accepted: AtomicUsize::new(0),
        imported: AtomicUsize::new(0),
        reported: AtomicUsize::new(0),
        done: AtomicUsize::new(0),
        generator_failures: AtomicUsize::new(0),
        findings: Mutex::new(Findings::default()),
    });
    let started = Instant::now();
    let range = |t: u64| match only {
        Some(case) if t == 0 => case..case + 1,
        Some(_) => 0..0,
        None => (t * cases / threads)..((t + 1) * cases / threads),
    };
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let shared = Arc::clone(&shared);
            let seeds = Arc::clone(&seeds);
            let corpus = corpus.clone();
            let cases_here = range(t);
            std::thread::spawn(move || {
                let temp = tempfile::tempdir().unwrap();
                let mut store_round = 0;
                for case in cases_here {
                    // Each case from its own stream: `--case N` replays it alone.
                    let mut rng = Rng::new(seed ^ case.wrapping_mul(0xA24B_AED4_963E_E407));
                    // A bug in the generator itself is counted apart, not blamed on the app.
                    let Ok(bytes) = catch_unwind(AssertUnwindSafe(|| make_case(&mut rng, &seeds)))
                    else {
                        shared.generator_failures.fetch_add(1, Ordering::Relaxed);
                        continue;
                    };
                    let accepted_before = shared.accepted.load(Ordering::Relaxed);
                    let full = only.is_some() || accepted_before.is_multiple_of(import_every);
                    let imports = shared.imported.load(Ordering::Relaxed);
                    let report = only.is_some() || imports.is_multiple_of(report_every);
                    if full && imports.is_multiple_of(100) {
                        store_round += 1; // a fresh store now and then keeps it small
                    }
                    let store_dir = temp.path().join(format!("store-{store_round}"));
                    let result = catch_unwind(AssertUnwindSafe(|| {
                        run_case(&bytes, full, report, &store_dir)
                    }));
                    let mut findings = shared.findings.lock().unwrap();
                    match result {
                        Err(panic) => {
                            let message = panic
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            save(&corpus, seed, case, "panic", &bytes);
                            findings.panics.push((case, message));
                        }
                        Ok(outcome) => {
                            if outcome.accepted {
                                shared.accepted.fetch_add(1, Ordering::Relaxed);
                            }
                            if outcome.imported {
                                shared.imported.fetch_add(1, Ordering::Relaxed);
                            }
                            if outcome.report_time > Duration::ZERO {
                                shared.reported.fetch_add(1, Ordering::Relaxed);
                            }
                            if outcome.check_time > findings.slowest.0 {
                                findings.slowest = (outcome.check_time, case);
                            }
                            if outcome.report_time > findings.slowest_report.0 {
                                findings.slowest_report = (outcome.report_time, case);
                            }
                            if outcome.check_time > SLOW || outcome.report_time > SLOW_REPORT {
                                save(&corpus, seed, case, "slow", &bytes);
                                findings
                                    .slow
                                    .push((case, outcome.check_time.max(outcome.report_time)));
                            }
                            if let Some(message) = outcome.broken {
                                if findings.broken.len() < 1000 {
                                    save(&corpus, seed, case, "broken", &bytes);
                                }
                                findings.broken.push((case, message));
                            }
                        }
                    }
                    drop(findings);
                    let done = shared.done.fetch_add(1, Ordering::Relaxed) + 1;
                    if done.is_multiple_of(50_000) {
                        println!("  {done} cases, {:.0} s", started.elapsed().as_secs_f64());
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let done = shared.done.load(Ordering::Relaxed);
    let accepted = shared.accepted.load(Ordering::Relaxed);
    let findings = shared.findings.lock().unwrap();
    println!();
    println!("cases:                {done}");
    println!("accepted:             {accepted}");
    println!(
        "refused:              {}",
        done - accepted - findings.panics.len()
    );
    println!(
        "imported, edited, exported: {} (reports typeset: {})",
        shared.imported.load(Ordering::Relaxed),
        shared.reported.load(Ordering::Relaxed)
    );
    println!("panics:               {}", findings.panics.len());
    for (case, message) in findings.panics.iter().take(20) {
        println!("  case {case}: {message}");
    }
    println!(
        "slowest case:         {:.3} s (case {}); slowest report {:.3} s (case {})",
        findings.slowest.0.as_secs_f64(),
        findings.slowest.1,
        findings.slowest_report.0.as_secs_f64(),
        findings.slowest_report.1
    );
    println!("over 2 s (report: over 5 s): {}", findings.slow.len());
    for (case, time) in findings.slow.iter().take(20) {
        println!("  case {case}: {:.1} s", time.as_secs_f64());
    }
    println!("accepted but broken afterwards: {}", findings.broken.len());
    for (case, message) in findings.broken.iter().take(20) {
        println!("  case {case}: {message}");
    }
    println!(
        "generator failures (cases not made): {}",
        shared.generator_failures.load(Ordering::Relaxed)
    );
    println!(
        "time:                 {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "reproduce: cargo run --release -p lodestar-export --example fuzz_import -- --cases {cases} --seed {seed} --import-every {import_every} --report-every {report_every} --threads {threads}{seed_files} (one case: --case N)"
    );
}

/// Writes a finding to the corpus, named so it can be replayed with `--seed S --case N`.
fn save(corpus: &Path, seed: u64, case: u64, kind: &str, bytes: &[u8]) {
    std::fs::create_dir_all(corpus).unwrap();
    let path = corpus.join(format!("fuzz-{kind}-seed{seed}-case{case}.json"));
    std::fs::write(path, bytes).unwrap();
}
