//! The workshop file: what a facilitator hands to another facilitator or tool. A versioned,
//! self-contained JSON document that mirrors the stored workshop, so export → import →
//! export gives the same file. The rules here are pure: checking a file before anything is
//! written, and giving it fresh ids when its own are taken.

mod defaults;
mod ranges;
mod runoffs;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::canvas::{ActionInput, CanvasScene, InputMetric, ItemKind, NorthStarInput};
use crate::categories::CategoryInput;
use crate::needs::{Agreement, NeedInput};
use crate::records::VoteStatus;
use crate::stakeholders::StakeholderInput;
use crate::steps::Step;
use crate::votes::{validate_ballot, BallotInput, ResolvedBy, VoteRules, VoteSubject};
use crate::workshop::WorkshopInput;

pub use defaults::{fill_defaults, schema_of};

/// The `format` every workshop file carries.
pub const FORMAT: &str = "lodestar.workshop";
/// The version this build writes. Files of older versions are migrated on import.
/// Version 2 added the canvas, the North Star metric, actions and the subject of each vote.
pub const VERSION: u32 = 2;
/// Most input metrics a file may hold (the method asks for 3 to 5).
pub const MAX_FILE_INPUTS: usize = 10;

/// A whole workshop as one JSON document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkshopFile {
    /// Always `"lodestar.workshop"`.
    pub format: String,
    /// The format version; a file from a newer Lodestar is refused.
    pub version: u32,
    pub workshop: WorkshopEntry,
    #[serde(default)]
    pub stakeholders: Vec<StakeholderEntry>,
    #[serde(default)]
    pub categories: Vec<CategoryEntry>,
    #[serde(default)]
    pub needs: Vec<NeedEntry>,
    #[serde(default)]
    pub votes: Vec<VoteEntry>,
    #[serde(default)]
    pub decisions: Vec<DecisionEntry>,
    #[serde(default)]
    pub timers: Vec<TimerEntry>,
    /// Step 5: stickies, KPIs and frames with their positions, scores and links.
    #[serde(default)]
    pub canvas: CanvasScene,
    #[serde(default)]
    pub north_star: Option<NorthStarEntry>,
    #[serde(default)]
    pub actions: Vec<ActionEntry>,
}

/// The North Star metric and the input metrics that drive it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NorthStarEntry {
    pub definition: NorthStarInput,
    #[serde(default)]
    pub inputs: Vec<InputMetric>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionEntry {
    pub id: String,
    pub position: i32,
    pub details: ActionInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkshopEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub facilitator: String,
    pub current_step: Step,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StakeholderEntry {
    pub id: String,
    pub position: i32,
    pub details: StakeholderInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CategoryEntry {
    pub id: String,
    pub position: i32,
    pub details: CategoryInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NeedEntry {
    pub id: String,
    pub position: i32,
    pub revision: i32,
    pub details: NeedInput,
    pub agreement: Agreement,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VoteEntry {
    pub id: String,
    /// What the vote chooses: `focus_need` (step 4) or `north_star` (step 5).
    #[serde(default)]
    pub subject: VoteSubject,
    pub round: i32,
    pub runoff_of: Option<String>,
    pub rules: VoteRules,
    pub options: Vec<String>,
    pub status: VoteStatus,
    pub created_at: i64,
    #[serde(default)]
    pub ballots: Vec<BallotEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BallotEntry {
    pub id: String,
    pub voter_id: String,
    pub proxy: bool,
    pub ballot: BallotInput,
    pub cast_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionEntry {
    /// What was decided: `focus_need` (step 4) or `north_star` (the canvas vote).
    pub subject: VoteSubject,
    pub vote_id: String,
    pub option_id: String,
    pub resolved_by: ResolvedBy,
    /// The revision of each need on the ballot when it was decided (to spot later edits).
    pub revisions: BTreeMap<String, i32>,
    pub decided_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimerEntry {
    pub step: Step,
    pub duration_ms: i64,
    pub elapsed_ms: i64,
    pub running_since: Option<i64>,
}

/// What is wrong with a file, at a JSON path such as `stakeholders[3].name`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FileProblem {
    pub path: String,
    pub message: String,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> FileProblem {
    FileProblem {
        path: path.into(),
        message: message.into(),
    }
}

/// Checks a parsed file before anything is written: format and version, every field a
/// facilitator could have typed, unique ids, and that every reference points at something
/// in the file.
pub fn check_file(file: &WorkshopFile) -> Result<(), FileProblem> {
    if file.format != FORMAT {
        return Err(problem(
            "format",
            format!("must be \"{FORMAT}\", not \"{}\"", file.format),
        ));
    }
    if file.version > VERSION {
        return Err(problem(
            "version",
            format!(
                "this file is format version {}, written by a newer Lodestar; this app reads up \
                 to version {VERSION}. Update Lodestar to open it.",
                file.version
            ),
        ));
    }
    check_workshop(&file.workshop)?;
    ranges::check_ranges(file)?;
    let mut ids = HashSet::new();
    let mut unique = |path: String, id: &str| {
        if id.trim().is_empty() {
            return Err(problem(path, "must not be empty"));
        }
        if id.chars().count() > ranges::MAX_ID_CHARS {
            let limit = ranges::MAX_ID_CHARS;
            return Err(problem(path, format!("is longer than {limit} characters")));
        }
        if !ids.insert(id.to_string()) {
            return Err(problem(path, format!("“{id}” is used twice in this file")));
        }
        Ok(())
    };
    unique("workshop.id".into(), &file.workshop.id)?;
    for (i, s) in file.stakeholders.iter().enumerate() {
        unique(format!("stakeholders[{i}].id"), &s.id)?;
        s.details
            .validate()
            .map_err(|e| problem(format!("stakeholders[{i}].details.{}", e.field), e.message))?;
    }
    for (i, c) in file.categories.iter().enumerate() {
        unique(format!("categories[{i}].id"), &c.id)?;
        c.details
            .validate()
            .map_err(|e| problem(format!("categories[{i}].details.{}", e.field), e.message))?;
    }
    let categories: HashSet<&str> = file.categories.iter().map(|c| c.id.as_str()).collect();
    let people: HashSet<&str> = file.stakeholders.iter().map(|s| s.id.as_str()).collect();
    for (i, n) in file.needs.iter().enumerate() {
        unique(format!("needs[{i}].id"), &n.id)?;
        let clean = n
            .details
            .validate()
            .map_err(|e| problem(format!("needs[{i}].details.{}", e.field), e.message))?;
        if !categories.contains(clean.category_id.as_str()) {
            return Err(problem(
                format!("needs[{i}].details.categoryId"),
                format!("“{}” is not a category in this file", clean.category_id),
            ));
        }
        if let Agreement::Objections { note, .. } | Agreement::Rejected { note } = &n.agreement {
            crate::validation::optional_text("note", note, crate::needs::MAX_NEED_TEXT_CHARS)
                .map_err(|e| problem(format!("needs[{i}].agreement.note"), e.message))?;
        }
        if let Agreement::Objections { objector_ids, .. } = &n.agreement {
            for (j, id) in objector_ids.iter().enumerate() {
                if !people.contains(id.as_str()) {
                    return Err(problem(
                        format!("needs[{i}].agreement.objectorIds[{j}]"),
                        format!("“{id}” is not a stakeholder in this file"),
                    ));
                }
            }
        }
    }
    let needs: HashSet<&str> = file.needs.iter().map(|n| n.id.as_str()).collect();
    let metrics = check_canvas(file, &mut unique, &people, &categories, &needs)?;
    let options = |subject: VoteSubject| match subject {
        VoteSubject::FocusNeed => (&needs, "a need"),
        VoteSubject::NorthStar => (&metrics, "a sticky or KPI on the canvas"),
    };
    check_votes(file, &mut unique, &options, &people)?;
    check_decisions(file, &options)?;
    check_north_star(file, &metrics)?;
    for (i, a) in file.actions.iter().enumerate() {
        unique(format!("actions[{i}].id"), &a.id)?;
        a.details
            .validate()
            .map_err(|e| problem(format!("actions[{i}].details.{}", e.field), e.message))?;
    }
    Ok(())
}

/// Checks the canvas and returns the ids of its stickies and KPIs (what a metric vote or
/// the North Star may point at).
fn check_canvas<'f>(
    file: &'f WorkshopFile,
    unique: &mut impl FnMut(String, &str) -> Result<(), FileProblem>,
    people: &HashSet<&str>,
    categories: &HashSet<&str>,
    needs: &HashSet<&str>,
) -> Result<HashSet<&'f str>, FileProblem> {
    file.canvas
        .check()
        .map_err(|e| problem(format!("canvas.{}", e.field), e.message))?;
    for (i, item) in file.canvas.items.iter().enumerate() {
        unique(format!("canvas.items[{i}].id"), &item.id)?;
        let refs = [
            ("authorId", &item.author_id, people, "a stakeholder"),
            (
                "linkedCategory",
                &item.linked_category,
                categories,
                "a category",
            ),
            ("linkedNeed", &item.linked_need, needs, "a need"),
        ];
        for (field, id, known, what) in refs {
            if let Some(id) = id {
                if !known.contains(id.as_str()) {
                    return Err(problem(
                        format!("canvas.items[{i}].{field}"),
                        format!("“{id}” is not {what} in this file"),
                    ));
                }
            }
        }
    }
    for (i, link) in file.canvas.links.iter().enumerate() {
        unique(format!("canvas.links[{i}].id"), &link.id)?;
    }
    Ok(file
        .canvas
        .items
        .iter()
        .filter(|i| i.kind != ItemKind::Frame)
        .map(|i| i.id.as_str())
        .collect())
}

fn check_north_star(file: &WorkshopFile, metrics: &HashSet<&str>) -> Result<(), FileProblem> {
    let Some(star) = &file.north_star else {
        return Ok(());
    };
    star.definition
        .validate_on(&file.canvas)
        .map_err(|e| problem(format!("northStar.definition.{}", e.field), e.message))?;
    if star.inputs.len() > MAX_FILE_INPUTS {
        return Err(problem(
            "northStar.inputs",
            format!(
                "at most {MAX_FILE_INPUTS} input metrics; this file has {}",
                star.inputs.len()
            ),
        ));
    }
    for (i, input) in star.inputs.iter().enumerate() {
        let path = format!("northStar.inputs[{i}]");
        input
            .validate()
            .map_err(|e| problem(format!("{path}.{}", e.field), e.message))?;
        if let Some(id) = &input.item_id {
            if !metrics.contains(id.as_str()) || id == &star.definition.item_id {
                return Err(problem(
                    format!("{path}.itemId"),
                    format!("“{id}” is not another sticky or KPI on the canvas"),
                ));
            }
        }
    }
    Ok(())
}

fn check_workshop(w: &WorkshopEntry) -> Result<(), FileProblem> {
    let input = WorkshopInput {
        title: w.title.clone(),
        organisation: w.organisation.clone(),
        date: w.date.clone(),
        facilitator: w.facilitator.clone(),
    };
    input
        .validate()
        .map(|_| ())
        .map_err(|e| problem(format!("workshop.{}", e.field), e.message))
}

/// The ids a vote on a subject may choose among, and what such an id should be.
type OptionsOf<'a, 'f> = dyn Fn(VoteSubject) -> (&'a HashSet<&'f str>, &'static str) + 'a;

fn check_votes(
    file: &WorkshopFile,
    unique: &mut impl FnMut(String, &str) -> Result<(), FileProblem>,
    options_of: &OptionsOf<'_, '_>,
    people: &HashSet<&str>,
) -> Result<(), FileProblem> {
    let vote_ids: HashSet<&str> = file.votes.iter().map(|v| v.id.as_str()).collect();
    for (i, vote) in file.votes.iter().enumerate() {
        unique(format!("votes[{i}].id"), &vote.id)?;
        vote.rules
            .validate()
            .map_err(|e| problem(format!("votes[{i}].rules.{}", e.field), e.message))?;
        let (known, what) = options_of(vote.subject);
        for (j, option) in vote.options.iter().enumerate() {
            if !known.contains(option.as_str()) {
                return Err(problem(
                    format!("votes[{i}].options[{j}]"),
                    format!("“{option}” is not {what} in this file"),
                ));
            }
        }
        if let Some(parent) = &vote.runoff_of {
            let same_subject = file
                .votes
                .iter()
                .any(|v| &v.id == parent && v.subject == vote.subject);
            if !vote_ids.contains(parent.as_str()) || parent == &vote.id || !same_subject {
                return Err(problem(
                    format!("votes[{i}].runoffOf"),
                    format!("“{parent}” is not another vote in this file"),
                ));
            }
        }
        let mut voters = HashSet::new();
        for (j, ballot) in vote.ballots.iter().enumerate() {
            let path = format!("votes[{i}].ballots[{j}]");
            unique(format!("{path}.id"), &ballot.id)?;
            if !people.contains(ballot.voter_id.as_str()) {
                return Err(problem(
                    format!("{path}.voterId"),
                    format!("“{}” is not a stakeholder in this file", ballot.voter_id),
                ));
            }
            if !voters.insert(ballot.voter_id.as_str()) {
                return Err(problem(
                    format!("{path}.voterId"),
                    "this person has two ballots",
                ));
            }
            validate_ballot(&vote.rules, &vote.options, &ballot.ballot).map_err(|e| {
                // The core names fields from the ballot down ("ballot.allocations[1]…").
                let field = e.field.to_string();
                let inner = field.strip_prefix("ballot").unwrap_or(&field);
                let path = if inner.is_empty() {
                    path.clone()
                } else {
                    format!("{path}.ballot{inner}")
                };
                problem(path, e.message)
            })?;
        }
    }
    Ok(())
}

fn check_decisions(file: &WorkshopFile, options_of: &OptionsOf<'_, '_>) -> Result<(), FileProblem> {
    let mut subjects = HashSet::new();
    for (i, d) in file.decisions.iter().enumerate() {
        if !subjects.insert(d.subject) {
            return Err(problem(
                format!("decisions[{i}].subject"),
                "is decided twice",
            ));
        }
        if !file
            .votes
            .iter()
            .any(|v| v.id == d.vote_id && v.subject == d.subject)
        {
            return Err(problem(
                format!("decisions[{i}].voteId"),
                "is not a vote on this subject in this file",
            ));
        }
        let (known, what) = options_of(d.subject);
        if !known.contains(d.option_id.as_str()) {
            return Err(problem(
                format!("decisions[{i}].optionId"),
                format!("is not {what} in this file"),
            ));
        }
    }
    let mut steps = HashSet::new();
    for (i, t) in file.timers.iter().enumerate() {
        if !steps.insert(t.step) {
            return Err(problem(format!("timers[{i}].step"), "has two timers"));
        }
        if t.duration_ms <= 0 || t.elapsed_ms < 0 {
            return Err(problem(
                format!("timers[{i}]"),
                "durations must be positive",
            ));
        }
    }
    runoffs::check_runoff_circles(file)
}

/// Gives every id in the file a fresh one from `fresh`, keeping every reference pointing at
/// the same thing. Used when the file's workshop already exists in the store.
pub fn with_fresh_ids(file: &WorkshopFile, mut fresh: impl FnMut() -> String) -> WorkshopFile {
    let mut map: HashMap<String, String> = HashMap::new();
    let mut new_id = |old: &str, map: &mut HashMap<String, String>| -> String {
        map.entry(old.to_string())
            .or_insert_with(&mut fresh)
            .clone()
    };
    let mut out = file.clone();
    out.workshop.id = new_id(&file.workshop.id, &mut map);
    for s in &mut out.stakeholders {
        s.id = new_id(&s.id, &mut map);
    }
    for c in &mut out.categories {
        c.id = new_id(&c.id, &mut map);
    }
    for n in &mut out.needs {
        n.id = new_id(&n.id, &mut map);
    }
    for v in &mut out.votes {
        v.id = new_id(&v.id, &mut map);
        for b in &mut v.ballots {
            b.id = new_id(&b.id, &mut map);
        }
    }
    for item in &mut out.canvas.items {
        item.id = new_id(&item.id, &mut map);
    }
    for link in &mut out.canvas.links {
        link.id = new_id(&link.id, &mut map);
    }
    for action in &mut out.actions {
        action.id = new_id(&action.id, &mut map);
    }
    let look = |id: &str| map.get(id).cloned().unwrap_or_else(|| id.to_string());
    let look_opt = |id: &Option<String>| id.as_deref().map(look);
    for item in &mut out.canvas.items {
        item.parent_frame = look_opt(&item.parent_frame);
        item.author_id = look_opt(&item.author_id);
        item.linked_category = look_opt(&item.linked_category);
        item.linked_need = look_opt(&item.linked_need);
    }
    for link in &mut out.canvas.links {
        link.from = look(&link.from);
        link.to = look(&link.to);
    }
    if let Some(star) = &mut out.north_star {
        star.definition.item_id = look(&star.definition.item_id);
        for input in &mut star.inputs {
            input.item_id = look_opt(&input.item_id);
        }
    }
    for n in &mut out.needs {
        n.details.category_id = look(&n.details.category_id);
        if let Agreement::Objections { objector_ids, .. } = &mut n.agreement {
            for id in objector_ids.iter_mut() {
                *id = look(id);
            }
        }
    }
    for v in &mut out.votes {
        v.runoff_of = v.runoff_of.as_deref().map(look);
        v.options = v.options.iter().map(|o| look(o)).collect();
        for b in &mut v.ballots {
            b.voter_id = look(&b.voter_id);
            remap_ballot(&mut b.ballot, &look);
        }
    }
    for d in &mut out.decisions {
        d.vote_id = look(&d.vote_id);
        d.option_id = look(&d.option_id);
        d.revisions = d.revisions.iter().map(|(k, v)| (look(k), *v)).collect();
    }
    out
}

fn remap_ballot(ballot: &mut BallotInput, look: &impl Fn(&str) -> String) {
    match ballot {
        BallotInput::Dot { allocations } | BallotInput::Points { allocations } => {
            for a in allocations.iter_mut() {
                a.option_id = look(&a.option_id);
            }
        }
        BallotInput::Ranking { order } => {
            for id in order.iter_mut() {
                *id = look(id);
            }
        }
    }
}
