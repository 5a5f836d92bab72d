//! Benchmark (not a test): how long the PDF report takes for the bundled example and for a
//! large workshop (50 people, 100 needs, a 50-ballot vote, 1,000 stickies in 20 frames with 200
//! links), and how long the canvas picture of that large board takes as PNG and SVG. Prints
//! medians.
//! Run: `cargo run --release -p lodestar-export --example bench_report [ROUNDS]`.
//! `--write-large FILE` writes that large workshop as a workshop file and stops, so the same
//! busy board can be imported into the app and looked at.

// A measuring tool: any failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

use lodestar_core::canvas::{
    CanvasItem, CanvasLink, CanvasScene, Checklist, Colour, Criterion, ItemKind, MetricTags,
    Nature, Timing,
};
use lodestar_core::categories::CategoryInput;
use lodestar_core::exchange::{
    BallotEntry, CategoryEntry, DecisionEntry, NeedEntry, StakeholderEntry, VoteEntry, WorkshopFile,
};
use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::records::VoteStatus;
use lodestar_core::stakeholders::{StakeholderInput, Stance};
use lodestar_core::votes::{
    Allocation, BallotInput, ResolvedBy, VoteMethod, VoteRules, VoteSubject,
};
use lodestar_export::{
    canvas_picture, read_workshop_file, render_canvas_png, render_canvas_svg, render_report,
    write_workshop_file, Paper,
};

const EXAMPLE: &str = include_str!("../../../assets/example/harbour-foods.lodestar.json");

fn large() -> WorkshopFile {
    let mut file = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    file.stakeholders = (0..50)
        .map(|i| StakeholderEntry {
            id: format!("p{i}"),
            position: i,
            details: StakeholderInput {
                name: format!("Person {i} Lastname"),
                role: "Regional manager".into(),
                function: "Operations".into(),
                influence: (i % 5 + 1) as u8,
                interest: ((i + 2) % 5 + 1) as u8,
                stance: Stance::Neutral,
                present: true,
                colour: String::new(),
            },
        })
        .collect();
    file.categories = (0..10)
        .map(|i| CategoryEntry {
            id: format!("c{i}"),
            position: i,
            details: CategoryInput {
                name: format!("Customer group {i}"),
                description: "A long description of who these customers are and how they buy"
                    .into(),
                why_best: "They are loyal, growing and a strategic fit".into(),
                ..Default::default()
            },
        })
        .collect();
    file.needs = (0..100)
        .map(|i| NeedEntry {
            id: format!("n{i}"),
            position: i,
            revision: 1,
            details: NeedInput {
                category_id: format!("c{}", i % 10),
                statement: format!(
                    "Customers in group {} get outcome number {i} within the agreed time",
                    i % 10
                ),
                specific_who: "Customers".into(),
                specific_what: "the outcome".into(),
                measure: format!("share of orders with outcome {i}"),
                unit: "%".into(),
                baseline: "60".into(),
                target: "90%".into(),
                achievable_how: "a named programme".into(),
                owner: "Operations".into(),
                relevant_link: "retention".into(),
                time_bound: "by 2027-12-31".into(),
                achievable_confirmed: true,
                achievable_reason: "pilot".into(),
                relevant_confirmed: true,
                relevant_reason: "survey".into(),
            },
            agreement: Agreement::Consensus,
        })
        .collect();
    let options: Vec<String> = (0..20).map(|i| format!("n{i}")).collect();
    let rules = VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: 5,
            max_per_option: 3,
        },
        anonymous: false,
        hidden_until_revealed: true,
    };
    let ballots = (0..50)
        .map(|i| BallotEntry {
            id: format!("b{i}"),
            voter_id: format!("p{i}"),
            proxy: false,
            ballot: BallotInput::Dot {
                allocations: vec![
                    Allocation {
                        option_id: format!("n{}", i % 20),
                        amount: 3,
                    },
                    Allocation {
                        option_id: format!("n{}", (i + 7) % 20),
                        amount: 2,
                    },
                ],
            },
            cast_at: 1,
        })
        .collect();
    file.votes = vec![VoteEntry {
        subject: VoteSubject::FocusNeed,
        id: "v1".into(),
        round: 1,
        runoff_of: None,
        rules,
        options: options.clone(),
        status: VoteStatus::Revealed,
        created_at: 1,
        ballots,
    }];
    file.decisions = vec![DecisionEntry {
        subject: VoteSubject::FocusNeed,
        vote_id: "v1".into(),
        option_id: "n0".into(),
        resolved_by: ResolvedBy::FacilitatorDecision,
        revisions: BTreeMap::new(),
        decided_at: 2,
    }];
    file.canvas = busy_canvas();
    file.north_star = None;
    file.actions.clear();
    file
}

/// 20 frames in a 5 × 4 grid, 50 stickies in each (10 × 5), and 200 links between them.
fn busy_canvas() -> CanvasScene {
    let mut items = Vec::new();
    let item =
        |id: String, kind: ItemKind, text: String, at: (f64, f64), size: (f64, f64)| CanvasItem {
            id,
            kind,
            text,
            colour: Colour::Yellow,
            author_id: Some("p1".into()),
            x: at.0,
            y: at.1,
            width: size.0,
            height: size.1,
            parent_frame: None,
            z: String::new(),
            tags: MetricTags::default(),
            linked_category: None,
            linked_need: None,
            checklist: Checklist::default(),
        };
    for f in 0..20 {
        let origin = (f64::from(f % 5) * 2100.0, f64::from(f / 5) * 800.0);
        let frame_id = format!("f{f}");
        let mut frame = item(
            frame_id.clone(),
            ItemKind::Frame,
            format!("Cluster {f}"),
            origin,
            (2040.0, 720.0),
        );
        // Stacking keys must not end in 0 (is_z_key): a trailing 1 keeps the order.
        frame.z = format!("a{f:04}1");
        items.push(frame);
        for s in 0..50 {
            let at = (
                origin.0 + 20.0 + f64::from(s % 10) * 200.0,
                origin.1 + 40.0 + f64::from(s / 10) * 136.0,
            );
            let mut sticky = item(
                format!("s{f}-{s}"),
                if s % 10 == 9 {
                    ItemKind::Kpi
                } else {
                    ItemKind::Sticky
                },
                format!("Candidate metric {s} of cluster {f}, counted weekly"),
                at,
                (180.0, 120.0),
            );
            sticky.parent_frame = Some(frame_id.clone());
            sticky.z = format!("b{f:02}{s:02}1");
            sticky.tags = MetricTags {
                outcome_or_output: Some(if s % 2 == 0 {
                    Nature::Outcome
                } else {
                    Nature::Output
                }),
                leading_or_lagging: Some(Timing::Leading),
            };
            sticky.checklist = Checklist::default()
                .with(Criterion::Measurable, true)
                .with(Criterion::Actionable, s % 3 == 0);
            items.push(sticky);
        }
    }
    // Each link starts at its own sticky (frame i % 20, sticky i / 20): no pair is linked twice,
    // which an import would refuse.
    let links = (0..200)
        .map(|i: u32| CanvasLink {
            id: format!("l{i}"),
            from: format!("s{}-{}", i % 20, i / 20),
            to: format!("s{}-{}", (i + 1) % 20, (i * 7 + 3) % 50),
            label: String::new(),
        })
        .collect();
    CanvasScene::new(items, links)
}

/// Median over `rounds` renders. Each round changes the title, so typst's memoisation cannot
/// hand back the previous result whole (it still reuses unchanged parts, as it does in the app
/// when a report is saved again after an edit).
fn median_ms(file: &WorkshopFile, rounds: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut bytes = 0;
    for round in 0..rounds {
        let mut file = file.clone();
        file.workshop.title = format!("{} (round {round})", file.workshop.title);
        let (pdf, ms) = timed(|| render_report(&file, Paper::A4).unwrap());
        bytes = pdf.len();
        times.push(ms);
    }
    (median(&mut times), bytes)
}

/// What `work` returns, and how long it took in milliseconds.
fn timed<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = work();
    (out, start.elapsed().as_secs_f64() * 1000.0)
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--write-large") {
        let path = args.get(at + 1).expect("--write-large needs a file name");
        std::fs::write(path, write_workshop_file(&large())).unwrap();
        println!("wrote the large workshop to {path}");
        return;
    }
    let rounds: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(7);
    let example = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    let (_, ms) = timed(|| render_report(&example, Paper::A4).unwrap());
    println!("first render in a fresh process (fonts load): {ms:.0} ms");
    let (ms, bytes) = median_ms(&example, rounds);
    println!("example report: median {ms:.0} ms over {rounds} renders ({bytes} bytes)");
    let large = large();
    let (_, ms) = timed(|| render_report(&large, Paper::A4).unwrap());
    println!("first render of the large report: {ms:.0} ms");
    let (ms, bytes) = median_ms(&large, rounds);
    println!(
        "large report (50 people, 100 needs, 50 ballots, 1,000 stickies, 200 links): \
         median {ms:.0} ms ({bytes} bytes)"
    );
    let picture = canvas_picture(&large, None, true);
    let mut png = Vec::new();
    let mut svg = Vec::new();
    let mut size = (0, 0);
    for _ in 0..rounds {
        let (drawn, ms) = timed(|| render_canvas_png(&picture, 2.0).unwrap());
        size.0 = drawn.len();
        png.push(ms);
        let (drawn, ms) = timed(|| render_canvas_svg(&picture).unwrap());
        size.1 = drawn.len();
        svg.push(ms);
    }
    println!(
        "canvas picture of the 1,000 stickies: PNG median {:.0} ms ({} bytes), SVG median {:.0} ms ({} bytes)",
        median(&mut png),
        size.0,
        median(&mut svg),
        size.1
    );
}
