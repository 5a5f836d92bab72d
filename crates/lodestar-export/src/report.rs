//! From a workshop file to the PDF report: every id resolved to the words people typed, the
//! SMART checks and tallies worked out by the same core rules the app uses.

use crate::picture::canvas_picture;
use lodestar_core::canvas::{Criterion, ItemKind, SCORE_MAX};
use lodestar_core::exchange::{VoteEntry, WorkshopFile};
use lodestar_core::needs::{is_agreed, Agreement};
use lodestar_core::smart::{check_smart, PartCheck};
use lodestar_core::stakeholders::Stance;
use lodestar_core::votes::{tally, ResolvedBy, TallyOutcome, VoteMethod, VoteSubject};
use lodestar_report::{
    Action, Candidate, CustomerCategory, FocusNeed, InputMetric, NorthStar, Paper, Person,
    ReportError, ReportModel, SmartNeed, SmartPart, TallyRow, VoteRound, WorkshopInfo,
};

/// Typesets the report of a workshop file.
pub fn render_report(file: &WorkshopFile, paper: Paper) -> Result<Vec<u8>, ReportError> {
    lodestar_report::render_pdf(&report_model(file), paper)
}

/// What the report shows, in words.
pub fn report_model(file: &WorkshopFile) -> ReportModel {
    let person_name = |id: &str| {
        file.stakeholders.iter().find(|s| s.id == id).map_or_else(
            || "someone no longer listed".to_string(),
            |s| s.details.name.clone(),
        )
    };
    let category_name = |id: &str| {
        file.categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.details.name.clone())
    };
    let statement = |id: &str| {
        file.needs.iter().find(|n| n.id == id).map_or_else(
            || "a need no longer listed".to_string(),
            |n| n.details.statement.clone(),
        )
    };
    let metric_text = |id: &str| {
        file.canvas.items.iter().find(|i| i.id == id).map_or_else(
            || "a candidate no longer on the canvas".to_string(),
            |i| i.text.clone(),
        )
    };
    let w = &file.workshop;
    ReportModel {
        workshop: WorkshopInfo {
            title: w.title.clone(),
            organisation: w.organisation.clone(),
            date: w.date.clone(),
            facilitator: w.facilitator.clone(),
        },
        people: file
            .stakeholders
            .iter()
            .map(|s| Person {
                name: s.details.name.clone(),
                role: s.details.role.clone(),
                function: s.details.function.clone(),
                influence: s.details.influence.to_string(),
                interest: s.details.interest.to_string(),
                stance: stance_text(s.details.stance).into(),
                present: s.details.present,
            })
            .collect(),
        categories: file
            .categories
            .iter()
            .map(|c| CustomerCategory {
                name: c.details.name.clone(),
                description: c.details.description.clone(),
                why_best: c.details.why_best.clone(),
                reasons: c.details.reasons.iter().map(enum_words).collect(),
                size: c.details.size.clone(),
                value: c.details.value.clone(),
                priority: if c.details.priority {
                    "Priority".into()
                } else {
                    String::new()
                },
            })
            .collect(),
        needs: file
            .needs
            .iter()
            .map(|n| {
                let category = category_name(&n.details.category_id);
                let check = check_smart(&n.details, category.as_deref());
                let d = &n.details;
                SmartNeed {
                    category: category.unwrap_or_default(),
                    statement: d.statement.clone(),
                    specific: part(&check.specific, [&d.specific_who, &d.specific_what]),
                    measurable: part(
                        &check.measurable,
                        [
                            &d.measure,
                            &format!("{} → {} {}", d.baseline, d.target, d.unit),
                        ],
                    ),
                    achievable: part(&check.achievable, [&d.achievable_how, &d.owner]),
                    relevant: part(&check.relevant, [&d.relevant_link, &d.relevant_reason]),
                    time_bound: part(&check.time_bound, [&d.time_bound, ""]),
                    agreement: agreement_text(&n.agreement, &person_name),
                    agreed: is_agreed(&n.agreement),
                }
            })
            .collect(),
        votes: file
            .votes
            .iter()
            .map(|v| match v.subject {
                VoteSubject::FocusNeed => vote_round(v, &statement),
                VoteSubject::NorthStar => vote_round(v, &metric_text),
            })
            .collect(),
        north_star: file.north_star.as_ref().map(|n| NorthStar {
            name: n.definition.name.clone(),
            definition: n.definition.counted.clone(),
            unit: n.definition.unit.clone(),
            current_value: n.definition.current_value.clone(),
            target: n.definition.target.clone(),
            time_frame: n.definition.time_frame.clone(),
            inputs: n
                .inputs
                .iter()
                .map(|i| InputMetric {
                    name: i.name.clone(),
                    owner: if i.owner.trim().is_empty() {
                        "No owner yet".into()
                    } else {
                        owner_text(&i.owner, &file.stakeholders)
                    },
                })
                .collect(),
        }),
        actions: file
            .actions
            .iter()
            .map(|a| Action {
                what: a.details.what.clone(),
                owner: owner_text(&a.details.owner, &file.stakeholders),
                due: if a.details.due.is_empty() {
                    "No date yet".into()
                } else {
                    a.details.due.clone()
                },
            })
            .collect(),
        candidates: candidates(file),
        canvas: (!file.canvas.items.is_empty()).then(|| canvas_picture(file, None, false)),
        focus: file
            .decisions
            .iter()
            .find(|d| d.subject == VoteSubject::FocusNeed)
            .map(|d| {
                let stale = d.revisions.iter().any(|(id, revision)| {
                    file.needs
                        .iter()
                        .find(|n| &n.id == id)
                        .is_none_or(|n| n.revision != *revision)
                });
                FocusNeed {
                    statement: statement(&d.option_id),
                    how_decided: resolved_text(d.resolved_by).into(),
                    stale,
                }
            }),
    }
}

/// Every candidate metric (a sticky or current KPI with words), best checklist score first (then in the canvas's order).
fn candidates(file: &WorkshopFile) -> Vec<Candidate> {
    let mut list: Vec<Candidate> = file
        .canvas
        .items
        .iter()
        .filter(|i| i.is_metric_candidate())
        .map(|i| {
            let mut tags = Vec::new();
            if i.kind == ItemKind::Kpi {
                tags.push("Current KPI".to_string());
            }
            tags.extend(i.tags.keys().iter().map(enum_words));
            let met: Vec<String> = Criterion::ALL
                .into_iter()
                .filter(|c| i.checklist.is_met(*c))
                .map(|c| c.short().to_string())
                .collect();
            Candidate {
                text: i.text.clone(),
                tags,
                checks_passed: u32::try_from(met.len()).unwrap_or(0),
                checks_total: SCORE_MAX,
                criteria_met: met,
            }
        })
        .collect();
    // A stable sort keeps the canvas's order among equal scores.
    list.sort_by_key(|c| std::cmp::Reverse(c.checks_passed));
    list
}

/// An owner as typed, or a stakeholder's name when the owner is a stakeholder's id.
fn owner_text(owner: &str, people: &[lodestar_core::exchange::StakeholderEntry]) -> String {
    people
        .iter()
        .find(|p| p.id == owner)
        .map_or_else(|| owner.trim().to_string(), |p| p.details.name.clone())
}

fn part(check: &PartCheck, texts: [&str; 2]) -> SmartPart {
    let text = texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    SmartPart {
        text,
        holds: check.holds,
        reasons: check.reasons.clone(),
    }
}

fn vote_round(vote: &VoteEntry, statement: &impl Fn(&str) -> String) -> VoteRound {
    let ballots: Vec<_> = vote.ballots.iter().map(|b| b.ballot.clone()).collect();
    let result = tally(&vote.rules, &vote.options, &ballots);
    let revealed = vote.status == lodestar_core::records::VoteStatus::Revealed;
    let outcome = if !revealed {
        "Not revealed yet.".to_string()
    } else {
        match &result.outcome {
            TallyOutcome::NoVotes => "No votes were cast.".into(),
            TallyOutcome::Winner { option_id } => format!("Chosen: {}", statement(option_id)),
            TallyOutcome::Tie { option_ids } => format!(
                "Tie between {}",
                option_ids
                    .iter()
                    .map(|id| statement(id))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        }
    };
    let (title, runoff_title, noun) = match vote.subject {
        VoteSubject::FocusNeed => (
            "The most important need",
            "Run-off between the tied needs",
            "need",
        ),
        VoteSubject::NorthStar => (
            "The North Star metric among the candidates",
            "Run-off between the tied candidates",
            "candidate",
        ),
    };
    VoteRound {
        title: if vote.runoff_of.is_some() {
            runoff_title.into()
        } else {
            title.into()
        },
        method: method_text(&vote.rules.method, noun),
        anonymous: vote.rules.anonymous,
        ballots: result.ballots_counted,
        runoff: vote.runoff_of.is_some(),
        rows: if revealed {
            result
                .rows
                .iter()
                .map(|r| TallyRow {
                    option: statement(&r.option_id),
                    score: f64::from(r.score),
                    rank: r.rank,
                })
                .collect()
        } else {
            Vec::new()
        },
        outcome,
        decided_by: String::new(),
    }
}

fn method_text(method: &VoteMethod, noun: &str) -> String {
    match method {
        VoteMethod::Dot {
            dots_per_voter,
            max_per_option,
        } => {
            format!(
                "Dot voting: {dots_per_voter} dots each, at most {max_per_option} on one {noun}"
            )
        }
        VoteMethod::Borda => "Ranking, scored by Borda count".into(),
        VoteMethod::Points { budget } => format!("{budget} points to share out"),
    }
}

fn agreement_text(agreement: &Agreement, person_name: &impl Fn(&str) -> String) -> String {
    match agreement {
        Agreement::Pending => "Not agreed yet".into(),
        Agreement::Consensus => "Agreed (consensus)".into(),
        Agreement::Objections { objector_ids, note } => {
            let names: Vec<String> = objector_ids.iter().map(|id| person_name(id)).collect();
            let mut text = format!("Objections: {}", names.join(", "));
            if !note.trim().is_empty() {
                text.push_str(&format!(" — {}", note.trim()));
            }
            text
        }
        Agreement::Rejected { note } if note.trim().is_empty() => "Rejected".into(),
        Agreement::Rejected { note } => format!("Rejected — {}", note.trim()),
    }
}

fn resolved_text(by: ResolvedBy) -> &'static str {
    match by {
        ResolvedBy::Vote => "Chosen by the room's vote",
        ResolvedBy::Runoff => "Chosen in a run-off among the needs tied for first place",
        ResolvedBy::FacilitatorDecision => {
            "The vote tied; the facilitator decided, as the room agreed"
        }
    }
}

fn stance_text(stance: Stance) -> &'static str {
    match stance {
        Stance::Supportive => "Supportive",
        Stance::Neutral => "Neutral",
        Stance::Sceptical => "Sceptical",
    }
}

/// `strategic_fit` → `Strategic fit`.
fn enum_words<T: serde::Serialize>(value: &T) -> String {
    let raw = serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
        .replace('_', " ");
    let mut chars = raw.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
