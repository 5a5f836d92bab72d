//! Numbers a file may carry, bounded to what the app can go on working with: a position or a
//! revision near `i32::MAX` would overflow on the next add or edit and lock the workshop; a
//! timer from the year 292 million would overflow on Pause.

use super::{problem, FileProblem, WorkshopFile};
use crate::timers::MAX_TIMEBOX_MS;

/// The largest list position a file may give (far above any list the app can hold).
pub const MAX_POSITION: i32 = 1_000_000;
/// The largest need revision a file may give; each edit adds one.
pub const MAX_REVISION: i32 = 1_000_000;
/// Ids are the app's own (uuids); a file's may be longer, but not without bound.
pub const MAX_ID_CHARS: usize = 200;
/// A running timer started before the year 3000 (ms since 1970).
pub const MAX_TIMESTAMP_MS: i64 = 32_503_680_000_000;

fn within(path: String, value: i64, max: i64) -> Result<(), FileProblem> {
    if (0..=max).contains(&value) {
        Ok(())
    } else {
        Err(problem(
            path,
            format!("must be between 0 and {max}; got {value}"),
        ))
    }
}

/// Checks that no list of `file` is longer than a workshop may hold.
fn check_counts(file: &WorkshopFile) -> Result<(), FileProblem> {
    use crate::limits::*;
    let lists = [
        ("stakeholders", file.stakeholders.len(), MAX_STAKEHOLDERS),
        ("categories", file.categories.len(), MAX_CATEGORIES),
        ("needs", file.needs.len(), MAX_NEEDS),
        ("actions", file.actions.len(), MAX_ACTIONS),
        ("votes", file.votes.len(), MAX_VOTES),
        (
            "votes[].ballots",
            file.votes.iter().map(|v| v.ballots.len()).sum(),
            MAX_BALLOTS,
        ),
        ("canvas.items", file.canvas.items.len(), MAX_CANVAS_ITEMS),
        ("canvas.links", file.canvas.links.len(), MAX_CANVAS_LINKS),
    ];
    for (path, count, max) in lists {
        if count > max {
            return Err(problem(
                path,
                format!("has {count} entries; a workshop holds at most {max}"),
            ));
        }
    }
    Ok(())
}

/// Checks every bounded number of `file`, naming the first that is out of range.
pub(super) fn check_ranges(file: &WorkshopFile) -> Result<(), FileProblem> {
    check_counts(file)?;
    let position = |list: &str, i: usize, value: i32| {
        within(
            format!("{list}[{i}].position"),
            i64::from(value),
            i64::from(MAX_POSITION),
        )
    };
    for (i, s) in file.stakeholders.iter().enumerate() {
        position("stakeholders", i, s.position)?;
    }
    for (i, c) in file.categories.iter().enumerate() {
        position("categories", i, c.position)?;
    }
    for (i, a) in file.actions.iter().enumerate() {
        position("actions", i, a.position)?;
    }
    for (i, n) in file.needs.iter().enumerate() {
        position("needs", i, n.position)?;
        within(
            format!("needs[{i}].revision"),
            i64::from(n.revision),
            i64::from(MAX_REVISION),
        )?;
    }
    for (i, d) in file.decisions.iter().enumerate() {
        for (need, revision) in &d.revisions {
            // A key may name a need removed since the decision (that is what makes the focus
            // stale), so it need not be in the file; it must still look like an id.
            if need.trim().is_empty() || need.chars().count() > MAX_ID_CHARS {
                return Err(problem(
                    format!("decisions[{i}].revisions"),
                    format!("has a need id that is empty or over {MAX_ID_CHARS} characters"),
                ));
            }
            let path = format!("decisions[{i}].revisions.{need}");
            within(path, i64::from(*revision), i64::from(MAX_REVISION))?;
        }
    }
    for (i, t) in file.timers.iter().enumerate() {
        within(
            format!("timers[{i}].durationMs"),
            t.duration_ms,
            MAX_TIMEBOX_MS,
        )?;
        // A timer can run past its time box (the room overruns), but not for days.
        within(
            format!("timers[{i}].elapsedMs"),
            t.elapsed_ms,
            MAX_TIMEBOX_MS * 10,
        )?;
        if let Some(since) = t.running_since {
            within(format!("timers[{i}].runningSince"), since, MAX_TIMESTAMP_MS)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::TimerEntry;
    use crate::steps::Step;

    fn timer(elapsed_ms: i64, running_since: Option<i64>) -> TimerEntry {
        TimerEntry {
            step: Step::Vote,
            duration_ms: 600_000,
            elapsed_ms,
            running_since,
        }
    }

    fn file_with(timers: Vec<TimerEntry>) -> WorkshopFile {
        let mut file: WorkshopFile = serde_json::from_str(include_str!(
            "../../../../assets/example/harbour-foods.lodestar.json"
        ))
        .unwrap();
        file.timers = timers;
        file
    }

    #[test]
    fn a_timer_from_far_in_the_future_is_refused_before_it_can_overflow_on_pause() {
        let file = file_with(vec![timer(0, Some(i64::MAX))]);
        let refused = check_ranges(&file).unwrap_err();
        assert_eq!(refused.path, "timers[0].runningSince");
        let file = file_with(vec![timer(i64::MAX, None)]);
        assert_eq!(check_ranges(&file).unwrap_err().path, "timers[0].elapsedMs");
        assert!(check_ranges(&file_with(vec![timer(1_000, Some(1_700_000_000_000))])).is_ok());
    }

    #[test]
    fn a_revision_or_position_near_the_integer_limit_is_refused() {
        let mut file = file_with(Vec::new());
        file.needs[0].revision = i32::MAX;
        assert_eq!(check_ranges(&file).unwrap_err().path, "needs[0].revision");
        let mut file = file_with(Vec::new());
        file.stakeholders[1].position = i32::MAX;
        assert_eq!(
            check_ranges(&file).unwrap_err().path,
            "stakeholders[1].position"
        );
    }

    #[test]
    fn a_file_with_more_stakeholders_than_a_workshop_holds_is_refused() {
        let mut file = file_with(Vec::new());
        let one = file.stakeholders[0].clone();
        file.stakeholders = (0..=crate::limits::MAX_STAKEHOLDERS)
            .map(|i| {
                let mut s = one.clone();
                s.id = format!("p{i}");
                s
            })
            .collect();
        assert_eq!(check_ranges(&file).unwrap_err().path, "stakeholders");
    }
}
