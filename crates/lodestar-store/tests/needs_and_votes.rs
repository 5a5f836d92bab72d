//! Steps 3 and 4 in the store: SMART needs, agreement, the vote, run-offs and the focus need.

// Test helpers panic on purpose: a failed setup must fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{person, smart_need, temp_store, workshop_with_agreed_needs, TempStore};
use lodestar_core::needs::Agreement;
use lodestar_core::records::VoteStatus;
use lodestar_core::votes::{
    Allocation, BallotInput, ResolvedBy, TallyOutcome, VoteMethod, VoteRules, VoteSubject,
};
use lodestar_core::{HistoryScope, Step};
use lodestar_store::StoreError;

fn dots(total: u32, max: u32) -> VoteRules {
    VoteRules {
        method: VoteMethod::Dot {
            dots_per_voter: total,
            max_per_option: max,
        },
        anonymous: false,
        hidden_until_revealed: true,
    }
}

fn dot_ballot(pairs: &[(&str, u32)]) -> BallotInput {
    BallotInput::Dot {
        allocations: pairs
            .iter()
            .map(|(id, amount)| Allocation {
                option_id: id.to_string(),
                amount: *amount,
            })
            .collect(),
    }
}

fn voters(t: &mut TempStore, workshop_id: &str, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            t.store
                .add_stakeholder(workshop_id, &person(n), 5)
                .unwrap()
                .id
        })
        .collect()
}

#[test]
fn a_need_that_fails_measurable_is_not_eligible_until_fixed() {
    let mut t = temp_store();
    let (w, _) = workshop_with_agreed_needs(&mut t, 0);
    let category = t.store.categories(&w.id).unwrap()[0].id.clone();
    let mut input = smart_need(&category, "Shelves restocked before opening");
    input.target = "much faster".into();
    input.unit = String::new();
    let need = t.store.add_need(&w.id, &input, 5).unwrap();
    t.store
        .set_need_agreement(&need.id, &Agreement::Consensus, 6)
        .unwrap();
    let stored = &t.store.needs(&w.id).unwrap()[0];
    assert!(!stored.smart.measurable.holds, "no number in the target");
    assert!(!stored.eligible);

    input.target = "95%".into();
    let fixed = t.store.update_need(&need.id, &input, 7).unwrap();
    assert!(
        fixed.smart.all_hold() && fixed.eligible,
        "fixed need goes to the vote"
    );
    assert_eq!(fixed.revision, 2, "an edit bumps the revision");
}

#[test]
fn the_vote_step_opens_only_with_two_agreed_needs() {
    let mut t = temp_store();
    let (w, _) = workshop_with_agreed_needs(&mut t, 1);
    voters(&mut t, &w.id, &["Ann"]);
    t.store.set_current_step(&w.id, Step::Needs, 8).unwrap();
    let err = t.store.set_current_step(&w.id, Step::Vote, 9).unwrap_err();
    assert!(
        err.to_string().contains("two agreed needs"),
        "message names the rule: {err}"
    );
    assert!(
        t.store
            .set_current_step(&w.id, Step::Stakeholders, 10)
            .is_ok(),
        "back is always open"
    );
}

#[test]
fn a_clear_dot_vote_winner_becomes_the_focus_need_on_reveal() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 3);
    let people = voters(&mut t, &w.id, &["Ann", "Ben"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(3, 2), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[1], 2), (&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[1],
            &dot_ballot(&[(&needs[1], 1)]),
            true,
            12,
        )
        .unwrap();

    let open = t.store.votes(&w.id).unwrap().pop().unwrap();
    assert!(open.tally.is_none(), "results stay hidden until revealed");
    assert_eq!(open.voters.len(), 2, "the facilitator sees who has voted");

    t.store.close_vote(&vote.id, 13).unwrap();
    let revealed = t.store.reveal_vote(&vote.id, 14).unwrap();
    let tally = revealed.tally.unwrap();
    assert_eq!(
        tally.outcome,
        TallyOutcome::Winner {
            option_id: needs[1].clone()
        }
    );
    let data = t.store.workshop_data(&w.id, 15).unwrap();
    let focus = data.focus.unwrap();
    assert_eq!(
        (focus.need_id.as_str(), focus.resolved_by),
        (needs[1].as_str(), ResolvedBy::Vote)
    );
    assert!(!focus.stale);
}

#[test]
fn an_over_budget_ballot_is_refused_and_nothing_is_recorded() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let people = voters(&mut t, &w.id, &["Ann"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(5, 5), &needs, 10)
        .unwrap();
    let err = t
        .store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 4), (&needs[1], 3)]),
            false,
            11,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("7 dots exceed the budget of 5"),
        "got {err}"
    );
    assert!(t.store.votes(&w.id).unwrap()[0].voters.is_empty());
}

#[test]
fn a_tied_dot_vote_goes_to_a_run_off_among_the_tied_needs() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 3);
    let people = voters(&mut t, &w.id, &["Ann", "Ben"]);
    let first = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &first.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store
        .cast_ballot(
            &first.id,
            &people[1],
            &dot_ballot(&[(&needs[2], 1)]),
            false,
            12,
        )
        .unwrap();
    t.store.close_vote(&first.id, 13).unwrap();
    let revealed = t.store.reveal_vote(&first.id, 14).unwrap();
    assert!(matches!(
        revealed.tally.unwrap().outcome,
        TallyOutcome::Tie { .. }
    ));
    assert!(
        t.store.workshop_data(&w.id, 15).unwrap().focus.is_none(),
        "a tie decides nothing"
    );

    let runoff = t.store.start_runoff(&first.id, 16).unwrap();
    assert_eq!(runoff.options, vec![needs[0].clone(), needs[2].clone()]);
    assert_eq!((runoff.round, runoff.status), (2, VoteStatus::Open));
    t.store
        .cast_ballot(
            &runoff.id,
            &people[0],
            &dot_ballot(&[(&needs[2], 1)]),
            false,
            17,
        )
        .unwrap();
    t.store
        .cast_ballot(
            &runoff.id,
            &people[1],
            &dot_ballot(&[(&needs[2], 1)]),
            false,
            18,
        )
        .unwrap();
    t.store.close_vote(&runoff.id, 19).unwrap();
    t.store.reveal_vote(&runoff.id, 20).unwrap();
    let focus = t.store.workshop_data(&w.id, 21).unwrap().focus.unwrap();
    assert_eq!(
        (focus.need_id.as_str(), focus.resolved_by),
        (needs[2].as_str(), ResolvedBy::Runoff)
    );
}

#[test]
fn the_facilitator_can_settle_a_tie_and_it_is_recorded_as_their_decision() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let people = voters(&mut t, &w.id, &["Ann", "Ben"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[1],
            &dot_ballot(&[(&needs[1], 1)]),
            false,
            12,
        )
        .unwrap();
    t.store.close_vote(&vote.id, 13).unwrap();
    t.store.reveal_vote(&vote.id, 14).unwrap();
    assert!(t.store.decide_vote(&vote.id, "not-tied", 15).is_err());
    t.store.decide_vote(&vote.id, &needs[1], 16).unwrap();
    let focus = t.store.workshop_data(&w.id, 17).unwrap().focus.unwrap();
    assert_eq!(focus.resolved_by, ResolvedBy::FacilitatorDecision);
}

#[test]
fn editing_a_need_after_the_vote_marks_the_result_stale_and_undo_clears_it() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let people = voters(&mut t, &w.id, &["Ann"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store.close_vote(&vote.id, 12).unwrap();
    t.store.reveal_vote(&vote.id, 13).unwrap();

    let category = t.store.categories(&w.id).unwrap()[0].id.clone();
    t.store
        .update_need(&needs[1], &smart_need(&category, "Reworded"), 14)
        .unwrap();
    let focus = t.store.workshop_data(&w.id, 15).unwrap().focus.unwrap();
    assert!(focus.stale, "a need on the ballot changed after the vote");
    assert_eq!(focus.changed_needs, vec![needs[1].clone()]);

    t.store.undo(&HistoryScope::workshop(&w.id), 16).unwrap();
    assert!(
        !t.store
            .workshop_data(&w.id, 17)
            .unwrap()
            .focus
            .unwrap()
            .stale
    );
}

#[test]
fn only_agreed_smart_needs_can_be_put_to_the_vote() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    t.store
        .set_need_agreement(&needs[1], &Agreement::Rejected { note: "no".into() }, 9)
        .unwrap();
    let err = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref v) if v.field == "options[1]"),
        "got {err:?}"
    );
}

#[test]
fn discarding_a_vote_removes_its_ballots_and_decision_and_undo_restores_them() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let people = voters(&mut t, &w.id, &["Ann"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store.close_vote(&vote.id, 12).unwrap();
    t.store.reveal_vote(&vote.id, 13).unwrap();
    t.store.discard_vote(&vote.id, 14).unwrap();
    let data = t.store.workshop_data(&w.id, 15).unwrap();
    assert!(data.votes.is_empty() && data.focus.is_none());

    t.store.undo(&HistoryScope::workshop(&w.id), 16).unwrap();
    let data = t.store.workshop_data(&w.id, 17).unwrap();
    assert_eq!(data.votes[0].voters.len(), 1, "the ballot is back");
    assert_eq!(data.focus.unwrap().need_id, needs[0]);
}

#[test]
fn a_timer_keeps_running_across_a_reopen() {
    let mut t = temp_store();
    let (w, _) = workshop_with_agreed_needs(&mut t, 0);
    let action = lodestar_core::timers::TimerAction::Start;
    t.store
        .update_timer(&w.id, Step::Needs, &action, 1_000)
        .unwrap();
    let t = t.reopen();
    let timers = t.store.timers(&w.id).unwrap();
    let needs_timer = timers.iter().find(|x| x.step == Step::Needs).unwrap();
    assert_eq!(needs_timer.running_since, Some(1_000));
    assert_eq!(
        lodestar_core::timers::remaining(needs_timer, 61_000),
        30 * 60_000 - 60_000
    );
}

#[test]
fn the_room_can_keep_its_decision_after_a_need_changed() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let people = voters(&mut t, &w.id, &["Ann"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store.close_vote(&vote.id, 12).unwrap();
    t.store.reveal_vote(&vote.id, 13).unwrap();
    let category = t.store.categories(&w.id).unwrap()[0].id.clone();
    t.store
        .update_need(&needs[1], &smart_need(&category, "Reworded"), 14)
        .unwrap();
    assert!(
        t.store
            .workshop_data(&w.id, 15)
            .unwrap()
            .focus
            .unwrap()
            .stale
    );

    t.store.confirm_focus(&w.id, 16).unwrap();
    let data = t.store.workshop_data(&w.id, 17).unwrap();
    assert!(!data.focus.unwrap().stale, "the room confirmed the result");
    let canvas = data.gates.iter().find(|g| g.step == Step::Canvas).unwrap();
    assert!(
        canvas.gate.open,
        "the canvas opens again: {:?}",
        canvas.gate.reasons
    );
}

#[test]
fn a_round_replaced_by_a_run_off_cannot_be_decided_by_the_facilitator() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 2);
    let people = voters(&mut t, &w.id, &["Ann", "Ben"]);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(1, 1), &needs, 10)
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[0],
            &dot_ballot(&[(&needs[0], 1)]),
            false,
            11,
        )
        .unwrap();
    t.store
        .cast_ballot(
            &vote.id,
            &people[1],
            &dot_ballot(&[(&needs[1], 1)]),
            false,
            12,
        )
        .unwrap();
    t.store.close_vote(&vote.id, 13).unwrap();
    t.store.reveal_vote(&vote.id, 14).unwrap();
    t.store.start_runoff(&vote.id, 15).unwrap();
    let err = t.store.decide_vote(&vote.id, &needs[0], 16).unwrap_err();
    assert!(
        err.to_string().contains("run-off already replaced"),
        "{err}"
    );
}

#[test]
fn a_need_on_a_ballot_is_kept_until_its_vote_is_discarded_so_the_workshop_file_stays_importable() {
    let mut t = temp_store();
    let (w, needs) = workshop_with_agreed_needs(&mut t, 3);
    let vote = t
        .store
        .create_vote(&w.id, VoteSubject::FocusNeed, &dots(3, 2), &needs, 10)
        .unwrap();
    let refused = t.store.remove_need(&needs[2], 11).unwrap_err();
    match refused {
        StoreError::Invalid(r) => assert_eq!(r.code, lodestar_core::RefusalCode::OnABallot),
        other => panic!("refused for the wrong reason: {other}"),
    }
    assert_eq!(
        t.store.needs(&w.id).unwrap().len(),
        3,
        "nothing was removed"
    );
    let category = t.store.categories(&w.id).unwrap()[0].id.clone();
    assert!(
        t.store.remove_category(&category, 12).is_err(),
        "its needs are on the ballot"
    );

    t.store.discard_vote(&vote.id, 13).unwrap();
    t.store.remove_need(&needs[2], 14).unwrap();
    let file = t.store.export_workshop(&w.id).unwrap();
    let copy = t.store.import_workshop(&file, 15).unwrap();
    assert_eq!(t.store.needs(&copy.id).unwrap().len(), 2);
}
