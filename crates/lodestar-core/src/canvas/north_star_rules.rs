//! What the canvas must hold for a North Star: the promoted card and its inputs are cards on
//! the canvas (not frames), the star is not its own input, there are few enough inputs to act
//! on, and the star's card cannot be deleted while it is the North Star.

use super::items::ItemKind;
use super::north_star::{InputMetric, NorthStarInput};
use super::CanvasScene;
use crate::refusal::{Refusal, RefusalCode};

/// Most input metrics stored; the method asks for 3 to 5 and warns outside that.
pub const MAX_STORED_INPUTS: usize = 10;

/// Checks a North Star and its inputs against the canvas; returns them cleaned (trimmed).
pub fn check_north_star(
    definition: &NorthStarInput,
    inputs: &[InputMetric],
    scene: &CanvasScene,
) -> Result<(NorthStarInput, Vec<InputMetric>), Refusal> {
    let definition = definition.validate_on(scene)?;
    if inputs.len() > MAX_STORED_INPUTS {
        return Err(Refusal::new(
            RefusalCode::TooMany,
            "inputs",
            format!(
                "{} input metrics is too many to act on: keep at most {MAX_STORED_INPUTS}",
                inputs.len()
            ),
        ));
    }
    let mut clean = Vec::with_capacity(inputs.len());
    for (index, input) in inputs.iter().enumerate() {
        let input = input.validate().map_err(|e| e.within("inputs", index))?;
        if let Some(item_id) = &input.item_id {
            let field = format!("inputs[{index}].itemId");
            if !scene
                .item(item_id)
                .is_some_and(|item| item.kind != ItemKind::Frame)
            {
                return Err(Refusal::new(
                    RefusalCode::NotAMetric,
                    field,
                    "is not a sticky or KPI on the canvas",
                ));
            }
            if item_id == &definition.item_id {
                return Err(Refusal::new(
                    RefusalCode::NorthStarAsInput,
                    field,
                    "the North Star cannot be one of its own inputs",
                ));
            }
        }
        clean.push(input);
    }
    Ok((definition, clean))
}

/// A canvas action may not delete the North Star's card: the room clears the star first.
pub fn refuse_deleting_north_star(
    deletes: &[String],
    north_star_item: Option<&str>,
) -> Result<(), Refusal> {
    if north_star_item.is_some_and(|star| deletes.iter().any(|d| d == star)) {
        return Err(Refusal::new(
            RefusalCode::NorthStarInUse,
            "ids",
            "this sticky is the North Star metric: clear the North Star before deleting it",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{frame, scene, sticky};
    use super::*;

    fn star() -> NorthStarInput {
        NorthStarInput {
            item_id: "star".into(),
            name: "Weekly active teams".into(),
            counted: "Teams of 3+ who shared a plan in the week".into(),
            unit: "teams".into(),
            current_value: String::new(),
            target: "2,000".into(),
            time_frame: "by 2027-06-30".into(),
        }
    }

    fn board() -> CanvasScene {
        scene(
            vec![
                sticky("star", 0.0, 0.0),
                sticky("s2", 200.0, 0.0),
                frame("f1", 0.0, 200.0, 300.0, 200.0),
            ],
            vec![],
        )
    }

    fn input(item_id: Option<&str>, name: &str) -> InputMetric {
        InputMetric {
            item_id: item_id.map(str::to_string),
            name: name.into(),
            owner: "Ops".into(),
        }
    }

    #[test]
    fn a_north_star_with_inputs_from_the_canvas_and_by_name_is_accepted() {
        let inputs = [input(Some("s2"), " Activation "), input(None, "Retention")];
        let (definition, clean) = check_north_star(&star(), &inputs, &board()).unwrap();
        assert_eq!(definition.item_id, "star");
        assert_eq!(clean[0].name, "Activation", "inputs come back trimmed");
    }

    #[test]
    fn more_than_ten_inputs_is_too_many_to_act_on() {
        let inputs: Vec<_> = (0..11).map(|i| input(None, &format!("m{i}"))).collect();
        let refused = check_north_star(&star(), &inputs, &board()).unwrap_err();
        assert_eq!(refused.code, RefusalCode::TooMany);
        assert_eq!(
            refused.message,
            "11 input metrics is too many to act on: keep at most 10"
        );
    }

    #[test]
    fn an_input_must_be_a_card_on_the_canvas_not_a_frame() {
        for missing in ["f1", "gone"] {
            let inputs = [input(None, "Retention"), input(Some(missing), "Activation")];
            let refused = check_north_star(&star(), &inputs, &board()).unwrap_err();
            assert_eq!(refused.code, RefusalCode::NotAMetric);
            assert_eq!(refused.field, "inputs[1].itemId");
        }
    }

    #[test]
    fn the_north_star_cannot_be_its_own_input() {
        let inputs = [input(Some("star"), "Itself")];
        let refused = check_north_star(&star(), &inputs, &board()).unwrap_err();
        assert_eq!(refused.code, RefusalCode::NorthStarAsInput);
        assert_eq!(
            refused.message,
            "the North Star cannot be one of its own inputs"
        );
    }

    #[test]
    fn an_input_without_a_name_is_refused_at_its_place_in_the_list() {
        let inputs = [input(None, "Retention"), input(None, " ")];
        let refused = check_north_star(&star(), &inputs, &board()).unwrap_err();
        assert_eq!(refused.field, "inputs[1].name");
    }

    #[test]
    fn the_north_stars_card_cannot_be_deleted_while_it_is_the_star() {
        let deletes = ["s2".to_string(), "star".to_string()];
        let refused = refuse_deleting_north_star(&deletes, Some("star")).unwrap_err();
        assert_eq!(refused.code, RefusalCode::NorthStarInUse);
        assert!(refuse_deleting_north_star(&deletes[..1], Some("star")).is_ok());
        assert!(refuse_deleting_north_star(&deletes, None).is_ok());
    }
}
