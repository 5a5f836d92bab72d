//! A vote's options are its record: the ballots and the decision name them. Removing a need
//! or a card that a vote chose among would leave that record pointing at nothing (and the
//! workshop's own file would no longer import), so such a removal is refused until the vote
//! is discarded.

use super::{NeedRefs, Removal};
use crate::refusal::{Refusal, RefusalCode};

/// Refuses `removal` when it takes away an option of a vote (`vote_options`: every option id
/// of every vote of the workshop). A category takes its needs with it.
pub fn refuse_removing_vote_options(
    removal: &Removal,
    needs: &[NeedRefs],
    vote_options: &[String],
) -> Result<(), Refusal> {
    let on_a_ballot = |id: &String| vote_options.contains(id);
    let refused = |what: &str| {
        Err(Refusal::general(
            RefusalCode::OnABallot,
            format!(
                "{what} is an option of a vote: discard that vote first (it keeps the \
                 ballots cast on it), then remove it"
            ),
        ))
    };
    match removal {
        Removal::Need(id) if on_a_ballot(id) => refused("this need"),
        Removal::Category(id)
            if needs
                .iter()
                .any(|n| &n.category_id == id && on_a_ballot(&n.id)) =>
        {
            refused("a need of this category")
        }
        Removal::CanvasItems(ids) if ids.iter().any(on_a_ballot) => refused("this card"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::needs::Agreement;

    fn need(id: &str, category: &str) -> NeedRefs {
        NeedRefs {
            id: id.into(),
            category_id: category.into(),
            agreement: Agreement::Consensus,
        }
    }

    #[test]
    fn a_need_the_room_voted_on_cannot_be_removed_until_the_vote_is_discarded() {
        let options = vec!["n1".to_string(), "n2".to_string()];
        let refused =
            refuse_removing_vote_options(&Removal::Need("n1".into()), &[], &options).unwrap_err();
        assert_eq!(refused.code, RefusalCode::OnABallot);
        assert!(refuse_removing_vote_options(&Removal::Need("n3".into()), &[], &options).is_ok());
    }

    #[test]
    fn a_category_whose_need_is_on_a_ballot_is_refused_too() {
        let needs = [need("n1", "c1"), need("n9", "c2")];
        let options = vec!["n1".to_string()];
        let refused =
            refuse_removing_vote_options(&Removal::Category("c1".into()), &needs, &options);
        assert_eq!(refused.unwrap_err().code, RefusalCode::OnABallot);
        assert!(
            refuse_removing_vote_options(&Removal::Category("c2".into()), &needs, &options).is_ok()
        );
    }

    #[test]
    fn deleting_a_candidate_card_of_a_metric_vote_is_refused() {
        let options = vec!["s1".to_string()];
        let removal = Removal::CanvasItems(vec!["s2".into(), "s1".into()]);
        assert_eq!(
            refuse_removing_vote_options(&removal, &[], &options)
                .unwrap_err()
                .code,
            RefusalCode::OnABallot
        );
        assert!(
            refuse_removing_vote_options(&Removal::Stakeholder("s1".into()), &[], &options).is_ok()
        );
    }
}
