//! A complete, realistic report model (Harbour Foods, a fictional regional grocery chain).
//!
//! It exists so the tests, the `render` example and anyone changing the template can see every
//! section filled in: six people, three categories, four needs (one with an objection), a dot
//! vote that ties and goes to a run-off, a metric vote, the North Star with four owned inputs,
//! four actions and eight candidates. Its people, categories, needs and need votes match
//! `assets/example/harbour-foods.lodestar.json`.

mod outcome;

use crate::model::{
    CustomerCategory, FocusNeed, Person, ReportModel, SmartNeed, SmartPart, WorkshopInfo,
};
use outcome::{actions, candidates, canvas, north_star, votes};

const NEED_FAMILIES_SLOT: &str =
    "Families get the complete weekly order in the one-hour slot they booked";
const NEED_CAFES_EARLY: &str = "Cafés receive fresh produce before 7:00 on every delivery day";
const NEED_NEIGHBOURS_PHONE: &str =
    "Older neighbours can order by phone and get help within 2 minutes";
const NORTH_STAR: &str = "Weekly households with a complete on-time order";

/// The Harbour Foods workshop, with every section of the report filled in.
pub fn example_model() -> ReportModel {
    ReportModel {
        workshop: WorkshopInfo {
            title: "Harbour Foods North Star offsite".into(),
            organisation: "Harbour Foods".into(),
            date: "23 November 2026".into(),
            facilitator: "Morgan Ellis".into(),
        },
        people: people(),
        categories: categories(),
        needs: needs(),
        votes: votes(),
        focus: Some(FocusNeed {
            statement: NEED_FAMILIES_SLOT.into(),
            how_decided: "Won the run-off (round 2) after a tie with the cafés' need in round 1"
                .into(),
            stale: false,
        }),
        north_star: Some(north_star()),
        actions: actions(),
        candidates: candidates(),
        canvas: Some(canvas()),
    }
}

fn person(name: &str, role: &str, function: &str, power: (&str, &str), stance: &str) -> Person {
    Person {
        name: name.into(),
        role: role.into(),
        function: function.into(),
        influence: power.0.into(),
        interest: power.1.into(),
        stance: stance.into(),
        present: true,
    }
}

fn people() -> Vec<Person> {
    vec![
        person(
            "Priya Nair",
            "Chief Executive",
            "Top team",
            ("Very high", "High"),
            "Supportive",
        ),
        person(
            "Tom Becker",
            "Head of Stores",
            "Operations",
            ("High", "Very high"),
            "Supportive",
        ),
        person(
            "Aisha Khan",
            "Marketing Director",
            "Marketing",
            ("High", "High"),
            "Neutral",
        ),
        person(
            "Luis Ortega",
            "Supply Chain Lead",
            "Operations",
            ("Medium", "Medium"),
            "Sceptical",
        ),
        person(
            "Hannah Lee",
            "Customer Service Manager",
            "Customer service",
            ("Low", "Very high"),
            "Supportive",
        ),
        person(
            "Sam Whitfield",
            "Account Director",
            "External agency",
            ("Low", "Low"),
            "Neutral",
        ),
    ]
}

fn category(
    name: &str,
    description: &str,
    why: &str,
    reasons: &[&str],
    size_value: (&str, &str),
    priority: &str,
) -> CustomerCategory {
    CustomerCategory {
        name: name.into(),
        description: description.into(),
        why_best: why.into(),
        reasons: reasons.iter().map(|reason| reason.to_string()).collect(),
        size: size_value.0.into(),
        value: size_value.1.into(),
        priority: priority.into(),
    }
}

fn categories() -> Vec<CustomerCategory> {
    vec![
        category(
            "Busy families",
            "Households with children who shop weekly, online and in store.",
            "A third of revenue, loyal for years, and they bring friends.",
            &["Value", "Loyalty"],
            ("41,000 households", "£96 average basket"),
            "High",
        ),
        category(
            "Local cafés and restaurants",
            "Independent food businesses ordering fresh produce several times a week.",
            "Fastest-growing segment and a strategic fit with our fresh range.",
            &["Growth", "Strategic fit"],
            ("620 accounts", "£1,900 a month each"),
            "High",
        ),
        category(
            "Older neighbours",
            "Customers over 70 who rely on the local store and home delivery.",
            "Very loyal, and the community counts on us.",
            &["Loyalty"],
            ("12,500 customers", "£38 average basket"),
            "Medium",
        ),
    ]
}

fn holds(text: &str) -> SmartPart {
    SmartPart {
        text: text.into(),
        holds: true,
        reasons: Vec::new(),
    }
}

fn fails(text: &str, reason: &str) -> SmartPart {
    SmartPart {
        text: text.into(),
        holds: false,
        reasons: vec![reason.into()],
    }
}

/// One need from its category, statement and the five SMART parts in order.
fn need(category: &str, statement: &str, parts: [SmartPart; 5], agreement: &str) -> SmartNeed {
    let [specific, measurable, achievable, relevant, time_bound] = parts;
    SmartNeed {
        category: category.into(),
        statement: statement.into(),
        specific,
        measurable,
        achievable,
        relevant,
        time_bound,
        agreement: agreement.into(),
        agreed: !agreement.starts_with("Objections"),
    }
}

fn needs() -> Vec<SmartNeed> {
    let agreed = "Agreed (consensus)";
    vec![
        need(
            "Busy families",
            NEED_FAMILIES_SLOT,
            [
                holds("Busy families ordering online receive every item in the booked slot"),
                holds("Complete orders delivered in the booked slot: 78% today, 95% target"),
                holds(
                    "Dynamic routing and a substitutions call before picking; \
                     the Leith pilot store reached it in eight weeks",
                ),
                holds("Missed slots are the first reason families leave"),
                holds("By 30 June 2027"),
            ],
            agreed,
        ),
        need(
            "Local cafés and restaurants",
            NEED_CAFES_EARLY,
            [
                holds("Local cafés and restaurants receive fresh produce before opening"),
                holds("Deliveries arriving before 7:00: 64% today, 92% target"),
                holds("An early wholesale run from the Leith hub"),
                holds("Late produce forces cafés to change their menu"),
                holds("By the end of Q2 2027"),
            ],
            agreed,
        ),
        need(
            "Older neighbours",
            NEED_NEIGHBOURS_PHONE,
            [
                holds("Customers over 70 reach a person and place an order by phone"),
                holds("Calls answered by a person within 2 minutes: 55% today, 90% target"),
                holds("A dedicated phone line staffed from two stores"),
                holds("Phone ordering keeps them shopping with us"),
                fails("Within 6 months", "no start date: six months from when?"),
            ],
            agreed,
        ),
        need(
            "Busy families",
            "Families find the products they planned to buy in stock",
            [
                holds("Busy families in store and online find planned products on the shelf"),
                holds("Planned items found in stock: 91% today, 98% target"),
                fails(
                    "Demand forecasting per store",
                    "98% depends on the new warehouse, which opens in 2028",
                ),
                holds("Out-of-stocks send families to competitors"),
                holds("By the end of 2027"),
            ],
            "Objections: Luis Ortega — supply chain cannot commit to 98% \
             before the new warehouse opens",
        ),
    ]
}
