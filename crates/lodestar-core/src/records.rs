//! The stored things of steps 1–4 as the app shows them: each record is its id, its place,
//! what the facilitator typed (`details`), and what the rules derive from it.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::categories::CategoryInput;
use crate::gating::StepGate;
use crate::needs::{Agreement, NeedInput};
use crate::smart::SmartCheck;
use crate::stakeholders::{GridQuadrant, StakeholderInput};
use crate::steps::Step;
use crate::votes::{BallotInput, ResolvedBy, Tally, VoteRules};
use crate::workshop::Workshop;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Stakeholder {
    pub id: String,
    pub position: i32,
    pub details: StakeholderInput,
    pub initials: String,
    pub quadrant: GridQuadrant,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: String,
    pub position: i32,
    pub details: CategoryInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Need {
    pub id: String,
    pub position: i32,
    /// Bumped on every edit; a decided vote remembers the revisions it was decided on.
    pub revision: i32,
    pub details: NeedInput,
    pub agreement: Agreement,
    pub smart: SmartCheck,
    /// All five SMART parts hold and the room agreed: the need can go to the vote.
    pub eligible: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Open,
    Closed,
    Revealed,
}

/// Who has voted, without what they voted (the facilitator's view while a vote is open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoterMark {
    pub voter_id: String,
    /// The facilitator entered this ballot for someone without a device.
    pub proxy: bool,
}

/// A cast ballot, shown only once results are revealed and only for named votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BallotRecord {
    pub voter_id: String,
    pub proxy: bool,
    pub ballot: BallotInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vote {
    pub id: String,
    /// 1 for the first vote, 2 for its run-off, and so on.
    pub round: i32,
    pub runoff_of: Option<String>,
    pub rules: VoteRules,
    /// The ids of what is voted on (needs), in ballot order.
    pub options: Vec<String>,
    pub status: VoteStatus,
    pub voters: Vec<VoterMark>,
    /// The tally, once it may be seen (revealed, or results not hidden).
    pub tally: Option<Tally>,
    /// Every ballot, once revealed, when the vote is named.
    pub ballots: Option<Vec<BallotRecord>>,
}

/// The need the room chose, how, and whether it still matches the needs as they are now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FocusDecision {
    pub vote_id: String,
    pub need_id: String,
    pub resolved_by: ResolvedBy,
    /// Needs on the ballot that were edited or removed after the decision.
    pub changed_needs: Vec<String>,
    pub stale: bool,
}

/// A step's timebox. `running_since` is set while it counts down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepTimer {
    pub step: Step,
    #[specta(type = f64)]
    pub duration_ms: i64,
    #[specta(type = f64)]
    pub elapsed_ms: i64,
    #[specta(type = Option<f64>)]
    pub running_since: Option<i64>,
}

/// Everything an open workshop shows, read in one go so every view agrees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopData {
    pub workshop: Workshop,
    pub stakeholders: Vec<Stakeholder>,
    pub categories: Vec<Category>,
    pub needs: Vec<Need>,
    pub votes: Vec<Vote>,
    pub focus: Option<FocusDecision>,
    pub gates: Vec<StepGate>,
    pub timers: Vec<StepTimer>,
}
