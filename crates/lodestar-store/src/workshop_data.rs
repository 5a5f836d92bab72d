//! Reads everything an open workshop shows in one consistent snapshot, with the gates of
//! each step worked out from it.

use lodestar_core::canvas::{balance, metric_candidates};
use lodestar_core::gating::{gates, WorkshopProgress};
use lodestar_core::records::WorkshopData;

use crate::categories::list_categories;
use crate::connection::Store;
use crate::error::Result;
use crate::needs::list_needs;
use crate::north_star::list_actions;
use crate::north_star_rows::read_north_star;
use crate::scene_rows::{known_ids, read_scene};
use crate::stakeholders::list_stakeholders;
use crate::timers::list_timers;
use crate::vote_rows::{focus_decision, list_votes, metric_choice};

impl Store {
    /// The whole workshop as the app shows it, read inside one transaction.
    pub fn workshop_data(&mut self, id: &str, _now: i64) -> Result<WorkshopData> {
        let workshop = self.workshop(id)?;
        let tx = self.conn.transaction()?;
        let stakeholders = list_stakeholders(&tx, id)?;
        let categories = list_categories(&tx, id)?;
        let needs = list_needs(&tx, id, &categories)?;
        let votes = list_votes(&tx, id)?;
        let focus = focus_decision(&tx, id, &needs)?;
        let timers = list_timers(&tx, id)?;
        let canvas = read_scene(&tx, id, &known_ids(&tx, id)?)?;
        let metric_choice = metric_choice(&tx, id)?;
        let north_star = read_north_star(&tx, id)?;
        let actions = list_actions(&tx, id)?;
        tx.commit()?;

        let progress = WorkshopProgress {
            stakeholders: count(stakeholders.len()),
            present_stakeholders: count(stakeholders.iter().filter(|s| s.details.present).count()),
            categories: count(categories.len()),
            needs: count(needs.len()),
            agreed_needs: count(needs.iter().filter(|n| n.eligible).count()),
            vote_decided: focus.is_some(),
            focus_need_stale: focus.as_ref().is_some_and(|f| f.stale),
            north_star_chosen: north_star.is_some(),
        };
        Ok(WorkshopData {
            workshop,
            stakeholders,
            categories,
            needs,
            votes,
            focus,
            gates: gates(&progress),
            timers,
            balance: balance(&canvas.items),
            metric_candidates: metric_candidates(&canvas.items),
            canvas,
            metric_choice,
            north_star,
            actions,
        })
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
