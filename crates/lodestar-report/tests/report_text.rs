//! What a reader finds in the PDF: user text exactly as it was typed (markup and all), and plain
//! words where a step has not produced anything yet. The full example's report (every section,
//! every person) is tested in lodestar-export, from the example workshop file.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use lodestar_report::Paper;
use lodestar_report::{
    render_pdf, Action, Person, ReportModel, SmartNeed, TallyRow, VoteRound, WorkshopInfo,
};

fn text_of(model: &ReportModel) -> String {
    common::pdf_text(&render_pdf(model, Paper::A4).unwrap())
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
    for section in common::SECTIONS {
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
