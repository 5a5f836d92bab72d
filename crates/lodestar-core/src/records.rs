//! The stored things of steps 1–4 as the app shows them: each record is its id, its place,
//! what the facilitator typed (`details`), and what the rules derive from it.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::canvas::{ActionInput, Balance, CanvasScene, InputMetric, NorthStarInput};
use crate::categories::CategoryInput;
use crate::gating::StepGate;
use crate::needs::{Agreement, NeedInput};
use crate::smart::SmartCheck;
use crate::stakeholders::{GridQuadrant, StakeholderInput};
use crate::steps::Step;
use crate::votes::{BallotInput, ResolvedBy, Tally, VoteRules, VoteSubject};
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

/// Where a vote is in its life; defined beside the vote's rules, kept here for callers.
pub use crate::votes::VoteStatus;

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
    /// The focus need (step 4) or the North Star metric (step 5).
    pub subject: VoteSubject,
    /// 1 for the first vote, 2 for its run-off, and so on.
    pub round: i32,
    pub runoff_of: Option<String>,
    pub rules: VoteRules,
    /// The ids of what is voted on (needs, or stickies on the canvas), in ballot order.
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
    #[specta(type = specta_typescript::Number)]
    pub duration_ms: i64,
    #[specta(type = specta_typescript::Number)]
    pub elapsed_ms: i64,
    #[specta(type = Option<specta_typescript::Number>)]
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
    pub canvas: CanvasScene,
    /// How the metrics on the canvas split between outcomes and outputs.
    pub balance: Balance,
    /// The cards a metric vote may choose among ([`crate::canvas::metric_candidates`]), in
    /// the canvas's order: the UI offers these, the store accepts no other.
    pub metric_candidates: Vec<String>,
    /// The candidate the room's metric vote chose, before (or after) it is promoted.
    pub metric_choice: Option<MetricChoice>,
    pub north_star: Option<NorthStar>,
    pub actions: Vec<Action>,
}

/// The candidate metric a vote on the canvas chose, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MetricChoice {
    pub vote_id: String,
    pub item_id: String,
    pub resolved_by: ResolvedBy,
}

/// The workshop's North Star metric, its input metrics and what the checks say about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NorthStar {
    pub definition: NorthStarInput,
    pub inputs: Vec<InputMetric>,
    /// Gaps the room may want to close (too few inputs, inputs without an owner).
    pub warnings: Vec<String>,
}

/// A next action the room committed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: String,
    pub position: i32,
    pub details: ActionInput,
}
