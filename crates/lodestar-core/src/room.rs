//! What a phone in the room is shown: the open workshop as one person may see it. Only what
//! the room sees on the projector and that person's own ballot, never another's: the tally
//! appears once the facilitator reveals it, and no ballot of anyone else ever does.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::records::{Vote, VoteStatus, WorkshopData};
use crate::steps::Step;
use crate::timers;
use crate::votes::{BallotInput, Tally, VoteRules, VoteSubject};

/// Who a device in the room is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomMember {
    /// The stakeholder this device claimed; `None` for a guest.
    pub person_id: Option<String>,
    /// The stakeholder's name, or the name a guest gave.
    pub name: String,
}

/// Everything one phone shows, rebuilt after every change in the workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneView {
    pub workshop_title: String,
    pub step: Step,
    pub you: RoomMember,
    /// The need the room chose, once it has (the question of the canvas step).
    pub focus_need: Option<String>,
    pub timer: Option<PhoneTimer>,
    /// The current step's vote: open, waiting for its reveal, or revealed.
    pub vote: Option<PhoneVote>,
    /// Ideas can be sent (the workshop is on the canvas step).
    pub ideas_open: bool,
    /// The ideas this person has on the board, oldest first.
    pub your_ideas: Vec<String>,
}

/// The step's timebox as the phone counts it down from when it received the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneTimer {
    /// Milliseconds left; negative once over time.
    pub remaining_ms: i32,
    pub running: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneVote {
    pub id: String,
    pub subject: VoteSubject,
    pub round: i32,
    pub status: VoteStatus,
    pub rules: VoteRules,
    pub options: Vec<PhoneOption>,
    /// This person may vote (a stakeholder; guests follow along).
    pub can_vote: bool,
    /// This person's ballot, as they cast it.
    pub your_ballot: Option<BallotInput>,
    /// How many have voted, and of how many (those present, or everyone if nobody is marked).
    pub voted: u32,
    pub voters: u32,
    /// The tally, only once revealed.
    pub results: Option<Tally>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneOption {
    pub id: String,
    pub label: String,
}

/// The vote a phone shows at `step`: the latest of the step's subject.
pub fn shown_vote(votes: &[Vote], step: Step) -> Option<&Vote> {
    let subject = match step {
        Step::Vote => VoteSubject::FocusNeed,
        Step::Canvas => VoteSubject::NorthStar,
        _ => return None,
    };
    votes.iter().rev().find(|v| v.subject == subject)
}

/// The view of `data` for `member`, whose own ballot on the shown vote is `your_ballot`.
pub fn phone_view(
    data: &WorkshopData,
    member: &RoomMember,
    your_ballot: Option<BallotInput>,
    now: i64,
) -> PhoneView {
    let step = data.workshop.current_step;
    let focus_need = data.focus.as_ref().and_then(|f| {
        data.needs
            .iter()
            .find(|n| n.id == f.need_id)
            .map(|n| n.details.statement.clone())
    });
    let timer = data.timers.iter().find(|t| t.step == step).map(|t| {
        let left = timers::remaining(t, now).clamp(i64::from(i32::MIN), i64::from(i32::MAX));
        PhoneTimer {
            remaining_ms: i32::try_from(left).unwrap_or(0),
            running: t.running_since.is_some(),
        }
    });
    let vote = shown_vote(&data.votes, step).map(|v| phone_vote(data, v, member, your_ballot));
    let your_ideas = match &member.person_id {
        Some(person) => data
            .canvas
            .stacked()
            .into_iter()
            .filter(|i| i.author_id.as_deref() == Some(person.as_str()))
            .map(|i| i.text.clone())
            .collect(),
        None => Vec::new(),
    };
    PhoneView {
        workshop_title: data.workshop.title.clone(),
        step,
        you: member.clone(),
        focus_need,
        timer,
        vote,
        ideas_open: step == Step::Canvas,
        your_ideas,
    }
}

fn phone_vote(
    data: &WorkshopData,
    vote: &Vote,
    member: &RoomMember,
    your_ballot: Option<BallotInput>,
) -> PhoneVote {
    let label = |id: &String| match vote.subject {
        VoteSubject::FocusNeed => data
            .needs
            .iter()
            .find(|n| &n.id == id)
            .map(|n| n.details.statement.clone()),
        VoteSubject::NorthStar => data.canvas.item(id).map(|i| i.text.clone()),
    };
    let options = vote
        .options
        .iter()
        .map(|id| PhoneOption {
            id: id.clone(),
            label: label(id).unwrap_or_else(|| "(removed)".to_string()),
        })
        .collect();
    let present = data
        .stakeholders
        .iter()
        .filter(|s| s.details.present)
        .count();
    let voters = if present > 0 {
        present
    } else {
        data.stakeholders.len()
    };
    let can_vote = member
        .person_id
        .as_ref()
        .is_some_and(|p| data.stakeholders.iter().any(|s| &s.id == p));
    PhoneVote {
        id: vote.id.clone(),
        subject: vote.subject,
        round: vote.round,
        status: vote.status,
        rules: vote.rules.clone(),
        options,
        can_vote,
        your_ballot: if can_vote { your_ballot } else { None },
        voted: u32::try_from(vote.voters.len()).unwrap_or(u32::MAX),
        voters: u32::try_from(voters).unwrap_or(u32::MAX),
        results: match vote.status {
            VoteStatus::Revealed => vote.tally.clone(),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::VoteMethod;

    fn vote(id: &str, subject: VoteSubject) -> Vote {
        Vote {
            id: id.into(),
            subject,
            round: 1,
            runoff_of: None,
            rules: VoteRules {
                method: VoteMethod::Borda,
                anonymous: true,
                hidden_until_revealed: true,
            },
            options: vec!["a".into(), "b".into()],
            status: VoteStatus::Open,
            voters: Vec::new(),
            tally: None,
            ballots: None,
        }
    }

    #[test]
    fn each_step_shows_the_latest_vote_of_its_own_subject() {
        let votes = vec![
            vote("need-1", VoteSubject::FocusNeed),
            vote("need-2", VoteSubject::FocusNeed),
            vote("metric-1", VoteSubject::NorthStar),
        ];
        assert_eq!(
            shown_vote(&votes, Step::Vote).map(|v| v.id.as_str()),
            Some("need-2")
        );
        assert_eq!(
            shown_vote(&votes, Step::Canvas).map(|v| v.id.as_str()),
            Some("metric-1")
        );
        assert!(shown_vote(&votes, Step::Needs).is_none());
    }
}
