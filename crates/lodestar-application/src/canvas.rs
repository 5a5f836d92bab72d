//! Step 5: canvas operations, the North Star metric and the room's actions.

use lodestar_core::canvas::{ActionInput, CanvasOp, InputMetric, NorthStarInput, SceneChange};
use lodestar_core::records::{Action, NorthStar};

use crate::lodestar::{Change, Lodestar};
use crate::Outcome;

impl Lodestar {
    /// Applies canvas operations as one undo step (a drag that also drops stickies into a
    /// frame is a move and a set-frame) and returns the records written and deleted.
    pub fn apply_canvas_ops(&self, workshop_id: &str, ops: &[CanvasOp]) -> Outcome<SceneChange> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.apply_canvas_ops(workshop_id, ops, now)
        })
    }

    /// Promotes a sticky to the North Star metric, or rewrites its definition and inputs.
    pub fn set_north_star(
        &self,
        workshop_id: &str,
        definition: &NorthStarInput,
        inputs: &[InputMetric],
    ) -> Outcome<NorthStar> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.set_north_star(workshop_id, definition, inputs, now)
        })
    }

    pub fn clear_north_star(&self, workshop_id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.clear_north_star(workshop_id, now)
        })
    }

    pub fn add_action(&self, workshop_id: &str, input: &ActionInput) -> Outcome<Action> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.add_action(workshop_id, input, now)
        })
    }

    pub fn update_action(
        &self,
        workshop_id: &str,
        id: &str,
        input: &ActionInput,
    ) -> Outcome<Action> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.update_action(id, input, now)
        })
    }

    pub fn remove_action(&self, workshop_id: &str, id: &str) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.remove_action(id, now)
        })
    }

    pub fn reorder_actions(&self, workshop_id: &str, ids: &[String]) -> Outcome<()> {
        self.act(Change::workshop(workshop_id), |s, now| {
            s.reorder_actions(workshop_id, ids, now)
        })
    }
}
