//! Tags the room puts on candidate metrics and current KPIs: outcome or output, leading or
//! lagging. What they add up to across the board is in `balance`.

use serde::{Deserialize, Serialize};
use specta::Type;

/// Whether a metric measures what customers get or what the organisation does.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// A successful customer outcome (e.g. "teams that closed their books on time").
    Outcome,
    /// Internal activity (e.g. "calls answered", "projects on budget").
    Output,
}

/// Whether a metric moves before the results it predicts or reports them afterwards.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    Leading,
    Lagging,
}

/// The tags on one item; either may be left open until the room decides.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct MetricTags {
    #[schemars(default)]
    pub outcome_or_output: Option<Nature>,
    #[schemars(default)]
    pub leading_or_lagging: Option<Timing>,
}

impl MetricTags {
    /// The tags that are set, as their file keys in a fixed order: `outcome`/`output`, then
    /// `leading`/`lagging`.
    pub fn keys(&self) -> Vec<&'static str> {
        let nature = self.outcome_or_output.map(|n| match n {
            Nature::Outcome => "outcome",
            Nature::Output => "output",
        });
        let timing = self.leading_or_lagging.map(|t| match t {
            Timing::Leading => "leading",
            Timing::Lagging => "lagging",
        });
        nature.into_iter().chain(timing).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_serialize_in_snake_case_for_typescript() {
        let tags = MetricTags {
            outcome_or_output: Some(Nature::Outcome),
            leading_or_lagging: Some(Timing::Leading),
        };
        assert_eq!(
            serde_json::to_value(tags).unwrap(),
            serde_json::json!({"outcomeOrOutput": "outcome", "leadingOrLagging": "leading"})
        );
    }
}
