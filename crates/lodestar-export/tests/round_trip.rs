//! Property: for generated workshops, export → JSON → import into an empty store → export
//! gives the same JSON, byte for byte.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_core::canvas::{
    ActionInput, CanvasOp, Checklist, Colour, Criterion, InputMetric, ItemContent, ItemKind,
    MetricTags, Nature, NewItem, NorthStarInput, Timing,
};
use lodestar_core::categories::{BestReason, CategoryInput};
use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::stakeholders::{StakeholderInput, Stance};
use lodestar_core::votes::{Allocation, BallotInput, VoteMethod, VoteRules, VoteSubject};
use lodestar_core::WorkshopInput;
use lodestar_export::{read_workshop_file, write_workshop_file};
use lodestar_store::Store;
use proptest::prelude::*;

fn text(max: usize) -> impl Strategy<Value = String> {
    // Any characters, including quotes, markup and emoji; trimmed because inputs are.
    proptest::string::string_regex(&format!("[^\\x00-\\x1f]{{0,{max}}}"))
        .unwrap()
        .prop_map(|s| s.trim().to_string())
}

fn name() -> impl Strategy<Value = String> {
    text(30).prop_map(|s| {
        if s.is_empty() {
            "Someone".to_string()
        } else {
            s
        }
    })
}

fn person() -> impl Strategy<Value = StakeholderInput> {
    (name(), text(20), 1u8..=5, 1u8..=5, 0usize..3, any::<bool>()).prop_map(
        |(name, role, influence, interest, stance, present)| StakeholderInput {
            name,
            role,
            function: String::new(),
            influence,
            interest,
            stance: [Stance::Supportive, Stance::Neutral, Stance::Sceptical][stance],
            present,
            colour: String::new(),
        },
    )
}

fn category() -> impl Strategy<Value = CategoryInput> {
    (name(), text(60), any::<bool>(), any::<bool>()).prop_map(
        |(name, why_best, loyal, priority)| CategoryInput {
            name,
            why_best,
            reasons: if loyal {
                vec![BestReason::Loyalty]
            } else {
                vec![BestReason::Value]
            },
            priority,
            ..Default::default()
        },
    )
}

#[derive(Debug, Clone)]
struct Plan {
    people: Vec<StakeholderInput>,
    categories: Vec<CategoryInput>,
    needs: Vec<(usize, String, String, u8)>,
    vote: bool,
    stickies: Vec<Sticky>,
    /// Group the first stickies into a frame, link the first two, vote and promote.
    cluster: bool,
    decide: bool,
    actions: Vec<(String, String)>,
}

/// A sticky as generated: text, colour, position (any real numbers), tags and ticks.
#[derive(Debug, Clone)]
struct Sticky {
    text: String,
    colour: usize,
    x: f64,
    y: f64,
    kpi: bool,
    outcome: Option<bool>,
    leading: Option<bool>,
    ticks: Vec<usize>,
}

fn sticky() -> impl Strategy<Value = Sticky> {
    (
        text(40),
        0usize..6,
        // Any real positions, close enough that two stickies fit in one frame (≤ 5000 across).
        -2000.0f64..2000.0,
        -2000.0f64..2000.0,
        any::<bool>(),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        prop::collection::vec(0usize..7, 0..7),
    )
        .prop_map(
            |(text, colour, x, y, kpi, outcome, leading, ticks)| Sticky {
                text,
                colour,
                x,
                y,
                kpi,
                outcome,
                leading,
                ticks,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(person(), 1..6),
        prop::collection::vec(category(), 1..4),
        prop::collection::vec((0usize..4, name(), text(10), 0u8..3), 0..6),
        any::<bool>(),
        prop::collection::vec(sticky(), 0..8),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((name(), name()), 0..3),
    )
        .prop_map(
            |(people, categories, needs, vote, stickies, cluster, decide, actions)| Plan {
                people,
                categories,
                needs,
                vote,
                stickies,
                cluster,
                decide,
                actions,
            },
        )
}

fn smart_need(category_id: &str, i: usize) -> NeedInput {
    NeedInput {
        category_id: category_id.to_string(),
        statement: format!("Orders delivered in the booked slot {i}"),
        specific_who: "Families".into(),
        specific_what: "orders arrive in the slot".into(),
        measure: "orders in slot".into(),
        unit: "%".into(),
        target: "95%".into(),
        achievable_how: "routing".into(),
        owner: "Ops".into(),
        relevant_link: "churn".into(),
        time_bound: "by 2027-06-30".into(),
        achievable_confirmed: true,
        achievable_reason: "pilot".into(),
        relevant_confirmed: true,
        relevant_reason: "survey".into(),
        ..Default::default()
    }
}

fn build(store: &mut Store, plan: &Plan) -> String {
    let input = WorkshopInput {
        title: "Generated".into(),
        ..Default::default()
    };
    let w = store.create_workshop(&input, 1).unwrap();
    let people: Vec<String> = plan
        .people
        .iter()
        .map(|p| store.add_stakeholder(&w.id, p, 2).unwrap().id)
        .collect();
    let categories: Vec<String> = plan
        .categories
        .iter()
        .map(|c| store.add_category(&w.id, c, 3).unwrap().id)
        .collect();
    let mut needs = Vec::new();
    for (category, statement, target, agreement) in &plan.needs {
        let input = NeedInput {
            category_id: categories[category % categories.len()].clone(),
            statement: statement.clone(),
            target: target.clone(),
            ..Default::default()
        };
        let need = store.add_need(&w.id, &input, 4).unwrap();
        let agreement = match agreement {
            0 => Agreement::Pending,
            1 => Agreement::Consensus,
            _ => Agreement::Objections {
                objector_ids: vec![people[0].clone()],
                note: "why".into(),
            },
        };
        store.set_need_agreement(&need.id, &agreement, 5).unwrap();
        needs.push(need.id);
    }
    if plan.vote {
        // Two needs that pass every SMART check and are agreed, then a revealed dot vote.
        let options: Vec<String> = (0..2)
            .map(|i| {
                let need = store
                    .add_need(&w.id, &smart_need(&categories[0], i), 6)
                    .unwrap();
                store
                    .set_need_agreement(&need.id, &Agreement::Consensus, 7)
                    .unwrap();
                need.id
            })
            .collect();
        let rules = VoteRules {
            method: VoteMethod::Dot {
                dots_per_voter: 1,
                max_per_option: 1,
            },
            anonymous: false,
            hidden_until_revealed: true,
        };
        let vote = store
            .create_vote(&w.id, VoteSubject::FocusNeed, &rules, &options, 8)
            .unwrap();
        for (i, person) in people.iter().enumerate() {
            let option_id = options[i % 2].clone();
            let ballot = BallotInput::Dot {
                allocations: vec![Allocation {
                    option_id,
                    amount: 1,
                }],
            };
            store
                .cast_ballot(&vote.id, person, &ballot, i % 3 == 0, 9)
                .unwrap();
        }
        store.close_vote(&vote.id, 10).unwrap();
        store.reveal_vote(&vote.id, 11).unwrap();
    }
    build_canvas(store, &w.id, plan, &people);
    for (what, owner) in &plan.actions {
        let action = ActionInput {
            what: what.clone(),
            owner: owner.clone(),
            due: "2027-01-15".into(),
        };
        store.add_action(&w.id, &action, 20).unwrap();
    }
    w.id
}

fn build_canvas(store: &mut Store, workshop_id: &str, plan: &Plan, people: &[String]) {
    let mut ids = Vec::new();
    for (i, s) in plan.stickies.iter().enumerate() {
        let content = ItemContent {
            text: s.text.clone(),
            colour: Colour::ALL[s.colour],
            author_id: Some(people[i % people.len()].clone()),
            tags: MetricTags {
                outcome_or_output: s
                    .outcome
                    .map(|o| if o { Nature::Outcome } else { Nature::Output }),
                leading_or_lagging: s.leading.map(|l| {
                    if l {
                        Timing::Leading
                    } else {
                        Timing::Lagging
                    }
                }),
            },
            checklist: s.ticks.iter().fold(Checklist::default(), |c, t| {
                c.with(Criterion::ALL[*t], true)
            }),
            ..ItemContent::default()
        };
        let op = CanvasOp::Create {
            item: NewItem {
                kind: if s.kpi {
                    ItemKind::Kpi
                } else {
                    ItemKind::Sticky
                },
                x: s.x,
                y: s.y,
                width: 160.0,
                height: 120.0,
                parent_frame: None,
                content,
            },
        };
        let change = store.apply_canvas_ops(workshop_id, &[op], 12).unwrap();
        ids.push(change.upserts[0].id.clone());
    }
    if plan.cluster && ids.len() >= 2 {
        let group = CanvasOp::Group {
            ids: ids[..2].to_vec(),
            title: "Cluster".into(),
        };
        let link = CanvasOp::Link {
            from: ids[0].clone(),
            to: ids[1].clone(),
            label: "drives".into(),
        };
        store
            .apply_canvas_ops(workshop_id, &[group, link], 13)
            .unwrap();
    }
    // Only cards with words can be put to the vote; take the list the app would offer.
    let ids = store
        .workshop_data(workshop_id, 14)
        .unwrap()
        .metric_candidates;
    if plan.decide && ids.len() >= 2 {
        let rules = VoteRules {
            method: VoteMethod::Borda,
            anonymous: true,
            hidden_until_revealed: false,
        };
        let vote = store
            .create_vote(workshop_id, VoteSubject::NorthStar, &rules, &ids, 14)
            .unwrap();
        let ballot = BallotInput::Ranking { order: ids.clone() };
        store
            .cast_ballot(&vote.id, &people[0], &ballot, false, 15)
            .unwrap();
        store.close_vote(&vote.id, 16).unwrap();
        store.reveal_vote(&vote.id, 17).unwrap();
        let definition = NorthStarInput {
            item_id: ids[0].clone(),
            name: "Nights booked".into(),
            counted: "nights stayed by guests".into(),
            unit: "nights".into(),
            current_value: String::new(),
            target: "10,000".into(),
            time_frame: "by 2027-12-31".into(),
        };
        let inputs = vec![InputMetric {
            item_id: Some(ids[1].clone()),
            name: "Repeat guests".into(),
            owner: "Marketing".into(),
        }];
        store
            .set_north_star(workshop_id, &definition, &inputs, 18)
            .unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_lossless(plan in plan()) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in_dir(dir.path()).unwrap();
        let id = build(&mut store, &plan);
        let first = write_workshop_file(&store.export_workshop(&id).unwrap());

        let other_dir = tempfile::tempdir().unwrap();
        let mut other = Store::open_in_dir(other_dir.path()).unwrap();
        let parsed = read_workshop_file(first.as_bytes()).unwrap();
        other.import_workshop(&parsed, 99).unwrap();
        let second = write_workshop_file(&other.export_workshop(&id).unwrap());
        prop_assert_eq!(first, second);
    }
}
