//! Benchmark (not a test): how long the PDF report takes for the bundled example and for a
//! large workshop (50 people, 100 needs, a 50-ballot vote with a run-off). Prints medians.
//! Run: `cargo run --release -p lodestar-export --example bench_report [ROUNDS]`.

// A measuring tool: any failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::Instant;

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
use lodestar_export::{read_workshop_file, render_report, Paper};

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
    file
}

fn median_ms(file: &WorkshopFile, rounds: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        bytes = render_report(file, Paper::A4).unwrap().len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], bytes)
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let example = read_workshop_file(EXAMPLE.as_bytes()).unwrap();
    let first = Instant::now();
    render_report(&example, Paper::A4).unwrap();
    println!(
        "first render in a fresh process (fonts load): {:.0} ms",
        first.elapsed().as_secs_f64() * 1000.0
    );
    let (ms, bytes) = median_ms(&example, rounds);
    println!("example report: median {ms:.0} ms over {rounds} renders ({bytes} bytes)");
    let (ms, bytes) = median_ms(&large(), rounds);
    println!("large report (50 people, 100 needs, 50 ballots): median {ms:.0} ms ({bytes} bytes)");
}
