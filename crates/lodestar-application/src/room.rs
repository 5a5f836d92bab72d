//! The room's use cases: what a phone sees, and what a person in the room does from it (cast
//! their own ballot, send an idea). The room server is a door over these; the rules, the
//! transaction and the undo record are the same as for the laptop's own actions.

use lodestar_core::canvas::{CanvasOp, RoomIdea, SceneChange};
use lodestar_core::records::{Stakeholder, VoterMark};
use lodestar_core::room::{phone_view, shown_vote, PhoneView, RoomMember};
use lodestar_core::votes::BallotInput;
use lodestar_core::{Refusal, RefusalCode, Step};

use crate::lodestar::Lodestar;
use crate::Outcome;

impl Lodestar {
    /// The workshop as `member`'s phone shows it.
    pub fn phone_view(&self, workshop_id: &str, member: &RoomMember) -> Outcome<PhoneView> {
        let now = self.now();
        self.with_store(|s| {
            let data = s.workshop_data(workshop_id, now)?;
            let vote = shown_vote(&data.votes, data.workshop.current_step);
            let ballot = match (vote, &member.person_id) {
                (Some(vote), Some(person)) => s.ballot_of(&vote.id, person)?,
                _ => None,
            };
            Ok(phone_view(&data, member, ballot, now))
        })
    }

    /// The people a phone may join as: the workshop's stakeholders.
    pub fn room_people(&self, workshop_id: &str) -> Outcome<Vec<Stakeholder>> {
        self.with_store(|s| {
            s.workshop(workshop_id)?;
            s.stakeholders(workshop_id)
        })
    }

    /// `person_id`'s own ballot from their phone: only on a vote of this workshop, never as a
    /// proxy. Casting again while the vote is open replaces the ballot, as at the laptop.
    pub fn cast_room_ballot(
        &self,
        workshop_id: &str,
        person_id: &str,
        vote_id: &str,
        ballot: &BallotInput,
    ) -> Outcome<VoterMark> {
        let votes = self.with_store(|s| s.votes(workshop_id))?;
        if !votes.iter().any(|v| v.id == vote_id) {
            return Err(Refusal::new(
                RefusalCode::NotFound,
                "voteId",
                "this vote is not part of the workshop any more: reload the page",
            ));
        }
        self.cast_ballot(workshop_id, vote_id, person_id, ballot, false)
    }

    /// An idea from a phone, on the board's "From the room" frame as one undoable action.
    /// Only while the workshop is on the canvas step.
    pub fn send_room_idea(&self, workshop_id: &str, idea: &RoomIdea) -> Outcome<SceneChange> {
        let workshop = self.workshop(workshop_id)?;
        if workshop.current_step != Step::Canvas {
            return Err(Refusal::general(
                RefusalCode::NotThisStep,
                "ideas are collected on the canvas step: wait until the facilitator opens it",
            ));
        }
        self.apply_canvas_ops(workshop_id, &[CanvasOp::RoomIdea { idea: idea.clone() }])
    }
}
