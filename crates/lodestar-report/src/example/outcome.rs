//! The second half of the Harbour Foods example: what the room decided — the votes, the North
//! Star with its owned inputs, the actions and the candidates from the canvas.

use super::{NEED_CAFES_EARLY, NEED_FAMILIES_SLOT, NEED_NEIGHBOURS_PHONE, NORTH_STAR};
use crate::canvas::{CanvasPicture, PictureItem, PictureKind, PictureLink, PictureRole};
use crate::model::{Action, Candidate, InputMetric, NorthStar, TallyRow, VoteRound};

fn row(option: &str, score: f64, rank: u32) -> TallyRow {
    TallyRow {
        option: option.into(),
        score,
        rank,
    }
}

pub(super) fn votes() -> Vec<VoteRound> {
    let dots = "Dot voting: 3 dots each, at most 2 per need";
    vec![
        VoteRound {
            title: "Most important need".into(),
            method: dots.into(),
            anonymous: false,
            ballots: 6,
            runoff: false,
            rows: vec![
                row(NEED_FAMILIES_SLOT, 7.0, 1),
                row(NEED_CAFES_EARLY, 7.0, 1),
                row(NEED_NEIGHBOURS_PHONE, 4.0, 3),
            ],
            outcome: "Tie at 7 dots between the families' and the cafés' needs".into(),
            decided_by: "Not decided: the tie went to a run-off".into(),
        },
        VoteRound {
            title: "Run-off between the tied needs".into(),
            method: dots.into(),
            anonymous: false,
            ballots: 6,
            runoff: true,
            rows: vec![
                row(NEED_FAMILIES_SLOT, 8.0, 1),
                row(NEED_CAFES_EARLY, 4.0, 2),
            ],
            outcome: "The families' need wins, 8 dots to 4".into(),
            decided_by: "Highest dot count in the run-off".into(),
        },
        VoteRound {
            title: "North Star metric".into(),
            method: "Ranking (Borda count): each person ranks their top three candidates".into(),
            anonymous: true,
            ballots: 6,
            runoff: false,
            rows: vec![
                row(NORTH_STAR, 15.0, 1),
                row("Perfect order rate", 9.0, 2),
                row("Repeat order rate within 30 days", 8.0, 3),
                row("Net promoter score", 4.0, 4),
            ],
            outcome: "Weekly households with a complete on-time order becomes the North Star"
                .into(),
            decided_by: "Highest Borda score".into(),
        },
    ]
}

pub(super) fn north_star() -> NorthStar {
    let input = |name: &str, owner: &str| InputMetric {
        name: name.into(),
        owner: owner.into(),
    };
    NorthStar {
        name: NORTH_STAR.into(),
        definition:
            "Distinct households in a week whose online or click-and-collect order arrived \
            complete (every item, or a substitute they accepted) inside the slot they booked."
                .into(),
        unit: "Households per week".into(),
        current_value: "18,400".into(),
        target: "26,000".into(),
        time_frame: "By 30 June 2027".into(),
        inputs: vec![
            input(
                "Orders delivered inside the booked slot (%)",
                "Tom Becker (Stores)",
            ),
            input(
                "Items picked complete or substituted with consent (%)",
                "Luis Ortega (Supply chain)",
            ),
            input(
                "Households ordering again within 14 days",
                "Aisha Khan (Marketing)",
            ),
            input(
                "Delivery problems solved on first contact (%)",
                "Hannah Lee (Customer service)",
            ),
        ],
    }
}

pub(super) fn actions() -> Vec<Action> {
    let action = |what: &str, owner: &str, due: &str| Action {
        what: what.into(),
        owner: owner.into(),
        due: due.into(),
    };
    vec![
        action(
            "Publish the North Star definition and a weekly dashboard to every store",
            "Priya Nair",
            "4 Dec 2026",
        ),
        action(
            "Brief the agency on the North Star for the spring campaign",
            "Aisha Khan with Sam Whitfield",
            "18 Dec 2026",
        ),
        action(
            "Roll out dynamic routing from the Leith pilot to all Edinburgh stores",
            "Tom Becker",
            "31 Jan 2027",
        ),
        action(
            "Add the substitutions call before picking to the online order flow",
            "Luis Ortega",
            "15 Feb 2027",
        ),
    ]
}

/// The North Star checklist's criteria, by short name, in the order of the method.
const CRITERIA: [&str; 7] = [
    "Customer value",
    "Strategy",
    "Leading",
    "Actionable",
    "Understandable",
    "Measurable",
    "Not vanity",
];

/// A candidate meeting the criteria at the given positions of [`CRITERIA`].
fn candidate(text: &str, tags: &[&str], met: &[usize]) -> Candidate {
    let criteria_met: Vec<String> = met
        .iter()
        .filter_map(|&index| CRITERIA.get(index))
        .map(|criterion| criterion.to_string())
        .collect();
    Candidate {
        text: text.into(),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        checks_passed: u32::try_from(criteria_met.len()).unwrap_or(u32::MAX),
        checks_total: 7,
        criteria_met,
    }
}

pub(super) fn candidates() -> Vec<Candidate> {
    let (outcome, output, kpi) = ("Outcome", "Output", "Current KPI");
    vec![
        candidate(NORTH_STAR, &[outcome, "Leading"], &[0, 1, 2, 3, 4, 5, 6]),
        candidate(
            "Perfect order rate",
            &[outcome, "Lagging"],
            &[0, 3, 4, 5, 6],
        ),
        candidate(
            "Repeat order rate within 30 days",
            &[outcome, "Lagging"],
            &[0, 1, 4, 5, 6],
        ),
        candidate("Net promoter score", &[outcome, "Lagging", kpi], &[0, 4, 5]),
        candidate(
            "Online revenue per week",
            &[output, "Lagging", kpi],
            &[1, 4, 5],
        ),
        candidate(
            "Calls answered within 2 minutes",
            &[output, "Leading", kpi],
            &[3, 4, 5, 6],
        ),
        candidate("App downloads", &[output, "Vanity"], &[4, 5]),
        candidate(
            "Stores hitting the picking time target",
            &[output, "Leading"],
            &[3, 4, 5],
        ),
    ]
}

/// The board at the end of the session: the North Star with two inputs, a cluster of
/// candidates and the audited KPIs beside it.
pub(super) fn canvas() -> CanvasPicture {
    let card = |id: &str, text: &str, at: (f64, f64), fill: &str| PictureItem {
        id: id.into(),
        kind: PictureKind::Sticky,
        text: text.into(),
        fill: fill.into(),
        x: at.0,
        y: at.1,
        width: 180.0,
        height: 120.0,
        ..PictureItem::default()
    };
    let frame = |id: &str, text: &str, at: (f64, f64), size: (f64, f64)| PictureItem {
        kind: PictureKind::Frame,
        width: size.0,
        height: size.1,
        ..card(id, text, at, "#bfdbfe")
    };
    let yellow = "#fef08a";
    let star = PictureItem {
        width: 220.0,
        height: 140.0,
        tags: vec!["outcome".into(), "leading".into()],
        author: "Priya Nair".into(),
        score: 7,
        role: Some(PictureRole::NorthStar),
        ..card("star", NORTH_STAR, (440.0, 40.0), yellow)
    };
    let input = |id: &str, text: &str, at: (f64, f64), author: &str| PictureItem {
        tags: vec!["outcome".into(), "leading".into()],
        author: author.into(),
        score: 5,
        role: Some(PictureRole::Input),
        ..card(id, text, at, "#bbf7d0")
    };
    let kpi = |id: &str, text: &str, at: (f64, f64), tags: &[&str], score: u32| PictureItem {
        kind: PictureKind::Kpi,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        score,
        ..card(id, text, at, "#e5e7eb")
    };
    let link = |from: &str, to: &str| PictureLink {
        from: from.into(),
        to: to.into(),
        label: "drives".into(),
    };
    CanvasPicture {
        question: String::new(),
        items: vec![
            frame("f1", "Candidates", (0.0, 260.0), (420.0, 320.0)),
            frame("f2", "Today's KPIs", (760.0, 260.0), (420.0, 320.0)),
            star,
            input(
                "in1",
                "Orders delivered inside the booked slot (%)",
                (200.0, 300.0),
                "Tom Becker",
            ),
            input(
                "in2",
                "Households ordering again within 14 days",
                (480.0, 300.0),
                "Aisha Khan",
            ),
            card("c1", "Perfect order rate", (20.0, 440.0), yellow),
            kpi(
                "k1",
                "Net promoter score",
                (780.0, 300.0),
                &["outcome", "lagging"],
                3,
            ),
            kpi(
                "k2",
                "Online revenue per week",
                (980.0, 300.0),
                &["output", "lagging"],
                3,
            ),
            kpi("k3", "App downloads", (780.0, 440.0), &["output"], 2),
        ],
        links: vec![link("in1", "star"), link("in2", "star")],
        view: None,
    }
}
