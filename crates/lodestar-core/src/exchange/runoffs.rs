//! Run-offs form chains back to the vote they replaced; a file whose chains loop back on
//! themselves cannot be imported (which vote came first?), so the file check refuses it,
//! naming the vote, before anything else (a report, an import) is tried on it.

use std::collections::HashMap;

use super::{problem, FileProblem, WorkshopFile};

pub(super) fn check_runoff_circles(file: &WorkshopFile) -> Result<(), FileProblem> {
    let parent_of: HashMap<&str, &str> = file
        .votes
        .iter()
        .filter_map(|v| v.runoff_of.as_deref().map(|p| (v.id.as_str(), p)))
        .collect();
    for (i, vote) in file.votes.iter().enumerate() {
        let mut at = vote.id.as_str();
        // A chain without a circle reaches its first round in fewer steps than there are votes.
        for _ in 0..file.votes.len() {
            match parent_of.get(at) {
                Some(&parent) if parent == vote.id => {
                    return Err(problem(
                        format!("votes[{i}].runoffOf"),
                        "run-offs refer to each other in a circle: each run-off must replace an \
                         earlier round",
                    ))
                }
                Some(&parent) => at = parent,
                None => break,
            }
        }
    }
    Ok(())
}
