//! The balance of the board's metrics between outcomes and outputs. The method's warning is
//! that most dashboards are full of output metrics (often ~80% of KPIs); the balance makes that
//! share visible.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::items::{CanvasItem, ItemKind};
use super::tags::Nature;

/// How the metrics on the canvas split between outcomes and outputs. Frames are not
/// metrics and are not counted.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema,
)]
#[serde(rename_all = "camelCase")]
pub struct Balance {
    /// Stickies and KPIs tagged as outcomes.
    pub outcome: u32,
    /// Stickies and KPIs tagged as outputs.
    pub output: u32,
    /// Stickies and KPIs not tagged either way yet.
    pub untagged: u32,
    /// Current KPIs brought onto the canvas.
    pub kpis: u32,
    /// Current KPIs tagged as outputs.
    pub kpi_outputs: u32,
}

impl Balance {
    /// The share (0 to 1) of current KPIs that measure outputs, once there are KPIs.
    pub fn kpi_output_share(&self) -> Option<f64> {
        (self.kpis > 0).then(|| f64::from(self.kpi_outputs) / f64::from(self.kpis))
    }

    /// A sentence for the canvas header, e.g. "8 of 10 current KPIs (80%) measure outputs,
    /// not customer outcomes", once there are KPIs.
    pub fn kpi_summary(&self) -> Option<String> {
        let share = self.kpi_output_share()?;
        let percent = (share * 100.0).round();
        let noun = if self.kpis == 1 { "KPI" } else { "KPIs" };
        let verb = if self.kpi_outputs == 1 && self.kpis == 1 {
            "measures"
        } else {
            "measure"
        };
        Some(format!(
            "{} of {} current {noun} ({percent}%) {verb} outputs, not customer outcomes",
            self.kpi_outputs, self.kpis
        ))
    }
}

/// Counts the tags on every sticky and KPI.
pub fn balance<'a>(items: impl IntoIterator<Item = &'a CanvasItem>) -> Balance {
    let mut balance = Balance::default();
    for item in items {
        if item.kind == ItemKind::Frame {
            continue;
        }
        let nature = item.tags.outcome_or_output;
        match nature {
            Some(Nature::Outcome) => balance.outcome += 1,
            Some(Nature::Output) => balance.output += 1,
            None => balance.untagged += 1,
        }
        if item.kind == ItemKind::Kpi {
            balance.kpis += 1;
            if nature == Some(Nature::Output) {
                balance.kpi_outputs += 1;
            }
        }
    }
    balance
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, sticky};
    use super::*;
    use crate::canvas::MetricTags;

    fn tagged(id: &str, kind: ItemKind, nature: Option<Nature>) -> CanvasItem {
        CanvasItem {
            kind,
            tags: MetricTags {
                outcome_or_output: nature,
                leading_or_lagging: None,
            },
            ..sticky(id, 0.0, 0.0)
        }
    }

    #[test]
    fn the_balance_counts_outcomes_outputs_and_untagged_metrics() {
        let items = [
            tagged("a", ItemKind::Sticky, Some(Nature::Outcome)),
            tagged("b", ItemKind::Sticky, Some(Nature::Outcome)),
            tagged("c", ItemKind::Sticky, Some(Nature::Output)),
            tagged("d", ItemKind::Sticky, None),
        ];
        let b = balance(&items);
        assert_eq!((b.outcome, b.output, b.untagged), (2, 1, 1));
        assert_eq!(b.kpis, 0, "no current KPIs were brought in");
    }

    #[test]
    fn frames_are_not_metrics_and_are_not_counted() {
        let items = [frame("f1", 0.0, 0.0, 100.0, 100.0)];
        assert_eq!(balance(&items), Balance::default());
    }

    #[test]
    fn the_share_of_current_kpis_that_measure_outputs_is_visible() {
        let mut items: Vec<CanvasItem> = (0..8)
            .map(|i| tagged(&format!("k{i}"), ItemKind::Kpi, Some(Nature::Output)))
            .collect();
        items.push(tagged("k8", ItemKind::Kpi, Some(Nature::Outcome)));
        items.push(tagged("k9", ItemKind::Kpi, None));
        let b = balance(&items);
        assert_eq!((b.kpis, b.kpi_outputs), (10, 8));
        assert_eq!(b.kpi_output_share(), Some(0.8));
        assert_eq!(
            b.kpi_summary().as_deref(),
            Some("8 of 10 current KPIs (80%) measure outputs, not customer outcomes")
        );
    }

    #[test]
    fn without_current_kpis_there_is_no_share_to_show() {
        let b = balance(&[tagged("a", ItemKind::Sticky, Some(Nature::Output))]);
        assert_eq!(b.kpi_output_share(), None, "no KPIs, so no share (not 0%)");
        assert_eq!(b.kpi_summary(), None);
    }
}
