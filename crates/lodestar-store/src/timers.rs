//! Step timers, stored so a countdown survives a restart. Not part of undo.

use lodestar_core::records::StepTimer;
use lodestar_core::timers::{apply, default_duration, new_timer, TimerAction};
use lodestar_core::Step;
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::Store;
use crate::error::{Result, StoreError};

impl Store {
    /// Every step's timer, with defaults for steps never timed.
    pub fn timers(&self, workshop_id: &str) -> Result<Vec<StepTimer>> {
        list_timers(&self.conn, workshop_id)
    }

    /// Applies a timer action in its own transaction and returns the timer.
    pub fn update_timer(
        &mut self,
        workshop_id: &str,
        step: Step,
        action: &TimerAction,
        now: i64,
    ) -> Result<StepTimer> {
        self.workshop(workshop_id)?;
        self.with_tx(|tx| {
            let current = read_timer(tx, workshop_id, step)?
                .unwrap_or_else(|| new_timer(step, default_duration(step)));
            let next = apply(&current, action, now).map_err(StoreError::Invalid)?;
            tx.execute(
                "INSERT INTO step_timers (workshop_id, step, duration_ms, elapsed_ms, running_since)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (workshop_id, step) DO UPDATE SET duration_ms = ?3, elapsed_ms = ?4,
                     running_since = ?5",
                params![workshop_id, step.as_str(), next.duration_ms, next.elapsed_ms, next.running_since],
            )?;
            Ok(next)
        })
    }
}

fn read_timer(conn: &Connection, workshop_id: &str, step: Step) -> Result<Option<StepTimer>> {
    Ok(conn
        .query_row(
            "SELECT duration_ms, elapsed_ms, running_since FROM step_timers
             WHERE workshop_id = ?1 AND step = ?2",
            params![workshop_id, step.as_str()],
            |row| {
                Ok(StepTimer {
                    step,
                    duration_ms: row.get(0)?,
                    elapsed_ms: row.get(1)?,
                    running_since: row.get(2)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn list_timers(conn: &Connection, workshop_id: &str) -> Result<Vec<StepTimer>> {
    Step::ALL
        .into_iter()
        .map(|step| {
            Ok(read_timer(conn, workshop_id, step)?
                .unwrap_or_else(|| new_timer(step, default_duration(step))))
        })
        .collect()
}
