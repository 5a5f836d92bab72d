//! Writes `assets/example/harbour-foods.lodestar.json`, the example workshop the app offers
//! on its home screen: a fictional regional grocery chain running all six steps.
//! Run with `cargo run -p lodestar-export --example make_example`.

// A one-off generator: any failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use lodestar_core::canvas::{
    ActionInput, CanvasOp, Checklist, Colour, Criterion, InputMetric, ItemContent, ItemKind,
    MetricTags, Nature, NewItem, NorthStarInput, Timing,
};
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
    let focus_need = needs[0].clone();
    let categories = [families.clone(), cafes.clone(), seniors.clone()];
    north_star_canvas(
        &mut store,
        &w.id,
        &people,
        &categories,
        &focus_need,
        &mut tick,
    );
    store.set_current_step(&w.id, Step::Report, tick()).unwrap();

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

/// One sticky or KPI as the room wrote it: text, kind, colour, author, tags, criteria met.
struct Card<'a> {
    text: &'a str,
    kind: ItemKind,
    colour: Colour,
    author: usize,
    nature: Option<Nature>,
    timing: Option<Timing>,
    met: &'a [Criterion],
}

fn card<'a>(
    text: &'a str,
    author: usize,
    nature: Nature,
    timing: Timing,
    met: &'a [Criterion],
) -> Card<'a> {
    Card {
        text,
        kind: ItemKind::Sticky,
        colour: match nature {
            Nature::Outcome => Colour::Yellow,
            Nature::Output => Colour::Blue,
        },
        author,
        nature: Some(nature),
        timing: Some(timing),
        met,
    }
}

fn kpi(text: &str, nature: Nature) -> Card<'_> {
    Card {
        text,
        kind: ItemKind::Kpi,
        colour: Colour::Grey,
        author: 0,
        nature: Some(nature),
        timing: Some(Timing::Lagging),
        met: &[],
    }
}

/// Step 5: four clusters of candidates and current KPIs, links from inputs to the winner, a
/// dot vote, the North Star with its inputs and owners, and the actions the room took away.
fn north_star_canvas(
    store: &mut Store,
    workshop_id: &str,
    people: &[String],
    categories: &[String],
    focus_need: &str,
    tick: &mut impl FnMut() -> i64,
) {
    use Criterion::*;
    use Nature::*;
    use Timing::*;
    let clusters: [(&str, Vec<Card<'_>>); 4] = [
        (
            "Delivering the promise",
            vec![
                card(
                    "Weekly orders delivered complete in the booked hour",
                    0,
                    Outcome,
                    Leading,
                    &[
                        CustomerValue,
                        ReflectsStrategy,
                        LeadingIndicator,
                        Actionable,
                        Understandable,
                        Measurable,
                        NotVanity,
                    ],
                ),
                card(
                    "Orders with no substitutions",
                    3,
                    Outcome,
                    Leading,
                    &[CustomerValue, Actionable, Measurable],
                ),
                card(
                    "Slots delivered on time",
                    1,
                    Outcome,
                    Leading,
                    &[CustomerValue, Actionable, Understandable, Measurable],
                ),
                card(
                    "Picking accuracy",
                    3,
                    Output,
                    Leading,
                    &[Actionable, Measurable, Understandable],
                ),
            ],
        ),
        (
            "Families coming back",
            vec![
                card(
                    "Families ordering again within 14 days",
                    2,
                    Outcome,
                    Leading,
                    &[
                        CustomerValue,
                        LeadingIndicator,
                        Measurable,
                        NotVanity,
                        Understandable,
                    ],
                ),
                card(
                    "Weekly active families",
                    2,
                    Outcome,
                    Lagging,
                    &[CustomerValue, ReflectsStrategy, Measurable],
                ),
                card(
                    "Complaints per 1,000 orders",
                    4,
                    Outcome,
                    Lagging,
                    &[CustomerValue, Measurable],
                ),
            ],
        ),
        (
            "Growth ideas",
            vec![
                card("App downloads", 5, Output, Leading, &[Measurable]),
                card(
                    "Basket size",
                    5,
                    Output,
                    Lagging,
                    &[ReflectsStrategy, Measurable],
                ),
                card("Newsletter sign-ups", 2, Output, Leading, &[Measurable]),
            ],
        ),
        (
            "Current KPIs",
            vec![
                kpi("Revenue per week", Output),
                kpi("Orders picked per hour", Output),
                kpi("Vans on the road", Output),
                kpi("Net promoter score", Outcome),
                kpi("Cost per delivery", Output),
            ],
        ),
    ];
    let mut ids: Vec<(String, String)> = Vec::new();
    for (index, (title, cards)) in clusters.iter().enumerate() {
        let left = (index % 2) as f64 * 760.0;
        let top = (index / 2) as f64 * 520.0;
        let mut members = Vec::new();
        for (i, c) in cards.iter().enumerate() {
            let content = ItemContent {
                text: c.text.into(),
                colour: c.colour,
                author_id: (c.kind == ItemKind::Sticky).then(|| people[c.author].clone()),
                tags: MetricTags {
                    outcome_or_output: c.nature,
                    leading_or_lagging: c.timing,
                },
                linked_category: (index < 2).then(|| categories[0].clone()),
                linked_need: (index == 0 && i == 0).then(|| focus_need.to_string()),
                checklist: c
                    .met
                    .iter()
                    .fold(Checklist::default(), |list, m| list.with(*m, true)),
            };
            let op = CanvasOp::Create {
                item: NewItem {
                    kind: c.kind,
                    x: left + 40.0 + (i % 3) as f64 * 220.0,
                    y: top + 60.0 + (i / 3) as f64 * 160.0,
                    width: 200.0,
                    height: 130.0,
                    parent_frame: None,
                    content,
                },
            };
            let change = store.apply_canvas_ops(workshop_id, &[op], tick()).unwrap();
            let id = change.upserts[0].id.clone();
            ids.push((c.text.to_string(), id.clone()));
            members.push(id);
        }
        let group = CanvasOp::Group {
            ids: members,
            title: (*title).into(),
        };
        store
            .apply_canvas_ops(workshop_id, &[group], tick())
            .unwrap();
    }
    let id = |text: &str| {
        ids.iter()
            .find(|(t, _)| t == text)
            .map(|(_, id)| id.clone())
            .unwrap()
    };
    let star = id("Weekly orders delivered complete in the booked hour");
    let inputs = [
        ("Slots delivered on time", "Tom Becker (Stores)"),
        ("Orders with no substitutions", "Luis Ortega (Supply chain)"),
        (
            "Families ordering again within 14 days",
            "Aisha Khan (Marketing)",
        ),
    ];
    for (text, _) in &inputs {
        let link = CanvasOp::Link {
            from: id(text),
            to: star.clone(),
            label: "drives".into(),
        };
        store
            .apply_canvas_ops(workshop_id, &[link], tick())
            .unwrap();
    }

    let options = vec![
        star.clone(),
        id("Families ordering again within 14 days"),
        id("Weekly active families"),
        id("Slots delivered on time"),
    ];
    let rules = VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: 2,
            max_per_option: 2,
        },
        anonymous: true,
        hidden_until_revealed: true,
    };
    let vote = store
        .create_vote(
            workshop_id,
            VoteSubject::NorthStar,
            &rules,
            &options,
            tick(),
        )
        .unwrap();
    let ballots = [
        vec![dots(&options[0], 2)],
        vec![dots(&options[0], 1), dots(&options[3], 1)],
        vec![dots(&options[1], 2)],
        vec![dots(&options[0], 1), dots(&options[1], 1)],
        vec![dots(&options[0], 2)],
        vec![dots(&options[2], 1), dots(&options[0], 1)],
    ];
    for (i, allocations) in ballots.into_iter().enumerate() {
        let ballot = BallotInput::Dot { allocations };
        store
            .cast_ballot(&vote.id, &people[i], &ballot, false, tick())
            .unwrap();
    }
    store.close_vote(&vote.id, tick()).unwrap();
    store.reveal_vote(&vote.id, tick()).unwrap();

    let definition = NorthStarInput {
        item_id: star.clone(),
        name: "Complete on-time weekly orders".into(),
        counted: "Family orders delivered complete (no missing items) inside the booked one-hour slot, per week".into(),
        unit: "orders per week".into(),
        current_value: "6,200 (71% of orders)".into(),
        target: "9,500 (95% of orders)".into(),
        time_frame: "by 2027-09-30".into(),
    };
    let mut metrics: Vec<InputMetric> = inputs
        .iter()
        .map(|(text, owner)| InputMetric {
            item_id: Some(id(text)),
            name: (*text).into(),
            owner: (*owner).into(),
        })
        .collect();
    metrics.push(InputMetric {
        item_id: None,
        name: "Pickers trained on the new scanners".into(),
        owner: "Hannah Lee (Customer service)".into(),
    });
    store
        .set_north_star(workshop_id, &definition, &metrics, tick())
        .unwrap();

    let actions = [
        (
            "Publish the North Star and its four inputs on the store dashboards",
            "Priya Nair",
            "2026-12-04",
        ),
        (
            "Pull a year of slot and completeness data to confirm the baseline",
            "Luis Ortega",
            "2026-12-11",
        ),
        (
            "Run a two-week pilot of substitution calls in the Harbourside store",
            "Tom Becker",
            "2027-01-15",
        ),
        (
            "Retire app downloads from the weekly management report",
            "Aisha Khan",
            "2026-12-18",
        ),
    ];
    for (what, owner, due) in actions {
        let action = ActionInput {
            what: what.into(),
            owner: owner.into(),
            due: due.into(),
        };
        store.add_action(workshop_id, &action, tick()).unwrap();
    }
    store
        .update_timer(workshop_id, Step::Canvas, &TimerAction::Start, tick())
        .unwrap();
    store
        .update_timer(
            workshop_id,
            Step::Canvas,
            &TimerAction::Pause,
            tick() + 40 * 60_000,
        )
        .unwrap();
}
