//! The SMART check of a need: what a machine can tell about whether a need is Specific,
//! Measurable, Achievable, Relevant and Time-bound. It never decides for the room; it says,
//! in plain words, what is missing so the facilitator can ask for it.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::needs::{is_agreed, Agreement, NeedInput};

mod deadline;
mod vague;
pub use deadline::is_deadline;
pub use vague::vague_words;

/// Whether one SMART part holds, and if not, why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartCheck {
    pub holds: bool,
    /// Why the part does not hold, one sentence each; empty when it holds.
    pub reasons: Vec<String>,
}

impl PartCheck {
    fn from_reasons(reasons: Vec<String>) -> PartCheck {
        PartCheck {
            holds: reasons.is_empty(),
            reasons,
        }
    }
}

/// The five parts of the SMART check of one need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SmartCheck {
    pub specific: PartCheck,
    pub measurable: PartCheck,
    pub achievable: PartCheck,
    pub relevant: PartCheck,
    pub time_bound: PartCheck,
}

impl SmartCheck {
    pub fn all_hold(&self) -> bool {
        self.parts().iter().all(|part| part.holds)
    }

    /// The badge letters S, M, A, R, T, each with whether its part holds.
    pub fn letters(&self) -> [(char, bool); 5] {
        [
            ('S', self.specific.holds),
            ('M', self.measurable.holds),
            ('A', self.achievable.holds),
            ('R', self.relevant.holds),
            ('T', self.time_bound.holds),
        ]
    }

    /// Every reason from every part, in S-M-A-R-T order.
    pub fn reasons(&self) -> Vec<String> {
        self.parts()
            .iter()
            .flat_map(|part| part.reasons.iter().cloned())
            .collect()
    }

    fn parts(&self) -> [&PartCheck; 5] {
        [
            &self.specific,
            &self.measurable,
            &self.achievable,
            &self.relevant,
            &self.time_bound,
        ]
    }
}

/// Checks a need against SMART. `category_name` is the name of the need's category, or `None`
/// when the category is missing (a need of an unnamed category is not specific).
pub fn check_smart(need: &NeedInput, category_name: Option<&str>) -> SmartCheck {
    SmartCheck {
        specific: check_specific(need, category_name),
        measurable: check_measurable(need),
        achievable: check_achievable(need),
        relevant: check_relevant(need),
        time_bound: check_time_bound(&need.time_bound),
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn check_specific(need: &NeedInput, category_name: Option<&str>) -> PartCheck {
    let mut reasons = Vec::new();
    if blank(&need.specific_who) {
        reasons.push("Specific needs a who: say which customers".to_string());
    }
    if blank(&need.specific_what) {
        reasons.push("Specific needs a what: say what outcome they get".to_string());
    }
    if category_name.is_none_or(blank) {
        reasons.push("Specific needs the need to belong to a named customer category".to_string());
    }
    let mut found: Vec<&str> = vague_words(&need.statement);
    for word in vague_words(&need.specific_what) {
        if !found.contains(&word) {
            found.push(word);
        }
    }
    for word in found {
        reasons.push(format!("“{word}” is vague: {}", vague::hint(word)));
    }
    PartCheck::from_reasons(reasons)
}

/// Currency signs that make a target's unit plain without the unit field.
const CURRENCY_SIGNS: &[char] = &[
    '$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₫', '₴', '₦', '¢', '₱', '₿', '₣',
];

fn check_measurable(need: &NeedInput) -> PartCheck {
    let mut reasons = Vec::new();
    if blank(&need.measure) {
        reasons.push("Measurable needs a measure: name what is counted".to_string());
    }
    if !need.target.chars().any(|c| c.is_ascii_digit()) {
        reasons.push("Measurable needs a number in the target".to_string());
    }
    let unit_in_target = need
        .target
        .chars()
        .any(|c| c == '%' || CURRENCY_SIGNS.contains(&c));
    if blank(&need.unit) && !unit_in_target {
        reasons.push("Measurable needs a unit: fill in the unit or write % in the target".into());
    }
    PartCheck::from_reasons(reasons)
}

fn check_achievable(need: &NeedInput) -> PartCheck {
    let mut reasons = Vec::new();
    if blank(&need.owner) {
        reasons.push("Achievable needs an owner: who will make it happen".to_string());
    }
    if blank(&need.achievable_how) {
        reasons.push("Achievable needs the means: say how it will be achieved".to_string());
    }
    if !need.achievable_confirmed {
        reasons.push("Achievable needs the room to confirm it is realistic".to_string());
    } else if blank(&need.achievable_reason) {
        reasons.push("Achievable needs the reason the room finds it realistic".to_string());
    }
    PartCheck::from_reasons(reasons)
}

fn check_relevant(need: &NeedInput) -> PartCheck {
    let mut reasons = Vec::new();
    if blank(&need.relevant_link) {
        reasons
            .push("Relevant needs a link: say how it serves the category and the business".into());
    }
    if !need.relevant_confirmed {
        reasons.push("Relevant needs the room to confirm it matters".to_string());
    } else if blank(&need.relevant_reason) {
        reasons.push("Relevant needs the reason the room finds it matters".to_string());
    }
    PartCheck::from_reasons(reasons)
}

fn check_time_bound(time_bound: &str) -> PartCheck {
    let trimmed = time_bound.trim();
    let reasons = if trimmed.is_empty() {
        vec!["Time-bound needs a deadline: say by when".to_string()]
    } else if is_deadline(trimmed) {
        Vec::new()
    } else {
        vec![format!(
            "“{trimmed}” is not a deadline: write a date (2027-06-30), a quarter (Q3 2027), \
             a month (June 2027) or a period (within 6 months)"
        )]
    };
    PartCheck::from_reasons(reasons)
}

/// A need may go to the vote when all five SMART parts hold and the room agreed it.
pub fn eligible_for_vote(check: &SmartCheck, agreement: &Agreement) -> bool {
    check.all_hold() && is_agreed(agreement)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_with_time(holds: bool) -> SmartCheck {
        let part = PartCheck {
            holds: true,
            reasons: Vec::new(),
        };
        SmartCheck {
            specific: part.clone(),
            measurable: part.clone(),
            achievable: part.clone(),
            relevant: part.clone(),
            time_bound: PartCheck {
                holds,
                reasons: if holds {
                    vec![]
                } else {
                    vec!["no date".into()]
                },
            },
        }
    }

    /// A need that passes every part; each test breaks one thing.
    fn smart_need() -> NeedInput {
        NeedInput {
            category_id: "c1".into(),
            statement: "New clients send their first invoice within a week".into(),
            specific_who: "New small-business clients".into(),
            specific_what: "Send their first invoice".into(),
            measure: "Days from sign-up to first invoice".into(),
            unit: "days".into(),
            baseline: "12".into(),
            target: "7".into(),
            achievable_how: "Guided set-up call in week one".into(),
            owner: "Onboarding team".into(),
            relevant_link: "First invoice predicts retention".into(),
            time_bound: "Q3 2027".into(),
            achievable_confirmed: true,
            achievable_reason: "Pilot got to 8 days".into(),
            relevant_confirmed: true,
            relevant_reason: "Churn is highest in month one".into(),
        }
    }

    fn check(need: &NeedInput) -> SmartCheck {
        check_smart(need, Some("Small business"))
    }

    #[test]
    fn a_complete_need_is_smart() {
        let result = check(&smart_need());
        assert!(
            result.all_hold(),
            "no reasons expected, got {:?}",
            result.reasons()
        );
        assert!(result.letters().iter().all(|(_, holds)| *holds));
    }

    #[test]
    fn a_need_without_a_who_is_not_specific() {
        let need = NeedInput {
            specific_who: " ".into(),
            ..smart_need()
        };
        let result = check(&need);
        assert_eq!(
            result.specific.reasons,
            vec!["Specific needs a who: say which customers"]
        );
        assert!(!result.all_hold());
    }

    #[test]
    fn a_need_without_a_what_is_not_specific() {
        let need = NeedInput {
            specific_what: String::new(),
            ..smart_need()
        };
        assert!(!check(&need).specific.holds, "the outcome must be named");
    }

    #[test]
    fn a_need_of_an_unnamed_category_is_not_specific() {
        assert!(
            !check_smart(&smart_need(), None).specific.holds,
            "no category"
        );
        assert!(
            !check_smart(&smart_need(), Some("  ")).specific.holds,
            "blank category name"
        );
    }

    #[test]
    fn a_weasel_word_in_the_statement_is_called_out() {
        let need = NeedInput {
            statement: "Clients get invoiced faster".into(),
            ..smart_need()
        };
        let result = check(&need);
        assert_eq!(
            result.specific.reasons,
            vec!["“faster” is vague: say by how much"]
        );
    }

    #[test]
    fn a_weasel_word_in_the_what_is_called_out_too() {
        let need = NeedInput {
            specific_what: "A better onboarding".into(),
            ..smart_need()
        };
        assert!(!check(&need).specific.holds, "“better” says no amount");
    }

    #[test]
    fn a_target_without_a_number_is_not_measurable() {
        let need = NeedInput {
            target: "much lower".into(),
            ..smart_need()
        };
        assert_eq!(
            check(&need).measurable.reasons,
            vec!["Measurable needs a number in the target"]
        );
    }

    #[test]
    fn a_need_without_a_measure_is_not_measurable() {
        let need = NeedInput {
            measure: String::new(),
            ..smart_need()
        };
        assert!(
            !check(&need).measurable.holds,
            "a number needs something it counts"
        );
    }

    #[test]
    fn a_percentage_or_currency_in_the_target_is_unit_enough() {
        for target in ["95%", "€40", "$ 1,200"] {
            let need = NeedInput {
                unit: String::new(),
                target: target.into(),
                ..smart_need()
            };
            assert!(check(&need).measurable.holds, "{target} carries its unit");
        }
        let bare = NeedInput {
            unit: String::new(),
            ..smart_need()
        };
        assert!(!check(&bare).measurable.holds, "“7” alone: 7 what?");
    }

    #[test]
    fn a_need_without_an_owner_is_not_achievable() {
        let need = NeedInput {
            owner: String::new(),
            ..smart_need()
        };
        assert_eq!(
            check(&need).achievable.reasons,
            vec!["Achievable needs an owner: who will make it happen"]
        );
    }

    #[test]
    fn achievable_needs_the_room_to_confirm_with_a_reason() {
        let unconfirmed = NeedInput {
            achievable_confirmed: false,
            ..smart_need()
        };
        assert!(
            !check(&unconfirmed).achievable.holds,
            "the room has not said yes"
        );
        let no_reason = NeedInput {
            achievable_reason: " ".into(),
            ..smart_need()
        };
        assert_eq!(
            check(&no_reason).achievable.reasons,
            vec!["Achievable needs the reason the room finds it realistic"]
        );
    }

    #[test]
    fn relevant_needs_a_link_and_a_confirmed_reason() {
        let no_link = NeedInput {
            relevant_link: String::new(),
            ..smart_need()
        };
        assert!(
            !check(&no_link).relevant.holds,
            "the link to the business is missing"
        );
        let unconfirmed = NeedInput {
            relevant_confirmed: false,
            ..smart_need()
        };
        assert_eq!(
            check(&unconfirmed).relevant.reasons,
            vec!["Relevant needs the room to confirm it matters"]
        );
    }

    #[test]
    fn a_need_without_a_deadline_is_not_time_bound() {
        let need = NeedInput {
            time_bound: String::new(),
            ..smart_need()
        };
        assert_eq!(
            check(&need).time_bound.reasons,
            vec!["Time-bound needs a deadline: say by when"]
        );
    }

    #[test]
    fn a_vague_deadline_is_quoted_back() {
        let need = NeedInput {
            time_bound: "soon".into(),
            ..smart_need()
        };
        let reasons = check(&need).time_bound.reasons;
        assert!(
            reasons
                .first()
                .is_some_and(|r| r.starts_with("“soon” is not a deadline")),
            "the facilitator sees what was typed, got {reasons:?}"
        );
    }

    #[test]
    fn the_badge_shows_which_letters_fail() {
        let need = NeedInput {
            target: String::new(),
            time_bound: String::new(),
            ..smart_need()
        };
        let letters = check(&need).letters();
        assert_eq!(
            letters,
            [
                ('S', true),
                ('M', false),
                ('A', true),
                ('R', true),
                ('T', false)
            ]
        );
    }

    #[test]
    fn smart_checks_serialize_in_camel_case() {
        let json = serde_json::to_value(check(&smart_need())).unwrap();
        assert_eq!(json["timeBound"]["holds"], true);
    }
    #[test]
    fn a_need_goes_to_the_vote_only_when_smart_and_agreed() {
        assert!(eligible_for_vote(
            &check_with_time(true),
            &Agreement::Consensus
        ));
        assert!(
            !eligible_for_vote(&check_with_time(false), &Agreement::Consensus),
            "not time-bound"
        );
        assert!(
            !eligible_for_vote(&check_with_time(true), &Agreement::Pending),
            "not agreed yet"
        );
    }
}
