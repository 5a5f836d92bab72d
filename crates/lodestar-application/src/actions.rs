//! Steps 1–3 and the step timers: who is in the room, the customer categories, the SMART
//! needs and their agreement. Each function is one action, one transaction, one undo step
//! (timers excepted: they are never undone, see ARCHITECTURE.md).

use lodestar_core::categories::CategoryInput;
use lodestar_core::needs::{Agreement, NeedInput};
use lodestar_core::records::{Category, Need, Stakeholder, StepTimer, WorkshopData};
use lodestar_core::stakeholders::StakeholderInput;
use lodestar_core::timers::TimerAction;
use lodestar_core::Step;

use crate::lodestar::{Change, Lodestar};
use crate::Outcome;

impl Lodestar {
    /// Everything of one workshop that its steps show.
    pub fn workshop_data(&self, id: &str) -> Outcome<WorkshopData> {
        let now = self.now();
        self.with_store(|s| s.workshop_data(id, now))
    }

    pub fn add_stakeholder(
        &self,
        workshop_id: &str,
        input: &StakeholderInput,
    ) -> Outcome<Stakeholder> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.add_stakeholder(workshop_id, input, now)
        })
    }

    pub fn update_stakeholder(
        &self,
        workshop_id: &str,
        id: &str,
        input: &StakeholderInput,
    ) -> Outcome<Stakeholder> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.update_stakeholder(id, input, now)
        })
    }

    pub fn remove_stakeholder(&self, workshop_id: &str, id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.remove_stakeholder(id, now)
        })
    }

    pub fn reorder_stakeholders(&self, workshop_id: &str, ids: &[String]) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.reorder_stakeholders(workshop_id, ids, now)
        })
    }

    pub fn add_category(&self, workshop_id: &str, input: &CategoryInput) -> Outcome<Category> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.add_category(workshop_id, input, now)
        })
    }

    pub fn update_category(
        &self,
        workshop_id: &str,
        id: &str,
        input: &CategoryInput,
    ) -> Outcome<Category> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.update_category(id, input, now)
        })
    }

    pub fn remove_category(&self, workshop_id: &str, id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.remove_category(id, now)
        })
    }

    pub fn reorder_categories(&self, workshop_id: &str, ids: &[String]) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.reorder_categories(workshop_id, ids, now)
        })
    }

    pub fn add_need(&self, workshop_id: &str, input: &NeedInput) -> Outcome<Need> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.add_need(workshop_id, input, now)
        })
    }

    pub fn update_need(&self, workshop_id: &str, id: &str, input: &NeedInput) -> Outcome<Need> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.update_need(id, input, now)
        })
    }

    pub fn set_need_agreement(
        &self,
        workshop_id: &str,
        id: &str,
        agreement: &Agreement,
    ) -> Outcome<Need> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.set_need_agreement(id, agreement, now)
        })
    }

    pub fn remove_need(&self, workshop_id: &str, id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.remove_need(id, now)
        })
    }

    pub fn update_timer(
        &self,
        workshop_id: &str,
        step: Step,
        action: &TimerAction,
    ) -> Outcome<StepTimer> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.update_timer(workshop_id, step, action, now)
        })
    }
}
