//! What a reader finds in the PDF: every section and every person, user text exactly as it was
//! typed (markup and all), and plain words where a step has not produced anything yet.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use lodestar_report::Paper;
use lodestar_report::{
    example_model, render_pdf, Action, Person, ReportModel, SmartNeed, TallyRow, VoteRound,
    WorkshopInfo,
};

const SECTIONS: [&str; 9] = [
    "People in the room",
    "Customer categories",
    "SMART needs",
    "The vote",
    "The focus need",
    "The canvas",
    "North Star metric",
    "Actions",
    "Candidate metrics",
];

fn text_of(model: &ReportModel) -> String {
    common::pdf_text(&render_pdf(model, Paper::A4).unwrap())
}

#[test]
fn everyone_in_the_room_and_every_section_is_in_the_report() {
    let model = example_model();
    let text = text_of(&model);
    for section in SECTIONS {
        assert!(text.contains(section), "missing section {section:?}");
    }
    for person in &model.people {
        assert!(text.contains(&person.name), "missing {:?}", person.name);
    }
    // The canvas is typeset, not pasted as pixels: its frame titles are text in the PDF.
    assert!(
        text.contains("Today's KPIs"),
        "the canvas drawing is missing"
    );
    for needle in [
        "Harbour Foods North Star offsite",
        "Morgan Ellis",
        "Weekly households with a complete on-time order",
        "Dot voting: 3 dots each, at most 2 per need",
        "RUN-OFF",
        "Objections: Luis Ortega",
        "Publish the North Star definition",
        "Stores hitting the picking time target",
        "7/7",
        "Page 2 of",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn text_the_room_typed_prints_literally_even_when_it_looks_like_code() {
    let title = r#"#import "x": * and #panic("boom")"#;
    let organisation = "*bold* _under_ $x^2$ @ref <label>";
    let name = "<script>alert('hi')</script>";
    let statement = r#"= Not a heading // not a comment \ backslash [brackets] {braces} "quotes""#;
    let model = ReportModel {
        workshop: WorkshopInfo {
            title: title.into(),
            organisation: organisation.into(),
            date: "#datetime.today()".into(),
            facilitator: "`raw` ```block```".into(),
        },
        people: vec![Person {
            name: name.into(),
            present: true,
            ..Person::default()
        }],
        needs: vec![SmartNeed {
            statement: statement.into(),
            ..SmartNeed::default()
        }],
        actions: vec![Action {
            what: "#{ 1 + 1 }".into(),
            owner: "#set text(red)".into(),
            due: "-- ~ ...".into(),
        }],
        ..ReportModel::default()
    };
    let text = text_of(&model);
    for typed in [
        title,
        organisation,
        name,
        statement,
        "#datetime.today()",
        "`raw` ```block```",
        "#{ 1 + 1 }",
        "#set text(red)",
        "-- ~ ...",
    ] {
        assert!(
            text.contains(typed),
            "{typed:?} was not printed literally in:\n{text}"
        );
    }
}

#[test]
fn an_empty_workshop_renders_and_says_what_is_missing() {
    let pdf = render_pdf(&ReportModel::default(), Paper::A4).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = common::pdf_text(&pdf);
    for said in [
        "Untitled workshop",
        "No stakeholders were recorded.",
        "No customer categories were recorded.",
        "No SMART needs were written yet.",
        "No vote has been held yet.",
        "No focus need chosen yet.",
        "The canvas was left empty.",
        "No North Star metric chosen yet.",
        "No actions recorded yet.",
        "No candidate metrics were put on the canvas.",
    ] {
        assert!(
            text.contains(said),
            "the empty report does not say {said:?}:\n{text}"
        );
    }
    for section in SECTIONS {
        assert!(text.contains(section), "missing section {section:?}");
    }
}

#[test]
fn a_vote_with_no_points_yet_draws_empty_bars_rather_than_failing() {
    let model = ReportModel {
        votes: vec![VoteRound {
            title: "Most important need".into(),
            rows: vec![
                TallyRow {
                    option: "Need one".into(),
                    score: 0.0,
                    rank: 1,
                },
                TallyRow {
                    option: "Need two".into(),
                    score: 0.0,
                    rank: 1,
                },
            ],
            ..VoteRound::default()
        }],
        ..ReportModel::default()
    };
    let text = text_of(&model);
    assert!(
        text.contains("Need one") && text.contains("Need two"),
        "{text}"
    );
    assert!(text.contains("0 ballots counted"), "{text}");
}

#[test]
fn fractional_scores_print_with_one_decimal_and_whole_ones_without() {
    let model = ReportModel {
        votes: vec![VoteRound {
            rows: vec![
                TallyRow {
                    option: "Points".into(),
                    score: 33.25,
                    rank: 1,
                },
                TallyRow {
                    option: "Dots".into(),
                    score: 12.0,
                    rank: 2,
                },
            ],
            ..VoteRound::default()
        }],
        ..ReportModel::default()
    };
    let text = text_of(&model);
    assert!(text.contains("33.3") || text.contains("33.2"), "{text}");
    assert!(text.contains("12") && !text.contains("12.0"), "{text}");
}
