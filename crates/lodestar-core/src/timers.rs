//! Step timeboxes: a countdown per step that survives a restart because it is stored as
//! "elapsed so far" plus "running since", never as a ticking number.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::records::StepTimer;
use crate::refusal::{Refusal, RefusalCode};
use crate::steps::Step;

/// The longest timebox we accept: a whole workshop day.
pub const MAX_TIMEBOX_MS: i64 = 8 * 60 * 60 * 1000;

/// What the facilitator does with a step's timer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TimerAction {
    /// Sets the timebox length (minutes are typical); keeps what already elapsed.
    SetDuration {
        #[specta(type = specta_typescript::Number)]
        duration_ms: i64,
    },
    Start,
    Pause,
    /// Back to the full timebox, stopped.
    Reset,
    /// Adds time to the timebox, e.g. "+5 min" when the room needs longer.
    Extend {
        #[specta(type = specta_typescript::Number)]
        extra_ms: i64,
    },
}

/// The timebox a step starts with, from common practice for a half-day workshop.
pub fn default_duration(step: Step) -> i64 {
    let minutes = match step {
        Step::Stakeholders => 10,
        Step::Categories => 15,
        Step::Needs => 30,
        Step::Vote => 10,
        Step::Canvas => 45,
        Step::Report => 10,
    };
    minutes * 60_000
}

/// A stopped timer of `duration_ms` for `step`.
pub fn new_timer(step: Step, duration_ms: i64) -> StepTimer {
    StepTimer {
        step,
        duration_ms,
        elapsed_ms: 0,
        running_since: None,
    }
}

/// Time used so far at `now`.
pub fn elapsed(timer: &StepTimer, now: i64) -> i64 {
    // Saturating: a clock or a stored value far out of range must not overflow (a panic in a
    // debug build, a wrong time in release); the file check keeps such values out anyway.
    let running = timer
        .running_since
        .map_or(0, |since| now.saturating_sub(since).max(0));
    timer.elapsed_ms.saturating_add(running)
}

/// Time left at `now`; negative once the timebox is over (shown as overtime).
pub fn remaining(timer: &StepTimer, now: i64) -> i64 {
    timer.duration_ms.saturating_sub(elapsed(timer, now))
}

/// Applies a facilitator's action at `now`.
pub fn apply(timer: &StepTimer, action: &TimerAction, now: i64) -> Result<StepTimer, Refusal> {
    let mut next = timer.clone();
    match action {
        TimerAction::SetDuration { duration_ms } => {
            next.duration_ms = check_length("durationMs", *duration_ms)?;
        }
        TimerAction::Start => {
            if next.running_since.is_none() {
                next.running_since = Some(now);
            }
        }
        TimerAction::Pause => {
            next.elapsed_ms = elapsed(timer, now);
            next.running_since = None;
        }
        TimerAction::Reset => {
            next.elapsed_ms = 0;
            next.running_since = None;
        }
        TimerAction::Extend { extra_ms } => {
            let extra = check_length("extraMs", *extra_ms)?;
            next.duration_ms = check_length("extraMs", next.duration_ms.saturating_add(extra))?;
        }
    }
    Ok(next)
}

fn check_length(field: &str, ms: i64) -> Result<i64, Refusal> {
    if ms <= 0 {
        return Err(Refusal::new(
            RefusalCode::OutOfRange,
            field,
            "must be more than zero",
        ));
    }
    if ms > MAX_TIMEBOX_MS {
        return Err(Refusal::new(
            RefusalCode::OutOfRange,
            field,
            "must be at most 8 hours",
        ));
    }
    Ok(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_with_values_far_out_of_range_pauses_without_overflowing() {
        let timer = StepTimer {
            elapsed_ms: i64::MAX - 5,
            running_since: Some(i64::MIN + 5),
            ..new_timer(Step::Vote, 60_000)
        };
        assert_eq!(elapsed(&timer, i64::MAX), i64::MAX);
        let paused = apply(&timer, &TimerAction::Pause, i64::MAX).unwrap();
        assert_eq!(paused.running_since, None);
        assert_eq!(remaining(&paused, 0), 60_000 - i64::MAX);
    }

    const MIN: i64 = 60_000;

    #[test]
    fn a_running_timer_counts_down_from_when_it_started() {
        let timer = apply(
            &new_timer(Step::Needs, 10 * MIN),
            &TimerAction::Start,
            1_000,
        )
        .unwrap();
        assert_eq!(remaining(&timer, 1_000 + 3 * MIN), 7 * MIN);
    }

    #[test]
    fn pausing_keeps_the_time_used_and_stops_the_clock() {
        let started = apply(&new_timer(Step::Needs, 10 * MIN), &TimerAction::Start, 0).unwrap();
        let paused = apply(&started, &TimerAction::Pause, 2 * MIN).unwrap();
        assert_eq!(
            remaining(&paused, 60 * MIN),
            8 * MIN,
            "a paused timer does not move"
        );
        let resumed = apply(&paused, &TimerAction::Start, 60 * MIN).unwrap();
        assert_eq!(remaining(&resumed, 61 * MIN), 7 * MIN);
    }

    #[test]
    fn a_timer_survives_a_restart_because_it_stores_when_it_started() {
        let started = apply(&new_timer(Step::Vote, 5 * MIN), &TimerAction::Start, 0).unwrap();
        let stored = serde_json::to_string(&started).unwrap();
        let restored: StepTimer = serde_json::from_str(&stored).unwrap();
        assert_eq!(
            remaining(&restored, 4 * MIN),
            MIN,
            "time kept running while the app was closed"
        );
    }

    #[test]
    fn overtime_shows_as_negative_time_left() {
        let started = apply(&new_timer(Step::Vote, MIN), &TimerAction::Start, 0).unwrap();
        assert_eq!(remaining(&started, 3 * MIN), -2 * MIN);
    }

    #[test]
    fn extending_adds_time_and_reset_starts_over() {
        let started = apply(&new_timer(Step::Vote, 5 * MIN), &TimerAction::Start, 0).unwrap();
        let extended = apply(&started, &TimerAction::Extend { extra_ms: 5 * MIN }, MIN).unwrap();
        assert_eq!(remaining(&extended, 5 * MIN), 5 * MIN);
        let reset = apply(&extended, &TimerAction::Reset, 6 * MIN).unwrap();
        assert_eq!((reset.elapsed_ms, reset.running_since), (0, None));
    }

    #[test]
    fn a_zero_or_absurd_timebox_is_refused() {
        let timer = new_timer(Step::Vote, MIN);
        assert!(apply(&timer, &TimerAction::SetDuration { duration_ms: 0 }, 0).is_err());
        let err = apply(
            &timer,
            &TimerAction::SetDuration {
                duration_ms: 9 * 60 * MIN,
            },
            0,
        );
        assert_eq!(err.unwrap_err().field, "durationMs");
    }
}
