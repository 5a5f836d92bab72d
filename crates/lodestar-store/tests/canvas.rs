//! Step 5 in the store: canvas actions as undo steps that survive a restart, the metric vote,
//! the North Star with its inputs, and the room's actions.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{person, temp_store, titled, TempStore};
use lodestar_core::canvas::{
    ActionInput, CanvasOp, InputMetric, ItemContent, ItemKind, NewItem, NorthStarInput,
};
use lodestar_core::votes::{Allocation, BallotInput, VoteMethod, VoteRules, VoteSubject};
use lodestar_core::{HistoryScope, Step};
use lodestar_store::StoreError;

fn new(kind: ItemKind, x: f64, y: f64, text: &str) -> CanvasOp {
    CanvasOp::Create {
        item: NewItem {
            kind,
            x,
            y,
            width: 160.0,
            height: 120.0,
            parent_frame: None,
            content: ItemContent {
                text: text.into(),
                ..ItemContent::default()
            },
        },
    }
}

/// Adds a sticky and returns its id.
fn sticky(t: &mut TempStore, workshop_id: &str, x: f64, text: &str) -> String {
    let change = t
        .store
        .apply_canvas_ops(workshop_id, &[new(ItemKind::Sticky, x, 0.0, text)], 10)
        .unwrap();
    change.upserts[0].id.clone()
}

fn definition(item_id: &str) -> NorthStarInput {
    NorthStarInput {
        item_id: item_id.into(),
        name: "Weekly active teams".into(),
        counted: "teams of 3+ who shared a plan this week".into(),
        unit: "teams".into(),
        current_value: "800".into(),
        target: "2,000".into(),
        time_frame: "by 2027-06-30".into(),
    }
}

fn input(item_id: Option<&str>, name: &str, owner: &str) -> InputMetric {
    InputMetric {
        item_id: item_id.map(str::to_string),
        name: name.into(),
        owner: owner.into(),
    }
}

#[test]
fn every_canvas_action_is_one_undo_step_that_survives_a_restart() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let a = sticky(&mut t, &w.id, 0.0, "Nights booked");
    let b = sticky(&mut t, &w.id, 200.0, "Repeat guests");
    let group = CanvasOp::Group {
        ids: vec![a.clone(), b.clone()],
        title: "Guests".into(),
    };
    t.store.apply_canvas_ops(&w.id, &[group], 11).unwrap();
    let link = CanvasOp::Link {
        from: b.clone(),
        to: a.clone(),
        label: "drives".into(),
    };
    t.store.apply_canvas_ops(&w.id, &[link], 12).unwrap();

    let mut t = t.reopen();
    let scene = t.store.canvas_scene(&w.id).unwrap();
    assert_eq!(scene.items.len(), 3, "two stickies and their frame");
    let frame = scene
        .items
        .iter()
        .find(|i| i.kind == ItemKind::Frame)
        .unwrap();
    assert_eq!(frame.text, "Guests");
    assert!(scene
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Sticky)
        .all(|i| i.parent_frame.as_deref() == Some(frame.id.as_str())));
    assert_eq!(scene.links.len(), 1);

    let scope = HistoryScope::workshop(&w.id);
    assert_eq!(t.store.undo(&scope, 13).unwrap(), "link two items");
    assert_eq!(t.store.undo(&scope, 14).unwrap(), "group items as “Guests”");
    let scene = t.store.canvas_scene(&w.id).unwrap();
    assert_eq!(scene.items.len(), 2, "the frame is gone");
    assert!(scene.items.iter().all(|i| i.parent_frame.is_none()));
    assert!(scene.links.is_empty());
    t.store.redo(&scope, 15).unwrap();
    assert_eq!(t.store.canvas_scene(&w.id).unwrap().items.len(), 3);
}

#[test]
fn a_drag_that_drops_into_a_frame_is_one_step_and_moving_the_frame_moves_it() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let frame = t
        .store
        .apply_canvas_ops(&w.id, &[new(ItemKind::Frame, 0.0, 0.0, "Retention")], 2)
        .unwrap()
        .upserts[0]
        .id
        .clone();
    let resize = CanvasOp::Resize {
        id: frame.clone(),
        x: 0.0,
        y: 0.0,
        width: 600.0,
        height: 400.0,
    };
    t.store.apply_canvas_ops(&w.id, &[resize], 3).unwrap();
    let a = sticky(&mut t, &w.id, 1000.0, "Repeat orders");
    let drag = [
        CanvasOp::Move {
            ids: vec![a.clone()],
            dx: -900.0,
            dy: 100.0,
        },
        CanvasOp::SetFrame {
            ids: vec![a.clone()],
            frame_id: Some(frame.clone()),
        },
    ];
    t.store.apply_canvas_ops(&w.id, &drag, 4).unwrap();
    let move_frame = CanvasOp::Move {
        ids: vec![frame.clone()],
        dx: 50.0,
        dy: 0.0,
    };
    t.store.apply_canvas_ops(&w.id, &[move_frame], 5).unwrap();
    let scene = t.store.canvas_scene(&w.id).unwrap();
    let moved = scene.item(&a).unwrap();
    assert_eq!((moved.x, moved.y), (150.0, 100.0));

    let scope = HistoryScope::workshop(&w.id);
    t.store.undo(&scope, 6).unwrap();
    assert_eq!(t.store.undo(&scope, 7).unwrap(), "move an item and more");
    let scene = t.store.canvas_scene(&w.id).unwrap();
    let back = scene.item(&a).unwrap();
    assert_eq!((back.x, back.parent_frame.as_deref()), (1000.0, None));
}

#[test]
fn a_sticky_by_someone_outside_the_workshop_is_refused_and_a_removed_author_is_dropped() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let other = t.store.create_workshop(&titled("Other"), 1).unwrap();
    let stranger = t
        .store
        .add_stakeholder(&other.id, &person("Sam"), 2)
        .unwrap();
    let ana = t.store.add_stakeholder(&w.id, &person("Ana"), 2).unwrap();
    let by = |author: &str| CanvasOp::Create {
        item: NewItem {
            kind: ItemKind::Sticky,
            x: 0.0,
            y: 0.0,
            width: 160.0,
            height: 120.0,
            parent_frame: None,
            content: ItemContent {
                text: "Orders on time".into(),
                author_id: Some(author.into()),
                ..ItemContent::default()
            },
        },
    };
    let err = t
        .store
        .apply_canvas_ops(&w.id, &[by(&stranger.id)], 3)
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(e) if e.field == "authorId"),
        "{err}"
    );
    assert!(t.store.canvas_scene(&w.id).unwrap().items.is_empty());

    t.store.apply_canvas_ops(&w.id, &[by(&ana.id)], 4).unwrap();
    t.store.remove_stakeholder(&ana.id, 5).unwrap();
    let scene = t.store.canvas_scene(&w.id).unwrap();
    assert_eq!(
        scene.items[0].author_id, None,
        "no sticky points at a removed person"
    );
}

#[test]
fn an_action_that_changes_nothing_leaves_no_undo_step() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let a = sticky(&mut t, &w.id, 0.0, "Nights booked");
    let still = CanvasOp::Move {
        ids: vec![a],
        dx: 0.0,
        dy: 0.0,
    };
    let change = t.store.apply_canvas_ops(&w.id, &[still], 3).unwrap();
    assert!(change.is_empty());
    let scope = HistoryScope::workshop(&w.id);
    assert_eq!(
        t.store.history_state(&scope).unwrap().undo_label.as_deref(),
        Some("add a sticky")
    );
}

fn dots(n: u32) -> VoteRules {
    VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: n,
            max_per_option: n,
        },
        anonymous: true,
        hidden_until_revealed: true,
    }
}

#[test]
fn the_room_votes_on_candidates_with_the_same_engine_and_the_winner_is_recorded() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let ana = t.store.add_stakeholder(&w.id, &person("Ana"), 2).unwrap();
    let ben = t.store.add_stakeholder(&w.id, &person("Ben"), 2).unwrap();
    let a = sticky(&mut t, &w.id, 0.0, "Nights booked");
    let b = sticky(&mut t, &w.id, 200.0, "Revenue");
    let frame = t
        .store
        .apply_canvas_ops(&w.id, &[new(ItemKind::Frame, 0.0, 500.0, "Money")], 3)
        .unwrap()
        .upserts[0]
        .id
        .clone();
    let err = t
        .store
        .create_vote(
            &w.id,
            VoteSubject::NorthStar,
            &dots(2),
            &[a.clone(), frame],
            4,
        )
        .unwrap_err();
    assert!(err.to_string().contains("not a sticky or KPI"), "{err}");

    let options = [a.clone(), b.clone()];
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::NorthStar, &dots(2), &options, 5)
        .unwrap();
    assert_eq!(vote.subject, VoteSubject::NorthStar);
    for voter in [&ana.id, &ben.id] {
        let ballot = BallotInput::Dot {
            allocations: vec![Allocation {
                option_id: a.clone(),
                amount: 2,
            }],
        };
        t.store
            .cast_ballot(&vote.id, voter, &ballot, false, 6)
            .unwrap();
    }
    t.store.close_vote(&vote.id, 7).unwrap();
    t.store.reveal_vote(&vote.id, 8).unwrap();
    let data = t.store.workshop_data(&w.id, 9).unwrap();
    let choice = data.metric_choice.unwrap();
    assert_eq!(choice.item_id, a);
    assert!(
        data.focus.is_none(),
        "the metric vote does not decide the focus need"
    );
}

#[test]
fn the_candidates_the_app_offers_are_exactly_those_a_metric_vote_accepts() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let ops = [
        new(ItemKind::Sticky, 0.0, 0.0, "Nights booked"),
        new(ItemKind::Kpi, 200.0, 0.0, "Revenue per room"),
        new(ItemKind::Sticky, 400.0, 0.0, ""),
        new(ItemKind::Kpi, 600.0, 0.0, ""),
        new(ItemKind::Frame, 0.0, 500.0, "Money"),
    ];
    let items = t.store.apply_canvas_ops(&w.id, &ops, 2).unwrap().upserts;
    let id_of = |text: &str| items.iter().find(|i| i.text == text).unwrap().id.clone();
    let (nights, revenue) = (id_of("Nights booked"), id_of("Revenue per room"));
    let mut offered = t.store.workshop_data(&w.id, 3).unwrap().metric_candidates;
    offered.sort();
    let mut expected = vec![nights.clone(), revenue.clone()];
    expected.sort();
    assert_eq!(offered, expected, "stickies and KPIs with words");

    for (index, id) in items.iter().map(|i| &i.id).enumerate() {
        let with_a_candidate = [nights.clone(), revenue.clone(), id.clone()];
        let result = t.store.create_vote(
            &w.id,
            VoteSubject::NorthStar,
            &dots(2),
            &with_a_candidate,
            4,
        );
        match result {
            Ok(vote) => {
                assert!(
                    offered.contains(id),
                    "item {index} was accepted but not offered"
                );
                t.store.discard_vote(&vote.id, 5).unwrap();
            }
            Err(err) => {
                assert!(
                    !offered.contains(id),
                    "item {index} was offered but refused: {err}"
                );
                assert!(
                    err.to_string().contains("not a sticky or KPI with words"),
                    "{err}"
                );
            }
        }
    }
}

#[test]
fn the_north_star_is_promoted_with_inputs_and_its_sticky_cannot_be_deleted() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let star = sticky(&mut t, &w.id, 0.0, "Weekly active teams");
    let invites = sticky(&mut t, &w.id, 200.0, "Invites sent");
    let before = t.store.workshop_data(&w.id, 2).unwrap();
    let report = before
        .gates
        .iter()
        .find(|g| g.step == Step::Report)
        .unwrap();
    assert!(!report.gate.warnings.is_empty());

    let inputs = [
        input(Some(&invites), "Invites sent", "Growth"),
        input(None, "Plans shared", ""),
    ];
    let ns = t
        .store
        .set_north_star(&w.id, &definition(&star), &inputs, 3)
        .unwrap();
    assert_eq!(ns.definition.name, "Weekly active teams");
    assert_eq!(ns.inputs.len(), 2);
    assert!(
        ns.warnings
            .iter()
            .any(|w| w.contains("Only 2 input metrics")),
        "{:?}",
        ns.warnings
    );
    assert!(ns
        .warnings
        .iter()
        .any(|w| w.contains("“Plans shared” has no owner")));
    let after = t.store.workshop_data(&w.id, 4).unwrap();
    let report = after.gates.iter().find(|g| g.step == Step::Report).unwrap();
    assert!(
        report.gate.warnings.is_empty(),
        "{:?}",
        report.gate.warnings
    );

    let delete_star = CanvasOp::Delete {
        ids: vec![star.clone()],
    };
    let err = t
        .store
        .apply_canvas_ops(&w.id, &[delete_star], 5)
        .unwrap_err();
    assert!(
        err.to_string().contains("is the North Star metric"),
        "{err}"
    );

    let delete_input = CanvasOp::Delete {
        ids: vec![invites.clone()],
    };
    t.store.apply_canvas_ops(&w.id, &[delete_input], 6).unwrap();
    let ns = t.store.north_star(&w.id).unwrap().unwrap();
    assert_eq!(
        ns.inputs[0].item_id, None,
        "the input keeps its name, not the link"
    );
    assert_eq!(ns.inputs[0].name, "Invites sent");
    t.store.undo(&HistoryScope::workshop(&w.id), 7).unwrap();
    let ns = t.store.north_star(&w.id).unwrap().unwrap();
    assert_eq!(ns.inputs[0].item_id.as_deref(), Some(invites.as_str()));

    t.store.clear_north_star(&w.id, 8).unwrap();
    assert!(t.store.north_star(&w.id).unwrap().is_none());
}

#[test]
fn a_north_star_that_is_its_own_input_or_names_a_missing_sticky_is_refused() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let star = sticky(&mut t, &w.id, 0.0, "Weekly active teams");
    let err = t
        .store
        .set_north_star(&w.id, &definition("gone"), &[], 2)
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(e) if e.field == "itemId"),
        "{err}"
    );
    let own = [input(Some(&star), "Itself", "Ops")];
    let err = t
        .store
        .set_north_star(&w.id, &definition(&star), &own, 3)
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(e) if e.field == "inputs[0].itemId"),
        "{err}"
    );
    let blank = NorthStarInput {
        target: " ".into(),
        ..definition(&star)
    };
    let err = t.store.set_north_star(&w.id, &blank, &[], 4).unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(e) if e.field == "target"),
        "{err}"
    );
    assert!(
        t.store.north_star(&w.id).unwrap().is_none(),
        "nothing half-written"
    );
}

#[test]
fn actions_are_added_edited_reordered_and_removed_with_undo() {
    let mut t = temp_store();
    let w = t.store.create_workshop(&titled("Canvas"), 1).unwrap();
    let first = ActionInput {
        what: "Pull last year's weekly active teams".into(),
        owner: "Data team".into(),
        due: "2026-12-04".into(),
    };
    let a = t.store.add_action(&w.id, &first, 2).unwrap();
    let second = ActionInput {
        what: "Share the North Star at the all-hands".into(),
        owner: "CEO".into(),
        due: String::new(),
    };
    let b = t.store.add_action(&w.id, &second, 3).unwrap();
    let late = ActionInput {
        due: "2027-01-08".into(),
        ..first.clone()
    };
    t.store.update_action(&a.id, &late, 4).unwrap();
    t.store
        .reorder_actions(&w.id, &[b.id.clone(), a.id.clone()], 5)
        .unwrap();
    let actions = t.store.actions(&w.id).unwrap();
    assert_eq!(actions[0].id, b.id);
    assert_eq!(actions[1].details.due, "2027-01-08");

    let bad = ActionInput {
        owner: String::new(),
        ..first
    };
    let err = t.store.add_action(&w.id, &bad, 6).unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(e) if e.field == "owner"),
        "{err}"
    );

    t.store.remove_action(&a.id, 7).unwrap();
    assert_eq!(t.store.actions(&w.id).unwrap().len(), 1);
    let scope = HistoryScope::workshop(&w.id);
    t.store.undo(&scope, 8).unwrap();
    assert_eq!(t.store.actions(&w.id).unwrap().len(), 2);
}
