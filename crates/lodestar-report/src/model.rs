//! The report's input: everything the PDF shows, already resolved to display text.
//!
//! This crate does not know Lodestar's domain types on purpose: the app (or any other caller)
//! flattens a workshop into this plain model, so the typesetting can change without touching the
//! method's rules, and a report can be rebuilt from a saved JSON of this model alone.

use serde::{Deserialize, Serialize};

use crate::canvas::CanvasPicture;

/// Everything one workshop report shows. Every list may be empty and every optional part may be
/// missing: the report then says what is missing instead of failing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportModel {
    pub workshop: WorkshopInfo,
    /// Everyone invited, present or not (the cover lists who was in the room).
    pub people: Vec<Person>,
    pub categories: Vec<CustomerCategory>,
    pub needs: Vec<SmartNeed>,
    /// Every vote round in the order it was held (need votes, run-offs, the metric vote).
    pub votes: Vec<VoteRound>,
    /// The need the room chose to focus on, if a vote decided one.
    pub focus: Option<FocusNeed>,
    pub north_star: Option<NorthStar>,
    pub actions: Vec<Action>,
    /// The candidate metrics from the canvas, for the appendix.
    pub candidates: Vec<Candidate>,
    /// The canvas as it stood at the end, drawn in the report like the exported picture.
    pub canvas: Option<CanvasPicture>,
}

/// What the cover says about the session itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkshopInfo {
    pub title: String,
    pub organisation: String,
    /// The date as it should be printed (e.g. "14 March 2026").
    pub date: String,
    pub facilitator: String,
}

/// One stakeholder: who they are and where they sit on the power/interest grid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Person {
    pub name: String,
    pub role: String,
    /// The part of the organisation they speak for (e.g. "Operations", "External agency").
    pub function: String,
    /// e.g. "High", "Medium", "Low".
    pub influence: String,
    pub interest: String,
    /// e.g. "Champion", "Supportive", "Neutral", "Sceptical".
    pub stance: String,
    pub present: bool,
}

/// A group of customers and why it matters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerCategory {
    pub name: String,
    pub description: String,
    /// Why these are among the best customers, in one sentence.
    pub why_best: String,
    /// The reasons as tags (e.g. "Value", "Loyalty", "Growth", "Strategic fit").
    pub reasons: Vec<String>,
    pub size: String,
    pub value: String,
    /// e.g. "1 — highest".
    pub priority: String,
}

/// One customer need written as SMART, with how far each part holds and whether the room agreed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SmartNeed {
    /// The category's name (or several, joined, for an aggregated need).
    pub category: String,
    pub statement: String,
    pub specific: SmartPart,
    pub measurable: SmartPart,
    pub achievable: SmartPart,
    pub relevant: SmartPart,
    pub time_bound: SmartPart,
    /// e.g. "Agreed (consensus)" or "Objections: Ben, Dev — wants a lower target".
    pub agreement: String,
    /// True when the room agreed the need (the report marks the others).
    pub agreed: bool,
}

/// One letter of SMART: what was written and whether it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SmartPart {
    pub text: String,
    pub holds: bool,
    /// Why it does not hold (empty when it does).
    pub reasons: Vec<String>,
}

/// One round of voting and its full tally.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VoteRound {
    /// What the round decided (e.g. "Most important need", "Run-off: tied needs").
    pub title: String,
    /// The method and its rules (e.g. "Dot voting: 3 dots each, at most 2 per need").
    pub method: String,
    pub anonymous: bool,
    pub ballots: u32,
    /// True for a run-off among items tied in an earlier round.
    pub runoff: bool,
    /// The tally, in the order to print (usually by rank).
    pub rows: Vec<TallyRow>,
    /// e.g. "Tie between need 1 and need 3 — run-off".
    pub outcome: String,
    /// e.g. "Highest dot count after a run-off".
    pub decided_by: String,
}

/// One option's result in a vote round.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TallyRow {
    pub option: String,
    pub score: f64,
    /// 1 for the winner; tied options share a rank.
    pub rank: u32,
}

/// The need the room will focus on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FocusNeed {
    pub statement: String,
    pub how_decided: String,
    /// True when the needs changed after the vote, so the choice may no longer stand.
    pub stale: bool,
}

/// The North Star metric and the inputs that drive it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NorthStar {
    pub name: String,
    /// What exactly is counted.
    pub definition: String,
    pub unit: String,
    pub current_value: String,
    pub target: String,
    pub time_frame: String,
    pub inputs: Vec<InputMetric>,
}

/// A metric that drives the North Star, owned by a function or a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InputMetric {
    pub name: String,
    pub owner: String,
}

/// A decision turned into work: what, who, by when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Action {
    pub what: String,
    pub owner: String,
    /// The due date as it should be printed.
    pub due: String,
}

/// A candidate metric from the canvas, with its checklist result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Candidate {
    pub text: String,
    /// e.g. "Outcome", "Leading", "Current KPI".
    pub tags: Vec<String>,
    /// How many checklist criteria it meets, out of `checks_total`.
    pub checks_passed: u32,
    pub checks_total: u32,
    /// The short names of the criteria it meets (e.g. "Customer value", "Actionable").
    pub criteria_met: Vec<String>,
}
