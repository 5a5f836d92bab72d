//! Writes `assets/example/harbour-foods.lodestar.json`, the example workshop the app offers
//! on its home screen: a fictional regional grocery chain running every step so far.
//! Run with `cargo run -p lodestar-export --example make_example`.

// A one-off generator: any failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_core::categories::{BestReason, CategoryInput};
use lodestar_core::exchange::with_fresh_ids;
use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::stakeholders::{StakeholderInput, Stance};
use lodestar_core::timers::TimerAction;
use lodestar_core::votes::{Allocation, BallotInput, VoteMethod, VoteRules, VoteSubject};
use lodestar_core::{Step, WorkshopInput};
use lodestar_export::write_workshop_file;
use lodestar_store::Store;

/// 2026-11-23 09:00 UTC, so the file is the same every time it is generated.
const START: i64 = 1_795_424_400_000;

fn person(
    name: &str,
    role: &str,
    function: &str,
    inf: u8,
    int: u8,
    stance: Stance,
) -> StakeholderInput {
    StakeholderInput {
        name: name.into(),
        role: role.into(),
        function: function.into(),
        influence: inf,
        interest: int,
        stance,
        present: true,
        colour: String::new(),
    }
}

struct NeedText<'a> {
    statement: &'a str,
    who: &'a str,
    what: &'a str,
    measure: &'a str,
    unit: &'a str,
    baseline: &'a str,
    target: &'a str,
    how: &'a str,
    owner: &'a str,
    relevant: &'a str,
    time: &'a str,
}

fn need(category_id: &str, t: &NeedText<'_>) -> NeedInput {
    NeedInput {
        category_id: category_id.into(),
        statement: t.statement.into(),
        specific_who: t.who.into(),
        specific_what: t.what.into(),
        measure: t.measure.into(),
        unit: t.unit.into(),
        baseline: t.baseline.into(),
        target: t.target.into(),
        achievable_how: t.how.into(),
        owner: t.owner.into(),
        relevant_link: t.relevant.into(),
        time_bound: t.time.into(),
        achievable_confirmed: true,
        achievable_reason: "The Leith pilot store reached it in eight weeks".into(),
        relevant_confirmed: true,
        relevant_reason: "It is what these customers told us they value most".into(),
    }
}

fn dots(option_id: &str, amount: u32) -> Allocation {
    Allocation {
        option_id: option_id.into(),
        amount,
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(dir.path()).unwrap();
    let mut t = START;
    let mut tick = || {
        t += 60_000;
        t
    };
    let input = WorkshopInput {
        title: "Harbour Foods North Star offsite".into(),
        organisation: "Harbour Foods".into(),
        date: "2026-11-23".into(),
        facilitator: "Morgan Ellis".into(),
    };
    let w = store.create_workshop(&input, tick()).unwrap();
    let people = [
        person(
            "Priya Nair",
            "Chief Executive",
            "Top team",
            5,
            4,
            Stance::Supportive,
        ),
        person(
            "Tom Becker",
            "Head of Stores",
            "Operations",
            4,
            5,
            Stance::Supportive,
        ),
        person(
            "Aisha Khan",
            "Marketing Director",
            "Marketing",
            4,
            4,
            Stance::Neutral,
        ),
        person(
            "Luis Ortega",
            "Supply Chain Lead",
            "Operations",
            3,
            3,
            Stance::Sceptical,
        ),
        person(
            "Hannah Lee",
            "Customer Service Manager",
            "Customer service",
            2,
            5,
            Stance::Supportive,
        ),
        person(
            "Sam Whitfield",
            "Account Director",
            "External agency",
            2,
            2,
            Stance::Neutral,
        ),
    ];
    let people: Vec<String> = people
        .iter()
        .map(|p| store.add_stakeholder(&w.id, p, tick()).unwrap().id)
        .collect();

    let families = store
        .add_category(
            &w.id,
            &CategoryInput {
                name: "Busy families".into(),
                description: "Households with children who shop weekly, online and in store".into(),
                why_best: "A third of revenue, loyal for years, and they bring friends".into(),
                reasons: vec![BestReason::Value, BestReason::Loyalty],
                size: "41,000 households".into(),
                value: "£96 average basket".into(),
                priority: true,
            },
            tick(),
        )
        .unwrap()
        .id;
    let cafes =
        store
            .add_category(
                &w.id,
                &CategoryInput {
                    name: "Local cafés and restaurants".into(),
                    description:
                        "Independent food businesses ordering fresh produce several times a week"
                            .into(),
                    why_best: "Fastest-growing segment and a strategic fit with our fresh range"
                        .into(),
                    reasons: vec![BestReason::Growth, BestReason::StrategicFit],
                    size: "620 accounts".into(),
                    value: "£1,900 a month each".into(),
                    priority: true,
                },
                tick(),
            )
            .unwrap()
            .id;
    let seniors = store
        .add_category(
            &w.id,
            &CategoryInput {
                name: "Older neighbours".into(),
                description: "Customers over 70 who rely on the local store and home delivery"
                    .into(),
                why_best: "Very loyal, and the community counts on us".into(),
                reasons: vec![BestReason::Loyalty],
                size: "12,500 customers".into(),
                value: "£38 average basket".into(),
                priority: false,
            },
            tick(),
        )
        .unwrap()
        .id;

    let texts = [
        (
            &families,
            NeedText {
                statement:
                    "Families get the complete weekly order in the one-hour slot they booked",
                who: "Busy families ordering online",
                what: "receive every item in the booked slot",
                measure: "complete orders delivered in the booked slot",
                unit: "%",
                baseline: "78",
                target: "95%",
                how: "Dynamic routing and a substitutions call before picking",
                owner: "Tom Becker (Stores)",
                relevant: "Missed slots are the first reason families leave",
                time: "by 2027-06-30",
            },
        ),
        (
            &cafes,
            NeedText {
                statement: "Cafés receive fresh produce before 7:00 on every delivery day",
                who: "Local cafés and restaurants",
                what: "receive fresh produce before opening",
                measure: "deliveries arriving before 7:00",
                unit: "%",
                baseline: "64",
                target: "92%",
                how: "An early wholesale run from the Leith hub",
                owner: "Luis Ortega (Supply chain)",
                relevant: "Late produce forces cafés to change their menu",
                time: "Q2 2027",
            },
        ),
        (
            &seniors,
            NeedText {
                statement: "Older neighbours can order by phone and get help within 2 minutes",
                who: "Customers over 70",
                what: "reach a person and place an order by phone",
                measure: "calls answered by a person within 2 minutes",
                unit: "%",
                baseline: "55",
                target: "90%",
                how: "A dedicated phone line staffed from two stores",
                owner: "Hannah Lee (Customer service)",
                relevant: "Phone ordering keeps them shopping with us",
                time: "within 6 months",
            },
        ),
        (
            &families,
            NeedText {
                statement: "Families find the products they planned to buy in stock",
                who: "Busy families in store and online",
                what: "find planned products on the shelf",
                measure: "planned items found in stock",
                unit: "%",
                baseline: "91",
                target: "98%",
                how: "Demand forecasting per store",
                owner: "Aisha Khan (Marketing) with Supply chain",
                relevant: "Out-of-stocks send families to competitors",
                time: "by end of 2027",
            },
        ),
    ];
    let mut needs = Vec::new();
    for (category, text) in &texts {
        let created = store
            .add_need(&w.id, &need(category, text), tick())
            .unwrap();
        needs.push(created.id);
    }
    for id in &needs[..3] {
        store
            .set_need_agreement(id, &Agreement::Consensus, tick())
            .unwrap();
    }
    store
        .set_need_agreement(
            &needs[3],
            &Agreement::Objections {
                objector_ids: vec![people[3].clone()],
                note: "Supply chain cannot commit to 98% before the new warehouse opens".into(),
            },
            tick(),
        )
        .unwrap();

    for step in [
        Step::Stakeholders,
        Step::Categories,
        Step::Needs,
        Step::Vote,
    ] {
        store
            .update_timer(&w.id, step, &TimerAction::Start, tick())
            .unwrap();
        store
            .update_timer(&w.id, step, &TimerAction::Pause, tick() + 4 * 60_000)
            .unwrap();
    }

    let rules = VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: 3,
            max_per_option: 2,
        },
        anonymous: false,
        hidden_until_revealed: true,
    };
    let vote = store
        .create_vote(&w.id, VoteSubject::FocusNeed, &rules, &needs[..3], tick())
        .unwrap();
    let first_round = [
        vec![dots(&needs[0], 2), dots(&needs[1], 1)],
        vec![dots(&needs[0], 2), dots(&needs[2], 1)],
        vec![dots(&needs[1], 2), dots(&needs[0], 1)],
        vec![dots(&needs[1], 2), dots(&needs[2], 1)],
        vec![dots(&needs[2], 2), dots(&needs[1], 1)],
        vec![dots(&needs[0], 2), dots(&needs[1], 1)],
    ];
    for (i, allocations) in first_round.into_iter().enumerate() {
        let ballot = BallotInput::Dot { allocations };
        store
            .cast_ballot(&vote.id, &people[i], &ballot, i == 5, tick())
            .unwrap();
    }
    store.close_vote(&vote.id, tick()).unwrap();
    store.reveal_vote(&vote.id, tick()).unwrap();
    let runoff = store.start_runoff(&vote.id, tick()).unwrap();
    let second_round = [0, 0, 1, 0, 0, 1];
    for (i, choice) in second_round.into_iter().enumerate() {
        let ballot = BallotInput::Dot {
            allocations: vec![dots(&needs[choice], 2)],
        };
        store
            .cast_ballot(&runoff.id, &people[i], &ballot, i == 5, tick())
            .unwrap();
    }
    store.close_vote(&runoff.id, tick()).unwrap();
    store.reveal_vote(&runoff.id, tick()).unwrap();
    store.set_current_step(&w.id, Step::Vote, tick()).unwrap();

    let file = store.export_workshop(&w.id).unwrap();
    let mut counter = 0;
    let file = with_fresh_ids(&file, || {
        counter += 1;
        format!("harbour-{counter:03}")
    });
    let out = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/example/harbour-foods.lodestar.json"
    );
    std::fs::write(out, write_workshop_file(&file)).unwrap();
    println!("wrote {out}");
}
